package webapp

import (
	"errors"
	"fmt"
	"net/http"

	"casebot/bot"
)

// exportLedgerPage is the page's 导出当前台账 button: the ledger goes to the
// person's chat as a file (a page cannot hand a download to the WeCom
// client as reliably as a file message).
func (a *App) exportLedgerPage(w http.ResponseWriter, r *http.Request, rq *request) {
	once := rq.form.Get("once")
	if once == "" || len(once) > 64 {
		once = randomToken(12)
	}
	id := "export:" + rq.person.UserID + ":" + once
	sent, err := a.ExportLedger(pushOnce(r.Context(), id), rq.person)
	if at, later := a.sendLater(err, id, func() error {
		_, err := a.ExportLedger(pushOnce(r.Context(), id), rq.person)
		return err
	}); later {
		a.message(w, r, rq, http.StatusAccepted, msg{Heading: "稍后发送",
			Success: fmt.Sprintf("企业微信限制每人每分钟接收的消息条数，您这一分钟的条数已用完。台账文件已排队，将于 %s 左右自动发送到您的聊天窗口，无需再点一次。", a.clockText(at)),
			Links:   homeLink})
		return
	}
	if errors.Is(err, bot.ErrUndelivered) {
		// WeCom slow or down: the sender gave up for now (the page has no
		// inbox to retry it later, so the person is asked to).
		a.log.Warn("app page: exported ledger not delivered", "user", rq.person.UserID, "err", err)
		a.message(w, r, rq, http.StatusServiceUnavailable, msg{Heading: "暂未发送",
			Error: "抱歉，企业微信暂时没有响应，台账文件还没能发送到您的聊天窗口。请稍后返回首页，再点一次“导出当前台账”。", Links: homeLink})
		return
	}
	if err != nil {
		a.userError(w, r, rq, "无法导出", err, homeLink)
		return
	}
	a.message(w, r, rq, http.StatusOK, msg{Heading: "台账已发送",
		Success: fmt.Sprintf("已将当前台账（%d 件案件，%d 行）以文件“%s”发送到您的企业微信聊天窗口，请在“案件助手”会话中查收。", sent.Cases, sent.Rows, sent.Name),
		Lines:   []string{"文件可用 Excel 或 WPS 打开；修改后可在本页面“上传台账”写回。"}, Links: homeLink})
}
