package ledger

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"casebot/bot/cases"
	"casebot/bot/store"
)

// importNow is the instant of the imports below: before every hearing.
var importNow = at("2025-11-18 10:00")

// baseFile is a small ledger of three open cases.
func baseFile(t *testing.T) []byte {
	return csvFile(t, header(),
		row(map[field]string{fNumber: "(2025)黔0115行初21号", fDefendants: "某县公安局", fPlaintiffs: "张三", fCause: "行政处罚",
			fHearingAt: "2025-11-20 09:30", fPlace: "第一法庭"}),
		row(map[field]string{fNumber: "(2025)黔0115行初22号", fDefendants: "某县市场监督管理局", fPlaintiffs: "李四", fCause: "行政许可",
			fHearingAt: "2025-11-21 14:30"}),
		row(map[field]string{fNumber: "某府复〔2025〕23号", fDefendants: "某县自然资源局", fPlaintiffs: "王五", fCause: "政府信息公开"}),
	)
}

func mustImport(t *testing.T, st *store.Store, name string, data []byte, opts Options) *Result {
	t.Helper()
	if opts.Now.IsZero() {
		opts.Now = importNow
	}
	res, err := Import(t.Context(), st, mustRead(t, name, data), opts)
	if err != nil {
		t.Fatalf("import %s: %v (errors %v)", name, err, res.Errors)
	}
	return res
}

type counts struct{ Rows, Created, Updated, Unchanged, Skipped int }

func countsOf(r *Result) counts { return counts{r.Rows, r.Created, r.Updated, r.Unchanged, r.Skipped} }

// snapshot returns every stored case, for comparing states of the store.
func snapshot(t *testing.T, st *store.Store) []*cases.Case {
	t.Helper()
	var out []*cases.Case
	if err := st.EachCase(t.Context(), 100, func(cs []*cases.Case) error { out = append(out, cs...); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// ignoreStamps ignores what the store stamps on every write.
var ignoreStamps = cmpopts.IgnoreFields(cases.Case{}, "UpdatedAt")

func TestImportCreatesThenReportsUnchanged(t *testing.T) {
	st := newStore(t)
	res := mustImport(t, st, "a.csv", baseFile(t), Options{})
	if diff := cmp.Diff(counts{Rows: 3, Created: 3}, countsOf(res)); diff != "" {
		t.Errorf("first import (-want,+got):\n%s", diff)
	}
	if !res.Written || res.SnapshotID == "" {
		t.Errorf("written %v snapshot %q", res.Written, res.SnapshotID)
	}
	c, err := st.FindCase(t.Context(), "(2025)黔0115行初21号")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Hearings[0].At, at("2025-11-20 09:30"); !got.Equal(want) {
		t.Errorf("stored hearing %v, want %v", got, want)
	}
	refs, err := st.HearingRefs(t.Context(), at("2025-11-20"), at("2025-11-22"))
	if err != nil || len(refs) != 2 {
		t.Errorf("hearing index: %v %v, want 2 hearings", refs, err)
	}
	before := snapshot(t, st)
	res = mustImport(t, st, "a.csv", baseFile(t), Options{})
	if diff := cmp.Diff(counts{Rows: 3, Unchanged: 3}, countsOf(res)); diff != "" {
		t.Errorf("re-import (-want,+got):\n%s", diff)
	}
	if res.Written {
		t.Error("an import that changes nothing must not write (nor leave an undo snapshot)")
	}
	if diff := cmp.Diff(before, snapshot(t, st)); diff != "" {
		t.Errorf("store changed by an unchanged import (-before,+after):\n%s", diff)
	}
}

func TestReimportUpdatesAndRecordsReschedules(t *testing.T) {
	st := newStore(t)
	mustImport(t, st, "a.csv", baseFile(t), Options{})
	changed := csvFile(t, header(),
		// The hearing moved by a week: a reschedule.
		row(map[field]string{fNumber: "(2025)黔0115行初21号", fDefendants: "某县公安局", fPlaintiffs: "张三", fCause: "行政处罚",
			fHearingAt: "2025-11-27 09:30", fPlace: "第一法庭"}),
		// Same hearing, new cause.
		row(map[field]string{fNumber: "（2025）黔0115行初22号", fDefendants: "某县市场监督管理局", fPlaintiffs: "李四", fCause: "行政强制",
			fHearingAt: "2025/11/21 14:30"}),
		row(map[field]string{fNumber: "某府复[2025]23号", fDefendants: "某县自然资源局", fPlaintiffs: "王五", fCause: "政府信息公开"}),
		row(map[field]string{fNumber: "(2025)黔0115行初24号", fDefendants: "某县公安局"}),
	)
	res := mustImport(t, st, "b.csv", changed, Options{})
	if diff := cmp.Diff(counts{Rows: 4, Created: 1, Updated: 2, Unchanged: 1}, countsOf(res)); diff != "" {
		t.Errorf("counts (-want,+got):\n%s", diff)
	}
	wantChanges := []HearingChange{{Number: "(2025)黔0115行初21号", HearingChange: cases.HearingChange{ID: 1,
		Kind: cases.HearingRescheduled, From: at("2025-11-20 09:30"), To: at("2025-11-27 09:30")}}}
	if diff := cmp.Diff(wantChanges, res.Changes, cmpopts.EquateApproxTime(0)); diff != "" {
		t.Errorf("result changes (-want,+got):\n%s", diff)
	}

	// The store's hearing-change stream, which reminders read.
	got, err := st.HearingChanges(t.Context(), "0", 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.HearingChange{{Ref: cases.Ref("(2025)黔0115行初21号", 1), Case: "(2025)黔0115行初21号",
		Kind: cases.HearingRescheduled, From: at("2025-11-20 09:30"), To: at("2025-11-27 09:30")}}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(store.HearingChange{}, "StreamID", "At"), cmpopts.EquateApproxTime(0)); diff != "" {
		t.Errorf("hearing-change stream (-want,+got):\n%s", diff)
	}
	c, _ := st.Get(t.Context(), "(2025)黔0115行初21号")
	h := c.Hearing(1)
	if h == nil || !h.At.Equal(at("2025-11-27 09:30")) || len(h.Reschedules) != 1 || h.Reschedules[0].Source != "import:b.csv" {
		t.Errorf("hearing 1 after the reschedule: %+v", h)
	}
	if refs, _ := st.HearingRefs(t.Context(), at("2025-11-20"), at("2025-11-21")); len(refs) != 0 {
		t.Errorf("the old time is still in the hearing index: %v", refs)
	}
}

func TestAllOrNothing(t *testing.T) {
	st := newStore(t)
	bad := csvFile(t, header(),
		row(map[field]string{fNumber: "(2025)黔0115行初31号", fDefendants: "某县公安局"}),
		row(map[field]string{fNumber: "(2025)黔0115行初32号", fDefendants: "某县公安局", fFiledOn: "2025-02-30"}),
		row(map[field]string{fNumber: "(2025)黔0115行初33号", fDefendants: "某县公安局"}),
		row(map[field]string{fNumber: "(2025)黔0115行初34号", fDefendants: "某县公安局", fClosedOn: "2025-11-01", fOutcome: "赢了"}),
		// A case whose second row is bad is left out whole.
		row(map[field]string{fNumber: "(2025)黔0115行初35号", fDefendants: "某县公安局", fHearingAt: "2025-11-20 09:30"}),
		row(map[field]string{fNumber: "(2025)黔0115行初35号", fDefendants: "某县公安局", fHearingAt: "下周一"}),
	)
	l := mustRead(t, "bad.csv", bad)
	res, err := Import(t.Context(), st, l, Options{Now: importNow})
	var ie *InvalidError
	if !errors.As(err, &ie) || ie.Count != 3 {
		t.Fatalf("err = %v, want an InvalidError counting 3", err)
	}
	if got, want := []int{res.Errors[0].Row, res.Errors[1].Row, res.Errors[2].Row}, []int{3, 5, 7}; !cmp.Equal(got, want) {
		t.Errorf("error rows %v, want %v", got, want)
	}
	if n, _ := st.CountCases(t.Context()); n != 0 || res.Written {
		t.Fatalf("%d cases written by a file with errors, want 0", n)
	}
	if keys, _ := st.Client().Keys(t.Context(), st.Keys().Pattern()).Result(); len(keys) != 0 {
		t.Errorf("keys written: %v", keys)
	}

	res, err = Import(t.Context(), st, l, Options{Now: importNow, SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(counts{Rows: 6, Created: 2, Skipped: 3}, countsOf(res)); diff != "" {
		t.Errorf("--skip-invalid (-want,+got):\n%s", diff)
	}
	if len(res.Errors) != 3 {
		t.Errorf("--skip-invalid must still list every error, got %v", res.Errors)
	}
	var stored []string
	for _, c := range snapshot(t, st) {
		stored = append(stored, c.Number)
	}
	if diff := cmp.Diff([]string{"(2025)黔0115行初31号", "(2025)黔0115行初33号"}, stored); diff != "" {
		t.Errorf("stored (-want,+got):\n%s", diff)
	}
}

func TestSkipInvalidWithNothingValid(t *testing.T) {
	st := newStore(t)
	l := mustRead(t, "bad.csv", csvFile(t, header(), row(map[field]string{fNumber: "(2025)黔0115行初36号"})))
	_, err := Import(t.Context(), st, l, Options{SkipInvalid: true, Now: importNow})
	var ie *InvalidError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v, want InvalidError", err)
	}
}

// openCases stores n open cases and returns a file that mentions the first
// m of them.
func openCases(t *testing.T, st *store.Store, n, m int) []byte {
	t.Helper()
	rows := [][]string{header()}
	for i := range n {
		rows = append(rows, row(map[field]string{fNumber: fmt.Sprintf("(2025)黔0115行初%d号", 100+i), fDefendants: "某县公安局"}))
	}
	mustImport(t, st, "all.csv", csvFile(t, rows...), Options{})
	return csvFile(t, rows[:m+1]...)
}

func TestThirtyPercentRule(t *testing.T) {
	t.Run("Refused", func(t *testing.T) {
		st := newStore(t)
		partial := openCases(t, st, 10, 6) // leaves out 4 of 10 open cases
		before := snapshot(t, st)
		// The file also changes a case, to show that nothing of it is written.
		l := mustRead(t, "partial.csv", partial)
		l.Entries[0].Case.Cause = "行政处罚"
		l.Entries[0].present[fCause] = true
		res, err := Import(t.Context(), st, l, Options{Now: importNow})
		var ge *GuardError
		if !errors.As(err, &ge) || ge.Open != 10 || ge.Unmentioned != 4 {
			t.Fatalf("err = %v, want a GuardError for 4 of 10", err)
		}
		if got, want := err.Error(), "台账中有 10 件未结案件，文件未提及其中 4 件（40%），超过 30% 的安全上限，已拒绝导入：可能选错了文件或文件只含部分案件；确认无误请加 --force"; got != want {
			t.Errorf("message\n got %s\nwant %s", got, want)
		}
		if res.Written {
			t.Error("written")
		}
		if diff := cmp.Diff(before, snapshot(t, st)); diff != "" {
			t.Errorf("a refused import changed the store:\n%s", diff)
		}
		res, err = Import(t.Context(), st, l, Options{Now: importNow, Force: true})
		if err != nil || res.Updated != 1 {
			t.Errorf("--force: %v, updated %d, want 1", err, res.Updated)
		}
	})
	t.Run("AtTheLimit", func(t *testing.T) {
		st := newStore(t)
		partial := openCases(t, st, 10, 7) // 3 of 10 is not more than 30%
		if res := mustImport(t, st, "partial.csv", partial, Options{}); res.Unmentioned != 3 || res.Open != 10 {
			t.Errorf("open %d unmentioned %d", res.Open, res.Unmentioned)
		}
	})
	t.Run("ClosedCasesDoNotCount", func(t *testing.T) {
		st := newStore(t)
		rows := [][]string{header()}
		for i := range 10 {
			r := map[field]string{fNumber: fmt.Sprintf("(2025)黔0115行初%d号", 200+i), fDefendants: "某县公安局"}
			if i >= 2 {
				r[fClosedOn], r[fOutcome] = "2025-10-01", "准许撤诉"
			}
			rows = append(rows, row(r))
		}
		mustImport(t, st, "all.csv", csvFile(t, rows...), Options{})
		// Mentions both open cases and none of the 8 closed ones.
		mustImport(t, st, "open.csv", csvFile(t, rows[:3]...), Options{})
	})
}

func TestUndo(t *testing.T) {
	st := newStore(t)
	mustImport(t, st, "a.csv", baseFile(t), Options{})
	before := snapshot(t, st)
	beforeRefs, _ := st.HearingRefs(t.Context(), at("2025-01-01"), at("2026-12-31"))
	next := csvFile(t, header(),
		row(map[field]string{fNumber: "(2025)黔0115行初21号", fDefendants: "某县公安局、某镇人民政府", fPlaintiffs: "张三", fCause: "行政处罚",
			fHearingAt: "2025-11-27 09:30", fClosedOn: "2025-11-30", fOutcome: "确认违法"}),
		row(map[field]string{fNumber: "(2025)黔0115行初22号", fDefendants: "某县市场监督管理局", fPlaintiffs: "李四", fCause: "行政许可",
			fHearingAt: "2025-11-21 14:30"}),
		row(map[field]string{fNumber: "某府复〔2025〕23号", fDefendants: "某县自然资源局", fPlaintiffs: "王五", fCause: "政府信息公开"}),
		row(map[field]string{fNumber: "(2025)黔0115行初25号", fDefendants: "某县教育局", fPlaintiffs: "赵六", fHearingAt: "2025-12-01 09:00"}),
	)
	res := mustImport(t, st, "b.csv", next, Options{})
	if res.Created != 1 || res.Updated != 1 {
		t.Fatalf("second import: %+v", countsOf(res))
	}
	snap, err := st.Undo(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if snap.ID != res.SnapshotID || snap.Source != "import:b.csv" {
		t.Errorf("undid %s (%s), want %s", snap.ID, snap.Source, res.SnapshotID)
	}
	if diff := cmp.Diff(before, snapshot(t, st), ignoreStamps); diff != "" {
		t.Errorf("after undo (-before,+after):\n%s", diff)
	}
	// The indexes are back too.
	ctx := t.Context()
	refs, _ := st.HearingRefs(ctx, at("2025-01-01"), at("2026-12-31"))
	if diff := cmp.Diff(beforeRefs, refs); diff != "" {
		t.Errorf("hearing index after undo (-want,+got):\n%s", diff)
	}
	for agency, want := range map[string]int64{"某镇人民政府": 0, "某县教育局": 0, "某县公安局": 1} {
		if _, n, _ := st.AgencyNumbers(ctx, agency, store.Page{}); n != want {
			t.Errorf("agency %s has %d cases after undo, want %d", agency, n, want)
		}
	}
	if n, _ := st.CountClosed(ctx, at("2025-01-01"), at("2026-01-01")); n != 0 {
		t.Errorf("%d closed cases after undo, want 0", n)
	}
	if open, _ := st.OpenNumbers(ctx); len(open) != 3 {
		t.Errorf("open cases after undo: %v", open)
	}
	// Then the first import, then nothing left.
	if _, err := st.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _ := st.CountCases(ctx); n != 0 {
		t.Errorf("%d cases after undoing both imports", n)
	}
	if _, err := st.Undo(ctx); !errors.Is(err, store.ErrNothingToUndo) {
		t.Errorf("third undo: %v, want ErrNothingToUndo", err)
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	st := newStore(t)
	mustImport(t, st, "a.csv", baseFile(t), Options{})
	dump := func() map[string]string {
		ctx := context.Background()
		keys, err := st.Client().Keys(ctx, st.Keys().Pattern()).Result()
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(keys)
		out := map[string]string{}
		for _, k := range keys {
			b, err := st.Client().Dump(ctx, k).Result()
			if err != nil {
				t.Fatal(err)
			}
			out[k] = b
		}
		return out
	}
	before := dump()
	next := csvFile(t, header(),
		row(map[field]string{fNumber: "(2025)黔0115行初21号", fDefendants: "某县公安局", fPlaintiffs: "张三", fCause: "行政处罚",
			fHearingAt: "2025-11-27 09:30", fPlace: "第一法庭"}),
		row(map[field]string{fNumber: "(2025)黔0115行初22号", fDefendants: "某县市场监督管理局", fPlaintiffs: "李四", fCause: "行政许可",
			fHearingAt: "2025-11-21 14:30"}),
		row(map[field]string{fNumber: "某府复〔2025〕23号", fDefendants: "某县自然资源局", fPlaintiffs: "王五", fCause: "政府信息公开"}),
		row(map[field]string{fNumber: "(2025)黔0115行初26号", fDefendants: "某县公安局"}),
	)
	res := mustImport(t, st, "b.csv", next, Options{DryRun: true})
	if diff := cmp.Diff(counts{Rows: 4, Created: 1, Updated: 1, Unchanged: 2}, countsOf(res)); diff != "" {
		t.Errorf("dry run counts (-want,+got):\n%s", diff)
	}
	if len(res.Changes) != 1 || res.Changes[0].Kind != cases.HearingRescheduled {
		t.Errorf("dry run changes: %+v", res.Changes)
	}
	if res.Written || !res.DryRun {
		t.Errorf("written %v dry %v", res.Written, res.DryRun)
	}
	if diff := cmp.Diff(before, dump()); diff != "" {
		t.Errorf("a dry run changed Redis (-before,+after):\n%s", diff)
	}
}

// TestExportImportUnchanged exports a ledger covering every column and
// shape (several hearings with different details, several defendants,
// closures, seconds, blanks) and imports the export: every case unchanged.
func TestExportImportUnchanged(t *testing.T) {
	st := newStore(t)
	sample, err := Sample(importNow, shanghai)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Import(t.Context(), st, sample, Options{Now: importNow}); err != nil {
		t.Fatal(err)
	}
	mustImport(t, st, "more.csv", csvFile(t, header(),
		row(fullRow),
		row(map[field]string{fNumber: "(2025)黔0115行初41号", fDefendants: "某县公安局", fHearingAt: "2025-11-20 09:30:15",
			fHeadAppeared: "否", fMustAppear: "是"}),
		row(map[field]string{fNumber: "(2025)黔0115行初41号", fDefendants: "某县公安局", fHearingAt: "2025-11-27 09:30",
			fPlace: "第二法庭"}),
		row(map[field]string{fNumber: "(2025)黔0115行初42号", fDefendants: "某县公安局", fNote: "第一行\n第二行",
			fClosedOn: "2025-11-05 16:20", fOutcome: "驳回诉讼请求"}),
	), Options{Force: true})
	before := snapshot(t, st)

	var buf bytes.Buffer
	n, rows, err := Export(t.Context(), st, &buf, shanghai)
	if err != nil {
		t.Fatal(err)
	}
	if n != len(before) || rows < n {
		t.Errorf("exported %d cases in %d rows, want %d cases", n, rows, len(before))
	}
	l := mustClean(t, "export.xlsx", buf.Bytes())
	res, err := Import(t.Context(), st, l, Options{Now: importNow})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(counts{Rows: rows, Unchanged: n}, countsOf(res)); diff != "" {
		t.Errorf("re-import of the export (-want,+got):\n%s", diff)
	}
	if diff := cmp.Diff(before, snapshot(t, st)); diff != "" {
		t.Errorf("store changed (-before,+after):\n%s", diff)
	}
}

// TestMissingColumnKeepsBlankCellClears: a file without a column leaves
// what is stored; a blank cell in a column the file has clears it.
func TestMissingColumnKeepsBlankCellClears(t *testing.T) {
	st := newStore(t)
	mustImport(t, st, "a.csv", csvFile(t, header(), row(map[field]string{fNumber: "(2025)黔0115行初61号",
		fDefendants: "某县公安局", fCause: "行政处罚", fNote: "旧备注", fHandler: "周洁"})), Options{})
	// No 案由 column; 备注 present but blank.
	res := mustImport(t, st, "b.csv", csvFile(t,
		[]string{"案号", "被告", "备注", "承办人"},
		[]string{"(2025)黔0115行初61号", "某县公安局", "", "周洁"}), Options{})
	if res.Updated != 1 {
		t.Fatalf("updated %d, want 1", res.Updated)
	}
	c, _ := st.Get(t.Context(), "(2025)黔0115行初61号")
	if c.Cause != "行政处罚" || c.Note != "" || c.Handler != "周洁" {
		t.Errorf("cause %q (want kept), note %q (want cleared), handler %q", c.Cause, c.Note, c.Handler)
	}
}

// bigLedger writes a CSV of n first-instance cases, every fifth with a
// second hearing row, the second rows of every seventh case moved to the
// end of the file (rows of one case need not be adjacent).
func bigLedger(t *testing.T, n int) string {
	t.Helper()
	rows := [][]string{{"案号", "被告", "案由", "开庭时间", "承办人"}}
	var late [][]string
	for i := 1; i <= n; i++ {
		num := fmt.Sprintf("(2025)黔0115行初%d号", i)
		rows = append(rows, []string{num, "某县公安局", "行政处罚", fmt.Sprintf("2026-03-%02d 09:30", 1+i%28), "李四"})
		if i%5 == 0 {
			second := []string{num, "", "", fmt.Sprintf("2026-04-%02d 14:30", 1+i%28), ""}
			if i%7 == 0 {
				late = append(late, second)
			} else {
				rows = append(rows, second)
			}
		}
	}
	rows = append(rows, late...)
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, csvFile(t, rows...), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestImportFileStreamsInBatches: a file of several batches, rows of some
// cases far apart, streamed: the same result as reading it whole, written
// in batches under one undo snapshot that undoes all of it.
func TestImportFileStreamsInBatches(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	path := bigLedger(t, 3*BatchSize+17)
	whole, err := ReadFile(path, ReadOptions{Location: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	var progress []int
	l, res, err := ImportFile(ctx, st, path, ReadOptions{Location: shanghai},
		Options{Now: at("2026-01-05 10:00"), Progress: func(n int) error { progress = append(progress, n); return nil }})
	if err != nil {
		t.Fatal(err)
	}
	if l.Cases != len(whole.Entries) || res.Rows != whole.Rows || res.Created != len(whole.Entries) {
		t.Errorf("streamed %d cases %d rows, created %d; whole read %d cases %d rows", l.Cases, res.Rows, res.Created, len(whole.Entries), whole.Rows)
	}
	if len(progress) != 4 || progress[3] != 3*BatchSize+17 {
		t.Errorf("progress = %v, want four batches", progress)
	}
	for _, e := range whole.Entries {
		c, err := st.Get(ctx, e.Number)
		if err != nil {
			t.Fatalf("%s: %v", e.Number, err)
		}
		if len(c.Hearings) != len(e.Case.Hearings) {
			t.Fatalf("%s has %d hearings, want %d (rows far apart merged?)", e.Number, len(c.Hearings), len(e.Case.Hearings))
		}
	}
	snap, err := st.Undo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !snap.Chunked || snap.Chunks != 4 || snap.Removed != 3*BatchSize+17 {
		t.Errorf("undo snapshot = %+v", snap)
	}
	if n, _ := st.CountCases(ctx); n != 0 {
		t.Errorf("%d cases left after undo", n)
	}
	if _, err := st.Undo(ctx); !errors.Is(err, store.ErrNothingToUndo) {
		t.Errorf("second undo: %v", err)
	}
}

// TestImportFailureRollsBack: an import that fails after writing some
// batches rolls them back and says so: the ledger is as it was and
// nothing is left on the undo list.
func TestImportFailureRollsBack(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	path := bigLedger(t, 3*BatchSize)
	_, _, err := ImportFile(ctx, st, path, ReadOptions{Location: shanghai}, Options{
		Progress: func(n int) error {
			if n >= 2*BatchSize {
				return errors.New("Redis went away")
			}
			return nil
		}})
	if err == nil || !strings.Contains(err.Error(), "已全部撤回") {
		t.Fatalf("err = %v, want a failure saying the batches were rolled back", err)
	}
	if n, _ := st.CountCases(ctx); n != 0 {
		t.Errorf("%d cases left after the rollback", n)
	}
	if _, err := st.Undo(ctx); !errors.Is(err, store.ErrNothingToUndo) {
		t.Errorf("undo after a rolled-back import: %v, want nothing to undo", err)
	}
}

// TestImportFileRefusesTooLarge: the size limit is named.
func TestImportFileRefusesTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(MaxFileBytes + 1)
	f.Close()
	_, _, err = ImportFile(context.Background(), newStore(t), path, ReadOptions{}, Options{})
	if err == nil || !strings.Contains(err.Error(), "上限 100 MB") {
		t.Errorf("err = %v", err)
	}
}
