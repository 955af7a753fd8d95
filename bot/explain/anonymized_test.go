package explain

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"casebot/bot/cases"
	"casebot/bot/decision"
	"casebot/bot/privacy"
)

// renderPrompt is the request a draft of c sends, as Generate renders it.
func (e *env) renderPrompt(c *cases.Case, m material, a *privacy.Anonymizer) string {
	e.t.Helper()
	in, _, err := e.svc.Gen.prompt(c, m, a, "")
	if err != nil {
		e.t.Fatal(err)
	}
	system, user, err := e.svc.Gen.request(in, c.Number)
	if err != nil {
		e.t.Fatal(err)
	}
	return system + "\n" + user
}

// stored returns the anonymized decision kept beside c's decision.
func (e *env) stored(number string) *anonymized {
	e.t.Helper()
	_, b, err := e.svc.Attach.Decisions.GetAnonymized(context.Background(), number)
	if err != nil {
		e.t.Fatal(err)
	}
	if b == nil {
		return nil
	}
	var r anonymized
	if err := json.Unmarshal(b, &r); err != nil {
		e.t.Fatal(err)
	}
	return &r
}

// mark replaces the stored anonymized decision's 主文 with marker,
// keeping its digest: a draft that sends the marker was made from what is
// stored.
func (e *env) mark(number, marker string) {
	e.t.Helper()
	r := e.stored(number)
	if r == nil {
		e.t.Fatal("no anonymized decision stored")
	}
	for i, s := range r.Anon.Sections {
		if s.Part == decision.PartOperative {
			r.Anon.Sections[i].Text = marker
		}
	}
	b, _ := json.Marshal(r)
	if _, err := e.svc.Attach.Decisions.PutAnonymized(context.Background(), number, b); err != nil {
		e.t.Fatal(err)
	}
}

// lastUser is the user message of the model's last request.
func (e *env) lastUser() string {
	reqs := e.srv.Requests()
	return reqs[len(reqs)-1].Messages[1].Content
}

// The decision is anonymized when it is attached; drafts send what is
// stored, without anonymizing it again; one attached before the store
// existed gets it made at its first draft.
func TestStoredAnonymizedDecisionIsWhatTheModelReceives(t *testing.T) {
	e := newEnv(t, true, nil)
	ctx := context.Background()
	c := e.corpusCase("d10_high_retrial_review_denied.txt")
	r := e.stored(c.Number)
	if r == nil || r.Digest != e.svc.Gen.anonymizedDigest(c, mustDecision(t, e, c.Number)) {
		t.Fatalf("attaching made no anonymized decision for the case: %+v", r)
	}
	if len(r.Identifying) == 0 {
		t.Error("no line with an identifier recorded (the decision gives the parties' addresses)")
	}
	e.generate(c, false)
	if !strings.Contains(e.lastUser(), r.Anon.Section(decision.PartOperative)) {
		t.Error("the prompt lacks the stored 主文")
	}
	const marker = "（取自已存的脱敏文书）驳回马某的再审申请。"
	e.mark(c.Number, marker)
	e.generate(c, false)
	if !strings.Contains(e.lastUser(), marker) {
		t.Error("the draft did not send the stored anonymized decision")
	}
	// A decision attached before: nothing stored; the first draft makes it.
	if err := e.st.Client().Del(ctx, e.st.Keys().DecisionAnonymized(c.Number)).Err(); err != nil {
		t.Fatal(err)
	}
	e.generate(c, false)
	if got := e.stored(c.Number); got == nil || got.Digest != r.Digest || strings.Contains(e.lastUser(), marker) {
		t.Errorf("the first draft did not make and store the anonymized decision: %v", got != nil)
	}
}

func mustDecision(t *testing.T, e *env, number string) *decision.Attachment {
	t.Helper()
	att, err := e.svc.Attach.Decisions.Get(context.Background(), number)
	if err != nil {
		t.Fatal(err)
	}
	return att
}

// A change of anything the anonymized decision is made from makes it
// again at the next draft: what was stored (marked here) is not sent. One
// case, changed in turn.
func TestStoredAnonymizedDecisionFollowsItsInputs(t *testing.T) {
	const marker = "（旧的脱敏文书）驳回再审申请。"
	ctx := context.Background()
	e := newEnv(t, true, nil)
	c := e.corpusCase("d10_high_retrial_review_denied.txt")
	tests := []struct {
		name   string
		change func(c *cases.Case)
		// knows is a name the new anonymized decision knows
		knows string
	}{
		{"a new party in the ledger", func(c *cases.Case) { c.Plaintiffs = append(c.Plaintiffs, cases.NewParty("马丽华")) }, "马丽华"},
		{"another 承办人", func(c *cases.Case) { c.Handler = "周建新" }, "周建新"},
		{"another head who appeared", func(c *cases.Case) {
			c.AddHearing(cases.Hearing{At: at("2025-06-20 09:30"), Place: "第一法庭", Head: "钱卫东", HeadPost: "副局长", MustAppear: true})
		}, "钱卫东"},
		{"a new 备注", func(c *cases.Case) { c.Note = "原告之妻孙桂芳到庭旁听。" }, "孙桂芳"},
		{"privacy.keep_officials", func(*cases.Case) { e.svc.Gen.Privacy.KeepOfficials = true }, ""},
		{"privacy numbering", func(*cases.Case) { e.svc.Gen.Privacy.Numbering = privacy.Digits }, ""},
		{"a new version of the anonymizer", func(*cases.Case) {
			old := versions
			versions = func() []string { return append(old(), "next") }
			t.Cleanup(func() { versions = old })
		}, ""},
		{"a new decision", func(c *cases.Case) {
			att := mustDecision(t, e, c.Number)
			att.Text += "\n本件与原本核对无异。"
			if err := e.svc.Attach.Decisions.Put(ctx, att); err != nil {
				t.Fatal(err)
			}
		}, ""},
	}
	for _, tt := range tests {
		old := e.stored(c.Number)
		e.mark(c.Number, marker)
		tt.change(c)
		if err := e.st.Put(ctx, c); err != nil {
			t.Fatal(err)
		}
		e.generate(c, false)
		if strings.Contains(e.lastUser(), marker) {
			t.Errorf("%s: the draft sent the anonymized decision made before the change", tt.name)
			continue
		}
		now := e.stored(c.Number)
		if now == nil || now.Digest == old.Digest || now.Digest != e.svc.Gen.anonymizedDigest(c, mustDecision(t, e, c.Number)) {
			t.Errorf("%s: the anonymized decision was not made again", tt.name)
			continue
		}
		if tt.knows != "" {
			known := false
			for _, en := range now.Prepared {
				known = known || en.Name == tt.knows
			}
			if !known {
				t.Errorf("%s: the new anonymized decision does not know %s", tt.name, tt.knows)
			}
			if strings.Contains(e.lastUser(), tt.knows) {
				t.Errorf("%s: %s reached the model", tt.name, tt.knows)
			}
		}
	}
}
