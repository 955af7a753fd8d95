package decision

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/keys"
	"casebot/bot/store"
)

// Service attaches decisions to the ledger's cases: it reads a file, finds
// the case from the 案号 in the text (or checks the one given against it),
// and stores the text, auditing who attached what. It is shared by
// `casebot attach` and the chat and app page.
type Service struct {
	Ledger    *store.Store
	Decisions *Store
	Audit     *audit.Log
	// MaxBytes is explain.max_document_bytes; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Now is the clock; it defaults to time.Now.
	Now func() time.Time
	// Attached, when set, is called after a decision was stored, to make
	// what is derived from it at once (bot/explain: its anonymized form)
	// rather than at its first use.
	Attached func(ctx context.Context, a *Attachment)
}

// NewService builds the service over the ledger's Redis.
func NewService(ledger *store.Store, log *audit.Log, maxBytes int64) *Service {
	return &Service{Ledger: ledger, Decisions: NewStore(ledger.Client(), ledger.Keys()), Audit: log, MaxBytes: maxBytes}
}

// Proposal is a file read and matched to the ledger, not yet attached: the
// caller shows it and, when Number is empty or Mismatch is set, asks.
type Proposal struct {
	Attachment
	// Own are the case numbers in the decision's head.
	Own []string `json:"own,omitempty"`
	// Candidates are the ledger's cases the decision may belong to, when it
	// names none of them as its own or several.
	Candidates []string `json:"candidates,omitempty"`
	// Mismatch is set when the case asked for is not the decision's own
	// number nor one it mentions: attach only when the user insists.
	Mismatch bool `json:"mismatch,omitempty"`
	// Notes say what the user should know (the case is still open, a
	// decision attached before is replaced, the same file was attached).
	Notes []string `json:"notes,omitempty"`
	// Same is set when exactly this file is attached to the case already.
	Same bool `json:"same,omitempty"`
	// doc is what Check read, kept so that showing the proposal does not
	// parse a long judgment again (80–170 ms each); a Proposal decoded from
	// JSON has none and parses once.
	doc *Document
}

// Document is the decision read from the proposal's text.
func (p *Proposal) Document() *Document {
	if p.doc == nil {
		p.doc = Parse(p.Text)
	}
	return p.doc
}

// Check reads a file and matches it to the ledger without changing
// anything. query is the case the user named, or "" to take the 案号 from
// the text. A file that cannot be read, or a query that names no case,
// is a *bot.Error; a decision that names no case or several is not an
// error: the Proposal has no Number and lists the Candidates.
func (s *Service) Check(ctx context.Context, name string, data []byte, query string) (*Proposal, error) {
	x, err := Extract(name, data, s.MaxBytes)
	if err != nil {
		return nil, err
	}
	d := Parse(x.Text)
	sum := sha256.Sum256(data)
	p := &Proposal{Attachment: Attachment{
		FileName: displayName(name), Format: x.Format, Size: len(data), SHA256: hex.EncodeToString(sum[:]),
		Pages: x.Pages, Encoding: x.Encoding, Text: x.Text, Kind: d.Kind, Title: d.Title, Issuer: d.Issuer,
	}, doc: d}
	for _, n := range d.Numbers {
		p.Own = append(p.Own, n.String())
	}
	if q := strings.TrimSpace(query); q != "" {
		n, err := cases.ParseNumber(q)
		if err != nil {
			return nil, bot.Errorf(bot.EInvalid, "%v", err)
		}
		if _, err := s.Ledger.Get(ctx, n.String()); errors.Is(err, store.ErrNotFound) {
			return nil, bot.Errorf(bot.ENotFound, "台账中没有案号 %s，请先核对案号或导入台账。", n.String())
		} else if err != nil {
			return nil, err
		}
		p.Number = n.String()
		switch {
		case contains(p.Own, p.Number):
		case len(p.Own) == 0 && !mentions(d, p.Number):
			p.Notes = append(p.Notes, "文书首部没有找到案号，已按您给出的案号 "+p.Number+" 关联，请确认文书确属本案。")
		case mentions(d, p.Number):
			p.Notes = append(p.Notes, fmt.Sprintf("文书自身的案号是 %s，文中提到了本案 %s（如二审、再审对本案的裁判），已关联到 %s。", strings.Join(p.Own, "、"), p.Number, p.Number))
		default:
			p.Mismatch = true
		}
	} else {
		if err := s.choose(ctx, d, p); err != nil {
			return nil, err
		}
	}
	if p.Number != "" {
		if err := s.notes(ctx, p); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func mentions(d *Document, number string) bool {
	for _, n := range d.Related {
		if n.String() == number {
			return true
		}
	}
	return false
}

// choose finds the case from the numbers of the decision.
func (s *Service) choose(ctx context.Context, d *Document, p *Proposal) error {
	own := p.Own
	var related []string
	for _, n := range d.Related {
		related = append(related, n.String())
	}
	inLedger := func(numbers []string) ([]string, error) {
		var out []string
		cs, err := s.Ledger.GetMany(ctx, numbers)
		if err != nil {
			return nil, err
		}
		for i, c := range cs {
			if c != nil {
				out = append(out, numbers[i])
			}
		}
		return out, nil
	}
	ownIn, err := inLedger(own)
	if err != nil {
		return err
	}
	if len(ownIn) == 1 && len(own) == 1 {
		p.Number = ownIn[0]
		return nil
	}
	if len(own) > 1 {
		p.Candidates = ownIn
		return nil
	}
	relIn, err := inLedger(related)
	if err != nil {
		return err
	}
	p.Candidates = relIn
	return nil
}

// notes adds what the user should know about attaching p to its case.
func (s *Service) notes(ctx context.Context, p *Proposal) error {
	c, err := s.Ledger.Get(ctx, p.Number)
	if err != nil {
		return err
	}
	if c.Open() {
		p.Notes = append(p.Notes, "案件 "+p.Number+" 在台账中尚未结案；以案说法须待结案后才能生成。")
	}
	old, err := s.Decisions.Get(ctx, p.Number)
	switch {
	case errors.Is(err, ErrNone):
	case err != nil:
		return err
	case old.SHA256 == p.SHA256:
		p.Same = true
		p.Notes = append(p.Notes, "该文件已于 "+old.AttachedAt.Format("2006-01-02 15:04")+" 关联到本案，内容没有变化。")
	default:
		p.Notes = append(p.Notes, fmt.Sprintf("本案已关联过文书“%s”（%s），将以新文件替换。", old.FileName, old.AttachedAt.Format("2006-01-02")))
	}
	return nil
}

// Problem says, in Chinese, why p cannot be attached as it is, or "" when
// it can: no case found, several, or the case asked for not matching.
func (p *Proposal) Problem() string {
	switch {
	case p.Mismatch:
		return fmt.Sprintf("文书上的案号是 %s，与您给出的 %s 不一致，文中也没有提到 %s。请核对是否上传错了文件；如确属本案，请确认后再关联。", strings.Join(p.Own, "、"), p.Number, p.Number)
	case p.Number != "":
		return ""
	case len(p.Own) > 1 && len(p.Candidates) > 0:
		return fmt.Sprintf("文书写有多个案号（%s），其中台账里有 %s。请指明关联到哪一个案件。", strings.Join(p.Own, "、"), strings.Join(p.Candidates, "、"))
	case len(p.Own) > 1:
		return fmt.Sprintf("文书写有多个案号（%s），台账中都没有。请先核对案号或导入台账。", strings.Join(p.Own, "、"))
	case len(p.Own) == 1 && len(p.Candidates) > 0:
		return fmt.Sprintf("文书的案号 %s 不在台账中；文中提到的 %s 在台账里。如要关联到该案，请指明案号。", p.Own[0], strings.Join(p.Candidates, "、"))
	case len(p.Own) == 1:
		return fmt.Sprintf("文书的案号 %s 不在台账中。请先核对案号或导入台账，或指明要关联的案件。", p.Own[0])
	case len(p.Candidates) > 0:
		return fmt.Sprintf("文书首部没有找到本身的案号；文中提到的 %s 在台账里。请指明关联到哪一个案件。", strings.Join(p.Candidates, "、"))
	}
	return "文书中没有找到案号，无法判断属于哪个案件。请指明要关联的案号。"
}

// ErrNotReady is returned by Attach for a proposal that still has a
// Problem; its message is the problem.
func notReady(p *Proposal) error { return bot.Errorf(bot.EInvalid, "%s", p.Problem()) }

// Attach stores p as its case's decision and audits it. force attaches a
// Mismatch proposal. A file already attached (Same) changes nothing and
// returns false.
func (s *Service) Attach(ctx context.Context, p *Proposal, by audit.Entry, force bool) (bool, error) {
	if p.Number == "" || p.Mismatch && !force {
		return false, notReady(p)
	}
	if p.Same {
		return false, nil
	}
	if _, err := s.Ledger.Get(ctx, p.Number); errors.Is(err, store.ErrNotFound) {
		return false, bot.Errorf(bot.ENotFound, "案件 %s 已不在台账中，未能关联文书。", p.Number)
	} else if err != nil {
		return false, err
	}
	a := p.Attachment
	a.AttachedAt = s.now()
	if a.AttachedBy == "" {
		a.AttachedBy = by.User
	}
	if err := s.Decisions.Put(ctx, &a); err != nil {
		return false, err
	}
	if s.Audit != nil {
		by.Action, by.Kind, by.Text, by.Results, by.Cases = audit.Update, "decision", a.FileName, 1, []string{a.Number}
		by.Detail = fmt.Sprintf("关联%s（%s，%d 字节，SHA-256 %s）", orKind(a.Kind), a.Format, a.Size, a.SHA256)
		if p.Mismatch {
			by.Detail += "；文书案号为 " + strings.Join(p.Own, "、") + "，经确认仍关联"
		}
		by.At = a.AttachedAt
		if err := s.Audit.Record(ctx, by); err != nil {
			return true, err
		}
	}
	if s.Attached != nil {
		s.Attached(ctx, &a)
	}
	return true, nil
}

func orKind(k Kind) string {
	if k == "" || k == KindUnknown {
		return "文书"
	}
	return string(k)
}

// Stage keeps a proposal for user until they confirm it (chat: the file
// is read, the user is asked “关联到案件 X 吗？”).
func (s *Service) Stage(ctx context.Context, user string, p *Proposal) error {
	b, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return s.Ledger.Client().Set(ctx, s.Ledger.Keys().DecisionPending(user), b, keys.DecisionPendingTTL).Err()
}

// ErrNothingStaged is returned by Confirm when the user has no file
// waiting (none sent, or sent more than DecisionPendingTTL ago).
var ErrNothingStaged = bot.Errorf(bot.ENotFound, "没有等待确认的文书（超过 30 分钟未确认的文件需重新上传）。")

// Confirm attaches the proposal staged for user. number chooses among its
// Candidates (or confirms a Mismatch when it is the case asked for); ""
// takes the proposal's own.
func (s *Service) Confirm(ctx context.Context, user, number string, by audit.Entry) (*Proposal, error) {
	key := s.Ledger.Keys().DecisionPending(user)
	b, err := s.Ledger.Client().Get(ctx, key).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, ErrNothingStaged
	}
	if err != nil {
		return nil, err
	}
	var p Proposal
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, err
	}
	force := false
	if number != "" {
		n, err := cases.ParseNumber(number)
		if err != nil {
			return nil, bot.Errorf(bot.EInvalid, "%v", err)
		}
		switch {
		case n.String() == p.Number:
			force = p.Mismatch
		case contains(p.Candidates, n.String()):
			p.Number = n.String()
			if err := s.notes(ctx, &p); err != nil {
				return nil, err
			}
		default:
			return nil, bot.Errorf(bot.EInvalid, "%s 不是这份文书可以关联的案件。%s", n.String(), p.Problem())
		}
	}
	if _, err := s.Attach(ctx, &p, by, force); err != nil {
		return nil, err
	}
	s.Ledger.Client().Del(ctx, key)
	return &p, nil
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// Summary describes an attached decision in one line for people: the
// kind, issuer, size, and the parts found.
func Summary(a *Attachment, d *Document) string {
	var found []string
	for _, p := range []Part{PartClaims, PartDefense, PartFacts, PartReasoning, PartOperative} {
		if d.Section(p) != "" {
			found = append(found, d.Label(p))
		}
	}
	size := fmt.Sprintf("%d 字", len([]rune(a.Text)))
	if a.Pages > 0 {
		size = fmt.Sprintf("%d 页，%s", a.Pages, size)
	}
	s := fmt.Sprintf("%s%s（%s）", d.Issuer, d.Title, size)
	if len(found) > 0 {
		s += "，识别出" + strings.Join(found, "、")
	}
	if d.ContestedAct != nil {
		s += "；被诉行为文号 " + d.ContestedAct.Text
	}
	if len(d.Statutes) > 0 {
		s += fmt.Sprintf("；引用法条 %d 条", len(d.Statutes))
	}
	return s
}
