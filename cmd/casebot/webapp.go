package main

import "casebot/handlers/webapp"

// mountWebApp adds the app's own page inside WeCom (/app/: 台账 and 判决书
// uploads, file exports) to the mux, signing people in through the
// sender's 网页授权, and WeCom's domain-ownership file when configured;
// and the page's chat commands (导出台账, 写入台账, 上传判决书, 撤销导入,
// 导出 <案号>) to the bot.
func (a *app) mountWebApp() error {
	w, err := webapp.New(webapp.Deps{Config: a.cfg, Store: a.store, Sender: a.sender,
		OAuth: a.sender.OAuth(a.cfg.App.OAuthBase), Explain: a.explain, Rectify: a.reminders, Log: a.log})
	if err != nil {
		return err
	}
	a.webapp = w
	w.Register(a.bot)
	a.mux.Handle("/app/", w)
	pattern, verify, err := webapp.DomainVerify(a.cfg.App.DomainVerifyFile)
	if err != nil {
		return err
	}
	if verify != nil {
		a.mux.Handle(pattern, verify)
	}
	return nil
}
