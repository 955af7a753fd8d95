package handlers

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/workcal"
	"casebot/handlers/webapp"
	"casebot/reminders"
)

// examples are what each role can ask, written as they would ask it.
func examples(p *people.Person) []string {
	switch p.Role {
	case people.Head:
		return []string{"我下次出庭是什么时候", "明天那个庭在哪开、要带什么", "我们局还有哪些没结", "我们局今年败诉率", "本月通报",
			"法院说改到下周三上午九点半（改期、取消、不能出庭，直接告诉我）"}
	case people.Handler:
		return []string{"我手上的案子", "我的庭", "明天孙局那个庭几点", "行初85号判了吗", "我们单位出庭率",
			"法院通知明天的庭推迟了（改期、取消，直接告诉我，会转给专班）"}
	case people.Pufa:
		return []string{"今年败诉的案子有哪些", "确认违法的案子", "行初85号败诉原因", "帮我写一篇以案说法 就用行初85号"}
	}
	return []string{"明天有几个庭", "住建局的庭什么时候开", "行初85号判了吗", "本月败诉几件", "今年败诉率、哪个单位败诉最多",
		"出庭率没达标的单位", "上个月的通报", "最近改期"}
}

// helpText is the answer to 帮助: what the asker's role can ask, with
// this year's numbers in the examples.
func helpText(p *people.Person, fullNames bool, number string) string {
	year := strings.TrimSuffix(strings.TrimPrefix(strings.SplitN(number, ")", 2)[0], "("), ")")
	var b strings.Builder
	b.WriteString("**行政应诉助手**，可以这样问我（像平时说话一样就行）：\n")
	for _, e := range examples(p) {
		b.WriteString("> " + e + "\n")
	}
	b.WriteString("\n**查询方式**：\n")
	b.WriteString("> 案号：" + number + "，或简写 行初123、123号\n")
	b.WriteString("> 当事人：查 张三、原告 某某公司\n")
	b.WriteString("> 单位：市场监管局的案件、我们局的案子\n")
	b.WriteString("> 开庭：今天、明天、下周三、12月3号、这周五的庭\n")
	b.WriteString("> 统计：本月败诉、今年结案、1-10月纠错、未结案件\n")
	b.WriteString("> 比率：今年败诉率、这个季度出庭率、出庭率排名\n")
	b.WriteString("> 接着问：后天呢、公安局的呢、第二个、更多")
	if p.Bureau() {
		b.WriteString("\n\n**修改台账**（发出后需回复“确认”）：\n")
		b.WriteString("> 开庭 案号 " + year + "-12-03 09:30 第三法庭（已有待开庭的则改期）\n")
		b.WriteString("> 增加开庭 案号 时间 地点；改期 案号 新时间\n")
		b.WriteString("> 结案 案号 " + year + "-12-01 判决驳回诉讼请求\n")
		b.WriteString("> 出庭 案号 是（或 否）\n")
		b.WriteString("> 负责人、承办人报来的改期、出庭、结案消息，回复“确认登记”即登记")
	}
	if p.Role == people.Admin {
		b.WriteString("\n\n**人员管理**：\n")
		b.WriteString("> 添加人员 账号 姓名 角色 单位 [职务]\n")
		b.WriteString("> 修改人员 账号 单位 某县公安局（可改 姓名、角色、单位、职务）\n")
		b.WriteString("> 删除人员 账号；查看人员 账号；人员列表 [单位或角色]")
	}
	if h := explainHelp(p, number); h != "" {
		b.WriteString("\n\n" + h)
	}
	if h := webapp.HelpText(p); h != "" {
		b.WriteString("\n\n" + h)
	}
	b.WriteString("\n\n" + scopeLine(p, fullNames))
	return b.String()
}

// greet answers the enter_agent event (opening the app): who the bot is
// and what the person can ask the first time in a day, a short greeting
// when it is opened again later that day, nothing for WeCom's re-delivery
// of the same event seconds later.
func (s *service) greet(c bot.Context) error {
	p := c.Person()
	kind, err := s.enterKind(c)
	if err != nil || kind == enterRepeat {
		return err // WeCom's re-delivery of the event just answered
	}
	if err := s.record(c, audit.Query, string(intent.Greet), 0, nil, ""); err != nil {
		return err
	}
	var b strings.Builder
	ahead, err := s.aheadText(c)
	if err != nil {
		return err
	}
	if kind == enterAgain {
		// Opened again later the same day: a short greeting, the head's
		// hearings to come still first (they may have changed since).
		fmt.Fprintf(&b, "%s您好，有什么需要查的？", p.Name)
		b.WriteString(ahead)
		if ahead == "" {
			b.WriteString("例如“" + examples(p)[0] + "”。")
		}
		b.WriteString("回复“帮助”查看全部用法。")
		return c.ReplyMarkdown(b.String())
	}
	fmt.Fprintf(&b, "%s您好！我是司法局行政应诉助手，可以查台账里的案件、开庭、统计和通报。", p.Name)
	b.WriteString(ahead)
	todo, err := s.todoLine(c)
	if err != nil {
		return err
	}
	if ahead != "" {
		todo = strings.TrimPrefix(todo, "\n\n")
	}
	b.WriteString(todo)
	b.WriteString("您可以这样问：\n")
	for _, e := range examples(p)[:4] {
		b.WriteString("> " + e + "\n")
	}
	b.WriteString("回复“帮助”查看全部用法。")
	return c.ReplyMarkdown(b.String())
}

// greetAhead is how far ahead the greeting lists a head's own hearings.
const greetAhead = 7 * 24 * time.Hour

// aheadText is what the greeting tells a head first: their hearings in the
// week to come and whether each is answered, so that opening the app the
// day before a hearing, before its reminder card comes, shows it and how
// to confirm in words. Empty for anyone else or when there is none.
func (s *service) aheadText(c bot.Context) (string, error) {
	hs, err := s.ownUpcoming(c)
	if err != nil || len(hs) == 0 {
		return "", err
	}
	now, loc := c.Now(), c.Location()
	var b strings.Builder
	n, open := 0, 0
	for _, o := range hs {
		if o.h.At.Sub(now) > greetAhead {
			continue
		}
		n++
		fmt.Fprintf(&b, "\n%d. %s **%s** %s %s", n, whenCN(o.h.At, now, loc), o.k.Number, orNone(o.k.Court), o.h.Place)
		if o.h.MustAppear {
			b.WriteString("（应当出庭）")
		}
		switch o.told.Ack.Status {
		case reminders.AckConfirmed:
			b.WriteString("：已确认出庭")
		case reminders.AckCannot:
			b.WriteString("：已回复无法出庭")
		case reminders.AckReplacing, reminders.AckReplaced:
			b.WriteString("：已选择更换出庭人")
		default:
			b.WriteString("：尚未确认")
			open++
		}
	}
	if n == 0 {
		return "", nil
	}
	head := fmt.Sprintf("\n\n**您近7天作为出庭负责人的开庭**：共 %d 场", n)
	tail := "\n\n"
	switch {
	case open == 1:
		tail = "\n能出庭请回复“我去”（与提醒卡片上的“确认出庭”相同）；去不了请回复“去不了”并说明原因，我转告专班。\n\n"
	case open > 1:
		tail = "\n请逐场回复，例如“明天的庭我去”（与提醒卡片上的“确认出庭”相同）；去不了请说明哪一场和原因，我转告专班。\n\n"
	}
	return head + b.String() + tail, nil
}

// enterDuplicate is how close together two enter_agent events of one user
// are WeCom's re-delivery of one event (it retries a callback not answered
// within five seconds, three times) rather than the app opened again.
const enterDuplicate = 30 * time.Second

// entry says what an enter_agent event is: the first opening of the day,
// another opening later the same day, or WeCom's duplicate delivery of
// the last one.
type enterEvent int

const (
	enterFirst enterEvent = iota
	enterAgain
	enterRepeat
)

// enterKind reads and marks the sender's last opening of the app. SET …
// GET returns the time of the last one and makes it now's in one step, so
// two replicas receiving the same event never both answer it. A value
// written as a bare day (before times were kept) is a greeting that day.
func (s *service) enterKind(c bot.Context) (enterEvent, error) {
	now := c.Now()
	last, err := s.st.Client().SetArgs(c.Ctx(), s.st.Keys().Greeted(c.UserID()), now.Format(time.RFC3339Nano),
		redis.SetArgs{Get: true, TTL: 48 * time.Hour}).Result()
	if err != nil && !errors.Is(err, redis.Nil) {
		return enterFirst, err
	}
	today := now.In(c.Location()).Format("2006-01-02")
	at, perr := time.Parse(time.RFC3339Nano, last)
	switch {
	case last == "":
		return enterFirst, nil
	case perr != nil:
		if last == today {
			return enterAgain, nil
		}
		return enterFirst, nil
	case now.Sub(at) >= 0 && now.Sub(at) < enterDuplicate:
		return enterRepeat, nil
	case at.In(c.Location()).Format("2006-01-02") == today:
		return enterAgain, nil
	}
	return enterFirst, nil
}

// firstToday reports whether the sender opens the app for the first time
// today, and marks that they did: a stranger's refusal is given once a day.
func (s *service) firstToday(c bot.Context) (bool, error) {
	k, err := s.enterKind(c)
	return k == enterFirst, err
}

// legalText points someone asking a legal question of their own to the
// public legal services, and says how to get access for the work.
func legalText(known bool, contact, userID string) string {
	s := "您好！本机器人是司法局内部的行政应诉工作助手，不提供个人法律咨询。\n" +
		"如需法律咨询或法律援助，请拨打公共法律服务热线 **12348**，或登录中国法律服务网（12348中国法网，www.12348.gov.cn）、" +
		"当地公共法律服务中心（站）咨询；对行政行为不服的，可依法申请行政复议或提起行政诉讼，具体可咨询上述平台。"
	if !known {
		if contact == "" {
			contact = "司法局应诉专班的管理员"
		}
		s += fmt.Sprintf("\n如您是行政机关工作人员、需要使用本机器人，请联系%s开通，告知您的账号 %s、姓名和单位。", contact, userID)
	}
	return s
}

// scopeText is the one-line statement of what the bot does, for a message
// it cannot help with, with what the asker can ask instead.
func (s *service) scopeText(c bot.Context, u intent.Understanding) string {
	if u.Contact {
		return "联系方式请在企业微信通讯录中查看。我可以帮您查台账里的案件、开庭、统计和通报，例如“" + examples(c.Person())[0] + "”。"
	}
	ex := examples(c.Person())
	return "抱歉，这超出了我的范围：我只能查询台账中的案件、开庭、统计和通报。可以这样问：“" + ex[0] + "”“" + ex[1] +
		"”。回复“帮助”查看全部用法。"
}

// greetingText answers a greeting (早, 陈局在吗): a greeting back and a few
// things to ask, short, since the person has not asked anything yet.
func greetingText(p *people.Person) string {
	ex := examples(p)
	n := min(len(ex), 3)
	return "您好，我在！我是行政应诉助手，可以帮您查台账里的案件、开庭、统计和通报，例如：\n> " +
		strings.Join(ex[:n], "\n> ") + "\n\n回复“帮助”查看全部用法。"
}

// vagueText answers a message of vague words alone (嗯嗯那个 就那个).
func vagueText(p *people.Person) string {
	ex := examples(p)
	return "没太明白您想查什么。可以直接说要查的内容，例如“" + ex[0] + "”或“" + ex[min(len(ex)-1, 2)] +
		"”，也可以发案号。回复“帮助”查看全部用法。"
}

// notHeldText says plainly what the ledger does not hold and where to ask.
func notHeldText(topic string) string {
	switch topic {
	case "other-county":
		return "台账只包含本县行政机关的案件，其他区县的案件和比率不在其中，请向市司法局行政应诉工作部门了解。"
	case "court-phone":
		return "台账不登记法院、法官或书记员的联系电话，请查看开庭传票、法院官网公布的电话，或向承办人了解。"
	case "personal-id":
		return "台账只登记当事人的姓名（名称），不登记身份证号、住址、电话等个人信息；确需查阅的，请向承办人调阅案卷。"
	case "judge":
		return "台账不登记审判长、法官或书记员，请查看法院的开庭传票，或向承办人了解。"
	case "directions":
		return "台账不记录法院的位置和路线，请查看开庭传票上的地址，或致电法院立案庭询问。"
	case "judgment-text":
		return "台账不保存裁判文书全文，只登记结案日期、结案方式和败诉原因；文书请向承办人索取，或在中国裁判文书网查询。"
	case "material-deadline":
		return "台账只登记法定期限（答辩、上诉、复议决定等），不记录法院要求提交材料的具体期限，请以法院通知为准，或向承办人了解。"
	case "non-admin":
		return "台账只登记行政诉讼、行政复议和非诉执行审查案件，不含民事、刑事、执行等其他案件（案号中带“民”“刑”“执”“行保”的），所以查不到这个案号。如是本县行政机关的行政案件，请核对案号后再发；其他案件请向法院或承办人了解。"
	case "amount":
		return "台账不登记判决、赔偿或罚款的金额，只登记结案方式和败诉原因；具体数额请查看裁判文书，或向承办人了解。"
	case "duration":
		return "台账只登记开庭的时间和地点，不记录庭审持续了多长时间，请向出庭人员或承办人了解。"
	case "court-notice":
		return "台账不登记法院的出庭通知书、传票是否送达。按法释〔2020〕3号第5条，法院通知负责人出庭的，应在开庭三日前送达出庭通知书；收到后请交承办人和司法局应诉专班核对开庭时间和出庭负责人，未收到的请向承办人或法院核实。"
	case "third-party":
		return "台账只登记原告（申请人）和被告（被申请人），不登记第三人，请查看起诉状副本、法院的参加诉讼通知，或向承办人了解。"
	case "absence-reason":
		return "台账只登记负责人是否出庭，不登记未出庭的理由或书面说明；负责人在提醒卡片上回复“无法出庭”时填写的理由会转告专班，书面说明请向专班或承办人了解。"
	case "side-appearance":
		return "台账每场开庭只登记本方出庭负责人是否出庭，不单独记录共同被告等其他当事方的到庭情况，请向出庭人员或承办人了解；到场情况可以告诉我，我原话转告专班。"
	case "plaintiff-appearance":
		return "台账只登记我方出庭负责人是否出庭，不记录原告（对方当事人）是否到庭，请向出庭人员或承办人了解。"
	}
	return ""
}

// todoLine is what the first greeting of the day says of the person's
// to-do list (myTodo): how many items, how many overdue or due today, and
// how to see them. Empty when the list is empty or the deadline index is
// not yet built (no "none" is said from it here).
func (s *service) todoLine(c bot.Context) (string, error) {
	if ready, err := s.st.DeadlineIndexReady(c.Ctx()); err != nil || !ready {
		return "", err
	}
	today := workcal.DateOf(c.Now(), s.st.Deadlines.Location())
	items, dds, err := s.todo(c, today)
	if err != nil || len(items) == 0 {
		return "", err
	}
	overdue, due := 0, 0
	for _, d := range dds {
		switch {
		case d.Deadline.Due.Before(today):
			overdue++
		case d.Deadline.Due == today:
			due++
		}
	}
	var parts []string
	if overdue > 0 {
		parts = append(parts, fmt.Sprintf("已逾期 %d 项", overdue))
	}
	if due > 0 {
		parts = append(parts, fmt.Sprintf("今天到期 %d 项", due))
	}
	detail := ""
	if len(parts) > 0 {
		detail = "，其中" + strings.Join(parts, "、")
	}
	return fmt.Sprintf("\n\n**您的待办**：%d 项期限事项%s，回复“我的待办”查看。\n\n", len(items), detail), nil
}
