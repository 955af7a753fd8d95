package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"casebot/bot/ledger"
	"casebot/config"
)

func runExport(e *env, args []string) error {
	fs := e.flags("export")
	force := fs.Bool("force", false, "文件已存在时覆盖它")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("请给出一个导出文件名，例如 casebot export 台账.xlsx")
	}
	path := pos[0]
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return usagef("导出文件名应以 .xlsx 结尾：%s", path)
	}
	if fi, err := os.Stat(path); err == nil && !*force {
		if fi.IsDir() {
			return fmt.Errorf("%s 是一个目录，请给出导出文件名，例如 %s", path, filepath.Join(path, "台账.xlsx"))
		}
		return fmt.Errorf("文件 %s 已存在，未覆盖：换一个文件名，或加 --force 覆盖它", path)
	}
	cfg, err := e.config(config.ModeTool)
	if err != nil {
		return err
	}
	st, err := e.openStore()
	if err != nil {
		return err
	}
	// Write beside the target and rename, so a failed export never leaves
	// half a ledger where the last good one was.
	tmp, err := os.CreateTemp(filepath.Dir(path), ".casebot-export-*.xlsx")
	if err != nil {
		return fmt.Errorf("无法在 %s 写入文件：%v", filepath.Dir(path), err)
	}
	defer os.Remove(tmp.Name())
	n, rows, err := ledger.Export(ctxBackground(), st, tmp, cfg.Location)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("无法写入 %s：%v", path, err)
	}
	fmt.Fprintf(e.stdout, "已导出 %d 件案件（%d 行）到 %s\n", n, rows, path)
	return nil
}
