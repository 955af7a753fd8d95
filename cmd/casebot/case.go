package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"casebot/bot/cases"
	"casebot/bot/store"
)

func runCase(e *env, args []string) error {
	fs := e.flags("case")
	asJSON := fs.Bool("json", false, "以 JSON 输出")
	pos, err := parse(fs, args)
	if err != nil {
		return err
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
		return enc.Encode(c)
	}
	loss, err := cases.NewLossSet(e.cfg.Cases.LossOutcomes)
	if err != nil {
		return err
	}
	for _, f := range c.Fields(e.cfg.Location, c.PlaintiffNames(), loss.Lost(c)) {
		fmt.Fprintf(e.stdout, "%s：%s\n", f.Label, f.Value)
	}
	return nil
}
