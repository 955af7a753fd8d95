package webapp

import "net/http"

type homeView struct {
	Ledger, Decision, Rectify, Nothing bool
	Contact                            string
	// Once makes the export button's push happen once however often the
	// form is sent (a double tap).
	Once string
}

func (a *App) home(w http.ResponseWriter, r *http.Request, rq *request) {
	v := homeView{Ledger: canLedger(rq.person), Decision: canDecide(rq.person) && a.ex != nil, Contact: a.contact(),
		Once: randomToken(12)}
	v.Rectify = canRectify(rq.person) && a.rectify != nil
	v.Nothing = !v.Ledger && !v.Decision && !v.Rectify
	a.render(w, r, rq, http.StatusOK, "home", "首页", v)
}
