package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/store"
)

func runCase(e *env, args []string) error {
	fs := e.flags("case")
	asJSON := fs.Bool("json", false, "以 JSON 输出")
	nowArg := fs.String("now", "", "按这个时刻计算期限剩余天数，RFC3339 格式，例如 2025-12-15T09:00:00+08:00；默认为当前时间")
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
