package handlers

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/decision"
	"casebot/bot/intent"
	"casebot/bot/numeral"
	"casebot/bot/people"
	"casebot/bot/workcal"
	"casebot/reminders"
)

// status is a case's state in one plain word: 待开庭, 已开庭待判, 已结案·判决撤销…
func (s *service) status(c *cases.Case, now time.Time) string {
	if c.Closure != nil {
		w := "已结案·" + string(c.Closure.Method)
		switch {
		case s.loss.Lost(c):
			w += "（败诉）"
		case cases.Corrected(c):
			w += "（纠错）"
		}
		return w
	}
	held := false
	for _, h := range c.ActiveHearings() {
		if !h.At.After(now) {
			held = true
		}
	}
	next := c.NextHearing(now)
	switch {
	case next != nil && held:
		return "已开庭，待再次开庭"
	case next != nil && c.Kind == cases.Reconsideration:
		return "待听证"
	case next != nil:
		return "待开庭"
	case held && c.Kind == cases.Reconsideration:
		return "已听证，待作出复议决定"
	case held:
		return "已开庭待判"
	case c.Kind == cases.Reconsideration:
		return "审理中（书面审理）"
	case c.Kind == cases.NonLitigation:
		return "审查中"
	}
	return "审理中，暂未排期开庭"
}

// headText names a hearing's 出庭负责人 with the post.
func headText(h cases.Hearing) string {
	if h.Head == "" {
		return ""
	}
	if h.HeadPost != "" {
		return h.Head + "（" + h.HeadPost + "）"
	}
	return h.Head
}

// appearedText says whether the head appeared at a past hearing.
func appearedText(h cases.Hearing) string {
	switch {
	case h.HeadAppeared == nil:
		return "负责人是否出庭未登记"
	case *h.HeadAppeared:
		return "负责人已出庭"
	}
	return "负责人未出庭"
}

// bringText is what a head brings to court (法释〔2020〕3号 第6、11条).
const bringText = "出庭须携带：身份证明（写明姓名、职务，加盖单位公章）及授权材料；" +
	"庭前熟悉案情和答辩意见，庭上应就实质性解决争议发表意见（法释〔2020〕3号第6、11条）。" +
	"不能出庭的，须有正当理由并提交加盖公章的书面说明，由相应的工作人员出庭（第8、9条）。"

// replyBring is what a reconsideration's respondent hands in (47号要带什么
// 材料过去): the 书面答复 and its evidence, not a head's papers for court;
// whether on paper or online is the 复议机构's to say, which the ledger
// does not record.
func replyBring(c *cases.Case) string {
	organ := strings.TrimSpace(c.Court)
	if organ == "" {
		organ = "复议机关"
	}
	v := "复议案件由被申请人向复议机构提交**书面答复**，并提交当初作出行政行为的**证据、依据和其他有关材料**（《行政复议法》第四十八条）；"
	if !c.AnsweredOn.IsZero() {
		v += "台账登记书面答复已于" + c.AnsweredOn.Format("1月2日") + "提交。"
	} else {
		v += "期限是收到复议申请书副本之日起10个工作日。"
	}
	return v + "台账未登记该案的听证，这不是负责人出庭的材料。交纸质件还是电子版、送到哪里，台账不登记，以" + organ + "复议机构的要求为准，请向其确认。"
}

// fact says one fact of a case, in a sentence: the answer to 出庭负责人是谁,
// 判了吗, 开庭了没, 到哪一步了, 在哪开… It never says more than the ledger
// holds: a field not recorded is said to be not recorded.
func (s *service) fact(viewer *people.Person, c *cases.Case, a intent.Aspect, now time.Time, loc *time.Location) string {
	v := s.oneFact(viewer, c, a, now, loc)
	if a == intent.Head {
		v += coDefendantNote(c)
	}
	return v
}

// coDefendantNote is, for a case with several defendants, the line saying
// that the ledger has one 出庭负责人 per hearing whichever defendant is
// asked about (镇政府那边谁出庭, 镇里派哪个): the others' are not recorded.
// "" for a case with one defendant.
func coDefendantNote(c *cases.Case) string {
	if len(c.Defendants) < 2 {
		return ""
	}
	who := "请向承办单位了解"
	if c.Handler != "" {
		who = "请向承办人" + c.Handler + "了解"
	}
	return fmt.Sprintf("\n本案共有 %d 个被告（%s），台账每次开庭只登记一名出庭负责人，其他被告的出庭负责人未登记，%s。",
		len(c.Defendants), strings.Join(c.Defendants, "、"), who)
}

// orderedWhen answers when the next (order "next") or the last ("last")
// hearing of c is, and says so when there is none on that side of now.
func orderedWhen(c *cases.Case, order string, now time.Time, loc *time.Location) string {
	if n, err := strconv.Atoi(order); err == nil || order == "final" {
		return nthWhen(c, n, now, loc) // 第二次呢, 最后一次
	}
	var h *cases.Hearing
	if order == "next" {
		h = c.NextHearing(now)
	} else {
		hs := c.ActiveHearings()
		for i := range hs {
			if !hs[i].At.After(now) {
				h = &hs[i]
			}
		}
	}
	word := map[string]string{"next": "下次开庭", "last": "上次开庭"}[order]
	if h == nil {
		none := map[string]string{"next": "台账未登记该案今后的开庭。", "last": "台账未登记该案已开过的庭。"}[order]
		if order == "next" {
			return noHearingText(c, now, loc, none)
		}
		return none
	}
	v := word + "：**" + whenCN(h.At, now, loc) + "**"
	if h.Place != "" {
		v += " " + h.Place
	}
	return v + "。"
}

// withdrawnHearings says which hearings of c the ledger records as
// cancelled or postponed (a postponement with no new time is recorded as a
// cancellation), the latest three; "" when none. A case whose one hearing
// was postponed has a hearing on record: “台账未登记该案的开庭” would be a
// false none, and “没有开庭” alone would hide why.
func withdrawnHearings(c *cases.Case, now time.Time, loc *time.Location) string {
	var ts []string
	for _, h := range c.Hearings {
		if h.Cancelled {
			ts = append(ts, whenCN(h.At, now, loc))
		}
	}
	if len(ts) == 0 {
		return ""
	}
	ts = ts[max(0, len(ts)-3):]
	return "台账记载" + strings.Join(ts, "、") + "的开庭已取消或推迟（新时间待定）"
}

// noHearingText is base (the case has no hearing of the kind asked), or,
// when hearings were withdrawn, those hearings and that no new time is
// recorded.
func noHearingText(c *cases.Case, now time.Time, loc *time.Location, base string) string {
	w := withdrawnHearings(c, now, loc)
	if w == "" {
		return base
	}
	return w + "，新的开庭时间台账尚未登记。"
}

// nthWhen answers which is the n-th hearing of c (1-based; 0: the final
// one), held or to come, and how many the ledger records.
func nthWhen(c *cases.Case, n int, now time.Time, loc *time.Location) string {
	hs := c.ActiveHearings()
	if len(hs) == 0 {
		return "台账未登记该案的开庭。"
	}
	if n == 0 {
		n = len(hs)
	}
	if n > len(hs) {
		return fmt.Sprintf("台账只登记了该案 %d 次开庭，未登记第%s次。", len(hs), numeral.Format(n))
	}
	h := hs[n-1]
	v := fmt.Sprintf("第%s次开庭（共登记 %d 次）：**%s**", numeral.Format(n), len(hs), whenCN(h.At, now, loc))
	if h.Place != "" {
		v += " " + h.Place
	}
	if !h.At.After(now) {
		v += "，已开庭（" + appearedText(h) + "）"
	}
	return v + "。"
}

// oneFact is fact without the note on co-defendants.
func (s *service) oneFact(viewer *people.Person, c *cases.Case, a intent.Aspect, now time.Time, loc *time.Location) string {
	party, defendant, court := labels(c.Kind)
	hs := c.ActiveHearings()
	next := c.NextHearing(now)
	var last *cases.Hearing
	for i := range hs {
		if !hs[i].At.After(now) {
			last = &hs[i]
		}
	}
	switch a {
	case intent.Head:
		switch {
		case next != nil && next.Head != "":
			return fmt.Sprintf("%s开庭的出庭负责人：**%s**。", whenCN(next.At, now, loc), headText(*next))
		case next != nil:
			return fmt.Sprintf("%s的开庭，台账未填写出庭负责人。", whenCN(next.At, now, loc))
		case last != nil && last.Head != "":
			return fmt.Sprintf("%s开庭的出庭负责人：**%s**，%s。", whenCN(last.At, now, loc), headText(*last), appearedText(*last))
		case last != nil:
			return fmt.Sprintf("%s开庭，台账未填写出庭负责人，%s。", whenCN(last.At, now, loc), appearedText(*last))
		}
		return noHearingText(c, now, loc, "台账未登记该案的开庭，也未填写出庭负责人。")
	case intent.Handler:
		if c.Handler == "" {
			return "台账未填写该案的承办人。"
		}
		return "承办人：**" + c.Handler + "**。"
	case intent.Outcome, intent.Reason:
		if c.Closure == nil {
			v := "尚未结案"
			switch {
			case last != nil && next != nil:
				v += fmt.Sprintf("：已于%s开庭，%s再次开庭", whenCN(last.At, now, loc), whenCN(next.At, now, loc))
			case last != nil:
				v += fmt.Sprintf("：已于%s开庭，待判决", whenCN(last.At, now, loc))
				if c.Kind == cases.Reconsideration {
					v = fmt.Sprintf("尚未结案：已于%s听证，待作出复议决定", whenCN(last.At, now, loc))
				}
			case next != nil:
				v += fmt.Sprintf("，定于%s开庭", whenCN(next.At, now, loc))
			}
			return v + "。"
		}
		v := fmt.Sprintf("已于%s结案：**%s**", whenCN(c.Closure.On, now, loc), c.Closure.Method)
		lost := s.loss.Lost(c) || cases.Corrected(c)
		switch {
		case s.loss.Lost(c):
			v += "（败诉）"
		case cases.Corrected(c):
			v += "（纠错）"
		case c.Closure.Method == cases.JudgmentDismissClaims:
			// 76号是不是赢了: the claims dismissed is the agency's win, said
			// as plainly as a loss is.
			v += "（行政机关胜诉）"
		}
		if a == intent.Reason || lost {
			switch {
			case c.Closure.Reason != "" && c.Kind == cases.Reconsideration:
				v += "；纠错原因：" + c.Closure.Reason
			case c.Closure.Reason != "":
				v += "；败诉原因：" + c.Closure.Reason
			case lost:
				v += "；台账未登记败诉原因，请承办单位补报"
			case c.Note != "":
				// 为啥 of a case not lost: the ledger keeps no reason for
				// the outcome, only the 备注 the bureau wrote.
				v += "，该案未败诉；台账不登记该结果的理由，备注：" + c.Note
			default:
				v += "，该案未败诉；台账不登记该结果的理由"
			}
		}
		return v + "。"
	case intent.Held:
		switch {
		case last != nil && next != nil:
			return fmt.Sprintf("已于%s开庭（%s），%s再次开庭。", whenCN(last.At, now, loc), appearedText(*last), whenCN(next.At, now, loc))
		case last != nil:
			return fmt.Sprintf("已于%s开庭（%s）。", whenCN(last.At, now, loc), appearedText(*last))
		case next != nil:
			return fmt.Sprintf("尚未开庭，定于%s开庭。", whenCN(next.At, now, loc))
		}
		return noHearingText(c, now, loc, "台账未登记该案的开庭。")
	case intent.Stage:
		v := "状态：**" + s.status(c, now) + "**"
		if c.Stage != "" {
			v += "（" + string(c.Stage) + "）"
		}
		if next != nil {
			v += fmt.Sprintf("，下次开庭%s", whenCN(next.At, now, loc))
			if next.Place != "" {
				v += " " + next.Place
			}
		}
		return v + "。"
	case intent.When, intent.Where:
		if len(hs) == 0 {
			return noHearingText(c, now, loc, "台账未登记该案的开庭。")
		}
		var ts []string
		for _, h := range hs {
			t := whenCN(h.At, now, loc)
			if h.Place != "" {
				t += " " + h.Place
			}
			if !h.At.After(now) {
				t += "（已开庭）"
			}
			ts = append(ts, t)
		}
		v := "开庭时间：" + strings.Join(ts, "；")
		if w := withdrawnHearings(c, now, loc); next == nil && w != "" {
			v += "。" + w + "，新的开庭时间台账尚未登记"
		}
		if a == intent.Where && c.Court != "" {
			v += "。" + court + "：" + c.Court
		}
		return v + "。"
	case intent.Court:
		if c.Court == "" {
			return "台账未填写" + court + "。"
		}
		return court + "：**" + c.Court + "**。"
	case intent.Plaintiff:
		return party + "：**" + s.scope.Plaintiffs(viewer, c) + "**。"
	case intent.Defendant:
		return defendant + "：**" + strings.Join(c.Defendants, "、") + "**。"
	case intent.Bring:
		if c.Kind == cases.Reconsideration && c.NextHearing(now) == nil {
			return replyBring(c)
		}
		return bringText
	case intent.Deadline:
		var lines []string
		s.st.Deadlines.Lines(c, now, func(label, value string) { lines = append(lines, label+"："+value) })
		if len(lines) == 0 {
			return "该案目前无在计的法定期限：台账未登记相应的起算日期（如收到起诉状副本的日期），或期限已完成。请向承办人确认。"
		}
		if !c.CopyReceivedOn.IsZero() {
			// The day the 答辩/答复 period runs from (起诉状副本哪天收到的).
			what := "收到起诉状副本"
			if c.Kind == cases.Reconsideration {
				what = "收到复议申请书副本"
			}
			lines = append(lines, what+"："+cnDate(c.CopyReceivedOn, loc))
		}
		return strings.Join(lines, "\n")
	case intent.Advice:
		return s.adviceDue(c, "", now, loc)
	case intent.Lawyer:
		v := "台账不登记代理律师（代理人）信息"
		if c.Handler != "" {
			v += "，请向承办人 " + c.Handler + " 了解"
		}
		return v + "。"
	case intent.Filing:
		return filingFact(c, loc)
	case intent.Cause:
		return "案由：**" + orNone(c.Cause) + "**。"
	case intent.Number:
		return numberFact(c)
	case intent.Appealed:
		return s.appealedFact(c, now)
	case intent.Decided:
		return s.decidedFact(viewer, c, now, loc)
	case intent.Amount:
		return amountFact(c)
	case intent.Appealable:
		return s.appealableFact(c, now)
	}
	return ""
}

// lastHeadFact answers whether the head appeared at the last hearing held
// (上次开庭吴局到庭没); "" when none has been held yet.
func (s *service) lastHeadFact(c *cases.Case, now time.Time, loc *time.Location) string {
	var last *cases.Hearing
	for _, h := range c.ActiveHearings() {
		if !h.At.After(now) {
			last = &h
		}
	}
	if last == nil {
		return ""
	}
	head := "台账未填写出庭负责人"
	if last.Head != "" {
		head = "出庭负责人：**" + headText(*last) + "**"
	}
	return fmt.Sprintf("%s开庭，%s，**%s**。", whenCN(last.At, now, loc), head, appearedText(*last))
}

// hearingFact says one fact of a hearing.
func (s *service) hearingFact(viewer *people.Person, c *cases.Case, h cases.Hearing, a intent.Aspect, now time.Time, loc *time.Location) string {
	switch a {
	case intent.Head:
		if h.Head == "" {
			return fmt.Sprintf("%s这场开庭，台账未填写出庭负责人。", whenCN(h.At, now, loc)) + coDefendantNote(c)
		}
		v := fmt.Sprintf("%s这场开庭的出庭负责人：**%s**", whenCN(h.At, now, loc), headText(h))
		if !h.At.After(now) {
			v += "，" + appearedText(h)
		}
		return v + "。" + coDefendantNote(c)
	case intent.When, intent.Where:
		v := fmt.Sprintf("开庭时间：**%s**", whenCN(h.At, now, loc))
		if h.Place != "" {
			v += "，地点：**" + h.Place + "**"
		}
		if c.Court != "" {
			v += "（" + c.Court + "）"
		}
		return v + "。"
	case intent.Held:
		if h.At.After(now) {
			return fmt.Sprintf("尚未开庭，定于%s。", whenCN(h.At, now, loc))
		}
		return fmt.Sprintf("已于%s开庭（%s）。", whenCN(h.At, now, loc), appearedText(h))
	case intent.Court:
		_, _, court := labels(c.Kind)
		return court + "：**" + orNone(c.Court) + "**。"
	}
	return s.fact(viewer, c, a, now, loc)
}

// lineFact is the fact asked, appended to one line of a list.
func (s *service) lineFact(viewer *people.Person, c *cases.Case, h *cases.Hearing, a intent.Aspect, now time.Time, loc *time.Location) string {
	switch a {
	case "", intent.When, intent.Where, intent.Stage, intent.Outcome:
		if a == intent.Outcome && h == nil {
			return ""
		}
		if a == intent.Outcome && h != nil {
			return "\n" + s.fact(viewer, c, a, now, loc)
		}
		if a == intent.Where && h != nil && c.Court != "" {
			return "｜" + c.Court
		}
		return ""
	case intent.Head:
		if h != nil {
			v := ""
			if h.Head == "" {
				v = "｜出庭负责人：未填写"
			}
			if !h.At.After(now) {
				v += "｜" + appearedText(*h)
			}
			return v // a head named is on the hearing line already
		}
		return "\n" + s.fact(viewer, c, a, now, loc)
	case intent.Handler:
		return "｜承办人：" + orNone(c.Handler)
	case intent.Plaintiff:
		return ""
	case intent.Defendant:
		return ""
	case intent.Court:
		return "｜" + orNone(c.Court)
	case intent.Bring:
		return ""
	}
	return "\n" + s.fact(viewer, c, a, now, loc)
}

// attachedFact says whether a case's decision (判决书, 裁定书, 复议决定书)
// has been attached, from the decision store: by whom and when, or, for a
// closed case, that it has not and how to attach it; an open case has no
// decision yet.
func (s *service) attachedFact(c bot.Context, cs *cases.Case) (string, error) {
	now, loc := c.Now(), c.Location()
	att, err := s.decisions.Get(c.Ctx(), cs.Number)
	switch {
	case err == nil:
		v := fmt.Sprintf("已上传%s：%s（%s上传", orWord(att.Title, "裁判文书"), att.FileName, cases.FormatDate(att.AttachedAt, loc))
		if att.AttachedBy != "" && att.AttachedBy != "cli" {
			v += "，上传人账号 " + att.AttachedBy
		}
		return v + "）。", nil
	case !errors.Is(err, decision.ErrNone):
		return "", err
	}
	doc := "判决书"
	if cs.Kind == cases.Reconsideration {
		doc = "复议决定书"
	}
	if cs.Closure == nil {
		return fmt.Sprintf("该案尚未结案（%s），%s还未作出，无需上传。", s.status(cs, now), doc), nil
	}
	return fmt.Sprintf("尚未上传%s（台账已登记%s结案：%s）。上传请发送“上传判决书”，在应用页面选择该案上传。",
		doc, cases.FormatDate(cs.Closure.On, loc), cs.Closure.Method), nil
}

func orWord(s, w string) string {
	if s == "" {
		return w
	}
	return s
}

// remindedFact says, from the reminders' own record (reminders.HearingTold),
// whether the reminder of hearing h (nil: the case's next hearing, or the
// last one held when none is to come) was sent — to person when one is named, else to
// whom — and what was answered on its card.
func (s *service) remindedFact(c bot.Context, cs *cases.Case, h *cases.Hearing, person string) (string, error) {
	sent, acked, err := s.remindedParts(c, cs, h, person)
	return sent + acked, err
}

// notSentYet is the card state of a hearing whose reminder has not gone
// out: nobody was asked, so nobody has declined either.
const notSentYet = "提醒尚未发出，因此尚未有人确认出庭（并非有人拒绝）。"

// remindedParts is remindedFact in its two parts: whether the reminder was
// sent, and what was answered on its card (a question about the
// confirmation puts the second first).
func (s *service) remindedParts(c bot.Context, cs *cases.Case, h *cases.Hearing, person string) (string, string, error) {
	now, loc := c.Now(), c.Location()
	if s.reminders == nil {
		return "开庭提醒未在本机器人中启用，无法查询提醒的发送和确认情况；请向司法局应诉专班了解。", "", nil
	}
	if h == nil {
		h = cs.NextHearing(now)
	}
	if h == nil {
		hs := cs.ActiveHearings()
		if len(hs) == 0 {
			return "台账未登记该案的开庭，因此不发开庭提醒。", "", nil
		}
		h = &hs[len(hs)-1]
	}
	told, err := s.reminders.HearingTold(c.Ctx(), cases.Ref(cs.Number, h.ID), h.At)
	if err != nil {
		return "", "", err
	}
	dir, err := s.st.People(c.Ctx())
	if err != nil {
		return "", "", err
	}
	byID := map[string]*people.Person{}
	for _, p := range dir {
		byID[p.UserID] = p
	}
	which := whenCN(h.At, now, loc) + "这场开庭"
	var b []string
	if person != "" {
		var ids []string
		for _, p := range dir {
			if p.Name == person {
				ids = append(ids, p.UserID)
			}
		}
		switch {
		case len(ids) == 0:
			b = append(b, fmt.Sprintf("%s不在本机器人的人员名单中，开庭提醒发不到%s；请管理员添加后再发。", person, person))
		case slices.ContainsFunc(ids, func(id string) bool { return slices.Contains(told.Recipients, id) }):
			b = append(b, fmt.Sprintf("%s的提醒**已发送**给%s。", which, person))
		case told.FirstDue.After(now):
			b = append(b, fmt.Sprintf("%s的提醒尚未发送给%s：按计划于%s起发送。", which, person, whenCN(told.FirstDue, now, loc)))
		default:
			b = append(b, fmt.Sprintf("%s的提醒发送记录中未见%s（按计划应于%s起发送）。请核对%s是否为该场的出庭负责人或承办人，或联系管理员查看提醒记录。",
				which, person, whenCN(told.FirstDue, now, loc), person))
		}
	} else {
		var names []string
		for _, id := range told.Recipients {
			if p := byID[id]; p != nil {
				names = append(names, p.Name)
			} else if strings.HasPrefix(id, "chat:") {
				names = append(names, "专班群")
			}
		}
		slices.Sort(names)
		switch {
		case len(names) > 0:
			b = append(b, fmt.Sprintf("%s的提醒已发送给：%s。", which, strings.Join(names, "、")))
		case told.FirstDue.After(now):
			b = append(b, fmt.Sprintf("%s的提醒尚未发送：按计划于%s起发送。", which, whenCN(told.FirstDue, now, loc)))
		default:
			b = append(b, fmt.Sprintf("%s的提醒发送记录为空（按计划应于%s起发送），请联系管理员查看提醒记录。", which, whenCN(told.FirstDue, now, loc)))
		}
	}
	sent := len(b)
	switch a := told.Ack; a.Status {
	case "":
		if !h.At.After(now) {
			b = append(b, appearedText(*h)+"。")
		} else if len(told.Recipients) == 0 && told.FirstDue.After(now) {
			// Nobody has been asked yet: no answer is not a refusal.
			b = append(b, notSentYet)
		} else {
			b = append(b, "卡片上尚未有人确认出庭。")
		}
	default:
		by := a.By
		if p := byID[a.By]; p != nil {
			by = p.Name
		}
		at := ""
		if !a.At.IsZero() {
			at = whenCN(a.At, now, loc)
		}
		switch a.Status {
		case reminders.AckConfirmed:
			b = append(b, fmt.Sprintf("%s已于%s在提醒卡片上确认出庭。", by, at))
		case reminders.AckCannot:
			b = append(b, fmt.Sprintf("%s于%s回复无法出庭：%s。", by, at, orWord(a.Reason, "未说明理由")))
		case reminders.AckReplacing:
			b = append(b, fmt.Sprintf("%s于%s选择更换出庭人，尚未填写新的出庭负责人。", by, at))
		case reminders.AckReplaced:
			head := a.Head
			if p := byID[a.Head]; p != nil {
				head = p.Name
			}
			b = append(b, fmt.Sprintf("%s于%s将出庭负责人更换为%s，已提醒新的出庭负责人。", by, at, head))
		}
	}
	return strings.Join(b[:sent], ""), strings.Join(b[sent:], ""), nil
}

// adviceFact is what the ledger records of the case's 司法建议 and 检察建议,
// or of the one kind asked (行初85 → 那检察建议呢): a question about the
// one is not answered with the other.
func adviceFact(c *cases.Case, kind cases.SuggestionKind, loc *time.Location) string {
	var parts []string
	for _, sg := range c.Suggestions {
		if kind != "" && sg.Kind != kind {
			continue
		}
		v := string(sg.Kind) + "：" + cases.FormatDate(sg.ReceivedOn, loc) + " 收到"
		if sg.Issuer != "" {
			v += "（" + sg.Issuer + "）"
		}
		if sg.Content != "" {
			v += "，" + sg.Content
		}
		if sg.RepliedOn.IsZero() {
			v += "；尚未登记回复"
		} else {
			v += "；" + cases.FormatDate(sg.RepliedOn, loc) + " 已回复"
		}
		parts = append(parts, v)
	}
	if len(parts) == 0 {
		if kind != "" {
			return "台账未登记 " + c.Number + " 的" + string(kind) + "。"
		}
		return "台账未登记该案的司法建议或检察建议。"
	}
	return strings.Join(parts, "\n") + "。"
}

// adviceDue is adviceFact with each unanswered suggestion's reply period
// said as what it is: the date the 建议书 sets when the ledger records one,
// else that the ledger records none, then the date the rule computes and
// how (还有那个司法建议要回的吧 几号前 was answered with a computed date
// shown as if recorded).
func (s *service) adviceDue(c *cases.Case, kind cases.SuggestionKind, now time.Time, loc *time.Location) string {
	v := adviceFact(c, kind, loc)
	today := workcal.DateOf(now, s.st.Deadlines.Location())
	var lines []string
	for _, sg := range c.Suggestions {
		if kind != "" && sg.Kind != kind || !sg.RepliedOn.IsZero() {
			continue
		}
		k := deadline.ProcuratorialReply
		if sg.Kind == cases.JudicialSuggestion {
			k = deadline.JudicialReply
		}
		d, ok := s.st.Deadlines.Find(c, k)
		switch {
		case !sg.DueOn.IsZero():
			lines = append(lines, fmt.Sprintf("%s回复期限：**%s**（建议书载明，台账已登记）。", sg.Kind, cases.FormatDate(sg.DueOn, loc)))
		case ok:
			basis := d.Basis
			if strings.Contains(basis, "deadlines.") {
				basis = "本地规定" // the setting's name is the bureau's, not the reader's
			}
			lines = append(lines, fmt.Sprintf("台账**未登记**%s书载明的回复期限。按%s自收到之日（%s）起%s推算，回复期限为 %s；请以建议书载明的期限为准，可向承办人或发出单位核实后告知专班登记。",
				sg.Kind, basis, cases.FormatDate(sg.ReceivedOn, loc), d.Period, d.Plain(today))) // says the reckoning itself
		default:
			lines = append(lines, fmt.Sprintf("台账**未登记**%s的回复期限，请以建议书载明的期限为准。", sg.Kind))
		}
	}
	if len(lines) == 0 {
		return v
	}
	return strings.Join(lines, "\n") + "\n" + v
}
