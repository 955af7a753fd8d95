package intent

import (
	"testing"
	"time"
	"unicode"
)

// MayBeLegal searches the Han characters only: a word with anything else
// in it could never be found, and a legal question holding it would be
// refused unread.
func TestLegalWordsAreHan(t *testing.T) {
	for _, ws := range [][]string{legalWords, personalMatters} {
		for _, w := range ws {
			for _, r := range w {
				if !unicode.Is(unicode.Han, r) {
					t.Errorf("%q: MayBeLegal cannot find a word with %q in it", w, r)
				}
			}
		}
	}
}

func TestMayBeLegal(t *testing.T) {
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	for _, s := range []string{
		"我被罚款了怎么办", "城管把我摊子收了能告他们吗", "你好我想咨询一下离婚财产怎么分",
		"老板欠薪 3 个月了咋个办", "我家宅基地被占了，怎么，办", "交通事故对方不赔 能起诉吗？",
		"想咨询下劳动仲裁",
	} {
		u, err := Understand(s, Options{Now: now})
		if err != nil || u.Kind != Legal {
			t.Errorf("Understand(%q) = %v, %v: the case is no longer legal", s, u.Kind, err)
		}
		if !MayBeLegal(s) {
			t.Errorf("MayBeLegal(%q) = false for a legal question", s)
		}
	}
	for _, s := range []string{"（2025）黔0115行初12号", "明天有庭吗", "你好", "行初85判了没"} {
		if MayBeLegal(s) {
			t.Errorf("MayBeLegal(%q) = true", s)
		}
	}
}
