package webapp

import (
	"bytes"
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot"
	"casebot/bot/agency"
	"casebot/bot/ledger"
	"casebot/bot/store"
)

// ledgerAPI is the page's one use of bot/ledger, kept in this file so that
// the ledger's internals (reading, batching, streaming) can change behind
// its public functions: Read, Import (dry run and write), Export, and the
// store's undo snapshots.
type ledgerAPI struct {
	st  *store.Store
	loc func() *time.Location
	// names compares agency names as the CLI's import does: the
	// configured aliases (scope.agency_aliases, through scope.Policy) and
	// the built-in abbreviations.
	names agency.Names
}

// importOptions: the page's imports add and update, never delete (a case
// the file leaves out is left as it is), so the guard of a file taken as
// the whole ledger (ledger.MaxUnmentioned, --replace) does not apply. How
// many open cases the file leaves out is still shown.
func (l ledgerAPI) importOptions(dryRun, skipInvalid bool, source string, now time.Time) ledger.Options {
	return ledger.Options{DryRun: dryRun, SkipInvalid: skipInvalid, Source: source, Now: now, Agencies: l.names}
}

// dryRun reads a file and computes what importing it would do, writing
// nothing. A file that cannot be read at all is an error; problems in rows
// are in the result. With skipInvalid the result is that of importing the
// cases without errors.
func (l ledgerAPI) dryRun(ctx context.Context, name string, data []byte, skipInvalid bool, now time.Time) (*ledger.Ledger, *ledger.Result, error) {
	lg, err := l.read(name, data, now)
	if err != nil {
		return nil, nil, err
	}
	res, err := ledger.Import(ctx, l.st, lg, l.importOptions(true, skipInvalid, "", now))
	return lg, res, ignoreInvalid(err)
}

// write imports the file for real.
func (l ledgerAPI) write(ctx context.Context, name string, data []byte, skipInvalid bool, source string, now time.Time) (*ledger.Ledger, *ledger.Result, error) {
	lg, err := l.read(name, data, now)
	if err != nil {
		return nil, nil, err
	}
	res, err := ledger.Import(ctx, l.st, lg, l.importOptions(false, skipInvalid, source, now))
	return lg, res, err
}

// read reads a ledger file. Its errors (not a spreadsheet — a PDF, a
// picture, a Word file picked by mistake —, an old .xls, an encoding it
// cannot tell...) are the reader's, written for the user, the same the
// CLI prints.
func (l ledgerAPI) read(name string, data []byte, now time.Time) (*ledger.Ledger, error) {
	// Now: a date without its year is read as the nearest such day.
	lg, err := ledger.Read(name, data, ledger.ReadOptions{Location: l.loc(), Now: now})
	if err != nil {
		return nil, bot.Errorf(bot.EInvalid, "%v", err)
	}
	return lg, nil
}

// ignoreInvalid: a file with row errors is not a failure of the preview;
// its errors are what the preview shows.
func ignoreInvalid(err error) error {
	var ie *ledger.InvalidError
	if errors.As(err, &ie) {
		return nil
	}
	return err
}

// version is the ledger's write counter (every write of a case moves it).
func (l ledgerAPI) version(ctx context.Context) (int64, error) {
	s, err := l.st.Client().Get(ctx, l.st.Keys().LedgerVersion()).Result()
	if errors.Is(err, redis.Nil) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(s, 10, 64)
}

// lastImport is the newest import that can be undone.
func (l ledgerAPI) lastImport(ctx context.Context) (*store.Snapshot, error) {
	return l.st.LastSnapshot(ctx)
}

// undo undoes the newest import, provided it is still id: an import made
// since is never undone in its place. (Between the check and the undo
// another import could land; store.Undo takes the newest.)
func (l ledgerAPI) undo(ctx context.Context, id string) (*store.Snapshot, error) {
	snap, err := l.st.LastSnapshot(ctx)
	if err != nil {
		return nil, err
	}
	if snap.ID != id {
		return nil, errNotNewest
	}
	return l.st.Undo(ctx)
}

var errNotNewest = errors.New("a newer import was made since")

// export writes the whole ledger as an .xlsx in the import template.
func (l ledgerAPI) export(ctx context.Context) (data []byte, ncases, rows int, err error) {
	var buf bytes.Buffer
	ncases, rows, err = ledger.Export(ctx, l.st, &buf, l.loc())
	return buf.Bytes(), ncases, rows, err
}
