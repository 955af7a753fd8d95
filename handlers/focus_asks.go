package handlers

import (
	"fmt"
	"regexp"

	"casebot/bot"
	"casebot/bot/cases"
	"strings"

	"casebot/bot/intent"
)

// handlerWhoRe asks who handles a case (承办人是谁, 谁承办的, 经办人是谁).
var handlerWhoRe = regexp.MustCompile(`承办人?是谁|承办人谁|谁承办|谁是承办人|谁在办|谁办的|经办人是谁|承办的是谁|哪个承办|承办人呢`)

// ownMineRe says the asker's own cases (我的, 我承办, 我们局): a scope of its
// own, not the 我 of 我去催.
var ownMineRe = regexp.MustCompile(`我的|我承办|我们|我办的|我手上|本人`)

// handlerOfFocus reads 承办人是谁 我去催 after one case was shown (卫健局那个
// 答辩是不是过期了 → 行初133) as that case's 承办人: the 我 of 我去催 is the
// asker acting, not a scope, and it listed every open case instead.
func handlerOfFocus(text string, u intent.Understanding, last *lastQuestion) (intent.Understanding, bool) {
	t := intent.Normalize(text)
	if u.Aspect != intent.Handler || hasRef(u) || u.Party != "" || u.Agency != "" || u.Person != "" || !u.Period.IsZero() ||
		last == nil || len(last.Shown) != 1 || !handlerWhoRe.MatchString(t) || ownMineRe.MatchString(strings.ReplaceAll(t, "我去", "")) {
		return u, false
	}
	m := u
	m.Kind, m.Numbers, m.Mine, m.FollowUp, m.Anchored = intent.Case, []string{last.Shown[0]}, "", true, true
	return m, true
}

// toldOutcomeRe tells a case's outcome (81号今天赢了, 85号判了, 输了).
var toldOutcomeRe = regexp.MustCompile(`赢了|输了|胜诉了?|败诉了|判了|判下来了|撤诉了|驳回了|维持了|撤销了|结案了`)

// toldOutcomeFirst acknowledges the outcome told beside a figure asked
// (81号今天赢了 顺便问下我们局现在败诉率多少): what the ledger records of that
// case, and whether the figure counts it, before the figure; the news was
// otherwise passed over as if unsaid.
func (s *service) toldOutcomeFirst(c bot.Context, text string, u intent.Understanding, a *answer) error {
	if a.md == "" || u.Kind != intent.Rates && u.Kind != intent.Count || !hasRef(u) || !toldOutcomeRe.MatchString(intent.Normalize(text)) {
		return nil
	}
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	ns, err := s.caseRefs(c.Ctx(), viewer, u, now)
	if err != nil || len(ns) == 0 {
		return err
	}
	cs, err := s.visible(c.Ctx(), viewer, ns, nil)
	if err != nil || len(cs) != 1 {
		return err
	}
	k := cs[0]
	line := "**" + k.Number + "**："
	if k.Closure == nil {
		line += "台账尚未登记结案，下面的统计还没有计入该案。判决（裁定）结果请告知司法局应诉专班登记，例如“" + shortNumber(k.Number) + " 判决驳回诉讼请求”。"
	} else {
		won := ""
		if !s.loss.Lost(k) && !cases.Corrected(k) {
			won = "（未败诉）"
		}
		line += "台账登记" + strings.TrimSuffix(s.oneFact(viewer, k, intent.Outcome, now, loc), "。") + won + "，已计入下面的统计。"
	}
	a.md = line + "\n\n" + a.md
	return nil
}

// appearedToo adds, to a head's hearings not appeared at (孙局是不是好几次
// 没出庭了), the hearings of the same span that head did appear at: the
// question weighs how often, and a list of absences alone reads as all.
func (s *service) appearedToo(c bot.Context, u intent.Understanding, a *answer) error {
	if a.md == "" || u.Kind != intent.Hearings || !u.NotAppeared || u.Person == "" || hasRef(u) {
		return nil
	}
	now := c.Now()
	p := u.Period
	if p.IsZero() {
		p = yearOf(now)
	}
	to := p.To
	if to.After(now) {
		to = now
	}
	all, err := s.st.HearingsBetween(c.Ctx(), p.From, to)
	if err != nil {
		return err
	}
	var went []string
	for _, o := range all {
		h := o.Hearing
		if h.Cancelled || h.Head != u.Person || h.HeadAppeared == nil || !*h.HeadAppeared || !s.scope.CanSee(c.Person(), o.Case) {
			continue
		}
		went = append(went, fmt.Sprintf("%s %s", whenCN(h.At, now, c.Location()), o.Case.Number))
	}
	if len(went) > 0 {
		a.md += fmt.Sprintf("\n\n同期台账登记%s已出庭 %d 场：%s。", u.Person, len(went), strings.Join(went, "；"))
	}
	return nil
}
