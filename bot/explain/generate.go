package explain

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
	"unicode"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/decision"
	"casebot/bot/llm"
	"casebot/bot/privacy"
	"casebot/prompts"
)

// Completer is the model: *llm.Client.
type Completer interface {
	Complete(ctx context.Context, msgs []llm.Message) (llm.Answer, error)
	Model() string
}

var _ Completer = (*llm.Client)(nil)

// Generator writes and stores drafts.
type Generator struct {
	// LLM is the model; nil means every draft is built offline.
	LLM     Completer
	Prompts *prompts.Set
	Drafts  *Drafts
	// Decisions holds the decisions attached to cases; nil means drafts
	// are written from the ledger fields alone.
	Decisions *decision.Store
	Loss      cases.LossSet
	// MaxInputChars is llm.max_input_chars: the budget of one prompt.
	MaxInputChars int
	// Location is the configured time zone; Now the clock.
	Location *time.Location
	Now      func() time.Time
	Log      *slog.Logger
	// Privacy are the anonymization rules (config privacy.*).
	Privacy privacy.Options
}

// leakAttempts is how many model drafts are tried when one still holds
// personal data after anonymization; after that the offline draft is
// delivered instead, with the reason in its header.
const leakAttempts = 2

// reasonLeaked is the offline reason when every model draft leaked.
func reasonLeaked(kinds []privacy.Kind) string {
	ks := make([]string, len(kinds))
	for i, k := range kinds {
		ks[i] = string(k)
	}
	return fmt.Sprintf("大模型连续 %d 次生成的草稿脱敏后仍检出个人信息（%s），为保护当事人隐私已改用台账字段整理", leakAttempts, strings.Join(ks, "、"))
}

// Request asks for one draft.
type Request struct {
	Case      *cases.Case
	Requester string
	// Hint is an angle (换个角度：…), as the user typed it.
	Hint string
	// Offline builds the draft from the fields without the model.
	Offline bool
	// JobID ties the draft to a queued job, for redelivery.
	JobID string
}

// Lengths asked of the model (DOMAIN.md §4).
const (
	MinChars = 1000
	MaxChars = 2000
)

// Errors users see, in Chinese.
var (
	ErrOpen = bot.Errorf(bot.EInvalid, "该案件尚未结案。以案说法只以已结案件为素材，请在结案后再试。")
)

// LeakRefusal is the message sent instead of a draft that still held
// personal data after two passes of anonymization and could not be
// replaced by the offline draft.
func LeakRefusal(err *privacy.LeakError) *bot.Error {
	kinds := make([]string, len(err.Kinds))
	for i, k := range err.Kinds {
		kinds[i] = string(k)
	}
	return bot.Errorf(bot.EForbidden, "抱歉，生成的草稿经两次脱敏后仍检出个人信息（%s），为保护当事人隐私，本稿已拒绝输出、未予保存。请回复“重新生成”再试一次；如反复出现，请联系司法局管理员。", strings.Join(kinds, "、"))
}

// Generate writes a draft for a closed case and stores it as the case's
// next version. The decision attached to the case, if any, is anonymized
// whole and its 查明, 认为 and 主文 given to the model within the prompt's
// budget; without one the draft is written from the fields and says so.
// The model is used unless the request is offline or none is configured;
// if the model still fails after its retries, the draft is built offline
// instead. A model draft that still leaks personal data after
// anonymization is asked for again; when the second leaks too, the
// offline draft is delivered, its header saying why. An offline draft
// that leaks is refused with a user-facing *bot.Error.
func (g *Generator) Generate(ctx context.Context, req Request) (*Draft, error) {
	c := req.Case
	if c.Open() {
		return nil, ErrOpen
	}
	m, anon, err := g.loadMaterial(ctx, c)
	if err != nil {
		return nil, err
	}
	in, supplied, err := g.prompt(c, m, anon, req.Hint)
	if err != nil {
		return nil, err
	}
	d := &Draft{
		Number: c.Number, CreatedAt: g.now(), Requester: req.Requester, Hint: in.Hint,
		PromptVersion: g.Prompts.Version(), JobID: req.JobID, Decision: decisionRef(m),
	}
	if in.Decision != nil {
		d.Reduced = in.Decision.Reduced
	}
	var clean, sent string
	switch {
	case req.Offline:
		d.Offline, d.OfflineReason = true, ReasonAsked
	case g.LLM == nil:
		d.Offline, d.OfflineReason = true, ReasonNotConfigured
	default:
		system, user, err := g.request(in, c.Number)
		if err != nil {
			return nil, err
		}
		sent = system + "\n" + user
		// A draft that still leaks is asked for again once; a model that
		// keeps leaking gets the offline draft delivered in its place.
		for attempt := 1; ; attempt++ {
			ans, err := g.LLM.Complete(ctx, []llm.Message{{Role: llm.System, Content: system}, {Role: llm.User, Content: user}})
			if err != nil {
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				g.log().Error("model failed after retries; building the draft offline", "case", c.Number, "err", err)
				d.Offline, d.OfflineReason = true, ReasonModelFailed
				break
			}
			var leak *privacy.LeakError
			clean, err = anon.Clean(ans.Content)
			if errors.As(err, &leak) {
				g.log().Warn("model draft refused: personal data left after anonymization", "case", c.Number, "attempt", attempt, "kinds", leak.Kinds)
				if attempt < leakAttempts {
					continue
				}
				d.Offline, d.OfflineReason = true, reasonLeaked(leak.Kinds)
				break
			}
			if err != nil {
				return nil, err
			}
			d.Model = g.LLM.Model()
			break
		}
	}
	if d.Offline {
		d.PromptVersion, d.Reduced = "", ""
		var err error
		clean, err = anon.Clean(offlineBody(in, c))
		var leak *privacy.LeakError
		if errors.As(err, &leak) {
			g.log().Warn("offline draft refused: personal data left after anonymization", "case", c.Number, "kinds", leak.Kinds)
			return nil, LeakRefusal(leak)
		}
		if err != nil {
			return nil, err
		}
	}
	d.Body = clean
	if !d.Offline {
		d.Warnings = g.check(c, m, sent, clean, supplied, d.Reduced)
	}
	if err := g.Drafts.Add(ctx, d); err != nil {
		return nil, err
	}
	return d, nil
}

// check lists what the reviewer must verify in a model's draft: facts the
// source (the decision, the ledger, and so the prompt built from them)
// does not hold, articles not supplied, missing sections, the length, and
// a decision shortened for the prompt.
func (g *Generator) check(c *cases.Case, m material, prompt, draft string, supplied []decision.Statute, reduced string) []string {
	var w []string
	src := sourceFor(c, m, g.loc())
	src.add(prompt)
	if items := src.unfound(draft, supplied); len(items) > 0 {
		w = append(w, src.unfoundWarning(items))
	}
	if m.doc == nil {
		for _, f := range foreignCitations(draft, supplied) {
			w = append(w, "草稿引用了未提供给模型的法条 "+f)
		}
	}
	if missing := missingHeadings(c, draft); len(missing) > 0 {
		w = append(w, "草稿缺少以下部分："+strings.Join(missing, "、"))
	}
	if n := charCount(draft); n < MinChars || n > MaxChars {
		w = append(w, fmt.Sprintf("篇幅约 %d 字，不在要求的 %d 至 %d 字之间", n, MinChars, MaxChars))
	}
	if reduced != "" {
		w = append(w, reduced+"；模型未读到删去的部分，请对照原文核对")
	}
	return w
}

// anonymizerFor knows every natural person of the case before it reads a
// word: the natural-person parties, the handler and the heads who
// appeared, the people the decision's 当事人 section and tail name, and
// the names it can detect in the free-text fields and the decision,
// registered up front so that numbering (张某1, 张某2) is the same in the
// prompt and in the draft. loadMaterial gives a draft one rebuilt from the
// stored anonymized decision instead, when there is one.
func (g *Generator) anonymizerFor(c *cases.Case, m material) *privacy.Anonymizer {
	names, officials, texts := caseInputs(c)
	private, decisionOfficials := m.people()
	a := privacy.NewAnonymizerWith(g.Privacy, append(names, private...)...)
	a.AddOfficials(officials...)
	a.AddOfficials(decisionOfficials...)
	if m.att != nil {
		// The decision is read as it will be anonymized, its case numbers
		// masked (maskNumbers): the anonymizer remembers the names it
		// found in the last text it read, so anonymizing that same text
		// next does not read it a second time.
		texts = append(texts, m.decisionText())
	}
	a.Prepare(texts...)
	return a
}

// prompt builds the template input: the anonymized fields, the anonymized
// decision within the budget, and the articles the draft may cite.
func (g *Generator) prompt(c *cases.Case, m material, a *privacy.Anonymizer, hint string) (prompts.Input, []decision.Statute, error) {
	in := g.input(c, a, hint)
	_, absent := headAppearance(c)
	var supplied []decision.Statute
	in.Statutes, supplied = citable(statutesFor(c, absent), m.doc)
	if m.doc == nil {
		return in, supplied, nil
	}
	// The budget left for the decision: the whole limit less the prompt
	// rendered with empty parts.
	in.Decision = fitDecision(&decision.Document{}, m.doc.Title, m.doc.Issuer, 0)
	system, user, err := g.Prompts.Render(in)
	if err != nil {
		return in, nil, err
	}
	budget := g.maxInput() - runes(system) - runes(user) - promptSlack
	in.Decision = fitDecision(m.anon, titleOf(m.doc), m.doc.Issuer, budget)
	if m.doc.ContestedAct != nil {
		in.Decision.ContestedAct = m.doc.ContestedAct.Text
	}
	return in, supplied, nil
}

// request renders the messages sent to the model. The user message, the
// only one the case's material goes into, passes privacy.Strict after the
// anonymizer: whatever is still shaped like a name or an identifier is
// masked in the request alone, so that nothing the rules missed leaves
// the bureau (the stored draft and `casebot anonymize` are not affected).
// The system message is the template's with the bureau's name and fixed
// labels only.
func (g *Generator) request(in prompts.Input, number string) (system, user string, err error) {
	system, user, err = g.Prompts.Render(in)
	if err != nil {
		return "", "", err
	}
	user, n := privacy.Strict(user)
	if n > 0 {
		g.log().Info("strict pass masked what the anonymizer left in the model request", "case", number, "spans", n)
	}
	return system, user, nil
}

// titleOf names the decision: 行政判决书, else the kind.
func titleOf(d *decision.Document) string {
	if d.Title != "" {
		return d.Title
	}
	return string(d.Kind)
}

func (g *Generator) maxInput() int {
	if g.MaxInputChars > 0 {
		return g.MaxInputChars
	}
	return 24000
}

// input builds the template input from the case: only anonymized fields,
// and never the case number, the hearing places or the people's names.
func (g *Generator) input(c *cases.Case, a *privacy.Anonymizer, hint string) prompts.Input {
	in := prompts.Input{
		Bureau: "司法局", Kind: string(c.Kind), Stage: string(c.Stage),
		PartyLabel: "原告", DefendantLabel: "被告", CourtLabel: "承办法院",
		Defendants: c.Defendants, Court: c.Court,
		Cause:    a.Anonymize(c.Cause),
		Note:     a.Anonymize(c.Note),
		Hint:     a.Anonymize(strings.TrimSpace(hint)),
		FiledOn:  month(c.FiledOn, g.loc()),
		MinChars: MinChars, MaxChars: MaxChars,
	}
	in.ResultLabel, in.CommentLabel = labels(c)
	switch c.Kind {
	case cases.Reconsideration:
		in.PartyLabel, in.DefendantLabel, in.CourtLabel = "申请人", "被申请人", "复议机关"
	case cases.NonLitigation:
		in.PartyLabel, in.DefendantLabel, in.CourtLabel = "被执行人", "申请执行机关", "审查法院"
	}
	for _, p := range c.Plaintiffs {
		if p.Natural {
			in.Plaintiffs = append(in.Plaintiffs, a.Pseudonym(p.Name))
		} else {
			in.Plaintiffs = append(in.Plaintiffs, a.Anonymize(p.Name))
		}
	}
	if c.Closure != nil {
		in.ClosedOn = month(c.Closure.On, g.loc())
		in.Outcome = string(c.Closure.Method)
		in.OutcomeClass = outcomeClass(c, g.Loss)
		in.Reason = a.Anonymize(c.Closure.Reason)
	}
	in.HeadAppearance, _ = headAppearance(c)
	return in
}

// headAppearance says whether the agency's head appeared in court, without
// naming anyone, and whether a head failed to.
func headAppearance(c *cases.Case) (string, bool) {
	must, appeared, absent := false, false, false
	for _, h := range c.ActiveHearings() {
		must = must || h.MustAppear
		if h.HeadAppeared != nil {
			if *h.HeadAppeared {
				appeared = true
			} else {
				absent = true
			}
		}
	}
	var s string
	switch {
	case appeared:
		s = "行政机关负责人已出庭应诉"
	case absent:
		s = "行政机关负责人未出庭应诉"
	}
	if must && s != "" {
		s += "（属于法释〔2020〕3号第四条规定的应当通知负责人出庭的案件）"
	}
	return s, absent && !appeared
}

// charCount counts the characters of a draft as an editor would: letters,
// digits and punctuation, without spaces and markdown marks.
func charCount(md string) int {
	n := 0
	for _, r := range md {
		if !unicode.IsSpace(r) && !strings.ContainsRune("#*>`|_~", r) {
			n++
		}
	}
	return n
}

func month(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(loc)
	return fmt.Sprintf("%d年%d月", t.Year(), int(t.Month()))
}

func (g *Generator) now() time.Time {
	if g.Now != nil {
		return g.Now().In(g.loc())
	}
	return time.Now().In(g.loc())
}

func (g *Generator) loc() *time.Location {
	if g.Location != nil {
		return g.Location
	}
	return time.UTC
}

func (g *Generator) log() *slog.Logger {
	if g.Log != nil {
		return g.Log
	}
	return slog.Default()
}
