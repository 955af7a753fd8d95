package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/redis/go-redis/v9"

	"casebot/bot/keys"
)

// ErrNothingToUndo is returned by Undo when no snapshot is kept.
var ErrNothingToUndo = errors.New("没有可撤销的导入")

// queueSnapshot saves snap with the writes it undoes: whole, or, for a
// chunked snapshot, its next part and its header (listed on the undo list
// with its first part, so that an import that dies half-way can still be
// undone).
func (s *Store) queueSnapshot(ctx context.Context, p redis.Pipeliner, snap *Snapshot) error {
	if !snap.Chunked {
		b, err := json.Marshal(snap)
		if err != nil {
			return err
		}
		p.Set(ctx, s.k.ImportSnapshot(snap.ID), b, keys.ImportSnapshotTTL)
		p.LPush(ctx, s.k.ImportUndo(), snap.ID)
		p.LTrim(ctx, s.k.ImportUndo(), 0, keys.ImportUndoDepth-1)
		return nil
	}
	part, err := json.Marshal(Snapshot{ID: snap.ID, Previous: snap.Previous, Created: snap.Created})
	if err != nil {
		return err
	}
	head := *snap
	head.Previous, head.Created = nil, nil
	head.Chunks++
	head.Restored += len(snap.Previous)
	head.Removed += len(snap.Created)
	hb, err := json.Marshal(head)
	if err != nil {
		return err
	}
	p.Set(ctx, s.k.ImportSnapshotChunk(snap.ID, snap.Chunks), part, keys.ImportSnapshotTTL)
	p.Set(ctx, s.k.ImportSnapshot(snap.ID), hb, keys.ImportSnapshotTTL)
	if snap.Chunks == 0 {
		p.LPush(ctx, s.k.ImportUndo(), snap.ID)
		p.LTrim(ctx, s.k.ImportUndo(), 0, keys.ImportUndoDepth-1)
	}
	return nil
}

// LastSnapshot returns the newest undo snapshot without applying it (for
// a chunked one, its header: Restored and Removed count its cases).
func (s *Store) LastSnapshot(ctx context.Context) (*Snapshot, error) {
	for {
		id, err := s.rdb.LIndex(ctx, s.k.ImportUndo(), 0).Result()
		if errors.Is(err, redis.Nil) {
			return nil, ErrNothingToUndo
		}
		if err != nil {
			return nil, err
		}
		snap, err := s.snapshot(ctx, s.k.ImportSnapshot(id))
		if errors.Is(err, redis.Nil) {
			// Expired: drop the dangling id and look at the next one.
			s.rdb.LRem(ctx, s.k.ImportUndo(), 1, id)
			continue
		}
		return snap, err
	}
}

func (s *Store) snapshot(ctx context.Context, key string) (*Snapshot, error) {
	b, err := s.rdb.Get(ctx, key).Bytes()
	if err != nil {
		return nil, err
	}
	var snap Snapshot
	if err := json.Unmarshal(b, &snap); err != nil {
		return nil, fmt.Errorf("decode snapshot %s: %w", key, err)
	}
	return &snap, nil
}

// Undo restores the state before the newest snapshot: cases it changed get
// their previous version back, cases it created are deleted, and the
// snapshot is dropped, in one transaction — or, for a chunked snapshot,
// in one transaction per part, newest part first. It returns the snapshot
// (its header, for a chunked one).
func (s *Store) Undo(ctx context.Context) (*Snapshot, error) {
	snap, err := s.LastSnapshot(ctx)
	if err != nil {
		return nil, err
	}
	if snap.Chunked {
		return snap, s.undoChunks(ctx, snap, true)
	}
	return snap, s.restore(ctx, snap, func(tx *redis.Tx) error {
		head, err := tx.LIndex(ctx, s.k.ImportUndo(), 0).Result()
		if err != nil {
			return err
		}
		if head != snap.ID {
			return fmt.Errorf("另一个导入或撤销正在进行，请稍后再试")
		}
		return nil
	}, func(p redis.Pipeliner) {
		p.LPop(ctx, s.k.ImportUndo())
		p.Del(ctx, s.k.ImportSnapshot(snap.ID))
	}, s.k.ImportUndo())
}

// Rollback undoes the chunked snapshot snap of an import that failed
// half-way, wherever it is on the undo list, and removes it.
func (s *Store) Rollback(ctx context.Context, snap *Snapshot) error {
	head, err := s.snapshot(ctx, s.k.ImportSnapshot(snap.ID))
	if errors.Is(err, redis.Nil) {
		return nil // nothing was written
	}
	if err != nil {
		return err
	}
	return s.undoChunks(ctx, head, false)
}

// undoChunks restores the parts of a chunked snapshot, newest first, each
// with its own transaction that also drops the part (so an undo cut short
// resumes where it stopped); the last drops the header and the list entry.
func (s *Store) undoChunks(ctx context.Context, head *Snapshot, mustBeNewest bool) error {
	for n := head.Chunks - 1; n >= 0; n-- {
		part, err := s.snapshot(ctx, s.k.ImportSnapshotChunk(head.ID, n))
		if errors.Is(err, redis.Nil) {
			return fmt.Errorf("撤销失败：导入 %s 的第 %d 部分快照已过期或丢失", head.ID, n+1)
		}
		if err != nil {
			return err
		}
		last := n == 0
		rest := *head
		rest.Chunks = n
		hb, err := json.Marshal(rest)
		if err != nil {
			return err
		}
		err = s.restore(ctx, part, func(tx *redis.Tx) error {
			if !mustBeNewest {
				return nil
			}
			top, err := tx.LIndex(ctx, s.k.ImportUndo(), 0).Result()
			if err != nil {
				return err
			}
			if top != head.ID {
				return fmt.Errorf("另一个导入或撤销正在进行，请稍后再试")
			}
			return nil
		}, func(p redis.Pipeliner) {
			p.Del(ctx, s.k.ImportSnapshotChunk(head.ID, n))
			if last {
				p.LRem(ctx, s.k.ImportUndo(), 1, head.ID)
				p.Del(ctx, s.k.ImportSnapshot(head.ID))
			} else {
				p.Set(ctx, s.k.ImportSnapshot(head.ID), hb, keys.ImportSnapshotTTL)
			}
		}, s.k.ImportUndo())
		if err != nil {
			return err
		}
	}
	if head.Chunks == 0 {
		s.rdb.LRem(ctx, s.k.ImportUndo(), 1, head.ID)
		s.rdb.Del(ctx, s.k.ImportSnapshot(head.ID))
	}
	return nil
}

// restore writes back snap's previous cases and deletes the ones it
// created, in one transaction guarded by check and the cases' keys (and
// extra keys), with more commands queued by also.
func (s *Store) restore(ctx context.Context, snap *Snapshot, check func(*redis.Tx) error, also func(redis.Pipeliner), extra ...string) error {
	var ks []string
	for _, c := range snap.Previous {
		ks = append(ks, s.k.Case(c.Number))
	}
	for _, n := range snap.Created {
		ks = append(ks, s.k.Case(n))
	}
	now := s.Now()
	return s.watch(ctx, func(tx *redis.Tx) error {
		if err := check(tx); err != nil {
			return err
		}
		current, err := s.getManyTx(ctx, tx, ks)
		if err != nil {
			return err
		}
		_, err = tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
			for i, prev := range snap.Previous {
				restored := prev.Clone()
				if err := s.queueWrite(ctx, p, current[i], restored, now); err != nil {
					return err
				}
			}
			for i := range snap.Created {
				if cur := current[len(snap.Previous)+i]; cur != nil {
					s.queueDelete(ctx, p, cur, now)
				}
			}
			also(p)
			return nil
		})
		return err
	}, s.watchKeys(ks, extra...)...)
}
