package cases

import (
	"sort"
	"time"
)

func sortHearings(hs []Hearing) {
	sort.SliceStable(hs, func(i, j int) bool {
		if !hs[i].At.Equal(hs[j].At) {
			return hs[i].At.Before(hs[j].At)
		}
		return hs[i].ID < hs[j].ID
	})
}

// HearingChange is what ReconcileHearings did to one hearing.
type HearingChange struct {
	ID   int
	Kind ChangeKind
	From time.Time // the old time, for reschedules and cancellations
	To   time.Time // the new time, for additions and reschedules
}

// ChangeKind names a change to a hearing.
type ChangeKind string

const (
	HearingAdded       ChangeKind = "added"
	HearingRescheduled ChangeKind = "rescheduled"
	HearingCancelled   ChangeKind = "cancelled"
	HearingUpdated     ChangeKind = "updated" // same time, other details changed
)

// ReconcileHearings brings c's hearings in line with a new list (from an
// import, say) that carries no hearing IDs, and reports what changed.
//
// A ledger often shows only the next hearing, so hearings already past that
// the new list leaves out are kept: they happened. Among the rest, a hearing
// at the same time as an existing one is that hearing; the remaining new and
// existing future hearings are paired in time order and each pair is a
// reschedule; an existing future hearing left unpaired is cancelled, and a
// new one left unpaired is added with a fresh ID.
func ReconcileHearings(c *Case, incoming []Hearing, now time.Time, source string) []HearingChange {
	in := append([]Hearing(nil), incoming...)
	sortHearings(in)
	matched := make([]bool, len(in))
	var changes []HearingChange

	// 1. Same time: the same hearing, perhaps with new details.
	var pending []*Hearing // existing active hearings without an exact match
	for i := range c.Hearings {
		h := &c.Hearings[i]
		if h.Cancelled {
			continue
		}
		found := false
		for j := range in {
			if !matched[j] && in[j].At.Equal(h.At) {
				matched[j], found = true, true
				if updateDetails(h, in[j]) {
					changes = append(changes, HearingChange{ID: h.ID, Kind: HearingUpdated, From: h.At, To: h.At})
				}
				break
			}
		}
		if !found && !h.At.Before(now) {
			pending = append(pending, h)
		}
	}
	sort.SliceStable(pending, func(i, j int) bool { return pending[i].At.Before(pending[j].At) })

	// 2. Pair the rest in time order: reschedules, then cancellations.
	k := 0
	for j := range in {
		if matched[j] || k >= len(pending) {
			continue
		}
		h := pending[k]
		k++
		matched[j] = true
		from := h.At
		h.Reschedules = append(h.Reschedules, Reschedule{From: from, To: in[j].At, At: now, Source: source})
		h.At = in[j].At
		updateDetails(h, in[j])
		changes = append(changes, HearingChange{ID: h.ID, Kind: HearingRescheduled, From: from, To: h.At})
	}
	for ; k < len(pending); k++ {
		pending[k].Cancelled = true
		changes = append(changes, HearingChange{ID: pending[k].ID, Kind: HearingCancelled, From: pending[k].At})
	}

	// 3. What is left is new.
	for j := range in {
		if matched[j] {
			continue
		}
		h := in[j]
		c.NextHearingID++
		h.ID = c.NextHearingID
		h.Cancelled = false
		h.Reschedules = nil
		c.Hearings = append(c.Hearings, h)
		changes = append(changes, HearingChange{ID: h.ID, Kind: HearingAdded, To: h.At})
	}
	sortHearings(c.Hearings)
	return changes
}

// updateDetails copies the details of src onto h, except its identity and
// time, and reports whether anything changed. An unknown HeadAppeared in
// src keeps what was recorded (in chat, say) rather than erasing it.
func updateDetails(h *Hearing, src Hearing) bool {
	changed := h.Place != src.Place || h.MustAppear != src.MustAppear || h.Head != src.Head || h.HeadPost != src.HeadPost
	h.Place, h.MustAppear, h.Head, h.HeadPost = src.Place, src.MustAppear, src.Head, src.HeadPost
	if src.HeadAppeared != nil && (h.HeadAppeared == nil || *h.HeadAppeared != *src.HeadAppeared) {
		v := *src.HeadAppeared
		h.HeadAppeared = &v
		changed = true
	}
	return changed
}

// AddHearing appends a new hearing with a fresh ID and returns that ID.
func (c *Case) AddHearing(h Hearing) int {
	c.NextHearingID++
	h.ID = c.NextHearingID
	c.Hearings = append(c.Hearings, h)
	sortHearings(c.Hearings)
	return h.ID
}

// MoveHearing reschedules hearing id to at, recording the move.
func (c *Case) MoveHearing(id int, at, now time.Time, source string) bool {
	h := c.Hearing(id)
	if h == nil || h.Cancelled || h.At.Equal(at) {
		return false
	}
	h.Reschedules = append(h.Reschedules, Reschedule{From: h.At, To: at, At: now, Source: source})
	h.At = at
	sortHearings(c.Hearings)
	return true
}
