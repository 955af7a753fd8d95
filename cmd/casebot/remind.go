package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"casebot/reminders"
)

// runRemind is `casebot remind --dry-run [--now RFC3339] [--json]`: what a
// reminder sweep at that instant would send, without sending or writing
// anything. Sending is the job of `casebot serve`.
func runRemind(e *env, args []string) error {
	fs := e.flags("remind")
	dry := fs.Bool("dry-run", false, "只列出到期未发送的提醒，不发送、不写入（必填）")
	nowArg := fs.String("now", "", "按这个时刻计算，RFC3339 格式，例如 "+examples().Instant+"；默认为当前时间")
	asJSON := fs.Bool("json", false, "以 JSON 输出")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("remind 不接受参数 %q；用法：casebot remind --dry-run [--now %s] [--json]", pos[0], examples().Instant)
	}
	if !*dry {
		return usagef("请加 --dry-run：本命令只预览到期的提醒，提醒由 casebot serve 按计划发送")
	}
	now := time.Now()
	if *nowArg != "" {
		now, err = time.Parse(time.RFC3339, *nowArg)
		if err != nil {
			return usagef("--now=%q 不是 RFC3339 时间，应写作 %s", *nowArg, examples().Instant)
		}
	}
	st, err := e.openStore()
	if err != nil {
		return err
	}
	// A dry run never sends: no sender.
	svc, err := reminders.New(e.cfg, st, nil)
	if err != nil {
		return err
	}
	items, err := svc.Due(ctxBackground(), now)
	if err != nil {
		return fmt.Errorf("读取待发提醒失败：%w", err)
	}
	if err := warnGaps(e, svc, now); err != nil {
		return err
	}
	if *asJSON {
		if items == nil {
			items = []reminders.Item{} // [] rather than null
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(items)
	}
	printDue(e.stdout, items, now.In(e.cfg.Location))
	return nil
}

// warnGaps says on stderr what the reminders cannot reach: an empty
// directory (nobody would be reminded of anything), and each upcoming
// hearing with a defendant agency that has no head or handler in it.
func warnGaps(e *env, svc *reminders.Service, now time.Time) error {
	empty, gaps, err := svc.Gaps(ctxBackground(), now)
	if err != nil {
		return fmt.Errorf("检查提醒接收人失败：%w", err)
	}
	if empty {
		fmt.Fprintln(e.stderr, "警告：人员名单是空的，开庭提醒无人可发，缺少接收人的情况也无人可报：请先运行 casebot people import 导入人员名单")
		return nil
	}
	for i, g := range gaps {
		if i == maxListed {
			fmt.Fprintf(e.stderr, "警告：另有 %d 次开庭缺少提醒接收人\n", len(gaps)-maxListed)
			break
		}
		var texts []string
		for _, p := range g.Problems {
			texts = append(texts, p.Text)
		}
		what := "缺少接收人"
		if g.Nobody {
			what = "没有任何人会收到提醒"
		}
		fmt.Fprintf(e.stderr, "警告：%s 于 %s 开庭，%s：%s\n", g.Case, g.At.In(e.cfg.Location).Format("2006-01-02 15:04"), what, strings.Join(texts, "；"))
	}
	return nil
}

// printDue writes the dry run as a table people can read.
func printDue(w io.Writer, items []reminders.Item, now time.Time) {
	const layout = "2006-01-02 15:04"
	if len(items) == 0 {
		fmt.Fprintf(w, "%s 没有到期未发送的提醒。\n", now.Format(layout))
		return
	}
	rows := [][]string{{"应发时间", "类型", "接收人", "案号", "开庭时间或期限"}}
	for _, it := range items {
		who := it.Recipient
		switch {
		case it.Person != nil:
			who = it.Person.Name + "（" + it.Recipient + "）"
		case strings.HasPrefix(it.Recipient, "chat:"):
			who = "专班群聊（" + strings.TrimPrefix(it.Recipient, "chat:") + "）"
		}
		hearing := ""
		switch {
		case it.Deadline != nil:
			hearing = it.Deadline.Kind.Label() + " " + it.LastDay
		case !it.At.IsZero():
			hearing = it.At.In(now.Location()).Format(layout)
		}
		rows = append(rows, []string{it.DueAt.In(now.Location()).Format(layout), it.Kind.Label(), who, it.Case, hearing})
	}
	writeTable(w, rows)
	fmt.Fprintf(w, "共 %d 条（%s 的预览，未发送）\n", len(items), now.Format(layout))
}

// writeTable pads columns by display width: Chinese characters take two
// columns in a terminal.
func writeTable(w io.Writer, rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, cell := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, cell := range r {
			b.WriteString(cell)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(cell)+2))
			}
		}
		fmt.Fprintln(w, b.String())
	}
}

// displayWidth counts East Asian wide characters (CJK, full-width
// punctuation) as two columns.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 && (r <= 0x115F || r >= 0x2E80 && r <= 0xA4CF || r >= 0xAC00 && r <= 0xD7A3 ||
			r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F || r >= 0xFF00 && r <= 0xFF60 || r >= 0xFFE0 && r <= 0xFFE6) {
			n += 2
		} else if r != utf8.RuneError {
			n++
		}
	}
	return n
}
