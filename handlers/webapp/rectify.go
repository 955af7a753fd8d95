package webapp

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/bot/store"
	"casebot/reminders"
)

// 上传整改报告 (一案一整改): a head or 承办人 of an agency that lost a case
// sees the cases whose report their agency owes (asked, or returned) and
// uploads the report, with scans as attachments. The page only reads the
// form: who may file which case, what a file must be, the filing itself
// and telling the reviewers are the reminders service's (FileReport), the
// same path a report replied in chat takes.

// Rectifier files 整改 reports (*reminders.Service).
type Rectifier interface {
	// OpenRectifications are the cases whose report p may file now.
	OpenRectifications(ctx context.Context, p *people.Person, now time.Time) ([]store.DueDeadline, error)
	// FileReport files a case's report from uploaded files; a refusal is
	// a *bot.Error and changes nothing.
	FileReport(ctx context.Context, p *people.Person, number string, files []reminders.ReportFile, now time.Time) (*reminders.Filing, error)
	// MaxFileBytes is the limit of one file (rectify.max_file_bytes).
	MaxFileBytes() int64
}

const rectifyRefusal = "上传整改报告由被告单位的负责人和承办人办理；司法局工作人员在聊天中收到报告后审核（通过或退回）。"

// canRectify: the agency's people file their own agency's reports.
func canRectify(p *people.Person) bool {
	return p != nil && (p.Role == people.Head || p.Role == people.Handler)
}

func (a *App) maxRectify() int64 {
	if a.rectify == nil {
		return 0
	}
	return a.rectify.MaxFileBytes()
}

// maxRectifyBody is the largest body of a report upload.
func (a *App) maxRectifyBody() int64 { return reminders.MaxUploadFiles * a.maxRectify() }

func (a *App) rectifyOff(w http.ResponseWriter, r *http.Request, rq *request) bool {
	return a.unavailable(w, r, rq, a.rectify != nil, "整改报告上传暂未启用，请在聊天中点整改通知卡片上的按钮填报。",
		canRectify(rq.person), "rectify", rectifyRefusal)
}

// rectifyCase is one case whose report is owed, with its form.
type rectifyCase struct {
	Number, Label, Status, Due, Left string
	Overdue, Returned                bool
	Note                             string
	Files                            []string
}

type rectifyView struct {
	Cases   []rectifyCase
	Limit   string
	Max     int
	Agency  string
	Pending bool // the index is being built: no list can be claimed
}

func (a *App) rectifyForm(w http.ResponseWriter, r *http.Request, rq *request) {
	if a.rectifyOff(w, r, rq) {
		return
	}
	ctx := r.Context()
	v := rectifyView{Limit: bot.HumanBytes(a.maxRectify()), Max: reminders.MaxUploadFiles, Agency: rq.person.Agency}
	ready, err := a.st.DeadlineIndexReady(ctx)
	if err != nil {
		a.internal(w, r, rq, err)
		return
	}
	if !ready {
		// "没有待报送" would be a claim the index cannot stand behind yet.
		v.Pending = true
		a.render(w, r, rq, http.StatusOK, "rectify", "上传整改报告", v)
		return
	}
	dds, err := a.rectify.OpenRectifications(ctx, rq.person, a.now())
	if err != nil {
		a.internal(w, r, rq, err)
		return
	}
	today := a.now().In(a.loc())
	for _, dd := range dds {
		v.Cases = append(v.Cases, a.rectifyCase(rq.person, dd, today))
	}
	a.render(w, r, rq, http.StatusOK, "rectify", "上传整改报告", v)
}

func (a *App) rectifyCase(p *people.Person, dd store.DueDeadline, today time.Time) rectifyCase {
	c, rc := dd.Case, dd.Case.Rectify
	due := dd.Deadline.Due
	rv := rectifyCase{Number: c.Number, Label: a.caseLabel(p, c), Status: rc.Status.Label(),
		Due: fmt.Sprintf("%d年%d月%d日", due.Year, due.Month, due.Day)}
	left := int(time.Date(due.Year, time.Month(due.Month), due.Day, 0, 0, 0, 0, a.loc()).Sub(
		time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, a.loc())).Hours() / 24)
	switch {
	case left > 0:
		rv.Left = fmt.Sprintf("还剩 %d 天", left)
	case left == 0:
		rv.Left = "今天到期"
	default:
		rv.Left, rv.Overdue = fmt.Sprintf("已逾期 %d 天", -left), true
	}
	if rc.Status == cases.RectifyReturned {
		rv.Returned, rv.Note = true, rc.ReviewNote
	}
	for _, f := range rc.Current() {
		role := "报告"
		if f.Role == cases.FileAttachment {
			role = "附件"
		}
		rv.Files = append(rv.Files, fmt.Sprintf("%s（%s，%s）", f.Name, role, bot.HumanBytes(int64(f.Size))))
	}
	if rc.Analysis != "" && len(rc.Files) == 0 {
		rv.Files = append(rv.Files, "已在聊天中填报败诉原因分析")
	}
	if rc.Measures != "" && len(rc.Files) == 0 {
		rv.Files = append(rv.Files, "已在聊天中填报整改措施")
	}
	return rv
}

// rectifyDone is the page after an upload.
type rectifyDone struct {
	Number                string
	Added, Same, Replaced []string
	Sections, Filed, Chat bool
	ChatAt                string // put off by the rate limit: when it comes
	Returned              bool
	Due                   string
}

func (a *App) rectifyUpload(w http.ResponseWriter, r *http.Request, rq *request) {
	if a.rectifyOff(w, r, rq) {
		return
	}
	back := []link{{URL: reminders.RectifyPagePath, Text: "返回重新上传"}}
	limit := a.maxRectify()
	if r.ContentLength > a.maxRectifyBody()+maxFormBytes {
		a.message(w, r, rq, http.StatusRequestEntityTooLarge, msg{Heading: "文件过大", Links: back,
			Error: fmt.Sprintf("本次上传的文件合计 %s，超过了一次最多 %d 个文件、每个 %s 的上限，没有做任何处理。", bot.HumanBytes(r.ContentLength), reminders.MaxUploadFiles, bot.HumanBytes(limit))})
		return
	}
	f, err := rq.readFile(limit)
	switch {
	case errors.Is(err, errTooLarge):
		a.tooLarge(w, r, rq, f.Name, limit, "rectify")
		return
	case err != nil:
		a.message(w, r, rq, http.StatusBadRequest, msg{Heading: "上传未完成", Error: "文件没有完整上传（网络中断或页面已关闭），没有做任何处理。请重新上传。", Links: back})
		return
	}
	number := strings.TrimSpace(f.Fields.Get("number"))
	var files []reminders.ReportFile
	for _, ff := range f.Files {
		role := cases.FileAttachment
		if ff.Field == "report" {
			role = cases.FileReport
		}
		files = append(files, reminders.ReportFile{Name: baseName(ff.Name), Data: ff.Data, Role: role})
	}
	ctx := r.Context()
	if number == "" {
		a.message(w, r, rq, http.StatusBadRequest, msg{Heading: "无法报送", Error: "没有选择案件，请从列表中的案件下方上传。", Links: back})
		return
	}
	res, err := a.rectify.FileReport(ctx, rq.person, number, files, a.now())
	if err != nil {
		var ue *bot.Error
		if errors.As(err, &ue) {
			e := rq.entry(audit.Refused, "app-rectify")
			e.Text, e.Cases, e.Detail = number, []string{number}, ue.Message
			a.record(ctx, e)
		}
		a.userError(w, r, rq, "未能报送", err, back)
		return
	}
	out := rectifyDone{Number: res.Number, Sections: res.Sections, Filed: res.Filed, Returned: res.Returned}
	for _, x := range res.Added {
		out.Added = append(out.Added, x.Name)
	}
	for _, x := range res.Same {
		out.Same = append(out.Same, x.Name)
	}
	for _, x := range res.Replaced {
		out.Replaced = append(out.Replaced, x.Name)
	}
	if !res.Due.IsZero() {
		out.Due = fmt.Sprintf("%d月%d日", res.Due.Month, res.Due.Day)
	}
	if res.Filed {
		text := fmt.Sprintf("您在应用页面上传的案件 %s 整改报告（%s）已报送，司法局将审核，审核结果会在聊天中通知您。", res.Number, strings.Join(out.Added, "、"))
		// Once per filing, however often the page is reloaded.
		if err := a.sendText(ctx, "rectify:"+res.Number+":"+a.now().Format("20060102150405.000"), bot.Text(text, rq.person.UserID), &out.Chat, &out.ChatAt); err != nil {
			a.log.Error("app page: 整改 filing not confirmed in chat", "user", rq.person.UserID, "err", err)
		}
	}
	a.render(w, r, rq, http.StatusOK, "rectify_done", "整改报告已报送", out)
}
