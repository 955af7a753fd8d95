package intent

import (
	"testing"
	"time"
)

// TestFieldsByTheirOwnNames: a field is read by its whole name, never by a
// shorter one inside it (被申请人 holds 申请人, 申请执行人 holds 执行人), and
// the yes/no forms of a status ask the status.
func TestFieldsByTheirOwnNames(t *testing.T) {
	now := time.Date(2026, 11, 19, 8, 40, 0, 0, time.FixedZone("CST", 8*3600))
	for in, want := range map[string]Aspect{
		"复41被申请人是谁":   Defendant,
		"复36被申请人":     Defendant,
		"复41申请人是谁":    Plaintiff,
		"行审12被执行人是哪个": Plaintiff,
		"行审12申请执行人是谁": Defendant,
		"行初85案号咋写的":   Number,
		"按号是多少":       Number,
		"内容是啥子":       Advice,
		"行初117宣判了吗":   Outcome,
		"行初92判下来没有":   Outcome,
		"行初74撤了没":     Outcome,
		"复38办结没":      Outcome,
		"行审12裁了没有":    Outcome,
		"行初101开始了没":   Held,
		"96号开完没":      Held,
		"行初85上诉了没":    Appealed,
		"有没有上诉":       Appealed,
	} {
		u, err := Understand(in, Options{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if u.Aspect != want {
			t.Errorf("Understand(%q).Aspect = %q, want %q (residue %q)", in, u.Aspect, want, u.Residue)
		}
	}
}

func TestThirdPartyIsNotHeld(t *testing.T) {
	u, err := Understand("行初108第三人是谁", Options{Now: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if u.NotHeld != "third-party" {
		t.Errorf("NotHeld = %q, want third-party", u.NotHeld)
	}
}

func TestLapsedAppealIsOverdue(t *testing.T) {
	for in, want := range map[string]bool{
		"上诉期过了还没登记结果的": true,
		"超过上诉期的":       true,
		"上诉期快到的案子":     false,
		"哪些案子答辩期快到了":   false,
	} {
		u, err := Understand(in, Options{Now: time.Now()})
		if err != nil {
			t.Fatal(err)
		}
		if u.Overdue != want {
			t.Errorf("Understand(%q).Overdue = %v, want %v", in, u.Overdue, want)
		}
	}
}
