package intent

import (
	"testing"
	"time"
)

func TestQuestionForms(t *testing.T) {
	now := time.Date(2026, 11, 19, 8, 40, 0, 0, time.FixedZone("CST", 8*3600))
	for _, tc := range []struct {
		text     string
		notShown bool // NotAppeared must not be set
	}{
		{"我明天有没有出庭的安排", true},
		{"我明天有没有出廷的安排", true},
		{"有没有负责人没出庭的", false},
		{"哪些庭负责人没去", false},
	} {
		u, err := Understand(tc.text, Options{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if u.NotAppeared == tc.notShown {
			t.Errorf("%s: NotAppeared = %v", tc.text, u.NotAppeared)
		}
	}
	for text, want := range map[string]bool{
		"帮我问下法院117能不能延期": true, "能不能帮我跟法院说一下117号延期": true, "你帮我联系下法院 问124号能否推迟开庭": true,
		"法院说117号推迟了": false, "117号改到下周三上午九点半": false,
	} {
		if got := AsksCourt(text); got != want {
			t.Errorf("AsksCourt(%q) = %v", text, got)
		}
	}
	for text, want := range map[string]bool{"我上次出庭是哪个案子": true, "我上回出庭是啥时候": true, "我下次出庭是什么时候": false} {
		if got := AsksLastOwnHearing(text); got != want {
			t.Errorf("AsksLastOwnHearing(%q) = %v", text, got)
		}
	}
}

func TestReportedUpdateNamesItsCase(t *testing.T) {
	now := time.Date(2026, 11, 19, 8, 40, 0, 0, time.FixedZone("CST", 8*3600))
	o := Options{Now: now, Courts: []string{"黔0115"}}
	for _, tc := range []struct {
		text   string
		seq    int
		unread bool
		reason string
	}{
		{"88号宣判了撤销理由是程序违法你们记一下", 88, false, "程序违法"},
		{"96号原告撤诉了 法院准了", 96, false, ""},
		{"124号判了 撤销 理由是事实不清 帮我登记下 麻烦了", 124, false, "事实不清"},
		{"九十六号原告撤诉了，法院裁定准许，帮我登记一下，谢谢", 96, false, ""},
		{"二零零号判了撤销 记一下", 200, false, ""},
		{"判决撤销了 原因是超过法定期限 你们记一下 谢谢", 0, false, "超过法定期限"},
	} {
		u, ok := ReportedUpdate(tc.text, o)
		if !ok {
			t.Errorf("%s: not a report", tc.text)
			continue
		}
		if u.Seq != tc.seq || u.Unread != tc.unread || u.Reason != tc.reason {
			t.Errorf("%s: seq %d unread %v reason %q", tc.text, u.Seq, u.Unread, u.Reason)
		}
	}
}
