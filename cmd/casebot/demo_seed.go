package main

import (
	"context"
	"fmt"
	"slices"
	"time"

	"casebot/bot/cases"
	"casebot/bot/ledger"
	"casebot/bot/store"
	"casebot/bot/workcal"
	"casebot/config"
)

// seedDemo loads the demo's data into st: the ledger at demo.ledger when
// set, else the built-in fictional sample with its dates moved so that it
// has hearings today, tomorrow and next week and closed (some lost) cases
// last month, relative to now; and the fictional people directory that
// goes with the sample (ledger.SamplePeople: an admin, a staff member, a
// 普法 member, and heads and handlers of four agencies), whose userids the
// sandbox can act as.
func seedDemo(ctx context.Context, st *store.Store, cfg *config.Config, now time.Time) error {
	var l *ledger.Ledger
	var err error
	source := "demo:sample"
	if cfg.Demo.Ledger != "" {
		source = "demo:" + cfg.Demo.Ledger
		l, err = ledger.ReadFile(cfg.Demo.Ledger, ledger.ReadOptions{Location: cfg.Location})
	} else {
		var cal *workcal.Calendar
		if cal, err = workcal.LoadCalendar(cfg.Reminder.Calendar); err == nil {
			l, err = ledger.Sample(now, cfg.Location, cal)
		}
	}
	if err != nil {
		return fmt.Errorf("演示台账：%w", err)
	}
	// An import adds and updates and never removes: an earlier demo's
	// cases in the same store stay beside the sample's.
	res, err := ledger.Import(ctx, st, l, ledger.Options{Source: source, Now: now})
	if err != nil {
		if res != nil && len(res.Errors) > 0 {
			return fmt.Errorf("演示台账 %s：%s（共 %d 处错误，可用 casebot import %s --dry-run 查看全部）",
				cfg.Demo.Ledger, res.Errors[0], len(res.Errors), cfg.Demo.Ledger)
		}
		return fmt.Errorf("演示台账：%w", err)
	}
	if len(cfg.Query.Courts) == 0 {
		// Short numbers (行初123) name the bureau's own courts, configured
		// in production; in the demo they are the courts of its ledger.
		cfg.Query.Courts = courtsOf(l)
	}
	if err := st.PutPeople(ctx, ledger.SamplePeople()); err != nil {
		return fmt.Errorf("演示通讯录：%w", err)
	}
	return nil
}

// courtsOf lists the court codes of l's 2016-format case numbers, in order
// of first appearance.
func courtsOf(l *ledger.Ledger) []string {
	var courts []string
	for _, e := range l.Entries {
		n, err := cases.ParseNumber(e.Number)
		if err != nil || n.Form != cases.CourtNumber || slices.Contains(courts, n.Court) {
			continue
		}
		courts = append(courts, n.Court)
	}
	return courts
}
