// Package audit records who looked at or changed what: every chat query
// and update, every directory change, every refusal. Entries go to a capped
// Redis Stream whose IDs follow the recording clock, so a time window is a
// range read, not a scan.
package audit

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/keys"
)

// Actions.
const (
	Query   = "query"   // a question about cases
	Update  = "update"  // a change to a case made in chat
	People  = "people"  // a change to the directory
	Refused = "refused" // a message from someone not allowed to ask
)

// Entry is one audit record.
type Entry struct {
	ID   string    `json:"id"` // stream ID
	At   time.Time `json:"at"`
	User string    `json:"user"` // WeCom userid, or "admin-http", "cli"
	Name string    `json:"name,omitempty"`
	Role string    `json:"role,omitempty"`
	// Action is one of the constants above; Kind refines it (the kind of
	// question: case, party, hearings, count...; the update: hearing,
	// closure, appearance; the directory change: add, modify, delete).
	Action string `json:"action"`
	Kind   string `json:"kind,omitempty"`
	// Text is what the user wrote, or what was changed.
	Text string `json:"text,omitempty"`
	// Results is how many cases the answer showed or counted, or how many
	// records the change touched.
	Results int `json:"results"`
	// Cases are the case numbers shown or changed (at most MaxCases).
	Cases  []string `json:"cases,omitempty"`
	Detail string   `json:"detail,omitempty"`
	// Understood is what the bot read the message as, in words
	// ("某县公安局 · 下周 · 开庭"); Residue the words it could not place,
	// joined by spaces; Outcome how the question fared (see the Outcome
	// constants). Unanswered reads them.
	Understood string `json:"understood,omitempty"`
	Residue    string `json:"residue,omitempty"`
	Outcome    string `json:"outcome,omitempty"`
	// ModelMS is how long the model took to read the message, when it was
	// asked (0: it was not).
	ModelMS int `json:"model_ms,omitempty"`
}

// Outcomes of a question.
const (
	Answered = "answered" // an answer with what was asked
	Nothing  = "none"     // a true “没有 / 0 件”: nothing matched
	Partly   = "residue"  // answered, but words of the message were not understood
	NotKnown = "unknown"  // nothing understood (or out of the bot's scope)
	LegalQ   = "legal"    // a legal question of one's own, pointed to 12348
)

// MaxCases bounds the case numbers kept per entry; Results keeps the count.
const MaxCases = 50

// Log writes and reads the audit stream.
type Log struct {
	rdb    redis.UniversalClient
	k      keys.Keys
	maxLen int64
	// Now stamps entries. It defaults to time.Now.
	Now func() time.Time
}

// New returns the log over rdb, trimmed to about maxLen entries.
func New(rdb redis.UniversalClient, k keys.Keys, maxLen int64) *Log {
	return &Log{rdb: rdb, k: k, maxLen: maxLen, Now: time.Now}
}

// Record appends e, stamped now unless e.At is set.
func (l *Log) Record(ctx context.Context, e Entry) error {
	if e.At.IsZero() {
		e.At = l.Now()
	}
	if len(e.Cases) > MaxCases {
		e.Cases = e.Cases[:MaxCases]
	}
	values := []any{
		"at", e.At.Format(time.RFC3339Nano), "user", e.User, "name", e.Name, "role", e.Role,
		"action", e.Action, "kind", e.Kind, "text", e.Text, "results", strconv.Itoa(e.Results),
		"cases", strings.Join(e.Cases, " "), "detail", e.Detail,
	}
	if e.Understood != "" || e.Residue != "" || e.Outcome != "" || e.ModelMS > 0 {
		values = append(values, "understood", e.Understood, "residue", e.Residue, "outcome", e.Outcome,
			"model_ms", strconv.Itoa(e.ModelMS))
	}
	args := &redis.XAddArgs{Stream: l.k.Audit(), MaxLen: l.maxLen, Approx: true, Values: values,
		// The ID carries the recording clock's millisecond, so --since is a
		// range read; Redis numbers entries within one millisecond.
		ID: strconv.FormatInt(e.At.UnixMilli(), 10) + "-*"}
	err := l.rdb.XAdd(ctx, args).Err()
	if err != nil && strings.Contains(err.Error(), "equal or smaller") {
		// The clock went back (another replica is ahead): keep the entry,
		// numbered after the newest; its "at" field still says when.
		args.ID = ""
		err = l.rdb.XAdd(ctx, args).Err()
	}
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}

// Filter selects entries.
type Filter struct {
	// Since and Until bound the time (Until exclusive); zero means open.
	Since, Until time.Time
	// User matches the userid or the name; empty matches everyone.
	User string
	// Limit stops after that many entries; 0 means no limit.
	Limit int
}

// List returns the entries matching f, oldest first.
func (l *Log) List(ctx context.Context, f Filter) ([]Entry, error) {
	var out []Entry
	err := l.Each(ctx, f, func(e Entry) error {
		out = append(out, e)
		return nil
	})
	return out, err
}

// Each calls fn with every entry matching f, oldest first, reading the
// stream in batches so that a long history is never held in memory.
func (l *Log) Each(ctx context.Context, f Filter, fn func(Entry) error) error {
	start := "-"
	if !f.Since.IsZero() {
		start = strconv.FormatInt(f.Since.UnixMilli(), 10)
	}
	n := 0
	const batch = 1000
	for {
		msgs, err := l.rdb.XRangeN(ctx, l.k.Audit(), start, "+", batch).Result()
		if err != nil {
			return fmt.Errorf("audit: %w", err)
		}
		for _, m := range msgs {
			e, err := Parse(m)
			if err != nil {
				return err
			}
			if !f.Since.IsZero() && e.At.Before(f.Since) || !f.Until.IsZero() && !e.At.Before(f.Until) {
				continue
			}
			if f.User != "" && e.User != f.User && e.Name != f.User {
				continue
			}
			if err := fn(e); err != nil {
				return err
			}
			if n++; f.Limit > 0 && n >= f.Limit {
				return nil
			}
		}
		if len(msgs) < batch {
			return nil
		}
		start = "(" + msgs[len(msgs)-1].ID
	}
}

// Parse decodes one stream entry.
func Parse(m redis.XMessage) (Entry, error) {
	str := func(k string) string { v, _ := m.Values[k].(string); return v }
	e := Entry{ID: m.ID, User: str("user"), Name: str("name"), Role: str("role"), Action: str("action"),
		Kind: str("kind"), Text: str("text"), Detail: str("detail"), Understood: str("understood"),
		Residue: str("residue"), Outcome: str("outcome")}
	if ms := str("model_ms"); ms != "" {
		e.ModelMS, _ = strconv.Atoi(ms)
	}
	var err error
	if e.At, err = time.Parse(time.RFC3339Nano, str("at")); err != nil {
		return e, fmt.Errorf("audit entry %s: bad time: %w", m.ID, err)
	}
	if e.Results, err = strconv.Atoi(str("results")); err != nil {
		return e, fmt.Errorf("audit entry %s: bad result count: %w", m.ID, err)
	}
	if cs := str("cases"); cs != "" {
		e.Cases = strings.Fields(cs)
	}
	return e, nil
}
