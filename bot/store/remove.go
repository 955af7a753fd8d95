package store

import (
	"context"
	"fmt"
	"strconv"

	"github.com/redis/go-redis/v9"

	"casebot/bot/cases"
	"casebot/bot/keys"
)

// Moved is a key of a deleted case moved aside under its snapshot.
type Moved struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Member is a sorted-set entry of a deleted case, removed from its set.
type Member struct {
	Key    string  `json:"key"`
	Member string  `json:"member"`
	Score  float64 `json:"score"`
}

// DeleteMany removes the cases under numbers (normalized; those not stored
// are skipped) with everything that hangs off them, in one transaction:
// the case, every index entry (agencies, parties, hearings, closing and
// filing, outcomes, statutory deadlines), the attached decision, the
// 以案说法 drafts, their reviews and their places in the review lists. Their
// hearings are recorded as cancelled in the hearing-change stream, so the
// reminders already sent are followed by a cancellation and none is sent
// again.
//
// With snap, the deletion is undoable: the cases are saved in the snapshot
// (as Previous, with nothing Created), the attachments are moved aside
// under it rather than deleted, and store.Undo puts all of it back. It
// returns the cases deleted. At most maxWatchKeys numbers at a time.
func (s *Store) DeleteMany(ctx context.Context, numbers []string, snap *Snapshot) ([]*cases.Case, error) {
	if len(numbers) == 0 {
		return nil, nil
	}
	if len(numbers) > maxWatchKeys {
		return nil, fmt.Errorf("DeleteMany: %d cases in one call, at most %d", len(numbers), maxWatchKeys)
	}
	ks := make([]string, len(numbers))
	var watch []string
	for i, n := range numbers {
		ks[i] = s.k.Case(n)
		watch = append(watch, ks[i])
		watch = append(watch, s.k.CaseAttachments(n)...)
	}
	now := s.Now()
	var deleted []*cases.Case
	var base int
	if snap != nil {
		base = snap.Deleted
	}
	err := s.watch(ctx, func(tx *redis.Tx) error {
		olds, err := s.getManyTx(ctx, tx, ks)
		if err != nil {
			return err
		}
		deleted = deleted[:0]
		for _, c := range olds {
			if c != nil {
				deleted = append(deleted, c)
			}
		}
		if len(deleted) == 0 {
			return nil
		}
		moved, members, err := s.attachments(ctx, tx, deleted)
		if err != nil {
			return err
		}
		_, err = tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
			for _, c := range deleted {
				s.queueDelete(ctx, p, c, now)
			}
			for _, m := range members {
				p.ZRem(ctx, m.Key, m.Member)
			}
			if snap == nil {
				for _, m := range moved {
					p.Del(ctx, m.From)
				}
				return nil
			}
			for i := range moved {
				moved[i].To = s.k.Removed(snap.ID, moved[i].From)
				p.Rename(ctx, moved[i].From, moved[i].To)
				p.Expire(ctx, moved[i].To, keys.ImportSnapshotTTL)
			}
			snap.Previous, snap.Created = deleted, nil
			snap.Moved, snap.Members = moved, members
			snap.Deleted = base + len(deleted)
			return s.queueSnapshot(ctx, p, snap)
		})
		if err == nil && snap != nil && snap.Chunked {
			snap.Chunks++
			snap.Restored += len(snap.Previous)
		}
		return err
	}, watch...)
	if err != nil {
		if snap != nil {
			snap.Deleted = base
		}
		return nil, err
	}
	return deleted, nil
}

// attachments finds the attachment keys that exist for the cases and
// their drafts' places in the review lists.
func (s *Store) attachments(ctx context.Context, tx *redis.Tx, cs []*cases.Case) ([]Moved, []Member, error) {
	type probe struct {
		key    string
		exists *redis.IntCmd
	}
	var probes []probe
	drafts := make([]*redis.IntCmd, len(cs))
	_, err := tx.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, c := range cs {
			for _, k := range s.k.CaseAttachments(c.Number) {
				probes = append(probes, probe{k, p.Exists(ctx, k)})
			}
			drafts[i] = p.LLen(ctx, s.k.ExplainDrafts(c.Number))
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	var moved []Moved
	for _, pr := range probes {
		if pr.exists.Val() > 0 {
			moved = append(moved, Moved{From: pr.key})
		}
	}
	// A draft is listed as number#version in at most one state's set.
	var members []Member
	for i, c := range cs {
		n := int(drafts[i].Val())
		if n == 0 {
			continue
		}
		names := make([]string, n)
		for v := range n {
			names[v] = c.Number + "#" + strconv.Itoa(v+1)
		}
		for _, state := range keys.ExplainStates {
			key := s.k.ExplainState(state)
			scores, err := tx.ZMScore(ctx, key, names...).Result()
			if err != nil {
				return nil, nil, err
			}
			for v, sc := range scores {
				if sc != 0 {
					members = append(members, Member{Key: key, Member: names[v], Score: sc})
				}
			}
		}
	}
	return moved, members, nil
}

// movedKept reports which keys moved aside by a snapshot part still exist.
func (s *Store) movedKept(ctx context.Context, tx *redis.Tx, snap *Snapshot) ([]bool, error) {
	kept := make([]bool, len(snap.Moved))
	for i, m := range snap.Moved {
		n, err := tx.Exists(ctx, m.To).Result()
		if err != nil {
			return nil, err
		}
		kept[i] = n > 0
	}
	return kept, nil
}

// queueReturn moves back what DeleteMany moved aside under a snapshot;
// kept says which of snap.Moved are still there to move.
func (s *Store) queueReturn(ctx context.Context, p redis.Pipeliner, snap *Snapshot, kept []bool) {
	for i, m := range snap.Moved {
		if !kept[i] {
			continue
		}
		p.Rename(ctx, m.To, m.From)
		p.Persist(ctx, m.From)
	}
	for _, m := range snap.Members {
		p.ZAdd(ctx, m.Key, redis.Z{Score: m.Score, Member: m.Member})
	}
}
