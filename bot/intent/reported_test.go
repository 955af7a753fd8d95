package intent

import (
	"testing"
	"time"

	"casebot/bot/cases"
)

// TestFieldReports: reports from the field as heads and handlers type them
// on a phone are read as the fact they tell (held, decided with or without
// the 结案方式, withdrawn), with the case they name in any form; questions
// in the same words are not reports.
func TestFieldReports(t *testing.T) {
	now := time.Date(2026, 11, 19, 8, 40, 0, 0, time.FixedZone("CST", 8*3600))
	o := Options{Now: now, Courts: []string{"黔0115"}}
	type want struct {
		held, decided bool // HeldReport, DecidedReport
		closing       string
		seq           int
	}
	for in, w := range map[string]want{
		"刚开完庭 法官说下个月宣判":          {held: true},
		"108今天下午开完了 法官说下个月出判决":   {held: true, seq: 108},
		"一零八刚开完庭 我出的庭":           {held: true, seq: 108},
		"下午那个庭结束了 原告没到场 法院说择日宣判": {held: true},
		"庭审已经结束":                 {held: true},
		"今天的庭开完了吗":               {},
		"88号案子开完庭多久了还没判":         {},
		"庭审结束后再说":                {},
		"判了 我们赢了":                {decided: true},
		"判决下来了 我们输了":             {decided: true},
		"92号判决书拿到了":              {decided: true, seq: 92},
		"判了吗":                    {},
		"还没判":                    {},
		"行初85的判决书下来了 我传一下":       {},
		"一审我们赢了":                 {decided: true},
		"我们局输了多少案子":              {},
		"去年输了的案子":                {},
		"今年赢了几个":                 {},
	} {
		hu, held := HeldReport(in, o)
		du, dec := DecidedReport(in, o)
		if held != w.held || dec != w.decided && !held {
			t.Errorf("%s: held %v decided %v, want %v %v", in, held, dec, w.held, w.decided)
			continue
		}
		u := hu
		if !held {
			u = du
		}
		if (held || dec) && u.Seq != w.seq {
			t.Errorf("%s: seq %d, want %d", in, u.Seq, w.seq)
		}
	}
	for in, method := range map[string]cases.Outcome{
		"117撤诉了 原告那边主动撤的":         cases.WithdrawalPermitted,
		"117那个原告撤回起诉了 法院准许了":      cases.WithdrawalPermitted,
		"92号的判决书收到了 法院驳回了原告的诉讼请求": cases.JudgmentDismissClaims,
		"92号判决书拿到了 我们败诉了 撤销处罚决定":  cases.JudgmentRevoke,
		"96号调解结案了":                cases.Mediation,
		"88那个案子法院裁定驳回起诉了":         cases.RulingDismissSuit,
		"判了 咱们赢了 驳回原告诉讼请求":        cases.JudgmentDismissClaims,
	} {
		u, ok := ReportedUpdate(in, o)
		got, err := cases.ParseOutcome(cases.Litigation, u.Method)
		if !ok || u.Kind != CloseCase || err != nil || got != method {
			t.Errorf("%s: %v %s %q (%v), want a closing %s", in, ok, u.Kind, u.Method, err, method)
		}
	}
	for _, in := range []string{"117判了吗", "撤诉了吧", "88号驳回了没有"} {
		if u, ok := ReportedUpdate(in, o); ok {
			t.Errorf("%s: a question read as a report: %+v", in, u)
		}
	}
}
