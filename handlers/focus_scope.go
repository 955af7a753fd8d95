package handlers

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/store"
)

// The conversation focus is applied only to a message that refers back
// (intent.RefersBack); these are the places where a message's own words
// decide instead: a period said with an anaphor narrows the case in focus,
// a reminder question names its hearing by day and person, and a spoken
// appearance binds to the hearing of the day and head it names.

// focusWithPeriod completes 这个案子今天开庭吗, 它明天开庭吗 after one case
// was shown: that case's hearings in the period said, so that a none says
// “行初87号今天没有开庭安排”, never a bare “今天没有开庭安排”.
func focusWithPeriod(u intent.Understanding, last *lastQuestion) (intent.Understanding, bool) {
	if !u.Reference || hasRef(u) || hasWho(u) || u.Period.IsZero() || len(last.Shown) != 1 {
		return u, false
	}
	if u.Kind != intent.Hearings && u.Kind != intent.Case {
		return u, false
	}
	u.Kind, u.Hearing, u.Anchored = intent.Hearings, true, true
	u.Numbers = slices.Clone(last.Shown)
	if u.Aspect == intent.Held || u.Aspect == intent.When {
		u.Aspect = "" // the hearings listed say when; 开庭吗 asks whether there is one
	}
	return u, true
}

// remindingNow is the span whose hearings are being reminded now: from now
// to the end of the day the first reminder looks ahead to (before_days,
// 1: today and tomorrow).
func (s *service) remindingNow(now time.Time, loc *time.Location) intent.Period {
	days := max(s.cfg.Reminder.BeforeDays, 1)
	y, m, d := now.In(loc).Date()
	to := time.Date(y, m, d+days+1, 0, 0, 0, 0, loc)
	label := fmt.Sprintf("今后%d天内（至%s）", days+1, to.AddDate(0, 0, -1).Format("1月2日"))
	if days == 1 {
		label = "今明两天（" + now.In(loc).Format("1月2日") + "—" + to.AddDate(0, 0, -1).Format("1月2日") + "）"
	}
	return intent.Period{From: time.Date(y, m, d, 0, 0, 0, 0, loc), To: to, Label: label}
}

// remindedList answers a reminder question over several hearings (明天的庭
// 提醒都发了吗, 提醒发了没 with nothing in focus): each hearing, then whether
// its reminder went out and what was answered on its card.
func (s *service) remindedList(c bot.Context, what string, hs []store.ScheduledHearing, person string) (answer, error) {
	viewer, loc := c.Person(), c.Location()
	shown := hs[:min(len(hs), s.pageSize)]
	b := []string{fmt.Sprintf("**%s**：共 %d 场%s，各场提醒情况如下：", what, len(hs), scopeNote(viewer))}
	var numbers []string
	for i, h := range shown {
		fact, err := s.remindedFact(c, h.Case, &h.Hearing, person)
		if err != nil {
			return answer{}, err
		}
		if fact, err = s.withWhyUnconfirmed(c, fact, h.Case, &h.Hearing); err != nil {
			return answer{}, err
		}
		b = append(b, s.hearingLine(i+1, viewer, h, loc)+"\n"+fact)
		numbers = append(numbers, h.Case.Number)
	}
	if len(hs) > len(shown) {
		b = append(b, fmt.Sprintf("另有 %d 场未列出，请写明日期或案号再问。", len(hs)-len(shown)))
	}
	return answer{md: strings.Join(b, "\n\n"), shown: numbers, results: len(hs)}, nil
}

// appearanceFocusFits reports whether the case in focus has a hearing the
// spoken appearance can mean: on the day it names (today when none) and,
// when it names a head by surname, headed by someone of that surname. A
// report naming another day or head is about another hearing (行初87 →
// 今天的庭陈局长去了 记一下 is 陈立's hearing today, not 87's).
func (s *service) appearanceFocusFits(c bot.Context, up intent.Update, number string) (bool, error) {
	if up.At.IsZero() && up.Surname == "" {
		return true, nil // 局长上午出庭了 登记一下: nothing said beyond the case
	}
	cs, err := s.visible(c.Ctx(), c.Person(), []string{number}, nil)
	if err != nil || len(cs) == 0 {
		return false, err
	}
	day := up.At
	if day.IsZero() {
		day = c.Now()
	}
	for _, h := range cs[0].ActiveHearings() {
		if sameDay(h.At, day, c.Location()) && (up.Surname == "" || strings.HasPrefix(h.Head, up.Surname)) {
			return true, nil
		}
	}
	return false, nil
}

// sameSurname reports whether two ways of naming a person start alike (孙强
// and 孙局, 王刚 and 王副局长).
func sameSurname(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	return len(ra) > 0 && len(rb) > 0 && ra[0] == rb[0]
}

// ownScope reads a fact asked over many with no case (败诉原因都有哪些,
// 判了的有哪些) as the cases it is asked of rather than a question about
// one case to be named: the reasons of this year's lost cases.
// A period (今年败诉原因都有啥) or nothing at all (败诉原因, with no case in
// focus) asks the same: a reason belongs to a lost case, and asking which
// case would answer nothing the ledger cannot list.
func ownScope(u intent.Understanding) intent.Understanding {
	if !u.Reference && u.Kind == intent.Case && !hasRef(u) && (u.Scoped || !hasWho(u)) && u.Aspect == intent.Reason {
		u.Kind, u.Metric, u.Anchored = intent.Count, intent.Lost, true
	}
	return u
}

// focusAgrees reports whether the case in focus is one the write's own
// words allow: a write naming an agency, a party or a person (公安局那个案子
// 判了 撤销 记一下, after 行初101 of 市监局) is about a case of theirs, and the
// case in focus is taken only when it is one.
func (s *service) focusAgrees(c bot.Context, number string) (bool, error) {
	u, err := intent.Understand(c.Message().Text, s.options(c, c.Person()))
	if err != nil {
		return false, err
	}
	if len(u.Agencies) == 0 && u.Agency == "" && u.Party == "" && u.Person == "" {
		return true, nil
	}
	cs, err := s.visible(c.Ctx(), c.Person(), []string{number}, nil)
	if err != nil || len(cs) == 0 {
		return false, err
	}
	k := cs[0]
	switch {
	case u.Agency != "" && len(u.Agencies) == 0:
		return false, nil // an agency the ledger does not have: not this case's
	case len(u.Agencies) > 0 && !slices.ContainsFunc(u.Agencies, k.HasDefendant):
		return false, nil
	case u.Party != "" && !slices.ContainsFunc(k.Plaintiffs, func(p cases.Party) bool { return p.Name == u.Party }):
		return false, nil
	case u.Person != "" && !names(k, u.Person, ""):
		return false, nil
	}
	return true, nil
}

// overList reports whether a fact asked over many (原告有哪些, 负责人都有
// 哪些) follows a list: it is asked of each item listed, as 都/分别 are.
// Topics of their own (败诉原因, 司法建议, 期限) are not fields of the items
// and stay the whole ledger's (ownScope).
func overList(u intent.Understanding, last *lastQuestion) bool {
	if !u.Scoped || u.Aspect == "" || hasRef(u) || hasWho(u) || !u.Period.IsZero() || last == nil || len(last.Shown) < 2 {
		return false
	}
	return !topicAspect(u.Aspect) && (last.U.Kind == intent.Hearings || last.U.Kind == intent.Cases)
}

// topicAspect reports whether an aspect is a topic with a ledger-wide
// answer of its own (败诉原因有哪些, 检察建议有哪些) rather than a field of
// the items of a list.
func topicAspect(a intent.Aspect) bool {
	switch a {
	case intent.Reason, intent.Advice, intent.Deadline:
		return true
	}
	return false
}
