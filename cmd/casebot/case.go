package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/ledger"
	"casebot/bot/store"
)

func runCase(e *env, args []string) error {
	fs := e.flags("case")
	asJSON := fs.Bool("json", false, "以 JSON 输出")
	nowArg := fs.String("now", "", "按这个时刻计算期限剩余天数，RFC3339 格式，例如 2025-12-15T09:00:00+08:00；默认为当前时间")
	del := fs.Bool("delete", false, "删除这个案件（误录时用）：连同开庭提醒、索引、关联文书与以案说法草稿；可用 casebot import --undo 撤销")
	yes := fs.Bool("yes", false, "与 --delete 同用：不再询问确认")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	now := time.Now()
	if *nowArg != "" {
		if now, err = time.Parse(time.RFC3339, *nowArg); err != nil {
			return usagef("--now=%q 不是 RFC3339 时间，应写作 2025-12-15T09:00:00+08:00", *nowArg)
		}
	}
	if len(pos) == 0 {
		return usagef("请给出案号，例如 casebot case \"(2025)黔0115行初123号\"")
	}
	query := strings.Join(pos, "")
	n, err := cases.ParseNumber(query)
	if err != nil {
		return err
	}
	st, err := e.openStore()
	if err != nil {
		return err
	}
	c, err := st.Get(ctxBackground(), n.String())
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("台账中没有案号 %s", n.String())
	}
	if err != nil {
		return err
	}
	if *del {
		return deleteCase(e, st, c, *yes)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		// The case as stored, plus its deadlines as computed at now.
		return enc.Encode(struct {
			*cases.Case
			Deadlines []deadline.JSON `json:"deadlines"`
		}{c, st.Deadlines.JSONOf(c, now)})
	}
	loss, err := cases.NewLossSet(e.cfg.Cases.LossOutcomes)
	if err != nil {
		return err
	}
	line := func(label, value string) { fmt.Fprintf(e.stdout, "%s：%s\n", label, value) }
	for _, f := range c.Fields(e.cfg.Location, c.PlaintiffNames(), loss.Lost(c)) {
		line(f.Label, f.Value)
	}
	st.Deadlines.Lines(c, now, line)
	return nil
}

// deleteCase removes a case entered by mistake, after the user confirms
// (or with --yes), audited, and undoable with casebot import --undo.
func deleteCase(e *env, st *store.Store, c *cases.Case, yes bool) error {
	ctx := ctxBackground()
	hearings := 0
	for _, h := range c.Hearings {
		if !h.Cancelled {
			hearings++
		}
	}
	fmt.Fprintf(e.stdout, "将删除案件 %s（%s诉%s，%s），连同 %d 次开庭的提醒、全部索引、关联的文书和以案说法草稿。\n",
		c.Number, c.PlaintiffNames(), strings.Join(c.Defendants, "、"), c.Cause, hearings)
	if !yes {
		fmt.Fprint(e.stdout, "确认删除请输入“是”：")
		answer, _ := bufio.NewReader(e.stdin).ReadString('\n')
		if a := strings.TrimSpace(answer); a != "是" && !strings.EqualFold(a, "y") && !strings.EqualFold(a, "yes") {
			fmt.Fprintln(e.stdout)
			return fmt.Errorf("未删除：需要确认（在提示后输入“是”，或加 --yes）")
		}
	}
	if _, err := ledger.Delete(ctx, st, c.Number, "delete:cli"); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("台账中已没有案号 %s（可能刚被别人删除）", c.Number)
		}
		return err
	}
	log := audit.New(st.Client(), st.Keys(), e.cfg.Audit.MaxLen)
	if err := log.Record(ctx, audit.Entry{At: st.Now(), User: "cli", Action: audit.Update, Kind: "delete",
		Text: "删除案件 " + c.Number, Results: 1, Cases: []string{c.Number}}); err != nil {
		return fmt.Errorf("案件已删除，但审计记录写入失败：%w", err)
	}
	fmt.Fprintf(e.stdout, "已删除 %s；如需恢复，运行 casebot import --undo\n", c.Number)
	return nil
}
