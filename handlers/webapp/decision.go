package webapp

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/decision"
	"casebot/bot/people"
	"casebot/bot/store"
)

// 上传判决书: upload → what was read and which case it belongs to (asking
// when the text names none or several) → 确认关联 → confirmation in chat.
// Reading and matching are bot/decision's (Check, Attach); the page adds
// who may attach to which case, the choice among the cases the person may
// see, and keeps the file between the two steps like a ledger upload.

const decisionRefusal = "上传判决书由司法局应诉专班、普法人员和各单位承办人办理。"

func (a *App) decisionOff(w http.ResponseWriter, r *http.Request, rq *request) bool {
	return a.unavailable(w, r, rq, a.ex != nil, "以案说法功能未启用，暂时不能上传判决书。",
		canDecide(rq.person), "decision", decisionRefusal)
}

// unavailable answers, and says true, when a page's feature is not
// configured (off is why, in the user's words) or the person may not use
// it (area and refusal as forbidden takes them).
func (a *App) unavailable(w http.ResponseWriter, r *http.Request, rq *request, configured bool, off string, may bool, area, refusal string) bool {
	if !configured {
		a.message(w, r, rq, http.StatusServiceUnavailable, msg{Heading: "暂不可用", Error: off, Links: homeLink})
		return true
	}
	if !may {
		a.forbidden(w, r, rq, area, refusal)
		return true
	}
	return false
}

func (a *App) decisionForm(w http.ResponseWriter, r *http.Request, rq *request) {
	if a.decisionOff(w, r, rq) {
		return
	}
	a.render(w, r, rq, http.StatusOK, "decision_form", "上传判决书", map[string]string{"Limit": bot.HumanBytes(a.maxDecision())})
}

// caseOption is a case offered for choice.
type caseOption struct{ Number, Label string }

type optionGroup struct {
	Group string
	Cases []caseOption
}

// decisionView is the page that shows what was read.
type decisionView struct {
	File, Summary, Kind, Act string
	Own, Related             []string
	Parts, Statutes          []string
	Notes                    []string
	Problem                  string
	Number, CaseLabel        string
	Ready, Mismatch, Pick    bool
	Candidates               []caseOption
	Options                  []optionGroup
	Token, Expires           string
}

func (a *App) decisionUpload(w http.ResponseWriter, r *http.Request, rq *request) {
	if a.decisionOff(w, r, rq) {
		return
	}
	limit := a.maxDecision()
	// Read up to twice the limit, so that the service can say how large a
	// file over it is; beyond that the page says it.
	if r.ContentLength > 2*limit+maxFormBytes {
		a.tooLarge(w, r, rq, "", limit, "decision")
		return
	}
	f, err := rq.readFile(2 * limit)
	switch {
	case errors.Is(err, errTooLarge):
		a.tooLarge(w, r, rq, f.Name, limit, "decision")
		return
	case err != nil:
		a.message(w, r, rq, http.StatusBadRequest, msg{Heading: "上传未完成", Error: "文件没有完整上传（网络中断或页面已关闭），没有做任何处理。请重新上传。", Links: []link{{URL: "/app/decision", Text: "重新上传"}}})
		return
	case f.Name == "":
		a.message(w, r, rq, http.StatusBadRequest, msg{Heading: "没有收到文件", Error: "请先选择要上传的判决书或复议决定书文件，再点“上传并识别”。", Links: []link{{URL: "/app/decision", Text: "返回"}}})
		return
	}
	f.Name = baseName(f.Name)
	query := strings.TrimSpace(f.Fields.Get("number"))
	ctx := r.Context()
	p, err := a.ex.Attach.Check(ctx, f.Name, f.Data, query)
	e := rq.entry(audit.Query, "app-decision-check")
	e.Text = f.Name
	if err != nil {
		e.Detail = "未关联：" + bot.ErrorMessage(err)
		a.record(ctx, e)
		a.userError(w, r, rq, "无法识别文书", err, []link{{URL: "/app/decision", Text: "重新选择文件"}})
		return
	}
	up := &upload{Kind: kindDecision, User: rq.person.UserID, Name: f.Name, At: a.now(), Query: query, Data: f.Data}
	tok, err := a.uploads.put(ctx, up)
	if err != nil {
		a.internal(w, r, rq, err)
		return
	}
	v, err := a.decisionView(ctx, rq.person, p, tok)
	if err != nil {
		a.internal(w, r, rq, err)
		return
	}
	e.Results, e.Cases = len(v.Own), v.Own
	e.Detail = fmt.Sprintf("识别：%s；拟关联 %s；SHA-256 %s", v.Summary, orDash(v.Number), p.SHA256)
	if v.Problem != "" {
		e.Detail += "；" + v.Problem
	}
	a.record(ctx, e)
	a.render(w, r, rq, http.StatusOK, "decision_preview", "文书识别结果", v)
}

// decisionView describes a proposal to person: what was read, and either
// the case it goes to, or the problem and the cases to choose from.
func (a *App) decisionView(ctx context.Context, person *people.Person, p *decision.Proposal, token string) (*decisionView, error) {
	d := p.Document()
	v := &decisionView{File: p.FileName, Summary: decision.Summary(&p.Attachment, d), Kind: string(d.Kind),
		Own: p.Own, Notes: p.Notes, Token: token,
		Expires: a.now().Add(a.cfg.App.UploadTTL).In(a.loc()).Format("15:04")}
	for _, n := range d.Related {
		v.Related = append(v.Related, n.String())
	}
	if d.ContestedAct != nil {
		v.Act = d.ContestedAct.Text
	}
	for _, part := range []decision.Part{decision.PartParties, decision.PartClaims, decision.PartDefense, decision.PartFacts, decision.PartReasoning, decision.PartOperative} {
		if d.Section(part) != "" {
			v.Parts = append(v.Parts, d.Label(part))
		}
	}
	for _, s := range d.Statutes {
		v.Statutes = append(v.Statutes, s.String())
	}
	v.Problem = p.Problem()
	if p.Number != "" {
		c, err := a.st.Get(ctx, p.Number)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
		if c == nil || !canAttach(a.scope, person, c) {
			// Not a case this person may attach to: say so without
			// showing it, and let them choose among theirs.
			v.Problem = fmt.Sprintf("文书对应的案件 %s 不在您可以关联的案件范围内（%s）。如文书确属您单位的案件，请从下面选择，或联系应诉专班关联。", p.Number, scopeNote(person))
			v.Notes = nil
			v.Mismatch = false
		} else {
			v.Number, v.CaseLabel = p.Number, a.caseLabel(person, c)
			v.Mismatch = p.Mismatch
			v.Ready = !p.Mismatch
		}
	}
	if !v.Ready {
		v.Pick = true
		var err error
		if v.Candidates, err = a.visibleOptions(ctx, person, p.Candidates); err != nil {
			return nil, err
		}
		if v.Options, err = a.pickable(ctx, person, v.Candidates); err != nil {
			return nil, err
		}
	}
	return v, nil
}

func scopeNote(p *people.Person) string {
	switch p.Role {
	case people.Handler, people.Head:
		return "承办人可关联本单位为被告的案件"
	case people.Pufa:
		return "普法人员可关联已结案件"
	}
	return "您可查看的案件"
}

// caseLabel is a case in one line for a choice: parties and cause.
func (a *App) caseLabel(viewer *people.Person, c *cases.Case) string {
	var b strings.Builder
	parties, agencies := a.scope.Plaintiffs(viewer, c), strings.Join(c.Defendants, "、")
	switch c.Kind {
	case cases.Reconsideration:
		b.WriteString("申请人 " + parties + "，被申请人 " + agencies)
	case cases.Litigation:
		b.WriteString(parties + " 诉 " + agencies)
	default:
		b.WriteString(parties + "；" + agencies)
	}
	if c.Cause != "" {
		b.WriteString(" · ")
		b.WriteString(c.Cause)
	}
	if c.Open() {
		b.WriteString(" · 未结")
	} else {
		b.WriteString(" · " + c.Closure.On.In(a.loc()).Format("2006-01-02") + " 结案")
	}
	return b.String()
}

// visibleOptions keeps the numbers of cases person may attach to.
func (a *App) visibleOptions(ctx context.Context, person *people.Person, numbers []string) ([]caseOption, error) {
	if len(numbers) == 0 {
		return nil, nil
	}
	cs, err := a.st.GetMany(ctx, numbers)
	if err != nil {
		return nil, err
	}
	var out []caseOption
	for _, c := range cs {
		if c != nil && canAttach(a.scope, person, c) {
			out = append(out, caseOption{Number: c.Number, Label: a.caseLabel(person, c)})
		}
	}
	return out, nil
}

// pickLimit bounds the cases listed for choice; any other can be typed.
const pickLimit = 60

// pickable lists cases person may attach a decision to, for choosing when
// the text names none: the recently closed first (a decision usually
// comes with the closure), then open ones, newest first; an agency's
// people get their agency's. Cases already offered are left out.
func (a *App) pickable(ctx context.Context, person *people.Person, offered []caseOption) ([]optionGroup, error) {
	now := a.now()
	skip := map[string]bool{}
	for _, o := range offered {
		skip[o.Number] = true
	}
	var closed, open []string
	if person.Role == people.Handler || person.Role == people.Head {
		ns, _, err := a.st.AgencyNumbers(ctx, person.Agency, store.Page{Limit: 4 * pickLimit})
		if err != nil {
			return nil, err
		}
		open = ns // split by state below
	} else {
		ns, err := a.st.ClosedNumbers(ctx, now.AddDate(-1, 0, 0), now.Add(time.Minute))
		if err != nil {
			return nil, err
		}
		slices.Reverse(ns)
		closed = ns
		if person.Role != people.Pufa {
			os, err := a.st.OpenNumbers(ctx)
			if err != nil {
				return nil, err
			}
			if len(os) <= 4*pickLimit {
				slices.Sort(os)
				slices.Reverse(os)
				open = os
			}
		}
	}
	numbers := append(slices.Clip(closed), open...)
	if len(numbers) > 4*pickLimit {
		numbers = numbers[:4*pickLimit]
	}
	cs, err := a.st.GetMany(ctx, numbers)
	if err != nil {
		return nil, err
	}
	groups := []optionGroup{{Group: "近一年结案的案件"}, {Group: "未结案件"}}
	n := 0
	for _, c := range cs {
		if c == nil || skip[c.Number] || !canAttach(a.scope, person, c) || n >= pickLimit {
			continue
		}
		skip[c.Number] = true
		g := &groups[1]
		if !c.Open() {
			g = &groups[0]
		}
		g.Cases = append(g.Cases, caseOption{Number: c.Number, Label: a.caseLabel(person, c)})
		n++
	}
	var out []optionGroup
	for _, g := range groups {
		if len(g.Cases) > 0 {
			out = append(out, g)
		}
	}
	return out, nil
}

// attachedView is the page after attaching.
type attachedView struct {
	File, Number, Summary string
	Notes                 []string
	Same, Chat            bool
	ChatAt                string // put off by the rate limit: when it comes
}

func (a *App) decisionConfirm(w http.ResponseWriter, r *http.Request, rq *request) {
	if a.decisionOff(w, r, rq) {
		return
	}
	ctx := r.Context()
	var previous attachedView
	up, ok := a.confirming(w, r, rq, kindDecision, "decision_done", "文书已关联", &previous)
	if !ok {
		return
	}
	// The case chosen: the proposal's own (a hidden field), a candidate
	// (radio), one from the list, or one typed.
	number := ""
	for _, f := range []string{"number", "pick", "typed"} {
		if v := strings.TrimSpace(rq.form.Get(f)); v != "" {
			number = v
			break
		}
	}
	force := rq.form.Get("force") == "1"
	if number == "" {
		number = up.Query
	}
	release := func() { a.uploads.release(context.WithoutCancel(ctx), up) }
	// Read and match again against the case chosen: the file is the one
	// previewed, the ledger is today's.
	p, err := a.ex.Attach.Check(ctx, up.Name, up.Data, number)
	var ue *bot.Error
	if errors.As(err, &ue) && number != up.Query {
		// The case chosen is not one it can go to (a typed number not in
		// the ledger): show the file again with why.
		if p, err = a.ex.Attach.Check(ctx, up.Name, up.Data, up.Query); err == nil {
			release()
			v, err := a.decisionView(ctx, rq.person, p, up.Token)
			if err != nil {
				a.internal(w, r, rq, err)
				return
			}
			v.Problem, v.Ready, v.Pick = ue.Message, false, true
			if v.Options == nil {
				if v.Candidates, err = a.visibleOptions(ctx, rq.person, p.Candidates); err == nil {
					v.Options, err = a.pickable(ctx, rq.person, v.Candidates)
				}
				if err != nil {
					a.internal(w, r, rq, err)
					return
				}
			}
			a.render(w, r, rq, http.StatusOK, "decision_preview", "文书识别结果", v)
			return
		}
	}
	if err != nil {
		release()
		a.userError(w, r, rq, "无法关联", err, []link{{URL: "/app/decision", Text: "重新上传"}})
		return
	}
	v, err := a.decisionView(ctx, rq.person, p, up.Token)
	if err != nil {
		release()
		a.internal(w, r, rq, err)
		return
	}
	if !v.Ready && !(v.Mismatch && force) {
		// Still not attachable as it is: show why, and the choice again.
		release()
		a.render(w, r, rq, http.StatusOK, "decision_preview", "文书识别结果", v)
		return
	}
	changed, err := a.ex.Attach.Attach(ctx, p, rq.entry("", ""), force)
	if err != nil {
		release()
		a.userError(w, r, rq, "无法关联", err, []link{{URL: "/app/decision", Text: "重新上传"}})
		return
	}
	out := attachedView{File: p.FileName, Number: p.Number, Summary: v.Summary, Notes: p.Notes, Same: !changed}
	if changed {
		text := fmt.Sprintf("您在应用页面上传的%s已关联到案件 %s：%s。", orKindText(p.Kind), p.Number, v.Summary)
		if c, err := a.st.Get(ctx, p.Number); err == nil && !c.Open() {
			text += "\n现在可以为本案撰写以案说法，写作时将以文书中的查明事实、本院认为和裁判主文为依据。"
		}
		if err := a.sendText(ctx, "decision:"+up.Token, bot.Text(text, rq.person.UserID), &out.Chat, &out.ChatAt); err != nil {
			a.log.Error("app page: attach not confirmed in chat", "user", rq.person.UserID, "err", err)
		}
	}
	if err := a.uploads.finish(context.WithoutCancel(ctx), up, out); err != nil {
		a.log.Warn("app page: attach outcome not kept with its upload", "err", err)
	}
	a.render(w, r, rq, http.StatusOK, "decision_done", "文书已关联", out)
}

func orKindText(k decision.Kind) string {
	if k == "" || k == decision.KindUnknown {
		return "文书"
	}
	return string(k)
}
