package store

import (
	"cmp"
	"context"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/cases"
)

// HearingAt is one entry of the hearing index.
type HearingAt struct {
	Ref cases.HearingRef
	At  time.Time
}

// HearingRefs returns the active hearings starting in [from, to), in time
// order: one ZRANGEBYSCORE, O(log n + k).
func (s *Store) HearingRefs(ctx context.Context, from, to time.Time) ([]HearingAt, error) {
	zs, err := s.rdb.ZRangeByScoreWithScores(ctx, s.k.Hearings(), &redis.ZRangeBy{
		Min: score(from), Max: exclusive(to),
	}).Result()
	if err != nil {
		return nil, err
	}
	out := make([]HearingAt, len(zs))
	for i, z := range zs {
		out[i] = HearingAt{Ref: cases.HearingRef(z.Member.(string)), At: time.Unix(int64(z.Score), 0)}
	}
	return out, nil
}

// ScheduledHearing is a hearing with the case it belongs to.
type ScheduledHearing struct {
	Case    *cases.Case
	Hearing cases.Hearing
}

// Ref returns the hearing's ledger-wide name.
func (h ScheduledHearing) Ref() cases.HearingRef { return cases.Ref(h.Case.Number, h.Hearing.ID) }

// HearingsBetween returns the active hearings starting in [from, to) with
// their cases, in time order: two round trips whatever the ledger's size.
func (s *Store) HearingsBetween(ctx context.Context, from, to time.Time) ([]ScheduledHearing, error) {
	refs, err := s.HearingRefs(ctx, from, to)
	if err != nil || len(refs) == 0 {
		return nil, err
	}
	var numbers []string
	ids := make([]int, len(refs))
	idx := map[string]int{}
	for i, r := range refs {
		n, id, err := r.Ref.Split()
		if err != nil {
			return nil, err
		}
		ids[i] = id
		if _, ok := idx[n]; !ok {
			idx[n] = len(numbers)
			numbers = append(numbers, n)
		}
	}
	cs, err := s.GetMany(ctx, numbers)
	if err != nil {
		return nil, err
	}
	out := make([]ScheduledHearing, 0, len(refs))
	for i, r := range refs {
		n, _, _ := r.Ref.Split()
		c := cs[idx[n]]
		if c == nil {
			continue // deleted between the two reads
		}
		if h := c.Hearing(ids[i]); h != nil && !h.Cancelled {
			out = append(out, ScheduledHearing{Case: c, Hearing: *h})
		}
	}
	return out, nil
}

// Page is a window into an ordered result.
type Page struct {
	Offset, Limit int64
}

func (p Page) stop() int64 {
	if p.Limit <= 0 {
		return -1
	}
	return p.Offset + p.Limit - 1
}

// AgencyNumbers returns the numbers of an agency's cases, newest filing
// first, and how many there are in all.
func (s *Store) AgencyNumbers(ctx context.Context, agency string, page Page) ([]string, int64, error) {
	var total *redis.IntCmd
	var members *redis.StringSliceCmd
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		total = p.ZCard(ctx, s.k.AgencyCases(agency))
		members = p.ZRevRange(ctx, s.k.AgencyCases(agency), page.Offset, page.stop())
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	return members.Val(), total.Val(), nil
}

// InAgency reports which of numbers are cases of agency (a defendant in
// them) without loading the cases: it narrows a list to an agency. A
// list about as large as the agency's index (an agency's own 5,000 cases
// of 100k, 我们局还有哪些没结) is checked against the index read whole,
// which costs Redis a few milliseconds where asking for 5,000 scores
// (ZMSCORE) costs it 15–25; a short list is asked about directly, at
// O(len(numbers)) whatever the size of the ledger.
func (s *Store) InAgency(ctx context.Context, agency string, numbers []string) ([]bool, error) {
	key := s.k.AgencyCases(agency)
	if len(numbers) >= readWholeIndexFrom {
		size, err := s.rdb.ZCard(ctx, key).Result()
		if err != nil {
			return nil, err
		}
		if size <= 2*int64(len(numbers)) {
			members, err := s.rdb.ZRange(ctx, key, 0, -1).Result()
			if err != nil {
				return nil, err
			}
			set := make(map[string]struct{}, len(members))
			for _, m := range members {
				set[m] = struct{}{}
			}
			has := make([]bool, len(numbers))
			for i, n := range numbers {
				_, has[i] = set[n]
			}
			return has, nil
		}
	}
	_, has, err := s.scoresOf(ctx, key, numbers)
	return has, err
}

// readWholeIndexFrom is the list length from which InAgency considers
// reading the agency's index whole instead of asking about each number.
const readWholeIndexFrom = 500

// FiledScores returns, for each of numbers, its score in the filing index
// (the filing date as Unix seconds) and whether it has one, without
// loading the cases: it orders a list by filing date.
func (s *Store) FiledScores(ctx context.Context, numbers []string) ([]float64, []bool, error) {
	return s.scoresOf(ctx, s.k.Filed(), numbers)
}

// ClosedScores is FiledScores of the closing index (the closing date as
// Unix seconds): it splits a count of closed cases by month without
// loading them.
func (s *Store) ClosedScores(ctx context.Context, numbers []string) ([]float64, []bool, error) {
	return s.scoresOf(ctx, s.k.Closed(), numbers)
}

// NewestFirst orders case numbers by filing date, newest first (equal
// dates: the greater number first), cases filed on no date last, each
// number once, from the filing index's scores (no case is loaded).
//
// Measured on 5,000 numbers of 100k cases (BenchmarkAgencyList): reading
// their scores costs Redis about 8 ms of CPU; having Redis order them
// itself (a scratch set intersected with the filing index) costs it 15,
// so the scores it is.
func (s *Store) NewestFirst(ctx context.Context, numbers []string) ([]string, error) {
	scores, has, err := s.FiledScores(ctx, numbers)
	if err != nil {
		return nil, err
	}
	type filed struct {
		n     string
		score float64
		has   bool
	}
	fs := make([]filed, len(numbers))
	for i, n := range numbers {
		fs[i] = filed{n, scores[i], has[i]}
	}
	slices.SortFunc(fs, func(a, b filed) int {
		switch {
		case a.has != b.has:
			if a.has {
				return -1
			}
			return 1
		case a.score != b.score:
			return cmp.Compare(b.score, a.score)
		}
		return strings.Compare(b.n, a.n)
	})
	out := make([]string, 0, len(fs))
	for i, f := range fs {
		if i == 0 || f.n != fs[i-1].n {
			out = append(out, f.n)
		}
	}
	return out, nil
}

// NewestFirstTop is the first limit numbers of NewestFirst(numbers) and
// how many distinct numbers there are. A long list (the working set of a
// large ledger, 今年一共多少行政诉讼) is counted whole but shown a page at a
// time and remembered only up to a few hundred, so instead of reading and
// sorting every score it walks the filing index from the newest end and
// keeps the members of numbers until it has limit of them. The walk reads
// at most twice as many index entries as numbers hold before it falls back
// to the scores, so it never costs much more than NewestFirst; on 45k of
// 100k numbers it reads about one chunk instead of 45k scores.
func (s *Store) NewestFirstTop(ctx context.Context, numbers []string, limit int) ([]string, int, error) {
	want := make(map[string]bool, len(numbers))
	for _, n := range numbers {
		want[n] = true
	}
	total := len(want)
	if limit <= 0 || total <= 2*limit || total < topWalkMin {
		all, err := s.NewestFirst(ctx, numbers)
		return all[:min(limit, len(all))], total, err
	}
	out := make([]string, 0, limit)
	walked := 0
	for start := int64(0); len(out) < limit; start += topWalkChunk {
		ms, err := s.rdb.ZRevRange(ctx, s.k.Filed(), start, start+topWalkChunk-1).Result()
		if err != nil {
			return nil, 0, err
		}
		for _, m := range ms {
			if want[m] {
				out = append(out, m)
				delete(want, m) // once, even if the index moved under the walk
				if len(out) == limit {
					return out, total, nil
				}
			}
		}
		if len(ms) < topWalkChunk {
			// The index is read to its end: the rest have no filing date
			// and come last, the greater number first, as in NewestFirst.
			rest := make([]string, 0, len(want))
			for n := range want {
				rest = append(rest, n)
			}
			slices.SortFunc(rest, func(a, b string) int { return strings.Compare(b, a) })
			return append(out, rest[:min(limit-len(out), len(rest))]...), total, nil
		}
		if walked += len(ms); walked > 2*total {
			// The numbers are old ones of a busy index: their scores are
			// cheaper than walking on.
			all, err := s.NewestFirst(ctx, numbers)
			return all[:min(limit, len(all))], total, err
		}
	}
	return out, total, nil
}

// topWalkMin and topWalkChunk tune NewestFirstTop: below topWalkMin
// distinct numbers the scores are read (a few milliseconds at most); the
// walk reads the filing index topWalkChunk entries per round trip.
const (
	topWalkMin   = 5000
	topWalkChunk = 2000
)

// CountOpenAmong counts the open cases among numbers (each number once as
// given). For a list longer than the open set itself it reads the open set
// whole and counts in memory: one SMEMBERS of the smaller side instead of
// SMISMEMBER of every number.
func (s *Store) CountOpenAmong(ctx context.Context, numbers []string) (int, error) {
	if len(numbers) >= topWalkMin {
		card, err := s.rdb.SCard(ctx, s.k.OpenCases()).Result()
		if err != nil {
			return 0, err
		}
		if card <= int64(len(numbers)) {
			_, in, err := s.openSet(ctx)
			if err != nil {
				return 0, err
			}
			k := 0
			for _, n := range numbers {
				if _, ok := in[n]; ok {
					k++
				}
			}
			return k, nil
		}
	}
	k := 0
	for i := 0; i < len(numbers); i += openBatch {
		open, err := s.OpenAmong(ctx, numbers[i:min(i+openBatch, len(numbers))])
		if err != nil {
			return 0, err
		}
		for _, o := range open {
			if o {
				k++
			}
		}
	}
	return k, nil
}

// openBatch is how many members one SMISMEMBER asks about.
const openBatch = 5000

// scoreBatch is how many members one ZMSCORE asks about. Several smaller
// ZMSCOREs in one pipeline cost Redis about half what one of 5,000 does
// (measured on 100k cases: 11 ms against 21 ms for 5,000 numbers).
const scoreBatch = 1000

// scoresOf reads the scores of numbers in the sorted set key, in one
// pipeline of ZMSCOREs of scoreBatch numbers, and says which are members.
func (s *Store) scoresOf(ctx context.Context, key string, numbers []string) ([]float64, []bool, error) {
	scores := make([]float64, 0, len(numbers))
	has := make([]bool, 0, len(numbers))
	if len(numbers) == 0 {
		return scores, has, nil
	}
	var cmds []*redis.Cmd
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for start := 0; start < len(numbers); start += scoreBatch {
			part := numbers[start:min(start+scoreBatch, len(numbers))]
			args := make([]any, 0, len(part)+2)
			args = append(args, "ZMSCORE", key)
			for _, n := range part {
				args = append(args, n)
			}
			// ZMSCORE answers nil for a missing member; go-redis's ZMScore
			// would turn that into a score of 0, which a case filed on no
			// date also has.
			cmds = append(cmds, p.Do(ctx, args...))
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	for _, cmd := range cmds {
		res, err := cmd.Slice()
		if err != nil {
			return nil, nil, err
		}
		for _, v := range res {
			var f float64
			ok := v != nil
			if str, isStr := v.(string); isStr {
				f, err = strconv.ParseFloat(str, 64)
				ok = err == nil
			} else if x, isFloat := v.(float64); isFloat {
				f = x // RESP3
			}
			scores, has = append(scores, f), append(has, ok)
		}
	}
	return scores, has, nil
}

// Agencies returns every agency named as a defendant in some case, sorted.
// The set is added to with each case written and cleaned here: an agency
// whose last case was deleted, undone or renamed (a corrected spelling, a
// merge) leaves the list the first time it is read, so the people
// directory and chat never match a name no case uses any more.
func (s *Store) Agencies(ctx context.Context) ([]string, error) {
	counts, err := s.AgencyCounts(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(counts))
	for a := range counts {
		out = append(out, a)
	}
	sort.Strings(out)
	return out, nil
}

// AgencyCounts returns every agency named as a defendant with the number
// of its cases, dropping from the agency set those left with none.
func (s *Store) AgencyCounts(ctx context.Context) (map[string]int64, error) {
	names, err := s.rdb.SMembers(ctx, s.k.Agencies()).Result()
	if err != nil {
		return nil, err
	}
	cards := make([]*redis.IntCmd, len(names))
	_, err = s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, a := range names {
			cards[i] = p.ZCard(ctx, s.k.AgencyCases(a))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make(map[string]int64, len(names))
	for i, a := range names {
		if n := cards[i].Val(); n > 0 {
			out[a] = n
			continue
		}
		// Under WATCH, so that a case written meanwhile keeps its agency.
		err := s.watch(ctx, func(tx *redis.Tx) error {
			if n, err := tx.ZCard(ctx, s.k.AgencyCases(a)).Result(); err != nil || n > 0 {
				return err
			}
			_, err := tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
				p.SRem(ctx, s.k.Agencies(), a)
				return nil
			})
			return err
		}, s.k.AgencyCases(a))
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ClosedNumbers returns the numbers of cases closed in [from, to), oldest
// first.
func (s *Store) ClosedNumbers(ctx context.Context, from, to time.Time) ([]string, error) {
	return s.rdb.ZRangeByScore(ctx, s.k.Closed(), &redis.ZRangeBy{Min: score(from), Max: exclusive(to)}).Result()
}

// FiledNumbers returns the numbers of cases filed in [from, to), oldest
// first.
func (s *Store) FiledNumbers(ctx context.Context, from, to time.Time) ([]string, error) {
	return s.rdb.ZRangeByScore(ctx, s.k.Filed(), &redis.ZRangeBy{Min: score(from), Max: exclusive(to)}).Result()
}

// CountClosed and CountFiled count without fetching: O(log n).
func (s *Store) CountClosed(ctx context.Context, from, to time.Time) (int64, error) {
	return s.rdb.ZCount(ctx, s.k.Closed(), score(from), exclusive(to)).Result()
}

// CountHearings counts the active hearings starting in [from, to).
func (s *Store) CountHearings(ctx context.Context, from, to time.Time) (int64, error) {
	return s.rdb.ZCount(ctx, s.k.Hearings(), score(from), exclusive(to)).Result()
}

// CountFiled counts the cases filed in [from, to).
func (s *Store) CountFiled(ctx context.Context, from, to time.Time) (int64, error) {
	return s.rdb.ZCount(ctx, s.k.Filed(), score(from), exclusive(to)).Result()
}

// PartyNumbers returns the numbers of cases where name is a plaintiff or
// applicant, exactly as written.
func (s *Store) PartyNumbers(ctx context.Context, name string) ([]string, error) {
	return s.rdb.SMembers(ctx, s.k.PartyCases(name)).Result()
}

// PartyNamesWithPrefix returns up to limit party names starting with prefix
// that still have cases, in lexical order.
func (s *Store) PartyNamesWithPrefix(ctx context.Context, prefix string, limit int) ([]string, error) {
	names, err := s.rdb.ZRangeByLex(ctx, s.k.PartyNames(), &redis.ZRangeBy{
		Min: "[" + prefix, Max: "[" + prefix + "\xff", Count: int64(limit * 4),
	}).Result()
	if err != nil || len(names) == 0 {
		return nil, err
	}
	// A name whose cases were all renamed or deleted stays in the name index
	// (MULTI cannot remove it conditionally); skip it here.
	cards := make([]*redis.IntCmd, len(names))
	_, err = s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, n := range names {
			cards[i] = p.SCard(ctx, s.k.PartyCases(n))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var out []string
	for i, n := range names {
		if cards[i].Val() > 0 && len(out) < limit {
			out = append(out, n)
		}
	}
	return out, nil
}

// NumbersWithPrefix returns up to limit case numbers starting with prefix
// (a normalized prefix such as "(2025)黔0115行初"), in lexical order.
func (s *Store) NumbersWithPrefix(ctx context.Context, prefix string, limit int) ([]string, error) {
	return s.rdb.ZRangeByLex(ctx, s.k.AllCases(), &redis.ZRangeBy{
		Min: "[" + prefix, Max: "[" + prefix + "\xff", Count: int64(limit),
	}).Result()
}

// AllNumbers returns the number of every stored case, in number order.
func (s *Store) AllNumbers(ctx context.Context) ([]string, error) {
	return s.rdb.ZRange(ctx, s.k.AllCases(), 0, -1).Result()
}

// OpenAmong reports which of numbers are open cases, in one round trip
// whose cost is O(len(numbers)) whatever the size of the ledger.
func (s *Store) OpenAmong(ctx context.Context, numbers []string) ([]bool, error) {
	if len(numbers) == 0 {
		return nil, nil
	}
	members := make([]any, len(numbers))
	for i, n := range numbers {
		members[i] = n
	}
	return s.rdb.SMIsMember(ctx, s.k.OpenCases(), members...).Result()
}

// CountCases returns how many cases are stored.
func (s *Store) CountCases(ctx context.Context) (int64, error) {
	return s.rdb.ZCard(ctx, s.k.AllCases()).Result()
}

// EachCase calls fn with the stored cases in batches, in number order, until
// fn returns an error or every case has been seen.
func (s *Store) EachCase(ctx context.Context, batch int64, fn func([]*cases.Case) error) error {
	if batch <= 0 {
		batch = 1000
	}
	for start := int64(0); ; start += batch {
		numbers, err := s.rdb.ZRange(ctx, s.k.AllCases(), start, start+batch-1).Result()
		if err != nil {
			return err
		}
		if len(numbers) == 0 {
			return nil
		}
		cs, err := s.GetMany(ctx, numbers)
		if err != nil {
			return err
		}
		live := cs[:0]
		for _, c := range cs {
			if c != nil {
				live = append(live, c)
			}
		}
		if err := fn(live); err != nil {
			return err
		}
		if int64(len(numbers)) < batch {
			return nil
		}
	}
}

// Ping checks that Redis answers.
func (s *Store) Ping(ctx context.Context) error { return s.rdb.Ping(ctx).Err() }
