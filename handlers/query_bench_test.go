package handlers

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"casebot/bot"
	"casebot/bot/people"
	"casebot/bot/store/storetest"
)

// BenchmarkQueryByNumber measures answering a question through Bot.Handle
// (directory lookup, routing, parsing, the store, scoping, rendering, the
// audit write and the reply) over a ledger of 100k generated cases:
//
//	go test ./handlers -run '^$' -bench BenchmarkQueryByNumber -benchtime 2000x
//
// Seeding the 100k cases takes most of the run; the figures are per question.
func BenchmarkQueryByNumber(b *testing.B) {
	const ledgerSize = 100_000
	e := newChatEnv(b, nil)
	storetest.Seed(b, e.st, ledgerSize, time.Date(2025, 11, 1, 0, 0, 0, 0, cst), nil)
	// Case i=50009 is (2025)黔0115行初5001号.
	target := storetest.Generate(50009, time.Date(2025, 11, 1, 0, 0, 0, 0, cst))
	e.people(
		&people.Person{UserID: "staff1", Name: "陈专班", Role: people.Staff},
		&people.Person{UserID: "head1", Name: "王五", Role: people.Head, Agency: target.Defendants[0]},
	)
	for _, bc := range []struct{ name, user, text, want string }{
		{"full-number/staff", "staff1", "请问（２０２５）黔０１１５行初５００１号现在怎么样了？", "**" + target.Number + "**"},
		{"short-number/staff", "staff1", "行初5001", "**" + target.Number + "**"},
		{"full-number/head", "head1", target.Number, "**" + target.Number + "**"},
		{"not-found-with-suggestions/staff", "staff1", "(2025)黔0115行初50019号", "您要找的是不是"},
		{"mine/head", "head1", "我的案件", "**贵单位（"},
		{"hearings-this-week/head", "head1", "本周开庭", "本周"},
		{"lost-this-year/staff", "staff1", "今年败诉", "败诉案件"},
		{"party/staff", "staff1", "原告 " + target.Plaintiffs[0].Name, "**当事人“" + target.Plaintiffs[0].Name + "”的案件**"},
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
