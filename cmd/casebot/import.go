package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"casebot/bot/cases"
	"casebot/bot/keys"
	"casebot/bot/ledger"
	"casebot/bot/store"
	"casebot/config"
)

const importUsage = "用法：casebot import FILE.xlsx|FILE.csv [--dry-run] [--json] [--skip-invalid] [--force]，或 casebot import --undo"

func runImport(e *env, args []string) error {
	fs := e.flags("import")
	dryRun := fs.Bool("dry-run", false, "只检查并报告将会发生的变化，不写入")
	asJSON := fs.Bool("json", false, `以 JSON 输出：{"rows","created","updated","unchanged","errors"}`)
	skip := fs.Bool("skip-invalid", false, "文件有错误时仍导入没有错误的案件（错误照样列出）")
	force := fs.Bool("force", false, "文件未提及超过 30% 的未结案件时仍然导入")
	undo := fs.Bool("undo", false, "撤销最近一次导入")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *undo {
		if len(pos) > 0 || *dryRun || *asJSON || *skip || *force {
			return usagef("--undo 不带文件名，也不与其他选项同用")
		}
		return runUndo(e)
	}
	if len(pos) != 1 {
		return usagef("%s", importUsage)
	}
	cfg, err := e.config(config.ModeTool)
	if err != nil {
		return err
	}
	// The file is streamed (ledger.ImportFile): checked whole before
	// anything is written, then written in short batches with their undo
	// snapshot, so a large file neither fills memory nor blocks Redis.
	st, err := e.openStore()
	if err != nil {
		return err
	}
	// A large file takes a while: say how far it got, on stderr.
	progress := func(n int) error {
		if n%20000 == 0 && !*asJSON {
			fmt.Fprintf(e.stderr, "已处理 %d 件…\n", n)
		}
		return nil
	}
	l, res, err := ledger.ImportFile(ctxBackground(), st, pos[0], ledger.ReadOptions{Location: cfg.Location},
		ledger.Options{DryRun: *dryRun, SkipInvalid: *skip, Force: *force, Progress: progress})
	if res == nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(res.Summary()); err != nil {
			return err
		}
	} else {
		for _, re := range res.Errors {
			fmt.Fprintln(e.stderr, re.String())
		}
		printImport(e, l, res, err == nil, cfg)
	}
	for _, n := range res.Notices {
		fmt.Fprintln(e.stderr, "提示："+n)
	}
	if err != nil {
		return err
	}
	if len(res.Errors) > 0 {
		fmt.Fprintf(e.stderr, "有 %d 处错误的 %d 件案件未导入，修正后可再次导入\n", len(res.Errors), res.Skipped)
	}
	return nil
}

// printImport writes the human report of an import to stdout.
func printImport(e *env, l *ledger.Ledger, res *ledger.Result, ok bool, cfg *config.Config) {
	w := e.stdout
	fmt.Fprintf(w, "%s：读取 %d 行，%d 件案件\n", l.Name, res.Rows, l.Cases)
	if !ok {
		return
	}
	verb := ""
	if res.DryRun {
		verb = "将"
	}
	fmt.Fprintf(w, "%s新建 %d 件，%s更新 %d 件，未变 %d 件", verb, res.Created, verb, res.Updated, res.Unchanged)
	if res.Skipped > 0 {
		fmt.Fprintf(w, "，因错误跳过 %d 件", res.Skipped)
	}
	fmt.Fprintln(w)
	for _, ch := range res.Changes {
		from, to := cases.FormatTime(ch.From, cfg.Location), cases.FormatTime(ch.To, cfg.Location)
		switch ch.Kind {
		case cases.HearingRescheduled:
			fmt.Fprintf(w, "  开庭改期 %s：%s → %s\n", ch.Number, from, to)
		case cases.HearingCancelled:
			fmt.Fprintf(w, "  开庭取消 %s：%s\n", ch.Number, from)
		case cases.HearingAdded:
			fmt.Fprintf(w, "  新增开庭 %s：%s\n", ch.Number, to)
		case cases.HearingUpdated:
			fmt.Fprintf(w, "  开庭信息更新 %s：%s\n", ch.Number, from)
		}
	}
	switch {
	case res.DryRun:
		fmt.Fprintln(w, "试运行，未写入任何数据")
	case res.Written:
		fmt.Fprintln(w, "已写入；如需撤销本次导入，运行 casebot import --undo")
	default:
		fmt.Fprintln(w, "台账无变化，未写入")
	}
}

func runUndo(e *env) error {
	st, err := e.openStore()
	if err != nil {
		return err
	}
	snap, err := st.Undo(ctxBackground())
	if errors.Is(err, store.ErrNothingToUndo) {
		return fmt.Errorf("没有可撤销的导入（保留最近 %d 次写入了数据的导入，每次保留 %d 天）",
			keys.ImportUndoDepth, int(keys.ImportSnapshotTTL.Hours()/24))
	}
	if err != nil {
		return err
	}
	restored, removed := snap.Counts()
	fmt.Fprintf(e.stdout, "已撤销 %s 的导入（%s）：恢复 %d 件案件的原状，删除该次新建的 %d 件案件\n",
		snap.At.In(e.cfg.Location).Format(cases.TimeLayout), strings.TrimPrefix(snap.Source, "import:"),
		restored, removed)
	return nil
}
