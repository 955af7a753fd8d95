package handlers

import (
	"fmt"
	"regexp"
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

// howTo answers a question about using the system (intent.HowToAsked):
// how the people directory is filled, what an import error means, who may
// use the bot and what each role sees, what to type when a card's button
// did nothing, how the reminders are set. The answers say what this
// product does (its chat commands, CLI commands and columns), and differ
// by role: the admin is given the command, everyone else is told whom to
// ask, by name. Facts about the directory (which agencies have nobody in
// it) are read from the directory itself.
func (s *service) howTo(c bot.Context, topic intent.HowTo) error {
	viewer := c.Person()
	u, err := intent.Understand(c.Message().Text, s.options(c, viewer))
	if err != nil {
		return err
	}
	var md string
	switch topic {
	case intent.HowImport:
		md, err = s.howImport(c, u.Agencies)
	case intent.HowImportError:
		md = s.howImportError(c, u.Agencies)
	case intent.HowAccess:
		md, err = s.howAccess(c)
	case intent.HowButton:
		md, err = s.howButton(c, u)
	case intent.HowReminders:
		md, err = s.howReminders(c)
	}
	if err != nil {
		return err
	}
	a := answer{md: md, outcome: audit.Answered, noEcho: true, detail: "howto:" + string(topic)}
	if err := s.recordAnswer(c, intent.Understanding{Kind: intent.Help, Anchored: true}, a, 0); err != nil {
		return err
	}
	return c.ReplyMarkdown(md)
}

// admins names the directory's administrators (张伟（信息科科长）), for
// whom to ask; "管理员" when the directory has none.
func (s *service) admins(c bot.Context) (string, error) {
	all, err := s.st.People(c.Ctx())
	if err != nil {
		return "", err
	}
	var names []string
	for _, p := range all {
		if p.Role == people.Admin {
			n := p.Name
			if p.Post != "" {
				n += "（" + p.Post + "）"
			}
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return "管理员", nil
	}
	return "管理员" + strings.Join(names, "、"), nil
}

// importColumns is the people template as `casebot people import` reads it
// (bot/directory: 账号, 姓名, 角色, 单位, 职务, 备注).
const importColumns = "表头一行，列为：**账号、姓名、角色、单位、职务**（职务可不填；可加“备注”列，不读取）。\n" +
	"> 账号：企业微信后台“通讯录→成员”中的账号（userid）\n" +
	"> 角色：管理员、专班（或工作人员）、负责人、承办人、普法\n" +
	"> 单位：负责人、承办人必填，写台账中的单位全称（例如 某县人力资源和社会保障局）\n" +
	"> 职务：选填，会写进开庭提醒（例如 副局长）"

// howImport says how people are put into the directory, with the gaps of
// the agencies named (or, to the bureau, of every agency with open cases).
func (s *service) howImport(c bot.Context, named []string) (string, error) {
	viewer := c.Person()
	who, err := s.admins(c)
	if err != nil {
		return "", err
	}
	var b []string
	if text := c.Message().Text; strings.Contains(text, "简称") || strings.Contains(text, "全称") {
		// 单位写简称行不行: what directory.Agencies.Resolve does with one.
		b = append(b, "“单位”最好写台账中的单位全称。写简称时，能唯一对应台账中一个单位的，按台账记为全称（导入时会提示）；对应多个单位的会报错，须写全称；台账里找不到的按所填名称登记，这样的单位对不上案件，收不到提醒。")
	}
	switch {
	case viewer.Role == people.Admin:
		b = append(b, "**补录人员名单（通讯录）**，管理员有两种方式：\n"+
			"1. 少量人员：直接发给我“"+usageAdd+"”，我核对后请您回复“确认”。\n"+
			"2. 批量：在服务器上运行 `casebot people import 人员名单.xlsx`（也可以是 .csv，UTF-8 或 GBK；先加 `--dry-run` 试运行检查）。"+importColumns+"\n"+
			"文件有任何一处错误（会指明第几行、哪一列）就整份不写入，改正后重新导入即可。\n"+
			"也可以用 `casebot people sync` 按企业微信通讯录的部门同步（需配置 people.departments）。")
	case viewer.Bureau():
		b = append(b, "人员名单（通讯录）由"+who+"维护，专班不能直接修改。请把要补录人员的 账号、姓名、角色、单位、职务 发给管理员，由管理员发送“添加人员 …”或用 `casebot people import` 批量导入。\n"+importColumns)
	default:
		b = append(b, "人员名单由司法局"+who+"维护。贵单位需要补录或调整人员，请把 姓名、企业微信账号、角色（负责人或承办人）、职务 发给司法局应诉专班或管理员。")
	}
	if gaps, err := s.directoryGaps(c, named, false); err != nil {
		return "", err
	} else if gaps != "" {
		b = append(b, gaps)
	}
	return strings.Join(b, "\n\n"), nil
}

// directoryGaps says which of the agencies named (or, when none is named
// and the asker is of the bureau, which defendant agencies of the open
// cases) have no 负责人 or no 承办人 in the directory: they receive no
// reminders. A head or handler hears only of their own agency.
func (s *service) directoryGaps(c bot.Context, named []string, asked bool) (string, error) {
	viewer := c.Person()
	names := s.scope.Agencies()
	dir, err := s.st.People(c.Ctx())
	if err != nil {
		return "", err
	}
	has := func(a string, role people.Role) bool {
		for _, p := range dir {
			if p.Role == role && names.Same(p.Agency, a) {
				return true
			}
		}
		return false
	}
	gap := func(a string) string {
		h, d := has(a, people.Head), has(a, people.Handler)
		switch {
		case !h && !d:
			return a + "：无负责人、无承办人"
		case !h:
			return a + "：无负责人"
		case !d:
			return a + "：无承办人"
		}
		return ""
	}
	var b []string
	if !viewer.Bureau() {
		named = slices.DeleteFunc(slices.Clone(named), func(a string) bool { return !names.Same(a, viewer.Agency) })
	}
	if len(named) > 0 {
		var lines, full []string
		for _, a := range named {
			if g := gap(a); g != "" {
				lines = append(lines, "> "+g)
			} else {
				full = append(full, a)
			}
		}
		switch {
		case asked && len(full) == 0 && len(lines) == len(named):
			// 是不是还没导进通讯录: answered first, the detail after.
			// 是不是还没导进 is answered 是的; 录进去了没, 尚未.
			lead := "尚未导入完整："
			if t := c.Message().Text; strings.Contains(t, "是不是") || strings.Contains(t, "还没") || strings.Contains(t, "没导") ||
				strings.Contains(t, "没录") || strings.Contains(t, "没进") || strings.Contains(t, "缺") || strings.Contains(t, "没人") {
				lead = "是的，"
			}
			b = append(b, fmt.Sprintf("%s%s目前在人员名单中还缺人员（收不到开庭和期限提醒）：\n%s", lead, joinNames(named), strings.Join(lines, "\n")))
		case len(lines) > 0:
			b = append(b, "目前人员名单中：\n"+strings.Join(lines, "\n"))
		}
		if len(full) > 0 {
			b = append(b, strings.Join(full, "、")+"在人员名单中已有负责人和承办人。")
		}
	}
	if !viewer.Bureau() {
		return strings.Join(b, "\n\n"), nil
	}
	// The other agencies with open cases that reminders cannot reach.
	open, err := s.st.OpenNumbers(c.Ctx())
	if err != nil {
		return "", err
	}
	cs, err := s.st.GetMany(c.Ctx(), open)
	if err != nil {
		return "", err
	}
	seen := map[string]bool{}
	var others []string
	for _, cs := range cs {
		if cs == nil {
			continue
		}
		for _, a := range cs.Defendants {
			if seen[a] || containsAgency(named, a, names.Same) {
				continue
			}
			seen[a] = true
			if g := gap(a); g != "" {
				others = append(others, "> "+g)
			}
		}
	}
	slices.Sort(others)
	if len(others) > 0 {
		what := "有未结案件、人员名单中缺人员的单位"
		if len(named) > 0 {
			what = "另外，" + what
		}
		b = append(b, fmt.Sprintf("%s（共 %d 个，收不到开庭和期限提醒）：\n%s", what, len(others), strings.Join(others, "\n")))
	} else if len(named) == 0 {
		b = append(b, "有未结案件的单位在人员名单中都有负责人和承办人。")
	}
	return strings.Join(b, "\n\n"), nil
}

// directoryCoverage answers whether agencies' people are in the directory
// (卫健局农业农村局的人是不是还没导进通讯录, 通讯录里还缺哪些单位): the
// gaps, and how they are filled, by role.
func (s *service) directoryCoverage(c bot.Context) error {
	viewer := c.Person()
	u, err := intent.Understand(c.Message().Text, s.options(c, viewer))
	if err != nil {
		return err
	}
	named := u.Agencies
	if len(named) == 0 && !viewer.Bureau() && viewer.Agency != "" {
		named = []string{viewer.Agency} // 我们局的人都导进名单了吗: their own
	}
	gaps, err := s.directoryGaps(c, named, true)
	if err != nil {
		return err
	}
	who, err := s.admins(c)
	if err != nil {
		return err
	}
	if gaps == "" {
		gaps = "请问要查哪个单位？例如：公安局的人导进通讯录了吗。"
	}
	how := "补录请联系" + who + "。"
	if viewer.Role == people.Admin {
		how = "补录：发送“" + usageAdd + "”，或批量运行 `casebot people import 人员名单.xlsx`（列：账号、姓名、角色、单位、职务）。"
	}
	md := gaps + "\n\n" + how
	a := answer{md: md, outcome: audit.Answered, noEcho: true, detail: "howto:coverage"}
	if err := s.recordAnswer(c, intent.Understanding{Kind: intent.People, Agencies: u.Agencies, Anchored: true}, a, 0); err != nil {
		return err
	}
	return c.ReplyMarkdown(md)
}

var (
	rowRe     = regexp.MustCompile(`第\s*(\d+)\s*行`)
	ackLeadRe = regexp.MustCompile(`^\s*(?:好了|好的|行了|嗯嗯|嗯|ok|OK|可以了|搞定了|弄好了|导好了|导完了|改好了)[\s，,。!！~]*`)
)

// howImportError says what the people import's complaints mean and how to
// fix the row: above all the 单位, which must be the ledger's name.
func (s *service) howImportError(c bot.Context, named []string) string {
	text := c.Message().Text
	row := "该行"
	if m := rowRe.FindStringSubmatch(text); m != nil {
		row = "第 " + m[1] + " 行"
	}
	var b []string
	switch {
	case len(named) != 1 && strings.Contains(text, "账号"):
		b = append(b, fmt.Sprintf("“账号”要写企业微信后台“通讯录→成员”中的账号（userid）：只能由字母、数字和 _-@. 组成，以字母或数字开头，不超过 64 个字符，同一账号不能出现两次。请改正%s后重新导入（文件有任何一处错误时整份不写入）。", row))
	case len(named) != 1 && strings.Contains(text, "角色"):
		b = append(b, fmt.Sprintf("“角色”只能写 管理员、专班（或工作人员）、负责人、承办人、普法（或 admin、staff、head、handler、pufa）。请改正%s后重新导入（文件有任何一处错误时整份不写入）。", row))
	case len(named) == 1:
		b = append(b, fmt.Sprintf("人员名单的“单位”要写**台账中的单位全称**：您写的简称在台账中是“%s”。请把%s的单位改为“%s”后重新导入（文件有任何一处错误时整份不写入，改正后再导一次即可）。", named[0], row, named[0]))
	default:
		b = append(b, fmt.Sprintf("人员名单的“单位”要写**台账中的单位全称**（例如 某县人力资源和社会保障局，不写“人社局”）。请按提示改正%s后重新导入（文件有任何一处错误时整份不写入）。", row))
	}
	b = append(b, "常见提示：\n"+
		"> “在台账中对应多个单位，请写全称”：简称能对应台账中几个单位，请写全称\n"+
		"> “……已按所填名称登记”：只是提醒，说明台账里找不到这样写的单位；如与台账写法不同，请改成台账中的全称\n"+
		"> “角色……无法识别”：角色只能是 管理员、专班（工作人员）、负责人、承办人、普法\n"+
		"> “负责人须填写所属单位”：负责人、承办人的单位不能空")
	if c.Person().Role == people.Admin {
		b = append(b, "台账里同一单位有两种写法时，可运行 `casebot agencies` 查看各单位的写法，用 `casebot agencies merge 简称 全称` 合并，之后两种写法都按全称识别。导入前可加 `--dry-run` 先检查。")
	}
	return strings.Join(b, "\n\n")
}

// howAccess says who may use the bot and what each role sees, that people
// outside the organization (a court's clerk) cannot be added, and whom to
// ask.
func (s *service) howAccess(c bot.Context) (string, error) {
	viewer := c.Person()
	who, err := s.admins(c)
	if err != nil {
		return "", err
	}
	text := c.Message().Text
	outside := strings.Contains(text, "法院") || strings.Contains(text, "书记员") || strings.Contains(text, "法官") ||
		strings.Contains(text, "律师") || strings.Contains(text, "检察") || strings.Contains(text, "外单位") || strings.Contains(text, "外部")
	var b []string
	if outside {
		b = append(b, "法院书记员等外单位人员不是本单位企业微信的成员，不在本应用的可见范围内，所以加不了机器人；我也不能自行给人开通权限。"+
			"本系统也不设“只看开庭时间”的角色：能用机器人的人，都按下面的角色看到相应案件的全部台账信息。开庭时间需要与法院核对或告知的，请由专班或承办人直接联系法院。")
	}
	b = append(b, "本机器人只回答人员名单中的人，各角色能看到的范围：\n"+
		"> 管理员：全部案件，并维护人员名单（添加人员、修改人员、删除人员）\n"+
		"> 专班（工作人员）：全部案件，收未确认出庭汇总和提醒对象缺失报告\n"+
		"> 负责人、承办人：本单位的案件，以及台账中列其为出庭负责人或承办人的案件；收开庭和期限提醒\n"+
		"> 普法：已结案件，用于以案说法")
	switch {
	case viewer.Role == people.Admin:
		b = append(b, "给本单位企业微信成员开通：发送“"+usageAdd+"”；对方还须在企业微信管理后台本应用的“可见范围”内。")
	case viewer.Bureau():
		b = append(b, "需要给本单位企业微信成员开通，请联系"+who+"。")
	default:
		b = append(b, "需要开通或调整权限，请联系司法局应诉专班或"+who+"。")
	}
	return strings.Join(b, "\n\n"), nil
}

// howButton says what to type when a card's button did nothing: the same
// action in words, for the case named when the message names one. Nothing
// is said to be recorded: the click may or may not have been.
func (s *service) howButton(c bot.Context, u intent.Understanding) (string, error) {
	viewer := c.Person()
	who, err := s.admins(c)
	if err != nil {
		return "", err
	}
	numbers := u.Numbers
	if len(numbers) == 0 && u.Seq > 0 {
		if numbers, err = s.completeSeq(c.Ctx(), viewer, u.Seq, u.Recon, c.Now()); err != nil {
			return "", err
		}
	}
	text := c.Message().Text
	ref, state := "", ""
	if len(numbers) == 1 {
		if cs, err := s.visible(c.Ctx(), viewer, numbers, nil); err != nil {
			return "", err
		} else if len(cs) == 1 {
			ref = shortNumber(cs[0].Number)
			// The deadline the button was for, as the ledger has it now:
			// whether the click was recorded shows there.
			kind := deadline.Kind("")
			switch {
			case strings.Contains(text, "答复") && cs[0].Kind == cases.Reconsideration:
				kind = deadline.Reply
			case strings.Contains(text, "已提交") || strings.Contains(text, "答辩"):
				kind = deadline.Answer
				if cs[0].Kind == cases.Reconsideration {
					kind = deadline.Reply
				}
			}
			if kind != "" {
				if d, ok := s.st.Deadlines.Find(cs[0], kind); ok {
					today := workcal.DateOf(c.Now(), s.st.Deadlines.Location())
					state = fmt.Sprintf("台账目前登记：%s %s %s。", cs[0].Number, d.Title(), d.Value(today))
				}
			}
		}
	}
	var b []string
	if state != "" {
		b = append(b, state)
	}
	lead := "按钮没反应时，不用反复点，直接发文字给我也能办理"
	if !viewer.Bureau() {
		lead += "（文字报来的完成情况由我转告专班登记）"
	}
	lead += "。我这边无法确认刚才那次点击是否已记录，以下面发文字后我的回复为准。"
	switch {
	case ref != "" && strings.Contains(text, "答复"):
		b = append(b, fmt.Sprintf("请直接回复“%s已答复”。", ref))
	case ref != "" && (strings.Contains(text, "已提交") || strings.Contains(text, "答辩")):
		b = append(b, fmt.Sprintf("请直接回复“%s已提交答辩状”。", ref))
	case ref != "" && strings.Contains(text, "未出庭"):
		b = append(b, fmt.Sprintf("请直接回复“%s负责人未出庭”。", ref))
	case ref != "" && strings.Contains(text, "已出庭"):
		b = append(b, fmt.Sprintf("请直接回复“%s负责人已出庭”。", ref))
	}
	b = append(b, lead+"\n"+
		"> 确认出庭：回复“明天的庭我去”\n"+
		"> 更换出庭人：回复“换某某副局长去出庭”\n"+
		"> 已提交 / 已答复：回复“行初117号已提交答辩状”“复47号已答复”\n"+
		"> 是，已出庭 / 否，未出庭：回复“行初101号负责人已出庭”")
	b = append(b, "文字也办不成的，请联系"+who+"。")
	return strings.Join(b, "\n\n"), nil
}

// howReminders says how the reminders are sent, with the times configured:
// nobody sets them in chat.
func (s *service) howReminders(c bot.Context) (string, error) {
	viewer := c.Person()
	who, err := s.admins(c)
	if err != nil {
		return "", err
	}
	r := s.cfg.Reminder
	var when []string
	if r.BeforeAt != "" {
		days := "前一天"
		if r.BeforeDays > 1 {
			days = fmt.Sprintf("前 %d 天", r.BeforeDays)
		}
		w := "开庭" + days + " " + r.BeforeAt
		if r.WorkdayBefore {
			w += "（那天不是工作日的，最后一个工作日同一时间也发）"
		}
		when = append(when, w)
	}
	if r.DayOfAt != "" {
		when = append(when, "开庭当天 "+r.DayOfAt)
	}
	var b []string
	if !r.Enabled {
		b = append(b, "开庭提醒目前未开启（配置 reminders.enabled 为 false），不会按时自动发送。")
	} else {
		line := "开庭提醒不用自己设置，系统按台账自动发"
		if len(when) > 0 {
			line += "：" + strings.Join(when, "、")
		}
		line += "，发给出庭负责人，抄送承办人"
		if r.EscalateAt != "" {
			line += "；到 " + r.EscalateAt + " 仍无人确认出庭的，汇总发给专班"
		}
		b = append(b, line+"。答辩、复议答复、上诉等法定期限的提醒也自动发。")
	}
	b = append(b, "收得到提醒的前提是本人在人员名单中、单位与台账一致。要单独提醒某人，可以直接说“提醒孙强明天的庭”。")
	if viewer.Role == people.Admin {
		b = append(b, "发送时间由配置调整：reminders.before_days、reminders.before_at、reminders.day_of_at、reminders.escalate_at（改后重启服务生效）；`casebot remind --dry-run` 可预览某一时刻会发哪些提醒。")
	} else {
		b = append(b, "发送时间需要调整的，请联系"+who+"。")
	}
	return strings.Join(b, "\n\n"), nil
}

// inDirectory answers whether the person a message names is in the people
// directory now (现在能查到赵磊了吧): the name read as a person of the
// ledger or directory, else one the directory holds written in the
// message. done is false when no name is found: the message is read as
// any other.
func (s *service) inDirectory(c bot.Context, text string) (bool, error) {
	viewer := c.Person()
	// 好了 现在能查到赵磊了吧: the acknowledgement before it would be read
	// as thanks, and the name after it unread.
	text = ackLeadRe.ReplaceAllString(text, "")
	u, err := intent.Understand(text, s.options(c, viewer))
	if err != nil {
		return false, err
	}
	if u.Person == "" && u.Named == "" {
		all, err := s.st.People(c.Ctx())
		if err != nil {
			return false, err
		}
		for _, p := range all {
			if p.Name != "" && strings.Contains(text, p.Name) {
				u.Named = p.Name
				break
			}
		}
	}
	if u.Person == "" && u.Named == "" {
		return false, nil
	}
	u.Kind = intent.People
	a, err := s.peopleAnswer(c, u)
	if err != nil {
		return true, err
	}
	if err := s.recordAnswer(c, u, a, 0); err != nil {
		return true, err
	}
	return true, c.ReplyMarkdown(a.md)
}
