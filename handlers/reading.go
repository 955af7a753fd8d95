package handlers

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/intent"
)

// numberFact is the full 案号 of a case (案号咋写的).
func numberFact(c *cases.Case) string { return "案号：**" + c.Number + "**。" }

// firstInstance answers 一审咋判的 of a second-instance (or retrial) case from what the
// ledger records of the first instance: the first-instance case whose
// 上诉案号 is this one (found through the parties), else the 备注 when it
// states the first-instance outcome, quoted as such; else it says the
// ledger does not record it. It never answers the appeal's own outcome,
// which is not the question. ok is false for a case that is no appeal.
func (s *service) firstInstance(c bot.Context, cs *cases.Case) (string, bool, error) {
	if cs.Stage != cases.StageSecond && cs.Stage != cases.StageRetrial {
		return "", false, nil
	}
	for _, p := range cs.Plaintiffs {
		numbers, err := s.st.PartyNumbers(c.Ctx(), p.Name)
		if err != nil {
			return "", true, err
		}
		linked, err := s.visible(c.Ctx(), c.Person(), numbers, nil)
		if err != nil {
			return "", true, err
		}
		for _, l := range linked {
			if l.Number == cs.Number || l.AppealNumber != cs.Number {
				continue
			}
			v := "一审案件：**" + l.Number + "**，"
			if l.Closure == nil {
				return v + "台账未登记其一审结果。", true, nil
			}
			return v + fmt.Sprintf("%s 一审%s。", cases.FormatDate(l.Closure.On, c.Location()), l.Closure.Method), true, nil
		}
	}
	if note := strings.TrimSpace(cs.Note); strings.Contains(note, "一审") {
		for _, p := range cs.Plaintiffs {
			note = strings.ReplaceAll(note, p.Name, s.scope.PartyName(c.Person(), p)) // 隐名 as the card does
		}
		return "台账备注：“" + note + "”（台账未关联一审案件，以上为备注所记）。", true, nil
	}
	v := "台账未记载该案的一审结果：本案当事人的其他案件均未登记上诉案号为本案，备注也未写明。"
	if cs.Closure != nil {
		v += "本案二审结果：" + string(cs.Closure.Method) + "。"
	}
	return v, true, nil
}

// firstInstanceAsked reports whether u asks the first-instance outcome
// (一审咋判的, 一审结果呢) rather than the case's own.
func firstInstanceAsked(u intent.Understanding) bool {
	return u.Stage == "一审" && (u.Aspect == intent.Outcome || u.Aspect == intent.Reason)
}

// appealedFact answers 上诉了没 (谁上诉的, 是我们上诉的吗, 对方上诉了没)
// from what the ledger records: 是否上诉 (and the 二审案号), else that it
// is not recorded, with the 上诉期 the ledger counts, so the answer never
// reads “not appealed” from a blank. The ledger has no column for who
// appealed: the answer says which side the judgment went against and
// that the ledger does not say who, quoting a 备注 that does.
func (s *service) appealedFact(c *cases.Case, now time.Time) string {
	var v string
	switch {
	case c.Closure == nil && c.Stage == cases.StageSecond:
		// 行终33是谁上诉的: this case is the appeal itself.
		v = "本案是二审（上诉审）案件，尚未结案。"
	case c.Closure == nil:
		return "尚未结案，裁判作出后才谈得上是否上诉。"
	case c.Appealed != nil && *c.Appealed:
		v = "已上诉"
		if c.AppealNumber != "" {
			v += "，二审案号 " + c.AppealNumber
		}
		v += "。"
	case c.Appealed != nil:
		v = "未上诉（台账登记：是否上诉 否）。"
	default:
		v = "台账未登记是否上诉"
		s.st.Deadlines.Lines(c, now, func(label, value string) {
			if strings.Contains(label, "上诉") {
				v += "；" + label + "：" + value
			}
		})
		v += "。"
	}
	return v + s.appealSide(c)
}

// appealSide is what the ledger says toward who appealed: the outcome and
// the side it went against, a 备注 that names the appeal, and that the
// ledger records no appellant.
func (s *service) appealSide(c *cases.Case) string {
	var b []string
	if c.Closure != nil {
		m := string(c.Closure.Method)
		switch {
		case s.loss.Lost(c):
			b = append(b, "本案结果为"+m+"，行政机关一方败诉")
		case strings.Contains(m, "驳回上诉"):
			b = append(b, "本案结果为"+m+"，上诉未获支持")
		case strings.Contains(m, "驳回诉讼请求") || strings.Contains(m, "驳回起诉"):
			b = append(b, "本案结果为"+m+"，原告一方的请求未获支持")
		default:
			b = append(b, "本案结果为"+m)
		}
	}
	if strings.Contains(c.Note, "上诉") {
		// Only the clause that speaks of the appeal: a 备注 may say more.
		var said []string
		for _, cl := range strings.FieldsFunc(c.Note, func(r rune) bool { return strings.ContainsRune("，,。；;", r) }) {
			if strings.Contains(cl, "上诉") {
				said = append(said, cl)
			}
		}
		b = append(b, "台账备注写明“"+strings.Join(said, "，")+"”")
	}
	who := "台账只登记是否上诉和二审案号，不登记由哪一方提起上诉"
	if c.Handler != "" {
		who += "，请向承办人 " + c.Handler + " 确认"
	}
	b = append(b, who)
	return strings.Join(b, "；") + "。"
}

// lapsedAppealNote says what the ledger cannot tell of lapsed appeal
// periods (上诉期过了还没登记结果的): it counts one only from the date the
// judgment was served, so a closed case without that date is not among
// them, whether or not its period has run out.
func lapsedAppealNote(u intent.Understanding) string {
	if !u.Overdue || !slices.Contains(u.DeadlineKinds, string(deadline.Appeal)) {
		return ""
	}
	return "\n\n上诉期从裁判文书送达之日起算：台账未登记送达日期的已结案件不在上面之列，它们的上诉期是否已过、是否上诉，台账无法判断，请向承办人核实后登记。"
}
