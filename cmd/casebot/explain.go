package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/explain"
	"casebot/bot/privacy"
	"casebot/bot/store"
	"casebot/config"
)

// runExplain prints a case's 以案说法 draft: the latest stored one, or a
// new one written by the model (or built from the fields with --offline,
// or when no model is configured or it keeps failing). New drafts are
// stored like those asked for in chat, with requester "cli". The review
// flags move a draft through 草稿 → 已审核/已退回 → 已发布, --export writes
// a reviewed one as .docx, --list and --candidates list drafts by state
// and cases worth writing up.
func runExplain(e *env, args []string) error {
	fs := e.flags("explain")
	offline := fs.Bool("offline", false, "不调用大模型，根据台账字段（及已关联的文书）整理结构化草稿")
	fresh := fs.Bool("new", false, "即使已有草稿，也生成新的一版")
	version := fs.Int("version", 0, "审核、发布、导出的草稿版本；默认最新一版（导出时为最新的已审核版本）")
	approve := fs.Bool("approve", false, "审核通过草稿（草稿 → 已审核）")
	note := fs.String("note", "", "审核通过时的意见（可选）")
	ret := fs.String("return", "", "退回草稿并写明退回意见（草稿或已审核 → 已退回）")
	publish := fs.Bool("publish", false, "标记已审核的草稿为已发布")
	export := fs.String("export", "", "把审核通过的草稿导出为 Word 文档，例如 --export 以案说法.docx")
	list := fs.String("list", "", "列出某一状态的草稿：待审核、已审核、已退回 或 已发布")
	candidates := fs.Bool("candidates", false, "列出近期结案、值得写成以案说法的案件")
	days := fs.Int("days", 180, "--candidates 回看的天数")
	asJSON := fs.Bool("json", false, "--list、--candidates 以 JSON 输出")
	as := fs.String("as", "cli", "记入审计的操作人（企业微信账号）")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	actions := 0
	for _, on := range []bool{*approve, *ret != "", *publish, *export != "", *list != "", *candidates} {
		if on {
			actions++
		}
	}
	if actions > 1 {
		return usagef("--approve、--return、--publish、--export、--list、--candidates 一次只能用一个")
	}
	if *list != "" || *candidates {
		return explainLists(e, *list, *candidates, *days, *asJSON)
	}
	if len(pos) == 0 {
		return usagef("请给出已结案件的案号，例如 casebot explain \"%s\" [--offline] [--new]；审核：--approve、--return 意见、--publish；导出：--export FILE.docx", examples().CaseNo)
	}
	if *export != "" && !strings.HasSuffix(strings.ToLower(*export), ".docx") {
		return usagef("--export 的文件名应以 .docx 结尾，例如 --export 以案说法.docx")
	}
	n, err := cases.ParseNumber(strings.Join(pos, ""))
	if err != nil {
		return err
	}
	cfg, err := e.config(config.ModeTool)
	if err != nil {
		return err
	}
	st, err := e.openStore()
	if err != nil {
		return err
	}
	ctx := ctxBackground()
	c, err := st.Get(ctx, n.String())
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("台账中没有案号 %s", n.String())
	}
	if err != nil {
		return err
	}
	by := audit.Entry{User: *as}
	if actions == 1 {
		svc, err := e.explainService(nil)
		if err != nil {
			return err
		}
		return explainReview(e, svc, c.Number, *version, by, *approve, *note, *ret, *publish, *export)
	}
	if c.Open() {
		return fmt.Errorf("案件 %s 尚未结案；以案说法只以已结案件为素材", c.Number)
	}
	var model explain.Completer
	if !*offline {
		m, err := explain.Model(cfg.LLM)
		if err != nil {
			return err
		}
		if m != nil {
			model = m
		}
	}
	svc, err := e.explainService(model)
	if err != nil {
		return err
	}
	if !*offline && !*fresh {
		d, err := svc.Latest(ctx, c.Number)
		if err == nil {
			_, err = io.WriteString(e.stdout, d.Render(cfg.Location))
			return err
		}
		if !errors.Is(err, explain.ErrNoDraft) {
			return err
		}
	}
	d, err := svc.Gen.Generate(ctx, explain.Request{Case: c, Requester: "cli", Offline: *offline})
	if err != nil {
		return err
	}
	_, err = io.WriteString(e.stdout, d.Render(cfg.Location))
	return err
}

// explainReview runs one review action on a case's draft.
func explainReview(e *env, svc *explain.Service, number string, v int, by audit.Entry, approve bool, note, ret string, publish bool, export string) error {
	ctx := ctxBackground()
	var (
		rv  *explain.Review
		err error
	)
	switch {
	case export != "":
		b, d, err := svc.Export(ctx, number, v)
		if err != nil {
			return err
		}
		if err := os.WriteFile(export, b, 0o644); err != nil {
			return fmt.Errorf("无法写入 %s：%v", export, err)
		}
		rv, _ := svc.ReviewOf(ctx, number, d.Version)
		fmt.Fprintf(e.stdout, "已将案件 %s 第 %d 版以案说法（%s）导出为 %s：%s\n", number, d.Version, rv.State, export, explain.Title(d.Body))
		return nil
	case approve:
		rv, err = svc.Approve(ctx, number, v, by, note)
	case ret != "":
		rv, err = svc.Return(ctx, number, v, by, ret)
	case publish:
		rv, err = svc.Publish(ctx, number, v, by)
	}
	if err != nil {
		return err
	}
	last := rv.Last()
	fmt.Fprintf(e.stdout, "案件 %s 第 %d 版以案说法：%s → %s（%s，%s）\n", number, rv.Version, last.From, last.To, last.By, last.At.In(svc.Location).Format("2006-01-02 15:04"))
	return nil
}

// explainService opens the configuration, the ledger and the 以案说法
// service for a tool (no sender: nothing is pushed from the CLI).
func (e *env) explainService(model explain.Completer) (*explain.Service, error) {
	cfg, err := e.config(config.ModeTool)
	if err != nil {
		return nil, err
	}
	st, err := e.openStore()
	if err != nil {
		return nil, err
	}
	return explain.New(cfg, st, nil, model)
}

// explainLists prints drafts in a state, or the candidate cases.
func explainLists(e *env, state string, candidates bool, days int, asJSON bool) error {
	svc, err := e.explainService(nil)
	if err != nil {
		return err
	}
	cfg, st := e.cfg, svc.Store
	ctx := ctxBackground()
	w := e.stdout
	if candidates {
		if days < 1 {
			return usagef("--days 应为正整数")
		}
		cs, err := svc.Candidates(ctx, st.Now(), time.Duration(days)*24*time.Hour, 0)
		if err != nil {
			return err
		}
		if asJSON {
			return writeJSON(e, cs)
		}
		if len(cs) == 0 {
			fmt.Fprintf(w, "近 %d 天台账中没有已结的行政诉讼或行政复议案件。\n", days)
			return nil
		}
		fmt.Fprintf(w, "近 %d 天结案、可写成以案说法的案件（%d 件，败诉和纠错案件在前）：\n", days, len(cs))
		for _, c := range cs {
			fmt.Fprintf(w, "  %s\n", c.Line())
		}
		return nil
	}
	s, err := explain.ParseState(state)
	if err != nil {
		return err
	}
	ls, err := svc.List(ctx, s, 0)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(e, ls)
	}
	name := string(s)
	if s == explain.StateDraft {
		name = "待审核"
	}
	if len(ls) == 0 {
		fmt.Fprintf(w, "目前没有%s的以案说法草稿。\n", name)
		return nil
	}
	fmt.Fprintf(w, "%s的以案说法（%d 篇）：\n", name, len(ls))
	for _, l := range ls {
		src := "未依据文书"
		if l.HasDecision {
			src = "依据文书"
		}
		line := fmt.Sprintf("  %s 第 %d 版  %s  %s起  %s", l.Number, l.Version, l.Title, l.Since.In(cfg.Location).Format("2006-01-02 15:04"), src)
		if l.Note != "" {
			line += "  意见：" + l.Note
		}
		fmt.Fprintln(w, line)
	}
	return nil
}

// runAnonymize copies stdin to stdout with personal data removed, by the
// rules drafts follow (and the privacy.* configuration); --names registers
// names known in advance. Text that still holds personal data after two
// passes is not printed.
func runAnonymize(e *env, args []string) error {
	fs := e.flags("anonymize")
	names := fs.String("names", "", "已知的自然人姓名，用逗号或顿号分隔，例如 张三,欧阳娜娜")
	keep := fs.Bool("keep-officials", false, "保留审判人员、行政机关工作人员等依职务出现的人员姓名（默认按配置 privacy.keep_officials）")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("anonymize 从标准输入读取文本，不接受参数 %q；用法：casebot anonymize [--names 张三,李四] [--keep-officials] < 输入.txt", pos[0])
	}
	// Nothing but the privacy section is needed: no Redis, no WeCom.
	cfg, err := e.config(config.ModeDemo)
	if err != nil {
		return err
	}
	opts := privacy.Options{KeepOfficials: cfg.Privacy.KeepOfficials || *keep}
	if cfg.Privacy.Numbers() {
		opts.Numbering = privacy.Digits
	}
	in, err := io.ReadAll(e.stdin)
	if err != nil {
		return fmt.Errorf("读取标准输入失败：%w", err)
	}
	known := strings.FieldsFunc(*names, func(r rune) bool { return r == ',' || r == '，' || r == '、' })
	a := privacy.NewAnonymizerWith(opts, known...)
	a.Prepare(string(in))
	out, err := a.Clean(string(in))
	if err != nil {
		return fmt.Errorf("%v，为保护隐私未输出结果；请检查输入中被空格、符号或格式拆开的姓名和号码", err)
	}
	_, err = io.WriteString(e.stdout, out)
	return err
}
