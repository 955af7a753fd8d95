package bulletin_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"casebot/bot"
	"casebot/bot/bulletin"
	"casebot/bot/cases"
	"casebot/bot/redistest"
	"casebot/bot/sendlog"
	"casebot/bot/store"
	"casebot/bot/wecomtest"
	"casebot/config"
)

// bulletinAt reads "2006-01-02 15:04" in Asia/Shanghai.
func bulletinAt(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, shanghai)
	if err != nil {
		panic(err)
	}
	return t
}

// bulletinSender records accepted pushes; fail, when set, may refuse one
// (before it is recorded, as a refused API call would); sent, when set,
// is signalled after every accepted push.
// It keeps push ids the way the WeCom sender does (wecomtest.Once).
type bulletinSender struct {
	mu     sync.Mutex
	log    *sendlog.Log
	pushes []bot.Outbound
	fail   func(out bot.Outbound) error
	sent   chan struct{}
}

func (s *bulletinSender) Send(ctx context.Context, out bot.Outbound) (bot.Receipt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return wecomtest.Once(ctx, s.log, func() (bot.Receipt, error) {
		if s.fail != nil {
			if err := s.fail(out); err != nil {
				return bot.Receipt{}, err
			}
		}
		s.pushes = append(s.pushes, out)
		if s.sent != nil {
			select {
			case s.sent <- struct{}{}:
			default:
			}
		}
		return bot.Receipt{MsgIDs: []string{fmt.Sprint(len(s.pushes))}}, nil
	})
}

func (s *bulletinSender) UpdateCard(context.Context, string, *bot.TemplateCard, ...string) error {
	return errors.New("bulletins update no cards")
}

// take returns and forgets what was sent so far.
func (s *bulletinSender) take() []bot.Outbound {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.pushes
	s.pushes = nil
	return out
}

// bulletinByRecipient groups pushes by recipient ("chat:ID", "user:ID"), in order.
func bulletinByRecipient(outs []bot.Outbound) map[string][]bot.Outbound {
	m := map[string][]bot.Outbound{}
	for _, o := range outs {
		to := "chat:" + o.ToChat
		if o.ToChat == "" {
			to = "user:" + strings.Join(o.ToUsers, "|")
		}
		m[to] = append(m[to], o)
	}
	return m
}

// kinds writes each push as "md: <first line>" or "image: <name>".
func bulletinKinds(outs []bot.Outbound) []string {
	var ks []string
	for _, o := range outs {
		switch o.Type {
		case bot.MsgImage:
			ks = append(ks, "image: "+o.Image.Name)
		default:
			first, _, _ := strings.Cut(o.Text, "\n")
			ks = append(ks, string(o.Type)+": "+first)
		}
	}
	return ks
}

type bulletinFixture struct {
	t   *testing.T
	st  *store.Store
	cfg *config.Config
}

const (
	bulletinAgency  = "某县市场监督管理局"
	bulletinAgency2 = "某县自然资源局"
)

// newBulletinFixture stores October 2025's closings — two lost, three not —
// and configures a group chat and two users as recipients.
func newBulletinFixture(t *testing.T) *bulletinFixture {
	t.Helper()
	rdb, k := redistest.New(t)
	st := store.New(rdb, k)
	cfg := config.MustDefault()
	cfg.Bulletin.ChatIDs = []string{"zhuanban"}
	cfg.Bulletin.UserIDs = []string{"wangwu", "lisi"}
	f := &bulletinFixture{t: t, st: st, cfg: cfg}
	f.put(
		bulletinCase(1, bulletinAgency, "2025-10-09 10:00", cases.JudgmentRevoke, "未依法送达"),
		bulletinCase(2, bulletinAgency, "2025-10-15 10:00", cases.JudgmentDismissClaims, ""),
		bulletinCase(3, bulletinAgency2, "2025-10-20 10:00", cases.JudgmentIllegal, "程序违法"),
		bulletinCase(4, bulletinAgency2, "2025-10-21 10:00", cases.WithdrawalPermitted, ""),
		bulletinCase(5, bulletinAgency2, "2025-10-31 23:59", cases.JudgmentDismissClaims, ""),
	)
	return f
}

func bulletinCase(seq int, agency, closed string, method cases.Outcome, reason string) *cases.Case {
	n := cases.Number{Form: cases.CourtNumber, Court: "黔0115", Type: "行初", Year: 2025, Seq: seq}
	return &cases.Case{
		Number: n.String(), Kind: n.Kind(), Stage: n.Stage(),
		Plaintiffs: []cases.Party{cases.NewParty("张三")}, Defendants: []string{agency},
		Cause: "行政处罚", Court: "某县人民法院", FiledOn: bulletinAt("2025-06-02 09:00"),
		Closure: &cases.Closure{On: bulletinAt(closed), Method: method, Reason: reason},
	}
}

func (f *bulletinFixture) put(cs ...*cases.Case) {
	f.t.Helper()
	if err := f.st.PutMany(context.Background(), cs, nil); err != nil {
		f.t.Fatal(err)
	}
}

// pusher returns a new instance, as a restarted process or another replica
// would have, over the same Redis.
// sender returns a fake sender keeping its records in the fixture's Redis.
func (f *bulletinFixture) sender() *bulletinSender {
	return &bulletinSender{log: sendlog.New(f.st.Client(), f.st.Keys(), sendlog.Options{})}
}

func (f *bulletinFixture) pusher(s bot.Sender) *bulletin.Pusher {
	f.t.Helper()
	b, err := bulletin.NewPusher(f.cfg, f.st, s)
	if err != nil {
		f.t.Fatal(err)
	}
	b.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	return b
}

func (f *bulletinFixture) sweep(b *bulletin.Pusher, now string) bulletin.SweepReport {
	f.t.Helper()
	rep, err := b.Sweep(context.Background(), bulletinAt(now))
	if err != nil {
		f.t.Fatalf("sweep at %s: %v", now, err)
	}
	return rep
}

var bulletinRecipientsAll = []string{"chat:zhuanban", "user:lisi", "user:wangwu"}

// checkBulletinPush checks that every recipient got October's bulletin, once:
// the notice's markdown in order, then the chart.
func checkBulletinPush(t *testing.T, outs []bot.Outbound) {
	t.Helper()
	got := bulletinByRecipient(outs)
	if diff := cmp.Diff(bulletinRecipientsAll, bulletinRecipients(got)); diff != "" {
		t.Fatalf("recipients (-want,+got):\n%s", diff)
	}
	want := bulletinKinds(got["chat:zhuanban"])
	if len(want) < 2 || want[0] != "markdown: # 关于2025年10月行政机关败诉案件情况的通报" || want[len(want)-1] != "image: bulletin-2025-10.png" {
		t.Fatalf("chat got %q; want the notice's parts then the chart", want)
	}
	for _, r := range bulletinRecipientsAll {
		if diff := cmp.Diff(want, bulletinKinds(got[r])); diff != "" {
			t.Errorf("%s got (-chat's,+its):\n%s", r, diff)
		}
	}
	img := got["user:wangwu"][len(want)-1].Image
	if !bytes.HasPrefix(img.Data, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("the chart is not a PNG")
	}
	text := ""
	for _, o := range got["chat:zhuanban"] {
		text += o.Text
	}
	for _, s := range []string{"审结 **5** 件，其中行政机关败诉 **2** 件，败诉率 **40.00%**", "未依法送达", "程序违法"} {
		if !strings.Contains(text, s) {
			t.Errorf("the notice lacks %q", s)
		}
	}
}

func bulletinRecipients(m map[string][]bot.Outbound) []string {
	var ks []string
	for _, r := range bulletinRecipientsAll {
		if _, ok := m[r]; ok {
			ks = append(ks, r)
		}
	}
	for k := range m {
		found := false
		for _, r := range bulletinRecipientsAll {
			found = found || r == k
		}
		if !found {
			ks = append(ks, k)
		}
	}
	return ks
}

func TestBulletinDueAt(t *testing.T) {
	for _, tc := range []struct {
		cron, tz string
		month    bulletin.Month
		want     string // RFC 3339
	}{
		{"0 9 1 * *", "Asia/Shanghai", bulletin.Month{Year: 2025, Month: 10}, "2025-11-01T09:00:00+08:00"},
		{"0 9 1 * *", "Asia/Shanghai", bulletin.Month{Year: 2025, Month: 12}, "2026-01-01T09:00:00+08:00"},
		{"30 8 2 * *", "Asia/Shanghai", bulletin.Month{Year: 2026, Month: 1}, "2026-02-02T08:30:00+08:00"},
		// Every weekday at 9: the first one on or after the 1st (2025-11-01 is a Saturday).
		{"0 9 * * 1-5", "Asia/Shanghai", bulletin.Month{Year: 2025, Month: 10}, "2025-11-03T09:00:00+08:00"},
		{"0 0 1 * *", "Asia/Shanghai", bulletin.Month{Year: 2025, Month: 10}, "2025-11-01T00:00:00+08:00"},
		{"0 9 1 * *", "Europe/Berlin", bulletin.Month{Year: 2025, Month: 10}, "2025-11-01T09:00:00+01:00"},
	} {
		cfg := config.MustDefault()
		cfg.Bulletin.Cron = tc.cron
		loc, err := time.LoadLocation(tc.tz)
		if err != nil {
			t.Fatal(err)
		}
		cfg.Location = loc
		rdb, k := redistest.New(t)
		b, err := bulletin.NewPusher(cfg, store.New(rdb, k), &bulletinSender{})
		if err != nil {
			t.Fatal(err)
		}
		if got := b.DueAt(tc.month).Format(time.RFC3339); got != tc.want {
			t.Errorf("%s in %s: %s falls due %s, want %s", tc.cron, tc.tz, tc.month, got, tc.want)
		}
	}
}

// TestBulletinNothingBeforeDue: nothing goes out before 09:00 on the 1st;
// at 09:00 everyone gets the whole bulletin.
func TestBulletinNothingBeforeDue(t *testing.T) {
	f := newBulletinFixture(t)
	s := f.sender()
	b := f.pusher(s)
	for _, now := range []string{"2025-10-31 23:59", "2025-11-01 00:00", "2025-11-01 08:59"} {
		if rep := f.sweep(b, now); len(rep.Pushes) != 0 || rep.Skipped {
			t.Errorf("sweep at %s: %+v, want nothing due", now, rep)
		}
		if got := s.take(); len(got) != 0 {
			t.Errorf("sent at %s: %q", now, bulletinKinds(got))
		}
	}
	rep := f.sweep(b, "2025-11-01 09:00")
	if len(rep.Pushes) != 1 || rep.Pushes[0].Month != "2025-10" || len(rep.Pushes[0].Delivered) != 3 || !rep.Pushes[0].Done() {
		t.Errorf("sweep at 09:00: %+v", rep)
	}
	checkBulletinPush(t, s.take())
}

// TestBulletinExactlyOnceAcrossRestarts: restarted processes sweeping
// later, and the command line's --send, send nothing again.
func TestBulletinExactlyOnceAcrossRestarts(t *testing.T) {
	f := newBulletinFixture(t)
	s := f.sender()
	f.sweep(f.pusher(s), "2025-11-01 09:00")
	checkBulletinPush(t, s.take())
	for _, now := range []string{"2025-11-01 09:00", "2025-11-01 09:10", "2025-11-03 15:00", "2025-11-07 23:00"} {
		rep := f.sweep(f.pusher(s), now) // a fresh instance each time: a restart
		if len(rep.Pushes) != 1 || len(rep.Pushes[0].Already) != 3 || len(rep.Pushes[0].Delivered) != 0 {
			t.Errorf("sweep at %s after a restart: %+v", now, rep)
		}
	}
	p, err := f.pusher(s).Push(context.Background(), bulletin.Month{Year: 2025, Month: 10}, bulletinAt("2025-11-20 10:00"))
	if err != nil || len(p.Already) != 3 || len(p.Delivered) != 0 {
		t.Errorf("push from the command line: %+v, %v", p, err)
	}
	if got := s.take(); len(got) != 0 {
		t.Errorf("sent again: %q", bulletinKinds(got))
	}
}

// TestBulletinTwoReplicas: two replicas sweeping at the same instant send
// one bulletin to each recipient between them.
func TestBulletinTwoReplicas(t *testing.T) {
	f := newBulletinFixture(t)
	s1, s2 := f.sender(), f.sender()
	r1, r2 := f.pusher(s1), f.pusher(s2)
	for round := range 3 {
		var wg sync.WaitGroup
		start := make(chan struct{})
		for _, r := range []*bulletin.Pusher{r1, r2} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				if _, err := r.Sweep(context.Background(), bulletinAt("2025-11-01 09:00").Add(time.Duration(round)*time.Minute)); err != nil {
					t.Error(err)
				}
			}()
		}
		close(start)
		wg.Wait()
	}
	all := append(s1.take(), s2.take()...)
	checkBulletinPush(t, all)
}

// TestBulletinCatchUp: a process down at 09:00 on the 1st pushes the
// bulletin when it comes back within bulletin.catch_up, and not after.
func TestBulletinCatchUp(t *testing.T) {
	f := newBulletinFixture(t)
	s := f.sender()
	rep := f.sweep(f.pusher(s), "2025-11-03 14:00") // first sweep since before 11-01 09:00
	if len(rep.Pushes) != 1 || len(rep.Pushes[0].Delivered) != 3 {
		t.Fatalf("catch-up sweep: %+v", rep)
	}
	outs := s.take()
	checkBulletinPush(t, outs)
	// Signed the day it was actually issued.
	text := ""
	for _, o := range bulletinByRecipient(outs)["chat:zhuanban"] {
		text += o.Text
	}
	if !strings.Contains(text, "2025年11月3日") {
		t.Errorf("the caught-up notice is not dated 11-03:\n%s", text)
	}

	// Down for longer than catch_up (7 days): the bulletin is stale and
	// is left to `casebot bulletin --send`.
	g := newBulletinFixture(t)
	s = g.sender()
	b := g.pusher(s)
	if rep := g.sweep(b, "2025-11-08 09:00"); len(rep.Pushes) != 0 {
		t.Errorf("stale sweep: %+v", rep)
	}
	if got := s.take(); len(got) != 0 {
		t.Errorf("sent a stale bulletin: %q", bulletinKinds(got))
	}
	// A longer window is a configuration choice.
	g.cfg.Bulletin.CatchUp = 10 * 24 * time.Hour
	if rep := g.sweep(g.pusher(s), "2025-11-08 09:00"); len(rep.Pushes) != 1 || len(rep.Pushes[0].Delivered) != 3 {
		t.Errorf("sweep with a 10-day window: %+v", rep)
	}
	checkBulletinPush(t, s.take())
}

// TestBulletinFailedSendRetried: a message WeCom refused is sent again at
// the next sweep, from where the push broke off, with the same edition,
// and the other recipients are not held up.
func TestBulletinFailedSendRetried(t *testing.T) {
	f := newBulletinFixture(t)
	s := f.sender()
	refused := 0
	s.fail = func(out bot.Outbound) error {
		// WeCom refuses wangwu's second message once.
		if len(out.ToUsers) == 1 && out.ToUsers[0] == "wangwu" && refused == 0 {
			if n := len(bulletinByRecipient(s.pushes)["user:wangwu"]); n == 1 {
				refused++
				return errors.New("errcode -1: system busy")
			}
		}
		return nil
	}
	b := f.pusher(s)
	rep := f.sweep(b, "2025-11-01 09:00")
	p := rep.Pushes[0]
	if len(p.Failed) != 1 || p.Failed[0].Recipient.User != "wangwu" || len(p.Delivered) != 2 || p.Done() {
		t.Fatalf("first sweep: %+v", p)
	}
	first := bulletinByRecipient(s.take())
	if len(first["user:wangwu"]) != 1 {
		t.Fatalf("wangwu got %q before the refusal, want only the first message", bulletinKinds(first["user:wangwu"]))
	}
	chat := first["chat:zhuanban"]

	// The ledger changes meanwhile: the retry still sends the edition
	// first pushed, so wangwu's notice matches everyone else's.
	f.put(bulletinCase(6, bulletinAgency, "2025-10-30 10:00", cases.JudgmentVoid, "超越职权"))
	rep = f.sweep(b, "2025-11-01 09:10")
	p = rep.Pushes[0]
	if len(p.Delivered) != 1 || p.Delivered[0].User != "wangwu" || len(p.Already) != 2 || !p.Done() {
		t.Fatalf("retry sweep: %+v", p)
	}
	retried := bulletinByRecipient(s.take())
	if len(retried) != 1 {
		t.Errorf("retry went to %v, want wangwu only", bulletinRecipients(retried))
	}
	got := append(first["user:wangwu"], retried["user:wangwu"]...)
	for i := range chat {
		chat[i].ToChat, chat[i].ToUsers = "", []string{"wangwu"}
	}
	if diff := cmp.Diff(chat, got); diff != "" {
		t.Errorf("wangwu's bulletin differs from the chat's (-chat,+wangwu):\n%s", diff)
	}
	if rep := f.sweep(b, "2025-11-01 09:20"); len(rep.Pushes[0].Already) != 3 {
		t.Errorf("third sweep: %+v", rep)
	}
	if got := s.take(); len(got) != 0 {
		t.Errorf("sent again: %q", bulletinKinds(got))
	}
}

// TestBulletinPushRefusesOpenMonth: the command line cannot push a month
// still in progress, nor push without recipients.
func TestBulletinPushRefusesOpenMonth(t *testing.T) {
	f := newBulletinFixture(t)
	s := f.sender()
	_, err := f.pusher(s).Push(context.Background(), bulletin.Month{Year: 2025, Month: 11}, bulletinAt("2025-11-20 10:00"))
	if err == nil || !strings.Contains(err.Error(), "2025年11月尚未结束") {
		t.Errorf("push of the current month: %v", err)
	}
	f.cfg.Bulletin.ChatIDs, f.cfg.Bulletin.UserIDs = nil, nil
	b := f.pusher(s)
	_, err = b.Push(context.Background(), bulletin.Month{Year: 2025, Month: 10}, bulletinAt("2025-11-20 10:00"))
	if err == nil || !strings.Contains(err.Error(), "bulletin.chat_ids") {
		t.Errorf("push without recipients: %v", err)
	}
	if rep := f.sweep(b, "2025-11-01 09:00"); len(rep.Pushes) != 0 {
		t.Errorf("sweep without recipients: %+v", rep)
	}
	if got := s.take(); len(got) != 0 {
		t.Errorf("sent: %q", bulletinKinds(got))
	}
}

// TestBulletinStartCatchesUp: Start sweeps at once, so a process started
// after 09:00 on the 1st pushes without waiting for the next firing.
func TestBulletinStartCatchesUp(t *testing.T) {
	f := newBulletinFixture(t)
	s := f.sender()
	s.sent = make(chan struct{}, 1)
	b := f.pusher(s)
	b.Now = func() time.Time { return bulletinAt("2025-11-01 10:30") }
	if err := b.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer b.Stop(context.Background())
	want := 0
	for {
		select {
		case <-s.sent:
		case <-time.After(30 * time.Second):
			t.Fatal("Start sent nothing")
		}
		outs := bulletinByRecipient(s.pushesCopy())
		want = len(outs["chat:zhuanban"])
		if len(outs["user:lisi"]) == want && want > 0 && outs["user:lisi"][want-1].Type == bot.MsgImage {
			break
		}
	}
	b.Stop(context.Background())
	checkBulletinPush(t, s.take())
}

func (s *bulletinSender) pushesCopy() []bot.Outbound {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]bot.Outbound(nil), s.pushes...)
}

// rateDeferred is the WeCom sender's outcome of a push its recipient's
// per-minute limit puts off (wecom.DeferredError): undelivered, and
// deferred until a time.
type rateDeferred struct{ until time.Time }

func (d rateDeferred) Error() string            { return "deferred by the per-user rate limit" }
func (d rateDeferred) Unwrap() error            { return bot.ErrUndelivered }
func (d rateDeferred) DeferredUntil() time.Time { return d.until }

// deferUser makes the pushes to user deferred until until, as long as the
// clock has not reached it, and counts the attempts.
func deferUser(s *bulletinSender, user string, now func() time.Time, until time.Time) *int {
	attempts := 0
	s.fail = func(out bot.Outbound) error {
		if len(out.ToUsers) == 1 && out.ToUsers[0] == user {
			attempts++
			if now().Before(until) {
				return rateDeferred{until}
			}
		}
		return nil
	}
	return &attempts
}

// TestBulletinDeferredPushIsNoFailure: wangwu's per-minute limit is full
// at 09:00 on the 1st. His push is reported deferred, not failed; it is
// not tried again before its time; at its time — after the catch-up
// window (0: the minute of the firing) has closed — it goes, once, and the
// bulletin has reached everyone exactly once.
func TestBulletinDeferredPushIsNoFailure(t *testing.T) {
	f := newBulletinFixture(t)
	f.cfg.Bulletin.CatchUp = 0
	s := f.sender()
	var mu sync.Mutex
	now := bulletinAt("2025-11-01 09:00")
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	until := now.Add(61 * time.Second)
	attempts := deferUser(s, "wangwu", clock, until)
	b := f.pusher(s)
	sweep := func(at time.Time) bulletin.SweepReport {
		mu.Lock()
		now = at
		mu.Unlock()
		rep, err := b.Sweep(context.Background(), at)
		if err != nil {
			t.Fatalf("sweep at %v: %v", at, err)
		}
		return rep
	}
	p := sweep(now).Pushes[0]
	if len(p.Failed) != 0 || len(p.Delivered) != 2 || p.Done() ||
		!cmp.Equal(p.Deferred, []bulletin.Deferred{{Recipient: bulletin.Recipient{User: "wangwu"}, Until: until}}) {
		t.Fatalf("first sweep: %+v; want wangwu deferred until %v, not failed", p, until)
	}
	if *attempts != 1 {
		t.Fatalf("%d attempts for wangwu, want 1", *attempts)
	}
	rep := sweep(until.Add(-30 * time.Second))
	if len(rep.Pushes) != 1 || len(rep.Pushes[0].Deferred) != 1 || *attempts != 1 {
		t.Fatalf("sweep before his time: %+v, %d attempts; want him waiting, untried", rep, *attempts)
	}
	if until.Before(b.DueAt(bulletin.Month{Year: 2025, Month: 10}).Add(time.Minute)) {
		t.Fatal("the test wants the deferral to outlast the catch-up window")
	}
	rep = sweep(until)
	if len(rep.Pushes) != 1 || !rep.Pushes[0].Done() || len(rep.Pushes[0].Delivered) != 1 {
		t.Fatalf("sweep at his time: %+v; want wangwu delivered", rep)
	}
	if rep := sweep(until.Add(time.Minute)); len(rep.Pushes) != 0 {
		t.Errorf("a sweep after the window pushed %+v", rep)
	}
	pushed := s.take()
	checkBulletinPush(t, pushed)

	// `casebot bulletin --send` for a recipient added since, whose limit
	// is full too: the command waits for it on its clock and ends with
	// everyone served, none twice (the edition kept is reused).
	f.cfg.Bulletin.UserIDs = append(f.cfg.Bulletin.UserIDs, "wangwu2")
	b = f.pusher(s)
	mu.Lock()
	now = bulletinAt("2025-11-20 10:00")
	mu.Unlock()
	until = clock().Add(61 * time.Second)
	deferUser(s, "wangwu2", clock, until)
	b.Now = clock
	var slept time.Duration
	b.Sleep = func(_ context.Context, d time.Duration) error {
		mu.Lock()
		defer mu.Unlock()
		now, slept = now.Add(d), slept+d
		return nil
	}
	p, err := b.Push(context.Background(), bulletin.Month{Year: 2025, Month: 10}, clock())
	if err != nil || !p.Done() || len(p.Delivered) != 1 || p.Delivered[0].User != "wangwu2" || len(p.Already) != 3 {
		t.Fatalf("push: %+v, %v; want wangwu2 delivered, the 3 others already served", p, err)
	}
	if slept != 61*time.Second {
		t.Errorf("slept %v, want 61s: until wangwu2's next slot", slept)
	}
	late := bulletinByRecipient(s.take())
	if diff := cmp.Diff([]string{"user:wangwu2"}, bulletinRecipients(late)); diff != "" {
		t.Errorf("pushed to (-want,+got):\n%s", diff)
	}
	if got, want := len(late["user:wangwu2"]), len(bulletinByRecipient(pushed)["chat:zhuanban"]); got != want {
		t.Errorf("wangwu2 got %d messages, the chat %d", got, want)
	}
}
