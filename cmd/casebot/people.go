package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"casebot/bot/audit"
	"casebot/bot/directory"
	"casebot/config"
)

const peopleImportUsage = "用法：casebot people import FILE.xlsx|FILE.csv [--dry-run] [--json]（表头：账号、姓名、角色、单位，可加 职务）"

// runPeopleImport loads the people directory from a file: every row is
// checked first, and the file is written whole or not at all.
func runPeopleImport(e *env, args []string) error {
	fs := e.flags("people import")
	dryRun := fs.Bool("dry-run", false, "只检查并报告将会发生的变化，不写入")
	asJSON := fs.Bool("json", false, `以 JSON 输出：{"rows","created","updated","unchanged","errors","notes","written"}`)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("%s", peopleImportUsage)
	}
	cfg, err := e.config(config.ModeTool)
	if err != nil {
		return err
	}
	names, err := e.agencyNames()
	if err != nil {
		return err
	}
	// The file is read and checked before Redis is touched, so a bad file
	// is reported even when Redis is down.
	f, err := os.Open(pos[0])
	if err != nil {
		return fmt.Errorf("无法打开人员名单 %s：%w", pos[0], err)
	}
	defer f.Close()
	file, err := directory.Read(f, pos[0])
	if err != nil {
		return fmt.Errorf("%s：%w", filepath.Base(pos[0]), err)
	}
	st, err := e.openStore()
	if err != nil {
		return err
	}
	ctx := ctxBackground()
	rep, err := directory.Import(ctx, st, names, file, *dryRun)
	if err != nil {
		return err
	}
	if rep.Written {
		log := audit.New(st.Client(), st.Keys(), cfg.Audit.MaxLen)
		if err := log.Record(ctx, audit.Entry{At: st.Now(), User: "cli", Action: audit.People, Kind: "import",
			Text: filepath.Base(pos[0]), Results: rep.Created + rep.Updated,
			Detail: fmt.Sprintf("新增 %d 人，更新 %d 人，未变 %d 人", rep.Created, rep.Updated, rep.Unchanged)}); err != nil {
			return err
		}
	}
	if *asJSON {
		if rep.Errors == nil {
			rep.Errors = []directory.RowError{}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		for _, re := range rep.Errors {
			fmt.Fprintln(e.stderr, re.Error())
		}
		for _, n := range rep.Notes {
			fmt.Fprintln(e.stderr, "提示："+n.Error())
		}
		w := e.stdout
		fmt.Fprintf(w, "%s：读取 %d 行\n", filepath.Base(pos[0]), rep.Rows)
		if len(rep.Errors) == 0 {
			verb := ""
			if *dryRun {
				verb = "将"
			}
			fmt.Fprintf(w, "%s新增 %d 人，%s更新 %d 人，未变 %d 人\n", verb, rep.Created, verb, rep.Updated, rep.Unchanged)
			switch {
			case *dryRun:
				fmt.Fprintln(w, "试运行，未写入任何数据")
			case rep.Written:
				fmt.Fprintln(w, "已写入人员名单")
			default:
				fmt.Fprintln(w, "人员名单无变化，未写入")
			}
		}
	}
	if len(rep.Errors) > 0 {
		return fmt.Errorf("人员名单有 %d 处错误（第一处：%s），未导入任何人员；修正后请重新导入",
			len(rep.Errors), strings.TrimSpace(rep.Errors[0].Error()))
	}
	return nil
}
