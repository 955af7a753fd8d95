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

func (s *Store) queueSnapshot(ctx context.Context, p redis.Pipeliner, snap *Snapshot) error {
	b, err := json.Marshal(snap)
	if err != nil {
		return err
	}
	p.Set(ctx, s.k.ImportSnapshot(snap.ID), b, keys.ImportSnapshotTTL)
	p.LPush(ctx, s.k.ImportUndo(), snap.ID)
	p.LTrim(ctx, s.k.ImportUndo(), 0, keys.ImportUndoDepth-1)
	return nil
}

// LastSnapshot returns the newest undo snapshot without applying it.
func (s *Store) LastSnapshot(ctx context.Context) (*Snapshot, error) {
	for {
		id, err := s.rdb.LIndex(ctx, s.k.ImportUndo(), 0).Result()
		if errors.Is(err, redis.Nil) {
			return nil, ErrNothingToUndo
		}
		if err != nil {
			return nil, err
		}
		b, err := s.rdb.Get(ctx, s.k.ImportSnapshot(id)).Bytes()
		if errors.Is(err, redis.Nil) {
			// Expired: drop the dangling id and look at the next one.
			s.rdb.LRem(ctx, s.k.ImportUndo(), 1, id)
			continue
		}
		if err != nil {
			return nil, err
		}
		var snap Snapshot
		if err := json.Unmarshal(b, &snap); err != nil {
			return nil, fmt.Errorf("decode snapshot %s: %w", id, err)
		}
		return &snap, nil
	}
}

// Undo restores the state before the newest snapshot: cases it changed get
// their previous version back, cases it created are deleted, and the
// snapshot is dropped, all in one transaction. It returns the snapshot.
func (s *Store) Undo(ctx context.Context) (*Snapshot, error) {
	snap, err := s.LastSnapshot(ctx)
	if err != nil {
		return nil, err
	}
	var ks []string
	for _, c := range snap.Previous {
		ks = append(ks, s.k.Case(c.Number))
	}
	for _, n := range snap.Created {
		ks = append(ks, s.k.Case(n))
	}
	now := s.Now()
	err = s.watch(ctx, func(tx *redis.Tx) error {
		head, err := tx.LIndex(ctx, s.k.ImportUndo(), 0).Result()
		if err != nil {
			return err
		}
		if head != snap.ID {
			return fmt.Errorf("另一个导入或撤销正在进行，请稍后再试")
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
			p.LPop(ctx, s.k.ImportUndo())
			p.Del(ctx, s.k.ImportSnapshot(snap.ID))
			return nil
		})
		return err
	}, s.watchKeys(ks, s.k.ImportUndo())...)
	if err != nil {
		return nil, err
	}
	return snap, nil
}
