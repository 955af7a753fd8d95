package intent

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"casebot/bot/workcal"
)

// A bound turns a period into one side of it: 12月10号以后 is from that day
// on, 15号之前 up to it, 从下周一起 from that Monday. It is read before the
// words that mean "still to come" (以后, 之后) are taken, so that a bound
// next to a date is never mistaken for one of them.
type bound int

const (
	noBound bound = iota
	boundAfter
	boundBefore
	boundUntil // 到12月10号为止: up to and including the day
)

// endWords name the end of a span: after them is after the span.
var endWords = map[string]bool{"月底": true, "本月底": true, "这个月底": true, "年底": true, "年末": true, "这个月月底": true, "这月底": true, "本月月底": true}

// Horizon is how far an open-ended "after X" reaches: further than any
// hearing or legal period the ledger can hold, so the range is, in effect,
// everything the ledger holds from X on (the label says so).
const Horizon = 3 // years

// openEnd is the label's words for an open end.
const openEnd = "至台账所载最后一天"

// boundChars are the characters of the bound words and of 从/自.
const boundChars = "后前起始来止从自"

var (
	afterWords  = []string{"以后", "之后", "往后", "过后", "开始", "以来", "起", "后"}
	beforeWords = []string{"以前", "之前", "前"}
	untilWords  = []string{"为止"}
)

// boundAt reads a bound word at rune index i of t's free text; it returns
// the bound and the index after the word.
func boundAt(t *text, i int) (bound, int) {
	for i < len(t.rs) && !t.used[i] && unicode.IsSpace(t.rs[i]) {
		i++
	}
	rest := string(t.rs[i:])
	for _, group := range []struct {
		words []string
		b     bound
	}{{untilWords, boundUntil}, {afterWords, boundAfter}, {beforeWords, boundBefore}} {
		for _, w := range group.words {
			if !strings.HasPrefix(rest, w) {
				continue
			}
			n := len([]rune(w))
			if t.used[i] {
				return noBound, i
			}
			next := ""
			if i+n < len(t.rs) {
				next = string(t.rs[i+n])
			}
			// 后天, 前天, 起诉, 起草: another word begins here.
			if (w == "后" || w == "前") && next == "天" || w == "起" && strings.Contains("诉草", next) || w == "后" && next == "面" {
				return noBound, i
			}
			return group.b, i + n
		}
	}
	return noBound, i
}

// fromBefore reports whether 从 or 自 stands just before rune index s (its
// index, or -1).
func fromBefore(t *text, s int) int {
	j := s - 1
	for j >= 0 && !t.used[j] && unicode.IsSpace(t.rs[j]) {
		j--
	}
	if j >= 0 && !t.used[j] && (t.rs[j] == '从' || t.rs[j] == '自') {
		return j
	}
	return -1
}

// bounds finds a period with a bound in the free text and takes the bound's
// words (从, 以后…), leaving the period's own words for periods to read.
// A holiday with a bound (元旦后, 春节前) is read here whole.
func (r *reader) bounds() {
	// Every bound word has one of these characters: most messages have
	// none and skip the second reading of the period rules.
	if v, _ := r.t.view(); !strings.ContainsAny(v, boundChars) {
		return
	}
	if r.holidayBound() {
		return
	}
	c := &text{rs: r.t.rs, used: append([]bool(nil), r.t.used...)}
	for range 3 { // the first period that carries a bound
		_, s, e, ok := takePeriodSpan(c, r.o.Now, nearest)
		if !ok {
			return
		}
		b, end := boundAt(c, e)
		from := fromBefore(c, s)
		if b == noBound && from >= 0 && !strings.HasPrefix(strings.TrimSpace(c.after(e)), "到") && !strings.HasPrefix(strings.TrimSpace(c.after(e)), "至") {
			b, end = boundAfter, e // 从12月10号 有哪些庭
		}
		if b == noBound {
			continue
		}
		r.bound = b
		r.boundWords = string(r.t.rs[s:e])
		if from >= 0 {
			r.t.mark(from, from+1)
			r.boundWords = "从" + r.boundWords
		}
		r.boundWords += string(r.t.rs[e:end])
		r.t.mark(e, end)
		return
	}
}

// bounded is p with the bound b applied, as of now; words are what the
// message said (12月10号以后), which lead the label.
func bounded(p Period, b bound, words string, now time.Time, l lean) Period {
	today := day(now)
	words = strings.TrimSpace(words)
	switch b {
	case boundAfter:
		from := p.From
		if endWords[p.Word] {
			from = p.To // 月底以后: once the month is out
		}
		if b == boundAfter && (l == past || strings.HasSuffix(words, "以来")) && !from.After(today) {
			return span(from, today.AddDate(0, 0, 1), words)
		}
		return Period{From: from, To: maxTime(from, today).AddDate(Horizon, 0, 0),
			Label: fmt.Sprintf("%s（%s起，%s）", words, dateWords(from, now), openEnd)}
	case boundBefore, boundUntil:
		to := p.From
		if b == boundUntil {
			to = p.To
		}
		from := today
		if l == past || !to.After(today) {
			from = time.Date(to.AddDate(0, 0, -1).Year(), 1, 1, 0, 0, 0, 0, now.Location())
		}
		if !to.After(from) {
			return p
		}
		return span(from, to, words)
	}
	return p
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// dateWords is a day as a label says it: 12月10日, or 2027年1月2日 in
// another year.
func dateWords(d, now time.Time) string {
	if d.Year() != now.Year() {
		return fmt.Sprintf("%d年%d月%d日", d.Year(), d.Month(), d.Day())
	}
	return fmt.Sprintf("%d月%d日", d.Month(), d.Day())
}

// holidays are the festivals people bound a period by: the work calendar's
// name for each, its fixed date when it has one (else the calendar must
// know the year), and roughly when in the year it falls, to pick the
// nearest occurrence before the calendar is asked.
var holidays = []struct {
	re         string
	name       string // as in the calendar's festival names
	month, day int    // the fixed date, or the usual one for lunar festivals
	fixed      bool
}{
	{`元旦`, "元旦", 1, 1, true},
	{`春节|过年|大年初一`, "春节", 2, 1, false},
	{`清明节?`, "清明", 4, 5, false},
	{`五一|劳动节`, "劳动节", 5, 1, true},
	{`端午节?`, "端午", 6, 10, false},
	{`中秋节?`, "中秋", 9, 20, false},
	{`国庆节?|十一长假|十一黄金周`, "国庆", 10, 1, true},
}

var holidayRe = func() *pattern {
	var alts []string
	for _, h := range holidays {
		alts = append(alts, "("+h.re+")")
	}
	return mustCompile(`(?:` + strings.Join(alts, "|") + `)\s*(?:节日|节|假期|长假|放假|假)?\s*(以后|之后|过后|后|以前|之前|前)`)
}()

// holidayBound finds 元旦后, 春节前, 国庆以后 and takes its words; the
// period is built by holidayPeriod once the question's lean is known.
func (r *reader) holidayBound() bool {
	m, s, e, ok := r.t.find(holidayRe, 0)
	if !ok {
		return false
	}
	for i := range holidays {
		if m[i+1] != "" {
			r.holiday = i + 1
		}
	}
	r.bound = boundAfter
	if strings.HasSuffix(m[0], "前") {
		r.bound = boundBefore
	}
	r.boundWords = strings.TrimSpace(m[0])
	r.holidaySpan = [2]int{s, e}
	return true
}

// holidayPeriod is the period of a holiday bound: from the day after the
// holiday's days off (the work calendar's, else its fixed date), or from
// today up to its first day. A lunar festival in a year the calendar does
// not cover is not guessed: its words are left unread, and PeriodNote says
// why the answer could not apply them.
func (r *reader) holidayPeriod(l lean) (Period, bool) {
	h := holidays[r.holiday-1]
	now := r.o.Now
	today := day(now)
	// The occurrence meant: the coming one for "before", the nearest one
	// for "after" (国庆后 in November is the one just past), the last one
	// for a count of what happened.
	year := now.Year()
	usual := time.Date(year, time.Month(h.month), h.day, 0, 0, 0, 0, now.Location())
	switch {
	case r.bound == boundBefore && usual.Before(today):
		year++
	case r.bound == boundAfter && l == past && usual.After(today):
		year--
	case r.bound == boundAfter && l != past && today.Sub(usual) > 183*24*time.Hour:
		year++
	}
	first, last, ok := festival(r.o.Calendar, h.name, year, now.Location())
	if !ok && h.fixed {
		first = time.Date(year, time.Month(h.month), h.day, 0, 0, 0, 0, now.Location())
		last, ok = first, true
	}
	if !ok {
		r.u.PeriodNote = fmt.Sprintf("工作日历未载明%d年%s的放假日期", year, h.name)
		return Period{}, false
	}
	r.t.mark(r.holidaySpan[0], r.holidaySpan[1])
	var p Period
	if r.bound == boundBefore {
		p = bounded(Period{From: first, To: first.AddDate(0, 0, 1)}, boundBefore, r.boundWords, now, l)
	} else {
		next := last.AddDate(0, 0, 1)
		p = bounded(Period{From: next, To: next.AddDate(0, 0, 1)}, boundAfter, r.boundWords, now, l)
	}
	p.Word = r.boundWords
	return p, true
}

// festival returns the first and last day off of the festival named in
// year, from the calendar; ok is false when it does not know them.
func festival(cal *workcal.Calendar, name string, year int, loc *time.Location) (first, last time.Time, ok bool) {
	if cal == nil || !cal.Covers(year) {
		return first, last, false
	}
	from, to, ok := cal.Festival(name, year)
	if !ok {
		return first, last, false
	}
	return from.At(workcal.Clock{}, loc), to.At(workcal.Clock{}, loc), true
}
