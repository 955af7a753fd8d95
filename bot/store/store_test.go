package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/bot/redistest"
	"casebot/bot/store"
)

var cst = time.FixedZone("CST", 8*3600)

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, cst)
	if err != nil {
		panic(err)
	}
	return t
}

func mustStore(tb testing.TB) *store.Store {
	tb.Helper()
	rdb, k := redistest.New(tb)
	s := store.New(rdb, k)
	s.Now = func() time.Time { return at("2025-11-20 10:00") }
	return s
}

func sampleCase(number string) *cases.Case {
	n := cases.MustParseNumber(number)
	return &cases.Case{
		Number:        n.String(),
		Kind:          n.Kind(),
		Plaintiffs:    []cases.Party{cases.NewParty("张三")},
		Defendants:    []string{"某县市场监督管理局"},
		Cause:         "行政处罚",
		Court:         "某县人民法院",
		FiledOn:       at("2025-10-08 00:00"),
		Stage:         n.Stage(),
		Hearings:      []cases.Hearing{{ID: 1, At: at("2025-11-21 09:30"), Place: "第三法庭"}},
		NextHearingID: 1,
	}
}

func TestPutGet(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	c := sampleCase("(2025)黔0115行初1号")
	if err := s.Put(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, err := s.FindCase(ctx, "（2025）黔0115行初0001号")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(c.Number, got.Number); diff != "" {
		t.Errorf("number (-want,+got):\n%s", diff)
	}
	if !got.Hearings[0].At.Equal(c.Hearings[0].At) || got.Plaintiffs[0] != c.Plaintiffs[0] {
		t.Errorf("round trip changed the case: %+v", got)
	}
	if _, err := s.Get(ctx, "(2025)黔0115行初2号"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing case: err = %v, want ErrNotFound", err)
	}
}

func TestIndexes(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	a := sampleCase("(2025)黔0115行初1号")
	b := sampleCase("(2025)黔0115行初2号")
	b.Defendants = []string{"某县自然资源局", "某县市场监督管理局"}
	b.Plaintiffs = []cases.Party{cases.NewParty("某某建材有限公司")}
	b.Hearings = []cases.Hearing{{ID: 1, At: at("2025-11-22 14:00")}, {ID: 2, At: at("2025-12-01 09:00")}}
	b.NextHearingID = 2
	b.FiledOn = at("2025-11-02 00:00")
	b.Closure = &cases.Closure{On: at("2025-11-30 23:59"), Method: cases.JudgmentRevoke}
	if err := s.PutMany(ctx, []*cases.Case{a, b}, nil); err != nil {
		t.Fatal(err)
	}

	hs, err := s.HearingsBetween(ctx, at("2025-11-21 00:00"), at("2025-11-23 00:00"))
	if err != nil {
		t.Fatal(err)
	}
	var refs []cases.HearingRef
	for _, h := range hs {
		refs = append(refs, h.Ref())
	}
	want := []cases.HearingRef{"(2025)黔0115行初1号#1", "(2025)黔0115行初2号#1"}
	if diff := cmp.Diff(want, refs); diff != "" {
		t.Errorf("hearings (-want,+got):\n%s", diff)
	}

	nums, total, err := s.AgencyNumbers(ctx, "某县市场监督管理局", store.Page{})
	if err != nil || total != 2 || len(nums) != 2 || nums[0] != b.Number {
		t.Errorf("agency cases = %v (total %d), %v; want newest filing first, 2 in all", nums, total, err)
	}
	closed, _ := s.ClosedNumbers(ctx, at("2025-11-01 00:00"), at("2025-12-01 00:00"))
	if diff := cmp.Diff([]string{b.Number}, closed); diff != "" {
		t.Errorf("closed in November (-want,+got):\n%s", diff)
	}
	closed, _ = s.ClosedNumbers(ctx, at("2025-12-01 00:00"), at("2026-01-01 00:00"))
	if len(closed) != 0 {
		t.Errorf("closed in December = %v, want none (23:59 belongs to November)", closed)
	}
	filed, _ := s.FiledNumbers(ctx, at("2025-10-01 00:00"), at("2025-11-01 00:00"))
	if diff := cmp.Diff([]string{a.Number}, filed); diff != "" {
		t.Errorf("filed in October (-want,+got):\n%s", diff)
	}
	party, _ := s.PartyNumbers(ctx, "张三")
	if diff := cmp.Diff([]string{a.Number}, party); diff != "" {
		t.Errorf("party (-want,+got):\n%s", diff)
	}
	names, _ := s.PartyNamesWithPrefix(ctx, "某某", 10)
	if diff := cmp.Diff([]string{"某某建材有限公司"}, names); diff != "" {
		t.Errorf("party prefix (-want,+got):\n%s", diff)
	}
	open, _ := s.OpenNumbers(ctx)
	if diff := cmp.Diff([]string{a.Number}, open); diff != "" {
		t.Errorf("open (-want,+got):\n%s", diff)
	}
	pre, _ := s.NumbersWithPrefix(ctx, "(2025)黔0115行初", 10)
	if len(pre) != 2 {
		t.Errorf("numbers with prefix = %v, want 2", pre)
	}

	// Re-writing b without an agency, a plaintiff and a hearing removes
	// them from the indexes, and reopening it takes it out of "closed".
	b2 := b.Clone()
	b2.Defendants = []string{"某县自然资源局"}
	b2.Plaintiffs = []cases.Party{cases.NewParty("李四")}
	b2.Hearings[0].Cancelled = true
	b2.Closure = nil
	if err := s.Put(ctx, b2); err != nil {
		t.Fatal(err)
	}
	nums, total, _ = s.AgencyNumbers(ctx, "某县市场监督管理局", store.Page{})
	if total != 1 || nums[0] != a.Number {
		t.Errorf("after removing the agency: %v", nums)
	}
	if names, _ := s.PartyNamesWithPrefix(ctx, "某某", 10); len(names) != 0 {
		t.Errorf("a name with no cases left is still suggested: %v", names)
	}
	hs, _ = s.HearingsBetween(ctx, at("2025-11-21 00:00"), at("2025-11-23 00:00"))
	if len(hs) != 1 || hs[0].Case.Number != a.Number {
		t.Errorf("cancelled hearing still indexed: %v", hs)
	}
	if closed, _ := s.ClosedNumbers(ctx, at("2025-11-01 00:00"), at("2025-12-01 00:00")); len(closed) != 0 {
		t.Errorf("reopened case still closed: %v", closed)
	}

	changes, err := s.HearingChanges(ctx, "0", 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 1 || changes[0].Kind != cases.HearingCancelled || changes[0].Ref != "(2025)黔0115行初2号#1" {
		t.Errorf("hearing changes = %+v, want one cancellation", changes)
	}
}

func TestUpdateRecordsReschedule(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	c := sampleCase("(2025)黔0115行初1号")
	if err := s.Put(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Update(ctx, c.Number, func(c *cases.Case) error {
		c.MoveHearing(1, at("2025-11-25 09:30"), at("2025-11-20 10:00"), "chat:staff1")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(got.Hearings[0].Reschedules); n != 1 {
		t.Fatalf("reschedules = %d, want 1", n)
	}
	changes, _ := s.HearingChanges(ctx, "0", 10)
	if len(changes) != 1 || changes[0].Kind != cases.HearingRescheduled ||
		!changes[0].From.Equal(at("2025-11-21 09:30")) || !changes[0].To.Equal(at("2025-11-25 09:30")) {
		t.Errorf("changes = %+v", changes)
	}
	more, _ := s.HearingChanges(ctx, changes[0].StreamID, 10)
	if len(more) != 0 {
		t.Errorf("reading after the last id returned %v", more)
	}
	hs, _ := s.HearingsBetween(ctx, at("2025-11-25 00:00"), at("2025-11-26 00:00"))
	if len(hs) != 1 {
		t.Errorf("moved hearing not indexed at its new time")
	}
	if _, err := s.Update(ctx, "(2025)黔0115行初9号", func(*cases.Case) error { return nil }); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("update of a missing case: %v", err)
	}
}

func TestPutManyAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	good := sampleCase("(2025)黔0115行初1号")
	bad := sampleCase("(2025)黔0115行初2号")
	bad.Defendants = nil
	if err := s.PutMany(ctx, []*cases.Case{good, bad}, nil); err == nil {
		t.Fatal("PutMany accepted a case without defendants")
	}
	if n, _ := s.CountCases(ctx); n != 0 {
		t.Errorf("%d cases written by a failed batch", n)
	}
}

func TestSnapshotUndo(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	a := sampleCase("(2025)黔0115行初1号")
	if err := s.Put(ctx, a); err != nil {
		t.Fatal(err)
	}
	a2 := a.Clone()
	a2.Cause = "行政许可"
	b := sampleCase("(2025)黔0115行初2号")
	snap := &store.Snapshot{ID: "imp1", At: at("2025-11-20 10:00"), Source: "ledger.xlsx"}
	if err := s.PutMany(ctx, []*cases.Case{a2, b}, snap); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{b.Number}, snap.Created); diff != "" {
		t.Errorf("created (-want,+got):\n%s", diff)
	}
	got, err := s.Undo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "imp1" {
		t.Errorf("undid %s", got.ID)
	}
	c, _ := s.Get(ctx, a.Number)
	if c.Cause != "行政处罚" {
		t.Errorf("after undo cause = %q, want the previous one", c.Cause)
	}
	if _, err := s.Get(ctx, b.Number); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("created case survived undo: %v", err)
	}
	if hs, _ := s.HearingsBetween(ctx, at("2025-11-21 00:00"), at("2025-11-22 00:00")); len(hs) != 1 {
		t.Errorf("hearing index after undo has %d entries, want 1", len(hs))
	}
	if _, err := s.Undo(ctx); !errors.Is(err, store.ErrNothingToUndo) {
		t.Errorf("second undo: %v, want ErrNothingToUndo", err)
	}
}

func TestPeople(t *testing.T) {
	ctx := context.Background()
	s := mustStore(t)
	head := &people.Person{UserID: "wangju", Name: "王局", Role: people.Head, Agency: "某县市场监督管理局", Post: "局长"}
	staff := &people.Person{UserID: "li", Name: "李科员", Role: people.Staff}
	if err := s.PutPeople(ctx, []*people.Person{head, staff}); err != nil {
		t.Fatal(err)
	}
	got, err := s.LookupPerson(ctx, "wangju")
	if err != nil || got == nil || got.Post != "局长" {
		t.Fatalf("lookup = %+v, %v", got, err)
	}
	if p, err := s.LookupPerson(ctx, "nobody"); p != nil || err != nil {
		t.Errorf("unknown user = %+v, %v; want nil, nil", p, err)
	}
	ag, _ := s.AgencyPeople(ctx, "某县市场监督管理局")
	if len(ag) != 1 || ag[0].UserID != "wangju" {
		t.Errorf("agency people = %+v", ag)
	}
	// Moving the head to another agency re-indexes him.
	moved := *head
	moved.Agency = "某县自然资源局"
	if err := s.PutPerson(ctx, &moved); err != nil {
		t.Fatal(err)
	}
	if ag, _ := s.AgencyPeople(ctx, "某县市场监督管理局"); len(ag) != 0 {
		t.Errorf("old agency still lists %+v", ag)
	}
	heads, _ := s.PeopleWithRole(ctx, people.Head)
	if len(heads) != 1 {
		t.Errorf("heads = %+v", heads)
	}
	if err := s.PutPerson(ctx, &people.Person{UserID: "x", Name: "某", Role: people.Head}); err == nil {
		t.Error("a head without an agency was accepted")
	}
	if err := s.DeletePerson(ctx, "li"); err != nil {
		t.Fatal(err)
	}
	all, _ := s.People(ctx)
	if len(all) != 1 {
		t.Errorf("after delete: %+v", all)
	}
}
