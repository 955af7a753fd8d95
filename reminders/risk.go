package reminders

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/cases"
)

// RiskAlert tells a 分管领导 that staff flagged a case 败诉风险 (包案).
const RiskAlert Kind = "risk_alert"

// riskLeaders returns the userids configured (risk.leaders) for the
// agencies and the 案由 of c, once each.
func (s *Service) riskLeaders(c *cases.Case) []string {
	var out []string
	names := append(slices.Clone(c.Defendants), strings.TrimSpace(c.Cause))
	for _, n := range names {
		for _, u := range s.leaders[n] {
			if !slices.Contains(out, u) {
				out = append(out, u)
			}
		}
	}
	return out
}

// FlagRisk records that user flagged case number 败诉风险 for reason, with
// the 分管领导 to tell, and tells them at once (each exactly once; a sweep
// retries what fails). It returns the case as written; leaders empty means
// none is configured for the case's agencies or 案由.
func (s *Service) FlagRisk(ctx context.Context, number, user, reason string, now time.Time) (*cases.Case, error) {
	reason = truncate(strings.TrimSpace(reason), maxReasonRunes)
	c, err := s.st.Update(ctx, number, func(c *cases.Case) error {
		if c.Closure != nil {
			return bot.Errorf(bot.EInvalid, "%s 已经结案，不能再标记败诉风险。", c.Number)
		}
		c.Risk = &cases.Risk{Reason: reason, By: user, On: now, Leaders: s.riskLeaders(c)}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := s.record(ctx, user, now, "risk", number, "标记败诉风险："+reason); err != nil {
		return nil, err
	}
	if _, err := s.SweepCase(ctx, number, now); err != nil {
		s.Log.Warn("risk alert not sent at once; the next sweep retries", "case", number, "err", err)
	}
	return c, nil
}

// ClearRisk removes the 败诉风险 flag of case number.
func (s *Service) ClearRisk(ctx context.Context, number, user string, now time.Time) error {
	_, err := s.st.Update(ctx, number, func(c *cases.Case) error {
		if c.Risk == nil {
			return errSkip
		}
		c.Risk = nil
		return nil
	})
	if errors.Is(err, errSkip) {
		return bot.Errorf(bot.EInvalid, "%s 没有标记败诉风险。", number)
	}
	if err != nil {
		return err
	}
	return s.record(ctx, user, now, "risk", number, "取消败诉风险标记")
}

// riskCandidates returns the alerts flagged cases cs have due at now: one
// per leader, from the flag until a catch-up week after it.
func (s *Service) riskCandidates(ctx context.Context, now time.Time, cs []*cases.Case, assign bool) ([]Item, error) {
	var flagged []*cases.Case
	for _, c := range cs {
		if c != nil && c.Risk != nil && c.Open() && !c.Risk.On.After(now) && now.Sub(c.Risk.On) <= deadlineCatchUp*24*time.Hour {
			flagged = append(flagged, c)
		}
	}
	refs := make([]cases.HearingRef, len(flagged))
	for i, c := range flagged {
		refs[i] = cases.HearingRef(c.Number + "@risk")
	}
	hids, err := s.hids(ctx, refs, assign)
	if err != nil {
		return nil, err
	}
	var out []Item
	for i, c := range flagged {
		hid := hids[refs[i]]
		if hid == "" {
			hid = "new"
		}
		occ := hid + "-r" + strconv.FormatInt(c.Risk.On.Unix(), 36)
		for _, l := range c.Risk.Leaders {
			out = append(out, Item{Case: c.Number, CaseData: c, Recipient: l, Kind: RiskAlert, DueAt: c.Risk.On,
				Occ: occ, ID: occ + ":" + l + ":" + string(RiskAlert)})
		}
	}
	return out, nil
}

// riskItems returns the risk alerts due at now and not sent yet, over
// every flagged case.
func (s *Service) riskItems(ctx context.Context, now time.Time, dests []string, assign bool) ([]Item, error) {
	numbers, err := s.st.RiskNumbers(ctx)
	if err != nil || len(numbers) == 0 {
		return nil, err
	}
	cs, err := s.st.GetMany(ctx, numbers)
	if err != nil {
		return nil, err
	}
	cands, err := s.riskCandidates(ctx, now, cs, assign)
	if err != nil {
		return nil, err
	}
	return s.open(ctx, now, cands, nil, dests)
}

// riskText is the alert to a leader.
func (s *Service) riskText(it Item) string {
	c := it.CaseData
	by := c.Risk.By
	if p, err := s.st.Person(context.Background(), by); err == nil && p != nil {
		by = p.Name
	}
	handler := c.Handler
	if handler == "" {
		handler = "未登记"
	}
	return fmt.Sprintf("【败诉风险预警】%s（%s）被司法局标记为败诉风险案件，请您包案督导，提前研判、依法化解：\n被告：%s\n承办人：%s\n风险原因：%s\n标记：%s，%s",
		c.Number, c.Cause, strings.Join(c.Defendants, "、"), handler, c.Risk.Reason, by, c.Risk.On.In(s.loc).Format("1月2日15:04"))
}
