package reminders

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/bot/redistest"
	"casebot/bot/sendlog"
	"casebot/bot/store"
	"casebot/bot/wecomtest"
	"casebot/config"
)

var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		panic(err)
	}
	return loc
}()

// at parses "2006-01-02 15:04" in Asia/Shanghai.
func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, shanghai)
	if err != nil {
		panic(err)
	}
	return t
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// fakeSender records what WeCom accepted. fail, when set, decides whether
// a push fails (before it is recorded, as a refused API call would).
//
// It keeps push ids the way the WeCom sender does (wecomtest.Once), so
// that what a sweep records is what production records.
type fakeSender struct {
	mu      sync.Mutex
	log     *sendlog.Log
	sent    []bot.Outbound
	updates []cardUpdate
	fail    func(out bot.Outbound) error
}

func newFakeSender(st *store.Store) *fakeSender {
	return &fakeSender{log: sendlog.New(st.Client(), st.Keys(), sendlog.Options{})}
}

type cardUpdate struct {
	Code  string
	Card  *bot.TemplateCard
	Users []string
}

func (f *fakeSender) Send(ctx context.Context, out bot.Outbound) (bot.Receipt, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return wecomtest.Once(ctx, f.log, func() (bot.Receipt, error) {
		if f.fail != nil {
			if err := f.fail(out); err != nil {
				return bot.Receipt{}, err
			}
		}
		f.sent = append(f.sent, out)
		return bot.Receipt{MsgIDs: []string{fmt.Sprint(len(f.sent))}}, nil
	})
}

func (f *fakeSender) UpdateCard(_ context.Context, code string, card *bot.TemplateCard, users ...string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.updates = append(f.updates, cardUpdate{code, card, users})
	return nil
}

// take returns and forgets what was sent so far.
func (f *fakeSender) take() []bot.Outbound {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := f.sent
	f.sent = nil
	return out
}

// summary is "recipient kind-of-message" per push, sorted, for compact
// assertions: cards by their task's kind, texts by their first line.
func summary(t *testing.T, s *Service, outs []bot.Outbound) []string {
	t.Helper()
	var lines []string
	for _, o := range outs {
		to := strings.Join(o.ToUsers, ",")
		if o.ToChat != "" {
			to = "chat:" + o.ToChat
		}
		what := ""
		if o.Card != nil {
			task, err := s.Task(context.Background(), o.Card.TaskID)
			if err != nil {
				t.Fatalf("card %s has no task record: %v", o.Card.TaskID, err)
			}
			what = string(task.Kind)
		} else {
			what, _, _ = strings.Cut(o.Text, "】")
			what = strings.TrimPrefix(what, "【")
		}
		lines = append(lines, to+" "+what)
	}
	sort.Strings(lines)
	return lines
}

type fixture struct {
	t      *testing.T
	st     *store.Store
	cfg    *config.Config
	sender *fakeSender

	mu        sync.Mutex
	delivered []Delivery
}

const (
	agency  = "某县市场监督管理局"
	agency2 = "某县自然资源局"
	chatID  = "zhuanban"
)

func newFixture(t *testing.T) *fixture {
	t.Helper()
	rdb, k := redistest.New(t)
	st := store.New(rdb, k)
	cfg := config.MustDefault()
	cfg.Reminder.StaffChat = chatID
	f := &fixture{t: t, st: st, cfg: cfg, sender: newFakeSender(st)}
	ctx := context.Background()
	if err := st.PutPeople(ctx, []*people.Person{
		{UserID: "wangwu", Name: "王五", Role: people.Head, Agency: agency, Post: "局长"},
		{UserID: "zhaoliu", Name: "赵六", Role: people.Head, Agency: agency, Post: "副局长"},
		{UserID: "lisi", Name: "李四", Role: people.Handler, Agency: agency, Post: "法规科科长"},
		{UserID: "sunqi", Name: "孙七", Role: people.Head, Agency: agency2, Post: "局长"},
		{UserID: "staff1", Name: "陈专班", Role: people.Staff},
	}); err != nil {
		t.Fatal(err)
	}
	return f
}

// service returns a new instance, as a restarted process or another
// replica would have, over the same Redis.
func (f *fixture) service() *Service {
	f.t.Helper()
	s, err := New(f.cfg, f.st, f.sender)
	if err != nil {
		f.t.Fatal(err)
	}
	s.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	s.Delivered = func(d Delivery) {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.delivered = append(f.delivered, d)
	}
	return s
}

func (f *fixture) sweep(s *Service, now string) []string {
	f.t.Helper()
	rep, err := s.Sweep(context.Background(), at(now))
	if err != nil {
		f.t.Fatalf("sweep at %s: %v", now, err)
	}
	if rep.Skipped {
		f.t.Fatalf("sweep at %s skipped", now)
	}
	return summary(f.t, s, f.sender.take())
}

// sampleCase is a first-instance case against the market regulator with
// one hearing.
func sampleCase(seq int, hearing string) *cases.Case {
	n := cases.Number{Form: cases.CourtNumber, Court: "黔0115", Type: "行初", Year: 2025, Seq: seq}
	c := &cases.Case{
		Number: n.String(), Kind: n.Kind(), Stage: n.Stage(),
		Plaintiffs: []cases.Party{cases.NewParty("张三")},
		Defendants: []string{agency}, Cause: "行政处罚", Court: "某县人民法院",
		FiledOn: at("2025-08-01 00:00"), Handler: "李四",
	}
	c.AddHearing(cases.Hearing{At: at(hearing), Place: "第三法庭", Head: "王五", HeadPost: "局长", MustAppear: true})
	return c
}

func (f *fixture) put(cs ...*cases.Case) {
	f.t.Helper()
	if err := f.st.PutMany(context.Background(), cs, nil); err != nil {
		f.t.Fatal(err)
	}
}
