package main

import (
	"fmt"
	"sort"
	"strings"

	"casebot/bot/agency"
	"casebot/bot/audit"
	"casebot/bot/store"
)

const agenciesUsage = "用法：casebot agencies 列出被告单位；casebot agencies merge 单位A 单位B 把单位A的案件和人员并入单位B"

// runAgencies lists the agencies of the ledger, or merges two spellings.
func runAgencies(e *env, args []string) error {
	fs := e.flags("agencies")
	pos, err := parse(fs, args)
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
	switch {
	case len(pos) == 0:
		return listAgencies(e, st, names)
	case pos[0] == "merge" && len(pos) == 3:
		return mergeAgencies(e, st, names, pos[1], pos[2])
	}
	return usagef("%s", agenciesUsage)
}

func listAgencies(e *env, st *store.Store, names agency.Names) error {
	ctx := ctxBackground()
	counts, err := st.AgencyCounts(ctx)
	if err != nil {
		return err
	}
	if len(counts) == 0 {
		fmt.Fprintln(e.stdout, "台账中还没有案件，没有被告单位")
		return nil
	}
	spellings, err := st.Spellings(ctx)
	if err != nil {
		return err
	}
	recorded := map[string][]string{}
	for w, n := range spellings {
		recorded[n] = append(recorded[n], w)
	}
	list := make([]string, 0, len(counts))
	for a := range counts {
		list = append(list, a)
	}
	sort.Slice(list, func(i, j int) bool {
		if counts[list[i]] != counts[list[j]] {
			return counts[list[i]] > counts[list[j]]
		}
		return list[i] < list[j]
	})
	fmt.Fprintf(e.stdout, "被告单位 %d 个：\n", len(list))
	byKey := map[string][]string{}
	all := names.With(spellings)
	for _, a := range list {
		line := fmt.Sprintf("  %s：%d 件", a, counts[a])
		var other []string
		ws := recorded[a]
		sort.Strings(ws)
		other = append(other, ws...)
		for _, al := range names.Aliases(a) {
			other = append(other, al+"（配置的别名）")
		}
		if len(other) > 0 {
			line += "；其他写法：" + strings.Join(other, "、")
		}
		fmt.Fprintln(e.stdout, line)
		k := all.Key(a)
		byKey[k] = append(byKey[k], a)
	}
	// Spellings of one agency stored apart (before imports named agencies
	// one way): say how to merge them.
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if same := byKey[k]; len(same) > 1 {
			fmt.Fprintf(e.stdout, "提示：%s 应是同一单位，合并请运行 casebot agencies merge %s %s\n",
				strings.Join(same, "、"), same[1], same[0])
		}
	}
	return nil
}

func mergeAgencies(e *env, st *store.Store, names agency.Names, fromArg, intoArg string) error {
	ctx := ctxBackground()
	known, err := st.Agencies(ctx)
	if err != nil {
		return err
	}
	// An agency is named as the ledger stores it; a short or other
	// writing that designates exactly one stored agency will do.
	pick := func(arg string, mustExist bool) (string, error) {
		for _, a := range known {
			if a == arg {
				return a, nil
			}
		}
		switch m := names.Resolve(arg, known); len(m) {
		case 1:
			return m[0], nil
		case 0:
			if mustExist {
				return "", fmt.Errorf("台账中没有被告单位“%s”；运行 casebot agencies 查看单位名", arg)
			}
			return arg, nil
		default:
			if !mustExist {
				return arg, nil
			}
			return "", fmt.Errorf("“%s”对应多个单位（%s），请写出要合并的那一个的完整名称", arg, strings.Join(m, "、"))
		}
	}
	from, err := pick(fromArg, true)
	if err != nil {
		return err
	}
	into, err := pick(intoArg, false)
	if err != nil {
		return err
	}
	if from == into {
		return fmt.Errorf("“%s”和“%s”在台账中是同一个单位名，无需合并", fromArg, intoArg)
	}
	rep, err := st.MergeAgency(ctx, from, into)
	if err != nil {
		return err
	}
	log := audit.New(st.Client(), st.Keys(), e.cfg.Audit.MaxLen)
	if err := log.Record(ctx, audit.Entry{At: st.Now(), User: "cli", Action: audit.Update, Kind: "agency-merge",
		Text: fmt.Sprintf("单位“%s”并入“%s”", from, into), Results: len(rep.Cases), Cases: headOf(rep.Cases, audit.MaxCases),
		Detail: fmt.Sprintf("案件 %d 件，人员 %d 人", len(rep.Cases), rep.People)}); err != nil {
		return fmt.Errorf("已合并，但审计记录写入失败：%w", err)
	}
	fmt.Fprintf(e.stdout, "已把“%s”并入“%s”：改写案件 %d 件、人员 %d 人；以后台账写作“%s”的也记为“%s”\n",
		from, into, len(rep.Cases), rep.People, from, into)
	return nil
}

func headOf(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
