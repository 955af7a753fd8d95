package intent

import (
	"testing"
	"time"
)

func TestOwnReminderAsked(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	now := time.Date(2026, 12, 4, 15, 30, 0, 0, loc) // a Friday
	o := OwnReminderOptions{Morning: DayPart{9, 0}, Afternoon: DayPart{14, 30}, Evening: DayPart{19, 0},
		NextWorkday: func(t time.Time) time.Time { return time.Date(2026, 12, 7, 0, 0, 0, 0, loc) }}
	for _, c := range []struct {
		text, what, at, part string
	}{
		{"行 辛苦了 下周一早上提醒我找人社局补通讯录", "找人社局补通讯录", "2026-12-07 09:00", "早上"},
		{"明早九点叫我去中院", "去中院", "2026-12-05 09:00", ""},
		{"下午五点的时候提醒我一下给法院打电话", "给法院打电话", "2026-12-04 17:00", ""},
		{"周二下午提醒我催一下卫健局答辩", "催一下卫健局答辩", "2026-12-08 14:30", "下午"},
		{"半小时后提醒我回电话", "回电话", "2026-12-04 16:00", ""},
		{"下个工作日提醒我把出庭情况报上去", "把出庭情况报上去", "2026-12-07 09:00", "day"},
		{"12月10号提醒我报整改材料", "报整改材料", "2026-12-10 09:00", "day"},
		{"提醒我找李文要答辩状", "找李文要答辩状", "", ""},
		{"下周一要找人社局补通讯录 到时候提醒我一下", "找人社局补通讯录", "2026-12-07 09:00", "day"},
	} {
		r, ok := OwnReminderAsked(c.text, now, o)
		if !ok {
			t.Errorf("%s: not read", c.text)
			continue
		}
		at := ""
		if !r.At.IsZero() {
			at = r.At.Format("2006-01-02 15:04")
		}
		if r.What != c.what || at != c.at || r.Part != c.part {
			t.Errorf("%s: got what=%q at=%q part=%q, want %q %q %q", c.text, r.What, at, r.Part, c.what, c.at, c.part)
		}
	}
	for _, text := range []string{"开庭前一天提醒我", "开庭前提醒我一下", "今天下午的庭到时候提醒我", "96号下次开庭通知我",
		"85号有啥新情况及时告诉我", "明天那个庭提醒我收到了吗", "117号什么时候开庭 开之前跟我说一声", "101判了通知我一下", "提醒我们局按时出庭"} {
		if r, ok := OwnReminderAsked(text, now, o); ok {
			t.Errorf("%s: read as a personal reminder %+v", text, r)
		}
	}
}
