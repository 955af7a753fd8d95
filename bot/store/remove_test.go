package store_test

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"

	"casebot/bot/cases"
	"casebot/bot/store"
)

// dump returns every key under the store's prefix with its content, in a
// form that compares: strings as is, sets and sorted sets as sorted
// members (with scores), lists and hashes as their values, streams left
// out (the hearing-change stream only grows).
func dump(t *testing.T, s *store.Store) map[string]string {
	t.Helper()
	ctx := context.Background()
	rdb := s.Client()
	ks, err := rdb.Keys(ctx, s.Keys().Pattern()).Result()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, k := range ks {
		typ := rdb.Type(ctx, k).Val()
		var v string
		switch typ {
		case "string":
			v = rdb.Get(ctx, k).Val()
		case "set":
			m := rdb.SMembers(ctx, k).Val()
			sort.Strings(m)
			v = strings.Join(m, ",")
		case "zset":
			for _, z := range rdb.ZRangeWithScores(ctx, k, 0, -1).Val() {
				v += z.Member.(string) + "=" + strconv.FormatFloat(z.Score, 'f', -1, 64) + ","
			}
		case "list":
			v = strings.Join(rdb.LRange(ctx, k, 0, -1).Val(), ",")
		case "hash":
			h := rdb.HGetAll(ctx, k).Val()
			var fs []string
			for f, x := range h {
				fs = append(fs, f+"="+x)
			}
			sort.Strings(fs)
			v = strings.Join(fs, ",")
		default:
			continue
		}
		if v != "" {
			out[k] = v
		}
	}
	return out
}

// TestDeleteManyUndoable: deleting a case leaves no trace of it in any key
// (its indexes, its deadlines, its decision, drafts, reviews and their
// review lists), and undoing the deletion gives every key back as it was.
func TestDeleteManyUndoable(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	gone := sampleCase("(2025)黔0115行初7号")
	gone.Defendants = []string{"某县市场监督管理局", "某镇人民政府"}
	gone.CopyReceivedOn = at("2025-11-10 00:00") // opens the answer deadline
	kept := sampleCase("(2025)黔0115行初8号")
	if err := s.PutMany(ctx, []*cases.Case{gone, kept}, nil); err != nil {
		t.Fatal(err)
	}
	rdb, k := s.Client(), s.Keys()
	rdb.Set(ctx, k.Decision(gone.Number), `{"text":"判决书"}`, 0)
	rdb.RPush(ctx, k.ExplainDrafts(gone.Number), `{"v":1}`, `{"v":2}`)
	rdb.HSet(ctx, k.ExplainReview(gone.Number), "2", `{"state":"已审核"}`)
	rdb.ZAdd(ctx, k.ExplainState("已审核"), redis.Z{Score: 1764000000, Member: gone.Number + "#2"})
	rdb.ZAdd(ctx, k.ExplainState("已审核"), redis.Z{Score: 1764000001, Member: kept.Number + "#1"})
	before := dump(t, s)

	snap := &store.Snapshot{ID: "del1", At: at("2025-11-20 10:00"), Source: "delete:test"}
	deleted, err := s.DeleteMany(ctx, []string{gone.Number, "(2025)黔0115行初99号"}, snap)
	if err != nil {
		t.Fatal(err)
	}
	if len(deleted) != 1 || deleted[0].Number != gone.Number {
		t.Fatalf("deleted %v", deleted)
	}
	for key, v := range dump(t, s) {
		if strings.HasPrefix(key, k.Removed("del1", "")) || strings.Contains(key, "import:snapshot") || strings.Contains(key, "import:undo") {
			continue
		}
		if strings.Contains(key, "行初7号") || strings.Contains(v, "行初7号") {
			t.Errorf("after delete, %s still holds the case: %s", key, v)
		}
		if strings.Contains(key, "某镇人民政府") {
			t.Errorf("after delete, the agency named only by it is left: %s", key)
		}
	}
	if _, err := s.Get(ctx, kept.Number); err != nil {
		t.Errorf("the other case: %v", err)
	}
	if n, err := s.Agencies(ctx); err != nil || !cmp.Equal(n, []string{"某县市场监督管理局"}) {
		t.Errorf("agencies after delete: %v, %v", n, err)
	}

	if _, err := s.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	after := dump(t, s)
	for key := range after {
		if strings.Contains(key, "ledger:version") {
			delete(after, key)
		}
	}
	for key := range before {
		if strings.Contains(key, "ledger:version") {
			delete(before, key)
		}
	}
	// UpdatedAt is restamped on restore; compare the case apart.
	got, err := s.Get(ctx, gone.Number)
	if err != nil {
		t.Fatal(err)
	}
	delete(after, k.Case(gone.Number))
	delete(before, k.Case(gone.Number))
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("after undo (-before,+after):\n%s", diff)
	}
	if !cmp.Equal(got.Defendants, gone.Defendants) || len(got.Hearings) != 1 {
		t.Errorf("restored case %+v", got)
	}
}
