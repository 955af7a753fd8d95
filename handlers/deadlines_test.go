package handlers

import (
	"context"
	"strings"
	"testing"

	"casebot/bot/cases"
	"casebot/bot/people"
)

// The to-do and 整改 questions as bureau staff and agency people type them
// on a phone take this route; every other text, deadline questions due or
// overdue among them (read by the understanding step), goes on.
func TestParseDeadlineAsk(t *testing.T) {
	for text, want := range map[string]askWhat{
		"我的待办":        askMine,
		"我还有什么要办的":    askMine,
		"待办事项":        askMine,
		"逾期未整改":       askRectify,
		"整改情况":        askRectify,
		"哪些单位还没交整改报告": askRectify,
	} {
		got, ok := parseDeadlineAsk(text)
		if !ok || got.what != want {
			t.Errorf("%q: %+v %v, want what=%d", text, got, ok, want)
		}
	}
	if q, _ := parseDeadlineAsk("逾期未整改"); !q.overdueOnly {
		t.Errorf("逾期未整改: not overdue only: %+v", q)
	}
	for _, text := range []string{
		"本周开庭", "查 张三", "本月败诉", "(2025)黔0115行初123号", "（2025）黔0115行初123号答辩期限",
		"帮助", "谢谢", "市场监管局的案件", "本月通报", "明天下午开庭的有哪些", "今年结案",
		"本周到期", "三天内到期的答辩期限", "哪些案子快过上诉期", "逾期未答辩", "复议答复逾期了的有哪些",
	} {
		if got, ok := parseDeadlineAsk(text); ok {
			t.Errorf("%q taken by the to-do/整改 route: %+v", text, got)
		}
	}
}

func TestDeadlineChat(t *testing.T) {
	e := newChatEnv(t, nil)
	const police, market = "某县公安局", "某县市场监督管理局"
	e.people(&people.Person{UserID: "staff1", Name: "陈专班", Role: people.Staff},
		&people.Person{UserID: "head1", Name: "周局长", Role: people.Head, Agency: police},
		&people.Person{UserID: "hd1", Name: "承办人甲", Role: people.Handler, Agency: police})
	thisWeek := lawsuit("(2025)黔0115行初301号", "赵一明", police)
	thisWeek.CopyReceivedOn = at("2025-11-13 00:00") // 15 days: Friday 11-28
	late := lawsuit("(2025)黔0115行初302号", "钱二宝", market)
	late.CopyReceivedOn = at("2025-11-01 00:00") // 11-16, a Sunday: 11-17, passed
	appeal := lawsuit("(2025)黔0115行初303号", "孙三", police)
	appeal.CopyReceivedOn, appeal.AnsweredOn = at("2025-08-01 00:00"), at("2025-08-10 00:00")
	appeal.Closure = &cases.Closure{On: at("2025-11-14 00:00"), Method: cases.JudgmentDismissClaims}
	appeal.ServedOn = at("2025-11-15 00:00") // 15 days: 11-30, a Sunday: Monday 12-01
	lost := lawsuit("(2025)黔0115行初304号", "李四海", market)
	lost.Closure = &cases.Closure{On: at("2025-09-28 00:00"), Method: cases.JudgmentRevoke}
	lost.Rectify = &cases.Rectification{RequestedOn: at("2025-10-01 09:00"), From: at("2025-10-01 00:00"), Status: cases.RectifyRequested}
	e.put(thisWeek, late, appeal, lost)
	if _, err := e.st.Reindex(context.Background()); err != nil {
		t.Fatal(err)
	}

	got := e.one("staff1", "本周到期")
	mustContain(t, "本周", got, "(2025)黔0115行初301号", "答辩举证期限：2025年11月28日（周五，还剩2天）")
	if strings.Contains(got, "302号") || strings.Contains(got, "303号") {
		t.Errorf("本周 lists what is not due this week:\n%s", got)
	}
	mustContain(t, "逾期", e.one("staff1", "逾期未答辩"), "(2025)黔0115行初302号", "已逾期9天")
	mustContain(t, "上诉", e.one("staff1", "哪些案子快过上诉期？"), "(2025)黔0115行初303号", "上诉期限**：2025年12月1日")
	mustContain(t, "整改", e.one("staff1", "逾期未整改"), "(2025)黔0115行初304号", "待报送")

	// An agency's head sees the agency's cases only, and "没有" is said
	// within that scope.
	mine := e.one("head1", "我的待办")
	mustContain(t, "head todo", mine, "301号", "303号")
	if strings.Contains(mine, "302号") || strings.Contains(mine, "304号") {
		t.Errorf("another agency's deadlines in a head's todo:\n%s", mine)
	}
	mustContain(t, "head overdue", e.one("head1", "逾期未答辩"), "已逾期的答辩举证期限**：没有")
	mustContain(t, "head rectify", e.one("head1", "整改情况"), "目前没有待报送或待审核的整改报告")
}
