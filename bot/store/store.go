// Package store keeps the ledger and the people directory in Redis.
//
// A case is one JSON string under its normalized number; beside it sit the
// indexes that make every question the bot is asked cost O(log n + k):
// hearings by time, cases by agency, by closing and filing time, by party,
// open statutory deadlines by last day.
// A case and its index entries change together in one MULTI/EXEC guarded by
// WATCH, so a reader never sees a case without its index or the reverse.
package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/keys"
)

// ErrNotFound is returned when a case or person does not exist.
var ErrNotFound = errors.New("not found")

// maxTxRetries bounds the optimistic-locking retries of one write.
const maxTxRetries = 20

// Store is the Redis-backed ledger and directory.
type Store struct {
	rdb redis.UniversalClient
	k   keys.Keys
	// Now is the clock used to stamp writes. It defaults to time.Now.
	Now func() time.Time
	// Deadlines computes the statutory deadlines the deadline index holds
	// (see deadlines.go). It defaults to the default configuration's
	// rules; a process sets the configured ones (deadline.FromConfig)
	// before its first write, and every process writing one ledger must
	// use the same.
	Deadlines *deadline.Rules
	// open is the open set as last read (open_cache.go).
	open *openCache
	// decoded are the cases decoded before, by their JSON (decoded.go).
	decoded *decodedCases
}

// New returns a store over rdb with keys under k.
func New(rdb redis.UniversalClient, k keys.Keys) *Store {
	return &Store{rdb: rdb, k: k, Now: time.Now, Deadlines: defaultRules(), open: &openCache{}, decoded: &decodedCases{}}
}

// Client returns the underlying Redis client.
func (s *Store) Client() redis.UniversalClient { return s.rdb }

// Keys returns the key builder.
func (s *Store) Keys() keys.Keys { return s.k }

// Get returns the case stored under number, which must be normalized (see
// cases.Normalize). It costs one round trip.
func (s *Store) Get(ctx context.Context, number string) (*cases.Case, error) {
	b, err := s.rdb.Get(ctx, s.k.Case(number)).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return s.decoded.decode(b)
}

// FindCase parses any writing of a case number and returns the case.
func (s *Store) FindCase(ctx context.Context, query string) (*cases.Case, error) {
	n, err := cases.ParseNumber(query)
	if err != nil {
		return nil, err
	}
	return s.Get(ctx, n.String())
}

// GetMany returns the cases stored under numbers, in the same order, with
// nil for numbers that have no case. It costs one round trip per 1000.
func (s *Store) GetMany(ctx context.Context, numbers []string) ([]*cases.Case, error) {
	raws, err := s.GetManyRaw(ctx, numbers)
	if err != nil {
		return nil, err
	}
	out := make([]*cases.Case, len(raws))
	for i, b := range raws {
		if b == nil {
			continue
		}
		if out[i], err = s.decoded.decode(b); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func decodeCase(b []byte) (*cases.Case, error) {
	var c cases.Case
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("decode case: %w", err)
	}
	return &c, nil
}

// Put writes one case and its index entries atomically, replacing any case
// with the same number.
func (s *Store) Put(ctx context.Context, c *cases.Case) error {
	return s.PutMany(ctx, []*cases.Case{c}, nil)
}

// Snapshot is what PutMany can save, in the same transaction, so that a
// batch can be undone: the cases as they were before, and the numbers the
// batch created.
//
// An import too large for one transaction is written in batches under one
// Chunked snapshot: each batch saves its own part (chunk) beside its cases,
// in its transaction, and the snapshot's header counts the parts, so that
// Undo restores every part, each in a transaction of its own, and a
// failed import is rolled back the same way (Rollback).
type Snapshot struct {
	ID       string        `json:"id"`
	At       time.Time     `json:"at"`
	Source   string        `json:"source"`
	Previous []*cases.Case `json:"previous"`
	Created  []string      `json:"created"`
	// Chunked, Chunks: the parts written so far; Restored and Removed
	// count the cases of all parts (Previous and Created are those of the
	// part at hand).
	Chunked  bool `json:"chunked,omitempty"`
	Chunks   int  `json:"chunks,omitempty"`
	Restored int  `json:"restored,omitempty"`
	Removed  int  `json:"removed,omitempty"`
	// Moved and Members are what DeleteMany took from the cases it
	// deleted (their attachments, their drafts' places in review lists),
	// which Undo puts back.
	Moved   []Moved  `json:"moved,omitempty"`
	Members []Member `json:"members,omitempty"`
	// Deleted counts the cases of all parts that a replace or a delete
	// removed (they are among Previous, and Restored counts them too).
	Deleted int `json:"deleted,omitempty"`
}

// Counts are how many cases undoing the snapshot restores and removes,
// whether it was kept whole or in chunks.
func (s *Snapshot) Counts() (restored, removed int) {
	if s.Chunked {
		return s.Restored, s.Removed
	}
	return len(s.Previous), len(s.Created)
}

// PutMany writes cases atomically: all of them with their indexes, or none.
// When snap is not nil it is filled with the previous state of every case
// written and stored under its ID, pushed onto the undo list, in the same
// transaction.
func (s *Store) PutMany(ctx context.Context, cs []*cases.Case, snap *Snapshot) error {
	numbers := make([]string, len(cs))
	for i, c := range cs {
		numbers[i] = c.Number
	}
	return s.PutManyFunc(ctx, numbers, func([]*cases.Case) ([]*cases.Case, error) { return cs, nil }, snap)
}

// PutManyFunc is PutMany for writes that depend on what is stored, such as
// an import that merges a file into the ledger: it reads the cases under
// numbers inside the transaction, passes them to build (nil where none is
// stored, in the order of numbers) and writes the cases build returns, each
// of which must be one of numbers. When another writer changes one of those
// cases first, it reads them again and calls build again, so build must
// not change the cases it is given and must not keep state between calls.
// If build returns no case, nothing is written and no snapshot is stored.
func (s *Store) PutManyFunc(ctx context.Context, numbers []string, build func(olds []*cases.Case) ([]*cases.Case, error), snap *Snapshot) error {
	if len(numbers) == 0 {
		return nil
	}
	ks := make([]string, len(numbers))
	index := make(map[string]int, len(numbers))
	for i, n := range numbers {
		if _, dup := index[n]; dup {
			return fmt.Errorf("案号 %s 在同一批写入中出现两次", n)
		}
		index[n] = i
		ks[i] = s.k.Case(n)
	}
	now := s.Now()
	return s.watch(ctx, func(tx *redis.Tx) error {
		olds, err := s.getManyTx(ctx, tx, ks)
		if err != nil {
			return err
		}
		cs, err := build(olds)
		if err != nil || len(cs) == 0 {
			return err
		}
		written := make(map[string]bool, len(cs))
		for _, c := range cs {
			if err := c.Validate(); err != nil {
				return err
			}
			if _, ok := index[c.Number]; !ok {
				return fmt.Errorf("PutManyFunc: case %s is not among the numbers read", c.Number)
			}
			if written[c.Number] {
				return fmt.Errorf("案号 %s 在同一批写入中出现两次", c.Number)
			}
			written[c.Number] = true
		}
		_, err = tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
			for _, c := range cs {
				if err := s.queueWrite(ctx, p, olds[index[c.Number]], c, now); err != nil {
					return err
				}
			}
			if snap != nil {
				snap.Previous, snap.Created = snap.Previous[:0], snap.Created[:0]
				for _, c := range cs {
					if old := olds[index[c.Number]]; old == nil {
						snap.Created = append(snap.Created, c.Number)
					} else {
						snap.Previous = append(snap.Previous, old)
					}
				}
				return s.queueSnapshot(ctx, p, snap)
			}
			return nil
		})
		if err == nil && snap != nil && snap.Chunked {
			snap.Chunks++
			snap.Restored += len(snap.Previous)
			snap.Removed += len(snap.Created)
		}
		return err
	}, s.watchKeys(ks)...)
}

// maxWatchKeys is the largest batch whose case keys are WATCHed one by one.
// Redis (7.0 and before) checks each new WATCH against every key the
// connection already watches, so watching n keys costs O(n²): 10,000 keys
// took half a second of server time. Larger batches WATCH the ledger
// version instead, which every case write increments.
const maxWatchKeys = 256

// watchKeys returns the keys to WATCH for a transaction over case keys ks
// (plus any extra keys, always watched).
func (s *Store) watchKeys(ks []string, extra ...string) []string {
	if len(ks) > maxWatchKeys {
		return append([]string{s.k.LedgerVersion()}, extra...)
	}
	return append(append([]string(nil), ks...), extra...)
}

// Update applies fn to the stored case and writes the result atomically;
// if another writer changed the case meanwhile, it reads again and retries.
// fn must not keep the case it is given between calls.
func (s *Store) Update(ctx context.Context, number string, fn func(c *cases.Case) error) (*cases.Case, error) {
	key := s.k.Case(number)
	var result *cases.Case
	err := s.watch(ctx, func(tx *redis.Tx) error {
		b, err := tx.Get(ctx, key).Bytes()
		if errors.Is(err, redis.Nil) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		old, err := decodeCase(b)
		if err != nil {
			return err
		}
		c := old.Clone()
		if err := fn(c); err != nil {
			return err
		}
		if c.Number != number {
			return fmt.Errorf("update must not change the case number")
		}
		if err := c.Validate(); err != nil {
			return err
		}
		_, err = tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
			return s.queueWrite(ctx, p, old, c, s.Now())
		})
		result = c
		return err
	}, key)
	return result, err
}

// Delete removes a case with its index entries and attachments, not
// undoably (see DeleteMany).
func (s *Store) Delete(ctx context.Context, number string) error {
	deleted, err := s.DeleteMany(ctx, []string{number}, nil)
	if err == nil && len(deleted) == 0 {
		return ErrNotFound
	}
	return err
}

// watch runs fn under WATCH keys, retrying when another writer got there
// first.
func (s *Store) watch(ctx context.Context, fn func(*redis.Tx) error, keys ...string) error {
	for range maxTxRetries {
		err := s.rdb.Watch(ctx, fn, keys...)
		if !errors.Is(err, redis.TxFailedErr) {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return fmt.Errorf("写入冲突：%d 次重试后仍有其他写入者，请稍后再试", maxTxRetries)
}

func (s *Store) getManyTx(ctx context.Context, tx *redis.Tx, ks []string) ([]*cases.Case, error) {
	out := make([]*cases.Case, 0, len(ks))
	const batch = 1000
	for start := 0; start < len(ks); start += batch {
		vals, err := tx.MGet(ctx, ks[start:min(start+batch, len(ks))]...).Result()
		if err != nil {
			return nil, err
		}
		for _, v := range vals {
			str, ok := v.(string)
			if !ok {
				out = append(out, nil)
				continue
			}
			c, err := decodeCase([]byte(str))
			if err != nil {
				return nil, err
			}
			out = append(out, c)
		}
	}
	return out, nil
}

// queueWrite queues the commands that replace old (nil if new) with c.
func (s *Store) queueWrite(ctx context.Context, p redis.Pipeliner, old, c *cases.Case, now time.Time) error {
	c.UpdatedAt = now
	b, err := json.Marshal(c)
	if err != nil {
		return err
	}
	p.Set(ctx, s.k.Case(c.Number), b, 0)
	p.ZAdd(ctx, s.k.AllCases(), redis.Z{Member: c.Number})

	if c.Open() {
		p.SAdd(ctx, s.k.OpenCases(), c.Number)
		if old != nil && !old.Open() {
			p.ZRem(ctx, s.k.Closed(), c.Number)
		}
	} else {
		p.SRem(ctx, s.k.OpenCases(), c.Number)
		p.ZAdd(ctx, s.k.Closed(), redis.Z{Score: unix(c.Closure.On), Member: c.Number})
		p.ZAdd(ctx, s.outcomeKey(c), redis.Z{Score: unix(c.Closure.On), Member: c.Number})
	}
	// 结案方式: a reopened case, or one whose outcome or kind changed, leaves
	// the set it was in.
	if old != nil && !old.Open() && (c.Open() || s.outcomeKey(old) != s.outcomeKey(c)) {
		p.ZRem(ctx, s.outcomeKey(old), c.Number)
	}
	if !c.FiledOn.IsZero() {
		p.ZAdd(ctx, s.k.Filed(), redis.Z{Score: unix(c.FiledOn), Member: c.Number})
	} else if old != nil && !old.FiledOn.IsZero() {
		p.ZRem(ctx, s.k.Filed(), c.Number)
	}

	// Agencies: add the current ones, drop the ones no longer named.
	for _, a := range c.Defendants {
		p.ZAdd(ctx, s.k.AgencyCases(a), redis.Z{Score: unix(c.FiledOn), Member: c.Number})
		p.SAdd(ctx, s.k.Agencies(), a)
	}
	if old != nil {
		for _, a := range old.Defendants {
			if !c.HasDefendant(a) {
				p.ZRem(ctx, s.k.AgencyCases(a), c.Number)
			}
		}
	}

	// Parties.
	names := map[string]bool{}
	for _, pt := range c.Plaintiffs {
		names[pt.Name] = true
		p.SAdd(ctx, s.k.PartyCases(pt.Name), c.Number)
		p.ZAdd(ctx, s.k.PartyNames(), redis.Z{Member: pt.Name})
	}
	if old != nil {
		for _, pt := range old.Plaintiffs {
			if !names[pt.Name] {
				p.SRem(ctx, s.k.PartyCases(pt.Name), c.Number)
			}
		}
	}

	s.queuePartyStems(ctx, p, c)

	// People: the 承办人 and every hearing's 出庭负责人.
	named := personNames(c)
	for n := range named {
		p.SAdd(ctx, s.k.PersonCases(n), c.Number)
		p.ZAdd(ctx, s.k.PersonNames(), redis.Z{Member: n})
	}
	if old != nil {
		for n := range personNames(old) {
			if !named[n] {
				p.SRem(ctx, s.k.PersonCases(n), c.Number)
			}
		}
	}

	// Hearings: the index holds active hearings only.
	active := map[int]bool{}
	for _, h := range c.Hearings {
		if h.Cancelled {
			continue
		}
		active[h.ID] = true
		p.ZAdd(ctx, s.k.Hearings(), redis.Z{Score: unix(h.At), Member: string(cases.Ref(c.Number, h.ID))})
	}
	if old != nil {
		for _, h := range old.Hearings {
			if !h.Cancelled && !active[h.ID] {
				p.ZRem(ctx, s.k.Hearings(), string(cases.Ref(c.Number, h.ID)))
			}
		}
	}
	s.queueDeadlines(ctx, p, old, c)
	s.queueRisk(ctx, p, old, c)
	s.queueSuggestions(ctx, p, old, c)
	s.queueHearingChanges(ctx, p, old, c, now)
	p.Incr(ctx, s.k.LedgerVersion())
	return nil
}

func (s *Store) queueDelete(ctx context.Context, p redis.Pipeliner, old *cases.Case, now time.Time) {
	n := old.Number
	p.Del(ctx, s.k.Case(n))
	p.ZRem(ctx, s.k.AllCases(), n)
	p.SRem(ctx, s.k.OpenCases(), n)
	p.ZRem(ctx, s.k.Closed(), n)
	if !old.Open() {
		p.ZRem(ctx, s.outcomeKey(old), n)
	}
	p.ZRem(ctx, s.k.Filed(), n)
	for _, a := range old.Defendants {
		p.ZRem(ctx, s.k.AgencyCases(a), n)
	}
	for _, pt := range old.Plaintiffs {
		p.SRem(ctx, s.k.PartyCases(pt.Name), n)
	}
	for name := range personNames(old) {
		p.SRem(ctx, s.k.PersonCases(name), n)
	}
	for _, h := range old.Hearings {
		if !h.Cancelled {
			p.ZRem(ctx, s.k.Hearings(), string(cases.Ref(n, h.ID)))
		}
	}
	s.queueDeletedDeadlines(ctx, p, old)
	s.queueRisk(ctx, p, old, nil)
	s.queueSuggestions(ctx, p, old, nil)
	// A deleted case's hearings are cancelled as far as reminders go.
	gone := old.Clone()
	for i := range gone.Hearings {
		gone.Hearings[i].Cancelled = true
	}
	s.queueHearingChanges(ctx, p, old, gone, now)
	p.Incr(ctx, s.k.LedgerVersion())
}

// HearingChange is one entry of the hearing-change stream.
type HearingChange struct {
	StreamID string           `json:"-"`
	Ref      cases.HearingRef `json:"hearing"`
	Case     string           `json:"case"`
	Kind     cases.ChangeKind `json:"kind"`
	From     time.Time        `json:"from"`
	To       time.Time        `json:"to,omitzero"`
	At       time.Time        `json:"at"`
}

// queueHearingChanges appends a change event for every active hearing of old
// that c moves or cancels, so reminders can tell the people already told.
func (s *Store) queueHearingChanges(ctx context.Context, p redis.Pipeliner, old, c *cases.Case, now time.Time) {
	if old == nil {
		return
	}
	for _, oh := range old.Hearings {
		if oh.Cancelled {
			continue
		}
		ch := HearingChange{Ref: cases.Ref(c.Number, oh.ID), Case: c.Number, From: oh.At, At: now}
		nh := c.Hearing(oh.ID)
		switch {
		case nh == nil || nh.Cancelled:
			ch.Kind = cases.HearingCancelled
		case !nh.At.Equal(oh.At):
			ch.Kind, ch.To = cases.HearingRescheduled, nh.At
		default:
			continue
		}
		p.XAdd(ctx, &redis.XAddArgs{
			Stream: s.k.HearingChanges(),
			MaxLen: keys.HearingChangesMaxLen,
			Approx: true,
			Values: []any{"hearing", string(ch.Ref), "case", ch.Case, "kind", string(ch.Kind),
				"from", ch.From.Format(time.RFC3339), "to", formatTime(ch.To), "at", now.Format(time.RFC3339Nano)},
		})
	}
}

// HearingChanges reads change events after the stream ID after ("0" for
// all), at most count.
func (s *Store) HearingChanges(ctx context.Context, after string, count int64) ([]HearingChange, error) {
	msgs, err := s.rdb.XRangeN(ctx, s.k.HearingChanges(), "("+after, "+", count).Result()
	if after == "0" || after == "" {
		msgs, err = s.rdb.XRangeN(ctx, s.k.HearingChanges(), "-", "+", count).Result()
	}
	if err != nil {
		return nil, err
	}
	out := make([]HearingChange, 0, len(msgs))
	for _, m := range msgs {
		ch, err := ParseHearingChange(m)
		if err != nil {
			return nil, err
		}
		out = append(out, ch)
	}
	return out, nil
}

// ParseHearingChange decodes one stream entry.
func ParseHearingChange(m redis.XMessage) (HearingChange, error) {
	str := func(k string) string { v, _ := m.Values[k].(string); return v }
	ch := HearingChange{StreamID: m.ID, Ref: cases.HearingRef(str("hearing")), Case: str("case"), Kind: cases.ChangeKind(str("kind"))}
	var err error
	if ch.From, err = parseTime(str("from")); err != nil {
		return ch, fmt.Errorf("hearing change %s: %w", m.ID, err)
	}
	if ch.To, err = parseTime(str("to")); err != nil {
		return ch, fmt.Errorf("hearing change %s: %w", m.ID, err)
	}
	if ch.At, err = parseTime(str("at")); err != nil {
		return ch, fmt.Errorf("hearing change %s: %w", m.ID, err)
	}
	return ch, nil
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}

func unix(t time.Time) float64 {
	if t.IsZero() {
		return 0
	}
	return float64(t.Unix())
}

func score(t time.Time) string { return strconv.FormatInt(t.Unix(), 10) }

// exclusive returns the score bound just below t, for half-open windows.
func exclusive(t time.Time) string { return "(" + score(t) }
