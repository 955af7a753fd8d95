package handlers

import (
	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/intent"
)

// filesAnswer hands a request for the app page's files, in whatever
// wording the understanding step read it (帮我把台账导出来, 判决书下来了传到哪,
// 刚才导错了撤销一下), to the page's chat handlers, which check the role
// and reply themselves.
func (s *service) filesAnswer(c bot.Context, u intent.Understanding) (answer, error) {
	a := answer{noEcho: true, action: audit.Query, detail: u.FileAct}
	if s.files == nil {
		return answer{md: "抱歉，台账和判决书的上传、导出页面尚未启用。如需使用，请联系" + s.cfg.People.Contact + "。", noEcho: true}, nil
	}
	switch u.FileAct {
	case intent.FileExportLedger:
		return a, s.files.HandleExportLedger(c)
	case intent.FileLedgerLink:
		return a, s.files.HandleLedgerLink(c)
	case intent.FileDecisionLink:
		return a, s.files.HandleDecisionLink(c)
	case intent.FileUndoImport:
		return a, s.files.HandleUndo(c)
	}
	return answer{md: s.scopeText(c, u), outcome: audit.NotKnown, noEcho: true}, nil
}
