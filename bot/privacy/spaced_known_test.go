package privacy

import (
	"strings"
	"testing"
)

// A name the caller knows is the person also where the decision spaces it
// out to align (原告：刘　成, 审判员　刘　成, or with ASCII spaces), in the
// head, the body and the tail, in the first pass; an official kept by
// KeepOfficials stays as written.
func TestKnownNameSpacedOut(t *testing.T) {
	text := "原告：刘　成，男，汉族，住江球县白沙镇。\n原告刘　成诉称，被告的复查意见错误。\n本院认为，刘 成的主张不能成立。\n审　判　员　　黄　强\n书　记　员　　欧阳　丹\n"
	for _, keep := range []bool{false, true} {
		a := NewAnonymizerWith(Options{KeepOfficials: keep})
		a.AddNames("刘成")
		a.AddOfficials("黄强", "欧阳丹")
		a.Prepare(text)
		out := a.Anonymize(text)
		flat := strings.Join(strings.Fields(out), "")
		if strings.Contains(flat, "刘成") {
			t.Errorf("keep=%v: 刘成 left in %q", keep, out)
		}
		if got := strings.Count(out, a.Pseudonym("刘成")); got != 3 {
			t.Errorf("keep=%v: %s %d times, want 3: %q", keep, a.Pseudonym("刘成"), got, out)
		}
		for _, official := range []string{"黄强", "欧阳丹"} {
			if kept := strings.Contains(flat, official); kept != keep {
				t.Errorf("keep=%v: %s kept = %v: %q", keep, official, kept, out)
			}
		}
		if keep && !strings.Contains(out, "黄　强") {
			t.Errorf("the kept official is not as written: %q", out)
		}
	}
}
