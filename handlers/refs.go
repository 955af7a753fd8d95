package handlers

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/numeral"
	"casebot/bot/people"
)

// References the rules alone leave unread, resolved against the ledger:
// a day of the month said as a case (23号那个), a person by surname with
// 老/小 (老周, 小李), a subject keyword found in the ledger (登记案, 拆违那个,
// 食品安全那个), and a follow-up on one case's hearings (第二次呢, 上次开庭,
// 下一次). Each becomes a reference only when the ledger has what it
// names; otherwise the message is left as the rules read it, so nothing
// here can turn into a false “没有”.

// dayRefRe is a day of the month said as a thing (23号那个, 5号的那个庭,
// 二十三号那个案子), not after a month (12月23号 is a date the periods read).
var dayRefRe = regexp.MustCompile(`(?:^|[^0-9月\p{Han}]|[^月0-9一二三四五六七八九十两])([0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*(?:号|日)\s*(?:的)?(?:那个|这个|那场|那件|那一个|那一场|那|这)`)

// dayReference reads 23号那个 when the ledger has a hearing on that day of
// this month or the next, or a case whose sequence number it is: the
// cases those designate, both when both exist (the lead says so). A
// message that spoke of hearings and finds one on the day the periods
// already read is left to the hearings answer.
func (s *service) dayReference(c bot.Context, text string, u intent.Understanding, prev *lastQuestion) (intent.Understanding, string, bool, error) {
	if hasRef(u) || u.Party != "" || u.Person != "" || u.FollowUp || prev != nil && len(prev.Shown) > 1 {
		// 24号那个 after a list picks from it; 24号那个呢 asks anew of
		// hearings (the follow-ups read it).
		return u, "", false, nil
	}
	norm := intent.Normalize(text)
	m := dayRefRe.FindStringSubmatch(norm)
	if m == nil {
		return u, "", false, nil
	}
	day, ok := dayNumber(m[1])
	if !ok || day < 1 || day > 31 {
		return u, "", false, nil
	}
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	t := now.In(loc)
	var heard []string
	var days []string
	for i := range 2 {
		first := time.Date(t.Year(), t.Month()+time.Month(i), 1, 0, 0, 0, 0, loc)
		d := first.AddDate(0, 0, day-1)
		if d.Month() != first.Month() {
			continue // no 31st that month
		}
		hs, err := s.st.HearingsBetween(c.Ctx(), d, d.AddDate(0, 0, 1))
		if err != nil {
			return u, "", false, err
		}
		found := false
		for _, h := range hs {
			if h.Hearing.Cancelled || !s.scope.CanSee(viewer, h.Case) || slices.Contains(heard, h.Case.Number) {
				continue
			}
			heard, found = append(heard, h.Case.Number), true
		}
		if found {
			days = append(days, fmt.Sprintf("%d月%d日", d.Month(), d.Day()))
		}
	}
	seq, err := s.completeSeq(c.Ctx(), viewer, day, false, now)
	if err != nil {
		return u, "", false, err
	}
	if len(heard) == 0 && len(seq) == 0 {
		return u, "", false, nil
	}
	if u.Kind == intent.Hearings && len(seq) == 0 && !u.Period.IsZero() {
		p := u.Period.From.In(loc)
		if slices.Contains(days, fmt.Sprintf("%d月%d日", p.Month(), p.Day())) {
			return u, "", false, nil // 23号那个庭: the hearings of that day, as read
		}
	}
	numbers := append(append([]string(nil), seq...), heard...)
	numbers = slices.Compact(numbers)
	if len(numbers) > 6 {
		return u, "", false, nil
	}
	var lead string
	switch {
	case len(seq) > 0 && len(heard) > 0:
		lead = fmt.Sprintf("“%d号”可能是案号序号为 %d 的案件（%s），也可能是%s开庭的案件（%s），分别如下：", day, day, shortRefs(seq), strings.Join(days, "、"), shortRefs(heard))
	case len(heard) > 1:
		lead = fmt.Sprintf("%s开庭的案件有 %d 件：", strings.Join(days, "、"), len(heard))
	case len(heard) == 1:
		lead = fmt.Sprintf("%s开庭的案件：", strings.Join(days, "、"))
	}
	u.Numbers, u.Kind, u.Anchored = numbers, intent.Case, true
	u.Period, u.Upcoming, u.Hearing, u.Seq = intent.Period{}, false, false, 0
	u.Residue = nil
	if u.Aspect == "" && u.Hearing {
		u.Aspect = intent.When
	}
	return u, lead, true, nil
}

// dayNumber reads 23 or 二十三.
func dayNumber(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	n, ok := numeral.Parse(s)
	return int(n), ok
}

// shortRefs writes numbers as people shorten them: 行初121号、复41号.
func shortRefs(numbers []string) string {
	var out []string
	for _, n := range numbers {
		sn, err := cases.ParseNumber(n)
		switch {
		case err != nil || sn.Seq == 0:
			out = append(out, n)
		case strings.HasPrefix(sn.Type, "行"):
			out = append(out, fmt.Sprintf("%s%d号", sn.Type, sn.Seq))
		default:
			out = append(out, n)
		}
	}
	return strings.Join(out, "、")
}

// surnameRe is someone called by surname: 老周, 小李.
var surnameRe = regexp.MustCompile(`^(?:老|小)(\p{Han})(?:的|那边|那里|那儿|手上|手里)?$`)

// sideName is a name the ledger or the directory has and what it is.
type sideName struct {
	name  string
	roles []string // 原告, 承办人, 出庭负责人, 第三人
	party bool
}

// surnamed reads 老周, 小李: the people of that surname the ledger names on
// a case the asker may see (原告, 承办人, 出庭负责人) or the directory has.
// One: their cases. Several: the answer asks which, naming each with
// their role. None: the message is left as read.
func (s *service) surnamed(c bot.Context, u intent.Understanding) (intent.Understanding, *answer, bool, error) {
	if hasRef(u) || u.Party != "" || u.Person != "" || len(u.Residue) != 1 {
		return u, nil, false, nil
	}
	m := surnameRe.FindStringSubmatch(u.Residue[0])
	if m == nil {
		return u, nil, false, nil
	}
	word := strings.TrimRight(u.Residue[0], "的那边里儿手上")
	found, err := s.namesOfSurname(c.Ctx(), c.Person(), m[1])
	if err != nil || len(found) == 0 {
		return u, nil, false, err
	}
	if len(found) == 1 {
		f := found[0]
		u.Residue = nil
		if f.party {
			u.Party = f.name
		} else {
			u.Person = f.name
		}
		if u.Kind == intent.Scope || u.Kind == intent.Unknown || u.Kind == intent.Case {
			u.Kind = intent.Cases
			if u.Hearing {
				u.Kind = intent.Hearings
			}
		}
		u.Anchored = true
		return u, nil, true, nil
	}
	var lines []string
	for i, f := range found {
		lines = append(lines, fmt.Sprintf("%d. %s（%s）", i+1, f.name, strings.Join(f.roles, "、")))
	}
	a := answer{md: fmt.Sprintf("台账中姓%s的有 %d 位，您说的“%s”是哪一位？\n\n%s\n\n请回复姓名，例如“%s的案子”。", m[1], len(found), word, strings.Join(lines, "\n"), found[0].name), noEcho: true}
	return u, &a, true, nil
}

// namesOfSurname returns the names starting with surname that the ledger
// names on cases viewer may see, with their roles, and the directory's
// people of that surname who have such cases.
func (s *service) namesOfSurname(ctx context.Context, viewer *people.Person, surname string) ([]sideName, error) {
	hits, err := s.st.NamesWithPrefixes(ctx, []string{surname}, 20)
	if err != nil || len(hits) == 0 {
		return nil, err
	}
	var out []sideName
	add := func(name string, party bool, numbers []string) error {
		if utf8.RuneCountInString(name) < 2 || utf8.RuneCountInString(name) > 3 {
			return nil // a person's name, not a company's
		}
		cs, err := s.visible(ctx, viewer, numbers, nil)
		if err != nil || len(cs) == 0 {
			return err
		}
		var roles []string
		for _, c := range cs {
			if party {
				if slices.ContainsFunc(c.Plaintiffs, func(p cases.Party) bool { return p.Name == name }) && !slices.Contains(roles, "原告") {
					roles = append(roles, "原告")
				}
				continue
			}
			if c.Handler == name && !slices.Contains(roles, "承办人") {
				roles = append(roles, "承办人")
			}
			for _, h := range c.Hearings {
				if h.Head == name && !slices.Contains(roles, "出庭负责人") {
					roles = append(roles, "出庭负责人")
				}
			}
		}
		if len(roles) == 0 {
			return nil
		}
		if i := slices.IndexFunc(out, func(o sideName) bool { return o.name == name }); i >= 0 {
			return nil // named both ways: the person's cases answer
		}
		out = append(out, sideName{name: name, roles: roles, party: party})
		return nil
	}
	for _, n := range hits[0].Persons {
		numbers, err := s.st.PersonNumbers(ctx, n)
		if err != nil {
			return nil, err
		}
		if err := add(n, false, numbers); err != nil {
			return nil, err
		}
	}
	for _, n := range hits[0].Parties {
		numbers, err := s.st.PartyNumbers(ctx, n)
		if err != nil {
			return nil, err
		}
		if err := add(n, true, numbers); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// subjectStems are the words a subject keyword is looked for as, where
// people say it otherwise than the ledger writes it (拆违: 违法建筑强制拆除).
var subjectStems = map[string][]string{
	"拆违":   {"拆违", "拆除", "违法建筑", "违法建设", "违建"},
	"违建":   {"违建", "违法建筑", "违法建设"},
	"违法建筑": {"违法建筑", "违法建设", "违建"},
	"食品":   {"食品"},
	"罚款":   {"罚款", "处罚"},
	"交通":   {"交通"},
	"环境":   {"环境", "生态"},
	"卫生":   {"卫生"},
}

// subjectStop are residue words never taken for a subject.
var subjectStop = []string{"那个", "这个", "案子", "案件", "情况", "什么", "怎么", "一下", "还有", "没有", "时候", "诉讼", "复议", "行政", "法院", "人民", "政府", "有限", "公司", "某某"}

// subjectTrim are what is cut from the ends of a residue word before it is
// looked for (登记案 → 登记, 拆违那个 → 拆违, 食品安全的 → 食品安全).
var subjectTrim = []string{"的案子", "的案件", "那个案子", "那个案", "那个", "的那个", "案子", "案件", "案", "的", "类", "方面"}

// subjectOf reads a word the rules left unread as a subject when the
// ledger's 案由, 备注, 败诉原因 or parties contain it, among the cases the
// rest of the message designates that viewer may see: those cases (at
// most maxSubject), with a lead naming the word.
func (s *service) subjectOf(c bot.Context, u intent.Understanding) (intent.Understanding, string, bool, error) {
	if hasRef(u) || len(u.Residue) != 1 || u.FollowUp || u.Party != "" || u.Person != "" || u.Metric != "" || u.Rate != "" || u.Kind == intent.Explain || u.Kind == intent.Bulletin {
		return u, "", false, nil
	}
	switch u.Kind {
	case intent.Scope, intent.Unknown, intent.Cases, intent.Case, intent.Hearings:
	default:
		return u, "", false, nil
	}
	word := u.Residue[0]
	for changed := true; changed; {
		changed = false
		for _, t := range subjectTrim {
			if w, ok := strings.CutSuffix(word, t); ok && w != "" {
				word, changed = w, true
			}
		}
	}
	if utf8.RuneCountInString(word) < 2 || slices.Contains(subjectStop, word) || !allHan(word) || strings.ContainsAny(word, "零〇一二三四五六七八九十百两") {
		return u, "", false, nil
	}
	stems := subjectStems[word]
	if stems == nil {
		stems = []string{word}
	}
	all, err := s.st.AllNumbers(c.Ctx())
	if err != nil {
		return u, "", false, err
	}
	q := s.queryOf(u, c.Person())
	cs, err := s.visible(c.Ctx(), c.Person(), all, func(cs *cases.Case) bool {
		return s.caseOK(q, c.Person(), cs) && mentions(cs, stems)
	})
	if err != nil || len(cs) == 0 || len(cs) > maxSubject {
		return u, "", false, err
	}
	var numbers []string
	for _, cs := range cs {
		numbers = append(numbers, cs.Number)
	}
	slices.Sort(numbers)
	u.Numbers, u.Kind, u.Anchored, u.Residue = numbers, intent.Case, true, nil
	u.Period, u.Upcoming = intent.Period{}, false
	if u.Hearing && u.Aspect == "" {
		u.Aspect = intent.When
	}
	lead := fmt.Sprintf("台账中案由、备注或当事人含“%s”的案件", word)
	if len(numbers) > 1 {
		lead += fmt.Sprintf("有 %d 件", len(numbers))
	}
	return u, lead + "：", true, nil
}

// maxSubject is how many cases a subject keyword may designate and still
// be shown case by case.
const maxSubject = 5

// mentions reports whether c's 案由, 备注, 败诉原因, suggestions or
// plaintiffs contain one of stems.
func mentions(c *cases.Case, stems []string) bool {
	texts := []string{c.Cause, c.Note}
	if c.Closure != nil {
		texts = append(texts, c.Closure.Reason)
	}
	for _, p := range c.Plaintiffs {
		texts = append(texts, p.Name)
	}
	for _, sg := range c.Suggestions {
		texts = append(texts, sg.Content)
	}
	for _, t := range texts {
		for _, st := range stems {
			if t != "" && strings.Contains(t, st) {
				return true
			}
		}
	}
	return false
}

func allHan(s string) bool {
	for _, r := range s {
		if r < 0x4e00 || r > 0x9fff {
			return false
		}
	}
	return true
}

// hearingOrdinalRe is a follow-up on one case's hearings: 第二次呢, 上次开庭,
// 下一次呢, 第一次开庭是哪天, 最后一次.
var hearingOrdinalRe = regexp.MustCompile(`^(?:那|那么|那个|它|这个案子|那这个)?\s*(第\s*([一二三四五六七八九十两0-9]{1,2})\s*次|上一次|上次|上回|前一次|下一次|下次|下回|再下一次|后一次|最后一次|头一次)\s*(?:的)?(?:开庭|庭审|庭|开的庭|听证)?\s*(?:呢|是哪天|是什么时候|是几号|什么时候|啥时候|几号|哪天|在哪|在哪开|在哪里|是哪个法庭|开了没|开了吗|几点)?\s*(?:呢|啊|呀)?[?？。.!！]*$`)

// hearingOfFocus reads 第二次呢, 上次开庭, 下一次 after one case was shown:
// that case's hearing, by its order.
func hearingOfFocus(text string, prev *lastQuestion) (intent.Understanding, bool) {
	if prev == nil || len(prev.Shown) != 1 {
		return intent.Understanding{}, false
	}
	if prev.U.Kind != intent.Case && prev.U.Kind != intent.Hearings {
		return intent.Understanding{}, false
	}
	m := hearingOrdinalRe.FindStringSubmatch(strings.TrimSpace(intent.Normalize(text)))
	if m == nil {
		return intent.Understanding{}, false
	}
	order := ""
	switch {
	case m[2] != "":
		n, ok := dayNumber(m[2])
		if !ok || n < 1 {
			return intent.Understanding{}, false
		}
		order = strconv.Itoa(n)
	case strings.Contains(m[1], "头"):
		order = "1"
	case strings.Contains(m[1], "最后"):
		order = "final"
	case strings.ContainsAny(m[1], "上前"):
		order = "last"
	default:
		order = "next"
	}
	return intent.Understanding{Kind: intent.Case, Numbers: append([]string(nil), prev.Shown...), Aspect: intent.When,
		Order: order, Hearing: true, Anchored: true}, true
}
