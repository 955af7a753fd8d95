package numeral

import "testing"

func TestParse(t *testing.T) {
	for in, want := range map[string]int64{
		"124": 124, "１２４": 124, "1,000": 1000, "一百二十四": 124, "十": 10, "十五": 15, "二十": 20,
		"一十五": 15, "一百零二": 102, "一千零五十": 1050, "两千": 2000, "贰万叁仟": 23000, "三十五万": 350000,
		"二〇二五": 2025, "〇五": 5, "两": 2, "幺": 1, "伍仟": 5000, "一亿": 100000000,
	} {
		if got, ok := Parse(in); !ok || got != want {
			t.Errorf("Parse(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "十十", "百千", "十二三", "五块", "abc", "二十x"} {
		if got, ok := Parse(in); ok {
			t.Errorf("Parse(%q) = %d, true; want not a number", in, got)
		}
	}
}

func TestFormat(t *testing.T) {
	for n, want := range map[int]string{1: "一", 10: "十", 15: "十五", 20: "二十", 99: "九十九", 100: "一百",
		102: "一百零二", 110: "一百一十", 1050: "一千零五十", 9999: "九千九百九十九", 0: "0", 10000: "10000"} {
		if got := Format(n); got != want {
			t.Errorf("Format(%d) = %q, want %q", n, got, want)
		}
	}
	for n := 1; n <= 9999; n++ {
		if got, ok := Parse(Format(n)); !ok || got != int64(n) {
			t.Fatalf("Parse(Format(%d)) = %d, %v", n, got, ok)
		}
	}
}
