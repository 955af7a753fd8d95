// Package webapp is the app's own mobile web page inside WeCom, at /app/:
// where files come in, since WeCom delivers no file messages to a
// self-built app, and go out.
//
//   - 写入台账: staff and admins upload an .xlsx or .csv 台账; the page shows
//     the dry run (created, updated, unchanged, hearings moved or cancelled,
//     every error with its row and column) and writes only after 确认导入,
//     exactly the file previewed, kept on the server meanwhile. The result
//     is also posted in the uploader's chat; 撤销导入 (page or chat) undoes it.
//   - 上传判决书: a 裁判文书 or 复议决定书 (.docx, .pdf with text, .txt) is read
//     by bot/decision, which finds its case from the 案号 in the text; the
//     page shows what was read, asks when the text names no case or
//     several, attaches after confirmation and confirms in chat.
//   - Files going out: the current ledger (导出台账) and reviewed 以案说法
//     drafts as .xlsx/.docx file messages in chat (Files), and link cards
//     that open the page (写入台账 / 上传判决书), for the chat commands.
//
// Who uses the page is told by WeCom 网页授权 (snsapi_base: the browser
// goes to WeCom's authorize page with a state bound to a cookie, comes back
// with a code, the code is exchanged for the userid), then kept in a
// short-lived signed cookie (session.go). Every form carries a token bound
// to that session; every action reads the person's role from the directory
// and checks it (roles.go), and is audited; request bodies are capped.
//
// Pages are server-rendered html/template, embedded, with no external
// asset; the only script disables a form's buttons once it is sent.
package webapp
