package webapp

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/explain"
	"casebot/bot/people"
	"casebot/bot/store"
	"casebot/reminders"
)

// What the chat commands call (see chat.go for them as handlers): files
// sent as WeCom file messages, link cards that open the page, and the undo
// of an import. Each checks the person's role itself and audits; each
// push goes through the sender, made once under the push id ctx carries
// (the inbox's reply sequence for a chat message, pushOnce for a page
// request).

// Sent says what a file push delivered.
type Sent struct {
	Name  string
	Bytes int
	// Cases and Rows count an exported ledger.
	Cases, Rows int
}

// ExportLedger sends the whole ledger, as an .xlsx in the import template,
// to p's chat as a file message (导出台账). Staff and admins only: the
// export holds every case and every party's full name.
func (a *App) ExportLedger(ctx context.Context, p *people.Person) (*Sent, error) {
	if !canLedger(p) {
		a.refusedPush(ctx, p, "export-ledger")
		return nil, bot.Errorf(bot.EForbidden, "导出台账由司法局应诉专班的工作人员和管理员办理。")
	}
	data, n, rows, err := a.ledger.export(ctx)
	if err != nil {
		return nil, err
	}
	if len(data) > bot.MaxFileBytes {
		return nil, bot.Errorf(bot.EInvalid, "台账导出后有 %s，超过企业微信文件消息 20 MB 的上限，无法通过聊天发送；请由管理员在服务器上运行 casebot export 导出。", bot.HumanBytes(int64(len(data))))
	}
	name := "台账-" + a.now().In(a.loc()).Format("20060102-1504") + ".xlsx"
	if _, err := a.sender.Send(ctx, bot.FileMessage(name, data, p.UserID)); err != nil {
		return nil, err
	}
	e := entryOf(p, audit.Query, "export-ledger")
	e.Text, e.Results = name, n
	e.Detail = fmt.Sprintf("导出台账 %d 件 %d 行（%d 字节），以文件消息发送", n, rows, len(data))
	a.record(ctx, e)
	return &Sent{Name: name, Bytes: len(data), Cases: n, Rows: rows}, nil
}

// ExportDraft sends a reviewed 以案说法 draft of case number (version v, 0
// for the newest reviewed one) as a Word document to p's chat (导出). The
// 普法 team and the bureau may; the case must be one p may see.
func (a *App) ExportDraft(ctx context.Context, p *people.Person, number string, v int) (*Sent, error) {
	if a.ex == nil {
		return nil, bot.Errorf(bot.EInvalid, "以案说法功能未启用。")
	}
	if !canExportDraft(p) {
		a.refusedPush(ctx, p, "export-draft")
		return nil, bot.Errorf(bot.EForbidden, "导出以案说法由普法人员和司法局应诉专班办理。")
	}
	c, err := a.st.Get(ctx, number)
	if errors.Is(err, store.ErrNotFound) || (err == nil && !a.scope.CanSee(p, c)) {
		return nil, bot.Errorf(bot.ENotFound, "台账中没有您可查看的案件 %s。", number)
	}
	if err != nil {
		return nil, err
	}
	data, d, err := a.ex.Export(ctx, number, v)
	if err != nil {
		return nil, err
	}
	name := "以案说法-" + fileTitle(d.Body, number) + ".docx"
	if _, err := a.sender.Send(ctx, bot.FileMessage(name, data, p.UserID)); err != nil {
		return nil, err
	}
	e := entryOf(p, audit.Query, "export-draft")
	e.Text, e.Results, e.Cases = name, 1, []string{number}
	e.Detail = fmt.Sprintf("导出以案说法第 %d 版（%d 字节），以文件消息发送", d.Version, len(data))
	a.record(ctx, e)
	return &Sent{Name: name, Bytes: len(data)}, nil
}

// fileTitle is a short, file-safe title: the draft's headline, else the
// case number.
func fileTitle(md, number string) string {
	t := explain.Title(md)
	if t == "" {
		t = number
	}
	t = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) || r < ' ' {
			return -1
		}
		return r
	}, t)
	if utf8.RuneCountInString(t) > 40 {
		t = string([]rune(t)[:40])
	}
	return t
}

// Link is a page the chat can open with a link card.
type Link string

const (
	LinkLedger   Link = "ledger"   // 写入台账
	LinkDecision Link = "decision" // 上传判决书
	LinkRectify  Link = "rectify"  // 上传整改报告
)

// SendLink sends p a card that opens a page of the app (写入台账 /
// 上传判决书 / 上传整改报告). The card opens the page on casebot's own address, which
// signs in through 网页授权 at once (silently, inside WeCom) with a state
// bound to the browser; a card opening WeCom's authorize URL directly
// could carry no state this server can check.
func (a *App) SendLink(ctx context.Context, p *people.Person, which Link) error {
	if !a.cfg.App.Enabled() {
		return bot.Errorf(bot.EInvalid, "本应用的网页尚未配置（需设置 app.base_url），暂时无法上传文件。请联系%s。", a.contact())
	}
	var card bot.TextCard
	switch which {
	case LinkLedger:
		if !canLedger(p) {
			return bot.Errorf(bot.EForbidden, "%s", ledgerRefusal)
		}
		card = bot.TextCard{Title: "写入台账",
			Description: `<div class="normal">上传 Excel（.xlsx）或 CSV 台账，先预览新建、更新、开庭改期和错误，确认后才写入。</div><div class="gray">链接在企业微信中打开，自动识别身份。</div>`,
			URL:         a.cfg.App.BaseURL + "/app/ledger", BtnTxt: "上传台账"}
	case LinkDecision:
		if !canDecide(p) || a.ex == nil {
			return bot.Errorf(bot.EForbidden, "上传判决书由应诉专班、普法人员和各单位承办人办理。")
		}
		card = bot.TextCard{Title: "上传判决书",
			Description: `<div class="normal">上传裁判文书或复议决定书（.docx、可复制文字的 PDF、.txt），按案号关联到案件，用于撰写以案说法。</div><div class="gray">链接在企业微信中打开，自动识别身份。</div>`,
			URL:         a.cfg.App.BaseURL + "/app/decision", BtnTxt: "上传文书"}
	case LinkRectify:
		if !canRectify(p) || a.rectify == nil {
			return bot.Errorf(bot.EForbidden, "%s", rectifyRefusal)
		}
		card = bot.TextCard{Title: "上传整改报告",
			Description: `<div class="normal">一案一整改：上传本单位败诉案件的败诉原因分析和整改措施报告（.docx、可复制文字的 PDF、.txt，盖章页扫描件可作附件），上传即报送司法局审核。</div><div class="gray">链接在企业微信中打开，自动识别身份。</div>`,
			URL:         a.cfg.App.BaseURL + reminders.RectifyPagePath, BtnTxt: "上传报告"}
	default:
		return fmt.Errorf("webapp: unknown link %q", which)
	}
	_, err := a.sender.Send(ctx, bot.Outbound{ToUsers: []string{p.UserID}, Type: bot.MsgTextCard, TextCard: &card})
	return err
}

// LastImport describes the newest import that can be undone, for the
// chat's question before 撤销导入 (ErrNothingToUndo when there is none).
func (a *App) LastImport(ctx context.Context, p *people.Person) (id, description string, err error) {
	if !canLedger(p) {
		return "", "", bot.Errorf(bot.EForbidden, "撤销导入由司法局应诉专班的工作人员和管理员办理。")
	}
	s, err := a.ledger.lastImport(ctx)
	if errors.Is(err, store.ErrNothingToUndo) {
		return "", "", ErrNothingToUndo
	}
	if err != nil {
		return "", "", err
	}
	v := a.describeSnapshot(s)
	return s.ID, fmt.Sprintf("%s 导入的《%s》（撤销将恢复 %d 件案件导入前的状态，删除该次新建的 %d 件）", v.At, v.File, v.Previous, v.Created), nil
}

// ErrNothingToUndo: no import is kept for undoing.
var ErrNothingToUndo = bot.Errorf(bot.ENotFound, "没有可以撤销的导入（可能已经撤销过，或已超过保留期限）。")

// UndoImport undoes the import id, which must still be the newest one,
// and returns what was undone, to tell p (the caller replies).
func (a *App) UndoImport(ctx context.Context, p *people.Person, id string) (string, error) {
	if !canLedger(p) {
		a.refusedPush(ctx, p, "undo-import")
		return "", bot.Errorf(bot.EForbidden, "撤销导入由司法局应诉专班的工作人员和管理员办理。")
	}
	snap, err := a.ledger.undo(ctx, id)
	switch {
	case errors.Is(err, store.ErrNothingToUndo):
		return "", ErrNothingToUndo
	case errors.Is(err, errNotNewest):
		return "", bot.Errorf(bot.EInvalid, "这次导入之后台账又有新的导入，或它已被撤销；为免误撤其他导入，未做撤销。请重新发送“撤销导入”查看最近一次导入。")
	case err != nil:
		return "", err
	}
	v := a.describeSnapshot(snap)
	done := fmt.Sprintf("已撤销 %s 导入的《%s》：恢复 %d 件案件导入前的状态，删除该次新建的 %d 件案件。", v.At, v.File, v.Previous, v.Created)
	e := entryOf(p, audit.Update, "undo-import")
	e.Text, e.Results = v.File, v.Previous+v.Created
	e.Detail = "撤销导入，快照 " + snap.ID
	for _, c := range snap.Previous {
		e.Cases = append(e.Cases, c.Number)
	}
	e.Cases = append(e.Cases, snap.Created...)
	a.record(ctx, e)
	return done, nil
}

func entryOf(p *people.Person, action, kind string) audit.Entry {
	return audit.Entry{User: p.UserID, Name: p.Name, Role: string(p.Role), Action: action, Kind: kind}
}

func (a *App) refusedPush(ctx context.Context, p *people.Person, kind string) {
	if p == nil {
		return
	}
	a.record(ctx, entryOf(p, audit.Refused, kind))
}
