package cases

import (
	"strings"
	"testing"
	"time"
)

func TestParseOutcome(t *testing.T) {
	tests := []struct {
		kind Kind
		in   string
		want Outcome
	}{
		{Litigation, "判决撤销", JudgmentRevoke},
		{Litigation, "判决撤销（含责令重作）", JudgmentRevoke},
		{Litigation, "撤销", JudgmentRevoke},
		{Litigation, "撤销并责令重作", JudgmentRevoke},
		{Litigation, "部分撤销", JudgmentPartlyRevoke},
		{Litigation, "确认违法", JudgmentIllegal},
		{Litigation, "确认无效", JudgmentVoid},
		{Litigation, "责令履行", JudgmentPerform},
		{Litigation, "履行法定职责", JudgmentPerform},
		{Litigation, "给付", JudgmentPay},
		{Litigation, "变更", JudgmentAlter},
		{Litigation, "行政赔偿", JudgmentCompensate},
		{Litigation, "驳回诉讼请求", JudgmentDismissClaims},
		{Litigation, "驳回原告诉讼请求", JudgmentDismissClaims},
		{Litigation, "驳回起诉", RulingDismissSuit},
		{Litigation, "裁定驳回起诉", RulingDismissSuit},
		{Litigation, "不予立案", RulingNotAccepted},
		{Litigation, "撤诉", WithdrawalPermitted},
		{Litigation, "准予撤诉", WithdrawalPermitted},
		{Litigation, " 按撤诉处理 ", WithdrawalDeemed},
		{Litigation, "调解结案", Mediation},
		{Litigation, "终结诉讼", Termination},
		{Litigation, "被告改变行为后撤诉", WithdrawalAfterCorrection},
		{Litigation, "驳回上诉，维持原判", AppealDismissed},
		{Reconsideration, "撤销", ReconRevoke},
		{Reconsideration, "维持", ReconUphold},
		{Reconsideration, "驳回", ReconDismiss},
		{Reconsideration, "驳回复议申请", ReconDismiss},
		{Reconsideration, "责令履行", ReconPerform},
		{Reconsideration, "终止审理", ReconTermination},
		{Reconsideration, "和解", ReconSettlement},
		{NonLitigation, "裁定准予执行", EnforcementAllowed},
		{NonLitigation, "不准予执行", EnforcementDenied},
	}
	for _, tt := range tests {
		got, err := ParseOutcome(tt.kind, tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseOutcome(%s, %q) = %q, %v; want %q", tt.kind, tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []struct {
		kind Kind
		in   string
	}{{Litigation, "胜诉"}, {Litigation, "维持"}, {Reconsideration, "判决撤销"}, {Litigation, ""}} {
		_, err := ParseOutcome(bad.kind, bad.in)
		if err == nil {
			t.Errorf("ParseOutcome(%s, %q) guessed instead of failing", bad.kind, bad.in)
		} else if !strings.Contains(err.Error(), "结案方式") {
			t.Errorf("error %q does not say what is wrong", err)
		}
	}
}

func TestLossAndCorrection(t *testing.T) {
	closed := func(k Kind, o Outcome) *Case {
		return &Case{Kind: k, Closure: &Closure{On: time.Now(), Method: o}}
	}
	def, err := NewLossSet(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range DefaultLoss {
		if !def.Lost(closed(Litigation, o)) {
			t.Errorf("%s should be 败诉 by default", o)
		}
		if !o.Judged() {
			t.Errorf("%s is a judgment", o)
		}
	}
	for _, o := range []Outcome{JudgmentDismissClaims, RulingDismissSuit, WithdrawalPermitted, WithdrawalAfterCorrection, Mediation} {
		if def.Lost(closed(Litigation, o)) {
			t.Errorf("%s should not be 败诉 by default", o)
		}
	}
	if def.Lost(closed(Reconsideration, ReconRevoke)) {
		t.Error("a reconsideration is never 败诉 in the litigation figures")
	}
	if def.Lost(&Case{Kind: Litigation}) {
		t.Error("an open case is not lost")
	}
	strict, err := NewLossSet([]string{"判决撤销", "改变行为后撤诉"})
	if err != nil {
		t.Fatal(err)
	}
	if !strict.Lost(closed(Litigation, WithdrawalAfterCorrection)) || strict.Lost(closed(Litigation, JudgmentIllegal)) {
		t.Error("a configured loss set is used as given")
	}
	if _, err := NewLossSet([]string{"胜诉"}); err == nil {
		t.Error("an unknown configured outcome is an error")
	}
	if !Corrected(closed(Reconsideration, ReconIllegal)) || Corrected(closed(Reconsideration, ReconUphold)) {
		t.Error("纠错 set")
	}
	for _, o := range []Outcome{Mediation, WithdrawalPermitted, WithdrawalDeemed, WithdrawalAfterCorrection} {
		if !o.MediatedOrWithdrawn() {
			t.Errorf("%s counts toward 调撤", o)
		}
	}
	if JudgmentRevoke.MediatedOrWithdrawn() || RulingDismissSuit.Judged() {
		t.Error("调撤/判决 classification")
	}
}

// TestAmbiguousOutcome: a bare 驳回 in a litigation ledger may be either
// 判决驳回诉讼请求 or 裁定驳回起诉, which count differently: an error
// naming both, never a guess. In reconsideration it has one meaning.
func TestAmbiguousOutcome(t *testing.T) {
	for _, in := range []string{"驳回", "驳回结案", " 驳回 "} {
		_, err := ParseOutcome(Litigation, in)
		if err == nil || !strings.Contains(err.Error(), string(JudgmentDismissClaims)) || !strings.Contains(err.Error(), string(RulingDismissSuit)) {
			t.Errorf("ParseOutcome(行政诉讼, %q) = %v; want an error naming both choices", in, err)
		}
	}
	if o, err := ParseOutcome(Reconsideration, "驳回"); err != nil || o != ReconDismiss {
		t.Errorf("ParseOutcome(行政复议, 驳回) = %q, %v", o, err)
	}
	if o, err := ParseOutcome(Litigation, "判决驳回"); err != nil || o != JudgmentDismissClaims {
		t.Errorf("ParseOutcome(行政诉讼, 判决驳回) = %q, %v", o, err)
	}
}

// TestKnownOutcomeIsParseOutcome pins KnownOutcome to ParseOutcome over
// every kind: each vocabulary entry and alias, with 结案, punctuation and
// spaces, their substrings, the ambiguous forms and non-outcomes.
func TestKnownOutcomeIsParseOutcome(t *testing.T) {
	var seeds []string
	for _, v := range [][]Outcome{litigationOutcomes, reconsiderationOutcomes, nonLitigationOutcomes} {
		for _, o := range v {
			seeds = append(seeds, string(o))
		}
	}
	for _, a := range []map[string]Outcome{litigationAliases, reconsiderationAliases, nonLitigationAliases} {
		for k := range a {
			seeds = append(seeds, k)
		}
	}
	for k := range ambiguousLitigation {
		seeds = append(seeds, k)
	}
	seeds = append(seeds, "", "结案", "结案结案", "开庭", "明天开庭", "已经撤诉了", "判决书收到了")
	var ins []string
	for _, s := range seeds {
		ins = append(ins, s, s+"结案", s+"结案结案", "（"+s+"）", " "+s+"。", s+"了")
		rs := []rune(s)
		for i := range rs {
			for j := i + 1; j <= len(rs); j++ {
				ins = append(ins, string(rs[i:j]))
			}
		}
	}
	for _, s := range ins {
		want := false
		for _, k := range Kinds {
			if _, err := ParseOutcome(k, s); err == nil {
				want = true
			}
		}
		if got := KnownOutcome(s); got != want {
			t.Errorf("KnownOutcome(%q) = %v, ParseOutcome accepts it: %v", s, got, want)
		}
	}
}
