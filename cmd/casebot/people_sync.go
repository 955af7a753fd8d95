package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"casebot/bot/audit"
	"casebot/bot/directory"
	"casebot/bot/people"
	"casebot/bot/wecom"
	"casebot/config"
)

// runPeopleSync brings the directory in line with the WeCom address list's
// departments mapped in people.departments.
func runPeopleSync(e *env, args []string) error {
	fs := e.flags("people sync")
	dryRun := fs.Bool("dry-run", false, "只报告将会发生的变化，不写入")
	asJSON := fs.Bool("json", false, `以 JSON 输出：{"members","created","updated","unchanged","kept","errors","notes","written"}`)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("用法：casebot people sync [--dry-run] [--json]")
	}
	cfg, err := e.config(config.ModeTool)
	if err != nil {
		return err
	}
	var missing []string
	for key, ok := range map[string]bool{
		"wecom.corp_id": cfg.WeCom.CorpID != "", "wecom.secret": cfg.WeCom.Secret != "", "people.departments": len(cfg.People.Departments) > 0,
	} {
		if !ok {
			missing = append(missing, key+" ("+config.EnvName(key)+")")
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("同步通讯录需要配置：%s", strings.Join(sorted(missing), "、"))
	}
	depts, err := directory.ParseDepartments(cfg.People.Departments)
	if err != nil {
		return err
	}
	role, err := people.ParseRole(cfg.People.SyncRole)
	if err != nil {
		return err
	}
	names, err := e.agencyNames()
	if err != nil {
		return err
	}
	st, err := e.openStore()
	if err != nil {
		return err
	}
	sender := wecom.NewSender(cfg.WeCom, cfg.Sender, st.Client(), st.Keys(), wecom.Options{})
	src := directory.MemberSourceFunc(func(ctx context.Context, dept int) ([]directory.Member, error) {
		ms, err := sender.DepartmentMembers(ctx, dept)
		var out []directory.Member
		for _, m := range ms {
			if m.Status == 2 || m.Status == 5 { // disabled, or left the organisation
				continue
			}
			out = append(out, directory.Member{UserID: m.UserID, Name: m.Name, Post: m.Position, Leader: m.Leads(dept)})
		}
		return out, err
	})
	ctx := ctxBackground()
	rep, err := directory.Sync(ctx, st, src, depts, names, role, *dryRun)
	if err != nil {
		return err
	}
	if rep.Written {
		log := audit.New(st.Client(), st.Keys(), cfg.Audit.MaxLen)
		if err := log.Record(ctx, audit.Entry{At: st.Now(), User: "cli", Action: audit.People, Kind: "sync",
			Text: "企业微信通讯录", Results: rep.Created + rep.Updated,
			Detail: fmt.Sprintf("新增 %d 人，更新 %d 人，未变 %d 人", rep.Created, rep.Updated, rep.Unchanged)}); err != nil {
			return err
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		for _, m := range rep.Errors {
			fmt.Fprintln(e.stderr, m)
		}
		for _, n := range rep.Notes {
			fmt.Fprintln(e.stderr, "提示："+n)
		}
		if len(rep.Kept) > 0 {
			fmt.Fprintf(e.stderr, "提示：%s 是司法局人员或普法组成员，同步不修改\n", strings.Join(rep.Kept, "、"))
		}
		if len(rep.Errors) == 0 {
			verb := ""
			if *dryRun {
				verb = "将"
			}
			fmt.Fprintf(e.stdout, "通讯录 %d 个部门共 %d 人：%s新增 %d 人，%s更新 %d 人，未变 %d 人\n",
				len(depts), rep.Members, verb, rep.Created, verb, rep.Updated, rep.Unchanged)
			switch {
			case *dryRun:
				fmt.Fprintln(e.stdout, "试运行，未写入任何数据")
			case rep.Written:
				fmt.Fprintln(e.stdout, "已写入人员名单")
			default:
				fmt.Fprintln(e.stdout, "人员名单无变化，未写入")
			}
		}
	}
	if len(rep.Errors) > 0 {
		return fmt.Errorf("同步发现 %d 处问题（第一处：%s），未写入任何人员", len(rep.Errors), rep.Errors[0])
	}
	return nil
}

func sorted(ss []string) []string {
	out := slices.Clone(ss)
	slices.Sort(out)
	return out
}
