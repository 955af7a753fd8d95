package handlers

import "testing"

func TestChineseNumeral(t *testing.T) {
	for in, want := range map[string]string{"7": "七", "10": "十", "14": "十四", "20": "二十", "31": "三十一", "２４": "二十四", "99": "九十九", "100": "", "0": "", "1000": "", "x": ""} {
		if got := chineseNumeral(in); got != want {
			t.Errorf("chineseNumeral(%q) = %q, want %q", in, got, want)
		}
	}
}
