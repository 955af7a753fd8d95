package handlers

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/keys"

	"casebot/bot"
	"casebot/bot/bulletin"
	"casebot/bot/intent"
	"casebot/bot/people"
)

// rateAnswer answers rates and rankings (今年败诉率, 这个季度出庭率, 哪个单位
// 败诉最多, 出庭率没达标的单位) from the bulletin's own computation over the
// period (bulletin.ComputeSpan), so chat and the bulletin never disagree.
// Scope follows the bulletin's: staff and admins see every agency; a head
// the total, the ranking and their own agency; a handler their own agency;
// the 普法 team is referred to the bureau, as for the bulletin.
func (s *service) rateAnswer(c bot.Context, u intent.Understanding) (answer, error) {
	viewer, now := c.Person(), c.Now()
	a := answer{}
	if viewer.Role == people.Pufa {
		a.md = "您好！各单位的败诉率、出庭率等统计只提供给司法局应诉专班、管理员和各单位负责人，如需了解请联系司法局应诉专班。"
		return a, nil
	}
	p := u.Period
	if p.IsZero() {
		p = yearOf(now)
	}
	sp, err := s.span(c.Ctx(), p.From, p.To, now)
	if err != nil {
		return answer{}, err
	}
	label := periodSoFar(p, now)
	// Whose figures: an agency asked for, the asker's own, or the total.
	var agencies []string
	switch {
	case len(u.Agencies) > 0:
		agencies = u.Agencies
	case u.Agency != "":
		return s.unknownAgency(c, u.Agency, "的统计"), nil
	case u.Mine != "" || viewer.Role == people.Handler:
		if viewer.Agency != "" {
			agencies = s.ownLedgerAgencies(c, viewer)
			if len(agencies) == 0 {
				agencies = []string{viewer.Agency}
			}
		}
	}
	if viewer.Role == people.Handler {
		for _, ag := range agencies {
			if !s.scope.Agencies().Same(ag, viewer.Agency) {
				a.md = "各单位的统计和排名只提供给司法局应诉专班和各单位负责人；您可以查询本单位的数据，例如“我们单位出庭率”。"
				return a, nil
			}
		}
	}
	if u.ByMonth {
		// 今年败诉率按月分一下: each month as its bulletin computes it.
		who, agency := "本地区", ""
		if len(agencies) > 0 {
			who, agency = agencies[0], agencies[0]
		}
		if a, err = s.rateByMonth(c, u, p, label, who, agency); err != nil {
			return answer{}, err
		}
		a.md += "\n\n<font color=\"comment\">口径同月度败诉通报：诉讼只计一审行政诉讼案件。</font>"
		return a, nil
	}
	var b []string
	rank := u.Rank != "" && viewer.Role != people.Handler
	// 全县的出庭率和我们局的, 我们局出庭率 全县呢: the county's figure
	// first, then the agency's, as the bulletin gives both to a head.
	withTotal := len(agencies) > 0 && len(u.Agencies) == 0 && u.Mine != "" && countyWide(u) && viewer.Role != people.Handler
	if !rank || len(agencies) > 0 {
		if len(agencies) == 0 || withTotal {
			line, cl := rateLine("本地区", &sp.Total, u.Rate, label)
			b = append(b, line)
			a.claims = append(a.claims, cl...)
			if u.Rate == intent.LossRate && !rank {
				// The second rate's none names the period too: it is read on its own.
				if l2, cl2 := rateLine("", &sp.Total, intent.AppearanceRate, p.Short()); strings.Contains(c.Message().Text, "出庭") {
					b = append(b, l2)
					a.claims = append(a.claims, cl2...)
				}
			}
		}
		ownNone := len(agencies) > 0
		for _, ag := range agencies {
			st := sp.Agency(ag)
			if st == nil {
				st = &bulletin.Stats{Agency: ag}
			}
			line, cl := rateLine(ag, st, u.Rate, label)
			ownNone = ownNone && len(cl) > 0
			for i := range cl {
				cl[i].Q.Agencies = []string{ag}
			}
			b = append(b, line)
			a.claims = append(a.claims, cl...)
			if u.Rate == intent.LossRate && st.LossRate != nil {
				b = append(b, controlNote(*st.LossRate, s.cfg.Bulletin.ControlLine))
			}
			if pos := position(sp, ag, u.Rate); pos != "" && viewer.Role != people.Handler {
				b = append(b, pos)
			}
		}
		if ownNone && !withTotal && viewer.Role == people.Head && u.Mine != "" && len(u.Agencies) == 0 {
			// 我们的出庭率 from a head whose agency had no hearing: the
			// county's figure, as the bulletin gives it, rather than only
			// "无法计算".
			line, cl := rateLine("全县（本地区）", &sp.Total, u.Rate, label)
			b = append(b, "供参考，"+line)
			a.claims = append(a.claims, cl...)
		}
		if viewer.Role == people.Handler && u.Rank != "" {
			b = append(b, "各单位排名只提供给司法局应诉专班和各单位负责人。")
		}
	}
	if rank && len(agencies) == 0 && u.Rank == intent.RankUnder && u.Rate == intent.LossRate {
		// 今年我们县败诉率超过控制线没有: the total against the line first.
		line, cl := rateLine("本地区", &sp.Total, u.Rate, label)
		b = append(b, line)
		a.claims = append(a.claims, cl...)
		if sp.Total.LossRate != nil {
			b = append(b, controlNote(*sp.Total.LossRate, s.cfg.Bulletin.ControlLine))
		}
	}
	if rank || (viewer.Bureau() || viewer.Role == people.Head) && len(agencies) == 0 && u.Rate != "" && (u.ByAgency || strings.Contains(c.Message().Text, "各单位")) {
		b = append(b, s.ranking(sp, u, label, &a))
	}
	if viewer.Role == people.Head && len(agencies) == 0 && !rank {
		own := s.ownLedgerAgencies(c, viewer)
		for _, ag := range own {
			if st := sp.Agency(ag); st != nil {
				// Its none is a claim like any other: it names the period.
				line, cl := rateLine(ag, st, u.Rate, "")
				if len(cl) > 0 {
					line, cl = rateLine(ag, st, u.Rate, label)
				}
				b = append(b, "贵单位："+line)
				a.claims = append(a.claims, cl...)
			}
		}
	}
	for i := range a.claims {
		a.claims[i].Q.From, a.claims[i].Q.To = p.From, p.To
	}
	b = append(b, "<font color=\"comment\">口径同月度败诉通报：诉讼只计一审行政诉讼案件。</font>")
	if note := s.unratedNote(u, viewer); note != "" {
		b = append([]string{note}, b...)
	}
	if viewer.Role == people.Handler && countyWide(u) && len(u.Agencies) == 0 && u.Mine == "" {
		// 全县败诉率 from a handler: their agency's, said to be.
		b = append([]string{"全县的统计和排名随月度败诉通报提供给司法局应诉专班和各单位负责人；以下是贵单位的数据："}, b...)
	}
	a.md = strings.Join(b, "\n\n")
	a.results = 1
	return a, nil
}

// unratedNote says which filters of u the rates do not split by: they are
// the bulletin's, per agency and for the county, so a 案由, 审级, court,
// courtroom, party or person asked (今年工伤案件的败诉率) or carried by a
// follow-up (工伤的案子 → 那败诉率呢) is not applied, and the figure below
// would otherwise read as that filter's.
func (s *service) unratedNote(u intent.Understanding, viewer *people.Person) string {
	var not []string
	if u.Cause != "" {
		not = append(not, "案由（"+u.Cause+"）")
	}
	if u.Stage != "" && u.Stage != "一审" {
		not = append(not, "审级（"+u.Stage+"）")
	}
	if l := courtLevelWord[u.CourtLevel]; l != "" {
		not = append(not, "法院（"+l+"）")
	}
	if u.Place != "" {
		not = append(not, "法庭（"+u.Place+"）")
	}
	if u.Party != "" {
		not = append(not, "当事人（"+s.shownName(viewer, u.Party)+"）")
	}
	if u.Person != "" {
		not = append(not, "人员（"+u.Person+"）")
	}
	if len(not) == 0 {
		return ""
	}
	which := "该条件"
	if len(not) > 1 {
		which = "这些条件"
	}
	return "比率按月度通报口径分单位统计，无法按" + strings.Join(not, "、") + "单独计算；以下是未按" + which + "区分的数据："
}

// ownLedgerAgencies are the ledger's names of viewer's agency.
func (s *service) ownLedgerAgencies(c bot.Context, viewer *people.Person) []string {
	known, err := s.st.Agencies(c.Ctx())
	if err != nil {
		return nil
	}
	var out []string
	for _, a := range known {
		if s.scope.Agencies().Same(a, viewer.Agency) {
			out = append(out, a)
		}
	}
	sort.Strings(out)
	return out
}

// rateLine states one rate of one party (the total or an agency) with its
// counts; a rate without a denominator is a claim that nothing counted.
func rateLine(who string, st *bulletin.Stats, r intent.Rate, label string) (string, []claim) {
	f := st.Figures
	pre := who
	if label != "" {
		pre = label + who
	}
	if pre != "" {
		pre = "**" + pre + "**"
	}
	none := func(what string) (string, []claim) {
		msg := pre + "没有" + what + "，无法计算。"
		return msg, []claim{{Text: msg, What: claimRate, Rate: r}}
	}
	switch r {
	case intent.AppearanceRate:
		if f.Heard == 0 {
			return none("开庭审理的一审行政诉讼案件")
		}
		s := fmt.Sprintf("%s负责人出庭率 **%s**：开庭审理 %d 件，负责人出庭 %d 件", pre, bulletin.Percent(f.AppearanceRate), f.Heard, f.HeadAppeared)
		if f.HeadUnrecorded > 0 {
			s += fmt.Sprintf("（其中 %d 件未登记出庭情况，按未出庭计）", f.HeadUnrecorded)
		}
		return s + "。", nil
	case intent.CorrectionRate:
		if f.ReconsiderationClosed == 0 {
			return none("办结的行政复议案件")
		}
		return fmt.Sprintf("%s复议纠错率 **%s**：办结 %d 件，纠错 %d 件。", pre, bulletin.Percent(f.CorrectionRate),
			f.ReconsiderationClosed, f.ReconsiderationCorrected), nil
	case intent.WithdrawalRate:
		if f.Closed == 0 {
			return none("审结的一审行政诉讼案件")
		}
		return fmt.Sprintf("%s调撤率 **%s**：审结 %d 件，调解、撤诉 %d 件。", pre, bulletin.Percent(f.WithdrawalRate), f.Closed, f.MediatedWithdrawn), nil
	case intent.JudgedLossRate:
		if f.Judged == 0 {
			return none("判决结案的一审行政诉讼案件")
		}
		lostJudged := int(float64(*f.LossRateJudged)*float64(f.Judged) + 0.5)
		return fmt.Sprintf("%s判决口径败诉率 **%s**：判决结案 %d 件，其中败诉 %d 件（审结口径败诉率 %s）。", pre,
			bulletin.Percent(f.LossRateJudged), f.Judged, lostJudged, bulletin.Percent(f.LossRate)), nil
	}
	if f.Closed == 0 {
		return none("审结的一审行政诉讼案件")
	}
	return fmt.Sprintf("%s败诉率 **%s**：审结 %d 件，败诉 %d 件（判决口径 %s）。", pre, bulletin.Percent(f.LossRate), f.Closed, f.Lost,
		bulletin.Percent(f.LossRateJudged)), nil
}

func controlNote(r bulletin.Rate, line float64) string {
	if float64(r) > line {
		return fmt.Sprintf("超过控制线（%.0f%%）。", line*100)
	}
	return fmt.Sprintf("未超过控制线（%.0f%%）。", line*100)
}

// rateOf reads one rate of a Stats, and whether it has a denominator.
func rateOf(st *bulletin.Stats, r intent.Rate) (float64, bool) {
	p := ratePtr(st, r)
	if p == nil {
		return 0, false
	}
	return float64(*p), true
}

// ratePtr is one rate of a Stats, nil without a denominator.
func ratePtr(st *bulletin.Stats, r intent.Rate) *bulletin.Rate {
	switch r {
	case intent.AppearanceRate:
		return st.AppearanceRate
	case intent.CorrectionRate:
		return st.CorrectionRate
	case intent.WithdrawalRate:
		return st.WithdrawalRate
	case intent.JudgedLossRate:
		return st.LossRateJudged
	}
	return st.LossRate
}

// countOf is the count a ranking by number uses (败诉最多).
func countOf(st *bulletin.Stats, u intent.Understanding) int {
	switch u.Metric {
	case intent.Closed:
		return st.Closed // 结案最多: by cases closed, whatever the rate shown
	case intent.Filed:
		return st.Filed
	}
	switch u.Rate {
	case intent.AppearanceRate:
		return st.HeadAppeared
	case intent.CorrectionRate:
		return st.ReconsiderationCorrected
	case intent.WithdrawalRate:
		return st.MediatedWithdrawn
	}
	return st.Lost
}

// ranked orders the agencies with a rate: by the rate (highest first for
// 败诉率, lowest first for 出庭率 when the worst is asked), or by count.
func ranked(sp *bulletin.Span, u intent.Understanding) []bulletin.Stats {
	var out []bulletin.Stats
	for _, st := range sp.Agencies {
		if _, ok := rateOf(&st, u.Rate); ok || u.ByCount && u.Metric == intent.Filed && st.Filed > 0 {
			out = append(out, st) // 收案最多: an agency with new cases and none closed counts too
		}
	}
	desc := u.Rank != intent.RankBottom
	sort.SliceStable(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if u.ByCount {
			ca, cb := countOf(a, u), countOf(b, u)
			if ca != cb {
				return ca > cb == desc
			}
		}
		ra, _ := rateOf(a, u.Rate)
		rb, _ := rateOf(b, u.Rate)
		if ra != rb {
			return ra > rb == desc
		}
		// Ties keep the bulletin's order (more losses, more closed cases,
		// then the name: sp.Agencies is sorted so), as the notice lists them.
		return false
	})
	return out
}

// position says where an agency stands in the ranking of a rate.
// Agencies with the same rate share the place (bulletin.StandingOf, as
// the notice's own-agency line says it); a 0.00% (0 of N) is ranked.
func position(sp *bulletin.Span, agency string, r intent.Rate) string {
	st := bulletin.StandingOf(sp.Agencies, agency, func(s *bulletin.Stats) *bulletin.Rate { return ratePtr(s, r) })
	if !st.Ranked {
		return ""
	}
	place := fmt.Sprintf("排第 %d 位", st.Rank)
	if st.Tied {
		place = fmt.Sprintf("并列第 %d 位", st.Rank)
	}
	return fmt.Sprintf("在 %d 个有数据的单位中由高到低%s。", st.Of, place)
}

// ranking lists agencies by the rate asked: all of them (排名), the top or
// bottom ones with ties (最多, 最少), or those not meeting the standard
// (出庭率不到 100%, 败诉率超过控制线).
func (s *service) ranking(sp *bulletin.Span, u intent.Understanding, label string, a *answer) string {
	word := map[intent.Rate]string{intent.LossRate: "败诉率", intent.JudgedLossRate: "判决口径败诉率", intent.AppearanceRate: "出庭率",
		intent.CorrectionRate: "纠错率", intent.WithdrawalRate: "调撤率"}[u.Rate]
	rs := ranked(sp, u)
	if len(rs) == 0 {
		msg := fmt.Sprintf("%s各单位均没有可计算%s的案件。", label, word)
		a.claims = append(a.claims, claim{Text: msg, What: claimRate, Rate: u.Rate})
		return msg
	}
	line := func(i int, st bulletin.Stats) string {
		if u.ByCount && u.Metric == intent.Filed {
			// 收案最多: the count ranked by; the rate's line (审结 N 件)
			// says nothing of it. 结案最多 keeps that line: it names 审结.
			return fmt.Sprintf("%d. **%s**新收案件 **%d** 件。", i, st.Agency, st.Filed)
		}
		l, _ := rateLine(st.Agency, &st, u.Rate, "")
		return fmt.Sprintf("%d. %s", i, strings.TrimPrefix(l, ""))
	}
	var b []string
	switch u.Rank {
	case intent.RankZero:
		// 哪几个单位今年一件败诉都没有: the agencies with closed cases and
		// no loss (or no correction), the complement of the losses by
		// agency; an agency with nothing closed is neither.
		count := func(st bulletin.Stats) int {
			if u.Rate == intent.CorrectionRate {
				return st.ReconsiderationCorrected
			}
			return st.Lost
		}
		what, closed := "败诉", "审结案件"
		if u.Rate == intent.CorrectionRate {
			what, closed = "纠错", "办结复议案件"
		}
		var zero, some []bulletin.Stats
		for _, st := range rs {
			if count(st) == 0 {
				zero = append(zero, st)
			} else {
				some = append(some, st)
			}
		}
		var others []string
		for _, st := range some {
			others = append(others, fmt.Sprintf("%s %d 件", st.Agency, count(st)))
		}
		if len(zero) == 0 {
			b = append(b, fmt.Sprintf("**%s有%s的 %d 个单位均有%s**：%s。", label, closed, len(rs), what, strings.Join(others, "、")))
		} else {
			b = append(b, fmt.Sprintf("**%s有%s、%s 0 件的单位**：共 %d 个（有%s的单位共 %d 个）", label, closed, what, len(zero), closed, len(rs)))
			for i, st := range zero {
				b = append(b, line(i+1, st))
			}
			if len(others) > 0 {
				b = append(b, fmt.Sprintf("有%s的单位：%s。", what, strings.Join(others, "、")))
			}
		}
		b = append(b, fmt.Sprintf("只有未结案件、尚无%s的单位不在其列。", closed))
	case intent.RankUnder, intent.RankMet:
		// 出庭率没达标的单位 / 达标的单位: the standard is 100% appearance,
		// or a 败诉率 within the control line; one side of it each.
		met := u.Rank == intent.RankMet
		var side []bulletin.Stats
		for _, st := range rs {
			v, _ := rateOf(&st, u.Rate)
			ok := u.Rate == intent.AppearanceRate && v >= 1 || u.Rate != intent.AppearanceRate && v <= s.cfg.Bulletin.ControlLine
			if ok == met {
				side = append(side, st)
			}
		}
		std := map[bool]string{false: "出庭率未达 100% 的单位", true: "出庭率达到 100% 的单位"}[met]
		if u.Rate != intent.AppearanceRate {
			std = fmt.Sprintf("%s%s控制线（%.0f%%）的单位", word, map[bool]string{false: "超过", true: "未超过"}[met], s.cfg.Bulletin.ControlLine*100)
		}
		if len(side) == 0 {
			msg := fmt.Sprintf("%s没有%s。", label, std)
			a.claims = append(a.claims, claim{Text: msg, What: claimRate, Rate: u.Rate})
			return msg
		}
		if met {
			b = append(b, fmt.Sprintf("**%s%s**：共 %d 个（有数据的单位共 %d 个）", label, std, len(side), len(rs)))
		} else {
			b = append(b, fmt.Sprintf("**%s%s**：共 %d 个", label, std, len(side)))
		}
		for i, st := range side {
			b = append(b, line(i+1, st))
		}
	case "":
		// 各单位败诉率, 出庭率按单位分: every agency with the rate, highest first.
		b = append(b, fmt.Sprintf("**%s各单位%s**（由高到低，共 %d 个有数据的单位）：", label, word, len(rs)))
		for i, st := range rs {
			b = append(b, line(i+1, st))
		}
	case intent.RankTop, intent.RankBottom:
		if strings.Contains(u.Echo(nil), "排名") && !u.ByCount && u.Rank == intent.RankTop || len(rs) <= 3 {
			b = append(b, fmt.Sprintf("**%s各单位%s排名**：", label, word))
			for i, st := range rs {
				b = append(b, line(i+1, st))
			}
			break
		}
		// The first, with every agency tied with it.
		first := rs[0]
		var top []bulletin.Stats
		for _, st := range rs {
			same := false
			if u.ByCount {
				same = countOf(&st, u) == countOf(&first, u)
			} else {
				v1, _ := rateOf(&st, u.Rate)
				v2, _ := rateOf(&first, u.Rate)
				same = v1 == v2
			}
			if same {
				top = append(top, st)
			}
		}
		how := "最高"
		if u.Rank == intent.RankBottom {
			how = "最低"
		}
		if u.ByCount {
			how = map[bool]string{true: "最多", false: "最少"}[u.Rank == intent.RankTop]
		}
		head := fmt.Sprintf("**%s%s%s的单位**", label, word, how)
		if u.ByCount {
			what := map[intent.Rate]string{intent.LossRate: "败诉案件", intent.AppearanceRate: "负责人出庭",
				intent.CorrectionRate: "纠错案件", intent.WithdrawalRate: "调撤案件"}[u.Rate]
			switch u.Metric {
			case intent.Closed:
				what = "审结案件"
			case intent.Filed:
				what = "新收案件"
			}
			head = fmt.Sprintf("**%s%s%s的单位**", label, what, how)
		}
		if len(top) > 1 {
			head += fmt.Sprintf("（%d 个单位并列）", len(top))
		}
		b = append(b, head+"：")
		for i, st := range top {
			b = append(b, line(i+1, st))
		}
		if len(rs) > len(top) {
			b = append(b, fmt.Sprintf("其余 %d 个有数据的单位，回复“%s排名”查看全部。", len(rs)-len(top), word))
		}
	}
	return strings.Join(b, "\n")
}

// span computes the bulletin's figures over [from, to), or reads them from
// the cache (keys.ChatSpan) made at the same ledger version within the
// last keys.ChatSpanTTL: computing a year's figures reads every case of
// the year, and the same question tends to come from several people.
func (s *service) span(ctx context.Context, from, to, now time.Time) (*bulletin.Span, error) {
	rdb, k := s.st.Client(), s.st.Keys()
	version, err := rdb.Get(ctx, k.LedgerVersion()).Result()
	if err != nil && !errors.Is(err, redis.Nil) {
		return nil, err
	}
	key := k.ChatSpan(from.Unix(), to.Unix(), version)
	if raw, err := rdb.Get(ctx, key).Bytes(); err == nil {
		var sp bulletin.Span
		if gob.NewDecoder(bytes.NewReader(raw)).Decode(&sp) == nil {
			// The figures depend on now only through the hearings already
			// held (bulletin.newPeriod's heardTo): they are the same at now
			// as at sp.Now when no hearing of the span starts in between.
			a, b := sp.Now, now // hearings held by now, not by sp.Now (or the reverse)
			if now.Before(sp.Now) {
				a, b = now, sp.Now
			}
			if a.Before(from) {
				a = from
			}
			if to.Before(b) {
				b = to
			}
			n := int64(0)
			if a.Before(b) {
				if n, err = s.st.CountHearings(ctx, a, b); err != nil {
					return nil, err
				}
			}
			if n == 0 {
				return &sp, nil
			}
		}
	} else if !errors.Is(err, redis.Nil) {
		return nil, err
	}
	sp, err := s.bulletins.set.ComputeSpan(ctx, s.st, from, to, now)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	// gob, not JSON: the figures hold counts the contract's JSON leaves out.
	if err := gob.NewEncoder(&buf).Encode(sp); err != nil {
		return nil, err
	}
	if err := rdb.Set(ctx, key, buf.Bytes(), keys.ChatSpanTTL).Err(); err != nil {
		return nil, err
	}
	return sp, nil
}

// periodSoFar is p's label, with the day it runs to when p has not ended
// (2026年（截至12月2日）): a figure of a period still running says so.
func periodSoFar(p intent.Period, now time.Time) string {
	tomorrow := time.Date(now.Year(), now.Month(), now.Day()+1, 0, 0, 0, 0, now.Location())
	if p.To.After(tomorrow) && p.From.Before(now) {
		return p.Label + fmt.Sprintf("（截至%d月%d日）", now.Month(), now.Day())
	}
	return p.Label
}
