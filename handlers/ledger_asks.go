package handlers

import (
	"fmt"
	"sort"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/workcal"
)

// ledgerAsk answers a question about the ledger or the system as a whole
// (intent.LedgerAsked): rows that look entered twice, the directory's
// accounts and the ledger's people without one, the suggestions not yet
// answered, and (for admins) the audit trail. Each answer comes from a
// full reading of what it speaks of; a role that may not see it is told,
// in one line, who can and where.
func (s *service) ledgerAsk(c bot.Context, ask intent.LedgerAsk) error {
	viewer := c.Person()
	switch ask {
	case intent.AskDuplicates:
		if !viewer.Bureau() {
			return s.refuseAsk(c, ask, "台账的重复核对由司法局应诉专班负责。如发现本单位案件录重了，请告知专班，写明两个案号。")
		}
		return s.duplicates(c)
	case intent.AskAccounts, intent.AskUnbound:
		if !viewer.Bureau() {
			return s.refuseAsk(c, ask, "人员名单由管理员维护，本单位的人员可以问“我们局名单里有哪些人”；其他情况请联系"+s.cfg.People.Contact+"。")
		}
		return s.accounts(c, ask == intent.AskUnbound)
	case intent.AskUnanswered:
		return s.unansweredSuggestions(c)
	case intent.AskAuditTrail:
		if viewer.Role != people.Admin {
			return s.refuseAsk(c, ask, "操作记录（谁在什么时候改了什么）仅管理员可以查看，可请管理员在聊天中发“谁改了行初117”，或用命令 casebot audit 查询。")
		}
		return s.auditTrail(c)
	}
	return nil
}

func (s *service) refuseAsk(c bot.Context, ask intent.LedgerAsk, msg string) error {
	if err := s.record(c, audit.Refused, string(ask), 0, nil, "无权限："+string(ask)); err != nil {
		return err
	}
	return c.Reply(msg)
}

// duplicates lists the rows that look like one case entered twice: the
// same 案号 written two ways (same year, type and sequence, a court code
// or issuing organ written differently), or the same parties, agencies,
// 案由 and stage under two numbers.
func (s *service) duplicates(c bot.Context) error {
	byNumber, byParties := map[string][]string{}, map[string][]string{}
	total := 0
	if err := s.st.EachCase(c.Ctx(), 500, func(cs []*cases.Case) error {
		for _, k := range cs {
			total++
			if n, err := cases.ParseCanonical(k.Number); err == nil {
				key := fmt.Sprintf("%d|%s|%s|%d", n.Year, n.Type, strings.TrimSuffix(strings.TrimSuffix(n.Org, "决字"), "字"), n.Seq)
				if n.Type != "" {
					key = fmt.Sprintf("%d|%s|%d", n.Year, n.Type, n.Seq)
				}
				byNumber[key] = append(byNumber[key], k.Number)
			}
			var ps []string
			for _, p := range k.Plaintiffs {
				ps = append(ps, p.Name)
			}
			sort.Strings(ps)
			ds := append([]string(nil), k.Defendants...)
			sort.Strings(ds)
			key := strings.Join([]string{string(k.Kind), string(k.Stage), strings.Join(ps, "、"), strings.Join(ds, "、"), k.Cause}, "|")
			byParties[key] = append(byParties[key], k.Number)
		}
		return nil
	}); err != nil {
		return err
	}
	seen := map[string]bool{}
	var groups []string
	add := func(why string, ns []string) {
		sort.Strings(ns)
		id := strings.Join(ns, "+")
		if len(ns) < 2 || seen[id] {
			return
		}
		seen[id] = true
		groups = append(groups, fmt.Sprintf("%d. %s：%s", len(groups)+1, why, strings.Join(ns, "、")))
	}
	for _, ns := range byNumber {
		add("案号相同、写法不同", ns)
	}
	for key, ns := range byParties {
		f := strings.Split(key, "|")
		add(fmt.Sprintf("当事人、被告、案由、审级都相同（%s 诉 %s，%s，%s）", f[2], f[3], f[4], f[1]), ns)
	}
	sort.Strings(groups)
	if err := s.record(c, audit.Query, string(intent.AskDuplicates), len(groups), nil, fmt.Sprintf("疑似重复：比对 %d 件", total)); err != nil {
		return err
	}
	if len(groups) == 0 {
		return c.ReplyMarkdown(fmt.Sprintf("已比对台账全部 %d 件案件（案号写法；当事人、被告、案由和审级），未发现疑似重复录入的案件。", total))
	}
	return c.ReplyMarkdown(fmt.Sprintf("已比对台账全部 %d 件案件，疑似重复录入 %d 组，请核对后删除多余的一条（管理员发送“删除案件 案号”）：\n\n%s",
		total, len(groups), strings.Join(groups, "\n")))
}

// accounts counts the directory's accounts by role; unbound lists the
// people the ledger names (出庭负责人 of hearings to come, 承办人 of open
// cases) whom the directory has no account for, so they get no reminder.
func (s *service) accounts(c bot.Context, unbound bool) error {
	dir, err := s.st.People(c.Ctx())
	if err != nil {
		return err
	}
	byRole := map[people.Role]int{}
	names := map[string]bool{}
	for _, p := range dir {
		byRole[p.Role]++
		names[p.Name] = true
	}
	var parts []string
	for _, r := range []people.Role{people.Admin, people.Staff, people.Head, people.Handler, people.Pufa} {
		if byRole[r] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 人", roleLabel(r), byRole[r]))
		}
	}
	line := fmt.Sprintf("人员名单中现有 %d 个账号：%s。每个账号就是本人的企业微信账号，登记后即可使用，不需另外绑定。", len(dir), strings.Join(parts, "，"))
	if !unbound {
		if err := s.record(c, audit.Query, string(intent.AskAccounts), len(dir), nil, "人员名单账号数"); err != nil {
			return err
		}
		return c.ReplyMarkdown(line + "\n\n台账中写到、还未登记账号的人员，可问“谁还没绑定”。")
	}
	now := c.Now()
	missing := map[string]map[string]bool{} // name → what the ledger has them as
	if err := s.st.EachCase(c.Ctx(), 500, func(cs []*cases.Case) error {
		for _, k := range cs {
			if !k.Open() {
				continue
			}
			note := func(name, what string) {
				if name == "" || names[name] {
					return
				}
				if missing[name] == nil {
					missing[name] = map[string]bool{}
				}
				missing[name][what] = true
			}
			note(k.Handler, strings.Join(k.Defendants, "、")+"承办人")
			if h := k.NextHearing(now); h != nil {
				note(h.Head, strings.Join(k.Defendants, "、")+"出庭负责人")
			}
		}
		return nil
	}); err != nil {
		return err
	}
	var lines []string
	for name, whats := range missing {
		var ws []string
		for w := range whats {
			ws = append(ws, w)
		}
		sort.Strings(ws)
		lines = append(lines, fmt.Sprintf("%s（%s）", name, strings.Join(ws, "；")))
	}
	sort.Strings(lines)
	if err := s.record(c, audit.Query, string(intent.AskUnbound), len(lines), nil, "台账人员未登记账号"); err != nil {
		return err
	}
	if len(lines) == 0 {
		return c.ReplyMarkdown(line + "\n\n未结案件的承办人和待开庭的出庭负责人都已登记账号。")
	}
	return c.ReplyMarkdown(fmt.Sprintf("%s\n\n台账中写到、人员名单里还查不到账号的 %d 人（收不到提醒）：\n%s\n\n请管理员添加，格式：%s",
		line, len(lines), "> "+strings.Join(lines, "\n> "), usageAdd))
}

func roleLabel(r people.Role) string {
	return map[people.Role]string{people.Admin: "管理员", people.Staff: "专班", people.Head: "负责人", people.Handler: "承办人", people.Pufa: "普法"}[r]
}

// unansweredSuggestions lists the 司法建议 and 检察建议 of the cases the
// asker may see that have no reply recorded, each with its reply deadline.
func (s *service) unansweredSuggestions(c bot.Context) error {
	viewer := c.Person()
	today := workcal.DateOf(c.Now(), s.st.Deadlines.Location())
	var lines, shown, kinds []string
	total := 0
	text := c.Message().Text
	var only cases.SuggestionKind
	what := "司法建议、检察建议"
	switch j, p := strings.Contains(text, "司法建议"), strings.Contains(text, "检察建议"); {
	case j && !p:
		only, what = cases.JudicialSuggestion, "司法建议"
	case p && !j:
		only, what = cases.ProcuratorialSuggestion, "检察建议"
	}
	if err := s.st.EachCase(c.Ctx(), 500, func(cs []*cases.Case) error {
		for _, k := range cs {
			if len(k.Suggestions) == 0 || !s.scope.CanSee(viewer, k) {
				continue
			}
			for _, sg := range k.Suggestions {
				if only != "" && sg.Kind != only {
					continue // 检察建议还没回复的有哪些: that kind alone
				}
				total++
				if !sg.RepliedOn.IsZero() {
					continue
				}
				due := ""
				kind := map[cases.SuggestionKind]deadline.Kind{cases.JudicialSuggestion: deadline.JudicialReply, cases.ProcuratorialSuggestion: deadline.ProcuratorialReply}[sg.Kind]
				if d, ok := s.st.Deadlines.Find(k, kind); ok {
					due = "，回复期限 " + d.Value(today)
				}
				lines = append(lines, fmt.Sprintf("**%s** %s：%s %s 收到（%s）%s", k.Number, s.parties(viewer, k), sg.Kind,
					sg.ReceivedOn.In(c.Location()).Format("2006-01-02"), orWord(sg.Issuer, "发出机关未填"), due))
				shown = append(shown, k.Number)
				kinds = append(kinds, k.Number+" "+string(sg.Kind))
			}
		}
		return nil
	}); err != nil {
		return err
	}
	sort.Strings(lines)
	sort.Strings(shown)
	sort.Strings(kinds)
	if err := s.record(c, audit.Query, string(intent.AskUnanswered), len(lines), shown, "未回复的建议"); err != nil {
		return err
	}
	if err := focusOnAll(c, shown); err != nil {
		return err
	}
	scope := ""
	if !viewer.Bureau() {
		scope = "（仅统计您可查看的案件）"
	}
	if len(lines) == 0 && total == 0 {
		return c.ReplyMarkdown(fmt.Sprintf("台账中未登记过%s%s，也就无待回复的建议。答辩、答复等期限可问“我的期限”。", what, scope))
	}
	if len(lines) == 0 {
		return c.ReplyMarkdown(fmt.Sprintf("台账中登记的 %d 条%s都已登记回复%s。答辩、答复等期限可问“我的期限”。", total, what, scope))
	}
	var b []string
	for i, l := range lines {
		b = append(b, fmt.Sprintf("%d. %s", i+1, l))
	}
	return c.ReplyMarkdown(fmt.Sprintf("**尚未登记回复的%s**：%d 条%s\n\n%s\n\n已回复的，请告诉我，例如“%s%s已经回复了”，专班确认后登记。",
		what, len(lines), scope, strings.Join(b, "\n\n"), shortNumber(shown[0]), strings.Fields(kinds[0])[1]))
}

// auditTrail lists the recorded changes of the case the message names, or,
// with none named, the latest changes of the ledger and the directory.
func (s *service) auditTrail(c bot.Context) error {
	viewer := c.Person()
	u, err := intent.Understand(c.Message().Text, s.options(c, viewer))
	if err != nil {
		return err
	}
	numbers, err := s.reportNumbers(c, u)
	if err != nil {
		return err
	}
	var last lastQuestion
	if len(numbers) == 0 {
		if ok, err := c.Memory().Recall(memLast, &last); err != nil {
			return err
		} else if ok && len(last.Shown) == 1 && strings.ContainsAny(c.Message().Text, "这那该") {
			numbers = last.Shown // 谁改了这个案子: the case in focus
		}
	}
	want := map[string]bool{}
	for _, n := range numbers {
		want[n] = true
	}
	const keep = 10
	var rows []audit.Entry
	if err := s.audit.Each(c.Ctx(), audit.Filter{}, func(e audit.Entry) error {
		if e.Action != audit.Update && e.Action != audit.People || e.Results == 0 {
			return nil // only what was changed
		}
		if len(want) > 0 {
			hit := false
			for _, n := range e.Cases {
				hit = hit || want[n]
			}
			if !hit {
				return nil
			}
		}
		rows = append(rows, e)
		if len(rows) > keep {
			rows = rows[1:]
		}
		return nil
	}); err != nil {
		return err
	}
	what := "台账和人员名单"
	if len(numbers) > 0 {
		what = "案件 " + strings.Join(numbers, "、")
	}
	if err := s.record(c, audit.Query, string(intent.AskAuditTrail), len(rows), numbers, "操作记录"); err != nil {
		return err
	}
	if len(rows) == 0 {
		return c.ReplyMarkdown(fmt.Sprintf("操作记录中查不到%s的修改（聊天、导入和管理页面的修改都会记录）。完整记录可用命令 casebot audit 查询。", what))
	}
	var b []string
	for i := len(rows) - 1; i >= 0; i-- {
		e := rows[i]
		who := e.Name
		if who == "" {
			who = e.User
		}
		b = append(b, fmt.Sprintf("%s %s（%s）：%s", e.At.In(c.Location()).Format("2006-01-02 15:04"), who, e.User, orWord(e.Detail, e.Kind)))
	}
	return c.ReplyMarkdown(fmt.Sprintf("**%s的最近修改**（新的在前，最多 %d 条）：\n\n%s\n\n更早的记录可用命令 casebot audit --since 日期 查询。", what, keep, "> "+strings.Join(b, "\n> ")))
}

// focusOnAll makes the cases listed the list the conversation is about
// (第二个, 第一个回复了 refer to it); one case is the case in focus.
func focusOnAll(c bot.Context, shown []string) error {
	if len(shown) == 0 {
		return nil
	}
	if len(shown) == 1 {
		return focusOn(c, shown[0])
	}
	return rememberLast(c, lastQuestion{U: intent.Understanding{Kind: intent.Cases}, Shown: append([]string(nil), shown...)})
}
