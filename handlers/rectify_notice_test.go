package handlers

import (
	"strings"
	"testing"
	"time"

	"casebot/bot/cases"
)

func TestRectifyNotice(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	k := &cases.Case{Number: "某府复〔2026〕33号", Kind: cases.Reconsideration, Defendants: []string{"某县自然资源局"}, Cause: "政府信息公开",
		Plaintiffs: []cases.Party{{Name: "张三", Natural: true}},
		Closure:    &cases.Closure{On: time.Date(2026, 10, 24, 0, 0, 0, 0, loc), Method: "撤销", Reason: "逾期答复。"}}
	got := rectifyNotice(k, "2026年11月23日（周一，还剩4天）", loc)
	for _, w := range []string{"某县自然资源局：", "被申请人", "被复议机关纠错", "2026年10月24日", "败诉原因：逾期答复。", "请于 2026年11月23日 前", "草稿"} {
		if !strings.Contains(got, w) {
			t.Errorf("notice lacks %q:\n%s", w, got)
		}
	}
	for _, w := range []string{"张三", "还剩4天", "。。"} {
		if strings.Contains(got, w) {
			t.Errorf("notice has %q:\n%s", w, got)
		}
	}
	if got := rectifyNotice(k, "", loc); !strings.Contains(got, "报送期限待核实") {
		t.Errorf("no period: %s", got)
	}
	for _, m := range []string{"帮我起草一个整改通知", "写个整改通知 行初70", "整改通知书拟一下"} {
		if !draftNoticeRe.MatchString(m) {
			t.Errorf("%q not read as drafting the notice", m)
		}
	}
	for _, m := range []string{"行初85整改情况", "整改通知发了没", "收到整改通知了吗"} {
		if draftNoticeRe.MatchString(m) {
			t.Errorf("%q read as drafting the notice", m)
		}
	}
}
