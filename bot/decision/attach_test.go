package decision

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/redistest"
	"casebot/bot/store"
)

type attachEnv struct {
	svc *Service
	st  *store.Store
	log *audit.Log
	now time.Time
}

func newAttachEnv(t *testing.T, numbers ...string) *attachEnv {
	t.Helper()
	rdb, k := redistest.New(t)
	st := store.New(rdb, k)
	e := &attachEnv{st: st, log: audit.New(rdb, k, 1000), now: time.Date(2025, 10, 9, 9, 30, 0, 0, time.UTC)}
	e.log.Now = func() time.Time { return e.now }
	e.svc = NewService(st, e.log, 0)
	e.svc.Now = func() time.Time { return e.now }
	for _, s := range numbers {
		n := cases.MustParseNumber(s)
		c := &cases.Case{Number: n.String(), Kind: n.Kind(), Stage: n.Stage(), Plaintiffs: []cases.Party{cases.NewParty("某公司")},
			Defendants: []string{"某局"}, Cause: "行政处罚", Closure: &cases.Closure{On: e.now.AddDate(0, -1, 0), Method: cases.JudgmentRevoke}}
		if n.Kind() == cases.Reconsideration {
			c.Closure.Method = cases.ReconRevoke
		}
		if err := st.Put(context.Background(), c); err != nil {
			t.Fatal(err)
		}
	}
	return e
}

var cli = audit.Entry{User: "cli"}

func corpusFile(t *testing.T, name string) []byte {
	return readFile(t, "testdata/corpus/"+name)
}

func TestAttachFindsTheCaseFromTheText(t *testing.T) {
	e := newAttachEnv(t, "(2025)黔0122行初45号")
	ctx := context.Background()
	data := readFile(t, "testdata/files/d01_libreoffice.pdf")
	p, err := e.svc.Check(ctx, "杨德明案判决书.pdf", data, "")
	if err != nil {
		t.Fatal(err)
	}
	if p.Number != "(2025)黔0122行初45号" || p.Problem() != "" || p.Format != FormatPDF || p.Pages != 3 || len(p.SHA256) != 64 {
		t.Fatalf("proposal = %s %q %s %d pages", p.Number, p.Problem(), p.Format, p.Pages)
	}
	if _, err := e.svc.Decisions.Get(ctx, p.Number); !errors.Is(err, ErrNone) {
		t.Fatal("Check stored something")
	}
	changed, err := e.svc.Attach(ctx, p, cli, false)
	if err != nil || !changed {
		t.Fatalf("Attach = %v, %v", changed, err)
	}
	a, err := e.svc.Decisions.Get(ctx, p.Number)
	if err != nil {
		t.Fatal(err)
	}
	if a.FileName != "杨德明案判决书.pdf" || a.AttachedBy != "cli" || !a.AttachedAt.Equal(e.now) || a.Kind != KindJudgment || !strings.Contains(a.Text, "本院认为") {
		t.Errorf("stored %+v", a)
	}
	// The rule: the file itself is not kept, only its text and hash.
	if raw, _ := e.st.Client().Get(ctx, e.st.Keys().Decision(p.Number)).Result(); strings.Contains(raw, "%PDF") || len(raw) > 3*len(a.Text)+2000 {
		t.Errorf("the stored record holds more than the text (%d bytes)", len(raw))
	}
	entries, _ := e.log.List(ctx, audit.Filter{})
	if len(entries) != 1 || entries[0].Kind != "decision" || entries[0].User != "cli" || entries[0].Cases[0] != p.Number || !strings.Contains(entries[0].Detail, a.SHA256) {
		t.Errorf("audit = %+v", entries)
	}

	// The same file again changes nothing and says so.
	again, err := e.svc.Check(ctx, "判决书.pdf", data, "")
	if err != nil {
		t.Fatal(err)
	}
	if !again.Same || !strings.Contains(strings.Join(again.Notes, ""), "内容没有变化") {
		t.Errorf("same file: %+v", again.Notes)
	}
	if changed, err := e.svc.Attach(ctx, again, cli, false); changed || err != nil {
		t.Errorf("re-attach = %v, %v", changed, err)
	}
	// Another file for the case replaces it, and says so first.
	other, err := e.svc.Check(ctx, "d01.txt", corpusFile(t, "d01_county_first_revoke.txt"), "（2025）黔0122行初45号")
	if err != nil {
		t.Fatal(err)
	}
	if other.Same || !strings.Contains(strings.Join(other.Notes, ""), "将以新文件替换") {
		t.Errorf("replacement notes: %v", other.Notes)
	}
}

func TestAttachChecksTheCaseGiven(t *testing.T) {
	e := newAttachEnv(t, "(2025)黔0122行初45号", "(2024)浙0624行初131号", "(2025)浙06行终112号")
	ctx := context.Background()
	// A 二审 judgment attached to the 一审 case it reviews: accepted, noted.
	p, err := e.svc.Check(ctx, "二审.txt", corpusFile(t, "d07_intermediate_appeal_upheld.txt"), "(2024)浙0624行初131号")
	if err != nil {
		t.Fatal(err)
	}
	if p.Mismatch || p.Number != "(2024)浙0624行初131号" || !strings.Contains(strings.Join(p.Notes, ""), "文书自身的案号是 (2025)浙06行终112号") {
		t.Errorf("二审 for 一审: mismatch %v, notes %v", p.Mismatch, p.Notes)
	}
	// Another case's decision: refused unless forced.
	p, err = e.svc.Check(ctx, "错的.txt", corpusFile(t, "d07_intermediate_appeal_upheld.txt"), "(2025)黔0122行初45号")
	if err != nil {
		t.Fatal(err)
	}
	if !p.Mismatch || !strings.Contains(p.Problem(), "文书上的案号是 (2025)浙06行终112号，与您给出的 (2025)黔0122行初45号 不一致") {
		t.Fatalf("mismatch: %v %q", p.Mismatch, p.Problem())
	}
	if _, err := e.svc.Attach(ctx, p, cli, false); err == nil {
		t.Error("a mismatched decision was attached without force")
	}
	if _, err := e.svc.Decisions.Get(ctx, "(2025)黔0122行初45号"); !errors.Is(err, ErrNone) {
		t.Error("the refused attach stored the decision")
	}
	if changed, err := e.svc.Attach(ctx, p, cli, true); !changed || err != nil {
		t.Errorf("forced attach = %v, %v", changed, err)
	}
	entries, _ := e.log.List(ctx, audit.Filter{})
	if len(entries) != 1 || !strings.Contains(entries[0].Detail, "经确认仍关联") {
		t.Errorf("audit = %+v", entries)
	}
	// A case the ledger does not have.
	_, err = e.svc.Check(ctx, "a.txt", corpusFile(t, "d07_intermediate_appeal_upheld.txt"), "(2025)浙06行终999号")
	var ue *bot.Error
	if !errors.As(err, &ue) || !strings.Contains(ue.Message, "台账中没有案号 (2025)浙06行终999号") {
		t.Errorf("unknown case: %v", err)
	}
}

func TestAttachAsksWhenTheTextNamesNoneOrSeveral(t *testing.T) {
	e := newAttachEnv(t, "(2024)苏0703行初266号", "青府复决字〔2025〕12号")
	ctx := context.Background()
	tests := []struct {
		name, text string
		candidates []string
		problem    string
	}{
		{"own not in the ledger, 一审 is", string(corpusFile(t, "d08_intermediate_appeal_reversed.txt")), []string{"(2024)苏0703行初266号"},
			"文书的案号 (2025)苏07行终58号 不在台账中；文中提到的 (2024)苏0703行初266号 在台账里"},
		{"no number at all", strings.Replace(string(corpusFile(t, "d13_county_gov_recon_revoke.txt")), "青府复决字〔2025〕12号", "", 1), nil,
			"文书中没有找到案号"},
		{"several own numbers", strings.Replace(string(corpusFile(t, "d13_county_gov_recon_revoke.txt")), "青府复决字〔2025〕12号", "青府复决字〔2025〕12号\n青府复决字〔2025〕13号", 1),
			[]string{"青府复决字〔2025〕12号"}, "文书写有多个案号（青府复决字〔2025〕12号、青府复决字〔2025〕13号），其中台账里有 青府复决字〔2025〕12号"},
		{"own not in the ledger, nothing else", string(corpusFile(t, "d04_county_first_dismiss_claims.txt")), nil, "文书的案号 (2025)川0182行初17号 不在台账中"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := e.svc.Check(ctx, "a.txt", []byte(tt.text), "")
			if err != nil {
				t.Fatal(err)
			}
			if p.Number != "" || !strings.Contains(p.Problem(), tt.problem) {
				t.Errorf("number %q, problem %q; want none and %q", p.Number, p.Problem(), tt.problem)
			}
			if diff := cmp.Diff(tt.candidates, p.Candidates); diff != "" {
				t.Errorf("candidates (-want,+got):\n%s", diff)
			}
			if _, err := e.svc.Attach(ctx, p, cli, true); err == nil {
				t.Error("a decision without a case was attached")
			}
		})
	}
}

// Chat and the app page stage a proposal, ask, and confirm.
func TestStageAndConfirm(t *testing.T) {
	e := newAttachEnv(t, "(2024)苏0703行初266号")
	ctx := context.Background()
	p, err := e.svc.Check(ctx, "二审判决.txt", corpusFile(t, "d08_intermediate_appeal_reversed.txt"), "")
	if err != nil {
		t.Fatal(err)
	}
	if err := e.svc.Stage(ctx, "pufa1", p); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Confirm(ctx, "pufa1", "(2025)黔0122行初1号", audit.Entry{User: "pufa1"}); err == nil || !strings.Contains(err.Error(), "不是这份文书可以关联的案件") {
		t.Errorf("confirming another case: %v", err)
	}
	got, err := e.svc.Confirm(ctx, "pufa1", "（2024）苏0703行初266号", audit.Entry{User: "pufa1", Name: "普法甲"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Number != "(2024)苏0703行初266号" {
		t.Errorf("confirmed %s", got.Number)
	}
	if a, err := e.svc.Decisions.Get(ctx, got.Number); err != nil || a.AttachedBy != "pufa1" {
		t.Errorf("stored %+v, %v", a, err)
	}
	if _, err := e.svc.Confirm(ctx, "pufa1", "", audit.Entry{User: "pufa1"}); !errors.Is(err, ErrNothingStaged) {
		t.Errorf("second confirm: %v", err)
	}
}

func TestBadFileChangesNothing(t *testing.T) {
	e := newAttachEnv(t, "(2025)黔0122行初45号")
	ctx := context.Background()
	before, _ := e.st.Client().Keys(ctx, e.st.Keys().Pattern()).Result()
	for name, data := range map[string][]byte{
		"扫描件.pdf": readFile(t, "testdata/files/scanned.pdf"),
		"照片.pdf":  readFile(t, "testdata/files/photo.pdf"),
	} {
		if _, err := e.svc.Check(ctx, name, data, "(2025)黔0122行初45号"); err == nil {
			t.Errorf("%s was read", name)
		}
	}
	e.svc.MaxBytes = 1000
	if _, err := e.svc.Check(ctx, "大.txt", corpusFile(t, "d01_county_first_revoke.txt"), ""); err == nil || !strings.Contains(err.Error(), "超过了") {
		t.Errorf("oversize: %v", err)
	}
	after, _ := e.st.Client().Keys(ctx, e.st.Keys().Pattern()).Result()
	if len(after) != len(before) {
		t.Errorf("keys %v became %v", before, after)
	}
}
