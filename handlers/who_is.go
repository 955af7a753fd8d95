package handlers

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/people"
)

// Who someone is (钱坤是住建局的吗, 张三是哪个单位的, 赵磊是谁, 冯晨是干什么
// 的): their role and agency as the directory records them, else as the
// ledger names them (出庭负责人 or 承办人 of which agencies' cases, or a
// party of which case), and what the ledger does not record (a 承办人's
// own agency, a party's employer). It answered with a list of their cases
// or the defendant of a party's case, as if that were the party's agency.

var (
	// whoIsRe: 「X是谁」「X是哪个单位的」「X是干什么的」, the name first.
	whoIsRe = regexp.MustCompile(`^(?:请问|问一下|问下)?\s*(\p{Han}{2,4}?)\s*(?:是谁|是哪位|是什么人|是啥人|是干什么的|是做什么的|是干啥的|是什么身份|什么身份|(?:是|属于|在)(?:哪个|哪家|什么|啥|哪一个|哪)(?:单位|局|部门|机关|地方|科室)(?:的)?(?:人)?)(?:啊|呀|呢|哦|嘛)?[？?。]?$`)
	// isOfRe: 「X是Y的吗」「X是不是Y的」「X是Y的人吧」: whether X belongs to agency Y.
	isOfRe = regexp.MustCompile(`^(?:请问|问一下|问下)?\s*(\p{Han}{2,4}?)\s*(?:是不是|是否是|是否|是)\s*(\p{Han}{2,16}?)(?:的人|的同志|的干部|的)(?:吗|么|嘛|吧|不|呢)?[？?。]?$`)
)

// whoIsAsked returns the name asked about and the agency words it is
// asked of ("" when none).
func whoIsAsked(text string) (name, of string, ok bool) {
	t := strings.TrimSpace(text)
	if m := whoIsRe.FindStringSubmatch(t); m != nil {
		return m[1], "", true // first: 是哪个单位的 is no agency named
	}
	if m := isOfRe.FindStringSubmatch(t); m != nil {
		return m[1], m[2], true
	}
	return "", "", false
}

// notNames are the words whoIsRe may take for a name that are none.
var notNames = []string{"这个", "那个", "这位", "那位", "明天", "今天", "后天", "昨天", "下周", "本周", "原告", "被告", "对方", "法官", "负责人", "承办人", "出庭", "开庭", "案子", "案件", "我们", "你们", "他们", "这人", "那人",
	"申请人", "当事人", "第三人", "代理人", "律师", "法院", "单位", "部门", "领导", "执行人"}

// whoIs answers who name is; done is false when the name is nobody the
// directory or the ledger knows and the message is not plainly a question
// about a person (then the question reader takes it).
func (s *service) whoIs(c bot.Context, name, of string) (bool, error) {
	if slices.ContainsFunc(notNames, func(w string) bool { return strings.Contains(name, w) }) {
		return false, nil
	}
	viewer := c.Person()
	if viewer == nil || viewer.Role == "" {
		return false, nil
	}
	ctx := c.Ctx()
	agencies := s.scope.Agencies()
	var asked string // the agency asked of, resolved (住建局 → 某县住房和城乡建设局)
	if of != "" {
		u, err := intent.Understand(of, s.options(c, viewer))
		if err != nil {
			return false, err
		}
		if len(u.Agencies) != 1 {
			return false, nil // 是张三的案子吗, 是原告的: not an agency
		}
		asked = u.Agencies[0]
	}
	dir, err := s.st.People(ctx)
	if err != nil {
		return false, err
	}
	sees := func(p *people.Person) bool {
		return viewer.Bureau() || viewer.Role == people.Pufa || (viewer.Agency != "" && agencies.Same(p.Agency, viewer.Agency))
	}
	var listed, hidden []*people.Person
	for _, p := range dir {
		if p.Name == name {
			if sees(p) {
				listed = append(listed, p)
			} else {
				hidden = append(hidden, p)
			}
		}
	}
	personNumbers, err := s.st.PersonNumbers(ctx, name)
	if err != nil {
		return false, err
	}
	asPerson, err := s.visible(ctx, viewer, personNumbers, nil)
	if err != nil {
		return false, err
	}
	partyNumbers, err := s.st.PartyNumbers(ctx, name)
	if err != nil {
		return false, err
	}
	asParty, err := s.visible(ctx, viewer, partyNumbers, nil)
	if err != nil {
		return false, err
	}
	if len(listed)+len(hidden)+len(asPerson)+len(asParty) == 0 {
		// Nobody of that name: 孙局是谁 and 老周是谁 are a title or a
		// nickname, 一三零是哪个单位的 a case, 住建局是哪个单位的 an
		// agency; the reader resolves them. A plain name is not found.
		if strings.ContainsAny(name, "局长县镇主任科股所队老小总记庭案府委办") || strings.Trim(name, "一二三四五六七八九十零〇两百") == "" || utf8.RuneCountInString(name) > 3 {
			return false, nil
		}
		u, err := intent.Understand(name, s.options(c, viewer))
		if err != nil {
			return false, err
		}
		if len(u.Agencies) > 0 || len(u.Numbers) > 0 || u.Seq > 0 || u.Short != "" || !u.Period.IsZero() {
			return false, nil
		}
	}
	shown := s.shownName(viewer, name)
	a := answer{action: audit.Query, noEcho: true}
	var b []string
	for _, p := range listed {
		line := fmt.Sprintf("%s在人员名单中：%s（括号内为企业微信账号）。", p.Name, personLine(p))
		if asked != "" {
			if agencies.Same(p.Agency, asked) {
				line += fmt.Sprintf("是%s的人员。", asked)
			} else {
				line += fmt.Sprintf("名单登记的单位是%s，不是%s。", orWord(p.Agency, "司法局"), asked)
			}
		}
		b = append(b, line)
	}
	if len(hidden) > 0 && len(listed) == 0 {
		b = append(b, fmt.Sprintf("%s不是贵单位（%s）的人员，本机器人只向您提供本单位人员的名单信息；如需了解，请联系司法局应诉专班。", name, viewer.Agency))
	}
	// The ledger's roles, by agency: 出庭负责人 and 承办人 of whose cases.
	type roleAt struct{ role, agency string }
	count := map[roleAt][]string{}
	var order []roleAt
	for _, k := range asPerson {
		ag := strings.Join(k.Defendants, "、")
		var roles []string
		for _, h := range k.ActiveHearings() {
			if h.Head == name {
				roles = append(roles, "出庭负责人")
				break
			}
		}
		if k.Handler == name {
			roles = append(roles, "承办人")
		}
		for _, r := range roles {
			key := roleAt{r, ag}
			if _, ok := count[key]; !ok {
				order = append(order, key)
			}
			count[key] = append(count[key], k.Number)
			a.shown = append(a.shown, k.Number)
		}
	}
	sort.Slice(order, func(i, j int) bool {
		if order[i].agency != order[j].agency {
			return order[i].agency < order[j].agency
		}
		return order[i].role < order[j].role
	})
	if len(order) > 0 {
		lines := []string{fmt.Sprintf("台账中登记%s为：", name)}
		for _, key := range order {
			ns := count[key]
			sort.Strings(ns)
			lines = append(lines, fmt.Sprintf("> %s %d 件案件的%s（%s）", key.agency, len(ns), key.role, strings.Join(shortNumbers(ns), "、")))
		}
		b = append(b, strings.Join(lines, "\n"))
		if len(listed) == 0 {
			note := "台账的出庭负责人、承办人两栏只写姓名，不登记其本人所在单位"
			if asked != "" {
				in, other := 0, 0
				for _, key := range order {
					if strings.Contains(key.agency, asked) {
						in += len(count[key])
					} else {
						other += len(count[key])
					}
				}
				switch {
				case in > 0 && other == 0:
					note += fmt.Sprintf("；%s登记的都是%s的案件，很可能是该单位人员，但名单中未登记，无法确认", name, asked)
				case in > 0:
					note += fmt.Sprintf("；%s登记的案件中 %d 件是%s的、%d 件是其他单位的，不能据此判断其所在单位", name, in, asked, other)
				default:
					note += fmt.Sprintf("；%s登记的案件中没有%s的案件", name, asked)
					a.claims = append(a.claims, claim{Text: fmt.Sprintf("%s登记的案件中没有%s的案件", name, asked), What: claimCases, Q: query{Person: name, Agencies: []string{asked}}})
				}
			}
			b = append(b, note+fmt.Sprintf("。%s不在人员名单中，收不到开庭提醒；如需添加，请联系管理员。", name))
		}
	}
	if len(asParty) > 0 {
		var lines []string
		for _, k := range asParty {
			role, def, _ := labels(k.Kind)
			if !slices.ContainsFunc(k.Plaintiffs, func(p cases.Party) bool { return p.Name == name }) {
				role = "当事人"
			}
			lines = append(lines, fmt.Sprintf("> %s 的%s（%s：%s）", k.Number, role, def, strings.Join(k.Defendants, "、")))
			a.shown = append(a.shown, k.Number)
		}
		b = append(b, fmt.Sprintf("%s是台账中案件的当事人，不是行政机关的人员：\n%s", shown, strings.Join(lines, "\n")))
		note := "台账不登记当事人本人的工作单位"
		if asked != "" {
			note += fmt.Sprintf("；上面写的%s是案件的被告（被申请人），不是%s的单位", "被告", shown)
		}
		b = append(b, note+"。")
	}
	if len(b) == 0 {
		b = append(b, fmt.Sprintf("人员名单中未登记%s，台账%s的出庭负责人、承办人和当事人中也查不到%s。请核对姓名，或发送案号查询。", shown, scopeNote(viewer), shown))
	}
	a.md = strings.Join(b, "\n\n")
	a.results = len(a.shown)
	u := intent.Understanding{Kind: intent.People, Person: name}
	if len(asParty) > 0 && len(asPerson) == 0 {
		u = intent.Understanding{Kind: intent.Case, Party: name, Aspect: intent.Defendant}
	}
	return true, s.replyRouted(c, u, a)
}

// shortNumbers writes numbers as people say them in a line (行初124号, 复41号).
func shortNumbers(ns []string) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n
		if p, err := cases.ParseNumber(n); err == nil {
			if p.Type != "" {
				out[i] = fmt.Sprintf("%s%d号", p.Type, p.Seq)
			} else {
				out[i] = fmt.Sprintf("复%d号", p.Seq)
			}
		}
	}
	return out
}
