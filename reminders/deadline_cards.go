package reminders

import (
	"fmt"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/people"
	"casebot/bot/workcal"
)

// Buttons of deadline and 整改 cards.
const (
	ActionDone       = "done"  // 已提交 / 已答复 / 已回复: records today as the completion date
	ActionAppealed   = "apl1"  // 已上诉
	ActionNoAppeal   = "apl0"  // 不上诉
	ActionNoted      = "noted" // 已知悉 (a decision period: closing is recorded with its 结案方式)
	ActionAnalysis   = "rca"   // 填报败诉原因分析
	ActionMeasures   = "rcm"   // 填报整改措施
	ActionApprove    = "rvok"  // 审核通过
	ActionReturn     = "rvno"  // 退回
	questionAnalysis = "rectify.analysis"
	questionMeasures = "rectify.measures"
	questionReturn   = "rectify.return"
	// maxReportRunes bounds one part of a 整改 report typed in chat.
	maxReportRunes = 2000
)

// The questions of 整改 cards, for the handlers to route answers.
const (
	QuestionAnalysis = questionAnalysis
	QuestionMeasures = questionMeasures
	QuestionReturn   = questionReturn
)

// startText says what started a deadline's clock.
func startText(d deadline.Deadline) string {
	date := fmt.Sprintf("%d月%d日", d.Start.Month, d.Start.Day)
	switch d.Kind {
	case deadline.Answer:
		return date + "收到起诉状（上诉状）副本"
	case deadline.Reply:
		return date + "收到复议申请书副本"
	case deadline.Appeal:
		return date + "裁判文书送达"
	case deadline.Decision:
		return date + "受理"
	case deadline.JudicialReply:
		return date + "收到司法建议"
	case deadline.ProcuratorialReply:
		return date + "收到检察建议"
	case deadline.Rectify:
		return date + "裁判文书（复议决定）送达"
	}
	return date
}

// todo says what the agency must do before the last day.
func todo(k deadline.Kind) string {
	switch k {
	case deadline.Answer:
		return "请在期限内向人民法院提交答辩状，并提供作出行政行为的证据和所依据的规范性文件。逾期不提供的，视为没有相应证据（《行政诉讼法》第三十四条、第六十七条）。提交后请点“已提交”登记。"
	case deadline.Reply:
		return "请在期限内向复议机构提出书面答复，并提交作出行政行为的证据、依据和其他有关材料（《行政复议法》第四十八条）。提交后请点“已答复”登记。"
	case deadline.Appeal:
		return "如不服裁判，请在上诉期内向上一级人民法院提起上诉；决定不上诉的，也请登记，以便台账准确。"
	case deadline.Decision:
		return "复议机关应在期限内作出复议决定；情况复杂需要延长的，须经批准并书面告知当事人（《行政复议法》第六十二条）。作出决定后请在台账登记结案日期和结案方式。"
	case deadline.JudicialReply, deadline.ProcuratorialReply:
		return "请在期限内书面回复建议机关，说明采纳和整改情况。回复后请点“已回复”登记。"
	case deadline.Rectify:
		return "请在期限内报送败诉原因分析和整改措施（一案一整改）。"
	}
	return ""
}

// deadlineButtons are the buttons of a reminder about d.
func deadlineButtons(k deadline.Kind, taskID string) []bot.CardButton {
	switch k {
	case deadline.Answer:
		return []bot.CardButton{{Text: "已提交", Style: 1, Key: ButtonKey(ActionDone, taskID)}}
	case deadline.Reply:
		return []bot.CardButton{{Text: "已答复", Style: 1, Key: ButtonKey(ActionDone, taskID)}}
	case deadline.JudicialReply, deadline.ProcuratorialReply:
		return []bot.CardButton{{Text: "已回复", Style: 1, Key: ButtonKey(ActionDone, taskID)}}
	case deadline.Appeal:
		return []bot.CardButton{
			{Text: "已上诉", Style: 1, Key: ButtonKey(ActionAppealed, taskID)},
			{Text: "不上诉", Style: 2, Key: ButtonKey(ActionNoAppeal, taskID)},
		}
	case deadline.Rectify:
		return rectifyButtons(taskID)
	}
	return []bot.CardButton{{Text: "已知悉", Style: 2, Key: ButtonKey(ActionNoted, taskID)}}
}

func rectifyButtons(taskID string) []bot.CardButton {
	return []bot.CardButton{
		{Text: "填报原因分析", Style: 1, Key: ButtonKey(ActionAnalysis, taskID)},
		{Text: "填报整改措施", Style: 1, Key: ButtonKey(ActionMeasures, taskID)},
	}
}

// leftText is "还剩3天" / "今天到期" / "已逾期2天" for the last day due.
func leftText(due, today workcal.Day) string {
	switch n := today.DaysUntil(due); {
	case n > 0:
		return fmt.Sprintf("还剩%d天", n)
	case n == 0:
		return "今天到期"
	default:
		return fmt.Sprintf("已逾期%d天", -n)
	}
}

// caseFields are the case lines every deadline card carries.
func (s *Service) caseFields(it Item) []bot.CardField {
	c := it.CaseData
	party, court := "原告", "法院"
	if c.Kind == cases.Reconsideration {
		party, court = "申请人", "复议机关"
	}
	fs := []bot.CardField{
		{KeyName: "案号", Value: c.Number},
		{KeyName: "案由", Value: truncate(c.Cause, 30)},
		{KeyName: court, Value: truncate(c.Court, 30)},
	}
	if it.Person != nil {
		fs = append(fs, bot.CardField{KeyName: party, Value: truncate(s.scope.Plaintiffs(it.Person, c), 30)})
	}
	if len(it.Handlers) > 0 {
		hd := it.Handlers[0].Person
		fs = append(fs, bot.CardField{Type: bot.CardFieldMember, KeyName: "承办人", Value: personText(hd), UserID: hd.UserID})
	} else if c.Handler != "" {
		fs = append(fs, bot.CardField{KeyName: "承办人", Value: c.Handler})
	}
	return fs
}

// DeadlineCard builds the card of a deadline push (reminder, 整改 request
// or review) with task id taskID, as seen at now. Like Card it is pure.
func (s *Service) DeadlineCard(it Item, taskID string, now time.Time) *bot.TemplateCard {
	d := *it.Deadline
	today := DateOf(now, s.loc)
	due := d.Due.Chinese() + "（" + weekdays[d.Due.Weekday()] + "）"
	card := &bot.TemplateCard{CardType: "button_interaction", TaskID: taskID,
		Source: &bot.CardSource{Desc: "法定期限提醒", DescColor: 1}}
	switch it.Kind {
	case RectifyRequest:
		return s.rectifyRequestCard(it, card, due)
	case RectifyReview:
		return s.rectifyReviewCard(it, card)
	}
	if d.DaysLeft(today) <= 0 {
		card.Source.DescColor = 2
	}
	card.MainTitle = bot.CardTitle{Title: d.Kind.Label() + leftText(d.Due, today), Desc: "最后一天：" + due}
	if it.Role == people.Handler {
		card.MainTitle.Desc += " · 承办人"
	}
	if d.Kind == deadline.Rectify {
		card.Source.Desc = "一案一整改"
	}
	card.HorizontalContentList = append(s.caseFields(it), bot.CardField{KeyName: "起算", Value: startText(d)})
	quote := d.Period + "，依据" + d.Basis
	if d.Postponed != "" {
		quote += "；末日逢" + d.Postponed + "，顺延至" + fmt.Sprintf("%d月%d日", d.Due.Month, d.Due.Day)
	}
	card.QuoteArea = &bot.CardQuote{Title: "期限", QuoteText: quote}
	card.SubTitleText = truncate(todo(d.Kind), maxSubtitleRunes)
	card.ButtonList = deadlineButtons(d.Kind, taskID)
	return card
}

func (s *Service) rectifyRequestCard(it Item, card *bot.TemplateCard, due string) *bot.TemplateCard {
	c, rc := it.CaseData, it.CaseData.Rectify
	card.Source = &bot.CardSource{Desc: "一案一整改", DescColor: 2}
	outcome := "败诉"
	if c.Kind == cases.Reconsideration {
		outcome = "被复议纠错"
	}
	card.MainTitle = bot.CardTitle{Title: "本案" + outcome + "，请报送原因分析和整改措施", Desc: "请于 " + due + " 前报送"}
	fs := s.caseFields(it)
	if c.Closure != nil {
		fs = append(fs, bot.CardField{KeyName: "结案方式", Value: string(c.Closure.Method)})
	}
	card.HorizontalContentList = fs
	quote := "凡败必报、一案一整改：请分析败诉原因（事实认定、法律适用、程序、证据等方面），提出针对性的整改措施，分别点下方按钮在对话中回复；"
	if s.rectifyPage != "" {
		quote += "也可以点此处打开应用页面，上传整改报告文件（Word、可复制文字的 PDF 或 txt，盖章页扫描件可作附件）。"
	} else {
		quote += "也可以在本应用的网页上以文件上传整改报告。"
	}
	if rc != nil && rc.Repeat != "" {
		quote = "注意：一年内同类案件再次败诉（前案 " + rc.Repeat + "），请重点分析原因。\n" + quote
	}
	if rc != nil && rc.Status == cases.RectifyReturned {
		card.MainTitle.Title = "整改报告被退回，请修改后重新报送"
		quote = "退回意见：" + truncate(rc.ReviewNote, 200) + "\n" + quote
	}
	card.QuoteArea = &bot.CardQuote{Title: "一案一整改", QuoteText: quote}
	if s.rectifyPage != "" {
		card.QuoteArea.Type, card.QuoteArea.URL = bot.CardQuoteURL, s.rectifyPage
	}
	card.ButtonList = rectifyButtons(card.TaskID)
	return card
}

func (s *Service) rectifyReviewCard(it Item, card *bot.TemplateCard) *bot.TemplateCard {
	c, rc := it.CaseData, it.CaseData.Rectify
	card.Source = &bot.CardSource{Desc: "整改报告审核", DescColor: 1}
	card.MainTitle = bot.CardTitle{Title: "整改报告待审核：" + strings.Join(c.Defendants, "、"), Desc: c.Number}
	card.HorizontalContentList = append(s.caseFields(it), bot.CardField{KeyName: "报送", Value: rc.FiledOn.In(s.loc).Format("1月2日15:04")})
	if rc.ReviewNote != "" {
		card.MainTitle.Title = "整改报告（退回后重新报送）待审核：" + strings.Join(c.Defendants, "、")
	}
	card.QuoteArea = &bot.CardQuote{Title: "败诉原因分析", QuoteText: truncate(rc.Analysis, 300)}
	sub := "整改措施：" + rc.Measures
	if rc.Analysis == "" || rc.Measures == "" {
		// A report file not split into the two parts: its opening.
		card.QuoteArea = &bot.CardQuote{Title: "整改报告（摘录）", QuoteText: truncate(rc.Report, 300)}
		sub = "报告未分“败诉原因分析”“整改措施”两部分，请阅读随后发送的报告全文。"
	}
	if fs := rc.Current(); len(fs) > 0 {
		var names []string
		for _, f := range fs {
			role := "报告"
			if f.Role == cases.FileAttachment {
				role = "附件"
			}
			names = append(names, f.Name+"（"+role+"）")
		}
		sub = "文件（随后发送）：" + strings.Join(names, "、") + "\n" + sub
	}
	card.SubTitleText = truncate(sub, maxSubtitleRunes)
	card.ButtonList = []bot.CardButton{
		{Text: "通过", Style: 1, Key: ButtonKey(ActionApprove, card.TaskID)},
		{Text: "退回", Style: 2, Key: ButtonKey(ActionReturn, card.TaskID)},
	}
	return card
}

// deadlineLine is one deadline in a staff report.
func (s *Service) deadlineLine(it Item, now time.Time) string {
	c, d := it.CaseData, *it.Deadline
	return fmt.Sprintf("%s（%s）\n   %s：%s（%s），%s", c.Number, c.Cause, d.Kind.Label(), d.Due.Chinese(),
		leftText(d.Due, DateOf(now, s.loc)), startText(d))
}
