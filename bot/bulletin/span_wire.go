package bulletin

import (
	"bytes"
	"encoding/gob"
	"time"
)

// A Span is cached between askings (handlers keeps it in Redis with gob).
// gob leaves out every zero value, a pointer to 0 included, so a rate of
// 0.00% (0 losses in N closed cases, 0 of N hearings attended) came back
// nil, the “no denominator” of Percent: the second asker saw “—” and the
// agency dropped out of rankings and the 未达标 list. Span therefore
// encodes itself with each rate's presence written out.

// wireRate is a rate and whether it has a denominator.
type wireRate struct {
	Has bool
	V   float64
}

func toWire(r *Rate) wireRate {
	if r == nil {
		return wireRate{}
	}
	return wireRate{true, float64(*r)}
}

func (w wireRate) rate() *Rate {
	if !w.Has {
		return nil
	}
	r := Rate(w.V)
	return &r
}

// wireFigures is Figures with its rates made explicit.
type wireFigures struct {
	Filed, Closed, Lost, Judged, MediatedWithdrawn, Heard, HeadAppeared int
	ReconsiderationClosed, ReconsiderationCorrected, HeadUnrecorded     int
	HeardMust, HeadAppearedMust, HeadUnrecordedMust                     int
	Loss, LossJudged, Withdrawal, Appearance, Correction                wireRate
}

func figuresToWire(f Figures) wireFigures {
	return wireFigures{
		Filed: f.Filed, Closed: f.Closed, Lost: f.Lost, Judged: f.Judged, MediatedWithdrawn: f.MediatedWithdrawn,
		Heard: f.Heard, HeadAppeared: f.HeadAppeared, ReconsiderationClosed: f.ReconsiderationClosed,
		ReconsiderationCorrected: f.ReconsiderationCorrected, HeadUnrecorded: f.HeadUnrecorded,
		HeardMust: f.HeardMust, HeadAppearedMust: f.HeadAppearedMust, HeadUnrecordedMust: f.HeadUnrecordedMust,
		Loss: toWire(f.LossRate), LossJudged: toWire(f.LossRateJudged), Withdrawal: toWire(f.WithdrawalRate),
		Appearance: toWire(f.AppearanceRate), Correction: toWire(f.CorrectionRate),
	}
}

func (w wireFigures) figures() Figures {
	return Figures{
		Filed: w.Filed, Closed: w.Closed, Lost: w.Lost, Judged: w.Judged, MediatedWithdrawn: w.MediatedWithdrawn,
		Heard: w.Heard, HeadAppeared: w.HeadAppeared, ReconsiderationClosed: w.ReconsiderationClosed,
		ReconsiderationCorrected: w.ReconsiderationCorrected, HeadUnrecorded: w.HeadUnrecorded,
		HeardMust: w.HeardMust, HeadAppearedMust: w.HeadAppearedMust, HeadUnrecordedMust: w.HeadUnrecordedMust,
		LossRate: w.Loss.rate(), LossRateJudged: w.LossJudged.rate(), WithdrawalRate: w.Withdrawal.rate(),
		AppearanceRate: w.Appearance.rate(), CorrectionRate: w.Correction.rate(),
	}
}

type wireStats struct {
	Agency         string
	Figures, YTD   wireFigures
	YoYMonth       string
	YoY, YoYChange wireFigures
}

func statsToWire(s Stats) wireStats {
	return wireStats{Agency: s.Agency, Figures: figuresToWire(s.Figures), YTD: figuresToWire(s.YTD),
		YoYMonth: s.YoY.Month, YoY: figuresToWire(s.YoY.Figures), YoYChange: figuresToWire(s.YoY.Change)}
}

func (w wireStats) stats() Stats {
	return Stats{Agency: w.Agency, Figures: w.Figures.figures(), YTD: w.YTD.figures(),
		YoY: YearOnYear{Month: w.YoYMonth, Figures: w.YoY.figures(), Change: w.YoYChange.figures()}}
}

type wireSpan struct {
	From, To, Now time.Time
	Total         wireStats
	Agencies      []wireStats
}

// GobEncode writes the span with every rate's presence, so that a 0.00%
// stays 0.00% through the cache.
func (s Span) GobEncode() ([]byte, error) {
	w := wireSpan{From: s.From, To: s.To, Now: s.Now, Total: statsToWire(s.Total), Agencies: make([]wireStats, len(s.Agencies))}
	for i, a := range s.Agencies {
		w.Agencies[i] = statsToWire(a)
	}
	var buf bytes.Buffer
	err := gob.NewEncoder(&buf).Encode(w)
	return buf.Bytes(), err
}

// GobDecode reads what GobEncode wrote.
func (s *Span) GobDecode(raw []byte) error {
	var w wireSpan
	if err := gob.NewDecoder(bytes.NewReader(raw)).Decode(&w); err != nil {
		return err
	}
	*s = Span{From: w.From, To: w.To, Now: w.Now, Total: w.Total.stats(), Agencies: make([]Stats, len(w.Agencies))}
	for i, a := range w.Agencies {
		s.Agencies[i] = a.stats()
	}
	return nil
}
