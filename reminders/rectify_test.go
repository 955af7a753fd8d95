package reminders

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"casebot/bot/cases"
)

// lostCase is answerCase closed by a judgment revoking the act on closed,
// served a day later.
func lostCase(seq int, closed, served string) *cases.Case {
	c := answerCase(seq, "2025-06-01 00:00")
	c.AnsweredOn = at("2025-06-10 00:00")
	c.Closure = &cases.Closure{On: at(closed), Method: cases.JudgmentRevoke}
	if served != "" {
		c.ServedOn = at(served)
	}
	c.Appealed = new(bool) // not appealed: the appeal period is not what this test is about
	return c
}

// A loss asks the agency for its report at once; the report is filed by
// two chat replies, reviewed (退回 with a note, refiled, 通过) by staff.
func TestRectificationFlow(t *testing.T) {
	f := newFixture(t)
	c := lostCase(301, "2025-09-25 00:00", "2025-09-26 00:00")
	old := lostCase(300, "2025-03-10 00:00", "") // same agency, same 案由, this year
	history := lostCase(299, "2024-05-10 00:00", "")
	history.Cause = "行政许可"
	f.put(c, old, history)
	s := f.service()
	ctx := context.Background()

	if diff := cmp.Diff([]string{"lisi rectify_request", "wangwu rectify_request", "zhaoliu rectify_request"},
		f.sweep(s, "2025-09-26 10:00")); diff != "" {
		t.Fatalf("request (-want,+got):\n%s", diff)
	}
	got, _ := f.st.Get(ctx, c.Number)
	if got.Rectify == nil || got.Rectify.Status != cases.RectifyRequested || got.Rectify.Repeat != old.Number {
		t.Fatalf("rectify %+v", got.Rectify)
	}
	for _, n := range []string{old.Number, history.Number} {
		if h, _ := f.st.Get(ctx, n); h.Rectify != nil {
			t.Errorf("%s closed long ago was asked for a report", n)
		}
	}
	if got := f.sweep(s, "2025-09-26 10:05"); got != nil {
		t.Errorf("asked twice: %v", got)
	}

	// The card: buttons, the repeat flag.
	if _, err := s.SweepCase(ctx, c.Number, at("2025-09-26 10:10")); err != nil {
		t.Fatal(err)
	}
	g := newFixture(t)
	g.put(c, old)
	gs := g.service()
	if _, err := gs.Sweep(ctx, at("2025-09-26 10:00")); err != nil {
		t.Fatal(err)
	}
	card := cardOf(t, g.sender.take(), "wangwu")
	if !strings.Contains(card.QuoteArea.QuoteText, "再次败诉") || !strings.Contains(card.QuoteArea.QuoteText, old.Number) {
		t.Errorf("no repeat flag: %s", card.QuoteArea.QuoteText)
	}
	if !strings.Contains(card.MainTitle.Desc, "2025年10月27日") { // 30 days: 10-26, a Sunday → Monday
		t.Errorf("due %q", card.MainTitle.Desc)
	}
	if len(card.ButtonList) != 2 || card.ButtonList[0].Text != "填报原因分析" {
		t.Fatalf("buttons %+v", card.ButtonList)
	}

	// Filing, in two replies, on g.
	task, err := gs.Task(ctx, card.TaskID)
	if err != nil {
		t.Fatal(err)
	}
	out, err := gs.Click(ctx, task, "wangwu", ActionAnalysis, at("2025-10-10 09:00"))
	if err != nil || out.Await != QuestionAnalysis {
		t.Fatalf("click: %+v %v", out, err)
	}
	// The question says the report can come as a file too (the page is
	// not configured here: no link, but where it will be).
	if !strings.Contains(out.Reply, "整改报告也可以在本应用的网页上以文件") {
		t.Errorf("the question does not mention the upload: %s", out.Reply)
	}
	if _, err := gs.Answer(ctx, QuestionAnalysis, task, "wangwu", "  ", at("2025-10-10 09:01")); err == nil {
		t.Error("an empty analysis was taken")
	}
	out, err = gs.Answer(ctx, QuestionAnalysis, task, "wangwu", "执法人员未告知陈述申辩权利，程序违法。", at("2025-10-10 09:01"))
	if err != nil || !strings.Contains(out.Reply, "还需要整改措施") || !strings.Contains(out.Reply, "以文件") {
		t.Fatalf("analysis: %+v %v", out, err)
	}
	if got := summary(t, gs, g.sender.take()); got != nil {
		t.Errorf("half a report told the reviewers: %v", got)
	}
	out, err = gs.Answer(ctx, QuestionMeasures, task, "wangwu", "组织执法人员学习行政处罚法；处罚决定前由法制审核把关。", at("2025-10-10 09:02"))
	if err != nil || !strings.Contains(out.Reply, "已报送") {
		t.Fatalf("measures: %+v %v", out, err)
	}
	if diff := cmp.Diff([]string{"staff1 rectify_review"}, summary(t, gs, g.sender.take())); diff != "" {
		t.Fatalf("review card (-want,+got):\n%s", diff)
	}
	// The bureau returns it.
	if _, err := gs.Sweep(ctx, at("2025-10-10 09:05")); err != nil {
		t.Fatal(err)
	}
	if got := g.sender.take(); len(got) != 0 {
		t.Errorf("review card sent twice: %v", summary(t, gs, got))
	}
	got, _ = g.st.Get(ctx, c.Number)
	if got.Rectify.Status != cases.RectifyFiled || !got.Rectify.FiledOn.Equal(at("2025-10-10 09:02")) {
		t.Fatalf("filed %+v", got.Rectify)
	}
	// The review card of staff1, replayed from a fresh process.
	g2 := newFixture(t)
	g2.put(got)
	gs2 := g2.service()
	if _, err := gs2.Sweep(ctx, at("2025-10-10 10:00")); err != nil {
		t.Fatal(err)
	}
	rv := cardOf(t, g2.sender.take(), "staff1")
	if !strings.Contains(rv.QuoteArea.QuoteText, "陈述申辩") || len(rv.ButtonList) != 2 || rv.ButtonList[1].Text != "退回" {
		t.Fatalf("review card %+v", rv)
	}
	rt, _ := gs2.Task(ctx, rv.TaskID)
	if out, err := gs2.Click(ctx, rt, "staff1", ActionReturn, at("2025-10-10 10:05")); err != nil || out.Await != QuestionReturn {
		t.Fatalf("退回: %+v %v", out, err)
	}
	if _, err := gs2.Answer(ctx, QuestionReturn, rt, "staff1", "整改措施请写明责任科室和完成时限。", at("2025-10-10 10:06")); err != nil {
		t.Fatal(err)
	}
	outs := g2.sender.take()
	if diff := cmp.Diff([]string{"lisi rectify_request", "wangwu rectify_request", "zhaoliu rectify_request"}, summary(t, gs2, outs)); diff != "" {
		t.Fatalf("returned request (-want,+got):\n%s", diff)
	}
	again := cardOf(t, outs, "wangwu")
	if !strings.Contains(again.MainTitle.Title, "退回") || !strings.Contains(again.QuoteArea.QuoteText, "责任科室") {
		t.Errorf("returned card %+v %+v", again.MainTitle, again.QuoteArea)
	}
	// Refiled with one part changed; approved.
	at2, _ := gs2.Task(ctx, again.TaskID)
	if _, err := gs2.Answer(ctx, QuestionMeasures, at2, "wangwu", "法规科牵头，11月底前完成全员培训。", at("2025-10-11 09:00")); err != nil {
		t.Fatal(err)
	}
	rv2 := cardOf(t, g2.sender.take(), "staff1")
	rt2, _ := gs2.Task(ctx, rv2.TaskID)
	if _, err := gs2.Click(ctx, rt, "staff1", ActionApprove, at("2025-10-11 10:00")); err != nil {
		t.Fatal(err)
	}
	if out, err := gs2.Click(ctx, rt2, "staff1", ActionApprove, at("2025-10-11 10:00")); err != nil || !strings.Contains(out.Card.ReplaceText, "审核通过") {
		t.Fatalf("approve: %+v %v", out, err)
	}
	final, _ := g2.st.Get(ctx, c.Number)
	if final.Rectify.Status != cases.RectifyApproved || final.Rectify.ReviewedBy != "staff1" {
		t.Errorf("final %+v", final.Rectify)
	}
	if got := summary(t, gs2, g2.sender.take()); got != nil {
		t.Errorf("sent %v", got)
	}
	if got := g2.sweep(gs2, "2025-10-28 09:00"); got != nil {
		t.Errorf("an approved report is not escalated: %v", got)
	}
}

// A report nobody filed: reminded 3 working days before and on the last
// day, escalated to the 专班 the working day after.
func TestRectificationOverdueIsEscalated(t *testing.T) {
	f := newFixture(t)
	f.put(lostCase(310, "2025-09-25 00:00", "2025-09-26 00:00"))
	s := f.service()
	heads := []string{"lisi rectify_request", "wangwu rectify_request", "zhaoliu rectify_request"}
	if diff := cmp.Diff(heads, f.sweep(s, "2025-09-26 09:00")); diff != "" {
		t.Fatalf("request (-want,+got):\n%s", diff)
	}
	steps := []struct {
		now  string
		want []string
	}{
		{"2025-10-21 09:00", nil},
		{"2025-10-22 09:00", []string{"lisi deadline", "wangwu deadline", "zhaoliu deadline"}},
		{"2025-10-27 09:00", []string{"lisi deadline", "wangwu deadline", "zhaoliu deadline"}},
		{"2025-10-27 09:05", nil},
		{"2025-10-28 08:55", nil},
		{"2025-10-28 09:00", []string{"chat:zhuanban 法定期限预警", "staff1 法定期限预警"}},
		{"2025-10-29 09:00", nil},
	}
	for _, st := range steps {
		if diff := cmp.Diff(st.want, f.sweep(s, st.now)); diff != "" {
			t.Errorf("sweep at %s (-want,+got):\n%s", st.now, diff)
		}
	}
}
