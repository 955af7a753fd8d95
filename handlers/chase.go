package handlers

import (
	"fmt"
	"slices"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/workcal"
)

// chase carries out a request from the bureau to remind someone (催一下孙强,
// 提醒公安局把答辩交了, 给吴局发个提醒): the person named (by name, or surname
// and title), or the people of the agency named, get one polite reminder of
// what is open on their side (the deadline asked about, else the most
// pressing of their running deadlines and next hearing), through the
// bot's one send path; staff are told who got what. A reminder asked for
// a time to come (明天上午再提醒一下孙局) is said how it goes: the scheduled
// reminders, and this request to send one now. ok is false when the
// target is nobody the directory or the ledger knows: the message is then
// read as any other.
func (s *service) chase(c bot.Context, ch intent.Chase) (bool, error) {
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	if viewer == nil {
		return false, nil
	}
	dir, err := s.st.People(c.Ctx())
	if err != nil {
		return false, err
	}
	u, err := intent.Understand(c.Message().Text, s.options(c, viewer))
	if err != nil {
		return false, err
	}
	var to []*people.Person
	label := ""
	switch {
	case u.Person != "":
		for _, p := range dir {
			if p.Name == u.Person {
				to = append(to, p)
			}
		}
		label = u.Person
	case len(u.Agencies) == 1:
		label = u.Agencies[0]
	default:
		sur := []rune(ch.Target)
		if len(sur) >= 2 && shortTitleRe.MatchString(ch.Target) || titleOnlyRe.MatchString(ch.Target) {
			for _, p := range dir {
				if p.Role == people.Head && strings.HasPrefix(p.Name, string(sur[0])) {
					to = append(to, p)
				}
			}
			if len(to) == 1 {
				label = to[0].Name
			}
		}
		if label == "" {
			return false, nil
		}
	}
	if !viewer.Bureau() && viewer.Role != "" && viewer.Role != people.Pufa && ownContent(c.Message().Text) {
		// 帮我跟刘洋说一下 明天的庭孙局可能晚点到: news to pass on, not a
		// reminder to send; relayed like any statement from the field.
		k, err := s.statementCase(c, u, nil)
		if err != nil {
			return true, err
		}
		return true, s.relayStatement(c, c.Message().Text, u, k)
	}
	if !viewer.Bureau() {
		if err := s.record(c, audit.Refused, "chase", 0, nil, "催办仅限专班"); err != nil {
			return true, err
		}
		return true, c.Reply("催办提醒由司法局应诉专班发送。开庭和法定期限的提醒，系统会按时自动发给出庭负责人和承办人；如需催办，请联系应诉专班。")
	}
	// The cases the reminder is about: the ones named, else the open ones
	// of the person (as 承办人 or 出庭负责人) or of the agency.
	var numbers []string
	switch {
	case len(u.Numbers) > 0:
		numbers = u.Numbers
	case u.Person != "" || len(to) > 0:
		if numbers, err = s.focusOfPerson(c, u, to); err != nil {
			return true, err
		}
		if len(numbers) > 0 {
			break // 47号复议今天到期 → 帮我给李文发个信息催下: that case
		}
		if numbers, err = s.st.PersonNumbers(c.Ctx(), label); err != nil {
			return true, err
		}
	default:
		if numbers, err = s.numbersOfAgencies(c.Ctx(), u.Agencies); err != nil {
			return true, err
		}
	}
	cs, err := s.visible(c.Ctx(), viewer, numbers, func(k *cases.Case) bool { return k.Open() || len(s.st.Deadlines.Open(k)) > 0 })
	if err != nil {
		return true, err
	}
	today := workcal.DateOf(now, s.st.Deadlines.Location())
	var items, shown []string
	for _, k := range cs {
		var parts []string
		for _, d := range s.st.Deadlines.Open(k) {
			if !topicFits(ch.Topic, d.Kind) {
				continue
			}
			parts = append(parts, d.Title()+" "+d.Value(today))
		}
		if ch.Topic == "" || ch.Topic == "hearing" {
			if h := k.NextHearing(now); h != nil && (u.Person == "" || h.Head == label || k.Handler == label) {
				parts = append(parts, "下次开庭 "+whenCN(h.At, now, loc)+" "+h.Place)
			}
		}
		if len(parts) == 0 {
			continue
		}
		items = append(items, fmt.Sprintf("%s（%s）：%s", k.Number, s.parties(&people.Person{Role: people.Staff}, k), strings.Join(parts, "；")))
		shown = append(shown, k.Number)
		if len(to) == 0 && u.Person == "" {
			// An agency: its 承办人 of the case, when listed.
			for _, p := range dir {
				if p.Name == k.Handler && s.scope.Agencies().Same(p.Agency, label) && !slices.Contains(to, p) {
					to = append(to, p)
				}
			}
		}
	}
	if len(to) == 0 && u.Person == "" {
		for _, p := range dir {
			if p.Role == people.Head && s.scope.Agencies().Same(p.Agency, label) {
				to = append(to, p) // the agency's heads, when no 承办人 is listed
			}
		}
	}
	what := map[string]string{"answer": "答辩（答复）期限", "suggestion": "建议回复期限", "appeal": "上诉期限", "hearing": "开庭"}[ch.Topic]
	if what == "" {
		what = "开庭和法定期限"
	}
	if len(items) == 0 {
		if err := s.record(c, audit.Update, "chase", 0, nil, "催办：无可提醒事项 "+label); err != nil {
			return true, err
		}
		return true, c.ReplyMarkdown(fmt.Sprintf("台账中查不到%s名下未结或在计的%s，这次未发送提醒。如要提醒某个案件，请写明案号，例如“催一下%s 行初117”。",
			label, what, label))
	}
	if ch.Later {
		if err := s.record(c, audit.Update, "chase", len(shown), shown, "定时催办：说明"); err != nil {
			return true, err
		}
		r := s.cfg.Reminder
		return true, c.ReplyMarkdown(fmt.Sprintf("聊天中还不能预约某个时间单独发一条提醒。系统已按规则自动提醒：开庭前一天 %s、开庭当天 %s 提醒出庭负责人和承办人；法定期限在%s %s 提醒。%s目前的事项：\n\n%s\n\n到时想再提醒一次，发送“催一下%s”即可立即发送。",
			r.BeforeAt, r.DayOfAt, leadDays(s.cfg.Deadlines.RemindWorkdays), s.cfg.Deadlines.RemindAt, label, "> "+strings.Join(items, "\n> "), label))
	}
	if len(to) == 0 {
		if err := s.record(c, audit.Update, "chase", len(shown), shown, "催办：无账号 "+label); err != nil {
			return true, err
		}
		return true, c.ReplyMarkdown(fmt.Sprintf("%s在人员名单中没有账号，未能发送提醒。请先添加人员，或电话联系。需提醒的事项：\n\n> %s", label, strings.Join(items, "\n> ")))
	}
	var ids, names []string
	for _, p := range to {
		ids = append(ids, p.UserID)
		names = append(names, p.Name+orWord(p.Post, "")+"（"+p.Agency+"）")
	}
	msg := fmt.Sprintf("【提醒】您好，司法局应诉专班提醒您关注以下%s：\n%s\n请按时办理；已办理的，请回复告知（例如“答辩状已经交了”），谢谢！",
		what, strings.Join(items, "\n"))
	if _, err := c.Send(bot.Text(msg, ids...)); err != nil {
		return true, err
	}
	if err := s.record(c, audit.Update, "chase", len(shown), shown, "催办提醒："+strings.Join(names, "、")); err != nil {
		return true, err
	}
	return true, c.ReplyMarkdown(fmt.Sprintf("已向 %s 发送提醒：\n\n> %s", strings.Join(names, "、"), strings.Join(items, "\n> ")))
}

// topicFits reports whether a deadline is of the topic a chase asks about.
func topicFits(topic string, k deadline.Kind) bool {
	switch topic {
	case "answer":
		return k == deadline.Answer || k == deadline.Reply
	case "suggestion":
		return k == deadline.JudicialReply || k == deadline.ProcuratorialReply
	case "appeal":
		return k == deadline.Appeal
	case "hearing":
		return false
	}
	return k != deadline.Decision && k != deadline.RectifyReview
}

// leadDays says the deadline reminders' lead times (届满前3个工作日和届满当天).
func leadDays(ds []int) string {
	var out []string
	for _, d := range ds {
		if d == 0 {
			out = append(out, "届满当天")
		} else {
			out = append(out, fmt.Sprintf("届满前%d个工作日", d))
		}
	}
	return strings.Join(out, "和")
}

// focusOfPerson is the one case the conversation is about when a chase
// names a person and no case (47号复议今天最后一天 → 帮我给李文发个信息催下):
// the 催 is of that case, when the person works on it (its 承办人, a
// hearing's 出庭负责人, or someone of an agency it names), not every case
// the person has (it sent 李文 two hearings and missed the 47 reply due).
func (s *service) focusOfPerson(c bot.Context, u intent.Understanding, to []*people.Person) ([]string, error) {
	if u.Seq > 0 || u.Short != "" || len(u.Agencies) > 0 || !u.Period.IsZero() {
		return nil, nil
	}
	var last lastQuestion
	found, err := c.Memory().RecallAll(map[string]any{memLast: &last})
	if err != nil || !found[memLast] || len(last.Shown) != 1 {
		return nil, err
	}
	cs, err := s.visible(c.Ctx(), c.Person(), last.Shown, nil)
	if err != nil || len(cs) != 1 {
		return nil, err
	}
	k := cs[0]
	names := s.scope.Agencies()
	if u.Person != "" && (k.Handler == u.Person || slices.ContainsFunc(k.Hearings, func(h cases.Hearing) bool { return h.Head == u.Person })) {
		return []string{k.Number}, nil // named in the ledger, with or without an account
	}
	for _, p := range to {
		if k.Handler == p.Name || slices.ContainsFunc(k.Hearings, func(h cases.Hearing) bool { return h.Head == p.Name }) ||
			slices.ContainsFunc(k.Defendants, func(d string) bool { return names.Same(d, p.Agency) }) {
			return []string{k.Number}, nil
		}
	}
	return nil, nil
}
