package ledger

import (
	_ "embed"
	"fmt"
	"time"
)

// sampleCSV is a clearly fictional ledger (某县 agencies, placeholder
// names) in the template, for the demo and for people trying an import.
//
//go:embed sample/ledger.csv
var sampleCSV []byte

// sampleAnchor is the day the sample's dates are written around: its
// hearings fall on that day, the next, the rest of that week and after.
var sampleAnchor = time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC)

// SampleCSV returns the sample ledger file as written, dates unshifted.
func SampleCSV() []byte { return sampleCSV }

// Sample returns the sample ledger with every date moved by whole days so
// that its anchor day is today in loc: whenever the demo runs, it has
// hearings today, tomorrow and this week, and cases closed last month.
func Sample(now time.Time, loc *time.Location) (*Ledger, error) {
	l, err := Read("sample.csv", sampleCSV, ReadOptions{Location: loc})
	if err != nil {
		return nil, err
	}
	if len(l.Errors) > 0 {
		return nil, fmt.Errorf("sample ledger: %s", l.Errors[0])
	}
	y, m, d := now.In(loc).Date()
	days := int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(sampleAnchor).Hours() / 24)
	l.ShiftDays(days)
	return l, nil
}

// ShiftDays moves every date of the ledger by days, keeping times of day.
func (l *Ledger) ShiftDays(days int) {
	shift := func(t time.Time) time.Time {
		if t.IsZero() {
			return t
		}
		return t.AddDate(0, 0, days)
	}
	for _, e := range l.Entries {
		c := e.Case
		c.FiledOn = shift(c.FiledOn)
		if c.Closure != nil {
			c.Closure.On = shift(c.Closure.On)
		}
		for i := range c.Hearings {
			c.Hearings[i].At = shift(c.Hearings[i].At)
		}
	}
}
