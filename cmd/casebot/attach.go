package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"casebot/bot/audit"
	"casebot/bot/decision"
)

// runAttach attaches a 裁判文书 or 复议决定书 to a case: casebot attach
// [QUERY] FILE. Without QUERY the case is found from the 案号 in the text;
// with it, the text is checked against it. Nothing changes unless the file
// is read and matched; --force attaches a decision whose own number differs.
func runAttach(e *env, args []string) error {
	fs := e.flags("attach")
	force := fs.Bool("force", false, "文书上的案号与所给案号不一致时仍然关联（请确认确属本案）")
	as := fs.String("as", "cli", "记入审计的操作人（企业微信账号）")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("请给出文书文件，例如 casebot attach \"%s\" 判决书.pdf，或 casebot attach 判决书.pdf（从文书中识别案号）", examples().CaseNo)
	}
	path := pos[len(pos)-1]
	query := strings.Join(pos[:len(pos)-1], "")
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("无法读取文件 %s：%v", path, err)
	}
	svc, err := e.explainService(nil)
	if err != nil {
		return err
	}
	ctx := ctxBackground()
	p, err := svc.Attach.Check(ctx, filepath.Base(path), data, query)
	if err != nil {
		return err
	}
	if problem := p.Problem(); problem != "" && !(p.Mismatch && *force) {
		switch {
		case p.Mismatch:
			problem += "（命令行确认：加 --force）"
		case query == "":
			problem += fmt.Sprintf("（命令行：casebot attach 案号 %s）", path)
		}
		return fmt.Errorf("%s", problem)
	}
	changed, err := svc.Attach.Attach(ctx, p, audit.Entry{User: *as}, *force)
	if err != nil {
		return err
	}
	d := p.Document()
	w := e.stdout
	if !changed {
		fmt.Fprintf(w, "文件“%s”已关联到案件 %s，内容没有变化，未作修改。\n", p.FileName, p.Number)
		return nil
	}
	fmt.Fprintf(w, "已将“%s”关联到案件 %s。\n", p.FileName, p.Number)
	fmt.Fprintf(w, "文书：%s。\n", decision.Summary(&p.Attachment, d))
	for _, n := range p.Notes {
		fmt.Fprintf(w, "提示：%s\n", n)
	}
	fmt.Fprintf(w, "原文件未保存：系统只保存提取的文字和文件的 SHA-256（%s），原件请留存于卷宗。\n", p.SHA256)
	return nil
}
