package store_test

import (
	"context"
	"testing"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/people"
	"casebot/bot/redistest"
	"casebot/bot/store"
)

// TestDirectoryQueued: the store's directory answers a lookup queued on a
// pipeline of its Redis as LookupPerson does: the entry, (nil, nil) for
// a stranger, an error for an entry it cannot read.
func TestDirectoryQueued(t *testing.T) {
	ctx := context.Background()
	rdb, k := redistest.New(t)
	s := store.New(rdb, k)
	var _ bot.QueuedDirectory = s.Directory()
	if err := s.PutPerson(ctx, &people.Person{UserID: "wangju", Name: "王局", Role: people.Head, Agency: "某县市场监督管理局", Post: "局长"}); err != nil {
		t.Fatal(err)
	}
	if err := rdb.Set(ctx, k.Person("broken"), "{not json", 0).Err(); err != nil {
		t.Fatal(err)
	}
	gets := map[string]func() (*people.Person, error){}
	rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for _, id := range []string{"wangju", "nobody", "broken"} {
			gets[id] = s.Directory().QueueLookup(ctx, p, id)
		}
		return nil
	})
	if p, err := gets["wangju"](); err != nil || p == nil || p.Post != "局长" {
		t.Errorf("queued lookup = %+v, %v", p, err)
	}
	if p, err := gets["nobody"](); p != nil || err != nil {
		t.Errorf("queued lookup of a stranger = %+v, %v; want nil, nil", p, err)
	}
	if p, err := gets["broken"](); err == nil {
		t.Errorf("queued lookup of an unreadable entry = %+v, want an error", p)
	}
	if p, err := s.Directory().Lookup(ctx, "wangju"); err != nil || p == nil || p.Name != "王局" {
		t.Errorf("lookup = %+v, %v", p, err)
	}
}
