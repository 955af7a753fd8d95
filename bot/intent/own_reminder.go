package intent

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// OwnReminder is a request to be reminded oneself of something at a time
// (下周一早上提醒我找人社局补通讯录, 下午三点的时候提醒我一下给法院打电话,
// 明早九点叫我去中院): a personal reminder, not a case to follow (开庭前一天
// 提醒我 is answered with what the bot sends of itself, see Follow).
type OwnReminder struct {
	// What is what to be reminded of, as written (找人社局补通讯录); empty
	// when the message does not say.
	What string
	// At is when; zero when no time is said (the bot then asks when).
	At time.Time
	// Part is the part of the day said without a clock (早上, 下午, 晚上):
	// At is then the configured time of it, which the answer says. Only
	// a day without a clock or a part is "day".
	Part string
}

// DayPart are the hours and minutes of the parts of the day a personal
// reminder is set for when no clock is said.
type DayPart struct{ Hour, Minute int }

// OwnReminderOptions are the configured times of the parts of the day.
type OwnReminderOptions struct {
	Morning, Afternoon, Evening DayPart
	// NextWorkday, when set, is the first working day after a day (下个
	// 工作日), by the work calendar.
	NextWorkday func(time.Time) time.Time
}

var (
	// ownVerbRe asks the bot to remind the asker themself.
	ownVerbRe = regexp.MustCompile(`(?:记得|到时候?|到点)?(?:提醒一下我|提醒下我|提醒我一下|提醒我一声|提醒我下|提醒我|给我提个醒|提个醒|叫我一声|叫我一下|叫我|喊我一声|喊我|通知我一下|通知我|告诉我一声|跟我说一声|和我说一声)(?:一下|一声|下)?`)
	// ownQuestionRe is a question about reminders, not a request (明天那个庭
	// 提醒我收到了吗, 会提醒我吗, 什么时候提醒我).
	ownQuestionRe = regexp.MustCompile(`吗|么|[?？]|收到|了没|会不会|有没有|是否|什么时候|几点|谁|哪`)
	// ownFollowRe ties the time to a case's events (开庭前一天提醒我, 判了
	// 通知我, 有新情况告诉我): the Follow answer, unless a day or clock is said.
	ownFollowRe = regexp.MustCompile(`庭|判|宣判|结果|结案|新情况|进展|动态|有消息|消息`)
	// ownTaskRe is what a reminder without a time must be of, to be one:
	// something to do (找, 打电话, 交, 报, 补…).
	ownTaskRe = regexp.MustCompile(`找|打电话|回电话|打个电话|联系|对接|交|报|补|核对|看一下|看看|问|催|准备|带|开会|去|送|回复|写|签|审|发|录|改|整理|通知|约`)
	// ownRelRe is a time from now (半小时后, 20分钟以后, 两个小时之后).
	ownRelRe = regexp.MustCompile(`([0-9]+|[一二两三四五六七八九十]+|半)个?(小时|钟头|分钟)(?:以后|之后|后)`)
	// ownPartRe names a part of the day.
	ownPartRe = regexp.MustCompile(`明早|明晚|今早|今晚|早上|早晨|清早|上午|中午|下午|傍晚|晚上|下班前|下班后`)
	// ownWorkdayRe is the next working day.
	ownWorkdayRe = regexp.MustCompile(`下(?:一)?个工作日|下一工作日|节后第一天|节后上班第一天`)
	// ownFillerRe are words around the request that say nothing of it.
	ownFillerRe = regexp.MustCompile(`^(?:\s+|行(?:\s|，|,|$)|[好嗯哦的吧要]+|时候|好的|辛苦了|辛苦|谢谢|多谢|麻烦你?|帮我|帮忙|请你?|你|再|那就|那|就|到时候?|的时候|那天|那时候?|一下|一声)+|(?:\s+|的时候|到时候?|一下|一声|吧|哈|啊|呀|啦|了)+$`)
)

// OwnReminderAsked reads a request for a personal reminder at now.
func OwnReminderAsked(text string, now time.Time, o OwnReminderOptions) (OwnReminder, bool) {
	t := strings.TrimSpace(strings.TrimRight(Normalize(text), "。.!！~ "))
	loc := ownVerbRe.FindStringIndex(t)
	if loc == nil {
		return OwnReminder{}, false
	}
	if ownQuestionRe.MatchString(t) && !strings.HasPrefix(t[loc[0]:], "提醒我问") {
		return OwnReminder{}, false
	}
	before, after := t[:loc[0]], t[loc[1]:]
	// 提醒我们 (提醒我们局…): a chase of an agency, not the asker.
	if strings.HasPrefix(after, "们") {
		return OwnReminder{}, false
	}
	var r OwnReminder
	rest := before + "\x00" + after // the verb's place, to split what is asked
	when, rest, ok := ownWhen(rest, now, o)
	if ok {
		r.At, r.Part = when.at, when.part
	}
	b, a, _ := strings.Cut(rest, "\x00")
	b, a = ownTrim(b), ownTrim(a)
	switch {
	case a != "":
		r.What = a
	default:
		r.What = b
	}
	if !ok && ownFollowRe.MatchString(t) {
		return OwnReminder{}, false // 开庭前一天提醒我, 96号下次开庭通知我: the Follow answer
	}
	if ok && r.What != "" && ownFollowRe.MatchString(r.What) && !ownTaskRe.MatchString(r.What) {
		return OwnReminder{}, false // 今天下午的庭到时候提醒我: of the hearing
	}
	if !ok && !ownTaskRe.MatchString(r.What) {
		return OwnReminder{}, false // 85号有啥新情况及时告诉我: a case followed
	}
	return r, true
}

// ownTrim takes the fillers off a piece of the request.
func ownTrim(s string) string {
	s = strings.Trim(s, " ，,。；;")
	for range 3 {
		s = strings.Trim(ownFillerRe.ReplaceAllString(s, ""), " ，,。；;")
	}
	return s
}

type ownTime struct {
	at   time.Time
	part string
}

// ownWhen reads the time of a personal reminder in s and returns s without
// its words. A day without a clock is the morning's time; a clock without
// a day is today's, or tomorrow's once it has passed.
func ownWhen(s string, now time.Time, o OwnReminderOptions) (ownTime, string, bool) {
	if m := ownRelRe.FindStringSubmatchIndex(s); m != nil {
		n := s[m[2]:m[3]]
		var d time.Duration
		unit := time.Minute
		if s[m[4]:m[5]] != "分钟" {
			unit = time.Hour
		}
		if n == "半" {
			d = unit / 2
		} else if v, err := strconv.Atoi(n); err == nil {
			d = time.Duration(v) * unit
		} else if v, ok := cnNumber(n); ok {
			d = time.Duration(v) * unit
		}
		if d > 0 {
			return ownTime{at: now.Add(d).Truncate(time.Minute)}, s[:m[0]] + " " + s[m[1]:], true
		}
	}
	var day time.Time
	hasDay := false
	rest := s
	if m := ownWorkdayRe.FindStringIndex(rest); m != nil && o.NextWorkday != nil {
		day, hasDay = o.NextWorkday(now), true
		rest = rest[:m[0]] + " " + rest[m[1]:]
	}
	part := ""
	if m := ownPartRe.FindStringIndex(rest); m != nil {
		part = rest[m[0]:m[1]]
		switch part {
		case "明早", "明晚":
			day, hasDay = now.AddDate(0, 0, 1), true
		case "今早", "今晚":
			day, hasDay = now, true
		}
		rest = rest[:m[0]] + " " + rest[m[1]:]
	}
	if !hasDay {
		if p, r, ok := findPeriod(rest, now, future); ok && p.Day() {
			day, hasDay, rest = p.From, true, r
		}
	}
	h, mi, r, hasClock := findClock(strings.ReplaceAll(rest, "\x00", " \x00 "))
	if hasClock {
		rest = strings.ReplaceAll(r, " \x00 ", "\x00")
		switch part {
		case "早上", "早晨", "清早", "上午", "明早", "今早":
			if h >= 12 && h < 13 {
				h -= 12
			}
		case "下午", "傍晚", "晚上", "明晚", "今晚", "下班前", "下班后":
			if h < 12 {
				h += 12
			}
		default:
			if part == "" && h >= 13 && h <= 18 && strings.Contains(s, "早") {
				h -= 12
			}
		}
	}
	if !hasDay && !hasClock && part == "" {
		return ownTime{}, s, false
	}
	label := ""
	if !hasClock {
		var dp DayPart
		switch part {
		case "", "早上", "早晨", "清早", "上午", "明早", "今早":
			dp = o.Morning
		case "中午":
			dp = DayPart{12, 0}
		case "下午":
			dp = o.Afternoon
		case "下班前":
			dp = DayPart{17, 0}
		default:
			dp = o.Evening
		}
		h, mi = dp.Hour, dp.Minute
		label = part
		if label == "" {
			label = "day"
		}
	}
	if !hasDay {
		day = now
	}
	y, mo, d := day.In(now.Location()).Date()
	at := time.Date(y, mo, d, h, mi, 0, 0, now.Location())
	if !hasDay && !at.After(now) {
		at = at.AddDate(0, 0, 1) // 三点提醒我 said at four: tomorrow's
	}
	return ownTime{at: at, part: label}, rest, true
}
