package bulletin

// Standing is where one agency stands in a ranking by a rate, highest
// first, among the agencies that have the rate (a denominator): Rank is
// one more than the number of agencies with a strictly higher rate, so
// agencies with the same rate share a rank (并列), and Of counts the
// agencies ranked. An agency whose rate is 0.00% (0 of N) is ranked; only
// one without a denominator is not. The notice's own-agency line and chat
// (我们局败诉率排第几) both read it, so they never disagree.
type Standing struct {
	Rank, Of int
	Tied     bool // another agency has the same rate
	Ranked   bool // the agency has the rate
}

// StandingOf returns agency's standing among agencies by the rate rate
// reads (nil: no denominator).
func StandingOf(agencies []Stats, agency string, rate func(*Stats) *Rate) Standing {
	var own *Rate
	for i := range agencies {
		if agencies[i].Agency == agency {
			own = rate(&agencies[i])
		}
	}
	var s Standing
	for i := range agencies {
		r := rate(&agencies[i])
		if r == nil {
			continue
		}
		s.Of++
		if own == nil || agencies[i].Agency == agency {
			continue
		}
		switch {
		case *r > *own:
			s.Rank++
		case *r == *own:
			s.Tied = true
		}
	}
	if own != nil {
		s.Rank++
		s.Ranked = true
	} else {
		s.Rank = 0
	}
	return s
}

// LossRateOf reads the loss rate (审结口径) of a Stats, for StandingOf.
func LossRateOf(s *Stats) *Rate { return s.LossRate }
