package webapp

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/ledger"
	"casebot/bot/store"
)

// 写入台账: upload → preview (the dry run) → 确认导入 (the write) → the
// result in chat, with 撤销导入.

const ledgerRefusal = "写入台账由司法局应诉专班的工作人员和管理员办理。您如需更新本单位案件的信息，请联系应诉专班。"

func (a *App) ledgerForm(w http.ResponseWriter, r *http.Request, rq *request) {
	if !canLedger(rq.person) {
		a.forbidden(w, r, rq, "ledger", ledgerRefusal)
		return
	}
	a.render(w, r, rq, http.StatusOK, "ledger_form", "写入台账", map[string]string{"Limit": bot.HumanBytes(a.cfg.App.MaxLedgerBytes)})
}

// counts is what a preview promised, compared with a fresh dry run at
// confirmation.
type counts struct {
	Created, Updated, Unchanged, Skipped, Changes int
}

func countsOf(res *ledger.Result) counts {
	return counts{res.Created, res.Updated, res.Unchanged, res.Skipped, len(res.Changes)}
}

// preview is the preview page.
type preview struct {
	File                                 string
	Rows, Cases                          int
	Created, Updated, Unchanged, Skipped int
	Moved, Cancelled                     int
	Changes                              []changeLine
	Errors                               []errorLine
	Notices                              []string
	Open, Unmentioned                    int
	CanWrite                             bool
	Skip                                 *counts
	Token                                string
	Expires                              string
	Refreshed                            bool
}

type changeLine struct{ Label, Number, Text string }

type errorLine struct{ Where, Message string }

// shown is what the upload keeps of its preview: the counts of an import
// of the whole file and of its valid cases only.
type shown struct {
	All  counts  `json:"all"`
	Skip *counts `json:"skip,omitempty"`
}

// makePreview dry-runs a file: the whole file, and, when some cases have
// errors and others not, its valid cases alone.
func (a *App) makePreview(ctx context.Context, name string, data []byte) (*preview, *shown, error) {
	now := a.now()
	lg, res, err := a.ledger.dryRun(ctx, name, data, false, now)
	if err != nil {
		return nil, nil, err
	}
	p := a.previewOf(lg, res)
	sh := &shown{All: countsOf(res)}
	if len(res.Errors) > 0 && res.Skipped < len(lg.Entries) {
		_, skip, err := a.ledger.dryRun(ctx, name, data, true, now)
		if err != nil {
			return nil, nil, err
		}
		if c := countsOf(skip); c.Created+c.Updated > 0 {
			p.Skip, sh.Skip = &c, &c
		}
	}
	return p, sh, nil
}

func (a *App) previewOf(lg *ledger.Ledger, res *ledger.Result) *preview {
	p := &preview{File: lg.Name, Rows: res.Rows, Cases: len(lg.Entries), Created: res.Created, Updated: res.Updated,
		Unchanged: res.Unchanged, Skipped: res.Skipped, Notices: res.Notices, Open: res.Open, Unmentioned: res.Unmentioned}
	for _, e := range res.Errors {
		where := e.String()
		where = strings.TrimSuffix(where, "："+e.Message)
		p.Errors = append(p.Errors, errorLine{Where: where, Message: e.Message})
	}
	p.Changes, p.Moved, p.Cancelled = a.changeLines(res.Changes)
	p.CanWrite = len(res.Errors) == 0 && res.Created+res.Updated > 0
	return p
}

// changeLines describes the hearing changes of an import.
func (a *App) changeLines(chs []ledger.HearingChange) (lines []changeLine, moved, cancelled int) {
	for _, ch := range chs {
		from, to := cases.FormatTime(ch.From, a.loc()), cases.FormatTime(ch.To, a.loc())
		l := changeLine{Number: ch.Number}
		switch ch.Kind {
		case cases.HearingRescheduled:
			l.Label, l.Text = "开庭改期", from+" → "+to
			moved++
		case cases.HearingCancelled:
			l.Label, l.Text = "开庭取消", "原定 "+from
			cancelled++
		case cases.HearingAdded:
			l.Label, l.Text = "新增开庭", to
		case cases.HearingUpdated:
			l.Label, l.Text = "开庭信息更新", from+"（地点、出庭人等有变）"
		default:
			continue
		}
		lines = append(lines, l)
	}
	return lines, moved, cancelled
}

func (a *App) tooLarge(w http.ResponseWriter, r *http.Request, rq *request, name string, limit int64, kind string) {
	what := "文件"
	if name != "" {
		what = "文件“" + name + "”"
	}
	text := fmt.Sprintf("%s超过了 %s 的上限，没有做任何处理。", what, bot.HumanBytes(limit))
	if kind == "ledger" {
		text += "台账文件一般不到 5 MB：请删去其中的图片和多余的工作表，或分成几个文件上传。"
	}
	a.record(r.Context(), audit.Entry{User: rq.person.UserID, Name: rq.person.Name, Role: string(rq.person.Role),
		Action: audit.Refused, Kind: "app-" + kind + "-too-large", Text: name, Detail: text})
	w.Header().Set("Connection", "close") // the rest of the body is not read
	a.message(w, r, rq, http.StatusRequestEntityTooLarge, msg{Heading: "文件过大", Error: text, Links: []link{{URL: "/app/" + kind, Text: "重新选择文件"}}})
}

func (a *App) ledgerUpload(w http.ResponseWriter, r *http.Request, rq *request) {
	if !canLedger(rq.person) {
		a.forbidden(w, r, rq, "ledger", ledgerRefusal)
		return
	}
	limit := a.cfg.App.MaxLedgerBytes
	if r.ContentLength > limit+maxFormBytes {
		a.tooLarge(w, r, rq, "", limit, "ledger")
		return
	}
	f, err := rq.readFile(limit)
	switch {
	case errors.Is(err, errTooLarge):
		a.tooLarge(w, r, rq, f.Name, limit, "ledger")
		return
	case err != nil:
		a.message(w, r, rq, http.StatusBadRequest, msg{Heading: "上传未完成", Error: "文件没有完整上传（网络中断或页面已关闭），没有做任何处理。请重新上传。", Links: []link{{URL: "/app/ledger", Text: "重新上传"}}})
		return
	case f.Name == "" || len(f.Data) == 0:
		a.message(w, r, rq, http.StatusBadRequest, msg{Heading: "没有收到文件", Error: "请先选择要上传的台账文件（.xlsx 或 .csv），再点“上传并预览”。", Links: []link{{URL: "/app/ledger", Text: "返回"}}})
		return
	}
	f.Name = baseName(f.Name)
	ctx := r.Context()
	version, err := a.ledger.version(ctx)
	if err != nil {
		a.internal(w, r, rq, err)
		return
	}
	p, sh, err := a.makePreview(ctx, f.Name, f.Data)
	if err != nil {
		a.record(ctx, audit.Entry{User: rq.person.UserID, Name: rq.person.Name, Role: string(rq.person.Role),
			Action: audit.Query, Kind: "app-ledger-preview", Text: f.Name, Detail: "无法读取：" + bot.ErrorMessage(err)})
		a.userError(w, r, rq, "无法读取台账", err, []link{{URL: "/app/ledger", Text: "重新选择文件"}})
		return
	}
	up := &upload{Kind: kindLedger, User: rq.person.UserID, Name: f.Name, At: a.now(), Version: version, Data: f.Data}
	up.Shown = sh
	tok, err := a.uploads.put(ctx, up)
	if err != nil {
		a.internal(w, r, rq, err)
		return
	}
	p.Token, p.Expires = tok, a.now().Add(a.cfg.App.UploadTTL).In(a.loc()).Format("15:04")
	e := rq.entry(audit.Query, "app-ledger-preview")
	e.Text, e.Results = f.Name, p.Cases
	e.Detail = fmt.Sprintf("预览：%d 行 %d 件，将新建 %d、更新 %d、未变 %d，错误 %d 处；SHA-256 %s", p.Rows, p.Cases, p.Created, p.Updated, p.Unchanged, len(p.Errors), up.SHA256)
	a.record(ctx, e)
	a.render(w, r, rq, http.StatusOK, "ledger_preview", "台账预览", p)
}

// written is the outcome of a confirmation, kept with the upload so that
// a second confirmation shows it.
type written struct {
	File                                 string
	Written                              bool
	Snapshot                             string
	Created, Updated, Unchanged, Skipped int
	Moved, Cancelled                     int
	Chat                                 bool
	ChatAt                               string // put off by the rate limit: when it comes
}

func (a *App) ledgerConfirm(w http.ResponseWriter, r *http.Request, rq *request) {
	if !canLedger(rq.person) {
		a.forbidden(w, r, rq, "ledger", ledgerRefusal)
		return
	}
	ctx := r.Context()
	var previous written
	up, ok := a.confirming(w, r, rq, kindLedger, "ledger_done", "台账已写入", &previous)
	if !ok {
		return
	}
	skip := rq.form.Get("mode") == "skip"
	if skip && (up.Shown == nil || up.Shown.Skip == nil) {
		a.uploads.release(context.WithoutCancel(ctx), up)
		a.userError(w, r, rq, "无法导入", errStale, []link{{URL: "/app/ledger", Text: "重新上传"}})
		return
	}
	release := func() { a.uploads.release(context.WithoutCancel(ctx), up) }

	// Someone wrote the ledger since the preview: what this file would do
	// may have changed. Preview again, and ask again if it did.
	version, err := a.ledger.version(ctx)
	if err != nil {
		release()
		a.internal(w, r, rq, err)
		return
	}
	if version != up.Version {
		p, sh, err := a.makePreview(ctx, up.Name, up.Data)
		if err != nil {
			release()
			a.userError(w, r, rq, "无法读取台账", err, []link{{URL: "/app/ledger", Text: "重新上传"}})
			return
		}
		same := sh.All == up.Shown.All
		if skip {
			same = sh.Skip != nil && *sh.Skip == *up.Shown.Skip
		}
		up.Version = version
		if !same {
			up.Shown = sh
			if err := a.uploads.update(ctx, up); err != nil {
				release()
				a.internal(w, r, rq, err)
				return
			}
			release()
			p.Token, p.Refreshed = up.Token, true
			p.Expires = up.At.Add(a.cfg.App.UploadTTL).In(a.loc()).Format("15:04")
			a.render(w, r, rq, http.StatusOK, "ledger_preview", "台账预览", p)
			return
		}
	}

	lg, res, err := a.ledger.write(ctx, up.Name, up.Data, skip, "import:"+up.Name, a.now())
	if err != nil {
		release()
		var ie *ledger.InvalidError
		if errors.As(err, &ie) {
			a.message(w, r, rq, http.StatusBadRequest, msg{Heading: "无法导入", Error: fmt.Sprintf("文件中有 %d 处错误，未写入任何数据。请修正后重新上传。", ie.Count), Links: []link{{URL: "/app/ledger", Text: "重新上传"}}})
			return
		}
		a.internal(w, r, rq, err)
		return
	}
	out := written{File: up.Name, Written: res.Written, Snapshot: res.SnapshotID, Created: res.Created, Updated: res.Updated,
		Unchanged: res.Unchanged, Skipped: res.Skipped}
	_, out.Moved, out.Cancelled = a.changeLines(res.Changes)

	e := rq.entry(audit.Update, "app-ledger-import")
	e.Text, e.Results, e.Cases = up.Name, res.Created+res.Updated, lg.Numbers()
	e.Detail = fmt.Sprintf("确认导入：新建 %d、更新 %d、未变 %d、跳过 %d，开庭改期 %d、取消 %d；撤销快照 %s；SHA-256 %s",
		res.Created, res.Updated, res.Unchanged, res.Skipped, out.Moved, out.Cancelled, orDash(res.SnapshotID), up.SHA256)
	a.record(ctx, e)

	// The result in the uploader's chat, once (a retry of this request
	// finds the upload taken and shows the outcome recorded below).
	if err := a.sendText(ctx, "import:"+up.Token, bot.Text(importMessage(out), rq.person.UserID), &out.Chat, &out.ChatAt); err != nil {
		a.log.Error("app page: import result not sent in chat", "user", rq.person.UserID, "err", err)
	}
	if err := a.uploads.finish(context.WithoutCancel(ctx), up, out); err != nil {
		a.log.Warn("app page: import outcome not kept with its upload", "err", err)
	}
	a.render(w, r, rq, http.StatusOK, "ledger_done", "台账已写入", out)
}

func orDash(s string) string {
	if s == "" {
		return "无"
	}
	return s
}

// importMessage is the chat message of an import made on the page.
func importMessage(o written) string {
	if !o.Written {
		return fmt.Sprintf("您在应用页面上传的台账《%s》与现有台账一致，没有写入任何数据。", o.File)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "您在应用页面上传的台账《%s》已写入：新建 %d 件，更新 %d 件，无变化 %d 件", o.File, o.Created, o.Updated, o.Unchanged)
	if o.Skipped > 0 {
		fmt.Fprintf(&b, "，有错误未导入 %d 件", o.Skipped)
	}
	b.WriteString("。")
	if o.Moved+o.Cancelled > 0 {
		fmt.Fprintf(&b, "其中开庭改期 %d 处、取消 %d 处，相关提醒会按新时间发送。", o.Moved, o.Cancelled)
	}
	b.WriteString("\n如需撤销本次导入，请发送“撤销导入”。")
	return b.String()
}

// undoView is the confirmation page of an undo.
type undoView struct {
	Snapshot, File, At string
	Previous, Created  int
}

func (a *App) describeSnapshot(s *store.Snapshot) undoView {
	restored, removed := s.Counts()
	return undoView{Snapshot: s.ID, File: strings.TrimPrefix(s.Source, "import:"), At: s.At.In(a.loc()).Format("2006-01-02 15:04"),
		Previous: restored, Created: removed}
}

// ledgerUndo undoes an import made on the page: the first post asks, the
// second (confirm=1) undoes. Only the newest import can be undone, so an
// import made since is never undone in its place.
func (a *App) ledgerUndo(w http.ResponseWriter, r *http.Request, rq *request) {
	if !canLedger(rq.person) {
		a.forbidden(w, r, rq, "ledger", ledgerRefusal)
		return
	}
	ctx := r.Context()
	id := rq.form.Get("snapshot")
	last, err := a.ledger.lastImport(ctx)
	switch {
	case errors.Is(err, store.ErrNothingToUndo):
		a.message(w, r, rq, http.StatusNotFound, msg{Heading: "无法撤销", Error: "没有可以撤销的导入（可能已经撤销过，或已超过保留期限）。", Links: homeLink})
		return
	case err != nil:
		a.internal(w, r, rq, err)
		return
	case last.ID != id:
		v := a.describeSnapshot(last)
		a.message(w, r, rq, http.StatusConflict, msg{Heading: "无法撤销", Error: fmt.Sprintf(
			"本次导入之后，台账又有新的导入（%s 导入的《%s》），或本次导入已被撤销。为免误撤其他导入，这里不能撤销本次导入；如确需撤销，请在聊天中发送“撤销导入”，按提示从最近一次开始撤销。", v.At, v.File), Links: homeLink})
		return
	}
	if rq.form.Get("confirm") != "1" {
		a.render(w, r, rq, http.StatusOK, "ledger_undo", "撤销导入", a.describeSnapshot(last))
		return
	}
	done, err := a.UndoImport(ctx, rq.person, id)
	if err != nil {
		a.userError(w, r, rq, "无法撤销", err, homeLink)
		return
	}
	var told bool
	var at string
	if err := a.sendText(ctx, "undo:"+id, bot.Text(done, rq.person.UserID), &told, &at); err != nil {
		a.log.Error("app page: undo not told in chat", "user", rq.person.UserID, "err", err)
	}
	a.message(w, r, rq, http.StatusOK, msg{Heading: "已撤销导入", Success: done, Links: homeLink})
}

// baseName is the file's name without any directory a browser sent.
func baseName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	if name = strings.TrimSpace(name); name == "" {
		return "（未命名文件）"
	}
	return name
}
