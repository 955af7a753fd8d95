package ledger

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"casebot/bot/store/storetest"
)

// TestWriteLargeLedger writes a large CSV ledger for measuring imports by
// hand; it runs only when asked:
//
//	CASEBOT_LARGE_LEDGER=/tmp/big.csv CASEBOT_LARGE_LEDGER_MB=50 \
//	  go test ./bot/ledger -run TestWriteLargeLedger -count=1
//	/usr/bin/time -v casebot import /tmp/big.csv   # "Maximum resident set size"
//
// The cases are storetest.Generate's (ten years, every kind of number,
// 60% closed), in the template's columns, each with a note of ordinary
// length, until the file reaches the size asked for.
func TestWriteLargeLedger(t *testing.T) {
	path := os.Getenv("CASEBOT_LARGE_LEDGER")
	if path == "" {
		t.Skip("set CASEBOT_LARGE_LEDGER=FILE (and CASEBOT_LARGE_LEDGER_MB, default 50) to write a large ledger")
	}
	mb := 50
	if v := os.Getenv("CASEBOT_LARGE_LEDGER_MB"); v != "" {
		var err error
		if mb, err = strconv.Atoi(v); err != nil || mb < 1 {
			t.Fatalf("CASEBOT_LARGE_LEDGER_MB=%q: want a positive number of MB", v)
		}
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	cw := csv.NewWriter(bw)
	cw.Write(header())
	notes := []string{"原告不服行政处罚决定，已提交答辩状及证据材料", "负责人因公务无法出庭，已委托副职出庭并报备",
		"复议期间被申请人已自行纠正，待申请人撤回申请", "涉及征收补偿标准争议，需协调镇政府共同应诉", ""}
	base := at("2025-11-20 10:00")
	written, n := 0, 0
	for ; written < mb<<20; n++ {
		c := storetest.Generate(n, base)
		r := row(map[field]string{
			fNumber: c.Number, fKind: string(c.Kind), fPlaintiffs: c.Plaintiffs[0].Name,
			fDefendants: strings.Join(c.Defendants, "、"), fCause: c.Cause, fCourt: c.Court,
			fFiledOn: c.FiledOn.Format("2006-01-02"), fStage: string(c.Stage), fHandler: c.Handler,
			fNote: notes[n%len(notes)],
		})
		if hs := c.ActiveHearings(); len(hs) > 0 {
			r[fHearingAt] = hs[0].At.In(shanghai).Format("2006-01-02 15:04")
			r[fPlace] = hs[0].Place
		}
		if c.Closure != nil {
			r[fClosedOn] = c.Closure.On.Format("2006-01-02")
			r[fOutcome] = string(c.Closure.Method)
		}
		if err := cw.Write(r); err != nil {
			t.Fatal(err)
		}
		written += len(strings.Join(r, ",")) + 1
	}
	cw.Flush()
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	st, _ := f.Stat()
	t.Logf("%s: %d cases, %.1f MB", path, n, float64(st.Size())/(1<<20))
	fmt.Fprintf(os.Stderr, "wrote %s: %d cases, %d bytes\n", path, n, st.Size())
}
