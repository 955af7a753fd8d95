package store

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"sync"

	"github.com/redis/go-redis/v9"

	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/workcal"
)

// The deadline index: one sorted set per deadline kind holding the cases
// whose deadline of that kind is open (deadline.Deadline.Open), scored by
// its last day as yyyymmdd (keys.Deadlines). queueWrite and queueDelete
// keep it in the case's MULTI, so “due this week” and “overdue” are a
// ZRANGEBYSCORE per kind, O(log n + k), never a scan of the ledger; a
// deadline that is done (the answer's submission recorded, say) leaves it
// in the same transaction that records it.
//
// The last day depends on the rules (work calendar, time zone, local
// periods) as well as the case; the index is valid for the rules whose
// fingerprint marks it (keys.DeadlineIndexVersion), and ReindexDeadlines
// rebuilds it when they change. Which deadlines are open depends on the
// case alone.

// defaultRules are the rules of a store nobody configured: the default
// configuration's (built-in calendar, Asia/Shanghai, default periods).
var defaultRules = sync.OnceValue(deadline.Default)

// DeadlineAt is one entry of the deadline index.
type DeadlineAt struct {
	Number string
	Kind   deadline.Kind
	Due    workcal.Day
}

// queueDeadlines queues the index changes that replacing old (nil if new)
// with c makes: c's open deadlines are added (or re-scored), and those
// open in old but not in c removed.
func (s *Store) queueDeadlines(ctx context.Context, p redis.Pipeliner, old, c *cases.Case) {
	open := s.addDeadlines(ctx, p, c)
	if old == nil {
		return
	}
	for _, d := range s.Deadlines.Open(old) {
		if !open[d.Kind] {
			p.ZRem(ctx, s.k.Deadlines(string(d.Kind)), c.Number)
		}
	}
}

// addDeadlines queues the ZADDs of c's open deadlines and returns their
// kinds.
func (s *Store) addDeadlines(ctx context.Context, p redis.Pipeliner, c *cases.Case) map[deadline.Kind]bool {
	open := map[deadline.Kind]bool{}
	for _, d := range s.Deadlines.Open(c) {
		open[d.Kind] = true
		p.ZAdd(ctx, s.k.Deadlines(string(d.Kind)), redis.Z{Score: float64(d.Due.Number()), Member: c.Number})
	}
	return open
}

// queueDeletedDeadlines removes a deleted case from the index.
func (s *Store) queueDeletedDeadlines(ctx context.Context, p redis.Pipeliner, old *cases.Case) {
	for _, d := range s.Deadlines.Open(old) {
		p.ZRem(ctx, s.k.Deadlines(string(d.Kind)), old.Number)
	}
}

// kindsOrAll returns kinds, or every kind when none is given.
func kindsOrAll(kinds []deadline.Kind) []deadline.Kind {
	if len(kinds) == 0 {
		return deadline.Kinds
	}
	return kinds
}

// dayRange is the score range of the days [from, to]; a zero from is
// unbounded below.
func dayRange(from, to workcal.Day) *redis.ZRangeBy {
	r := &redis.ZRangeBy{Min: "-inf", Max: strconv.Itoa(to.Number())}
	if !from.IsZero() {
		r.Min = strconv.Itoa(from.Number())
	}
	return r
}

// DeadlineRefs returns the open deadlines of kinds (every kind when none
// is given) whose last day is in [from, to], both included; a zero from
// reads every day up to to. They come in order of last day, then of kind
// (deadline.Kinds), then of number. One round trip: a MULTI of one
// ZRANGEBYSCORE per kind, O(len(kinds)·log n + k).
func (s *Store) DeadlineRefs(ctx context.Context, from, to workcal.Day, kinds ...deadline.Kind) ([]DeadlineAt, error) {
	kinds = kindsOrAll(kinds)
	sets, err := s.rangeEach(ctx, s.deadlineKeys(kinds), dayRange(from, to))
	if err != nil {
		return nil, err
	}
	var out []DeadlineAt
	for i, set := range sets {
		for _, z := range set {
			out = append(out, DeadlineAt{Number: z.Member.(string), Kind: kinds[i], Due: workcal.DayFromNumber(int(z.Score))})
		}
	}
	order := map[deadline.Kind]int{}
	for i, k := range deadline.Kinds {
		order[k] = i
	}
	slices.SortFunc(out, func(a, b DeadlineAt) int {
		return cmp.Or(cmp.Compare(a.Due.Number(), b.Due.Number()), cmp.Compare(order[a.Kind], order[b.Kind]),
			cmp.Compare(a.Number, b.Number))
	})
	return out, nil
}

// CountDeadlines counts what DeadlineRefs returns without fetching it: one
// round trip, O(len(kinds)·log n).
func (s *Store) CountDeadlines(ctx context.Context, from, to workcal.Day, kinds ...deadline.Kind) (int64, error) {
	r := dayRange(from, to)
	return s.countEach(ctx, s.deadlineKeys(kindsOrAll(kinds)), r.Min, r.Max)
}

// deadlineKeys are the index sets of kinds.
func (s *Store) deadlineKeys(kinds []deadline.Kind) []string {
	ks := make([]string, len(kinds))
	for i, k := range kinds {
		ks[i] = s.k.Deadlines(string(k))
	}
	return ks
}

// DueDeadline is an open deadline with its case.
type DueDeadline struct {
	Case     *cases.Case
	Deadline deadline.Deadline
	// Version names the case as read: a digest of its stored form, the same
	// for the same bytes (set by DeadlinesOf and DeadlinesBetween).
	Version string
}

// caseVersion is DueDeadline.Version of a stored case.
func caseVersion(raw []byte) string {
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:12])
}

// DeadlinesBetween returns the open deadlines DeadlineRefs finds, with
// their cases, in the same order: two round trips whatever the size of the
// ledger. Each deadline is computed again from the case as read, so what
// is returned is what the case says now; one that a write closed or moved
// out of [from, to] between the two reads is left out.
func (s *Store) DeadlinesBetween(ctx context.Context, from, to workcal.Day, kinds ...deadline.Kind) ([]DueDeadline, error) {
	refs, err := s.DeadlineRefs(ctx, from, to, kinds...)
	if err != nil {
		return nil, err
	}
	return s.DeadlinesOf(ctx, refs, from, to, nil)
}

// DeadlinesOf reads the cases of refs (entries DeadlineRefs returned for
// [from, to], or some of them) in one round trip and returns their
// deadlines in the order of refs, computed again from the cases as read,
// as DeadlinesBetween does. skip, when set, is asked first with the
// version of each ref's case as stored (DueDeadline.Version): a caller
// that knows it has nothing to do with a deadline while its case is
// unchanged (the reminder sweep's settled ones) spares decoding it, which
// is most of the cost of reading a case.
func (s *Store) DeadlinesOf(ctx context.Context, refs []DeadlineAt, from, to workcal.Day, skip func(r DeadlineAt, version string) bool) ([]DueDeadline, error) {
	if len(refs) == 0 {
		return nil, nil
	}
	var numbers []string
	idx := map[string]int{}
	for _, r := range refs {
		if _, ok := idx[r.Number]; !ok {
			idx[r.Number] = len(numbers)
			numbers = append(numbers, r.Number)
		}
	}
	raws, err := s.GetManyRaw(ctx, numbers)
	if err != nil {
		return nil, err
	}
	versions := make([]string, len(raws))
	cs := make([]*cases.Case, len(raws))
	out := make([]DueDeadline, 0, len(refs))
	for _, r := range refs {
		i := idx[r.Number]
		if raws[i] == nil {
			continue // deleted between the two reads
		}
		if versions[i] == "" {
			versions[i] = caseVersion(raws[i])
		}
		if skip != nil && skip(r, versions[i]) {
			continue
		}
		if cs[i] == nil {
			if cs[i], err = s.decoded.decode(raws[i]); err != nil {
				return nil, err
			}
		}
		c := cs[i]
		d, ok := s.Deadlines.Find(c, r.Kind)
		if !ok || !d.Open() || d.Due.After(to) || (!from.IsZero() && d.Due.Before(from)) {
			continue
		}
		out = append(out, DueDeadline{Case: c, Deadline: d, Version: versions[i]})
	}
	return out, nil
}

// DeadlinesOverdue returns the open deadlines of kinds whose last day is
// before asOf, with their cases, oldest first: what was due and is not
// recorded done. A lapsed appeal period whose outcome nobody recorded is
// among them; callers asking for overdue answers name the kinds.
func (s *Store) DeadlinesOverdue(ctx context.Context, asOf workcal.Day, kinds ...deadline.Kind) ([]DueDeadline, error) {
	return s.DeadlinesBetween(ctx, workcal.Day{}, asOf.AddDays(-1), kinds...)
}

// DeadlineIndexReady reports whether the deadline index was built under
// the store's rules (or the ledger was started empty with it), so that
// DeadlineRefs sees every open deadline: a “没有” is only true then.
func (s *Store) DeadlineIndexReady(ctx context.Context) (bool, error) {
	n, err := s.rdb.Exists(ctx, s.k.DeadlineIndexVersion(s.Deadlines.Fingerprint())).Result()
	return n == 1, err
}

// ReindexDeadlines builds the deadline index from the stored cases under
// the store's rules, once per rules: a ledger written before the index
// existed has none of it, and one indexed under another calendar or time
// zone has last days that calendar gave. Every case's open deadlines are
// added (re-scored); when the index already holds entries (a rebuild
// under new rules, or writes made before the first rebuild), every other
// kind's entry of the case is removed too, so the rebuild also repairs
// what an older rules version indexed. A ledger without any entry, which
// is what every ledger written before the index is, is spared those. It does nothing when the
// marker of the current rules is set (keys.DeadlineIndexVersion) and sets
// it when done; serve and demo call it at every start (via Reindex). It
// returns how many cases had an open deadline.
func (s *Store) ReindexDeadlines(ctx context.Context) (int, error) {
	marker := s.k.DeadlineIndexVersion(s.Deadlines.Fingerprint())
	if n, err := s.rdb.Exists(ctx, marker).Result(); err != nil || n == 1 {
		return 0, err
	}
	existing, err := s.rdb.Exists(ctx, s.deadlineKeys(deadline.Kinds)...).Result()
	if err != nil {
		return 0, err
	}
	return s.reindex(ctx, marker, func(ctx context.Context, p redis.Pipeliner, c *cases.Case) bool {
		open := s.addDeadlines(ctx, p, c)
		if existing > 0 {
			for _, k := range deadline.Kinds {
				if !open[k] {
					p.ZRem(ctx, s.k.Deadlines(string(k)), c.Number)
				}
			}
		}
		return len(open) > 0
	})
}
