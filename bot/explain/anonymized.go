package explain

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"casebot/bot/cases"
	"casebot/bot/decision"
	"casebot/bot/privacy"
)

// The anonymized decision, made once. Reading a 30-page decision into its
// parts and anonymizing it whole is most of the cost of a prompt (about
// three times the 50 ms a prompt may take); its result depends only on
// the decision's text, the case's people and free texts, the privacy
// options and the code of the parser and the anonymizer. So it is made
// when the decision is attached (or, for one attached before, at its first
// draft), stored beside the decision (keys.DecisionAnonymized) under a
// digest of all of those, and made again whenever the digest differs: a
// new party or 承办人 in the ledger, a changed 备注, another
// privacy.keep_officials or numbering, a new privacy.Version or
// decision.ParseVersion, or a change of what this file stores
// (anonymizedVersion).

// anonymizedVersion names what this file stores and how it is made
// (maskNumbers, the record): change it with either.
const anonymizedVersion = "1"

// anonymized is the stored record.
type anonymized struct {
	Digest string `json:"digest"`
	// Doc is the decision read (decision.Parse of the original text); Anon
	// the decision as it leaves the bureau: case numbers masked,
	// anonymized, read into its parts (decision.Split).
	Doc  *decision.Document `json:"doc"`
	Anon *decision.Document `json:"anon"`
	// Prepared are the people the anonymizer knew before it read the
	// decision (the case's and those Prepare found), in order, with their
	// pseudonyms; Added those the decision's own reading added.
	Prepared []privacy.Entity `json:"prepared"`
	Added    []privacy.Entity `json:"added,omitempty"`
	// Identifying are the lines of the decision in which the anonymizer
	// removed an identifier (ID or phone number, address, plate…): read
	// again when the anonymizer is rebuilt, so that its check of the
	// model's answer knows them as it knew them here. They hold personal
	// data, as the decision stored beside them does.
	Identifying []string `json:"identifying,omitempty"`
}

// caseInputs are what the anonymizer of a draft of c is given from the
// ledger: the natural persons among the parties, the officials (the
// 承办人, the heads who appeared) and the free texts it reads first. One
// list serves the anonymizer and the digest, so neither can miss an input.
func caseInputs(c *cases.Case) (names, officials, texts []string) {
	for _, p := range c.Plaintiffs {
		if p.Natural {
			names = append(names, p.Name)
		}
	}
	officials = append(officials, c.Handler)
	for _, h := range c.Hearings {
		officials = append(officials, h.Head)
	}
	texts = []string{c.Cause, c.Note}
	if c.Closure != nil {
		texts = append(texts, c.Closure.Reason)
	}
	return names, officials, texts
}

// anonymizedDigest names everything the anonymized decision of c is made
// from (see the top of this file).
func (g *Generator) anonymizedDigest(c *cases.Case, att *decision.Attachment) string {
	h := sha256.New()
	put := func(tag string, ss ...string) {
		fmt.Fprintf(h, "%s %d\n", tag, len(ss))
		for _, s := range ss {
			fmt.Fprintf(h, "%d:%s\n", len(s), s)
		}
	}
	put("versions", versions()...)
	put("options", fmt.Sprintf("%+v", g.Privacy))
	names, officials, texts := caseInputs(c)
	put("names", names...)
	put("officials", officials...)
	put("texts", texts...)
	put("decision", att.Text)
	return hex.EncodeToString(h.Sum(nil))
}

// versions name the code the anonymized decision is made by; a test
// replaces it to stand for a new release.
var versions = func() []string {
	return []string{anonymizedVersion, decision.ParseVersion, privacy.Version, anonymizerProbe()}
}

// anonymizerProbe is what the anonymizer makes of a short text with one of
// each thing it removes: part of the digest, so that a change of its rules
// shipped without a new privacy.Version is still seen in most cases.
var anonymizerProbe = sync.OnceValue(func() string {
	return privacy.Anonymize("原告张建国，男，1980年1月2日出生，公民身份号码110101198001020011，住某省某市幸福路8号，" +
		"联系电话13800138000，驾驶贵A12345号小型轿车。委托诉讼代理人李秀英。证人王某某证实，刘春生当日在场。审判长赵明。")
})

// loadMaterial reads the case's decision and returns it with the
// anonymizer of the draft: from the stored anonymized decision when its
// digest is the one of c and the decision now, else made afresh (and
// stored for the next draft). No decision is no error.
func (g *Generator) loadMaterial(ctx context.Context, c *cases.Case) (material, *privacy.Anonymizer, error) {
	if g.Decisions == nil {
		return material{}, g.anonymizerFor(c, material{}), nil
	}
	att, blob, err := g.Decisions.GetAnonymized(ctx, c.Number)
	if err == decision.ErrNone {
		return material{}, g.anonymizerFor(c, material{}), nil
	}
	if err != nil {
		return material{}, nil, err
	}
	digest := g.anonymizedDigest(c, att)
	var rec anonymized
	if blob != nil && json.Unmarshal(blob, &rec) == nil && rec.Digest == digest && rec.Doc != nil && rec.Anon != nil {
		if a, ok := rec.anonymizer(g.Privacy); ok {
			return material{att: att, doc: rec.Doc, anon: rec.Anon}, a, nil
		}
	}
	m, a, made := g.anonymize(c, att, digest)
	b, err := json.Marshal(made)
	if err == nil {
		var stored bool
		if stored, err = g.Decisions.PutAnonymized(ctx, c.Number, b); err == nil && !stored {
			g.log().Info("anonymized decision too large to keep: it is made for every draft", "case", c.Number, "bytes", len(b))
		}
	}
	if err != nil { // the draft goes on: it only costs the next one the time again
		g.log().Warn("could not keep the anonymized decision", "case", c.Number, "err", err)
	}
	return m, a, nil
}

// anonymizeAttached makes and stores the anonymized form of a decision
// just attached, so that its first draft is as quick as the others. A
// failure only leaves that to the first draft: it is logged, the
// attachment stands.
func (s *Service) anonymizeAttached(ctx context.Context, att *decision.Attachment) {
	c, err := s.Store.Get(ctx, att.Number)
	if err == nil {
		_, _, err = s.Gen.loadMaterial(ctx, c)
	}
	if err != nil {
		s.Gen.log().Warn("could not anonymize the decision just attached; its first draft will", "case", att.Number, "err", err)
	}
}

// anonymize reads att and anonymizes it for c: the material and anonymizer
// of a draft, and the record that lets the next draft skip both.
func (g *Generator) anonymize(c *cases.Case, att *decision.Attachment, digest string) (material, *privacy.Anonymizer, *anonymized) {
	m := material{att: att, doc: att.Document()}
	a := g.anonymizerFor(c, m)
	prepared := a.Entities()
	masked := m.decisionText()
	text := a.Anonymize(masked)
	m.anon = decision.Split(text)
	all := a.Entities()
	rec := &anonymized{Digest: digest, Doc: m.doc, Anon: m.anon, Prepared: prepared, Added: all[len(prepared):]}
	rec.Identifying = identifying(a, masked, text)
	return m, a, rec
}

// identifying returns the lines of before in which a's Anonymize, making
// after, removed an identifier: those where after has a privacy.Mask
// more. Should anonymizing have joined lines (a span over a line break),
// the lines are not aligned and each is asked of a.Leaks instead, slower
// and as exact.
func identifying(a *privacy.Anonymizer, before, after string) []string {
	bs, as := strings.Split(before, "\n"), strings.Split(after, "\n")
	var out []string
	for i, line := range bs {
		if len(bs) == len(as) {
			if strings.Count(as[i], privacy.Mask) > strings.Count(line, privacy.Mask) {
				out = append(out, line)
			}
			continue
		}
		if slices.ContainsFunc(a.Leaks(line), func(l privacy.Leak) bool { return l.Kind != privacy.KindName }) {
			out = append(out, line)
		}
	}
	return out
}

// anonymizer rebuilds the anonymizer the record was made with: the same
// people with the same pseudonyms, registered as known names, and the
// identifiers it removed. ok is false when the pseudonyms do not come out
// the same (a numbering rule the record cannot replay): the caller then
// anonymizes afresh.
//
// A known name is masked wherever it stands as a name, where a name the
// anonymizer found itself is masked where the words around say a person:
// the rebuilt one masks as much in the ledger's fields and the model's
// answer, or a little more, never less.
func (r *anonymized) anonymizer(opts privacy.Options) (*privacy.Anonymizer, bool) {
	a := privacy.NewAnonymizerWith(opts)
	register := func(es []privacy.Entity) {
		for _, e := range es {
			if e.Official {
				a.AddOfficials(e.Name)
			} else {
				a.AddNames(e.Name)
			}
		}
	}
	register(r.Prepared)
	if !slices.Equal(a.Entities(), r.Prepared) {
		return nil, false
	}
	register(r.Added)
	if !slices.Equal(a.Entities(), slices.Concat(r.Prepared, r.Added)) {
		return nil, false
	}
	if len(r.Identifying) > 0 {
		a.Anonymize(strings.Join(r.Identifying, "\n"))
	}
	return a, true
}
