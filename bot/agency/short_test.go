package agency

import (
	"slices"
	"testing"
)

func TestTypoAndShortNames(t *testing.T) {
	if got := Typo("人设局"); !slices.Equal(got, []string{"人社局"}) {
		t.Errorf("Typo(人设局) = %v", got)
	}
	if got := Typo("住健局"); !slices.Equal(got, []string{"住建局"}) {
		t.Errorf("Typo(住健局) = %v, want 住建局 (the same sound), not 卫健局 too", got)
	}
	if got := Typo("卫建局"); len(got) < 2 {
		t.Errorf("Typo(卫建局) = %v, want 住建局, 卫健局… (several readings: the caller then guesses nothing)", got)
	}
	if got := Typo("公安局"); got != nil {
		t.Errorf("Typo(公安局) = %v, want nil: a form is no typo", got)
	}
	if got := Typo("某县公安局"); got != nil {
		t.Errorf("Typo of a full name = %v", got)
	}
	if b, ok := ShortName("资规局"); !ok || b[len(b)-1] != "自然资源局" {
		t.Errorf("ShortName(资规局) = %v, %v", b, ok)
	}
}
