package wecom

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"casebot/bot"
)

// buildOutbounds are pushes of every type build encodes without an upload.
func buildOutbounds() []bot.Outbound {
	return []bot.Outbound{
		bot.Text("您好！（2025）黔0115行初85号 开庭时间为 2026年1月5日 <上午> & \"九点\"", "zhangsan"),
		bot.Text("群发", "zhangsan", "lisi"),
		bot.Markdown("**被告**：某县人民政府\n> 引用\u2028", "wangwu"),
		{ToUsers: []string{"a"}, Type: bot.MsgTextCard, TextCard: &bot.TextCard{Title: "提醒", Description: "明日开庭", URL: "https://example.gov.cn/x?a=1&b=2"}},
		{ToUsers: []string{"a"}, Type: bot.MsgTemplateCard, Card: &bot.TemplateCard{CardType: "button_interaction", TaskID: "t-1",
			MainTitle: bot.CardTitle{Title: "请确认"}, ButtonList: []bot.CardButton{{Text: "已知悉", Key: "ack"}}}},
		{ToChat: "chat-1", Type: bot.MsgText, Text: "群聊"},
	}
}

// TestBuildCheckedIsMarshalled: the checked request build derives from
// the unchecked one is byte for byte the wire struct marshalled with the
// check on.
func TestBuildCheckedIsMarshalled(t *testing.T) {
	s := &Sender{agentID: 1000002}
	for _, out := range buildOutbounds() {
		pt := s.split(out)[0]
		api, on, off, err := s.build(context.Background(), out, pt, true)
		if err != nil {
			t.Fatal(err)
		}
		if out.ToChat != "" {
			if api != apiAppChat || on != nil {
				t.Errorf("%v: api %s, checked %s; want appchat without a check", out, api, on)
			}
			continue
		}
		var w wire
		if err := json.Unmarshal(off, &w); err != nil {
			t.Fatal(err)
		}
		if w.EnableDuplicateCheck != 0 || w.DuplicateCheckInterval != 1800 {
			t.Errorf("unchecked request %s", off)
		}
		w.EnableDuplicateCheck, w.DuplicateCheckInterval = 1, int(DuplicateCheckInterval/time.Second)
		want, _ := json.Marshal(w)
		if !bytes.Equal(on, want) {
			t.Errorf("checked request\n got %s\nwant %s", on, want)
		}
		_, on2, off2, _ := s.build(context.Background(), out, pt, false)
		if !bytes.Equal(on2, off) || !bytes.Equal(off2, off) {
			t.Errorf("unchecked build: %s / %s, want %s", on2, off2, off)
		}
	}
}

// BenchmarkBuild is the encoding of a reply's two requests (with and
// without WeCom's duplicate check).
func BenchmarkBuild(b *testing.B) {
	s := &Sender{agentID: 1000002}
	out := bot.Text(strings.Repeat("您好！您的企业微信账号还没有登记在本机器人的人员名单中，暂时无法查询案件信息。", 4), "load-1")
	pt := s.split(out)[0]
	b.ReportAllocs()
	for b.Loop() {
		if _, _, _, err := s.build(context.Background(), out, pt, true); err != nil {
			b.Fatal(err)
		}
	}
}
