package bulletin

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/store"
	"casebot/bot/workcal"
)

// RectifySource is what the 整改情况 and 重点案件 sections read besides a
// Source: the open-deadline index. The store is one; a Source without it
// leaves both sections out (their keys stay absent from the JSON).
type RectifySource interface {
	DeadlineRefs(ctx context.Context, from, to workcal.Day, kinds ...deadline.Kind) ([]store.DeadlineAt, error)
	RiskNumbers(ctx context.Context) ([]string, error)
}

// Rectification is the 整改情况 of the bulletin (一案一整改), an additive key
// of the contract's JSON.
//
//   - requested: reports asked for in the month (a loss or 纠错 closed);
//   - due: reports whose last day fell in the month; filed: of those, the
//     ones filed by the time of the report; on_time: filed by the last day;
//   - overdue: reports past their last day and not filed, at the time of
//     the report, whatever the month they were due in (the backlog);
//   - repeat: the month's requests flagged 再次败诉 (the same agency lost in
//     the same 案由 within rectify.repeat_within_days).
//
// A case with several defendant agencies counts for each, and once in the
// total.
type Rectification struct {
	Total        RectifyCounts   `json:"total"`
	Agencies     []RectifyCounts `json:"agencies"`
	OverdueCases []RectifyCase   `json:"overdue_cases"`
	RepeatCases  []RectifyCase   `json:"repeat_cases"`
}

// RectifyCounts are the 整改 figures of the total or one agency.
type RectifyCounts struct {
	Agency    string `json:"agency,omitempty"`
	Requested int    `json:"requested"`
	Due       int    `json:"due"`
	Filed     int    `json:"filed"`
	OnTime    int    `json:"on_time"`
	Overdue   int    `json:"overdue"`
	Repeat    int    `json:"repeat"`
}

// RectifyCase is one case listed in the section.
type RectifyCase struct {
	Number string `json:"number"`
	Agency string `json:"agency"`
	// Due is the report's last day (yyyy-mm-dd).
	Due string `json:"due"`
	// Earlier is the earlier loss of a repeat.
	Earlier string `json:"earlier,omitempty"`
}

// KeyCase is one 重点案件 (flagged 败诉风险) of the bulletin's key_cases, an
// additive key of the contract's JSON.
type KeyCase struct {
	Number  string   `json:"number"`
	Agency  string   `json:"agency"`
	Reason  string   `json:"reason"`
	Flagged string   `json:"flagged"` // yyyy-mm-dd
	Leaders []string `json:"leaders,omitempty"`
}

// rectifyLookback is how far before the month the losses whose report can
// fall due in the month are looked for: rectify.due_days is at most 366.
const rectifyLookback = 367 * 24 * time.Hour

// rectifyFacts are the fields of a stored case the section reads.
type rectifyFacts struct {
	Number     string               `json:"number"`
	Kind       cases.Kind           `json:"kind"`
	Defendants []string             `json:"defendants"`
	Closure    *cases.Closure       `json:"closure"`
	Rectify    *cases.Rectification `json:"rectify"`
	Risk       *cases.Risk          `json:"risk"`
	Cause      string               `json:"cause"`
}

// addRectification computes the 整改情况 and 重点案件 of month m into r, as of
// now, when src has the indexes they need.
func addRectification(ctx context.Context, src Source, r *Report, m Month, opt Options) error {
	rs, ok := src.(RectifySource)
	if !ok {
		return nil
	}
	rules := opt.Deadlines
	if rules == nil {
		rules = deadline.Default()
	}
	loc := opt.Location
	now := opt.Now.In(loc)
	today := workcal.DateOf(now, loc)
	from, to := m.Start(loc), m.End(loc)

	seen := map[string]bool{}
	var numbers []string
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			numbers = append(numbers, n)
		}
	}
	closed, err := src.ClosedNumbers(ctx, from.Add(-rectifyLookback), to)
	if err != nil {
		return err
	}
	for _, n := range closed {
		add(n)
	}
	open, err := rs.DeadlineRefs(ctx, workcal.Day{}, today.AddDays(-1), deadline.Rectify)
	if err != nil {
		return err
	}
	for _, o := range open {
		add(o.Number)
	}
	risky, err := rs.RiskNumbers(ctx)
	if err != nil {
		return err
	}
	for _, n := range risky {
		add(n)
	}
	sort.Strings(numbers)

	sec := &Rectification{Agencies: []RectifyCounts{}, OverdueCases: []RectifyCase{}, RepeatCases: []RectifyCase{}}
	byAgency := map[string]*RectifyCounts{}
	r.KeyCases = []KeyCase{}
	batch := max(opt.Batch, 1)
	for start := 0; start < len(numbers); start += batch {
		raws, err := src.GetManyRaw(ctx, numbers[start:min(start+batch, len(numbers))])
		if err != nil {
			return err
		}
		for _, raw := range raws {
			if raw == nil {
				continue
			}
			var f rectifyFacts
			if err := json.Unmarshal(raw, &f); err != nil {
				return fmt.Errorf("decode case: %w", err)
			}
			if f.Risk != nil && f.Closure == nil {
				for _, a := range distinct(f.Defendants) {
					r.KeyCases = append(r.KeyCases, KeyCase{Number: f.Number, Agency: a, Reason: f.Risk.Reason,
						Flagged: workcal.DateOf(f.Risk.On, loc).String(), Leaders: f.Risk.Leaders})
				}
			}
			if f.Rectify == nil {
				continue
			}
			c := &cases.Case{Number: f.Number, Kind: f.Kind, Defendants: f.Defendants, Closure: f.Closure, Rectify: f.Rectify}
			d, ok := rules.Find(c, deadline.Rectify)
			if !ok {
				continue
			}
			var k RectifyCounts
			rc := f.Rectify
			if req := rc.RequestedOn.In(loc); !req.Before(from) && req.Before(to) {
				k.Requested = 1
				if rc.Repeat != "" {
					k.Repeat = 1
				}
			}
			dueAt := d.Due.At(workcal.Clock{}, loc)
			if !dueAt.Before(from) && dueAt.Before(to) {
				k.Due = 1
				if d.Done {
					k.Filed = 1
					if !d.DoneOn.After(d.Due) {
						k.OnTime = 1
					}
				}
			}
			if d.Open() && d.Due.Before(today) {
				k.Overdue = 1
			}
			if k == (RectifyCounts{}) {
				continue
			}
			sec.Total.add(k)
			for _, a := range distinct(f.Defendants) {
				ak := byAgency[a]
				if ak == nil {
					ak = &RectifyCounts{Agency: a}
					byAgency[a] = ak
				}
				ak.add(k)
				if k.Overdue == 1 {
					sec.OverdueCases = append(sec.OverdueCases, RectifyCase{Number: f.Number, Agency: a, Due: d.Due.String()})
				}
				if k.Repeat == 1 {
					sec.RepeatCases = append(sec.RepeatCases, RectifyCase{Number: f.Number, Agency: a, Due: d.Due.String(), Earlier: rc.Repeat})
				}
			}
		}
	}
	for _, k := range byAgency {
		sec.Agencies = append(sec.Agencies, *k)
	}
	sort.Slice(sec.Agencies, func(i, j int) bool {
		a, b := sec.Agencies[i], sec.Agencies[j]
		if a.Overdue != b.Overdue {
			return a.Overdue > b.Overdue
		}
		return a.Agency < b.Agency
	})
	sort.SliceStable(sec.OverdueCases, func(i, j int) bool { return sec.OverdueCases[i].Due < sec.OverdueCases[j].Due })
	r.Rectification = sec
	return nil
}

func (k *RectifyCounts) add(o RectifyCounts) {
	k.Requested += o.Requested
	k.Due += o.Due
	k.Filed += o.Filed
	k.OnTime += o.OnTime
	k.Overdue += o.Overdue
	k.Repeat += o.Repeat
}

// rectification is the notice's 整改情况 section.
func (w *writer) rectification() section {
	sec := w.r.Rectification
	title := "“一案一整改”落实情况"
	t := sec.Total
	if t == (RectifyCounts{}) {
		return section{title: title, lines: []string{"本月无到期或逾期的败诉案件整改报告。"}}
	}
	lines := []string{fmt.Sprintf("本月新发整改通知 %d 件；本月到期整改报告 %d 件，已报送 %d 件（按期 %d 件）；截至统计时逾期未报送 %d 件。",
		t.Requested, t.Due, t.Filed, t.OnTime, t.Overdue)}
	var late []string
	for _, a := range sec.Agencies {
		if a.Overdue > 0 {
			late = append(late, fmt.Sprintf("%s %d 件", a.Agency, a.Overdue))
		}
	}
	if len(late) > 0 {
		lines = append(lines, "逾期未报送整改报告的单位："+strings.Join(late, "；")+"。请相关单位立即报送败诉原因分析和整改措施。")
	}
	for i, c := range sec.RepeatCases {
		if i >= w.st.ListLimit {
			break
		}
		lines = append(lines, fmt.Sprintf("- **再次败诉**：%s 一年内同类案件再次败诉（%s，前案 %s），请重点整改。", c.Agency, c.Number, c.Earlier))
	}
	return section{title: title, lines: lines}
}

// keyCases is the notice's 重点案件 section: the open cases flagged 败诉风险.
func (w *writer) keyCases() section {
	title := "重点案件（败诉风险）"
	if len(w.r.KeyCases) == 0 {
		return section{title: title, lines: []string{"目前无标记为败诉风险的重点案件。"}}
	}
	lines := []string{fmt.Sprintf("目前标记为败诉风险的未结案件 %d 件，请分管领导包案督导：", len(w.r.KeyCases))}
	for i, k := range w.r.KeyCases {
		if i >= w.st.ListLimit {
			lines = append(lines, fmt.Sprintf("（其余 %d 件略）", len(w.r.KeyCases)-i))
			break
		}
		lines = append(lines, fmt.Sprintf("- %s（%s）：%s", k.Number, k.Agency, k.Reason))
	}
	return section{title: title, lines: lines}
}
