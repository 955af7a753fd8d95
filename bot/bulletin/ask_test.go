package bulletin_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"casebot/bot/bulletin"
)

func TestParseAsk(t *testing.T) {
	now := at("2025-11-05 10:00") // the 5th: October's bulletin was issued on the 1st
	m := func(y, mo int) bulletin.Month { return bulletin.Month{Year: y, Month: timeMonth(mo)} }
	for _, tc := range []struct {
		text string
		want bulletin.Ask
		err  string // a part of the error, "" for none
	}{
		{text: "本月通报", want: bulletin.Ask{Month: m(2025, 10), Issued: m(2025, 11)}},
		{text: " 通报 ", want: bulletin.Ask{Month: m(2025, 10), Issued: m(2025, 11)}},
		{text: "败诉通报", want: bulletin.Ask{Month: m(2025, 10), Issued: m(2025, 11)}},
		{text: "这个月的通报？", want: bulletin.Ask{Month: m(2025, 10), Issued: m(2025, 11)}},
		{text: "上月通报", want: bulletin.Ask{Month: m(2025, 9), Issued: m(2025, 10)}},
		{text: "看看上个月的败诉通报", want: bulletin.Ask{Month: m(2025, 9), Issued: m(2025, 10)}},
		{text: "10月通报", want: bulletin.Ask{Month: m(2025, 10)}},
		{text: "十月份通报", want: bulletin.Ask{Month: m(2025, 10)}},
		{text: "十二月通报", want: bulletin.Ask{Month: m(2024, 12)}}, // the latest December
		{text: "3月通报", want: bulletin.Ask{Month: m(2025, 3)}},
		{text: "11月通报", want: bulletin.Ask{Month: m(2025, 11), InProgress: true}},
		{text: "2025年10月通报", want: bulletin.Ask{Month: m(2025, 10)}},
		{text: "查看 2024年10月 败诉通报", want: bulletin.Ask{Month: m(2024, 10)}},
		{text: "2025-09通报", want: bulletin.Ask{Month: m(2025, 9)}},
		{text: "13月通报", err: "“13月”不是有效的月份"},
		{text: "2026年1月通报", err: "2026年1月还没有到"},
	} {
		got, ok, err := bulletin.ParseAsk(tc.text, now, shanghai)
		if !ok {
			t.Errorf("%q not taken as a request for a bulletin", tc.text)
			continue
		}
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: error %v, want one saying %q", tc.text, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.text, err)
			continue
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%q (-want,+got):\n%s", tc.text, diff)
		}
	}
	for _, text := range []string{"(2025)黔0115行初123号", "通报批评是什么", "市场监管局的案子", "关于通报"} {
		if _, ok, _ := bulletin.ParseAsk(text, now, shanghai); ok || bulletin.IsAsk(text) {
			t.Errorf("%q taken as a request for a bulletin", text)
		}
	}
}

// TestParseAskInJanuary: in January, 本月通报 is December's, of last year.
func TestParseAskInJanuary(t *testing.T) {
	got, _, err := bulletin.ParseAsk("本月通报", at("2026-01-01 08:00"), shanghai)
	want := bulletin.Ask{Month: bulletin.Month{Year: 2025, Month: 12}, Issued: bulletin.Month{Year: 2026, Month: 1}}
	if diff := cmp.Diff(want, got); err != nil || diff != "" {
		t.Errorf("(-want,+got), err %v:\n%s", err, diff)
	}
}

func timeMonth(n int) time.Month { return time.Month(n) }
