package bot_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/keys"
	"casebot/bot/people"
	"casebot/bot/redistest"
)

// queuedDir is a directory on the bot's Redis that counts how it was
// asked: Lookup alone, or queued on the bot's pipeline.
type queuedDir struct {
	rdb             redis.UniversalClient
	k               keys.Keys
	lookups, queues int
}

func (d *queuedDir) decode(cmd *redis.StringCmd) (*people.Person, error) {
	b, err := cmd.Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var p people.Person
	return &p, json.Unmarshal(b, &p)
}

func (d *queuedDir) Lookup(ctx context.Context, id string) (*people.Person, error) {
	d.lookups++
	return d.decode(d.rdb.Get(ctx, d.k.Person(id)))
}

func (d *queuedDir) QueueLookup(ctx context.Context, p redis.Pipeliner, id string) func() (*people.Person, error) {
	d.queues++
	cmd := p.Get(ctx, d.k.Person(id))
	return func() (*people.Person, error) { return d.decode(cmd) }
}

// TestQueuedDirectory: with a directory that shares the bot's pipeline,
// a text's sender and pending question are read together and the
// conversation goes exactly as with a plain directory (TestAwait,
// TestRouting's stranger); an event still looks its sender up alone; a
// Redis that is away fails the lookup, which Handle reports.
func TestQueuedDirectory(t *testing.T) {
	rdb, k := redistest.New(t)
	ctx := context.Background()
	staff, _ := json.Marshal(people.Person{UserID: "u1", Name: "李", Role: people.Staff})
	if err := rdb.Set(ctx, k.Person("u1"), staff, 0).Err(); err != nil {
		t.Fatal(err)
	}
	rec := &recorder{}
	dir := &queuedDir{rdb: rdb, k: k}
	b := &bot.Bot{Sender: rec, Redis: rdb, Keys: k, Directory: dir}
	b.Button("replace:", func(c bot.Context) error {
		if err := c.Await("who", "hearing-7"); err != nil {
			return err
		}
		return c.Reply("请问由谁出庭？")
	})
	b.Await("who", func(c bot.Context) error {
		defer c.ClearAwait()
		return c.Reply("replace " + c.AwaitData() + " for " + c.Person().Name + " with " + c.Message().Text)
	})
	b.Fallback(func(c bot.Context) error {
		name := "unknown"
		if p := c.Person(); p != nil {
			name = p.Name
		}
		return c.Reply("query from " + name)
	})
	for _, m := range []*bot.Message{
		{Type: "event", Event: bot.EventTemplateCard, From: "u1", EventKey: "replace:1"},
		text("u2", "张副局长"), // a stranger, not affected by u1's question
		text("u1", "张副局长"),
		text("u1", "张副局长"), // answered: back to normal routing
	} {
		if err := b.Handle(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	want := "请问由谁出庭？|query from unknown|replace hearing-7 for 李 with 张副局长|query from 李"
	if got := strings.Join(rec.texts(), "|"); got != want {
		t.Errorf("replies = %q, want %q", got, want)
	}
	if dir.lookups != 1 || dir.queues != 3 {
		t.Errorf("lookups alone %d, queued %d; want 1 (the event) and 3 (the texts)", dir.lookups, dir.queues)
	}

	rdb.Close()
	err := b.Handle(ctx, text("u1", "今天开庭"))
	if err == nil || !strings.Contains(err.Error(), "look up u1") {
		t.Errorf("Handle on a closed Redis = %v, want the failed lookup", err)
	}
}

// processCPU is the CPU time this process used so far (not Redis's, a
// child): what a round trip costs the client, apart from waiting for it.
func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkHandleRead is Handle of a text from a stranger on real Redis
// (or miniredis): the sender looked up and the pending question read one
// after the other (plain) or in one round trip (queued).
func BenchmarkHandleRead(b *testing.B) {
	rdb, k := redistest.New(b)
	dir := &queuedDir{rdb: rdb, k: k}
	for _, bc := range []struct {
		name string
		dir  bot.Directory
	}{
		{"plain", bot.DirectoryFunc(dir.Lookup)},
		{"queued", dir},
	} {
		b.Run(bc.name, func(b *testing.B) {
			bt := &bot.Bot{Sender: &recorder{}, Redis: rdb, Keys: k, Directory: bc.dir}
			bt.Fallback(func(c bot.Context) error { return nil })
			ctx := context.Background()
			m := text("stranger", "（2025）黔0115行初1号")
			b.ReportAllocs()
			cpu := processCPU()
			for b.Loop() {
				if err := bt.Handle(ctx, m); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}
