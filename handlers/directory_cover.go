package handlers

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/intent"
	"casebot/bot/store"
)

// directoryCover answers which hearings of a period have a head the 人员名单
// (directory) lacks, or, byAgency, which of the agencies with hearings have
// nobody in it (so nobody there receives the reminders). The period is the
// message's, else the previous list's (下周有哪些庭 → 负责人不在名单里的呢),
// else every hearing from now on; the hearings are those the asker may see.
func (s *service) directoryCover(c bot.Context, byAgency bool, prev *lastQuestion) error {
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	u, err := intent.Understand(c.Message().Text, s.options(c, viewer))
	if err != nil {
		return err
	}
	if byAgency && len(u.Agencies) > 0 {
		return s.directoryCoverage(c) // 生态环境局有没有人在名单里: that agency, not every one with hearings
	}
	u = defaults(u, now)
	period := u.Period
	if period.IsZero() && prev != nil && (prev.U.Kind == intent.Hearings) {
		period = prev.U.Period
	}
	from, to, label := now, now.AddDate(2, 0, 0), "今后"
	if !period.IsZero() {
		from, to, label = period.From, period.To, period.Label
		if label == "" {
			label = period.From.In(loc).Format("1月2日") + "—" + period.To.Add(-time.Second).In(loc).Format("1月2日")
		}
	}
	all, err := s.st.HearingsBetween(c.Ctx(), from, to)
	if err != nil {
		return err
	}
	var hs []store.ScheduledHearing
	for _, h := range all {
		if !h.Hearing.Cancelled && s.scope.CanSee(viewer, h.Case) {
			hs = append(hs, h)
		}
	}
	dir, err := s.st.People(c.Ctx())
	if err != nil {
		return err
	}
	names := s.scope.Agencies()
	named := map[string]bool{}
	for _, p := range dir {
		named[p.Name] = true
	}
	agencyHas := func(a string) bool {
		for _, p := range dir {
			if names.Same(p.Agency, a) {
				return true
			}
		}
		return false
	}
	var lines []string
	var shown []string
	if byAgency {
		seen := map[string]bool{}
		var missing, present []string
		for _, h := range hs {
			for _, a := range h.Case.Defendants {
				if seen[a] {
					continue
				}
				seen[a] = true
				if agencyHas(a) {
					present = append(present, a)
				} else {
					missing = append(missing, a)
				}
			}
		}
		switch {
		case len(hs) == 0:
			lines = append(lines, fmt.Sprintf("%s没有您可查看的开庭。", label))
		case len(missing) == 0:
			lines = append(lines, fmt.Sprintf("%s有开庭的 %d 个单位在人员名单中都有人员：%s。", label, len(present), strings.Join(present, "、")))
		default:
			lines = append(lines, fmt.Sprintf("**%s有开庭的单位**：共 %d 个，其中 %d 个在人员名单中无人员（收不到开庭提醒）：", label, len(seen), len(missing)))
			for _, a := range missing {
				lines = append(lines, "> "+a+"：名单中无人员")
			}
			if len(present) > 0 {
				lines = append(lines, "名单中有人员的："+strings.Join(present, "、")+"。")
			}
		}
	} else {
		var in []string
		for _, h := range hs {
			head := strings.TrimSpace(h.Hearing.Head)
			switch {
			case head == "":
				lines = append(lines, fmt.Sprintf("%d. %s **%s**｜未登记出庭负责人", len(lines)+1, s.hearingWhen(h, now, loc), h.Case.Number))
				shown = append(shown, h.Case.Number)
			case !named[head]:
				lines = append(lines, fmt.Sprintf("%d. %s **%s**｜出庭负责人 %s 不在人员名单中", len(lines)+1, s.hearingWhen(h, now, loc), h.Case.Number, head))
				shown = append(shown, h.Case.Number)
			default:
				in = append(in, head)
			}
		}
		switch {
		case len(hs) == 0:
			lines = []string{fmt.Sprintf("%s没有您可查看的开庭。", label)}
		case len(lines) == 0:
			lines = []string{fmt.Sprintf("%s的 %d 场开庭，出庭负责人都在人员名单中。", label, len(hs))}
		default:
			lines = append([]string{fmt.Sprintf("**%s的 %d 场开庭中，出庭负责人不在人员名单或未登记的有 %d 场**（不在名单中的人收不到开庭提醒）：", label, len(hs), len(lines))}, lines...)
			if len(in) > 0 {
				lines = append(lines, "其余场次的出庭负责人（"+strings.Join(slices.Compact(in), "、")+"）都在名单中。")
			}
		}
	}
	md := strings.Join(lines, "\n")
	a := answer{md: md, shown: shown, results: len(shown), noEcho: true}
	if len(hs) == 0 {
		none := fmt.Sprintf("%s没有您可查看的开庭", label)
		a.claims = []claim{{Text: none, What: claimHearings, Q: query{From: from, To: to}}}
	}
	if err := s.recordAnswer(c, intent.Understanding{Kind: intent.People, Period: period, Anchored: true}, a, 0); err != nil {
		return err
	}
	return c.ReplyMarkdown(md)
}

// hearingWhen is a hearing's day and time as lists write it.
func (s *service) hearingWhen(h store.ScheduledHearing, now time.Time, loc *time.Location) string {
	at := h.Hearing.At.In(loc)
	return fmt.Sprintf("%d月%d日 %s", at.Month(), at.Day(), at.Format("15:04"))
}
