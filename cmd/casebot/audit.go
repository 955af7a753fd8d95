package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"casebot/bot/audit"
	"casebot/config"
)

// runAudit prints the audit stream, oldest first, one line per entry.
func runAudit(e *env, args []string) error {
	fs := e.flags("audit")
	since := fs.String("since", "", "只显示此后的记录："+examples().Day+"、"+examples().Day+" 09:30、RFC3339 时间，或 24h、7d 表示最近多久")
	user := fs.String("user", "", "只显示该账号（或姓名）的记录")
	limit := fs.Int("limit", 0, "最多显示多少条（0 表示不限）")
	asJSON := fs.Bool("json", false, "每条记录输出一行 JSON")
	unanswered := fs.Bool("unanswered", false, "只列出没能回答或没完全读懂的提问，按类归并计数")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("用法：casebot audit [--unanswered] [--since T] [--user U] [--limit N] [--json]")
	}
	if *limit < 0 {
		return usagef("--limit 不能为负数")
	}
	cfg, err := e.config(config.ModeTool)
	if err != nil {
		return err
	}
	st, err := e.openStore()
	if err != nil {
		return err
	}
	f := audit.Filter{User: strings.TrimSpace(*user), Limit: *limit}
	if *since != "" {
		if f.Since, err = parseSince(*since, st.Now(), cfg.Location); err != nil {
			return usagef("%v", err)
		}
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	log := audit.New(st.Client(), st.Keys(), cfg.Audit.MaxLen)
	if *unanswered {
		return printUnanswered(e, log, f, *asJSON, cfg.Location)
	}
	n := 0
	err = log.Each(ctxBackground(), f, func(en audit.Entry) error {
		n++
		if *asJSON {
			return enc.Encode(en)
		}
		_, err := fmt.Fprintln(e.stdout, auditLine(en, cfg.Location))
		return err
	})
	if err != nil {
		return err
	}
	if n == 0 && !*asJSON {
		fmt.Fprintln(e.stderr, "没有符合条件的审计记录")
	}
	return nil
}

// parseSince reads --since: a date, a date and time, RFC3339, or a
// duration back from now (90m, 24h, 7d).
func parseSince(s string, now time.Time, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02", "2006/01/02"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	if d, ok := strings.CutSuffix(s, "d"); ok {
		var n int
		if _, err := fmt.Sscanf(d, "%d", &n); err == nil && n > 0 && fmt.Sprint(n) == d {
			return now.AddDate(0, 0, -n), nil
		}
	}
	if d, err := time.ParseDuration(s); err == nil && d > 0 {
		return now.Add(-d), nil
	}
	ex := examples().Day
	return time.Time{}, fmt.Errorf("--since %q 无法识别：请写 %s、\"%s 09:30\"、RFC3339 时间，或 24h、7d", s, ex, ex)
}

// auditLine is one entry as a line: when, who, what, how many, the text.
func auditLine(en audit.Entry, loc *time.Location) string {
	who := en.User
	if en.Name != "" {
		who += "（" + en.Name + "）"
	}
	what := en.Action
	if en.Kind != "" {
		what += "/" + en.Kind
	}
	parts := []string{en.At.In(loc).Format("2006-01-02 15:04:05"), who, what, fmt.Sprintf("%d 条结果", en.Results)}
	if en.Text != "" {
		parts = append(parts, "“"+oneLine(en.Text)+"”")
	}
	if len(en.Cases) > 0 {
		parts = append(parts, "案件 "+strings.Join(en.Cases, "、"))
	}
	if en.Detail != "" {
		parts = append(parts, oneLine(en.Detail))
	}
	return strings.Join(parts, "  ")
}

// outcomeWords name the outcomes of questions, as the report says them.
var outcomeWords = map[string]string{
	audit.NotKnown: "没有读懂",
	audit.Partly:   "部分读懂",
	audit.Nothing:  "查无结果",
	audit.LegalQ:   "法律咨询",
}

// printUnanswered prints the questions the bot did not fully answer,
// grouped and counted (audit.Unanswered), most frequent first.
func printUnanswered(e *env, log *audit.Log, f audit.Filter, asJSON bool, loc *time.Location) error {
	gs, err := log.Unanswered(ctxBackground(), f)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		for _, g := range gs {
			if err := enc.Encode(g); err != nil {
				return err
			}
		}
		return nil
	}
	if len(gs) == 0 {
		fmt.Fprintln(e.stderr, "没有未能回答的提问")
		return nil
	}
	total := 0
	for _, g := range gs {
		total += g.Count
	}
	fmt.Fprintf(e.stdout, "未能回答或未完全读懂的提问：共 %d 条，归为 %d 类（按次数排序）\n", total, len(gs))
	for _, g := range gs {
		key := g.Key
		switch g.Outcome {
		case audit.Partly:
			key = "未读懂的词：" + key
		case audit.Nothing:
			key = "按“" + key + "”查询无结果"
		default:
			key = "“" + oneLine(key) + "”"
		}
		ex := make([]string, len(g.Examples))
		for i, x := range g.Examples {
			ex[i] = "“" + oneLine(x) + "”"
		}
		fmt.Fprintf(e.stdout, "%4d 次  %s  %s（%d 人，最近 %s）\n      例：%s\n", g.Count, outcomeWords[g.Outcome], key, g.Users,
			g.Last.In(loc).Format("2006-01-02 15:04"), strings.Join(ex, "；"))
	}
	return nil
}
