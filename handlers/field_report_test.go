package handlers

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"casebot/bot"
	"casebot/bot/cases"
)

// TestFieldReportRelay: a head's or handler's report of a fact the ledger
// records reaches the 专班 chat with the case and, where the ledger can
// take it, the exact change, applied by one staff reply (确认登记) through
// the news path; a report that leaves the fact unsaid (判了 我们赢了, a
// handler's 开完了) is relayed with what is missing and proposes nothing.
func TestFieldReportRelay(t *testing.T) {
	e := newCorpusEnv(t, nil)
	ctx := context.Background()
	for _, tt := range []struct {
		user, text string
		after      time.Duration
		ref        string
		staff      []string // the 专班 chat's message holds each
		noProposal bool
		check      func(c *cases.Case) error
	}{
		{user: "wumin", text: "108今天下午开完了 法官说下个月出判决", after: 8 * time.Hour, ref: "行初108",
			staff: []string{"【庭审情况】", "拟登记：", "负责人已出庭（吴敏）", "回复“确认登记”"},
			check: func(c *cases.Case) error {
				for _, h := range c.Hearings {
					if h.HeadAppeared != nil && *h.HeadAppeared {
						return nil
					}
				}
				return fmt.Errorf("no hearing recorded as appeared")
			}},
		{user: "zhoujie", text: "88号判了 驳回原告诉讼请求", ref: "行初88",
			staff: []string{"【结案】", "拟登记：结案：2026-11-19 判决驳回诉讼请求", "回复“确认登记”"},
			check: func(c *cases.Case) error {
				if c.Closure == nil || c.Closure.Method != cases.JudgmentDismissClaims {
					return fmt.Errorf("closure %+v, want 判决驳回诉讼请求", c.Closure)
				}
				return nil
			}},
		{user: "sunqiang", text: "撤诉了 原告那边主动撤的", after: 26 * time.Hour, ref: "行初117",
			staff: []string{"拟登记：结案：2026-11-20 准许撤诉"},
			check: func(c *cases.Case) error {
				if c.Closure == nil || c.Closure.Method != cases.WithdrawalPermitted {
					return fmt.Errorf("closure %+v, want 准许撤诉", c.Closure)
				}
				return nil
			}},
		{user: "sunqiang", text: "判了 我们赢了", after: 26 * time.Hour, ref: "行初117",
			staff: []string{"报告未说明结案方式", "请专班核实后登记"}, noProposal: true},
		{user: "wangfang", text: "开完了 原告律师申请延期举证", after: 8 * time.Hour, ref: "行初108",
			staff: []string{"报告未说明负责人是否出庭"}, noProposal: true},
	} {
		e.reset()
		e.now = e.clock.Add(tt.after)
		number := e.refs[tt.ref]
		e.seq++
		if err := e.b.Handle(ctx, &bot.Message{ID: fmt.Sprintf("fr%d", e.seq), Type: "text", From: tt.user, Text: tt.text, CreateTime: e.now}); err != nil {
			t.Fatal(err)
		}
		var toUser, toChat string
		for _, o := range e.rec.take() {
			switch {
			case o.ToChat != "":
				toChat = o.Text
			case len(o.ToUsers) == 1 && o.ToUsers[0] == tt.user:
				toUser = o.Text
			}
		}
		if !strings.Contains(toUser, "收到") || !strings.Contains(toUser, number) {
			t.Errorf("%s %q: acknowledgement %q, want 收到 and %s", tt.user, tt.text, toUser, number)
		}
		for _, w := range append([]string{number}, tt.staff...) {
			if !strings.Contains(toChat, w) {
				t.Errorf("%s %q: 专班 message lacks %q:\n%s", tt.user, tt.text, w, toChat)
			}
		}
		if tt.noProposal && strings.Contains(toChat, "拟登记") {
			t.Errorf("%s %q: proposes a change it cannot know:\n%s", tt.user, tt.text, toChat)
		}
		replies, _ := e.send(corpusEntry{user: "liuyang", text: "确认登记"})
		reply := strings.Join(replies, "\n")
		if tt.noProposal {
			if strings.Contains(reply, "已修改") {
				t.Errorf("%s %q: 确认登记 applied something: %s", tt.user, tt.text, reply)
			}
			continue
		}
		if !strings.Contains(reply, "已修改") {
			t.Errorf("%s %q: 确认登记 → %q, want 已修改", tt.user, tt.text, reply)
			continue
		}
		c, err := e.st.Get(ctx, number)
		if err != nil {
			t.Fatal(err)
		}
		if err := tt.check(c); err != nil {
			t.Errorf("%s %q: after 确认登记: %v", tt.user, tt.text, err)
		}
	}
}
