package ledger

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"casebot/bot/agency"
	"casebot/bot/store"
)

// agencyNamer gives each agency one name on import: a defendant written
// another way (某县市场监管局, 某县人社局, a configured alias, a spelling
// merged before) is stored under the name the ledger already uses for it
// (某县市场监督管理局), and a genuinely new agency under the first spelling
// the file gives it. The comparison is agency.Names.Key, the one chat uses.
type agencyNamer struct {
	names agency.Names
	byKey map[string]string // comparison key -> the ledger's name
	known map[string]bool   // agencies stored before the import

	// What to tell: spellings read as a known agency, and new agencies.
	respelled map[string]string // written -> name
	firstRow  map[string]int    // written or new name -> first row
	fresh     []string
}

// newAgencyNamer loads the stored agencies (and spellings recorded under
// them); when several stored names share a key, the one with the most
// cases is the name (casebot agencies merge folds the others into it).
func newAgencyNamer(ctx context.Context, st *store.Store, names agency.Names) (*agencyNamer, error) {
	counts, err := st.AgencyCounts(ctx)
	if err != nil {
		return nil, err
	}
	spellings, err := st.Spellings(ctx)
	if err != nil {
		return nil, err
	}
	a := &agencyNamer{names: names.With(spellings), byKey: map[string]string{}, known: map[string]bool{},
		respelled: map[string]string{}, firstRow: map[string]int{}}
	stored := make([]string, 0, len(counts))
	for name := range counts {
		stored = append(stored, name)
		a.known[name] = true
	}
	sort.Slice(stored, func(i, j int) bool {
		if counts[stored[i]] != counts[stored[j]] {
			return counts[stored[i]] > counts[stored[j]]
		}
		return stored[i] < stored[j]
	})
	for _, name := range stored {
		if k := a.names.Key(name); a.byKey[k] == "" {
			a.byKey[k] = name
		}
	}
	return a, nil
}

// name returns the ledger's name for a defendant written at row.
func (a *agencyNamer) name(written string, row int) string {
	k := a.names.Key(written)
	if k == "" {
		return written
	}
	name, ok := a.byKey[k]
	if !ok {
		a.byKey[k] = written
		a.fresh = append(a.fresh, written)
		a.firstRow[written] = row
		return written
	}
	if name != written {
		if _, seen := a.respelled[written]; !seen {
			a.respelled[written] = name
			a.firstRow[written] = row
		}
	}
	return name
}

// defendants renames an entry's defendants, once each.
func (a *agencyNamer) defendants(e *Entry) {
	if len(e.Case.Defendants) == 0 {
		return
	}
	row := e.Rows[0]
	if e.src[fDefendants] > 0 {
		row = e.src[fDefendants]
	}
	var out []string
	for _, d := range e.Case.Defendants {
		if n := a.name(d, row); !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	e.Case.Defendants = out
}

// notices tells how agencies were named: spellings read as an agency the
// ledger has (the merge needs nobody), and agencies new to the ledger,
// which may be typos.
func (a *agencyNamer) notices() []string {
	var out []string
	if len(a.respelled) > 0 {
		ws := make([]string, 0, len(a.respelled))
		for w := range a.respelled {
			ws = append(ws, w)
		}
		sort.Slice(ws, func(i, j int) bool { return a.firstRow[ws[i]] < a.firstRow[ws[j]] })
		parts := make([]string, len(ws))
		for i, w := range ws {
			parts[i] = fmt.Sprintf("“%s”记为“%s”（第 %d 行起）", w, a.respelled[w], a.firstRow[w])
		}
		out = append(out, fmt.Sprintf("%d 个单位的写法与台账中已有的单位相同，已按台账中的名称记录：%s", len(ws), strings.Join(parts, "；")))
	}
	if len(a.fresh) > 0 {
		parts := make([]string, len(a.fresh))
		for i, n := range a.fresh {
			parts[i] = fmt.Sprintf("%s（第 %d 行）", n, a.firstRow[n])
		}
		msg := fmt.Sprintf("台账中新出现 %d 个被告单位：%s", len(a.fresh), strings.Join(parts, "、"))
		if len(a.known) > 0 {
			msg += "；如其中有已有单位的另一种写法，请改用台账中的名称，或导入后用 casebot agencies merge 合并"
		}
		out = append(out, msg)
	}
	return out
}

// newAgencies returns the agencies the import brings into the ledger.
func (a *agencyNamer) newAgencies() []string { return slices.Clone(a.fresh) }
