package reminders

import (
	"context"
	"fmt"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/people"
)

// Button keys: "rmd:<action>:<task_id>", ASCII, routed by the prefix.
const (
	KeyPrefix        = "rmd:"
	ActionConfirm    = "ok"   // 确认出庭
	ActionReplace    = "swap" // 更换出庭人
	ActionCannot     = "no"   // 无法出庭
	ActionAppeared   = "att1" // 负责人已出庭
	ActionNotAppear  = "att0" // 负责人未出庭
	questionReplace  = "remind.replace"
	questionCannot   = "remind.cannot"
	maxReasonRunes   = 200
	maxSubtitleRunes = 160
)

// ButtonKey returns the key of a card button.
func ButtonKey(action, taskID string) string { return KeyPrefix + action + ":" + taskID }

// ParseButtonKey splits a key made by ButtonKey.
func ParseButtonKey(key string) (action, taskID string, ok bool) {
	rest, found := strings.CutPrefix(key, KeyPrefix)
	if !found {
		return "", "", false
	}
	action, taskID, ok = strings.Cut(rest, ":")
	return action, taskID, ok && taskID != ""
}

var weekdays = [...]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}

// dateText is "10月9日（周四）".
func (s *Service) dateText(t time.Time) string {
	t = t.In(s.loc)
	return fmt.Sprintf("%d月%d日（%s）", t.Month(), t.Day(), weekdays[t.Weekday()])
}

// timeText is "10月9日（周四）09:30".
func (s *Service) timeText(t time.Time) string {
	return s.dateText(t) + t.In(s.loc).Format("15:04")
}

// dayWord says when t is, seen from now: 今天, 明天, 后天 or the date.
func (s *Service) dayWord(t, now time.Time) string {
	d, n := DateOf(t, s.loc), DateOf(now, s.loc)
	switch {
	case d == n:
		return "今天"
	case d == n.AddDays(1):
		return "明天"
	case d == n.AddDays(2):
		return "后天"
	}
	return s.dateText(t)
}

func personText(p *people.Person) string {
	if p.Post != "" {
		return p.Name + "（" + p.Post + "）"
	}
	return p.Name
}

func names(rs []Recipient) string {
	var out []string
	for _, r := range rs {
		out = append(out, personText(r.Person))
	}
	if len(out) == 0 {
		return "（通讯录中暂无）"
	}
	return strings.Join(out, "、")
}

// headText is who is to appear: the hearing's named head with the post the
// ledger gives, else the heads the reminders go to.
func headText(it Item) string {
	for _, r := range it.Heads {
		if r.Person.Name == it.HearingD.Head {
			p := *r.Person
			if it.HearingD.HeadPost != "" {
				p.Post = it.HearingD.HeadPost
			}
			return personText(&p)
		}
	}
	return names(it.Heads)
}

func placeText(h cases.Hearing) string {
	if strings.TrimSpace(h.Place) == "" {
		return "以法院传票为准"
	}
	return h.Place
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Card builds the card of a reminder or attendance item with task id
// taskID, as seen at now. It is pure: the same item gives the same card, so
// an updated card matches the one sent.
func (s *Service) Card(it Item, taskID string, now time.Time) *bot.TemplateCard {
	if it.Kind == Attendance {
		return s.attendanceCard(it, taskID)
	}
	c, h := it.CaseData, it.HearingD
	when := s.dayWord(h.At, now) + " " + h.At.In(s.loc).Format("15:04")
	card := &bot.TemplateCard{
		CardType: "button_interaction",
		Source:   &bot.CardSource{Desc: "负责人出庭应诉提醒", DescColor: 1},
		TaskID:   taskID,
	}
	if it.Kind == DayOf {
		card.Source.DescColor = 2
	}
	if it.Role == people.Handler {
		card.MainTitle = bot.CardTitle{Title: when + " 开庭，请协助负责人出庭", Desc: "抄送承办人 · " + s.timeText(h.At)}
	} else {
		card.MainTitle = bot.CardTitle{Title: when + " 开庭，请您出庭应诉", Desc: s.timeText(h.At)}
	}
	party, court := "原告", "法院"
	if c.Kind == cases.Reconsideration {
		party, court = "申请人", "复议机关"
	}
	cause := c.Cause
	if c.Stage != "" {
		cause += "（" + string(c.Stage) + "）"
	}
	card.HorizontalContentList = []bot.CardField{
		{KeyName: "案号", Value: c.Number},
		{KeyName: "案由", Value: truncate(cause, 30)},
		{KeyName: court, Value: truncate(c.Court, 30)},
		{KeyName: "地点", Value: truncate(placeText(h), 30)},
		{KeyName: party, Value: truncate(s.scope.Plaintiffs(it.Person, c), 30)},
	}
	if len(it.Handlers) > 0 {
		hd := it.Handlers[0].Person
		card.HorizontalContentList = append(card.HorizontalContentList,
			bot.CardField{Type: bot.CardFieldMember, KeyName: "承办人", Value: personText(hd), UserID: hd.UserID})
	} else if c.Handler != "" {
		card.HorizontalContentList = append(card.HorizontalContentList, bot.CardField{KeyName: "承办人", Value: c.Handler})
	}
	quote := "出庭负责人：" + headText(it) + "\n被告：" + strings.Join(c.Defendants, "、")
	title := "出庭安排"
	if h.MustAppear {
		title = "应当出庭（法释〔2020〕3号第4条）"
		quote += "\n本案属于法释〔2020〕3号第4条规定的应当出庭情形，负责人应当出庭。"
	}
	card.QuoteArea = &bot.CardQuote{Title: title, QuoteText: quote}
	card.SubTitleText = truncate("请携带身份证明（写明姓名、职务并加盖单位公章），开庭前提交法庭；如需协调请联系承办人。"+
		"需要更换出庭负责人的，请点“更换出庭人”；确因不可抗力、意外事件或他人不能代替的公务不能出庭的，请点“无法出庭”并说明理由，"+
		"准备盖章的书面说明，由相应的工作人员出庭。", maxSubtitleRunes)
	card.ButtonList = []bot.CardButton{
		{Text: "确认出庭", Style: 1, Key: ButtonKey(ActionConfirm, taskID)},
		{Text: "更换出庭人", Style: 2, Key: ButtonKey(ActionReplace, taskID)},
		{Text: "无法出庭", Style: 3, Key: ButtonKey(ActionCannot, taskID)},
	}
	return card
}

func (s *Service) attendanceCard(it Item, taskID string) *bot.TemplateCard {
	c, h := it.CaseData, it.HearingD
	return &bot.TemplateCard{
		CardType:  "button_interaction",
		Source:    &bot.CardSource{Desc: "出庭情况登记", DescColor: 1},
		MainTitle: bot.CardTitle{Title: "开庭后登记：负责人是否出庭？", Desc: s.timeText(h.At) + " " + c.Court},
		HorizontalContentList: []bot.CardField{
			{KeyName: "案号", Value: c.Number},
			{KeyName: "案由", Value: truncate(c.Cause, 30)},
			{KeyName: "被告", Value: truncate(strings.Join(c.Defendants, "、"), 30)},
			{KeyName: "负责人", Value: truncate(headText(it), 30)},
		},
		SubTitleText: "请如实登记本次开庭行政机关负责人是否出庭应诉，结果计入负责人出庭应诉率。由其他负责人出庭的，也请选“是”。",
		TaskID:       taskID,
		ButtonList: []bot.CardButton{
			{Text: "是，已出庭", Style: 1, Key: ButtonKey(ActionAppeared, taskID)},
			{Text: "否，未出庭", Style: 2, Key: ButtonKey(ActionNotAppear, taskID)},
		},
	}
}

// renderCard is the renderFunc of reminder and attendance cards: a fresh
// task id, its record (written before the send, so that a quick click
// finds it), and the card.
func (s *Service) renderCard(ctx context.Context, items []Item, now time.Time) (bot.Outbound, error) {
	it := items[0]
	id := newTaskID(it.Occ, it.Kind)
	t := Task{ID: id, Occ: it.Occ, Hearing: it.Hearing, Case: it.Case, At: it.At,
		Recipient: it.Recipient, Kind: it.Kind, Role: string(it.Role), Agency: it.Agency}
	if it.Deadline != nil {
		t.Deadline, t.Due = it.Deadline.Kind, it.Deadline.Due.Number()
	}
	if err := s.putTask(ctx, t); err != nil {
		return bot.Outbound{}, err
	}
	card := s.Card(it, id, now)
	if it.Deadline != nil {
		card = s.DeadlineCard(it, id, now)
	}
	return bot.Outbound{ToUsers: []string{it.Recipient}, Type: bot.MsgTemplateCard, Card: card}, nil
}

// to addresses a push to a userid or to the group chat.
func to(recipient string, text string) bot.Outbound {
	if chat, ok := strings.CutPrefix(recipient, chatPrefix); ok {
		return bot.Outbound{ToChat: chat, Type: bot.MsgText, Text: text}
	}
	return bot.Text(text, recipient)
}

// subjectLine is what an item is about in a staff report: its hearing or
// its deadline.
func (s *Service) subjectLine(it Item, now time.Time) string {
	switch {
	case it.Deadline != nil && it.CaseData != nil:
		return s.deadlineLine(it, now)
	case it.Hearing == "" && it.CaseData != nil: // a risk alert
		return it.CaseData.Number + "（" + it.CaseData.Cause + "）"
	}
	return s.hearingLine(it)
}

// hearingLine is one hearing in a staff report.
func (s *Service) hearingLine(it Item) string {
	c := it.CaseData
	if c == nil {
		return it.Case + " 开庭 " + s.timeText(it.At)
	}
	line := fmt.Sprintf("%s（%s）\n   开庭：%s，%s %s", c.Number, c.Cause, s.timeText(it.At), c.Court, placeText(it.HearingD))
	if it.HearingD.MustAppear {
		line += "（应当出庭）"
	}
	return line
}

// renderReport builds one text to a staff destination listing the
// escalations, missing recipients or failed pushes of the items.
func (s *Service) renderReport(_ context.Context, items []Item, now time.Time) (bot.Outbound, error) {
	var b strings.Builder
	switch items[0].Kind {
	case Escalation:
		fmt.Fprintf(&b, "【负责人出庭未确认】截至%s，以下 %d 个开庭尚无负责人确认出庭，请及时电话联系：\n", now.In(s.loc).Format("1月2日15:04"), len(items))
		for i, it := range items {
			fmt.Fprintf(&b, "%d. %s\n   被告：%s；出庭负责人：%s；承办人：%s\n   状态：%s\n", i+1, s.hearingLine(it),
				strings.Join(it.CaseData.Defendants, "、"), headText(it), names(it.Handlers), ackText(it.Ack))
		}
	case Missing:
		fmt.Fprintf(&b, "【出庭提醒对象缺失】以下开庭的出庭提醒有人无法送达，请补录通讯录（casebot people import）或电话通知：\n")
		for i, it := range items {
			var ps []string
			for _, p := range it.Problems {
				ps = append(ps, p.Text)
			}
			fmt.Fprintf(&b, "%d. %s\n   %s\n", i+1, s.hearingLine(it), strings.Join(ps, "；"))
		}
	case Failed:
		fmt.Fprintf(&b, "【出庭提醒发送失败】以下消息多次发送失败，请电话通知本人：\n")
		for i, it := range items {
			who := it.Orig.Recipient
			if it.Orig.Person != nil {
				who = personText(it.Orig.Person) + "（" + it.Orig.Recipient + "）"
			} else if chat, ok := strings.CutPrefix(who, chatPrefix); ok {
				who = "专班群（" + chat + "）"
			}
			fmt.Fprintf(&b, "%d. %s\n   未发出：给 %s 的%s\n", i+1, s.subjectLine(it, now), who, it.Orig.Kind.Label())
		}
	case DeadlineEscalation:
		fmt.Fprintf(&b, "【法定期限预警】截至%s，以下 %d 项期限已到最后一天（整改报告为已逾期）仍未登记完成，请及时督促：\n",
			now.In(s.loc).Format("1月2日15:04"), len(items))
		for i, it := range items {
			fmt.Fprintf(&b, "%d. %s\n   被告：%s；负责人：%s；承办人：%s\n", i+1, s.deadlineLine(it, now),
				strings.Join(it.CaseData.Defendants, "、"), names(it.Heads), names(it.Handlers))
		}
	case RiskAlert:
		for i, it := range items {
			if i > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(s.riskText(it))
		}
	case DeadlineMissing:
		fmt.Fprintf(&b, "【期限提醒对象缺失】以下期限的提醒有人无法送达，请补录通讯录（casebot people import）或电话通知：\n")
		for i, it := range items {
			var ps []string
			for _, p := range it.Problems {
				ps = append(ps, p.Text)
			}
			fmt.Fprintf(&b, "%d. %s\n   %s\n", i+1, s.deadlineLine(it, now), strings.Join(ps, "；"))
		}
	default:
		return bot.Outbound{}, fmt.Errorf("no report for kind %s", items[0].Kind)
	}
	return to(items[0].Recipient, strings.TrimRight(b.String(), "\n")), nil
}

func ackText(a Ack) string {
	switch a.Status {
	case AckReplacing:
		return "已申请更换出庭人，尚未回复新人选"
	case AckReplaced:
		return "已更换出庭人，新出庭人尚未确认"
	case AckCannot:
		if a.Reason != "" {
			return "已报告无法出庭，原因：" + a.Reason
		}
		return "已报告无法出庭，尚未说明原因"
	}
	return "已提醒，未确认"
}

// renderNotice builds the 改期 or 取消 notice of one item.
func (s *Service) renderNotice(_ context.Context, items []Item, _ time.Time) (bot.Outbound, error) {
	it := items[0]
	what := it.Case
	if it.CaseData != nil && it.CaseData.Cause != "" {
		what += "（" + it.CaseData.Cause + "）"
	}
	var text string
	switch it.Kind {
	case Rescheduled:
		where := ""
		if it.CaseData != nil {
			where = "，地点：" + it.CaseData.Court + " " + placeText(it.HearingD)
		}
		text = fmt.Sprintf("【开庭改期】%s 原定%s的开庭已改至%s%s。此前的出庭提醒以本通知为准，系统将按新时间再次提醒。",
			what, s.timeText(it.At), s.timeText(it.NewAt), where)
	case Cancelled:
		text = fmt.Sprintf("【开庭取消】%s 原定%s的开庭已取消，此前的出庭提醒作废。如有疑问，请联系承办人或司法局应诉专班。",
			what, s.timeText(it.At))
	default:
		return bot.Outbound{}, fmt.Errorf("no notice for kind %s", it.Kind)
	}
	return to(it.Recipient, text), nil
}
