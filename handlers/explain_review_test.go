package handlers

import (
	"context"
	"strings"
	"testing"

	"casebot/bot/audit"
)

// TestExplainReviewInChat: the whole life of a draft in chat, in the words
// people use: a request, a revision of 上面那篇, the list of drafts to
// review with 第一个, 审核通过, 导出, 退回 with a note, the returned list,
// and the candidates with 第N个; each review step audited, reviewers only.
func TestExplainReviewInChat(t *testing.T) {
	e := newExplainEnv(t, 20)
	says := func(user, text string, want ...string) string {
		t.Helper()
		got := one(t, e.say(user, text))
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q\nanswer = %q\nwant it to say %q", user, text, got, w)
			}
		}
		return got
	}
	says("pufa1", "帮我写一篇以案说法 就用"+closedNumber, "正在生成案件 "+closedNumber)
	e.work()

	// 上面那篇改短一点: version 2, the model told the instruction.
	says("pufa1", "上面那篇改短一点，控制在1200字左右", "正在生成案件 "+closedNumber, "改短一点，控制在1200字左右")
	if parts := e.work(); len(parts) == 0 || !strings.Contains(parts[0].Text, "第 2 版") {
		t.Fatalf("revised draft: %+v", parts)
	}
	reqs := e.srv.Requests()
	if last := reqs[len(reqs)-1].Messages[1].Content; !strings.Contains(last, "改短一点，控制在1200字左右") {
		t.Errorf("the model was not told the instruction:\n%s", last)
	}

	// A question about the draft is about the draft: its version and length.
	says("pufa1", "那篇多少字", "第 2 版以案说法草稿约", "字")

	// The drafts to review, and 第一个.
	says("pufa1", "有哪些以案说法待审核", "待审核的以案说法草稿", closedNumber+"** 第 2 版", "第N个")
	says("pufa1", "第一个", closedNumber+"** 第 2 版｜草稿", "审核通过")

	// Who may review: not a head (no 以案说法 at all), not an admin.
	says("head1", "审核通过", "只面向普法工作人员")
	says("admin1", "审核通过 "+closedNumber, "由普法工作人员和司法局应诉专班负责")

	says("pufa1", "审核通过", "第 2 版", "“**已审核**”")
	says("pufa1", "导出word", "casebot explain '"+closedNumber+"' --version 2 --export", "KB")

	// A staff member returns it, naming the case, with a note.
	says("staff1", closedNumber+" 退回：争议焦点请与判决书核对", "“**已退回**”", "退回意见：争议焦点请与判决书核对")
	says("pufa1", "被退回的以案说法", closedNumber, "退回意见：争议焦点请与判决书核对")
	says("pufa1", "发布 "+closedNumber, "已退回")
	says("staff1", "退回", "请写明退回意见")

	// Nothing approved now: a true none.
	says("pufa1", "已审核的以案说法有哪些", "目前没有已审核的以案说法草稿")

	// The candidates, and 第一个 asks for that case's draft.
	says("pufa1", "以案说法候选", closedNumber, "第N个")
	says("pufa1", "第一个", "正在生成案件 "+closedNumber)

	log := audit.New(e.st.Client(), e.st.Keys(), 0)
	es, err := log.List(context.Background(), audit.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, en := range es {
		if en.Kind == "explain-review" {
			steps = append(steps, en.User+":"+en.Detail)
		}
	}
	want := []string{"pufa1:第 2 版：草稿 → 已审核", "staff1:第 2 版：已审核 → 已退回"}
	if strings.Join(steps, ",") != strings.Join(want, ",") { // oldest first
		t.Errorf("review audit = %v, want %v", steps, want)
	}
}
