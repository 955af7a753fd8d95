package intent

import (
	"testing"
	"time"
)

// TestSlots pins the chat12 slots: the field asked (立案), 上午还是下午 as
// a question, court levels and the 案号 year, and a short length question.
func TestSlots(t *testing.T) {
	now := time.Date(2026, 11, 19, 8, 40, 0, 0, time.FixedZone("CST", 8*3600))
	for _, tc := range []struct {
		text   string
		aspect Aspect
		tod    string
		half   bool
		court  string
		year   int
		kind   Kind
	}{
		{text: "行初117是什么时候立案的", aspect: Filing, kind: Case},
		{text: "复41立案时间是好久", aspect: Filing, kind: Case},
		{text: "立案是哪天", aspect: Filing, kind: Case},
		{text: "今年立案多少件", kind: Count}, // a count, not a field
		{text: "明天住建局的庭上午还是下午", aspect: When, half: true, kind: Hearings},
		{text: "行初130是上午开还是下午开", aspect: When, half: true, kind: Case},
		{text: "明天上午有庭吗", tod: "am", kind: Hearings}, // still a filter
		{text: "高院那个庭什么时候开", aspect: When, court: CourtHigh, kind: Hearings},
		{text: "中院的案子有哪些", court: CourtMiddle, kind: Cases},
		{text: "下周基层法院的庭", court: CourtBasic, kind: Hearings},
		{text: "下周三中院第五法庭有几个庭", kind: Hearings}, // a courtroom, not a level
		{text: "2015年那个案子", year: 2015, kind: Cases},
		{text: "15年那个行终字的案子", year: 2015, kind: Cases},
		{text: "2015年新收了多少案子", kind: Count}, // a year's count
	} {
		u, err := Understand(tc.text, Options{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if u.Aspect != tc.aspect || u.TimeOfDay != tc.tod || u.HalfDay != tc.half || u.CourtLevel != tc.court ||
			u.NumberYear != tc.year || u.Kind != tc.kind {
			t.Errorf("%s: kind=%s aspect=%q tod=%q half=%v court=%q year=%d", tc.text, u.Kind, u.Aspect, u.TimeOfDay, u.HalfDay,
				u.CourtLevel, u.NumberYear)
		}
	}
	for court, want := range map[string]string{"某省高级人民法院": CourtHigh, "某市中级人民法院": CourtMiddle, "某县人民法院": CourtBasic} {
		for _, level := range []string{CourtHigh, CourtMiddle, CourtBasic} {
			if got := CourtOfLevel(court, level); got != (level == want) {
				t.Errorf("CourtOfLevel(%s, %s) = %v", court, level, got)
			}
		}
	}
	if CourtOfLevel("某县人民政府", CourtBasic) {
		t.Error("a 复议机关 is no basic court")
	}
	for text, want := range map[string]bool{"字数多少": true, "大概写多少字": true, "写了好多字": true, "今年多少字号的案子": false} {
		u, err := Understand(text, Options{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if got := u.ExplainAct == ExplainAbout; got != want {
			t.Errorf("%s: about = %v", text, got)
		}
	}
}
