package handlers

import (
	"fmt"
	"strings"
	"testing"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/config"
)

// newQueryEnv holds a small ledger and one person of each kind.
func newQueryEnv(t *testing.T) *chatEnv {
	e := newChatEnv(t, func(c *config.Config) { c.Query.PageSize = 3 })
	e.people(
		&people.Person{UserID: "staff1", Name: "陈专班", Role: people.Staff},
		&people.Person{UserID: "head1", Name: "王五", Role: people.Head, Agency: upAgency, Post: "局长"},
	)
	c := lawsuit(upNumber, "赵一明", upAgency)
	c.Cause, c.Handler = "行政处罚", "李四"
	c.AddHearing(cases.Hearing{At: at("2025-11-27 09:30"), Place: "第一法庭", Head: "王五", HeadPost: "局长", MustAppear: true})
	lost := lawsuit("(2025)黔0115行初102号", "钱二宝", upAgency)
	lost.Closure = &cases.Closure{On: at("2025-11-10 00:00"), Method: cases.JudgmentRevoke, Reason: "证据不足"}
	var more []*cases.Case
	for i := range 7 {
		m := lawsuit(fmt.Sprintf("(2025)黔0115行初%d号", 110+i), "某某科技有限公司", "某县自然资源局")
		m.AddHearing(cases.Hearing{At: at(fmt.Sprintf("2025-12-0%d 09:30", 1+i%5)), Place: "第二法庭"})
		more = append(more, m)
	}
	e.put(append(more, c, lost)...)
	return e
}

func TestCaseCardSaysEverything(t *testing.T) {
	e := newQueryEnv(t)
	// Staff see the full name; a head sees 赵某.
	for user, name := range map[string]string{"staff1": "赵一明", "head1": "赵某"} {
		r := e.one(user, "请问行初101号现在怎么样了？")
		mustContain(t, user+" card", r, "**"+upNumber+"**", "> 类型：行政诉讼", "> 阶段：一审", "> 原告："+name,
			"> 被告："+upAgency, "> 案由：行政处罚", "> 法院：某县人民法院", "> 立案日期：2025-03-01",
			"> 下次开庭：<font color=\"warning\">2025-11-27（周四）09:30</font> 第一法庭（应当出庭）",
			"> 出庭负责人：王五（局长）", "> 承办人：李四", "> 结果：未结案")
	}
	r := e.one("head1", "(2025)黔0115行初102号")
	mustContain(t, "closed card", r, "> 结果：2025-11-10 判决撤销", "（败诉）", "> 败诉原因：证据不足")
}

func TestQueriesAnswerConciselyAndPolitely(t *testing.T) {
	e := newQueryEnv(t)
	tests := []struct {
		user, text string
		want       []string
	}{
		{"staff1", "更多", []string{"没有可以继续查看的列表了"}},
		{"staff1", "帮助", []string{"**行政应诉助手**", "明天有几个庭", "本月败诉", "**修改台账**", "您（工作人员）可查看：全部案件", "(2025)黔0115行初123号", "> 导出台账", "> 写入台账", "> 撤销导入", "> 上传判决书"}},
		{"head1", "帮助", []string{"**行政应诉助手**", "我下次出庭是什么时候", "“" + upAgency + "”作为被告（被申请人）的案件", "自然人当事人显示为“张某”"}},
		{"staff1", "明天开庭", []string{"**明天，11月27日（周四）的开庭**：共 1 场", "09:30 第一法庭（应当出庭）", upNumber, "出庭负责人 王五（局长）"}},
		{"staff1", "今天开庭", []string{"今天，11月26日（周三）没有开庭安排。"}},
		{"head1", "12月3日开庭", []string{"12月3日（周三）没有开庭安排（仅统计您可查看的案件）。"}},
		{"staff1", "本月败诉", []string{"**2025年11月败诉案件**：共 1 件", "(2025)黔0115行初102号", "钱二宝 诉 " + upAgency, "已结 判决撤销（败诉）"}},
		{"head1", "本月败诉", []string{"共 1 件（仅统计您可查看的案件）", "钱某 诉"}},
		{"staff1", "今年结案", []string{"**2025年结案**：共 1 件"}},
		// No case of 2024 in this ledger at all: unknown, not 0 (uncovered.go).
		{"staff1", "去年败诉", []string{"**2024年败诉案件**：台账中没有2024年的案件记录，无法统计"}},
		{"head1", "我的案件", []string{"**贵单位（" + upAgency + "）的案件**：共 2 件，其中未结 1 件"}},
		{"staff1", "查 赵一明", []string{"**" + upNumber + "**", "> 原告：赵一明"}},
		{"staff1", "原告 某某科技", []string{"当事人“某某科技有限公司”（按“某某科技”查到）的案件", "共 7 件"}},
		{"staff1", "谢谢", []string{"不客气"}},
		{"staff1", "今天天气不错呀啦啦啦", []string{"抱歉", "回复“帮助”"}},
	}
	for _, tt := range tests {
		r := e.one(tt.user, tt.text)
		mustContain(t, tt.user+" "+tt.text, r, tt.want...)
		if len(r) > bot.MaxTextBytes {
			t.Errorf("%q: answer of %d bytes exceeds one WeCom message", tt.text, len(r))
		}
	}
}

func TestNoMatchSuggestsNearest(t *testing.T) {
	e := newQueryEnv(t)
	// A typo in the sequence: the nearest numbers the asker may see.
	r := e.one("head1", "(2025)黔0115行初1011号")
	mustContain(t, "number typo", r, "台账中没有案件 (2025)黔0115行初1011号", "您要找的是不是", "**"+upNumber+"**")
	if strings.Contains(r, "行初110号") {
		t.Errorf("head was offered another agency's case:\n%s", r)
	}
	// A wrong year.
	mustContain(t, "year", e.one("staff1", "(2024)黔0115行初101号"), "您要找的是不是", "**"+upNumber+"**")
	// Part of a name: the one party it starts is taken as meant.
	mustContain(t, "prefix", e.one("staff1", "查 赵一"), "没有当事人“赵一”，以下是“赵一明”的案件", upNumber)
	// Nothing near: say so and how to ask instead.
	mustContain(t, "nothing", e.one("staff1", "原告 欧阳锋"), "没有找到您可以查看的当事人“欧阳锋”的案件", "请核对姓名或名称")
	mustContain(t, "agency", e.one("staff1", "某县教育局的案件"), "没有找到您可以查看的“某县教育局”的案件")
}

func TestPagingWithMore(t *testing.T) {
	e := newQueryEnv(t)
	first := e.one("staff1", "下周开庭")
	mustContain(t, "page 1", first, "**下周（12月1日—12月7日）的开庭**：共 7 场", "回复“更多”")
	seen := map[string]bool{}
	add := func(r string) {
		for _, n := range numbersIn(r) {
			seen[n] = true
		}
	}
	add(first)
	add(e.one("staff1", "更多"))
	last := e.one("staff1", "跟多") // a typo of 更多
	add(last)
	if len(seen) != 7 {
		t.Errorf("three pages showed %d cases, want 7", len(seen))
	}
	if strings.Contains(last, "回复“更多”") {
		t.Errorf("last page still offers more:\n%s", last)
	}
	mustContain(t, "after the end", e.one("staff1", "更多"), "没有可以继续查看的列表了")
}

func TestEveryQueryIsAudited(t *testing.T) {
	e := newQueryEnv(t)
	e.one("head1", "行初101")
	e.one("head1", "本月败诉")
	e.one("head1", "行初110") // another agency's: nothing shown
	got := auditOf(t, e, "head1")
	want := []string{"query/case 1 ", "query/count 1 ", "query/case 0 "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("audit = %q, want %q", got, want)
	}
}
