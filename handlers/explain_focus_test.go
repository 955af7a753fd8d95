package handlers

import (
	"context"
	"strings"
	"testing"

	"casebot/bot/explain"
)

// The instructions riding on a write request, as users add them to it.
func TestRidingOf(t *testing.T) {
	for text, want := range map[string]string{
		"就写那个强拆前没催告的吧 八百字左右 当事人名字隐掉": "八百字左右 当事人名字隐掉",
		"就76号吧 写成公众号口吻 别太长":          "写成公众号口吻 别太长",
		"第二个 写短点":          "写短点",
		"以案说法 行初85号 三百字以内": "三百字以内",
		"帮我写个以案说法 就用资源局那个没听陈述申辩被撤销的": "",
		"85号那个也写一篇吧 负责人没出庭被法院发建议的那个": "",
		"帮我写一篇以案说法 就用行初85号":          "",
		"写一篇关于食品安全的":                 "",
	} {
		if got := ridingOf(text); got != want {
			t.Errorf("ridingOf(%q) = %q, want %q", text, got, want)
		}
	}
}

// A question of which article, riding on an instruction: the article the
// table holds, added; the generic 再加一句法条 the cited articles' text.
func TestLawEdits(t *testing.T) {
	eds, skipped, ok := offlineEditsOf("再加一句法条 负责人出庭是哪条来着")
	if !ok || len(skipped) != 0 || len(eds) != 2 || eds[0].Kind != explain.EditStatutes || eds[1].Kind != explain.EditAddLaw ||
		!strings.Contains(eds[1].Law, "第三条第三款") {
		t.Errorf("offlineEditsOf = %+v, %v, %v", eds, skipped, ok)
	}
	if an := lawAnswer("再加一句法条 负责人出庭是哪条来着"); !strings.Contains(an, "第三条第三款") {
		t.Errorf("lawAnswer = %q", an)
	}
	if _, ok := lawQuestion("行初85号负责人出庭了吗"); ok {
		t.Error("a case's appearance was read as a question of the article")
	}
}

// Without a model, instructions riding on a request are made as a revision
// of the first version, said before the draft, once: the job handled again
// makes no third version.
func TestRidingRevisedOnce(t *testing.T) {
	e := newCorpusEnv(t, nil)
	replies, _ := e.send(corpusEntry{user: "huangli", text: "以案说法 行初85号 三百字以内"})
	if len(replies) == 0 || !strings.Contains(replies[0], "三百字以内") {
		t.Fatalf("answer = %q", replies)
	}
	ex := e.s.explains.ex
	if _, err := ex.Worker.ProcessPending(context.Background()); err != nil {
		t.Fatal(err)
	}
	sent := e.rec.take()
	if len(sent) == 0 || !strings.HasPrefix(sent[0].Text, "初稿已生成（第 1 版），并按您的要求“三百字以内”离线修改") || !strings.Contains(sent[0].Text, "# 以案说法草稿（第 2 版）") {
		t.Fatalf("worker sent %+v", sent)
	}
	number := "(2026)黔0115行初85号"
	if n, err := ex.Drafts.Count(context.Background(), number); err != nil || n != 2 {
		t.Fatalf("drafts = %d, %v; want 2", n, err)
	}
	// The revision again, as a redelivered job makes it: the version it stored.
	d, err := ex.Drafts.Get(context.Background(), number, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, nd, err := e.s.explains.reviseJob(context.Background(), explain.Job{ID: d.JobID, Number: number, User: "huangli", Revise: "三百字以内"}, d); err != nil || nd == nil || nd.Version != 2 {
		t.Fatalf("again: %+v, %v", nd, err)
	}
	if n, _ := ex.Drafts.Count(context.Background(), number); n != 2 {
		t.Errorf("drafts after the job again = %d, want 2", n)
	}
}

// A length asked as about (八百字左右) that the draft falls well short of
// is said to be short, with what can make it longer: offline revision only
// cuts, and "已在 800 字以内" would answer a request nobody made. A limit
// asked as at most (三千字以内) is within it.
func TestAboutLengthShortDraft(t *testing.T) {
	for _, tc := range []struct{ text, want, not string }{
		{"以案说法 行初70号 八百字左右", "比要求的约 800 字短", "已在 800 字以内"},
		{"以案说法 行初70号 一千字上下", "不能扩写", "已在 1000 字以内"},
		{"以案说法 行初70号 三千字以内", "已在 3000 字以内", "比要求的约"},
	} {
		e := newCorpusEnv(t, nil)
		if replies, _ := e.send(corpusEntry{user: "huangli", text: tc.text}); len(replies) == 0 {
			t.Fatalf("%s: no answer", tc.text)
		}
		if _, err := e.s.explains.ex.Worker.ProcessPending(context.Background()); err != nil {
			t.Fatal(err)
		}
		sent := e.rec.take()
		if len(sent) == 0 || !strings.Contains(sent[0].Text, tc.want) || strings.Contains(sent[0].Text, tc.not) {
			t.Errorf("%s: worker sent %+v, want %q and not %q", tc.text, sent, tc.want, tc.not)
		}
	}
}
