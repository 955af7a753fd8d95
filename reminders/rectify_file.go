package reminders

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/decision"
	"casebot/bot/people"
	"casebot/bot/store"
	"casebot/bot/workcal"
	"casebot/config"
)

// 整改报告 by file: a head or 承办人 of the agency uploads the report on the
// app page (files cannot come in through WeCom's callback). The report
// (a document with text) is read with bot/decision's extractor; scans and
// photos ride along as attachments. The files are kept beside the case
// (store.PutRectifyFile) and listed in its record, and the request becomes
// filed through fileRectify, the path a chat reply takes too; the
// reviewers then get the review card and each file as a WeCom file
// message, planned by the sweep like every other push (RectifyFile).

// RectifyFile sends a reviewer one file of a filed 整改 report, after its
// review card. Part of send-log ids: never changes.
const RectifyFile Kind = "rectify_file"

// Limits of an upload, beside rectify.max_file_bytes (one file).
const (
	// MaxUploadFiles bounds the files of one upload: the report and a few
	// scans (a signed cover, the 整改 notice).
	MaxUploadFiles = 6
	// maxReportFiles bounds the current files of a report.
	maxReportFiles = 10
	// minReportRunes: a report with less text (a cover page, a stray line)
	// is no 败诉原因分析 and 整改措施.
	minReportRunes = 50
)

// reportSubject is how the extractor names a 整改报告 in its errors.
var reportSubject = decision.Subject{
	Noun:     "整改报告",
	SizeHint: "整改报告的文字版通常不到 1 MB；扫描件或照片过大时，请压缩后作为附件上传，或提供 Word（.docx）、可复制文字的 PDF 版本。",
	ScanHint: "整改报告本身需要能读出文字，请上传 Word（.docx）、可复制文字的 PDF 或 txt 版本；盖章页的扫描件可作为附件一并上传。",
	MinRunes: minReportRunes,
}

// ReportFile is a file uploaded for a 整改 report: the report itself
// (Role cases.FileReport, text required) or an attachment.
type ReportFile struct {
	Name string
	Data []byte
	Role cases.FileRole
}

// Filing says what an upload did, for the page.
type Filing struct {
	Number string
	// Added are the files kept by this upload; Same those identical to a
	// file of the report already (not kept twice); Replaced the report
	// files this one superseded (after a 退回).
	Added, Same, Replaced []cases.RectifyFile
	// Sections: the report's text has a 败诉原因分析 and a 整改措施 part,
	// read into the record; else the reviewers read the whole text.
	Sections bool
	// Filed: the request is now filed (the reviewers are told).
	Filed    bool
	Returned bool // it was filed again after a 退回
	Due      workcal.Day
}

// RectifyPagePath is where the app page takes 整改 reports.
const RectifyPagePath = "/app/rectify"

// RectifyPage is the address of the page that takes 整改 reports, or ""
// while the app page is not configured (app.base_url).
func RectifyPage(cfg *config.Config) string {
	if !cfg.App.Enabled() {
		return ""
	}
	return strings.TrimRight(cfg.App.BaseURL, "/") + RectifyPagePath
}

// UploadHint is the sentence that tells an agency its report can also be
// uploaded as a file, with the page's link when it is configured.
func (s *Service) UploadHint() string {
	if s.rectifyPage == "" {
		return "整改报告也可以在本应用的网页上以文件（Word、可复制文字的 PDF 或 txt，盖章页扫描件可作附件）上传，网页开通后即可使用。"
	}
	return "整改报告也可以以文件上传（Word、可复制文字的 PDF 或 txt，盖章页扫描件可作附件）：" + s.rectifyPage
}

// MaxFileBytes is the size limit of one file (rectify.max_file_bytes).
func (s *Service) MaxFileBytes() int64 { return s.dl.rectify.MaxFileBytes }

// CanFileRectify reports whether p may file c's 整改 report: a head or
// 承办人 of a defendant agency. Someone of another agency the case names
// (scope.Named) sees it, but the report is the defendant agency's to file.
func (s *Service) CanFileRectify(p *people.Person, c *cases.Case) bool {
	return p != nil && (p.Role == people.Head || p.Role == people.Handler) && s.scope.OwnAgency(p, c)
}

// OpenRectifications returns the cases whose 整改 report p may file now
// (asked, or returned), the earliest last day first, with each one's
// deadline.
func (s *Service) OpenRectifications(ctx context.Context, p *people.Person, now time.Time) ([]store.DueDeadline, error) {
	if p == nil || p.Role != people.Head && p.Role != people.Handler {
		return nil, nil
	}
	today := DateOf(now, s.loc)
	dds, err := s.st.DeadlinesBetween(ctx, workcal.Day{}, today.AddDays(800), deadline.Rectify)
	if err != nil {
		return nil, err
	}
	var out []store.DueDeadline
	for _, dd := range dds {
		if dd.Case.Rectify.Open() && s.CanFileRectify(p, dd.Case) {
			out = append(out, dd)
		}
	}
	return out, nil
}

// readFile classifies one uploaded file and reads its text: a report must
// have text; an attachment may be a scan or a photo.
func (s *Service) readFile(f ReportFile, by string, now time.Time) (cases.RectifyFile, string, error) {
	name := f.Name // the caller gives the file's own name, without a path
	sum := sha256.Sum256(f.Data)
	rf := cases.RectifyFile{Name: name, Size: len(f.Data), SHA256: hex.EncodeToString(sum[:]), Role: f.Role, By: by, At: now}
	limit := s.MaxFileBytes()
	switch {
	case len(f.Data) < bot.MinMediaBytes:
		return rf, "", bot.Errorf(bot.EInvalid, "文件“%s”是空的（%d 字节），请确认选择的是整改报告或附件本身。", name, len(f.Data))
	case int64(len(f.Data)) > limit:
		return rf, "", bot.Errorf(bot.EInvalid, "文件“%s”有 %s，超过了单个文件 %s 的上限。%s", name, bot.HumanBytes(int64(len(f.Data))), bot.HumanBytes(limit), reportSubject.SizeHint)
	}
	switch kind := decision.ContentKind(f.Data); kind {
	case "jpeg", "png":
		rf.Format = kind
		if f.Role == cases.FileReport {
			return rf, "", bot.Errorf(decision.CodeNoText, "文件“%s”是图片（%s），系统读不出其中的文字。整改报告本身请上传 Word（.docx）、可复制文字的 PDF 或 txt 文件；拍照件、扫描件可放在“附件”一栏上传。", name, strings.ToUpper(kind))
		}
		return rf, "", nil
	case "pdf", "zip", "text":
		x, err := decision.ExtractAs(reportSubject, name, f.Data, limit)
		var ue *bot.Error
		if errors.As(err, &ue) && ue.Code == decision.CodeNoText && f.Role == cases.FileAttachment {
			rf.Format = string(decision.FormatPDF)
			return rf, "", nil // a scanned PDF, attached as such
		}
		if err != nil && f.Role == cases.FileAttachment && kind != "pdf" {
			// A short text attachment (a one-line 说明) is still an
			// attachment; a file that cannot be read at all is not.
			if x, err2 := decision.ExtractAs(decision.Subject{Noun: "附件", MinRunes: 1}, name, f.Data, limit); err2 == nil {
				rf.Format, rf.Runes = string(x.Format), utf8.RuneCountInString(x.Text)
				return rf, x.Text, nil
			}
		}
		if err != nil {
			return rf, "", err
		}
		rf.Format, rf.Pages, rf.Runes = string(x.Format), x.Pages, utf8.RuneCountInString(x.Text)
		return rf, x.Text, nil
	default:
		_, err := decision.ExtractAs(reportSubject, name, f.Data, limit)
		if err == nil {
			err = bot.Errorf(bot.EInvalid, "文件“%s”的格式不能作为整改报告或附件上传。", name)
		}
		var ue *bot.Error
		if errors.As(err, &ue) {
			return rf, "", bot.Errorf(ue.Code, "%s 附件另可上传 JPG、PNG 格式的扫描件或照片。", ue.Message)
		}
		return rf, "", err
	}
}

// FileReport files case number's 整改 report from files uploaded by p on
// the app page. Nothing is changed when it refuses: a person who may not
// file this case's report, a case without an open request, a report file
// without text, a file too large, empty or of the wrong type, or nothing
// new. Every refusal is a *bot.Error naming the problem.
//
// An upload after a 退回 replaces the report (the earlier report's record
// stays, marked replaced; its bytes are dropped) and adds its attachments
// to those already there; a file identical to one of the report is not
// kept twice.
func (s *Service) FileReport(ctx context.Context, p *people.Person, number string, files []ReportFile, now time.Time) (*Filing, error) {
	c, err := s.st.Get(ctx, number)
	if errors.Is(err, store.ErrNotFound) {
		return nil, bot.Errorf(bot.ENotFound, "台账中没有案件 %s，请核对案号。", number)
	}
	if err != nil {
		return nil, err
	}
	if p == nil || p.Role != people.Head && p.Role != people.Handler {
		return nil, bot.Errorf(bot.EForbidden, "整改报告由被告单位的负责人或承办人报送；司法局工作人员负责审核（通过或退回）。")
	}
	if !s.CanFileRectify(p, c) {
		return nil, bot.Errorf(bot.EForbidden, "案件 %s 的被告不是贵单位（%s），不能为其报送整改报告。如有误，请联系司法局应诉专班。", number, p.Agency)
	}
	if err := rectifyOpen(c); err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, bot.Errorf(bot.EInvalid, "没有收到文件：请在“整改报告”一栏选择报告文件（Word、可复制文字的 PDF 或 txt），扫描件、照片可放在“附件”一栏。")
	}
	if len(files) > MaxUploadFiles {
		return nil, bot.Errorf(bot.EInvalid, "一次最多上传 %d 个文件（本次 %d 个）。请把附件合并后再上传。", MaxUploadFiles, len(files))
	}
	out := &Filing{Number: number}
	var report *cases.RectifyFile
	var reportText string
	texts := map[string]string{}
	var added []cases.RectifyFile
	current := c.Rectify.Current()
	for _, f := range files {
		rf, text, err := s.readFile(f, p.UserID, now)
		if err != nil {
			return nil, err
		}
		if rf.Role == cases.FileReport {
			if report != nil {
				return nil, bot.Errorf(bot.EInvalid, "一次只能上传一份整改报告（收到“%s”和“%s”）。其他材料请放在“附件”一栏。", report.Name, rf.Name)
			}
			r := rf
			report, reportText = &r, text
		}
		if i := slices.IndexFunc(current, func(x cases.RectifyFile) bool { return x.SHA256 == rf.SHA256 }); i >= 0 {
			out.Same = append(out.Same, current[i])
			if rf.Role == cases.FileReport {
				report = nil // the report as filed before: nothing replaces it
			}
			continue
		}
		if slices.ContainsFunc(added, func(x cases.RectifyFile) bool { return x.SHA256 == rf.SHA256 }) {
			continue // the same file chosen twice
		}
		added = append(added, rf)
		texts[rf.SHA256] = text
	}
	if len(added) == 0 {
		return nil, bot.Errorf(bot.EInvalid, "上传的文件与本案已报送的文件相同（%s），没有新的内容，未作改动。如需修改报告，请修改后重新上传。", fileNames(out.Same))
	}
	if report == nil && !c.Rectify.HasText() {
		return nil, bot.Errorf(bot.EInvalid, "还没有整改报告正文：请在“整改报告”一栏上传报告（Word、可复制文字的 PDF 或 txt），或先在聊天中点卡片按钮填报败诉原因分析和整改措施。扫描件、照片只能作为附件。")
	}
	kept := len(current) + len(added)
	if report != nil {
		kept -= countRole(current, cases.FileReport)
	}
	if kept > maxReportFiles {
		return nil, bot.Errorf(bot.EInvalid, "本案整改报告的文件已达上限（最多 %d 个），请合并附件后再上传。", maxReportFiles)
	}
	var analysis, measures string
	if report != nil {
		analysis, measures, out.Sections = splitReport(reportText)
	}

	// The files first, then the record: a record never names a file that
	// is not kept. A filing that does not go through drops them again.
	for _, f := range added {
		if err := s.st.PutRectifyFile(ctx, number, f.SHA256, filesData(files, f.SHA256), texts[f.SHA256]); err != nil {
			return nil, err
		}
	}
	drop := func() {
		var hs []string
		for _, f := range added {
			hs = append(hs, f.SHA256)
		}
		if err := s.st.DropRectifyFiles(context.WithoutCancel(ctx), number, hs...); err != nil {
			s.Log.Warn("整改 files of a filing that did not go through not dropped", "case", number, "err", err)
		}
	}
	summary := "上传整改报告文件：" + fileNames(added)
	var replaced []string
	res, err := s.fileRectify(ctx, number, p.UserID, now, "rectify_file", summary, func(rc *cases.Rectification) error {
		replaced = nil
		out.Replaced = nil
		if report != nil {
			for i := range rc.Files {
				if f := &rc.Files[i]; f.Role == cases.FileReport && !f.Superseded {
					f.Superseded = true
					out.Replaced = append(out.Replaced, *f)
					replaced = append(replaced, f.SHA256)
				}
			}
			rc.Report = truncate(reportText, cases.MaxReportRunes)
			// The file is the report as it stands: parts replied in chat
			// before it give way to what it says.
			rc.Analysis, rc.Measures = truncate(analysis, maxReportRunes), truncate(measures, maxReportRunes)
		}
		rc.Files = append(rc.Files, added...)
		return nil
	})
	if err != nil {
		drop()
		return nil, err
	}
	if err := s.st.DropRectifyFiles(context.WithoutCancel(ctx), number, replaced...); err != nil {
		s.Log.Warn("replaced 整改 report files not dropped", "case", number, "err", err)
	}
	out.Added, out.Filed, out.Returned = added, res.filed, res.returned
	if d, ok := s.st.Deadlines.Find(res.c, deadline.RectifyReview); ok && out.Filed {
		out.Due = d.Due
	}
	return out, nil
}

// rectifyOpen refuses a case whose 整改 report cannot be filed now.
func rectifyOpen(c *cases.Case) error {
	rc := c.Rectify
	switch {
	case rc == nil:
		return bot.Errorf(bot.EInvalid, "案件 %s 没有待报送的整改报告：只有败诉或被复议纠错的案件，结案后才会收到“一案一整改”通知。", c.Number)
	case rc.Status == cases.RectifyFiled:
		return bot.Errorf(bot.EInvalid, "案件 %s 的整改报告已于 %s 报送，正在等待司法局审核，暂不能修改。如需补充，请联系司法局应诉专班退回后重新报送。", c.Number, rc.FiledOn.Format("1月2日15:04"))
	case rc.Status == cases.RectifyApproved:
		return bot.Errorf(bot.EInvalid, "案件 %s 的整改报告已审核通过，无需再报送。", c.Number)
	}
	return nil
}

func filesData(files []ReportFile, sha string) []byte {
	for _, f := range files {
		sum := sha256.Sum256(f.Data)
		if hex.EncodeToString(sum[:]) == sha {
			return f.Data
		}
	}
	return nil
}

func countRole(fs []cases.RectifyFile, r cases.FileRole) int {
	n := 0
	for _, f := range fs {
		if f.Role == r {
			n++
		}
	}
	return n
}

func fileNames(fs []cases.RectifyFile) string {
	var ns []string
	for _, f := range fs {
		ns = append(ns, "“"+f.Name+"”")
	}
	return strings.Join(ns, "、")
}

// filed is what fileRectify did.
type filed struct {
	c               *cases.Case
	filed, returned bool
}

// fileRectify is the one path a 整改 report takes in, by chat reply or by
// file: change edits the open request; once the report has text (both
// parts replied, or a report file read) it becomes filed, by user, now.
// It audits the change (kind, summary) and, once filed, sends the review
// cards (and files) at once. A request no longer open is a *bot.Error.
func (s *Service) fileRectify(ctx context.Context, number, user string, now time.Time, kind, summary string, change func(rc *cases.Rectification) error) (filed, error) {
	var res filed
	c, err := s.st.Update(ctx, number, func(c *cases.Case) error {
		res = filed{}
		rc := c.Rectify
		if !rc.Open() {
			return errSkip
		}
		res.returned = rc.Status == cases.RectifyReturned
		if err := change(rc); err != nil {
			return err
		}
		if rc.HasText() {
			rc.Status, rc.FiledOn, rc.FiledBy, res.filed = cases.RectifyFiled, now, user, true
		}
		return nil
	})
	if errors.Is(err, errSkip) {
		return res, bot.Errorf(bot.EInvalid, "该整改报告已报送、已审核或已变更，请以台账为准。")
	}
	if errors.Is(err, store.ErrNotFound) {
		return res, bot.Errorf(bot.ENotFound, "台账中已没有案件 %s。", number)
	}
	if err != nil {
		return res, err
	}
	res.c = c
	if err := s.record(ctx, user, now, kind, number, summary); err != nil {
		return res, err
	}
	if res.filed {
		if _, err := s.SweepCase(ctx, number, now); err != nil {
			// Recorded: the next sweep sends what this could not.
			s.Log.Warn("整改 review notice not sent at once; the next sweep retries", "case", number, "err", err)
		}
	}
	return res, nil
}

// reviewFiles are the file pushes that follow review item rv: one per
// current file of the report, to the same reviewer.
func reviewFiles(rv Item) []Item {
	rc := rv.CaseData.Rectify
	var out []Item
	for _, f := range rc.Current() {
		it := rv
		it.Kind = RectifyFile
		file := f
		it.File = &file
		it.ID = rv.ID + ":file:" + f.SHA256[:16]
		out = append(out, it)
	}
	return out
}

// renderFile is the renderFunc of RectifyFile: the file as a WeCom file
// message, named for its case; a file no longer kept (replaced since)
// becomes a line saying so, so that the push is settled all the same.
func (s *Service) renderFile(ctx context.Context, items []Item, _ time.Time) (bot.Outbound, error) {
	it := items[0]
	data, err := s.st.RectifyFile(ctx, it.Case, it.File.SHA256)
	if errors.Is(err, store.ErrNoFile) {
		return bot.Text(fmt.Sprintf("案件 %s 整改报告的文件“%s”已被重新报送的版本替换，请以最新的审核通知为准。", it.Case, it.File.Name), it.Recipient), nil
	}
	if err != nil {
		return bot.Outbound{}, err
	}
	return bot.FileMessage(reviewFileName(it.Case, it.File), data, it.Recipient), nil
}

// reviewFileName names a file for the reviewer's chat: the case first, so
// that files of several agencies stay apart in their file list.
func reviewFileName(number string, f *cases.RectifyFile) string {
	prefix := "整改报告"
	if f.Role == cases.FileAttachment {
		prefix = "整改附件"
	}
	name := f.Name
	if strings.Contains(name, number) {
		return name
	}
	return prefix + "-" + number + "-" + name
}

// Sections of a report: the heading lines that open its 败诉原因分析 and its
// 整改措施, numbered (一、（一）1. 第一部分) or not, as bureaus write them.
var (
	headingNumber   = regexp.MustCompile(`^\s*(?:[（(]?[一二三四五六七八九十]+[）)、．.]|[（(]?\d{1,2}[）)、．.]|第[一二三四五六七八九十]+(?:部分|章|节)?[、，:：\s]?)?\s*`)
	analysisHeading = regexp.MustCompile(`败诉原因|原因分析|存在的问题|问题分析|案件反映的问题|败诉的原因|纠错原因|被纠错原因`)
	measuresHeading = regexp.MustCompile(`整改措施|整改举措|改进措施|整改方向|下一步(?:工作|打算|措施)?|工作措施|整改落实`)
)

// splitReport finds the two parts of a 整改报告 in its text. A heading is
// a short line naming the part, or a line opening with the part's name and
// a colon (“二、败诉原因：……”). ok is false when either is missing or
// empty: the reviewers then read the report whole.
func splitReport(text string) (analysis, measures string, ok bool) {
	lines := strings.Split(text, "\n")
	a, m := -1, -1
	var aHead, mHead string
	for i, l := range lines {
		head, rest := headingOf(l)
		switch {
		case head == "":
		case a < 0 && analysisHeading.MatchString(head) && !measuresHeading.MatchString(head):
			a, aHead = i, rest
		case m < 0 && a >= 0 && measuresHeading.MatchString(head):
			m, mHead = i, rest
		}
	}
	if a < 0 || m < 0 {
		return "", "", false
	}
	analysis = strings.TrimSpace(aHead + "\n" + strings.Join(lines[a+1:m], "\n"))
	measures = strings.TrimSpace(mHead + "\n" + strings.Join(withoutSignature(lines[m+1:]), "\n"))
	if analysis == "" || measures == "" {
		return "", "", false
	}
	return analysis, measures, true
}

// signatureLine is the closing of a report: the agency's name, the date.
var signatureLine = regexp.MustCompile(`^\s*(?:\S{2,30}(?:局|委员会|委|办公室|办|政府|中心|所|队|站)|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[二〇○零一二三四五六七八九十]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)\s*$`)

// withoutSignature drops the closing lines (and blank ones) after the
// last part, which belong to no part.
func withoutSignature(lines []string) []string {
	for len(lines) > 0 {
		l := lines[len(lines)-1]
		if strings.TrimSpace(l) != "" && !signatureLine.MatchString(l) {
			break
		}
		lines = lines[:len(lines)-1]
	}
	return lines
}

// headingOf returns the heading of a line that reads as one, and what
// follows its colon on the same line; "" for a line of prose.
func headingOf(line string) (head, rest string) {
	l := strings.TrimSpace(line)
	if l == "" {
		return "", ""
	}
	if i := strings.IndexAny(l, "：:"); i > 0 && utf8.RuneCountInString(l[:i]) <= 24 {
		return strings.TrimSpace(headingNumber.ReplaceAllString(l[:i], "")), strings.TrimSpace(strings.TrimLeft(l[i:], "：:"))
	}
	numbered := headingNumber.FindString(l) != ""
	body := strings.TrimRight(headingNumber.ReplaceAllString(l, ""), "。.")
	if n := utf8.RuneCountInString(body); n <= 24 && (numbered || n <= 16) && !strings.ContainsAny(body, "，,；;") {
		return body, ""
	}
	return "", ""
}

// FileText files the parts of a 整改 report typed in chat outside a card's
// question (原因就是…… 整改是……), once their author confirmed the echo: the
// same record and filing as the card's 填报原因分析 and 填报整改措施 (a part
// left empty keeps what is recorded). p must be a head or 承办人 of a
// defendant agency and the request open. The reply says what was filed
// and what is still missing.
func (s *Service) FileText(ctx context.Context, p *people.Person, number, analysis, measures string, now time.Time) (string, error) {
	c, err := s.st.Get(ctx, number)
	if errors.Is(err, store.ErrNotFound) {
		return "台账中没有案件 " + number + "，这次没有作任何修改。", nil
	}
	if err != nil {
		return "", err
	}
	if !s.CanFileRectify(p, c) {
		return "整改报告由被告（被申请人）单位的负责人或承办人报送，这次没有作任何修改。", nil
	}
	if !c.Rectify.Open() {
		return "该案的整改报告目前不在待报送状态（尚未发出整改要求，或已报送、已审核），这次没有作任何修改，请以台账为准。", nil
	}
	analysis, measures = truncate(strings.TrimSpace(analysis), maxReportRunes), truncate(strings.TrimSpace(measures), maxReportRunes)
	var parts []string
	if analysis != "" {
		parts = append(parts, "败诉原因分析："+truncate(analysis, 100))
	}
	if measures != "" {
		parts = append(parts, "整改措施："+truncate(measures, 100))
	}
	if len(parts) == 0 {
		return "内容为空，没有作任何修改。", nil
	}
	res, err := s.fileRectify(ctx, number, p.UserID, now, "rectify_report", strings.Join(parts, "；"), func(rc *cases.Rectification) error {
		if analysis != "" {
			rc.Analysis = analysis
		}
		if measures != "" {
			rc.Measures = measures
		}
		return nil
	})
	var ue *bot.Error
	if errors.As(err, &ue) {
		return ue.Message, nil
	}
	if err != nil {
		return "", err
	}
	rc := res.c.Rectify
	switch {
	case res.filed && rc.Analysis != "" && rc.Measures != "":
		return "已填报，" + number + " 的整改报告（败诉原因分析和整改措施）已报送，等待司法局审核。", nil
	case res.filed:
		return "已填报，与已上传的整改报告文件一并报送，等待司法局审核。", nil
	case rc.Analysis == "":
		return "已收到整改措施。还需要败诉原因分析：直接发“原因是……”，或点整改通知卡片上的“填报原因分析”。", nil
	default:
		return "已收到败诉原因分析。还需要整改措施：直接发“整改措施是……”，或点整改通知卡片上的“填报整改措施”。", nil
	}
}
