// Package bulletin computes the monthly 败诉通报: the figures of the
// contract's bulletin JSON for the whole jurisdiction and each agency, the
// notice in WeCom markdown, and the chart.
//
// What each figure counts (see also README, "Monthly bulletin"):
//
//   - Litigation figures count 行政诉讼 cases at first instance only: 审理阶段
//     一审, or, when the stage is not recorded, a 行初 / 行赔初 number.
//     Second instance and retrial are left out, as official statistics do.
//   - filed: 立案日期 in the month. closed: 结案日期 in the month. lost: closed
//     with an outcome in the configured 败诉 set. judged: closed by a 判决….
//     mediated_withdrawn: closed by 调解, 准许撤诉, 按撤诉处理 or 改变行为后撤诉.
//   - heard: cases with a hearing (not cancelled) held in the month, that is
//     starting in the month and before the report was generated; a case
//     heard twice in the month counts once. head_appeared: of those, the
//     cases whose head was recorded as appearing at one of those hearings
//     (法释〔2020〕3号 第7条: one appearance per instance suffices).
//     head_unrecorded: heard cases with no appearance recorded either way
//     at any of those hearings; they count as not appeared.
//   - reconsideration_closed / _corrected: 行政复议 cases closed in the month,
//     and of those the ones closed by 撤销, 变更, 确认违法, 确认无效, 责令履行.
//   - Rates are fractions in [0,1], null when the denominator is 0:
//     loss_rate = lost/closed (撤诉 and 驳回起诉 stay in the denominator);
//     loss_rate_judged = lost judgments/judged (the 判决口径; with the default
//     败诉 set every loss is a judgment, so it is lost/judged);
//     withdrawal_rate = mediated_withdrawn/closed;
//     appearance_rate = head_appeared/heard;
//     correction_rate = reconsideration_corrected/reconsideration_closed.
//   - A case with several defendant agencies counts once for each of them
//     and once in the total, so agency figures may add up to more than it.
//   - ytd holds the same figures from January 1 to the end of the month;
//     yoy the same month a year before and the change since.
package bulletin

import (
	"math"
	"time"
)

// Report is the bulletin of one month: the contract's JSON.
type Report struct {
	Month       string     `json:"month"`
	GeneratedAt time.Time  `json:"generated_at"`
	Total       Stats      `json:"total"`
	Agencies    []Stats    `json:"agencies"`
	LostCases   []LostCase `json:"lost_cases"`
	// Rectification (整改情况) and KeyCases (重点案件) are additive keys,
	// computed when the source has the deadline and risk indexes (the
	// store does; key_cases is then a list, empty or not).
	Rectification *Rectification `json:"rectification,omitempty"`
	KeyCases      []KeyCase      `json:"key_cases"`
}

// Stats are the figures of the total or of one agency.
type Stats struct {
	// Agency is the agency's name; empty (and absent) for the total.
	Agency string `json:"agency,omitempty"`
	Figures
	// YTD holds the same figures from January to the month.
	YTD Figures `json:"ytd"`
	// YoY compares the month with the same month a year before (同比).
	YoY YearOnYear `json:"yoy"`
}

// Figures are the counts and rates of one period.
type Figures struct {
	Filed                    int   `json:"filed"`
	Closed                   int   `json:"closed"`
	Lost                     int   `json:"lost"`
	LossRate                 *Rate `json:"loss_rate"`
	Judged                   int   `json:"judged"`
	LossRateJudged           *Rate `json:"loss_rate_judged"`
	MediatedWithdrawn        int   `json:"mediated_withdrawn"`
	WithdrawalRate           *Rate `json:"withdrawal_rate"`
	Heard                    int   `json:"heard"`
	HeadAppeared             int   `json:"head_appeared"`
	AppearanceRate           *Rate `json:"appearance_rate"`
	ReconsiderationClosed    int   `json:"reconsideration_closed"`
	ReconsiderationCorrected int   `json:"reconsideration_corrected"`
	CorrectionRate           *Rate `json:"correction_rate"`
	// HeadUnrecorded counts heard cases whose head's appearance was not
	// recorded at any of their hearings in the period (counted as absent).
	// The notice names it; the contract's JSON has no such key.
	HeadUnrecorded int `json:"-"`
	// HeardMust, HeadAppearedMust and HeadUnrecordedMust are the same three
	// counts over the heard cases with a hearing marked 应当出庭 in the
	// period (法释〔2020〕3号 第4条): chat's 只算应当出庭的 asks that 口径.
	// Not in the contract's JSON either.
	HeardMust          int `json:"-"`
	HeadAppearedMust   int `json:"-"`
	HeadUnrecordedMust int `json:"-"`
}

// YearOnYear is the same month a year before, and the change since.
type YearOnYear struct {
	// Month is the month compared with, "2024-10".
	Month string `json:"month"`
	Figures
	// Change is this month minus that month: differences of counts, and
	// of rates in fractions (0.0123 is 1.23 个百分点), null when either
	// rate is null.
	Change Figures `json:"change"`
}

// LostCase is one lost case of the month for one of its agencies: a case
// lost by two co-defendants is listed twice, once under each.
type LostCase struct {
	Number  string `json:"number"`
	Agency  string `json:"agency"`
	Outcome string `json:"outcome"`
	Reason  string `json:"reason"`
	// ClosedOn is the closing date in the configured zone, 2025-10-15, for
	// the notice; the contract's JSON has no such key.
	ClosedOn string `json:"-"`
}

// Rate is a fraction. It marshals as a plain JSON number.
type Rate float64

// ratio returns n/d, or nil when d is 0.
func ratio(n, d int) *Rate {
	if d == 0 {
		return nil
	}
	r := Rate(float64(n) / float64(d))
	return &r
}

// diff returns a-b rounded to 1e-6 (so 0.3-0.1 reads 0.2), or nil when
// either is nil.
func diff(a, b *Rate) *Rate {
	if a == nil || b == nil {
		return nil
	}
	r := Rate(math.Round(float64(*a-*b)*1e6) / 1e6)
	return &r
}

// counts are the raw tallies of one period, before rates.
type counts struct {
	filed, closed, lost, lostJudged, judged, mediated int
	heard, appeared, unrecorded                       int
	mustHeard, mustAppeared, mustUnrecorded           int
	reconClosed, reconCorrected                       int
}

func (c *counts) add(o counts) {
	c.filed += o.filed
	c.closed += o.closed
	c.lost += o.lost
	c.lostJudged += o.lostJudged
	c.judged += o.judged
	c.mediated += o.mediated
	c.heard += o.heard
	c.appeared += o.appeared
	c.unrecorded += o.unrecorded
	c.mustHeard += o.mustHeard
	c.mustAppeared += o.mustAppeared
	c.mustUnrecorded += o.mustUnrecorded
	c.reconClosed += o.reconClosed
	c.reconCorrected += o.reconCorrected
}

func (c counts) zero() bool { return c == counts{} }

func (c counts) figures() Figures {
	return Figures{
		Filed:                    c.filed,
		Closed:                   c.closed,
		Lost:                     c.lost,
		LossRate:                 ratio(c.lost, c.closed),
		Judged:                   c.judged,
		LossRateJudged:           ratio(c.lostJudged, c.judged),
		MediatedWithdrawn:        c.mediated,
		WithdrawalRate:           ratio(c.mediated, c.closed),
		Heard:                    c.heard,
		HeadAppeared:             c.appeared,
		AppearanceRate:           ratio(c.appeared, c.heard),
		ReconsiderationClosed:    c.reconClosed,
		ReconsiderationCorrected: c.reconCorrected,
		CorrectionRate:           ratio(c.reconCorrected, c.reconClosed),
		HeadUnrecorded:           c.unrecorded,
		HeardMust:                c.mustHeard,
		HeadAppearedMust:         c.mustAppeared,
		HeadUnrecordedMust:       c.mustUnrecorded,
	}
}

// change returns a-b field by field.
func change(a, b Figures) Figures {
	return Figures{
		Filed:                    a.Filed - b.Filed,
		Closed:                   a.Closed - b.Closed,
		Lost:                     a.Lost - b.Lost,
		LossRate:                 diff(a.LossRate, b.LossRate),
		Judged:                   a.Judged - b.Judged,
		LossRateJudged:           diff(a.LossRateJudged, b.LossRateJudged),
		MediatedWithdrawn:        a.MediatedWithdrawn - b.MediatedWithdrawn,
		WithdrawalRate:           diff(a.WithdrawalRate, b.WithdrawalRate),
		Heard:                    a.Heard - b.Heard,
		HeadAppeared:             a.HeadAppeared - b.HeadAppeared,
		AppearanceRate:           diff(a.AppearanceRate, b.AppearanceRate),
		ReconsiderationClosed:    a.ReconsiderationClosed - b.ReconsiderationClosed,
		ReconsiderationCorrected: a.ReconsiderationCorrected - b.ReconsiderationCorrected,
		CorrectionRate:           diff(a.CorrectionRate, b.CorrectionRate),
		HeadUnrecorded:           a.HeadUnrecorded - b.HeadUnrecorded,
		HeardMust:                a.HeardMust - b.HeardMust,
		HeadAppearedMust:         a.HeadAppearedMust - b.HeadAppearedMust,
		HeadUnrecordedMust:       a.HeadUnrecordedMust - b.HeadUnrecordedMust,
	}
}

// Agency returns the stats of one agency, or nil when it has none.
func (r *Report) Agency(name string) *Stats {
	for i := range r.Agencies {
		if r.Agencies[i].Agency == name {
			return &r.Agencies[i]
		}
	}
	return nil
}
