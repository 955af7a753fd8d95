package handlers

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"casebot/bot"
	"casebot/bot/bulletin"
	"casebot/bot/cases"
	"casebot/bot/explain"
	"casebot/bot/intent"
	"casebot/bot/ledger"
	"casebot/bot/people"
	"casebot/bot/redistest"
	"casebot/bot/store"
	"casebot/config"
	"casebot/reminders"

	"github.com/redis/go-redis/v9"
)

// The corpus (testdata/corpus.txt, format in its header) is run entry by
// entry through Bot.Handle against the demo's ledger and directory at the
// corpus clock. Every entry's expected understanding and answer properties
// must hold, and every “没有 / 0 件” any answer states is checked against
// the ledger by checkClaim, an implementation of the filters written apart
// from the handlers' index-based one.

// corpusClock is Thursday 19 November 2026, 08:40 in Shanghai.
var corpusClock = time.Date(2026, 11, 19, 8, 40, 0, 0, cst)

// corpusStaffChat is the 专班 group chat of the corpus configuration.
const corpusStaffChat = "zhuanban-chat"

type corpusEntry struct {
	line     int
	user     string
	text     string
	event    bool
	followUp bool
	props    map[string][]string
}

func (e corpusEntry) String() string {
	mark := ""
	if e.followUp {
		mark = "+"
	}
	return fmt.Sprintf("corpus.txt:%d %s%s: %s", e.line, mark, e.user, e.text)
}

var entryRe = regexp.MustCompile(`^(\+)?([A-Za-z0-9_]+): (.*)$`)

func readCorpus(tb testing.TB, path string) []corpusEntry {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []corpusEntry
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		trim := strings.TrimSpace(line)
		switch {
		case trim == "" || strings.HasPrefix(trim, "#"):
			continue
		case strings.HasPrefix(line, "  "):
			if len(out) == 0 {
				tb.Fatalf("%s:%d: a property before any entry", path, n)
			}
			k, v, ok := strings.Cut(trim, ":")
			if !ok {
				tb.Fatalf("%s:%d: property without “key:”", path, n)
			}
			out[len(out)-1].props[k] = append(out[len(out)-1].props[k], strings.TrimSpace(v))
		default:
			m := entryRe.FindStringSubmatch(line)
			if m == nil {
				tb.Fatalf("%s:%d: not an entry: %q", path, n, line)
			}
			e := corpusEntry{line: n, user: m[2], text: m[3], followUp: m[1] == "+", props: map[string][]string{}}
			if e.text == "<进入应用>" {
				e.event = true
			}
			out = append(out, e)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// corpusEnv is the demo's world: the sample ledger moved to the clock,
// its directory, the courts of its numbers, a 专班 chat, the explain
// service (drafts offline), and a Bot with every route.
type corpusEnv struct {
	tb      testing.TB
	b       *bot.Bot
	s       *service
	rec     *recorder
	st      *store.Store
	cfg     *config.Config
	now     time.Time
	clock   time.Time // where reset puts now
	fixture []*cases.Case
	refs    map[string]string
	seq     int
	rem     *reminders.Service // never started: tests sweep it by hand
	// snapshot is the fixture's keys as the first reset wrote them.
	snapshot []keyDump
	dumped   bool
	// snapKeys are the two hashes (dumps, TTLs) holding snapshot on the
	// server, outside the world's keys, so that a reset is one script
	// call rather than a SCAN, a DEL and the whole fixture sent again
	// (a reset runs before each of the corpus's thousands of
	// conversations); nil when the server cannot run the script:
	// resets then restore snapshot from here.
	snapKeys []string
	// answers are what the understanding step answered for the last
	// message, in order.
	answers []seen
}

type seen struct {
	u intent.Understanding
	a answer
	p *people.Person
}

func newCorpusEnv(tb testing.TB, configure func(*config.Config)) *corpusEnv {
	tb.Helper()
	return newCorpusEnvAt(tb, corpusClock, configure)
}

// newCorpusEnvAt is the demo's world moved to clock.
func newCorpusEnvAt(tb testing.TB, clock time.Time, configure func(*config.Config)) *corpusEnv {
	tb.Helper()
	rdb, k := redistest.New(tb)
	st := store.New(rdb, k)
	e := &corpusEnv{tb: tb, rec: &recorder{}, st: st, now: clock, clock: clock}
	st.Now = func() time.Time { return e.now }
	l, err := ledger.Sample(e.now, cst, nil)
	if err != nil {
		tb.Fatal(err)
	}
	ctx := context.Background()
	if _, err := ledger.Import(ctx, st, l, ledger.Options{Force: true, Source: "demo:sample", Now: e.now}); err != nil {
		tb.Fatal(err)
	}
	if err := st.EachCase(ctx, 100, func(cs []*cases.Case) error {
		e.fixture = append(e.fixture, cs...)
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	e.refs = fixtureRefs(e.fixture)

	cfg := config.MustDefault()
	cfg.Location = cst
	var courts []string
	for _, c := range e.fixture {
		if n, err := cases.ParseNumber(c.Number); err == nil && n.Form == cases.CourtNumber && !slices.Contains(courts, n.Court) {
			courts = append(courts, n.Court)
		}
	}
	slices.Sort(courts)
	slices.Reverse(courts) // 黔0115 first, as the demo's order of first appearance
	cfg.Query.Courts = courts
	cfg.Reminder.StaffChat = corpusStaffChat
	if configure != nil {
		configure(cfg)
	}
	if err := cfg.Validate(config.ModeDemo); err != nil {
		tb.Fatal(err)
	}
	e.cfg = cfg
	ex, err := explain.New(cfg, st, e.rec, nil)
	if err != nil {
		tb.Fatal(err)
	}
	e.b = &bot.Bot{Sender: e.rec, Redis: rdb, Keys: k, Location: cst, Directory: bot.DirectoryFunc(st.LookupPerson),
		Now: func() time.Time { return e.now }, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	rem, err := reminders.New(cfg, st, e.rec)
	if err != nil {
		tb.Fatal(err)
	}
	e.rem = rem
	e.s = register(e.b, Deps{Config: cfg, Store: st, Explain: ex, Files: routedFiles{}, Reminders: rem})
	e.s.bulletins.chart = func(*bulletin.Report) ([]byte, error) { return nil, nil } // images are not read here
	e.s.onAnswer = func(c bot.Context, u intent.Understanding, a answer) {
		e.answers = append(e.answers, seen{u, a, c.Person()})
	}
	e.reset()
	return e
}

// reset restores the fixture and forgets every conversation. The first
// reset writes the fixture through the store and keeps a DUMP of every key
// it made; later resets delete the world's keys and RESTORE those, which
// costs a few pipelined round trips instead of the store's transactions
// (the corpus resets before each of its hundreds of conversations).
func (e *corpusEnv) reset() {
	e.tb.Helper()
	ctx := context.Background()
	rdb := e.st.Client()
	e.now = e.clock
	if e.snapKeys != nil {
		err := resetScript.Run(ctx, rdb, e.snapKeys, e.st.Keys().Pattern()).Err()
		if err == nil {
			return
		}
		e.snapKeys = nil // restore from here, as below
	}
	if err := e.clear(ctx); err != nil {
		e.tb.Fatal(err)
	}
	if e.snapshot != nil {
		pipe := rdb.Pipeline()
		for _, d := range e.snapshot {
			pipe.Restore(ctx, d.key, d.ttl, d.dump)
		}
		if _, err := pipe.Exec(ctx); err == nil {
			return
		} else if err := e.clear(ctx); err != nil {
			e.tb.Fatal(err)
		}
		e.snapshot = nil // a server without RESTORE: write it as below
	}
	cs := make([]*cases.Case, len(e.fixture))
	for i, c := range e.fixture {
		cs[i] = c.Clone()
	}
	if err := e.st.PutMany(ctx, cs, nil); err != nil {
		e.tb.Fatal(err)
	}
	if err := e.st.PutPeople(ctx, ledger.SamplePeople()); err != nil {
		e.tb.Fatal(err)
	}
	// serve and demo build the deadline index at start; a “没有” about
	// deadlines and 整改 is only said once it is built.
	if _, err := e.st.ReindexDeadlines(ctx); err != nil {
		e.tb.Fatal(err)
	}
	if !e.dumped {
		e.dumped = true
		e.snapshot = e.dump(ctx)
		e.snapKeys = e.keepSnapshot(ctx)
	}
}

// resetScript deletes every key of a world (ARGV[1], its pattern) and
// restores the snapshot kept in KEYS[1] (key -> DUMP) and KEYS[2] (key ->
// TTL in ms, 0 for none): what clear and the RESTORE pipeline of reset do,
// in one round trip.
var resetScript = redis.NewScript(`
local cursor = "0"
repeat
  local r = redis.call("SCAN", cursor, "MATCH", ARGV[1], "COUNT", 1000)
  cursor = r[1]
  for _, k in ipairs(r[2]) do redis.call("DEL", k) end
until cursor == "0"
local d = redis.call("HGETALL", KEYS[1])
for i = 1, #d, 2 do
  redis.call("RESTORE", d[i], redis.call("HGET", KEYS[2], d[i]), d[i + 1])
end
return #d / 2
`)

// keepSnapshot writes the snapshot to two hashes on the server for
// resetScript and returns their keys, or nil when it cannot (then resets
// restore it from the client).
func (e *corpusEnv) keepSnapshot(ctx context.Context) []string {
	if e.snapshot == nil {
		return nil
	}
	rdb := e.st.Client()
	// Outside the world's pattern, so that clearing the world keeps them.
	snap := []string{"snap-" + e.st.Keys().Pattern() + "dumps", "snap-" + e.st.Keys().Pattern() + "ttls"}
	e.tb.Cleanup(func() { rdb.Del(context.Background(), snap...) })
	pipe := rdb.Pipeline()
	for _, d := range e.snapshot {
		pipe.HSet(ctx, snap[0], d.key, d.dump)
		pipe.HSet(ctx, snap[1], d.key, d.ttl.Milliseconds())
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return nil
	}
	// The first reset through the script proves the server runs it;
	// a failure falls back inside reset.
	return snap
}

// keyDump is one key of the fixture as DUMP returned it.
type keyDump struct {
	key  string
	ttl  time.Duration
	dump string
}

// worldKeys lists every key of this world.
func (e *corpusEnv) worldKeys(ctx context.Context) ([]string, error) {
	rdb, k := e.st.Client(), e.st.Keys()
	iter := rdb.Scan(ctx, 0, k.Pattern(), 1000).Iterator()
	var ks []string
	for iter.Next(ctx) {
		ks = append(ks, iter.Val())
	}
	return ks, iter.Err()
}

// clear deletes every key of this world.
func (e *corpusEnv) clear(ctx context.Context) error {
	ks, err := e.worldKeys(ctx)
	if err != nil || len(ks) == 0 {
		return err
	}
	return e.st.Client().Del(ctx, ks...).Err()
}

// dump returns the world's keys as DUMP has them, or nil when the server
// cannot (resets then write the fixture through the store each time).
func (e *corpusEnv) dump(ctx context.Context) []keyDump {
	ks, err := e.worldKeys(ctx)
	if err != nil {
		return nil
	}
	pipe := e.st.Client().Pipeline()
	dumps := make([]*redis.StringCmd, len(ks))
	ttls := make([]*redis.DurationCmd, len(ks))
	for i, key := range ks {
		dumps[i] = pipe.Dump(ctx, key)
		ttls[i] = pipe.PTTL(ctx, key)
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return nil
	}
	out := make([]keyDump, 0, len(ks))
	for i, key := range ks {
		ttl := ttls[i].Val()
		if ttl < 0 {
			ttl = 0 // no expiry
		}
		out = append(out, keyDump{key: key, ttl: ttl, dump: dumps[i].Val()})
	}
	return out
}

// fixtureRefs maps the short references of the corpus (行初117, 复41,
// 行终字12) to the fixture's numbers.
func fixtureRefs(cs []*cases.Case) map[string]string {
	out := map[string]string{}
	for _, c := range cs {
		n, err := cases.ParseNumber(c.Number)
		if err != nil {
			continue
		}
		switch n.Form {
		case cases.CourtNumber:
			out[n.Type+strconv.Itoa(n.Seq)] = c.Number
		case cases.LegacyCourtNumber:
			out[n.Type+"字"+strconv.Itoa(n.Seq)] = c.Number
		case cases.ReconsiderationNumber:
			out["复"+strconv.Itoa(n.Seq)] = c.Number
		}
	}
	return out
}

func (e *corpusEnv) ref(t *testing.T, en corpusEntry, r string) string {
	n, ok := e.refs[r]
	if !ok {
		t.Fatalf("%s: no fixture case %q", en, r)
	}
	return n
}

// send delivers one entry's message and returns what was sent back to the
// user, and whether anything went to anyone else.
func (e *corpusEnv) send(en corpusEntry) (replies []string, forwarded bool) {
	e.seq++
	e.answers = nil
	msg := &bot.Message{ID: fmt.Sprintf("c%d", e.seq), Type: "text", From: en.user, Text: en.text, CreateTime: e.now}
	if en.event {
		msg = &bot.Message{ID: fmt.Sprintf("c%d", e.seq), Type: "event", Event: bot.EventEnterAgent, From: en.user, CreateTime: e.now}
	}
	if err := e.b.Handle(context.Background(), msg); err != nil {
		e.tb.Fatalf("%s: Handle: %v", en, err)
	}
	for _, o := range e.rec.take() {
		if len(o.ToUsers) == 1 && o.ToUsers[0] == en.user && o.ToChat == "" {
			if o.Type != bot.MsgImage {
				replies = append(replies, o.Text)
			}
			continue
		}
		forwarded = true
	}
	return replies, forwarded
}

// corpusShards is how many conversations of the corpus run at once, each
// shard in its own world (its own keys in Redis). The corpus is the
// suite's longest test under -race and most of its time is spent waiting
// on Redis one round trip at a time; shards overlap those waits and use
// both cores. CORPUS_DUMP runs one shard so the answers print in order.
func corpusShards() int {
	if os.Getenv("CORPUS_DUMP") != "" {
		return 1
	}
	return 4
}

// conversations splits the corpus into conversations: an entry and the
// follow-ups that continue it, which must run in order in one world.
func conversations(entries []corpusEntry) [][]corpusEntry {
	var out [][]corpusEntry
	for _, en := range entries {
		if !en.followUp || len(out) == 0 {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], en)
	}
	return out
}

// inShards runs run for every shard in parallel, each with the indexes of
// the conversations it owns (conversation i belongs to shard i mod n), and
// returns when all are done.
func inShards(t *testing.T, n, convs int, run func(t *testing.T, shard int, owned []int)) {
	t.Run("shards", func(t *testing.T) {
		for s := range n {
			var owned []int
			for i := s; i < convs; i += n {
				owned = append(owned, i)
			}
			t.Run(strconv.Itoa(s), func(t *testing.T) {
				t.Parallel()
				run(t, s, owned)
			})
		}
	})
}

func TestCorpus(t *testing.T) {
	path := "testdata/corpus.txt"
	if p := os.Getenv("CORPUS_FILE"); p != "" {
		path = p // another set in the same format, e.g. a fresh one to score
	}
	entries := readCorpus(t, path)
	convs := conversations(entries)
	var mu sync.Mutex
	failed, residue := 0, 0
	byRole := map[string]int{}
	inShards(t, corpusShards(), len(convs), func(t *testing.T, _ int, owned []int) {
		e := newCorpusEnv(t, nil)
		for _, i := range owned {
			e.reset()
			for _, en := range convs[i] {
				if d := first(en.props["after"]); d != "" {
					dur, err := time.ParseDuration(d)
					if err != nil {
						t.Fatalf("%s: after: %v", en, err)
					}
					e.now = e.now.Add(dur)
				}
				e.setUp(t, en)
				problems := e.check(t, en)
				if len(problems) > 0 {
					t.Errorf("%s\n    %s", en, strings.Join(problems, "\n    "))
				}
				role := "stranger"
				if p, _ := e.st.LookupPerson(context.Background(), en.user); p != nil {
					role = string(p.Role)
				}
				mu.Lock()
				if len(problems) > 0 {
					failed++
				}
				byRole[role]++
				if len(e.answers) > 0 && needsModel(e.answers[len(e.answers)-1].u) {
					residue++ // a configured model would be asked to read this one
				}
				mu.Unlock()
			}
		}
	})
	t.Logf("corpus: %d entries (%v), %d failed; %d leave words the rules did not place and would go to a configured model; none needs it to pass",
		len(entries), byRole, failed, residue)
}

// TestCorpusNonesAtOtherClocks runs every message of the corpus at other
// instants, with the demo ledger moved to each (the first of a month, a
// Monday evening, early January), and checks only what must hold whatever
// the date: every “没有 / 0 件” is true and no other is stated.
func TestCorpusNonesAtOtherClocks(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the corpus again at other clocks")
	}
	entries := readCorpus(t, "testdata/corpus.txt")
	clocks := []time.Time{
		time.Date(2026, 12, 1, 10, 0, 0, 0, cst),
		time.Date(2026, 11, 23, 19, 30, 0, 0, cst),
		time.Date(2026, 1, 5, 8, 0, 0, 0, cst),
	}
	// Every sixth conversation (an entry and its follow-ups) runs at one
	// of the clocks in turn, so every clock meets every section of the
	// corpus while the test costs a sixth of a pass rather than three
	// (under -race a whole pass of 5400 entries is about 80 s of CI's CPU,
	// and this package is CI's longest).
	// CORPUS_ALL_CLOCKS=1 runs every conversation at every clock.
	all := os.Getenv("CORPUS_ALL_CLOCKS") != ""
	convs := conversations(entries)
	inShards(t, corpusShards(), len(convs), func(t *testing.T, _ int, owned []int) {
		envs := make([]*corpusEnv, len(clocks))
		for _, c := range owned {
			for i, clock := range clocks {
				if !all && (c%6 != 0 || c/6%len(clocks) != i) {
					continue
				}
				if envs[i] == nil {
					envs[i] = newCorpusEnvAt(t, clock, nil)
				}
				e := envs[i]
				e.reset()
				for _, en := range convs[c] {
					e.setUp(t, en)
					replies, _ := e.send(en)
					text := strings.Join(replies, "\n\n")
					var claims []claim
					for _, s := range e.answers {
						for _, cl := range s.a.claims {
							claims = append(claims, cl)
							if err := e.checkClaim(s.p, cl); err != nil {
								t.Errorf("%s at %s: false none %q: %v", en, clock.Format("2006-01-02 15:04"), cl.Text, err)
							}
							if f := unnamedFilter(s.p, cl); f != "" {
								t.Errorf("%s at %s: the none %q does not name its %s", en, clock.Format("2006-01-02 15:04"), cl.Text, f)
							}
							if f := inventedFilter(cl); f != "" {
								t.Errorf("%s at %s: the none %q: %s", en, clock.Format("2006-01-02 15:04"), cl.Text, f)
							}
						}
					}
					if stray := strayNone(text, claims); stray != "" {
						t.Errorf("%s at %s: a “none” no claim stands behind: %q", en, clock.Format("2006-01-02 15:04"), stray)
					}
					if bad := noneThenInside(text, claims, e.now); bad != "" {
						t.Errorf("%s at %s: a none contradicted by the nearest item it offers: %s", en, clock.Format("2006-01-02 15:04"), bad)
					}
				}
			}
		}
	})
}

func first(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
}

func splitBar(v string) []string {
	var out []string
	for _, p := range strings.Split(v, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// check runs one entry and returns what is wrong with its answer.
func (e *corpusEnv) check(t *testing.T, en corpusEntry) []string {
	replies, forwarded := e.send(en)
	all := strings.Join(replies, "\n\n")
	if os.Getenv("CORPUS_DUMP") != "" {
		// CORPUS_DUMP=1 go test ./handlers -run TestCorpus -v: every answer, to read.
		u := ""
		if len(e.answers) > 0 {
			u = describe(e.answers[len(e.answers)-1].u)
		}
		t.Logf("%s\n[%s]\n%s\n", en, u, all)
	}
	var bad []string
	fail := func(format string, args ...any) { bad = append(bad, fmt.Sprintf(format, args...)) }
	if first(en.props["silent"]) == "yes" {
		if len(replies) > 0 {
			fail("expected no reply, got %q", all)
		}
		return bad
	}
	if len(replies) == 0 {
		fail("no reply")
		return bad
	}
	shown := map[string]bool{}
	for _, n := range cases.FindNumbers(all) {
		shown[n.String()] = true
	}
	for _, v := range en.props["want"] {
		bad = append(bad, e.checkWant(t, en, v)...)
	}
	for _, v := range en.props["cases"] {
		for _, r := range strings.Fields(v) {
			if !shown[e.ref(t, en, r)] {
				fail("reply lacks case %s", r)
			}
		}
	}
	for _, v := range en.props["nocases"] {
		for _, r := range strings.Fields(v) {
			if shown[e.ref(t, en, r)] {
				fail("reply names case %s", r)
			}
		}
	}
	for _, v := range en.props["only"] {
		want := map[string]bool{}
		for _, r := range strings.Fields(v) {
			want[e.ref(t, en, r)] = true
			if !shown[e.ref(t, en, r)] {
				fail("reply lacks case %s", r)
			}
		}
		for n := range shown {
			if !want[n] {
				fail("reply names case %s, not among %s", n, v)
			}
		}
	}
	for _, v := range en.props["has"] {
		for _, p := range splitBar(v) {
			if !strings.Contains(all, p) {
				fail("reply lacks %q", p)
			}
		}
	}
	for _, v := range en.props["any"] {
		ps := splitBar(v)
		if !slices.ContainsFunc(ps, func(p string) bool { return strings.Contains(all, p) }) {
			fail("reply has none of %q", ps)
		}
	}
	for _, v := range en.props["not"] {
		for _, p := range splitBar(v) {
			if strings.Contains(all, p) {
				fail("reply contains %q", p)
			}
		}
	}
	if v := first(en.props["starts"]); v != "" && !strings.HasPrefix(replies[0], v) {
		fail("reply does not start with %q", v)
	}
	switch first(en.props["forward"]) {
	case "yes":
		if !forwarded {
			fail("nothing was forwarded")
		}
	case "no":
		if forwarded {
			fail("something was forwarded")
		}
	}
	// Every “none” is a claim, and every claim is true.
	var claims []claim
	for _, s := range e.answers {
		for _, cl := range s.a.claims {
			claims = append(claims, cl)
			if err := e.checkClaim(s.p, cl); err != nil {
				fail("false none: %q: %v", cl.Text, err)
			}
			if f := unnamedFilter(s.p, cl); f != "" {
				fail("the none %q does not name its %s", cl.Text, f)
			}
			if f := inventedFilter(cl); f != "" {
				fail("the none %q: %s", cl.Text, f)
			}
		}
	}
	for _, s := range e.answers {
		if err := e.checkNoHearingField(s.a); err != nil {
			fail("false none: %v", err)
		}
	}
	if first(en.props["none"]) == "yes" && len(claims) == 0 {
		fail("expected a “none” answer, none was stated")
	}
	if stray := strayNone(all, claims); stray != "" {
		fail("a “none” no claim stands behind: %q", stray)
	}
	if bad := noneThenInside(all, claims, e.now); bad != "" {
		fail("a none contradicted by the nearest item it offers, inside its own period: %s", bad)
	}
	if len(bad) > 0 {
		bad = append(bad, "reply: "+strings.ReplaceAll(all, "\n", "⏎"))
		if len(e.answers) > 0 {
			u := e.answers[len(e.answers)-1].u
			bad = append(bad, fmt.Sprintf("understood: %s", describe(u)))
		}
	}
	return bad
}

func describe(u intent.Understanding) string {
	s := fmt.Sprintf("kind=%s echo=%q", u.Kind, u.Echo(nil))
	if !u.Period.IsZero() {
		s += fmt.Sprintf(" period=%s..%s", u.Period.From.Format("2006-01-02"), u.Period.To.AddDate(0, 0, -1).Format("2006-01-02"))
	}
	if u.Aspect != "" {
		s += " aspect=" + string(u.Aspect)
	}
	if len(u.Residue) > 0 {
		s += fmt.Sprintf(" residue=%q", u.Residue)
	}
	if u.Party != "" {
		s += " party=" + u.Party
	}
	if u.Person != "" {
		s += " person=" + u.Person
	}
	if u.Mine != "" {
		s += " mine=" + string(u.Mine)
	}
	return s
}

// nonePhrases say that nothing matched: 没有, 暂无, a count of 0 that is
// an answer (“：0 件”), 无法计算; not a figure such as 负责人出庭 0 件.
var nonePhrases = regexp.MustCompile(`没有|暂无|：0 件|无法计算`)

// strayNone returns a “none” the reply states that no claim covers: the
// reply minus the claims' texts minus the card's own fields (暂无安排 is
// the case's own next hearing) and the bulletin's markdown.
func strayNone(reply string, claims []claim) string {
	for _, cl := range claims {
		reply = strings.ReplaceAll(reply, cl.Text, "")
	}
	// Besides the card's own fields, the answers of the command routes
	// that look one thing up directly (the number given, the requester's
	// last draft, a month still to come) rather than search: true by
	// construction.
	for _, ok := range []string{"下次开庭：暂无安排", "还没有登记在本机器人的人员名单中", "没有作任何修改", "人员名单中没有账号",
		"上一条修改没有确认", "目前没有需要您确认的修改", "没有找到您可以使用的已结案件", "台账中没有案件", "您最近没有申请过以案说法草稿", "还没有到，暂无该月通报", "该案目前没有在计的法定期限"} {
		reply = strings.ReplaceAll(reply, ok, "")
	}
	// The asker's own words echoed back as a 整改 report's parts
	// (rectify_text.go: 现场证据没有固定好) are theirs to confirm, no claim.
	var kept []string
	for _, l := range strings.Split(reply, "\n") {
		// A statute's own words (a draft's 相关法条: 判决履行没有意义的) are the
		// law's, no claim of the ledger.
		if !strings.HasPrefix(l, "> 败诉原因分析：") && !strings.HasPrefix(l, "> 整改措施：") && !strings.HasPrefix(strings.TrimSpace(l), "> 原文：") {
			kept = append(kept, l)
		}
	}
	reply = strings.Join(kept, "\n")
	if i := strings.Index(reply, "行政机关败诉案件情况"); i >= 0 {
		reply = reply[:i] // the bulletin's own text, tested in bot/bulletin
	}
	if loc := nonePhrases.FindStringIndex(reply); loc != nil {
		rs := []rune(reply)
		i := len([]rune(reply[:loc[0]]))
		return string(rs[max(0, i-15):min(len(rs), i+20)])
	}
	return ""
}

// checkWant compares the understanding with the entry's want line.
func (e *corpusEnv) checkWant(t *testing.T, en corpusEntry, want string) []string {
	f := strings.Fields(want)
	kind := f[0]
	var bad []string
	fail := func(format string, args ...any) { bad = append(bad, fmt.Sprintf(format, args...)) }
	if len(e.answers) == 0 {
		switch kind {
		case "update", "confirm", "greet", "legal", "explain":
			return nil // answered by a command route, the greeting or the refusal
		}
		fail("want %s: the understanding step did not answer", kind)
		return bad
	}
	s := e.answers[len(e.answers)-1]
	u := s.u
	if string(u.Kind) != kind {
		fail("kind = %s, want %s", u.Kind, kind)
	}
	slots := map[string]string{}
	for _, kv := range f[1:] {
		k, v, _ := strings.Cut(kv, "=")
		slots[k] = v
	}
	// A word read as a party, a person or an agency of the ledger that
	// the message did not mean is the failure that makes false “none”s:
	// those slots must be as the entry says, and absent when it says
	// nothing (an agency the ledger lacks is not a filter: it is said).
	for _, strict := range []string{"party", "person", "agency"} {
		if _, ok := slots[strict]; !ok && u.Kind != intent.Scope {
			got := map[string]string{"party": u.Party, "person": u.Person, "agency": strings.Join(u.Agencies, "、")}[strict]
			if got != "" && !(strict == "agency" && u.Mine != "") {
				fail("%s = %q, want none", strict, got)
			}
		}
	}
	for k, v := range slots {
		switch k {
		case "period":
			from, to := periodSpec(t, en, v)
			if !u.Period.From.Equal(from) || !u.Period.To.Equal(to) {
				fail("period = %s..%s, want %s", u.Period.From.Format("2006-01-02"), u.Period.To.Format("2006-01-02"), v)
			}
		case "agency":
			if !slices.Contains(u.Agencies, v) {
				fail("agencies = %v, want %s", u.Agencies, v)
			}
		case "party":
			if u.Party != v {
				fail("party = %q, want %q", u.Party, v)
			}
		case "person":
			if u.Person != v {
				fail("person = %q, want %q", u.Person, v)
			}
		case "mine":
			if string(u.Mine) != v {
				fail("mine = %q, want %q", u.Mine, v)
			}
		case "metric":
			if string(u.Metric) != v {
				fail("metric = %q, want %q", u.Metric, v)
			}
		case "rate":
			if string(u.Rate) != v {
				fail("rate = %q, want %q", u.Rate, v)
			}
		case "rank":
			if string(u.Rank) != v {
				fail("rank = %q, want %q", u.Rank, v)
			}
		case "aspect":
			if string(u.Aspect) != v {
				fail("aspect = %q, want %q", u.Aspect, v)
			}
		case "ord":
			if strconv.Itoa(u.Ordinal) != v {
				fail("ordinal = %d, want %s", u.Ordinal, v)
			}
		case "tod":
			if u.TimeOfDay != v {
				fail("time of day = %q, want %q", u.TimeOfDay, v)
			}
		case "ckind":
			want := map[string]string{"litigation": "行政诉讼", "reconsideration": "行政复议", "nonlitigation": "非诉执行审查"}[v]
			if u.CaseKind != want {
				fail("case kind = %q, want %q", u.CaseKind, want)
			}
		case "stage":
			if u.Stage != v {
				fail("stage = %q, want %q", u.Stage, v)
			}
		case "outcome":
			if u.Outcome != v {
				fail("outcome = %q, want %q", u.Outcome, v)
			}
		case "cause":
			if !strings.Contains(v, u.Cause) || u.Cause == "" {
				fail("cause = %q, want %q", u.Cause, v)
			}
		case "reason":
			if u.Reason != v {
				fail("reason = %q, want %q", u.Reason, v)
			}
		case "must":
			if !u.MustAppear {
				fail("must appear not understood")
			}
		case "held":
			if !u.Held {
				fail("held hearings not understood")
			}
		case "notappeared":
			if !u.NotAppeared {
				fail("hearings the head missed not understood")
			}
		case "news":
			if u.News == nil || string(u.News.Kind) != v {
				fail("news = %+v, want %s", u.News, v)
			}
		case "at":
			at, err := time.ParseInLocation("2006-01-02T15:04", v, cst)
			if err != nil {
				t.Fatalf("%s: at: %v", en, err)
			}
			var got time.Time
			for _, s := range e.answers {
				for _, n := range s.a.shown {
					if c, err := e.st.Get(context.Background(), n); err == nil {
						for _, h := range c.Hearings {
							if h.At.Equal(at) {
								got = at
							}
						}
					}
				}
			}
			if u.News != nil && u.News.At.Year() > 1 && !u.News.At.Equal(at) && got.IsZero() {
				if !(u.News.At.Format("15:04") == at.Format("15:04") && sameDay(u.News.At, at, cst)) {
					fail("news time = %s, want %s", u.News.At.Format("2006-01-02T15:04"), v)
				}
			}
		case "number":
			have := map[string]bool{}
			for _, n := range u.Numbers {
				have[n] = true
			}
			for _, n := range s.a.shown {
				have[n] = true
			}
			for _, r := range strings.Split(v, ",") {
				if !have[e.ref(t, en, r)] {
					fail("case %s not understood (numbers %v, shown %v)", r, u.Numbers, s.a.shown)
				}
			}
		case "month":
			if s.a.detail != v {
				fail("bulletin month = %q, want %s", s.a.detail, v)
			}
		default:
			t.Fatalf("%s: unknown slot %q", en, k)
		}
	}
	return bad
}

// periodSpec reads YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-H1/H2 and A..B.
func periodSpec(t *testing.T, en corpusEntry, v string) (time.Time, time.Time) {
	if a, b, ok := strings.Cut(v, ".."); ok {
		from, _ := periodSpec(t, en, a)
		_, to := periodSpec(t, en, b)
		return from, to
	}
	d := func(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, cst) }
	p := strings.Split(v, "-")
	y, err := strconv.Atoi(p[0])
	if err != nil {
		t.Fatalf("%s: period %q", en, v)
	}
	switch {
	case len(p) == 1:
		return d(y, 1, 1), d(y+1, 1, 1)
	case strings.HasPrefix(p[1], "Q"):
		q, _ := strconv.Atoi(p[1][1:])
		return d(y, (q-1)*3+1, 1), d(y, (q-1)*3+4, 1)
	case p[1] == "H1":
		return d(y, 1, 1), d(y, 7, 1)
	case p[1] == "H2":
		return d(y, 7, 1), d(y+1, 1, 1)
	case len(p) == 2:
		m, _ := strconv.Atoi(p[1])
		return d(y, m, 1), d(y, m+1, 1)
	}
	m, _ := strconv.Atoi(p[1])
	dd, _ := strconv.Atoi(p[2])
	return d(y, m, dd), d(y, m, dd+1)
}

// routedFiles stands for the app page's chat handlers (handlers/webapp,
// tested there with real files and cards): the corpus checks that the
// understanding step hands each request to the right one, by the reply
// naming it.
type routedFiles struct{}

func (routedFiles) HandleExportLedger(c bot.Context) error {
	return c.Reply("〔页面：导出台账〕")
}
func (routedFiles) HandleLedgerLink(c bot.Context) error {
	return c.Reply("〔页面：写入台账〕")
}
func (routedFiles) HandleDecisionLink(c bot.Context) error {
	return c.Reply("〔页面：上传判决书〕")
}
func (routedFiles) HandleUndo(c bot.Context) error { return c.Reply("〔页面：撤销导入〕") }
func (routedFiles) HandleExportDraft(c bot.Context, number string, v int) error {
	return c.Reply(fmt.Sprintf("〔页面：导出 %s 第%d版〕", number, v))
}

// checkNoHearingField checks the one-case none “台账未登记该案的开庭” (and
// its 今后 form) against the ledger: it is said of the case shown, which
// must have no hearing on record at all (a postponed or cancelled one is on
// record and must be said as such), or none to come. It escaped the claims
// (no claim carries it, and 未登记 is no 没有): a postponed hearing was
// answered with it.
func (e *corpusEnv) checkNoHearingField(a answer) error {
	never := strings.Contains(a.md, "台账未登记该案的开庭")
	future := strings.Contains(a.md, "台账未登记该案今后的开庭")
	if !never && !future || len(a.shown) != 1 {
		return nil
	}
	c, err := e.st.Get(context.Background(), a.shown[0])
	if err != nil || c == nil {
		return err
	}
	for _, h := range c.Hearings {
		if never || h.Cancelled || h.At.After(e.now) {
			return fmt.Errorf("%s: “台账未登记该案%s的开庭” while it records one on %s (cancelled %v)",
				c.Number, map[bool]string{true: "今后", false: ""}[future], h.At.In(cst).Format("2006-01-02 15:04"), h.Cancelled)
		}
	}
	return nil
}
