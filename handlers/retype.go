package handlers

import (
	"regexp"
	"strings"

	"casebot/bot"
	"casebot/bot/intent"
)

// Phones type by pinyin, so 刑初/形初/型初 (xíng) come out for 行初, and 行出
// (chū) for 行初. A number so typed that, written with 行, names a case the
// asker may see is that case, with a note saying what was read; one that
// does not stays as typed (刑初999号: the ledger holds no criminal cases,
// which the non-administrative answer says).

// retypeRe finds a case type typed with a same-sounding character, before
// its number.
var retypeRe = regexp.MustCompile(`(?:刑|形|型)(初|终|审|申|再)(\s*(?:第\s*)?\d)|行出(\s*\d)`)

// retyped returns text with such types written 行, and the first one as
// read (行初117号), when it names a case viewer may see.
func (s *service) retyped(c bot.Context, text string) (string, string, bool, error) {
	norm := intent.Normalize(text)
	if !retypeRe.MatchString(norm) {
		return text, "", false, nil
	}
	fixed := retypeRe.ReplaceAllStringFunc(norm, func(m string) string {
		if strings.HasPrefix(m, "行出") {
			return "行初" + strings.TrimPrefix(m, "行出")
		}
		_, size := firstRune(m)
		return "行" + m[size:]
	})
	u, err := intent.Understand(fixed, s.options(c, c.Person()))
	if err != nil || len(u.Numbers) == 0 {
		return text, "", false, nil
	}
	cs, err := s.visible(c.Ctx(), c.Person(), u.Numbers, nil)
	if err != nil || len(cs) != 1 {
		return text, "", false, err
	}
	return fixed, shortNumber(cs[0].Number), true, nil
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// bareDayRe is a message that is only a number with 号 (30号, 5号的), or
// one asking only whether there is a hearing then (12号开庭吗, 21号有庭没):
// a day of the month, or a case by its number, so the day's answer offers
// the cases of that number.
var bareDayRe = regexp.MustCompile(`^(\d{1,2})\s*号(?:的|呢|嘞|开庭吗|开庭么|开庭没|开庭没有|开不开庭|有庭吗|有庭没|有没有庭|有没有开庭|开庭不)?[?？。]?$`)

// dayOrCase completes the answer to a bare 30号 read as a day: it says so,
// and offers the cases whose number it also is.
func (s *service) dayOrCase(c bot.Context, text string, u intent.Understanding, a *answer) error {
	m := bareDayRe.FindStringSubmatch(intent.Normalize(text))
	if m == nil || u.Kind != intent.Hearings || u.Period.IsZero() || a.md == "" {
		return nil
	}
	seq := 0
	for _, r := range m[1] {
		seq = seq*10 + int(r-'0')
	}
	numbers, err := s.completeSeq(c.Ctx(), c.Person(), seq, false, c.Now())
	if err != nil || len(numbers) == 0 {
		return err
	}
	cs, err := s.visible(c.Ctx(), c.Person(), numbers, nil)
	if err != nil || len(cs) == 0 {
		return err
	}
	var names []string
	for _, k := range cs {
		names = append(names, shortNumber(k.Number))
	}
	a.md = "按日期（" + u.Period.Short() + "）理解：\n\n" + a.md + "\n\n如您要查的是案件 " + strings.Join(names, "、") +
		"，请回复案号，例如“" + names[0] + "”。"
	a.noEcho = true
	return nil
}
