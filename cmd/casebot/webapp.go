package main

import "casebot/handlers/webapp"

// mountWebApp adds the app's own page inside WeCom (/app/: 台账 and 判决书
// uploads, file exports) to the mux, signing people in through the
// sender's 网页授权, and WeCom's domain-ownership file when configured.
func (a *app) mountWebApp() error {
	w, err := webapp.New(webapp.Deps{Config: a.cfg, Store: a.store, Sender: a.sender,
		OAuth: a.sender.OAuth(a.cfg.App.OAuthBase), Explain: a.explain, Log: a.log})
	if err != nil {
		return err
	}
	a.webapp = w
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
