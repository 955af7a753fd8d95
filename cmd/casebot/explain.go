package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"casebot/bot/cases"
	"casebot/bot/explain"
	"casebot/bot/privacy"
	"casebot/bot/store"
	"casebot/config"
)

// runExplain prints a case's 以案说法 draft: the latest stored one, or a
// new one written by the model (or built from the fields with --offline,
// or when no model is configured or it keeps failing). New drafts are
// stored like those asked for in chat, with requester "cli".
func runExplain(e *env, args []string) error {
	fs := e.flags("explain")
	offline := fs.Bool("offline", false, "不调用大模型，根据台账字段整理结构化草稿")
	fresh := fs.Bool("new", false, "即使已有草稿，也生成新的一版")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("请给出已结案件的案号，例如 casebot explain \"(2025)黔0115行初123号\" [--offline] [--new]")
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
	svc, err := explain.New(cfg, st, nil, model)
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
