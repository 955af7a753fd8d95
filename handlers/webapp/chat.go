package webapp

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/people"
)

// Register adds the chat commands of the page's files to b: 导出台账,
// 写入台账 / 上传台账 (a link card), 上传判决书 / 上传文书 (a link card),
// 上传整改报告 (a link card),
// 撤销导入 with its confirmation, and 导出 <案号> [第N版] (a reviewed
// 以案说法 as a Word file). They are text routes, so their order among
// the other routes matters only where words overlap; the free-form query
// is the router's Fallback and never shadows them. This is the one place
// the routes are listed: a new chat routing carries them over from here.
//
// Replies go through c, under the inbox's reply sequence
// (wecom.ReplyContext): a message handled again sends nothing twice.
func (a *App) Register(b *bot.Bot) {
	b.Text(bot.Prefix("导出台账"), a.HandleExportLedger)
	b.Text(bot.Prefix("写入台账", "上传台账", "导入台账"), a.HandleLedgerLink)
	b.Text(bot.Prefix("上传判决书", "上传文书", "上传裁判文书", "上传复议决定书"), a.HandleDecisionLink)
	b.Text(bot.Prefix("上传整改报告", "报送整改报告", "提交整改报告", "上传整改材料"), a.HandleRectifyLink)
	b.Text(bot.Prefix("撤销导入"), a.HandleUndo)
	b.Await(AwaitUndo, a.HandleUndoAnswer)
	b.Text(isExportDraft, a.handleExportDraftText)
}

// exportDraft reads "导出 <案号> [第N版]" (also 导出以案说法 <案号>).
var exportDraft = regexp.MustCompile(`^导出(?:以案说法|以案释法)?[\s:：]*(.+?)(?:[\s，,]*第\s*(\d+)\s*版)?[\s。！!]*$`)

// isExportDraft takes 导出 followed by something that reads as a 案号;
// anything else starting with 导出 is left to the other routes.
func isExportDraft(text string) bool {
	m := exportDraft.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return false
	}
	_, err := cases.ParseNumber(m[1])
	return err == nil
}

func (a *App) handleExportDraftText(c bot.Context) error {
	m := exportDraft.FindStringSubmatch(strings.TrimSpace(c.Message().Text))
	v := 0
	if m[2] != "" {
		v, _ = strconv.Atoi(m[2])
	}
	return a.HandleExportDraft(c, m[1], v)
}

// HandleExportLedger answers 导出台账: the ledger as an .xlsx file message.
func (a *App) HandleExportLedger(c bot.Context) error {
	sent, err := a.ExportLedger(c.Ctx(), c.Person())
	if err != nil {
		return err
	}
	return c.Reply(fmt.Sprintf("以上是截至 %s 的台账（%d 件案件，%d 行），可用 Excel 或 WPS 打开；修改后可发送“写入台账”打开上传页面写回。",
		c.Now().Format("2006-01-02 15:04"), sent.Cases, sent.Rows))
}

// HandleExportDraft answers 导出 for case number (v: version, 0 the newest
// reviewed one): the draft as a Word file message.
func (a *App) HandleExportDraft(c bot.Context, number string, v int) error {
	n, err := cases.ParseNumber(number)
	if err != nil {
		return bot.Errorf(bot.EInvalid, "没有认出“%s”中的案号，请写完整案号，例如：导出 (%d)黔0115行初123号", number, c.Now().Year())
	}
	sent, err := a.ExportDraft(c.Ctx(), c.Person(), n.String(), v)
	if err != nil {
		return err
	}
	return c.Reply(fmt.Sprintf("已发送“%s”（Word 文档），版式为标题、正文和来源，可直接用于发布。", sent.Name))
}

// HandleLedgerLink answers 写入台账 with a card opening the upload page.
func (a *App) HandleLedgerLink(c bot.Context) error {
	return a.SendLink(c.Ctx(), c.Person(), LinkLedger)
}

// HandleDecisionLink answers 上传判决书 with a card opening the upload page.
func (a *App) HandleDecisionLink(c bot.Context) error {
	return a.SendLink(c.Ctx(), c.Person(), LinkDecision)
}

// HandleRectifyLink answers 上传整改报告 with a card opening the page of the
// agency's open 整改 requests.
func (a *App) HandleRectifyLink(c bot.Context) error {
	return a.SendLink(c.Ctx(), c.Person(), LinkRectify)
}

// AwaitUndo is the question 撤销导入 asks (bot.Router.Await).
const AwaitUndo = "webapp-undo"

// undoYes is the answer that undoes.
const undoYes = "确认撤销"

// HandleUndo answers 撤销导入: it says which import would be undone and
// waits for 确认撤销.
func (a *App) HandleUndo(c bot.Context) error {
	id, what, err := a.LastImport(c.Ctx(), c.Person())
	if err != nil {
		return err
	}
	if err := c.Await(AwaitUndo, id); err != nil {
		return err
	}
	return c.Reply("将撤销最近一次导入：" + what + "。\n确认请回复“" + undoYes + "”；回复其他内容则不撤销。")
}

// HandleUndoAnswer is the awaited answer: 确认撤销 undoes the import named
// in the question, if it is still the newest; anything else cancels.
func (a *App) HandleUndoAnswer(c bot.Context) error {
	id := c.AwaitData()
	if err := c.ClearAwait(); err != nil {
		return err
	}
	if strings.Trim(strings.TrimSpace(c.Message().Text), "。！!") != undoYes {
		return c.Reply("好的，未撤销导入。")
	}
	done, err := a.UndoImport(c.Ctx(), c.Person(), id)
	if errors.Is(err, ErrNothingToUndo) {
		return c.Reply(ErrNothingToUndo.Message)
	}
	if err != nil {
		return err
	}
	return c.Reply(done)
}

// HelpText is the part of the chat's 帮助 that lists the commands above
// that p may use ("" when none), kept here beside Register so a command
// and its help change together.
func HelpText(p *people.Person) string {
	var lines []string
	if canLedger(p) {
		lines = append(lines,
			"> 导出台账（整份台账以 Excel 文件发到本聊天）",
			"> 写入台账（打开上传页面，预览无误后确认写入）",
			"> 撤销导入（撤销最近一次导入，需回复“确认撤销”）")
	}
	if canDecide(p) {
		lines = append(lines, "> 上传判决书（打开上传页面，按文书上的案号关联到案件）")
	}
	if canRectify(p) {
		lines = append(lines, "> 上传整改报告（打开上传页面，报送本单位败诉案件的原因分析和整改措施；也可点整改通知卡片上的按钮在聊天中填报）")
	}
	if canExportDraft(p) {
		lines = append(lines, "> 导出 行初123号（审核通过的以案说法，以 Word 文件发送；也可说“导出上面那篇”）")
	}
	if len(lines) == 0 {
		return ""
	}
	return "**文件**：\n" + strings.Join(lines, "\n")
}
