package handlers

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"casebot/bot/cases"
	"casebot/bot/workcal"
)

// setUp applies an entry's `rectify:` lines before its message is sent:
// each gives a fixture case a 一案一整改 record, "REF STATUS DAYS", whose
// period runs from DAYS days before the entry's clock (so the report is
// open and not due, due soon or overdue as DAYS says); a filed report was
// filed the day before, a returned one carries a review note. The fixture
// itself has no 整改 records: the reminders' sweep, which asks for them,
// never runs in the corpus world.
func (e *corpusEnv) setUp(t *testing.T, en corpusEntry) {
	t.Helper()
	if first(en.props["drafted"]) == "yes" {
		// The 以案说法 drafts asked for are written first (the explain
		// worker's queue run); what it sends is not the entry's reply.
		if _, err := e.s.explains.ex.Worker.ProcessPending(context.Background()); err != nil {
			t.Fatalf("%s: drafts: %v", en, err)
		}
		e.rec.take()
	}
	if first(en.props["swept"]) == "yes" {
		// The reminders due at the clock are sent first (the cards the
		// message may answer); what they send is not the entry's reply.
		if _, err := e.rem.Sweep(context.Background(), e.now); err != nil {
			t.Fatalf("%s: sweep: %v", en, err)
		}
		e.rec.take()
	}
	for _, v := range en.props["rectify"] {
		f := strings.Fields(v)
		if len(f) != 3 {
			t.Fatalf("%s: rectify: want “REF STATUS DAYS”, got %q", en, v)
		}
		days, err := strconv.Atoi(f[2])
		if err != nil {
			t.Fatalf("%s: rectify: days %q: %v", en, f[2], err)
		}
		status := cases.RectifyStatus(f[1])
		switch status {
		case cases.RectifyRequested, cases.RectifyFiled, cases.RectifyApproved, cases.RectifyReturned:
		default:
			t.Fatalf("%s: rectify: unknown status %q", en, f[1])
		}
		today := workcal.DateOf(e.now, cst)
		from := today.AddDays(-days).At(workcal.Clock{}, cst)
		rc := &cases.Rectification{RequestedOn: from.AddDate(0, 0, 1), From: from, Status: status}
		if status != cases.RectifyRequested {
			rc.Analysis, rc.Measures = "执法程序不规范，未依法告知陈述申辩权利", "组织全员程序培训，建立案件法制审核清单"
			rc.FiledOn, rc.FiledBy = today.AddDays(-1).At(workcal.Clock{Hour: 10}, cst), "周洁"
		}
		switch status {
		case cases.RectifyApproved:
			rc.ReviewedOn, rc.ReviewedBy = e.now, "刘洋"
		case cases.RectifyReturned:
			rc.ReviewedOn, rc.ReviewedBy, rc.ReviewNote = e.now, "刘洋", "原因分析不够具体，请补充执法环节的问题"
		}
		if _, err := e.st.Update(context.Background(), e.ref(t, en, f[0]), func(c *cases.Case) error {
			c.Rectify = rc
			return nil
		}); err != nil {
			t.Fatalf("%s: rectify: %v", en, err)
		}
	}
}

// nearestDay is a day as replies write it, with its time when given
// (11月20日（周五）09:00).
var nearestDay = regexp.MustCompile(`(\d{1,2})月(\d{1,2})日(?:（周.）)?\s*(?:(\d{1,2}):(\d{2}))?`)

// noneThenInside catches a reply that contradicts itself: a none about the
// hearings of a period followed by the nearest hearing offered instead
// (最近的一场…) that lies inside that same period. The offer must be
// outside what the none covers, or the none was false for the question
// the user meant (明天没有…, 最近的一场：明天 09:00).
func noneThenInside(reply string, claims []claim, now time.Time) string {
	for _, cl := range claims {
		if cl.What != claimHearings || cl.Q.From.IsZero() || cl.Q.To.IsZero() {
			continue
		}
		i := strings.Index(reply, cl.Text)
		if i < 0 {
			continue
		}
		rest := reply[i+len(cl.Text):]
		j := strings.Index(rest, "最近的")
		if j < 0 {
			continue
		}
		offer := rest[j:]
		if k := strings.Index(offer, "\n\n"); k >= 0 {
			offer = offer[:k]
		}
		for _, m := range nearestDay.FindAllStringSubmatch(offer, -1) {
			mo, _ := strconv.Atoi(m[1])
			d, _ := strconv.Atoi(m[2])
			at := time.Date(now.Year(), time.Month(mo), d, 0, 0, 0, 0, cst)
			if at.Sub(now) < -180*24*time.Hour {
				at = at.AddDate(1, 0, 0) // 1月5日 said in December
			}
			start, end := at, at.AddDate(0, 0, 1) // the whole day when no time is given
			if m[3] != "" {
				h, _ := strconv.Atoi(m[3])
				mi, _ := strconv.Atoi(m[4])
				start = at.Add(time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute)
				end = start.Add(time.Minute)
			}
			if !start.Before(cl.Q.From) && !end.After(cl.Q.To) {
				return fmt.Sprintf("%q, then %q", cl.Text, m[0])
			}
		}
	}
	return ""
}

// TestNoneThenInside: the check catches the reply that said none tomorrow
// and then offered tomorrow 09:00, and passes an offer after the period.
func TestNoneThenInside(t *testing.T) {
	from := time.Date(2026, 11, 20, 0, 0, 0, 0, cst)
	cl := claim{Text: "明天，11月20日（周五）没有您（孙强）作为出庭负责人的开庭", What: claimHearings, Q: query{From: from, To: from.AddDate(0, 0, 1)}}
	bad := cl.Text + "。\n\n最近的一场在其后：11月20日（周五）09:00 第一法庭（应当出庭）"
	if noneThenInside(bad, []claim{cl}, corpusClock) == "" {
		t.Errorf("not caught: %q", bad)
	}
	good := cl.Text + "。\n\n最近的一场在其后：11月23日（周一）09:30 第二法庭"
	if got := noneThenInside(good, []claim{cl}, corpusClock); got != "" {
		t.Errorf("a later offer flagged: %s", got)
	}
	pm := cl
	pm.Q.From = from.Add(12 * time.Hour)
	if got := noneThenInside(pm.Text+"\n\n最近的一场：11月20日（周五）09:00", []claim{pm}, corpusClock); got != "" {
		t.Errorf("a morning offer after an afternoon none flagged: %s", got)
	}
}
