package explain

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"casebot/bot/cases"
	"casebot/bot/decision"
	"casebot/bot/privacy"
	"casebot/bot/redistest"
	"casebot/bot/store"
	"casebot/config"
	"casebot/prompts"
)

// benchPrompt measures the assembly of one prompt from a decision attached
// to a case, as Generate does it, up to the rendered templates (no model):
//
//   - cached: the decision and its stored anonymized form read from Redis,
//     the anonymizer rebuilt from it, the parts fitted to the budget, the
//     templates rendered: every draft after the first;
//   - first: the same with nothing stored, so the decision is read into
//     its parts, anonymized whole and the result stored: a decision
//     attached before the cache existed, at its first draft (one attached
//     now has it made at attach time);
//   - afresh: what every draft did before the cache — read, anonymize
//     whole, split, fit, render — without Redis.
func benchPrompt(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	x, err := decision.Extract(filepath.Base(path), data, 0)
	if err != nil {
		b.Fatal(err)
	}
	doc := decision.Parse(x.Text)
	n := doc.Numbers[0]
	att := &decision.Attachment{Number: n.String(), Text: x.Text, FileName: filepath.Base(path)}
	c := &cases.Case{Number: n.String(), Kind: n.Kind(), Stage: n.Stage(), Plaintiffs: []cases.Party{cases.NewParty("杨德明")},
		Defendants: []string{"青山县公安局"}, Cause: "治安管理行政处罚", Court: doc.Issuer,
		Closure: &cases.Closure{On: at("2025-06-12 10:00"), Method: cases.JudgmentRevoke}}
	rdb, k := redistest.New(b)
	ctx := context.Background()
	g := &Generator{Prompts: prompts.MustLoad(), Location: cst, MaxInputChars: 24000, Decisions: decision.NewStore(rdb, k)}
	if err := g.Decisions.Put(ctx, att); err != nil {
		b.Fatal(err)
	}
	render := func(m material, a *privacy.Anonymizer) {
		in, _, err := g.prompt(c, m, a, "")
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := g.Prompts.Render(in); err != nil {
			b.Fatal(err)
		}
	}
	fromStore := func() {
		m, a, err := g.loadMaterial(ctx, c)
		if err != nil {
			b.Fatal(err)
		}
		render(m, a)
	}
	b.Run("cached", func(b *testing.B) {
		fromStore() // makes and stores it
		b.ReportAllocs()
		for b.Loop() {
			fromStore()
		}
	})
	b.Run("first", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := rdb.Del(ctx, k.DecisionAnonymized(att.Number)).Err(); err != nil {
				b.Fatal(err)
			}
			fromStore()
		}
	})
	b.Run("afresh", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			m := material{att: att, doc: att.Document()}
			a := g.anonymizerFor(c, m)
			m.anon = decision.Split(a.Anonymize(maskNumbers(att.Text, m.doc)))
			render(m, a)
		}
	})
}

// One ordinary judgment (3 pages).
func BenchmarkPromptAssembly(b *testing.B) {
	benchPrompt(b, filepath.Join(corpusDir, "d01_county_first_revoke.txt"))
}

// A 33-page PDF's text (20,000 characters): the budget cuts it.
func BenchmarkPromptAssembly30Pages(b *testing.B) {
	benchPrompt(b, "../decision/testdata/files/long30_libreoffice.pdf")
}

// BenchmarkCandidates2000: 以案说法候选 over a ledger whose window holds
// 2,000 closed cases, one in four with drafts (one in eight of those
// reviewed) and one in ten with a decision attached; the chat's list is
// this call.
func BenchmarkCandidates2000(b *testing.B) {
	rdb, k := redistest.New(b)
	st := store.New(rdb, k)
	ctx := context.Background()
	cfg := config.MustDefault()
	cfg.Location = cst
	svc, err := New(cfg, st, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	closed := at("2025-09-15 10:00")
	methods := []cases.Outcome{cases.JudgmentRevoke, cases.JudgmentDismissClaims, cases.WithdrawalAfterCorrection, cases.JudgmentIllegal}
	var cs []*cases.Case
	for i := range 2000 {
		n := cases.Number{Form: cases.CourtNumber, Court: "黔0115", Type: "行初", Year: 2025, Seq: i + 1}
		cs = append(cs, &cases.Case{Number: n.String(), Kind: n.Kind(), Stage: n.Stage(), Plaintiffs: []cases.Party{cases.NewParty("王五")},
			Defendants: []string{fmt.Sprintf("某县第%d局", i%12)}, Cause: "行政处罚",
			Closure: &cases.Closure{On: closed.Add(-time.Duration(i) * time.Hour), Method: methods[i%len(methods)]}})
	}
	if err := st.PutMany(ctx, cs, nil); err != nil {
		b.Fatal(err)
	}
	for i, c := range cs {
		if i%4 == 0 {
			d := &Draft{Number: c.Number, CreatedAt: closed, Body: "# 标题\n\n正文", Offline: true}
			if err := svc.Drafts.Add(ctx, d); err != nil {
				b.Fatal(err)
			}
			if i%32 == 0 {
				if _, err := svc.Approve(ctx, c.Number, d.Version, Reviewer{User: "pufa1"}, ""); err != nil {
					b.Fatal(err)
				}
			}
		}
		if i%10 == 0 {
			if err := svc.Attach.Decisions.Put(ctx, &decision.Attachment{Number: c.Number, Text: "行政判决书"}); err != nil {
				b.Fatal(err)
			}
		}
	}
	now := at("2025-10-08 15:00")
	b.ReportAllocs()
	for b.Loop() {
		got, err := svc.Candidates(ctx, now, 180*24*time.Hour, 0)
		if err != nil || len(got) != 2000 {
			b.Fatalf("%d candidates, %v", len(got), err)
		}
	}
}
