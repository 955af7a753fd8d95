package handlers

import (
	"regexp"
	"time"

	"casebot/bot/intent"
)

// sendDayRe puts today on the reminder rather than the hearing: 孙局今天还会
// 收到提醒不, 今天会发提醒吗 ask whether a reminder goes out today (for a
// hearing to come), not of a hearing held today.
var sendDayRe = regexp.MustCompile(`(?:今天|今日|今晚|今天晚上|今天下午)(?:还|会|能|要|可以|是否|有没有|不)*(?:收到|接到|发|推送|通知)`)

// reminderDay drops the period of a reminder question whose day is the
// reminder's: the window is then the one reminders are going out for
// (remindingNow), the same as 提醒发了没.
func reminderDay(text string, u intent.Understanding, now time.Time, loc *time.Location) intent.Understanding {
	if u.Kind == intent.Hearings && u.Aspect == intent.Reminded && isToday(u.Period, now, loc) &&
		sendDayRe.MatchString(intent.Normalize(text)) {
		u.Period = intent.Period{}
	}
	return u
}
