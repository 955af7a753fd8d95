package decision

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/keys"
)

// Attachment is a decision attached to a case: its text and what is kept
// of the file it came from (not the file).
type Attachment struct {
	Number   string `json:"number"`
	FileName string `json:"file_name"`
	Format   Format `json:"format"`
	Size     int    `json:"size"`
	SHA256   string `json:"sha256"`
	Pages    int    `json:"pages,omitempty"`
	Encoding string `json:"encoding,omitempty"`
	Text     string `json:"text"`
	// Kind, Title and Issuer are read from the text: 判决书, 行政判决书, the
	// court.
	Kind       Kind      `json:"kind"`
	Title      string    `json:"title,omitempty"`
	Issuer     string    `json:"issuer,omitempty"`
	AttachedAt time.Time `json:"attached_at"`
	// AttachedBy is the WeCom userid, or "cli".
	AttachedBy string `json:"attached_by"`
}

// Document parses the attachment's text.
func (a *Attachment) Document() *Document { return Parse(a.Text) }

// ErrNone is returned when a case has no decision attached.
var ErrNone = errors.New("no decision attached")

// Store keeps attached decisions in Redis, one JSON value per case.
type Store struct {
	rdb redis.UniversalClient
	k   keys.Keys
}

// NewStore returns the store.
func NewStore(rdb redis.UniversalClient, k keys.Keys) *Store { return &Store{rdb: rdb, k: k} }

// Put stores a as its case's decision, replacing any before, and drops
// what was derived from the one before (its anonymized text).
func (s *Store) Put(ctx context.Context, a *Attachment) error {
	b, err := json.Marshal(a)
	if err != nil {
		return err
	}
	_, err = s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, s.k.Decision(a.Number), b, 0)
		p.Del(ctx, s.k.DecisionAnonymized(a.Number))
		return nil
	})
	if err != nil {
		return fmt.Errorf("store decision of %s: %w", a.Number, err)
	}
	return nil
}

// GetAnonymized returns a case's decision, or ErrNone, with what
// PutAnonymized stored beside it (nil if nothing), in one round trip.
// What the stored value was made from is the caller's to check: it may be
// older than the decision.
func (s *Store) GetAnonymized(ctx context.Context, number string) (*Attachment, []byte, error) {
	var dec, anon *redis.StringCmd
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		dec = p.Get(ctx, s.k.Decision(number))
		anon = p.Get(ctx, s.k.DecisionAnonymized(number))
		return nil
	})
	if err != nil && !errors.Is(err, redis.Nil) {
		return nil, nil, err
	}
	a, err := decode(number, dec)
	if err != nil {
		return nil, nil, err
	}
	b, err := anon.Bytes()
	if errors.Is(err, redis.Nil) {
		return a, nil, nil
	}
	return a, b, err
}

// PutAnonymized stores b beside number's decision (see GetAnonymized). A
// value over keys.DecisionAnonymizedMaxBytes is not stored: it returns
// false.
func (s *Store) PutAnonymized(ctx context.Context, number string, b []byte) (bool, error) {
	if len(b) > keys.DecisionAnonymizedMaxBytes {
		return false, nil
	}
	if err := s.rdb.Set(ctx, s.k.DecisionAnonymized(number), b, 0).Err(); err != nil {
		return false, fmt.Errorf("store the anonymized decision of %s: %w", number, err)
	}
	return true, nil
}

// Get returns a case's decision, or ErrNone.
func (s *Store) Get(ctx context.Context, number string) (*Attachment, error) {
	return decode(number, s.rdb.Get(ctx, s.k.Decision(number)))
}

// decode reads the answer to a GET of number's decision.
func decode(number string, cmd *redis.StringCmd) (*Attachment, error) {
	b, err := cmd.Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, ErrNone
	}
	if err != nil {
		return nil, err
	}
	var a Attachment
	if err := json.Unmarshal(b, &a); err != nil {
		return nil, fmt.Errorf("decode decision of %s: %w", number, err)
	}
	return &a, nil
}

// Has reports, for each number, whether its case has a decision, in one
// round trip.
func (s *Store) Has(ctx context.Context, numbers []string) ([]bool, error) {
	cmds := make([]*redis.IntCmd, len(numbers))
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, n := range numbers {
			cmds[i] = p.Exists(ctx, s.k.Decision(n))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]bool, len(numbers))
	for i, c := range cmds {
		out[i] = c.Val() > 0
	}
	return out, nil
}

// Delete removes a case's decision and what was derived from it.
func (s *Store) Delete(ctx context.Context, number string) error {
	return s.rdb.Del(ctx, s.k.Decision(number), s.k.DecisionAnonymized(number)).Err()
}
