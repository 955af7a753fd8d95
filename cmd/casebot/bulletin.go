package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"casebot/bot/bulletin"
	"casebot/config"
)

// bulletinNow is the clock of `casebot bulletin`; tests set it.
var bulletinNow = time.Now

// runBulletin computes a month's bulletin and prints it: the notice's
// markdown, or the contract's JSON with --json. With --send it pushes it
// to the configured recipients through the scheduler's send log instead of
// printing the markdown: whoever already has it is skipped, so running it
// twice, or after the scheduled push, repeats nothing.
func runBulletin(e *env, args []string) error {
	fs := e.flags("bulletin")
	monthFlag := fs.String("month", "", "月份，YYYY-MM，例如 "+examples().Month)
	asJSON := fs.Bool("json", false, "输出统计数据 JSON（而不是通报正文）")
	send := fs.Bool("send", false, "推送给 bulletin.chat_ids 和 bulletin.user_ids；已收到的不会重复推送")
	chartFile := fs.String("chart", "", "把图表另存为 PNG 文件")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("多余的参数 %q；月份请用 --month YYYY-MM 给出", strings.Join(pos, " "))
	}
	if *monthFlag == "" {
		return usagef("请用 --month YYYY-MM 指定月份，例如 casebot bulletin --month %s", examples().Month)
	}
	m, err := bulletin.ParseMonth(*monthFlag)
	if err != nil {
		return usagef("--month：%v", err)
	}
	st, err := e.openStore()
	if err != nil {
		return err
	}
	cfg := e.cfg
	now := bulletinNow().In(cfg.Location)
	if cur := bulletin.MonthOf(now, cfg.Location); cur.Before(m) {
		return fmt.Errorf("%s还没有到，无法生成该月通报", m.Label())
	}
	if *send {
		return sendBulletin(e, m, now, *asJSON)
	}
	set, err := bulletin.NewSettings(cfg)
	if err != nil {
		return err
	}
	rep, err := set.Compute(ctxBackground(), st, m, now)
	if err != nil {
		return err
	}
	if *chartFile != "" {
		png, err := rep.Chart(set.Chart)
		if err != nil {
			return err
		}
		if png == nil {
			fmt.Fprintf(e.stderr, "%s没有审结或开庭的案件，没有可画的图表\n", m.Label())
		} else if err := os.WriteFile(*chartFile, png, 0o644); err != nil {
			return fmt.Errorf("写入图表文件失败：%w", err)
		}
	}
	if *asJSON {
		return writeJSON(e, rep)
	}
	fmt.Fprintln(e.stdout, strings.Join(rep.Markdown(set.Style), "\n\n"))
	return nil
}

func writeJSON(e *env, v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// sendBulletin pushes month m through WeCom and says to whom.
func sendBulletin(e *env, m bulletin.Month, now time.Time, asJSON bool) error {
	cfg := e.cfg
	var missing []string
	for _, k := range []struct {
		key string
		ok  bool
	}{{"wecom.corp_id", cfg.WeCom.CorpID != ""}, {"wecom.agent_id", cfg.WeCom.AgentID != 0}, {"wecom.secret", cfg.WeCom.Secret != ""}} {
		if !k.ok {
			missing = append(missing, k.key+" ("+config.EnvName(k.key)+")")
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("推送通报需要企业微信应用的配置：%w", &config.MissingError{Keys: missing})
	}
	sender, stop, err := e.pushSender()
	if err != nil {
		return err
	}
	defer stop()
	pusher, err := bulletin.NewPusher(cfg, e.store, sender)
	if err != nil {
		return err
	}
	p, err := pusher.Push(ctxBackground(), m, now)
	if err != nil {
		return err
	}
	// With --json, stdout keeps the contract's JSON alone; the account of
	// the push goes to stderr.
	report := e.stdout
	if asJSON {
		rep, err := pusher.Settings().Compute(ctxBackground(), e.store, m, now)
		if err != nil {
			return err
		}
		if err := writeJSON(e, rep); err != nil {
			return err
		}
		report = e.stderr
	}
	if len(p.Delivered) > 0 {
		fmt.Fprintf(report, "已推送%s通报：%s\n", m.Label(), names(p.Delivered))
	}
	if len(p.Already) > 0 {
		fmt.Fprintf(report, "此前已推送过、本次未重复推送：%s\n", names(p.Already))
	}
	if p.Done() {
		return nil
	}
	if len(p.Failed) == 0 && len(p.Busy) == 0 {
		// Only put off by the per-member limit, after Push waited for it
		// as long as it does: nothing failed.
		var ds []string
		for _, d := range p.Deferred {
			ds = append(ds, fmt.Sprintf("%s（%s 后可推送）", d.Recipient.String(), d.Until.In(cfg.Location).Format("15:04:05")))
		}
		return fmt.Errorf("以下接收人本分钟接收的消息已达企业微信的条数上限，尚未推送：%s；请稍后重新运行本命令，已收到的不会重复推送", strings.Join(ds, "；"))
	}
	var fails []string
	for _, f := range p.Failed {
		fails = append(fails, f.Recipient.String()+"（"+f.Err.Error()+"）")
	}
	if len(p.Busy) > 0 {
		fails = append(fails, names(p.Busy)+"（另一进程正在推送）")
	}
	for _, d := range p.Deferred {
		fails = append(fails, d.Recipient.String()+"（本分钟消息已达条数上限）")
	}
	return fmt.Errorf("以下接收人未推送成功：%s；可稍后重新运行本命令，已收到的不会重复推送", strings.Join(fails, "；"))
}

func names(rs []bulletin.Recipient) string {
	var s []string
	for _, r := range rs {
		s = append(s, r.String())
	}
	return strings.Join(s, "、")
}
