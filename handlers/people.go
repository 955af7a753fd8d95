package handlers

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/directory"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/store"
)

// registerPeople adds the directory commands admins use in chat.
func registerPeople(b *bot.Bot, s *service) {
	b.Text(bot.Prefix(peopleCommands...), s.handlePeople)
}

var peopleCommands = []string{"添加人员", "新增人员", "增加人员", "修改人员", "删除人员", "查看人员", "人员列表", "人员名单"}

// Usage of the directory commands.
const (
	usageAdd    = "添加人员 账号 姓名 角色 单位 [职务]，例如：添加人员 wangwu 王五 负责人 某县市场监督管理局 副局长"
	usageModify = "修改人员 账号 字段 新值，例如：修改人员 wangwu 单位 某县公安局（字段可为 姓名、角色、单位、职务，新值写“无”即清空）"
	usageDelete = "删除人员 账号，例如：删除人员 wangwu"
)

// personChange is a directory change waiting for 确认.
type personChange struct {
	Op     string         `json:"op"` // add, modify, delete
	Before *people.Person `json:"before,omitempty"`
	After  *people.Person `json:"after,omitempty"`
}

func adminOnly() error {
	return bot.Errorf(bot.EForbidden, "只有管理员可以管理人员名单。如需开通或调整权限，请联系司法局应诉专班的管理员。")
}

func (s *service) handlePeople(c bot.Context) error {
	if topic, ok := intent.HowToAsked(c.Message().Text); ok && c.Person() != nil && c.Person().Role != "" {
		return s.howTo(c, topic) // 人员名单要填哪些: how it is filled, not the command
	}
	f := strings.Fields(intent.Normalize(c.Message().Text))
	cmd := f[0]
	for _, w := range peopleCommands {
		if strings.HasPrefix(cmd, w) && cmd != w { // 添加人员wangwu
			f = append([]string{w, strings.TrimPrefix(cmd, w)}, f[1:]...)
			cmd = w
			break
		}
	}
	if c.Person().Role != people.Admin {
		if err := s.record(c, audit.Refused, "people", 0, nil, "非管理员"); err != nil {
			return err
		}
		return adminOnly()
	}
	args := f[1:]
	switch cmd {
	case "人员列表", "人员名单":
		return s.listPeople(c, strings.Join(args, ""))
	case "查看人员":
		if len(args) != 1 {
			return bot.Errorf(bot.EInvalid, "请写明账号，例如：查看人员 wangwu")
		}
		p, err := s.st.LookupPerson(c.Ctx(), args[0])
		if err != nil {
			return err
		}
		if err := s.record(c, audit.People, "view", btoi(p != nil), nil, args[0]); err != nil {
			return err
		}
		if p == nil {
			return c.Reply("人员名单中没有账号 " + args[0] + "。")
		}
		return c.ReplyMarkdown(personCard("人员信息", p))
	case "删除人员":
		return s.proposeDelete(c, args)
	case "修改人员":
		return s.proposeModify(c, args)
	}
	return s.proposeAdd(c, args)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func personCard(title string, p *people.Person) string {
	lines := []string{"**" + title + "**", "> 账号：" + p.UserID, "> 姓名：" + p.Name, "> 角色：" + p.Role.Label()}
	lines = append(lines, "> 单位："+orNone(p.Agency), "> 职务："+orNone(p.Post))
	return strings.Join(lines, "\n")
}

// resolver resolves agencies against the ledger's current names.
func (s *service) resolver(c bot.Context) (directory.Agencies, error) {
	known, err := s.st.Agencies(c.Ctx())
	return directory.Agencies{Names: s.scope.Agencies(), Known: known}, err
}

func (s *service) proposeAdd(c bot.Context, args []string) error {
	if len(args) < 3 || len(args) > 5 {
		return bot.Errorf(bot.EInvalid, "格式：%s", usageAdd)
	}
	p := &people.Person{UserID: args[0], Name: args[1]}
	if !directory.ValidUserID(p.UserID) {
		return bot.Errorf(bot.EInvalid, "账号“%s”格式不对：企业微信账号只能由字母、数字和 _-@. 组成。格式：%s", p.UserID, usageAdd)
	}
	role, err := people.ParseRole(args[2])
	if err != nil {
		return bot.Errorf(bot.EInvalid, "%s。格式：%s", err.Error(), usageAdd)
	}
	p.Role = role
	note := ""
	if len(args) > 3 {
		res, err := s.resolver(c)
		if err != nil {
			return err
		}
		if p.Agency, note, err = res.Resolve(args[3]); err != nil {
			return bot.Errorf(bot.EInvalid, "%s", err.Error())
		}
	}
	if len(args) > 4 {
		p.Post = args[4]
	}
	if err := p.Validate(); err != nil {
		return bot.Errorf(bot.EInvalid, "%s。格式：%s", err.Error(), usageAdd)
	}
	old, err := s.st.LookupPerson(c.Ctx(), p.UserID)
	if err != nil {
		return err
	}
	if old != nil {
		return bot.Errorf(bot.EInvalid, "账号 %s 已登记（%s）。如需修改，请发送：%s", p.UserID, personLine(old), usageModify)
	}
	summary := personCard("请核对：添加人员", p)
	if note != "" {
		summary += "\n" + note + "。"
	}
	return s.propose(c, &pending{Summary: summary, Person: &personChange{Op: "add", After: p}})
}

var fieldNames = map[string]string{"姓名": "姓名", "名字": "姓名", "角色": "角色", "身份": "角色", "单位": "单位",
	"所属单位": "单位", "职务": "职务", "职位": "职务"}

func (s *service) proposeModify(c bot.Context, args []string) error {
	if len(args) < 3 || len(args)%2 != 1 {
		return bot.Errorf(bot.EInvalid, "格式：%s", usageModify)
	}
	old, err := s.st.LookupPerson(c.Ctx(), args[0])
	if err != nil {
		return err
	}
	if old == nil {
		return bot.Errorf(bot.ENotFound, "人员名单中没有账号 %s。添加请发送：%s", args[0], usageAdd)
	}
	p := *old
	var notes []string
	for i := 1; i < len(args); i += 2 {
		field, ok := fieldNames[args[i]]
		if !ok {
			return bot.Errorf(bot.EInvalid, "不能修改“%s”。格式：%s", args[i], usageModify)
		}
		value := args[i+1]
		clear := value == "无" || value == "空" || value == "-"
		switch field {
		case "姓名":
			p.Name = value
		case "角色":
			if p.Role, err = people.ParseRole(value); err != nil {
				return bot.Errorf(bot.EInvalid, "%s", err.Error())
			}
		case "单位":
			if clear {
				p.Agency = ""
				break
			}
			res, err := s.resolver(c)
			if err != nil {
				return err
			}
			var note string
			if p.Agency, note, err = res.Resolve(value); err != nil {
				return bot.Errorf(bot.EInvalid, "%s", err.Error())
			}
			if note != "" {
				notes = append(notes, note)
			}
		case "职务":
			p.Post = value
			if clear {
				p.Post = ""
			}
		}
	}
	if err := p.Validate(); err != nil {
		return bot.Errorf(bot.EInvalid, "%s", err.Error())
	}
	if p.Same(*old) {
		return c.Reply("信息没有变化，无需修改。")
	}
	if p.UserID == c.UserID() && p.Role != people.Admin {
		return bot.Errorf(bot.EInvalid, "不能取消自己的管理员角色，请由其他管理员操作。")
	}
	summary := personCard("请核对：修改人员", &p) + "\n修改前：" + personLine(old)
	for _, n := range notes {
		summary += "\n" + n + "。"
	}
	return s.propose(c, &pending{Summary: summary, Person: &personChange{Op: "modify", Before: old, After: &p}})
}

func (s *service) proposeDelete(c bot.Context, args []string) error {
	if len(args) != 1 {
		return bot.Errorf(bot.EInvalid, "格式：%s", usageDelete)
	}
	if args[0] == c.UserID() {
		return bot.Errorf(bot.EInvalid, "不能删除自己的账号，请由其他管理员操作。")
	}
	old, err := s.st.LookupPerson(c.Ctx(), args[0])
	if err != nil {
		return err
	}
	if old == nil {
		return bot.Errorf(bot.ENotFound, "人员名单中没有账号 %s。", args[0])
	}
	summary := personCard("请核对：删除人员", old) + "\n删除后，该账号将无法再查询案件。"
	return s.propose(c, &pending{Summary: summary, Person: &personChange{Op: "delete", Before: old}})
}

func (s *service) applyPerson(c bot.Context, p *pending) error {
	if c.Person().Role != people.Admin {
		return adminOnly()
	}
	ch := p.Person
	id := ""
	if ch.After != nil {
		id = ch.After.UserID
	} else {
		id = ch.Before.UserID
	}
	cur, err := s.st.LookupPerson(c.Ctx(), id)
	if err != nil {
		return err
	}
	switch ch.Op {
	case "add":
		if cur != nil {
			return bot.Errorf(bot.EInvalid, "确认前账号 %s 已被他人添加（%s），未作修改。", id, personLine(cur))
		}
		err = s.st.PutPerson(c.Ctx(), ch.After)
	case "modify":
		if cur == nil || !cur.Same(*ch.Before) {
			return bot.Errorf(bot.EInvalid, "确认前账号 %s 的信息已被他人修改，未作修改，请重新发送。", id)
		}
		err = s.st.PutPerson(c.Ctx(), ch.After)
	case "delete":
		err = s.st.DeletePerson(c.Ctx(), id)
		if errors.Is(err, store.ErrNotFound) {
			return c.Reply("账号 " + id + " 已不在人员名单中。")
		}
	default:
		return fmt.Errorf("unknown directory change %q", ch.Op)
	}
	if err != nil {
		return err
	}
	if err := s.record(c, audit.People, ch.Op, 1, nil, plain(p.Summary)); err != nil {
		return err
	}
	done := map[string]string{"add": "已添加", "modify": "已修改", "delete": "已删除"}[ch.Op]
	if ch.After != nil {
		return c.ReplyMarkdown(personCard(done, ch.After))
	}
	return c.Reply(done + "：" + personLine(ch.Before))
}

// listPeople lists the directory, optionally only a role or an agency.
func (s *service) listPeople(c bot.Context, filter string) error {
	all, err := s.st.People(c.Ctx())
	if err != nil {
		return err
	}
	var keep func(*people.Person) bool
	title := "**人员名单**"
	if filter != "" {
		if role, err := people.ParseRole(filter); err == nil {
			keep = func(p *people.Person) bool { return p.Role == role }
			title = "**人员名单（" + role.Label() + "）**"
		} else {
			names := s.scope.Agencies()
			keep = func(p *people.Person) bool {
				return names.Same(p.Agency, filter) || strings.Contains(p.Agency, filter) || strings.Contains(p.Name, filter)
			}
			title = "**人员名单（" + filter + "）**"
		}
	}
	var ps []*people.Person
	for _, p := range all {
		if keep == nil || keep(p) {
			ps = append(ps, p)
		}
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Agency != ps[j].Agency {
			return ps[i].Agency < ps[j].Agency
		}
		if ps[i].Role != ps[j].Role {
			return ps[i].Role < ps[j].Role
		}
		return ps[i].Name < ps[j].Name
	})
	if err := s.record(c, audit.People, "list", len(ps), nil, filter); err != nil {
		return err
	}
	if len(ps) == 0 {
		return c.Reply("没有符合条件的人员。")
	}
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.UserID
	}
	a, err := s.list(c, fmt.Sprintf("%s：共 %d 人", title, len(ps)), listPeople, ids, len(ps))
	if err != nil {
		return err
	}
	return c.ReplyMarkdown(a.md)
}

// Adding someone said in passing (加个人 市监局的王小明 承办人 账号wangxm):
// read into the 添加人员 command, so it is echoed and waits for 确认 like
// the command; what cannot be read gets the command's exact form.
var (
	addPersonRe   = regexp.MustCompile(`^(?:帮我|请|麻烦|帮忙)?\s*(?:再)?(?:加个人|加一个人|加一下人|添加一个人|添加个人|新增一个人|新增个人|增加一个人|加个账号|开个账号|开通一个账号|开通账号|录入一个人|登记一个人)`)
	accountRe     = regexp.MustCompile(`(?i)(?:账号|帐号|userid|用户名|企业微信号|id)\s*(?:是|为|:|：)?\s*([A-Za-z0-9][A-Za-z0-9_.@-]*)`)
	asciiRe       = regexp.MustCompile(`[A-Za-z][A-Za-z0-9_.@-]{1,63}`)
	agencyNameRe  = regexp.MustCompile(`(\p{Han}{2,})的(\p{Han}{2,4})`)
	personNameRe  = regexp.MustCompile(`(?:叫|名字是|姓名)\s*(\p{Han}{2,4})`)
	addRoleWords  = []string{"出庭负责人", "单位负责人", "负责人", "承办人", "经办人", "应诉专班", "专班", "工作人员", "普法", "管理员"}
	addPostTitles = []string{"副局长", "局长", "副县长", "县长", "副镇长", "镇长", "副主任", "主任", "股长", "科长", "所长", "队长"}
)

// addPersonTold answers an addition told in passing; ok is false when the
// text is not one.
func (s *service) addPersonTold(c bot.Context, text string) (bool, error) {
	t := intent.Normalize(text)
	loc := addPersonRe.FindStringIndex(t)
	if loc == nil {
		return false, nil
	}
	if c.Person().Role != people.Admin {
		if err := s.record(c, audit.Refused, "people", 0, nil, "非管理员"); err != nil {
			return true, err
		}
		return true, adminOnly()
	}
	rest := t[loc[1]:]
	var account, name, role, agency, post string
	if m := accountRe.FindStringSubmatchIndex(rest); m != nil {
		account = rest[m[2]:m[3]]
		rest = rest[:m[0]] + " " + rest[m[1]:]
	} else if m := asciiRe.FindStringIndex(rest); m != nil {
		account = rest[m[0]:m[1]]
		rest = rest[:m[0]] + " " + rest[m[1]:]
	}
	for _, w := range addRoleWords {
		if i := strings.Index(rest, w); i >= 0 {
			role = w
			rest = rest[:i] + " " + rest[i+len(w):]
			break
		}
	}
	for _, w := range addPostTitles {
		if i := strings.Index(rest, w); i >= 0 {
			post = w
			rest = rest[:i] + " " + rest[i+len(w):]
			break
		}
	}
	if m := agencyNameRe.FindStringSubmatch(rest); m != nil {
		agency, name = m[1], m[2]
	} else if m := personNameRe.FindStringSubmatch(rest); m != nil {
		name = m[1]
	}
	var missing []string
	for _, f := range []struct{ v, label string }{{account, "账号"}, {name, "姓名"}, {role, "角色"}} {
		if f.v == "" {
			missing = append(missing, f.label)
		}
	}
	if len(missing) > 0 {
		if err := s.record(c, audit.People, "add", 0, nil, "口述添加人员，缺"+strings.Join(missing, "、")); err != nil {
			return true, err
		}
		return true, c.Reply("要添加人员，还缺少：" + strings.Join(missing, "、") + "。这次没有作任何修改。请按格式发送：" + usageAdd)
	}
	args := []string{account, name, role}
	if agency != "" {
		args = append(args, agency)
		if post != "" {
			args = append(args, post)
		}
	}
	return true, s.proposeAdd(c, args)
}
