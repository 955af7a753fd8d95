// Package agency compares agency names the way people write them. The
// ledger may say 某县市场监督管理局 where the directory says 某县市场监管局
// and a user types 市场监管局: Key folds each writing to one comparison key
// (full-width, spaces, common abbreviations, configured aliases), Same
// compares two names by key, and Resolve finds the ledger names a short
// name designates.
//
// The folding is deliberately conservative: it expands abbreviations that
// name one body (市场监管局 = 市场监督管理局) and never strips the place, so
// 某县公安局 and 某市公安局 stay different agencies. Anything else a
// locality writes is an alias in configuration (scope.agency_aliases).
package agency

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Names holds the configured aliases.
type Names struct {
	aliases map[string]string // fold(alias) -> fold(canonical)
}

// New builds Names from alias entries written "别名=单位" (县市监局=某县市场
// 监督管理局). A malformed entry is an error naming it.
func New(entries []string) (Names, error) {
	n := Names{aliases: map[string]string{}}
	for _, e := range entries {
		alias, canonical, ok := strings.Cut(e, "=")
		alias, canonical = fold(alias), fold(canonical)
		if !ok || alias == "" || canonical == "" {
			return Names{}, fmt.Errorf("单位别名“%s”格式不对，应写作 别名=台账中的单位名，例如 县市监局=某县市场监督管理局", e)
		}
		n.aliases[alias] = canonical
	}
	return n, nil
}

// With returns n with more aliases: spellings recorded in the ledger
// (written -> the agency's name), such as those merged by casebot
// agencies merge. Configured aliases win over recorded ones.
func (n Names) With(spellings map[string]string) Names {
	out := Names{aliases: make(map[string]string, len(n.aliases)+len(spellings))}
	for a, c := range spellings {
		if fa, fc := fold(a), fold(c); fa != "" && fc != "" && fa != fc {
			out.aliases[fa] = fc
		}
	}
	for a, c := range n.aliases {
		out.aliases[a] = c
	}
	return out
}

// Aliases returns the configured aliases of the agency name (as written in
// configuration, folded), sorted.
func (n Names) Aliases(name string) []string {
	k := n.Key(name)
	var out []string
	for a, c := range n.aliases {
		if abbreviations.Replace(c) == k || c == fold(name) {
			out = append(out, a)
		}
	}
	sort.Strings(out)
	return out
}

// abbreviations maps short department names onto the full names of the
// same bodies, longest first. None of the short forms is part of its full
// form, so replacing them is idempotent.
var abbreviations = strings.NewReplacer(
	"人力资源社会保障局", "人力资源和社会保障局",
	"住房城乡建设局", "住房和城乡建设局",
	"文化旅游局", "文化和旅游局",
	"市场监管局", "市场监督管理局",
	"人力社保局", "人力资源和社会保障局",
	"市监局", "市场监督管理局",
	"人社局", "人力资源和社会保障局",
	"住建局", "住房和城乡建设局",
	"卫健局", "卫生健康局",
	"卫健委", "卫生健康委员会",
	"交通局", "交通运输局",
	"农业局", "农业农村局",
	"文旅局", "文化和旅游局",
	"应急局", "应急管理局",
	"医保局", "医疗保障局",
	"发改局", "发展和改革局",
	"发改委", "发展和改革委员会",
	"环保局", "生态环境局",
	"自资局", "自然资源局",
	"综合执法局", "综合行政执法局",
	"退役军人局", "退役军人事务局",
)

// Key returns the comparison key of a name: folded, an alias replaced by
// what it stands for, abbreviations expanded, 政府 read as 人民政府.
func (n Names) Key(name string) string {
	k := fold(name)
	if c, ok := n.aliases[k]; ok {
		k = c
	}
	k = abbreviations.Replace(k)
	if strings.HasSuffix(k, "政府") && !strings.HasSuffix(k, "人民政府") {
		k = strings.TrimSuffix(k, "政府") + "人民政府"
	}
	return k
}

// Same reports whether a and b name the same agency.
func (n Names) Same(a, b string) bool {
	if a == b {
		return a != ""
	}
	ka := n.Key(a)
	return ka != "" && ka == n.Key(b)
}

// Resolve returns the names among known (the ledger's agencies) that name
// designates, sorted: those with the same key when there are any, else
// those whose key ends with name's (市场监管局 designates
// 某县市场监督管理局). An empty name designates nothing.
func (n Names) Resolve(name string, known []string) []string {
	k := n.Key(name)
	if k == "" {
		return nil
	}
	var exact, suffix []string
	for _, a := range known {
		ka := n.Key(a)
		switch {
		case ka == k:
			exact = append(exact, a)
		case strings.HasSuffix(ka, k):
			suffix = append(suffix, a)
		}
	}
	out := exact
	if len(out) == 0 {
		out = suffix
	}
	sort.Strings(out)
	return out
}

// fold drops spaces and punctuation and turns full-width letters and
// digits into half-width, so 某县 市场监管局 and 某县市场监管局 compare equal.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '！' && r <= '～':
			r -= 0xFEE0
		case r == '\u3000':
			continue
		}
		if unicode.IsSpace(r) || unicode.IsPunct(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
