package handlers

import (
	"testing"
	"time"

	"casebot/bot/intent"
)

func TestCorrection(t *testing.T) {
	last := &lastQuestion{}
	for in, want := range map[string]string{
		"哦说错了 是明天的":   "明天的",
		"不是这个 是行初124": "行初124",
		"搞错了，应该是市监局的": "市监局的",
		"不对不对 是下周四":   "下周四",
		"我说错了 是行初121": "行初121",
		"哦不是 是行初139":  "行初139",
		"打错了 是后天":     "后天",
		"行初124":       "", // no correction
		"不是说明天开庭吗":    "",
		"说错了":         "", // nothing to correct with
		"明天的庭不是这个法庭吧": "",
	} {
		got, ok := correction(in, last)
		if want == "" {
			if ok {
				t.Errorf("correction(%q) = %q, want none", in, got)
			}
			continue
		}
		if !ok || got != want {
			t.Errorf("correction(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := correction("说错了 是明天的", nil); ok {
		t.Error("a correction with nothing before it corrected something")
	}
}

func TestContinuation(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	now := time.Date(2026, 11, 19, 8, 40, 0, 0, loc)
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, loc) }
	week := &lastQuestion{U: intent.Understanding{Kind: intent.Hearings, Hearing: true,
		Period: intent.Period{From: day(11, 23), To: day(11, 30), Label: "下周"}}}
	opts := intent.Options{Now: now}
	for _, c := range []struct {
		in       string
		from, to time.Time
	}{
		{"那再往后呢", day(11, 30), day(12, 7)},
		{"之后呢？", day(11, 30), day(12, 7)},
		{"再往后一周呢", day(11, 30), day(12, 7)},
		{"再往后嘞", day(11, 30), day(12, 7)},
		{"月底以后呢", day(12, 1), day(12, 8)},
		{"12月1号以后呢", day(12, 1), day(12, 8)},
	} {
		u, ok := continuation(c.in, week, opts)
		if !ok {
			t.Errorf("continuation(%q): not read", c.in)
			continue
		}
		if !u.Period.From.Equal(c.from) || !u.Period.To.Equal(c.to) || u.Kind != intent.Hearings {
			t.Errorf("continuation(%q) = %s %v..%v, want %v..%v", c.in, u.Kind, u.Period.From, u.Period.To, c.from, c.to)
		}
	}
	for _, in := range []string{"下周三呢", "公安局的呢", "后面那个案子原告是谁"} {
		if _, ok := continuation(in, week, opts); ok {
			t.Errorf("continuation(%q) read as a continuation", in)
		}
	}
	if _, ok := continuation("那再往后呢", &lastQuestion{U: intent.Understanding{Kind: intent.Case}}, opts); ok {
		t.Error("a continuation after a case, which has no period")
	}
}

func TestFigureFollowsCategory(t *testing.T) {
	for _, c := range []struct {
		in   intent.Understanding
		want intent.Understanding
	}{
		{intent.Understanding{FollowUp: true, CaseKind: "行政诉讼", Metric: intent.Corrected}, intent.Understanding{Metric: intent.Lost}},
		{intent.Understanding{FollowUp: true, CaseKind: "行政复议", Rate: intent.LossRate}, intent.Understanding{Rate: intent.CorrectionRate}},
		{intent.Understanding{FollowUp: true, CaseKind: "行政诉讼", Rate: intent.CorrectionRate}, intent.Understanding{Rate: intent.LossRate}},
		{intent.Understanding{CaseKind: "行政复议", Metric: intent.Lost}, intent.Understanding{Metric: intent.Lost}}, // a question of its own
	} {
		got := figureOfKind(c.in)
		if got.Metric != c.want.Metric || got.Rate != c.want.Rate {
			t.Errorf("figureOfKind(%+v) = %s/%s, want %s/%s", c.in, got.Metric, got.Rate, c.want.Metric, c.want.Rate)
		}
	}
}
