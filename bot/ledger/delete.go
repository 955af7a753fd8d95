package ledger

import (
	"context"

	"casebot/bot/cases"
	"casebot/bot/store"
)

// Delete removes one case entered by mistake, with its reminders, indexes
// and attachments (store.DeleteMany), under an undo snapshot named by
// source ("delete:<who>"), so that `casebot import --undo` (撤销导入)
// brings it back as it was. It returns the case deleted, or
// store.ErrNotFound.
func Delete(ctx context.Context, st *store.Store, number, source string) (*cases.Case, error) {
	now := st.Now()
	snap := &store.Snapshot{ID: snapshotID(now), At: now, Source: source, Chunked: true}
	deleted, err := st.DeleteMany(ctx, []string{number}, snap)
	if err != nil {
		return nil, err
	}
	if len(deleted) == 0 {
		return nil, store.ErrNotFound
	}
	return deleted[0], nil
}
