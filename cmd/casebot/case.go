package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/intent"
	"casebot/bot/ledger"
	"casebot/bot/store"
	"casebot/bot/textdist"
	"casebot/config"
)

func runCase(e *env, args []string) error {
	fs := e.flags("case")
	asJSON := fs.Bool("json", false, "以 JSON 输出")
	nowArg := fs.String("now", "", "按这个时刻计算期限剩余天数，RFC3339 格式，例如 "+examples().Instant+"；默认为当前时间")
	del := fs.Bool("delete", false, "删除这个案件（误录时用）：连同开庭提醒、索引、关联文书与以案说法草稿；可用 casebot import --undo 撤销")
	yes := fs.Bool("yes", false, "与 --delete 同用：不再询问确认")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	now := time.Now()
	if *nowArg != "" {
		if now, err = time.Parse(time.RFC3339, *nowArg); err != nil {
			return usagef("--now=%q 不是 RFC3339 时间，应写作 %s", *nowArg, examples().Instant)
		}
	}
	if len(pos) == 0 {
		return usagef("请给出案号，例如 casebot case \"%s\"", examples().CaseNo)
	}
	query := strings.Join(pos, "")
	if _, err := e.config(config.ModeTool); err != nil {
		return err
	}
	st, err := e.openStore()
	if err != nil {
		return err
	}
	c, err := findCase(e, st, query, now)
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

// findCase finds the one case query names, the way chat reads it: a 案号
// in any writing, a short number (行初123, 2026行初123, completed with
// this year and config query.courts), or a party's name. Not found, it
// names the nearest stored numbers (or party names).
func findCase(e *env, st *store.Store, query string, now time.Time) (*cases.Case, error) {
	ctx := ctxBackground()
	courts := e.cfg.Query.Courts
	one := func(numbers []string, what string) (*cases.Case, error) {
		cs, err := st.GetMany(ctx, numbers)
		if err != nil {
			return nil, err
		}
		var found []*cases.Case
		for _, c := range cs {
			if c != nil {
				found = append(found, c)
			}
		}
		switch len(found) {
		case 0:
			return nil, nil
		case 1:
			return found[0], nil
		}
		ns := make([]string, len(found))
		for i, c := range found {
			ns[i] = c.Number
		}
		return nil, fmt.Errorf("%s对应 %d 件案件：%s；请写出完整案号", what, len(ns), strings.Join(headOf(ns, 10), "、"))
	}
	near := func(numbers []string) string {
		cands, err := st.NearNumbers(ctx, numbers, courts)
		if err != nil || len(cands) == 0 {
			return ""
		}
		cs, err := st.GetMany(ctx, cands)
		if err != nil {
			return ""
		}
		type hit struct {
			n string
			d int
		}
		var hits []hit
		for _, c := range cs {
			if c == nil {
				continue
			}
			d := -1
			for _, m := range numbers {
				if x := textdist.Distance(c.Number, m); d < 0 || x < d {
					d = x
				}
			}
			if d <= 3 { // beyond three edits it is another case, not a typo
				hits = append(hits, hit{c.Number, d})
			}
		}
		sort.SliceStable(hits, func(i, j int) bool { return hits[i].d < hits[j].d || hits[i].d == hits[j].d && hits[i].n < hits[j].n })
		var out []string
		for _, h := range hits[:min(3, len(hits))] {
			out = append(out, h.n)
		}
		if len(out) == 0 {
			return ""
		}
		return "；相近的案号：" + strings.Join(out, "、")
	}

	n, numErr := cases.ParseNumber(query)
	if numErr == nil {
		c, err := st.Get(ctx, n.String())
		if errors.Is(err, store.ErrNotFound) {
			return nil, fmt.Errorf("台账中没有案号 %s%s", n.String(), near([]string{n.String()}))
		}
		return c, err
	}
	in, _ := intent.Understand(query, intent.Options{Now: now.In(e.cfg.Location), Courts: courts})
	if len(in.Numbers) > 0 || in.Short != "" {
		if in.Short != "" && len(in.Numbers) == 0 {
			return nil, fmt.Errorf("“%s”没有写年份和法院代字，请写完整案号，例如 (%d)黔0115%s；或在配置 query.courts 中填写本地法院代字",
				query, now.In(e.cfg.Location).Year(), strings.TrimLeft(in.Short, "0123456789()（） "))
		}
		c, err := one(in.Numbers, "“"+query+"”")
		if c != nil || err != nil {
			return c, err
		}
		return nil, fmt.Errorf("台账中没有“%s”对应的案件（按 %s 查找）%s", query, strings.Join(in.Numbers, "、"), near(in.Numbers))
	}
	// A party's name.
	name := strings.TrimSpace(query)
	numbers, err := st.PartyNumbers(ctx, name)
	if err != nil {
		return nil, err
	}
	c, err := one(numbers, "当事人“"+name+"”")
	if c != nil || err != nil {
		return c, err
	}
	hint := ""
	// Names sharing ever shorter beginnings (the surname last).
	for rs, k := []rune(name), len([]rune(name))-1; k >= 1 && hint == ""; k-- {
		if names, err := st.PartyNamesWithPrefix(ctx, string(rs[:k]), 5); err == nil && len(names) > 0 {
			hint = "；相近的当事人：" + strings.Join(names, "、")
		}
	}
	return nil, fmt.Errorf("%v；台账中也没有叫“%s”的当事人%s", numErr, name, hint)
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
