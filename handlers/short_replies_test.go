package handlers

import (
	"testing"
	"time"

	"casebot/bot/intent"
)

// TestShortReplyPatterns pins which short replies refer back and which are
// messages of their own (the corpus runs them in conversations).
func TestShortReplyPatterns(t *testing.T) {
	for _, tc := range []struct {
		re   interface{ MatchString(string) bool }
		name string
		yes  []string
		no   []string
	}{
		{nextItemRe, "next", []string{"下一个呢", "再下一个", "那下一场呢", "后一个是哪个", "然后下一场呢"}, []string{"下一次开庭是哪天", "下周的庭", "第二个"}},
		{attendYesRe, "yes", []string{"去", "好 到时候我去", "行 我去", "晓得了 我准时到", "好的 我会准时参加", "收到 一定到"}, []string{"我不去了", "去不了 要开会", "谁去", "去哪个法庭"}},
		{attendAckRe, "ack", []string{"行", "可以", "要得", "没问题"}, []string{"好的谢谢", "可以吗"}},
		{matcher(inDirectoryAsked), "directory", []string{"他名单里有没有", "他在名单里没得", "她在通讯录里面没", "他在不在名单里", "她在系统里吗"}, []string{"负责人不在名单里的有哪些", "名单", "人员名单"}},
		{ownPastAskedRe, "past", []string{"上次我去了没", "上回我去了没得", "上次开庭我去了没有", "那次我到庭了没", "上次领导去了没"}, []string{"我下次出庭是什么时候", "上次开庭是哪天"}},
	} {
		for _, s := range tc.yes {
			if !tc.re.MatchString(shortText(s)) {
				t.Errorf("%s: %q should match", tc.name, s)
			}
		}
		for _, s := range tc.no {
			if tc.re.MatchString(shortText(s)) {
				t.Errorf("%s: %q should not match", tc.name, s)
			}
		}
	}
}

// TestComparedPeriod: 同比 is a year before (up to the same day while the
// period runs), 环比 the span just before of the same kind.
func TestComparedPeriod(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	now := time.Date(2026, 11, 19, 8, 40, 0, 0, loc)
	d := func(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, loc) }
	rate := func(from, to time.Time) *lastQuestion {
		return &lastQuestion{U: intent.Understanding{Kind: intent.Rates, Rate: intent.LossRate, Period: intent.Period{From: from, To: to}}}
	}
	for _, tc := range []struct {
		text     string
		last     *lastQuestion
		from, to time.Time
		label    string
	}{
		{"环比呢", rate(d(2026, 11, 1), d(2026, 12, 1)), d(2026, 10, 1), d(2026, 11, 1), "2026年10月"},
		{"比上季度呢", rate(d(2026, 10, 1), d(2027, 1, 1)), d(2026, 7, 1), d(2026, 10, 1), "2026年第3季度"},
		{"环比", rate(d(2026, 1, 1), d(2026, 7, 1)), d(2025, 7, 1), d(2026, 1, 1), "2025年下半年"},
		{"同比呢", rate(d(2026, 1, 1), d(2027, 1, 1)), d(2025, 1, 1), now.AddDate(-1, 0, 0), "去年同期（2025年1月1日—11月19日）"},
		{"跟去年比怎么样", rate(d(2026, 7, 1), d(2026, 10, 1)), d(2025, 7, 1), d(2025, 10, 1), "去年同期（2025年7月1日—9月30日）"},
	} {
		u, p, ok := comparedPeriod(tc.text, tc.last, now)
		if !ok || !p.From.Equal(tc.from) || !p.To.Equal(tc.to) || p.Label != tc.label || u.Kind != intent.Rates {
			t.Errorf("%s: %v %s—%s %q, want %s—%s %q", tc.text, ok, p.From, p.To, p.Label, tc.from, tc.to, tc.label)
		}
	}
	count := &lastQuestion{U: intent.Understanding{Kind: intent.Count, Metric: intent.Lost, Period: intent.Period{From: d(2026, 1, 1), To: d(2027, 1, 1)}}}
	if u, p, ok := comparedPeriod("同比", count, now); !ok || !u.Compare || !p.IsZero() {
		t.Errorf("同比 of a count: the count's own comparison, got compare=%v period=%v", u.Compare, p)
	}
	if _, _, ok := comparedPeriod("同比", &lastQuestion{U: intent.Understanding{Kind: intent.Hearings}}, now); ok {
		t.Error("同比 after hearings is no comparison")
	}
	if _, _, ok := comparedPeriod("同比增长了多少件", count, now); ok {
		t.Error("a question of its own is not read as the bare comparison")
	}
}

// matcher makes a predicate a pattern for the table above.
type matcher func(string) bool

func (m matcher) MatchString(s string) bool { return m(s) }
