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
	if got := Typo("卫建局"); !slices.Equal(got, []string{"卫健局"}) {
		t.Errorf("Typo(卫建局) = %v, want 卫健局 (the same sound, wèijiàn), not 住建局 too", got)
	}
	if got := Typo("卫键局"); len(got) < 2 {
		t.Errorf("Typo(卫键局) = %v, want 住建局, 卫健局… (several readings by distance: the caller then guesses nothing)", got)
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

func TestBareWords(t *testing.T) {
	ws := BareWords()
	at := map[string]int{}
	for i, b := range ws {
		at[b.Word] = i
		if b.Short == "" {
			t.Errorf("%s has no short name", b.Word)
		}
	}
	// A longer word is tried first: 交警大队 is not 交警 with 大队 left over.
	for _, pair := range [][2]string{{"交警大队", "交警"}, {"交警队", "交警"}, {"住建委", "住建"}, {"生态环境", "生态"}} {
		if at[pair[0]] > at[pair[1]] {
			t.Errorf("%s is tried after %s", pair[0], pair[1])
		}
	}
	for short, body := range map[string]string{"公安局": "公安局", "市监局": "市场监督管理局", "住健局": "住房和城乡建设局",
		"综执局": "综合行政执法局", "国土局": "自然资源局"} {
		if got := Body(short); got != body {
			t.Errorf("Body(%s) = %s, want %s", short, got, body)
		}
	}
}

func TestStanding(t *testing.T) {
	for in, want := range map[string]string{"某县交警大队": "某县公安局", "县交警队": "县公安局", "交警": "公安局", "住建委": "住建局"} {
		if got, ok := Standing(in); !ok || got != want {
			t.Errorf("Standing(%s) = %s, %v; want %s", in, got, ok, want)
		}
	}
	for _, in := range []string{"某市交警支队", "某县公安局", "住建局", "某县人民政府"} {
		if got, ok := Standing(in); ok {
			t.Errorf("Standing(%s) = %s: no bare word of its own short name ends it", in, got)
		}
	}
}
