package intent

// What a message about the app page's files asks (Understanding.FileAct):
// the chat commands of handlers/webapp, in any wording.
const (
	FileExportLedger = "export_ledger" // 导出台账, 把台账导出来发我
	FileLedgerLink   = "ledger_link"   // 写入台账, 台账更新了怎么导进去
	FileDecisionLink = "decision_link" // 上传判决书, 判决书下来了传到哪
	FileUndoImport   = "undo_import"   // 撤销导入, 刚才导错了撤回一下
)

var (
	ledgerWord   = mustCompile(`台账|案件表|登记表|excel|表格`)
	decisionWord = mustCompile(`判决书|裁定书|裁判文书|文书|复议决定书|决定书`)
	undoRe       = mustCompile(`(?:撤销|撤回|取消|回退|恢复)(?:一下|掉)?(?:刚才|刚刚|上次|最近|最新)?(?:一次)?的?(?:导入|上传|写入)|(?:导入|上传|写入)(?:错了|有误|出错).{0,8}(?:撤销|撤回|回退|恢复)`)
	exportWord   = mustCompile(`导出|下载|发我|发给我|发一份|发个|给我一份|导成|要一份|拿一份`)
	uploadWord   = mustCompile(`重新导|导一遍|导一下|重导|怎么传|传哪|往哪传|在哪传|哪里传|发给你|上传|写入|导入|导进|更新|传到|传上|传一下|录入|提交|附上|关联|挂上|放上去|放到`)
)

// fileCommand reads a request for the app page's files from the whole
// message; false for anything else.
func (r *reader) fileCommand(norm string) bool {
	set := func(act string) bool {
		r.u.Kind, r.u.FileAct, r.u.Anchored = Files, act, true
		return true
	}
	switch {
	case undoRe.MatchString(norm):
		return set(FileUndoImport)
	case ledgerWord.MatchString(norm) && exportWord.MatchString(norm) && !uploadWord.MatchString(norm):
		return set(FileExportLedger)
	case ledgerWord.MatchString(norm) && uploadWord.MatchString(norm):
		return set(FileLedgerLink)
	case decisionWord.MatchString(norm) && uploadWord.MatchString(norm):
		return set(FileDecisionLink)
	}
	return false
}
