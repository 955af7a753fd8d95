package handlers

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/bot/store/storetest"
)

// BenchmarkQueryByNumber measures answering a question through Bot.Handle
// (directory lookup, routing, the understanding step with its lexicon
// reads, the conversation memory, the store, scoping, rendering, the audit
// write and the reply) over a ledger of 100k generated cases:
//
//	go test ./handlers -run '^$' -bench BenchmarkQueryByNumber -benchtime 2000x
//
// Seeding the 100k cases takes most of the run; the figures are per question.
func BenchmarkQueryByNumber(b *testing.B) {
	const ledgerSize = 100_000
	e := newChatEnv(b, nil)
	// 承办人 get names as people have them (50 of them, each with 2000
	// cases), so the understanding step finds them in the person index.
	handler := func(i int) string {
		return string([]rune("王李张刘陈")[i%50/10]) + string([]rune("伟芳娜敏静丽强磊军洋")[i%10])
	}
	storetest.Seed(b, e.st, ledgerSize, time.Date(2025, 11, 1, 0, 0, 0, 0, cst), func(i int, c *cases.Case) {
		c.Handler = handler(i)
	})
	// Case i=50009 is (2025)黔0115行初5001号.
	target := storetest.Generate(50009, time.Date(2025, 11, 1, 0, 0, 0, 0, cst))
	target.Handler = handler(50009)
	e.people(
		&people.Person{UserID: "staff1", Name: "陈专班", Role: people.Staff},
		&people.Person{UserID: "head1", Name: "王五", Role: people.Head, Agency: target.Defendants[0]},
		// Named as 承办人 on 2000 cases of every agency (scope.Named).
		&people.Person{UserID: "handler1", Name: target.Handler, Role: people.Handler, Agency: target.Defendants[0]},
	)
	other := storetest.Generate(50010, time.Date(2025, 11, 1, 0, 0, 0, 0, cst))
	if other.Defendants[0] == target.Defendants[0] {
		b.Fatalf("case 50010 is of the target's agency too")
	}
	for _, bc := range []struct{ name, user, text, want string }{
		{"full-number/staff", "staff1", "请问（２０２５）黔０１１５行初５００１号现在怎么样了？", "**" + target.Number + "**"},
		{"short-number/staff", "staff1", "行初5001", "**" + target.Number + "**"},
		{"full-number/head", "head1", target.Number, "**" + target.Number + "**"},
		{"not-found-with-suggestions/staff", "staff1", "(2025)黔0115行初50019号", "您要找的是不是"},
		{"mine/head", "head1", "我的案件", "**贵单位（"},
		{"hearings-this-week/head", "head1", "本周开庭", "本周"},
		{"lost-this-year/staff", "staff1", "今年败诉", "败诉案件"},
		{"party/staff", "staff1", "原告 " + target.Plaintiffs[0].Name, target.Plaintiffs[0].Name},
		// The understanding step's paths.
		{"fact-of-a-case/staff", "staff1", "行初5001号判了吗", "**" + target.Number + "**"},
		{"bare-number/staff", "staff1", "查下5001号", "**" + target.Number + "**"},
		{"voice-run-on/staff", "staff1", "明天那个庭是谁去啊我这边还没收到通知", "出庭负责人"},
		{"hearings-next-week-with-heads/staff", "staff1", "下周开庭的出庭负责人都是谁", "下周"},
		{"my-hearings/head", "head1", "我下次出庭是什么时候", "您（王五）"},
		{"a-handler's-cases/staff", "staff1", "承办人" + target.Handler + "手上有几个案子", target.Handler},
		{"my-cases/head", "head1", "我们局还有哪些没结", "未结案件"},
		{"kind-only/staff", "staff1", "复议案件有几个", "行政复议"},
		{"kind-this-year/staff", "staff1", "今年一共多少行政诉讼", "行政诉讼"},
		{"both-kinds/staff", "staff1", "复议和诉讼各多少", "行政复议"},
		{"loss-rate-by-agency/staff", "staff1", "各单位败诉率", "各单位败诉率"},
		{"lost-by-month/staff", "staff1", "今年每个月败诉几件", "按月"},
		{"loss-rate-by-month/staff", "staff1", "今年败诉率按月分一下", "按月"},
		{"loss-rate-this-year/staff", "staff1", "今年败诉率", "败诉率"},
		{"ranking/head", "head1", "哪个单位败诉最多", "最多的单位"},
		{"out-of-scope/staff", "staff1", "帮我订一下明天下午的会议室", "超出了我的范围"},
		{"follow-up/staff", "staff1", "后天呢", "后天"},
		// Added by chat8: a correction of the last question (a continuation
		// is measured below, in pairs, so that it never walks off the
		// ledger's hearings).
		{"correction/staff", "staff1", "哦说错了 是明天的", "明天"},
		// Added with the third fresh set.
		{"courtroom/staff", "staff1", "第一法庭本周有几个庭", "第一法庭"},
		{"each-of-a-list/staff", "staff1", "负责人都定了吗", "开庭"},
		{"suggestions-this-year/staff", "staff1", "今年收到几份检察建议", "检察建议"},
		{"filed-year-on-year/staff", "staff1", "今年新收案件同比", "去年同期"},
		{"deadlines-soon/staff", "staff1", "哪些案子答辩期快到了", "答辩举证期限"},
		// Added with chat9: a deadline's state first, a same-pinyin type.
		{"deadline-state/staff", "staff1", "行初5001答辩状交没交", "**" + target.Number + "**"},
		{"retyped-number/staff", "staff1", "刑初5001", "只登记行政案件"},
		{"reminders-now/staff", "staff1", "提醒发了没", "提醒"},
		{"off-topic-with-a-day/staff", "staff1", "今天天气咋样", "超出了我的范围"},
		// Added with chat23: who may see what.
		{"out-of-scope-number/head", "head1", other.Number, "不在您可以查看的范围内"},
		{"my-cases-named-on-2000/handler", "handler1", "我手上的案子", "**您本人的案件**"},
		{"my-open-named-on-2000/handler", "handler1", "我手上还有几个没结的", "未结"},
		{"county-lost/head", "head1", "全县今年败诉几件", "全县（本地区）"},
		// A none over several filters is asked again without each (relax.go).
		{"none-over-filters/staff", "staff1", "中院那个再审的工伤案子有哪些", "没有"},
		{"none-over-filters-own/head", "head1", "我们局中院那个再审的工伤案子有哪些", "没有"},
		{"none-court-and-stage/staff", "staff1", "高院那个一审的案子", "没有"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			if r := benchAsk(b, e, bc.user, bc.text); !strings.Contains(r, bc.want) {
				b.Fatalf("%q → %q, want %q", bc.text, r, bc.want)
			}
			for b.Loop() {
				benchAsk(b, e, bc.user, bc.text)
			}
		})
	}
	// A continuation costs the pair minus next-week alone.
	b.Run("next-week/staff", func(b *testing.B) {
		for b.Loop() {
			benchAsk(b, e, "staff1", "下周开庭")
		}
	})
	b.Run("next-week-then-continuation/staff", func(b *testing.B) {
		for b.Loop() {
			benchAsk(b, e, "staff1", "下周开庭")
			if r := benchAsk(b, e, "staff1", "那再往后呢"); !strings.Contains(r, "开庭") {
				b.Fatalf("那再往后呢 → %q", r)
			}
		}
	})
}

var benchSeq int

func benchAsk(b *testing.B, e *chatEnv, user, text string) string {
	benchSeq++
	msg := &bot.Message{ID: fmt.Sprintf("b%d", benchSeq), Type: "text", From: user, Text: text, CreateTime: e.now}
	if err := e.b.Handle(context.Background(), msg); err != nil {
		b.Fatal(err)
	}
	out := e.rec.take()
	if len(out) != 1 {
		b.Fatalf("%d replies", len(out))
	}
	return out[0].Text
}

// BenchmarkLostAtScale measures the 败诉 count questions through Bot.Handle
// over a ledger of 1M generated cases, as a bureau member (every case) and
// as an agency head (own agency only):
//
//	go test ./handlers -run '^$' -bench BenchmarkLostAtScale -benchtime 5x -timeout 60m
//
// Seeding the million cases takes several minutes; the figures are per
// question.
func BenchmarkLostAtScale(b *testing.B) {
	const ledgerSize = 1_000_000
	base := time.Date(2025, 11, 1, 0, 0, 0, 0, cst)
	e := newChatEnv(b, nil)
	storetest.Seed(b, e.st, ledgerSize, base, nil)
	e.people(
		&people.Person{UserID: "staff1", Name: "陈专班", Role: people.Staff},
		&people.Person{UserID: "head1", Name: "王五", Role: people.Head, Agency: storetest.Agencies[0]},
	)
	for _, bc := range []struct{ name, user, text string }{
		{"this-month/staff", "staff1", "本月败诉"},
		{"this-year/staff", "staff1", "今年败诉"},
		{"this-month/head", "head1", "本月败诉"},
		{"this-year/head", "head1", "今年败诉"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			r := benchAsk(b, e, bc.user, bc.text)
			if !strings.Contains(r, "败诉案件") {
				b.Fatalf("%q → %q", bc.text, r)
			}
			b.Logf("%s → %s", bc.text, strings.SplitN(r, "\n", 2)[0])
			for b.Loop() {
				benchAsk(b, e, bc.user, bc.text)
			}
		})
	}
}
