package handlers

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/bulletin"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/workcal"
)

// A duty question (intent.DutyAsked) asks yes/no or which of one case:
// must the head appear, does the recorded attendance count as 出庭, which
// month's figures it enters, what the bulletin prints of it, what 一案一整改
// asks and of whom, whether a signature or a written statement is needed.
// The ordinary reading shows that case's card or a list with it and leaves
// the question unanswered; here the answer's first lines say the yes/no or
// which, with the reason read from the case's own record and the rules
// (the bulletin's computation, 法释〔2020〕3号, the rectify flow), and then
// the card. Where neither the ledger nor the rules say (a signature), the
// first line says so and who to ask.

// dutyAnswer answers a duty question about the one case it is about —
// named, described (a party, a person, a day, a court), or in focus — and
// reports false when the message asks none or no one case is meant (the
// ordinary reading goes on).
func (s *service) dutyAnswer(c bot.Context, text string, u intent.Understanding, prev *lastQuestion) (bool, error) {
	topics, ok := intent.DutyAsked(text)
	viewer := c.Person()
	if !ok || viewer == nil || viewer.Role == "" {
		return false, nil
	}
	k, err := s.dutyCase(c, text, u, prev, topics)
	if err != nil {
		return false, err
	}
	if k == nil {
		// 那还要不要写情况说明 with no case, 孙局那个要不要在通报里点名 of
		// several: the rule, which stands without the case (the bulletin
		// names no head whichever case it is), and a request for the number.
		naming := slices.Contains(topics, intent.DutyBulletin) && namingAsked(text)
		if md := dutyRule(topics, naming); md != "" && (naming || !hasRef(u) && !hasWho(u) && u.Party == "") {
			if err := offerRelay(c, text); err != nil {
				return true, err // the rule without the case: “转给专班” next passes the question on
			}
			return true, s.fixedRuleAnswer(c, md)
		}
		return false, nil
	}
	now, loc := c.Now(), c.Location()
	var lines []string
	var claims []claim
	if u.Aspect == intent.Outcome {
		// 88号还没判吧 领导没出庭的说明交法院了没: the outcome asked beside it.
		lines = append(lines, s.fact(viewer, k, intent.Outcome, now, loc))
	}
	topicLines := func(kk *cases.Case) (out []string, outClaims []claim, err error) {
		for _, t := range topics {
			var ls []string
			switch t {
			case intent.DutyAppear:
				var cl []claim
				ls, cl = appearLines(viewer, kk, now, loc)
				outClaims = append(outClaims, cl...)
			case intent.DutyCounted:
				var cl []claim
				ls, cl = countedLines(text, viewer, kk, now, loc)
				outClaims = append(outClaims, cl...)
			case intent.DutyMonth:
				ls = s.monthLines(kk, now, loc)
			case intent.DutyBulletin:
				ls = s.bulletinLines(intent.Normalize(text), kk, now, loc)
			case intent.DutyRectify:
				var cl []claim
				if ls, cl, err = s.rectifyLines(c, kk, u); err != nil {
					return nil, nil, err
				}
				outClaims = append(outClaims, cl...)
			case intent.DutySign:
				ls = s.signLines(kk)
			case intent.DutyPapers:
				ls = papersLines(kk, now, loc)
			case intent.DutyFiled:
				ls = filedLines(text, kk, now, loc)
			case intent.DutyExplain:
				var cl []claim
				ls, cl = explainLines(kk, now, loc)
				outClaims = append(outClaims, cl...)
			}
			out = append(out, ls...)
		}
		return out, outClaims, nil
	}
	ls, cl, err := topicLines(k)
	if err != nil {
		return false, err
	}
	lines, claims = append(lines, ls...), append(claims, cl...)
	if slices.Contains(topics, intent.DutyRectify) {
		// 61号和33号两个整改都要我报: each case named is answered, not the first alone.
		ns, err := s.rectifyCasesOf(c)
		if err != nil {
			return false, err
		}
		for _, n := range ns {
			if n == k.Number {
				continue
			}
			others, err := s.visible(c.Ctx(), viewer, []string{n}, nil)
			if err != nil {
				return false, err
			}
			if len(others) != 1 {
				continue
			}
			ls, cl, err := topicLines(others[0])
			if err != nil {
				return false, err
			}
			if len(ls) > 0 && len(lines) > 0 && boldHead(ls[0]) != "" && boldHead(ls[0]) == boldHead(lines[0]) {
				ls = ls[1:] // the same yes/no and rule (**需要报送**：按…) is said once
			}
			lines, claims = append(lines, ls...), append(claims, cl...)
		}
	}
	a := answer{md: strings.Join(lines, "\n") + "\n\n" + s.card(viewer, k, now, loc), shown: []string{k.Number}, results: 1, outcome: audit.Answered, claims: claims}
	if _, err := s.openActs(c, text, k, &a); err != nil {
		return false, err // 两个整改都要我报 能不能晚点交: the extension asked too
	}
	ru := intent.Understanding{Kind: intent.Case, Numbers: a.shown, Anchored: true}
	if err := s.recordAnswer(c, ru, a, 0); err != nil {
		return false, err
	}
	if err := c.Memory().Remember(memLast, lastQuestion{U: ru, Shown: a.shown}); err != nil {
		return false, err
	}
	if err := offerRelay(c, text); err != nil {
		return false, err // where the rules leave it to the unit (a signature), “转给专班” next passes it on
	}
	return true, c.ReplyMarkdown(a.md)
}

// dutyCase is the one case a duty question is about, or nil: the cases the
// message names or describes (the case in focus among them when it is
// one: 那个庭 … 赵磊 after 行初115 was shown), else the case in focus; of
// several, the one the topic and the words describe best (没出庭, 司法建议,
// a closed case for the month and the bulletin, one with a hearing to come
// for appearing), when exactly one does.
func (s *service) dutyCase(c bot.Context, text string, u intent.Understanding, prev *lastQuestion, topics []intent.DutyTopic) (*cases.Case, error) {
	ctx, viewer, now := c.Ctx(), c.Person(), c.Now()
	focus := ""
	if prev != nil && len(prev.Shown) == 1 {
		focus = prev.Shown[0]
	}
	// A day or 我 alone (我下周三要去中院开庭吗, 明天我要去开庭不) asks the
	// asker's hearings then: the ordinary reading lists them; a case
	// pointed at (23号高院那个, 那个登记的案子) or described is one case.
	described := u.Party != "" || u.Person != "" || len(u.Agencies) > 0 || u.Stage != "" || u.Cause != "" || u.Outcome != "" ||
		caseWordRe.MatchString(text) && (u.Mine != "" || u.CourtLevel != "" || !u.Period.IsZero())
	if focus != "" && !hasRef(u) && u.Party == "" && rectifyTopic(topics, text) {
		// 117号's hearing → 整改材料让周洁弄就行了吧: the 整改 is of the
		// asker's one case that has one, when the focus has none.
		if own, err := s.pendingRectifyCase(c, focus); err != nil {
			return nil, err
		} else if own != "" {
			cs, err := s.visible(ctx, viewer, []string{own}, nil)
			if err != nil {
				return nil, err
			}
			if len(cs) == 1 {
				return cs[0], nil
			}
		}
	}
	var cands []string
	switch {
	case hasRef(u):
		ns, err := s.caseRefs(ctx, viewer, u, now)
		if err != nil {
			return nil, err
		}
		cands = ns
	case described:
		q := s.queryOf(u, viewer)
		if q.Unknown != "" {
			return nil, nil
		}
		ns, _, err := s.casesFor(c, u, q)
		if err != nil {
			return nil, err
		}
		cands = ns
		if len(cands) == 0 && u.Person != "" && slices.Contains(topics, intent.DutyAppear) {
			// 高院那个再审的要不要何县长去: the one who would go, when no case
			// names them yet, is no filter of the case (孙局那个庭 is).
			v := u
			v.Person, v.PersonRole = "", ""
			if ns, _, err = s.casesFor(c, v, s.queryOf(v, viewer)); err != nil {
				return nil, err
			}
			cands = ns
		}
		if len(cands) == 0 && focus != "" && u.Party == "" && len(u.Agencies) == 0 && u.Period.IsZero() {
			cands = []string{focus} // 我打电话给赵磊 named someone, not the case; 明天那个庭 is tomorrow's, not the focus
		}
	case focus != "" && (u.Period.IsZero() || caseWordRe.MatchString(text)) && !pluralRe.MatchString(text):
		if !u.Period.IsZero() {
			// 85号 → 明天那个庭几点 我得去吧: a day of its own points at that
			// day's hearing; the focus only when it is heard (or closed) then.
			fs, err := s.visible(ctx, viewer, []string{focus}, nil)
			if err != nil {
				return nil, err
			}
			if len(fs) != 1 || !inPeriod(fs[0], u.Period) {
				return nil, nil
			}
		}
		cands = []string{focus} // 那还要不要写情况说明; never 明天的庭都要负责人去吗 (the day's, not the focus's)

	default:
		return nil, nil
	}
	if len(cands) > 200 {
		return nil, nil // a description that keeps most of the ledger names no one case
	}
	cs, err := s.visible(ctx, viewer, cands, nil)
	if err != nil || len(cs) == 0 {
		return nil, err
	}
	if len(cs) == 1 {
		return cs[0], nil
	}
	if !u.Period.IsZero() {
		// 23号高院那个: the case with a hearing (or its closing) that day,
		// before the one in focus (85号 → 明天那个庭我得去吧 is tomorrow's).
		cs = slices.DeleteFunc(slices.Clone(cs), func(k *cases.Case) bool { return !inPeriod(k, u.Period) })
		if len(cs) == 1 {
			return cs[0], nil
		}
	}
	for _, k := range cs {
		if k.Number == focus {
			return k, nil // 那个庭: the case just shown, which the words fit
		}
	}
	t := intent.Normalize(text)
	absent := strings.Contains(t, "没出庭") || strings.Contains(t, "未出庭") || strings.Contains(t, "没去") || strings.Contains(t, "不出庭")
	advice := strings.Contains(t, "建议")
	score := func(k *cases.Case) int {
		n := 0
		if absent && headAbsent(k, now) {
			n++
		}
		if advice && len(k.Suggestions) > 0 {
			n++
		}
		for _, tp := range topics {
			switch tp {
			case intent.DutyAppear, intent.DutyExplain:
				if k.NextHearing(now) != nil {
					n++
				}
			case intent.DutyMonth, intent.DutyBulletin, intent.DutyRectify, intent.DutySign:
				if k.Closure != nil {
					n++
				}
			case intent.DutyCounted:
				if heldBefore(k, now) {
					n++
				}
			}
		}
		return n
	}
	var best *cases.Case
	top, ties := -1, 0
	for _, k := range cs {
		switch n := score(k); {
		case n > top:
			best, top, ties = k, n, 1
		case n == top:
			ties++
		}
	}
	if ties != 1 || top <= 0 {
		return nil, nil // several fit as well: the ordinary reading lists them
	}
	return best, nil
}

// deputyNamedRe names a deputy leader as the one who appears (政委去,
// 副局长出庭): 第2条's question, not the record's.
var deputyNamedRe = regexp.MustCompile(`(?:政委|副政委|副局长|副县长|副镇长|副乡长|副主任|副职|分管(?:的)?(?:领导|副局长|负责人|局长)|常务副)(?:去|出庭|代|替|参加|到庭)`)

// caseWordRe points at a case (那个, 这件, 那个案子); pluralRe asks of
// several (都, 哪些, 各).
var (
	caseWordRe = regexp.MustCompile(`那个|这个|那件|这件|该案|案子|案件`)
	pluralRe   = regexp.MustCompile(`都|哪些|哪几|几个|各个|每个|所有`)
)

// inPeriod reports whether a hearing of k, its closing or its filing falls
// in p.
func inPeriod(k *cases.Case, p intent.Period) bool {
	in := func(t time.Time) bool { return !t.IsZero() && !t.Before(p.From) && t.Before(p.To) }
	for _, h := range k.ActiveHearings() {
		if in(h.At) {
			return true
		}
	}
	return k.Closure != nil && in(k.Closure.On) || in(k.FiledOn)
}

// appearLines answer whether the head must appear at k's next hearing:
// the verdict first (the 第4条 mark, an appearance already made in the
// same instance, or no hearing to come), then who is registered.
func appearLines(viewer *people.Person, k *cases.Case, now time.Time, loc *time.Location) ([]string, []claim) {
	next := k.NextHearing(now)
	if next == nil {
		msg := fmt.Sprintf("**%s**（%s）台账中今后没有待开的庭", k.Number, orNone(k.Court))
		return []string{msg + "，目前无需安排出庭。"}, []claim{{Text: msg, What: claimHearings, Q: query{Numbers: []string{k.Number}, From: now}}}
	}
	when := fmt.Sprintf("**%s** %s的开庭（%s %s）", k.Number, whenCN(next.At, now, loc), orNone(k.Court), next.Place)
	var b []string
	once := onceAppearedLine(k, *next, now, loc)
	switch {
	case k.Kind == cases.Reconsideration:
		// 复41听证要不要局长参加: the 复议 hearing's own rule, not 法释〔2020〕3号.
		b = append(b, "**要参加**："+when+"是行政复议听证：按《行政复议法》第51条，被申请人的负责人应当参加听证；不能参加的，应当说明理由并委托相应的工作人员参加。复议听证不计入诉讼的负责人出庭率。")
	case once != "":
		v := "**一般可以不再出庭**：" + when + "。" + once
		if next.MustAppear {
			v += "台账对这次开庭仍标注“应当出庭”，法院再次通知负责人出庭的，应当出庭，建议先与承办法官核实。"
		}
		b = append(b, v)
	case next.MustAppear:
		b = append(b, "**要出庭**："+when+"台账标注为**应当出庭**（法释〔2020〕3号第4条所列情形），被诉机关负责人应当出庭应诉；确有正当理由不能出庭的，应当提交加盖公章的书面说明，并委托相应的工作人员出庭（第8–10条）。")
	default:
		b = append(b, "**不属于必须由负责人出庭的案件**："+when+"台账未标注为法释〔2020〕3号第4条“应当出庭”的情形（法院应当通知负责人出庭的那一类）。"+
			"法院另行通知负责人出庭的，以通知为准；负责人不能出庭的，应当委托本机关相应的工作人员出庭（《行政诉讼法》第三条第三款）。")
	}
	switch {
	case k.Kind != cases.Litigation:
	case !bulletin.FirstInstance(k):
		b = append(b, "本案是"+orWord(string(k.Stage), "非一审")+"程序：出庭义务与一审分别计算（第7条）；月度通报的负责人出庭率只计一审案件，这次开庭不计入。")
	case !next.MustAppear:
		b = append(b, "负责人出庭的，计入当月负责人出庭率；由工作人员出庭的，按负责人未出庭计。")
	}
	if note := strings.TrimSpace(coDefendantNote(k)); note != "" {
		b = append(b, note) // 108号镇里要不要派领导去: one head is recorded for both
	}
	switch {
	case next.Head == "":
		b = append(b, fmt.Sprintf("台账未填写出庭负责人，请尽快确定并告知专班（例如“%s出庭的是某某副县长”）。", shortNumber(k.Number)))
	case viewer != nil && next.Head == viewer.Name:
		b = append(b, fmt.Sprintf("登记的出庭负责人是您本人：**%s**。", headText(*next)))
	default:
		b = append(b, fmt.Sprintf("登记的出庭负责人：**%s**。", headText(*next)))
	}
	return b, nil
}

// countedLines answer how k's recorded attendance counts: the last hearing
// held, what the ledger records of the head there, and how the bulletin's
// 出庭率 counts it (an unrecorded one as absent; a justified absence is
// still an absence, but no 无正当理由 one).
func countedLines(text string, viewer *people.Person, k *cases.Case, now time.Time, loc *time.Location) ([]string, []claim) {
	if deputyNamedRe.MatchString(intent.Normalize(text)) {
		// 117号政委去能不能算出庭: whether that deputy is a 负责人 (第2条),
		// then who is registered for its next hearing.
		b := []string{"**算负责人出庭**：" + strings.TrimPrefix(deputyRule, "**副职可以。**")}
		if next := k.NextHearing(now); next != nil {
			b = append(b, fmt.Sprintf("**%s** %s的开庭，登记的出庭负责人：%s；由副职等其他负责人出庭的，计入出庭率的出庭数。", k.Number, whenCN(next.At, now, loc), orWord(headText(*next), "未填写")))
		}
		return b, nil
	}
	var held *cases.Hearing
	for _, h := range k.ActiveHearings() {
		if h.At.Before(now) {
			h := h
			held = &h
		}
	}
	if held == nil {
		if next := k.NextHearing(now); next != nil {
			return []string{fmt.Sprintf("**%s** 尚未开庭（下次开庭 %s），出庭情况待开庭后登记，现在还谈不上算不算出庭。", k.Number, whenCN(next.At, now, loc))}, nil
		}
		msg := fmt.Sprintf("**%s** 台账中还没有已开过的庭", k.Number)
		return []string{msg + "，出庭情况无从登记。"}, []claim{{Text: msg, What: claimHearings, Q: query{Numbers: []string{k.Number}, To: now}}}
	}
	at := held.At.In(loc)
	when := fmt.Sprintf("**%s** %d月%d日的开庭", k.Number, at.Month(), at.Day())
	head := orWord(headText(*held), "负责人")
	month := fmt.Sprintf("%d年%d月", at.Year(), at.Month())
	var b []string
	switch {
	case held.HeadAppeared == nil:
		b = append(b, fmt.Sprintf("%s，台账**尚未登记**负责人是否出庭；月度通报中未登记的按未出庭计。实际未出庭的，请发送“出庭 %s 否”登记（出庭了的发“是”，并写明出庭的负责人）。", when, k.Number))
	case *held.HeadAppeared:
		b = append(b, fmt.Sprintf("**算出庭**：%s登记为负责人已出庭（%s），计入%s负责人出庭率的出庭数。", when, head, month))
	default:
		if intent.JustifiedAsked(text) {
			// 88号这个算不算无正当理由: what the ledger holds of the reason;
			// whether it is 正当 is the court's to decide.
			b = append(b, fmt.Sprintf("**是否属于正当理由，以法院认定为准**：第8、9条所列正当理由为不可抗力、意外事件、需本人处理的公务等，须提交加盖公章的书面说明；台账备注：%s。",
				orWord(strings.TrimSpace(k.Note), "（未填写）")))
		}
		v := fmt.Sprintf("**算未出庭**：%s登记为负责人未出庭（登记的出庭负责人 %s）", when, head)
		if note := strings.TrimSpace(k.Note); note != "" {
			v += "，备注：" + note
		}
		b = append(b, v+"。")
		b = append(b, fmt.Sprintf("负责人出庭率 = 负责人出庭的案件数 ÷ 开庭审理的案件数：本案计入%s的开庭审理数，不计入出庭数。"+
			"因正当理由（第8、9条）未出庭并已提交加盖公章的书面说明、由相应工作人员出庭的，属于“有正当理由未出庭”，出庭率仍按未出庭计，但不属于无正当理由不出庭（第12条）。", month))
	}
	if !bulletin.FirstInstance(k) {
		b = append(b, "本案不是一审行政诉讼案件，不计入月度通报的负责人出庭率。")
	}
	return b, nil
}

// monthLines answer which month's figures k enters, as the bulletin
// computes them: 新收 by 立案日期, 审结 and 败诉 (纠错) by 结案日期, 开庭 and
// 出庭 by the day of each hearing held.
func (s *service) monthLines(k *cases.Case, now time.Time, loc *time.Location) []string {
	ym := func(t time.Time) string { t = t.In(loc); return fmt.Sprintf("%d年%d月", t.Year(), t.Month()) }
	md := func(t time.Time) string { t = t.In(loc); return fmt.Sprintf("%d月%d日", t.Month(), t.Day()) }
	var b []string
	switch {
	case k.Kind == cases.Reconsideration:
		if k.Closure == nil {
			return []string{fmt.Sprintf("**%s** 尚未办结：复议的办结数、纠错数按结案日期统计，办结后计入结案当月。", k.Number)}
		}
		v := fmt.Sprintf("**%s 计入%s**：复议的办结数、纠错数按结案日期统计，本案%s结案（%s", k.Number, ym(k.Closure.On), md(k.Closure.On), k.Closure.Method)
		if k.Closure.Method.Correction() {
			v += "，属纠错"
		}
		return []string{v + "），计入" + ym(k.Closure.On) + "的月度通报。"}
	case !bulletin.FirstInstance(k):
		return []string{fmt.Sprintf("**%s** 是%s案件：月度通报的诉讼统计只计一审行政诉讼案件，本案不计入任何一个月的败诉数和出庭率。", k.Number, orWord(string(k.Stage), string(k.Kind)))}
	}
	if k.Closure != nil {
		v := fmt.Sprintf("**%s 的结案计入%s**：审结数、败诉数按结案日期统计，本案%s结案（%s", k.Number, ym(k.Closure.On), md(k.Closure.On), k.Closure.Method)
		if s.loss.Lost(k) {
			v += "，败诉），计入" + ym(k.Closure.On) + "的审结数和败诉数，列入该月的败诉通报（次月初发布）"
		} else {
			v += "，不算败诉），计入" + ym(k.Closure.On) + "的审结数"
		}
		b = append(b, v+"。")
	} else {
		b = append(b, fmt.Sprintf("**%s** 尚未结案：审结数、败诉数按结案日期统计，结案后计入结案当月。", k.Number))
	}
	var heard []string
	for _, h := range k.ActiveHearings() {
		if !h.At.Before(now) {
			continue
		}
		state := "负责人是否出庭未登记，按未出庭计"
		if h.HeadAppeared != nil {
			state = map[bool]string{true: "负责人已出庭", false: "负责人未出庭"}[*h.HeadAppeared]
		}
		heard = append(heard, fmt.Sprintf("%s开庭（%s），计入%s的开庭审理数", md(h.At), state, ym(h.At)))
	}
	if len(heard) > 0 {
		b = append(b, "负责人出庭率按开庭日期统计："+strings.Join(heard, "；")+"。")
	}
	if !k.FiledOn.IsZero() {
		b = append(b, fmt.Sprintf("新收案件数按立案日期统计：本案%s立案，计入%s。", md(k.FiledOn), ym(k.FiledOn)))
	}
	return b
}

// bulletinLines answer what the monthly bulletin prints of k (exposureOf:
// a loss listed in its closing month, a hearing held counted in its
// agency's 出庭率), and, asked whether to name someone (点名), that the
// bulletin names no head: the 专班's call to add.
func (s *service) bulletinLines(text string, k *cases.Case, now time.Time, loc *time.Location) []string {
	var b []string
	if namingAsked(text) {
		b = append(b, namingRule) // 通报里要不要点名: the answer first, then where the case shows
	}
	return append(b, s.exposureOf(k, now, loc))
}

// namingAsked reports whether a bulletin question asks about naming
// someone (点名, 写名字).
func namingAsked(text string) bool {
	t := intent.Normalize(text)
	return strings.Contains(t, "点名") || strings.Contains(t, "名字") || strings.Contains(t, "姓名") || strings.Contains(t, "点出")
}

// namingRule is what the bulletin prints of people (bot/bulletin's
// markdown: lost cases by number and agency, 出庭 by agency).
const namingRule = "**本系统生成的通报不点负责人的名**：败诉案件只列案号、被诉单位、结案方式、结案日期和败诉原因，出庭情况只按单位列出出庭率；是否在通报中点名负责人或写明司法建议，属于通报口径，由司法局应诉专班定稿时决定。"

// rectifyLines answer what 一案一整改 asks of k and of whom: whether a
// report is owed, that the agency's head or 承办人 files it (the one named,
// when the ledger registers them on the case) and the bureau reviews it,
// then the record's state (rectifyOfCase).
func (s *service) rectifyLines(c bot.Context, k *cases.Case, u intent.Understanding) ([]string, []claim, error) {
	today := workcal.DateOf(c.Now(), c.Location())
	st, err := s.rectifyOfCase(c, k.Number, today)
	if err != nil {
		return nil, nil, err
	}
	if k.Closure == nil || !s.loss.Lost(k) && !cases.Corrected(k) {
		return []string{st.md}, st.claims, nil // not owed: rectifyOfCase says why
	}
	role := "被告"
	if k.Kind == cases.Reconsideration {
		role = "被申请人"
	}
	lead := "**需要报送**"
	// Only someone of the directory can file in the app: a name the ledger
	// registers but the directory lacks is said to be missing there.
	listed := false
	if u.Person != "" {
		dir, err := s.st.People(c.Ctx())
		if err != nil {
			return nil, nil, err
		}
		listed = slices.ContainsFunc(dir, func(p *people.Person) bool {
			return p.Name == u.Person && (p.Role == people.Head || p.Role == people.Handler) && slices.ContainsFunc(k.Defendants, func(d string) bool { return s.scope.Agencies().Same(d, p.Agency) })
		})
	}
	registered := u.Person != "" && (u.Person == k.Handler || slices.ContainsFunc(k.Hearings, func(h cases.Hearing) bool { return h.Head == u.Person }))
	switch named := u.Person; {
	case registered && !listed:
		as := "出庭负责人"
		if named == k.Handler {
			as = "承办人"
		}
		lead = fmt.Sprintf("**%s是本案登记的%s，但不在本机器人的人员名单中，无法在本系统填报**；可由本单位名单中的负责人或承办人报送，或请管理员补录", named, as)
	case named != "" && named == k.Handler:
		lead = fmt.Sprintf("**可以由承办人%s填报**", named)
	case named != "" && slices.ContainsFunc(k.Hearings, func(h cases.Hearing) bool { return h.Head == named }):
		lead = fmt.Sprintf("**可以由出庭负责人%s填报**", named)
	case named != "":
		lead = fmt.Sprintf("**台账登记的承办人是%s**（%s不是本案登记的承办人或出庭负责人）", orWord(k.Handler, "（未填写）"), named)
	}
	line := lead + "：按“一案一整改”，败诉原因分析和整改措施由" + role + "单位的负责人或承办人报送（点整改通知卡片上的“填报原因分析”“填报整改措施”，或在应用中发送“上传整改报告”上传文件），司法局应诉专班审核，通过或退回。"
	lines := []string{line, st.md}
	owner, err := s.rectifyOwner(c, k.Number)
	if err != nil {
		return nil, nil, err
	}
	if owner != "" {
		lines = append(lines, owner)
	}
	return lines, st.claims, nil
}

// signLines answer whether the head must sign: neither the ledger nor the
// rectify flow asks for a signature; the agency's own rules do, or not.
func (s *service) signLines(k *cases.Case) []string {
	v := "**是否需要负责人签字，台账和本系统均未作规定**："
	if k.Closure != nil && (s.loss.Lost(k) || cases.Corrected(k)) {
		v += "本系统的一案一整改报告由被告单位的负责人或承办人报送（填报或上传文件，盖章页扫描件可作附件），不要求负责人签字；"
	}
	return []string{v + "单位内部是否须负责人审签、报送的正式文本是否加盖公章，请按本单位公文要求办理，或向司法局应诉专班确认。"}
}

// explainLines answer whether a written statement is needed for k: at a
// hearing to come, none when any 负责人 of the agency appears (the
// identity paper instead), one when none does; of a hearing past with the
// head absent, what the ledger records (its 备注) and who to ask, as the
// ledger keeps no field for the statement.
func explainLines(k *cases.Case, now time.Time, loc *time.Location) ([]string, []claim) {
	if next := k.NextHearing(now); next != nil {
		return []string{fmt.Sprintf("**%s** %s的开庭（登记的出庭负责人：%s）：", k.Number, whenCN(next.At, now, loc), orWord(headText(*next), "未填写")) + explainRuleText}, nil
	}
	for _, h := range slices.Backward(k.ActiveHearings()) {
		if !h.At.Before(now) || h.HeadAppeared == nil || *h.HeadAppeared {
			continue
		}
		v := fmt.Sprintf("**%s** %s的开庭登记为负责人未出庭", k.Number, h.At.In(loc).Format("1月2日"))
		if note := strings.TrimSpace(k.Note); note != "" {
			v += "（备注：" + note + "）"
		}
		// And the rule of a hearing to come, which is often what is meant
		// (那还要不要写情况说明 after a head's absence was told).
		return []string{v + "。负责人不能出庭的，应当向法院提交加盖公章的书面说明，写明不能出庭的正当理由（法释〔2020〕3号第8、9条）；台账不登记说明是否已提交，请向承办人" + orWord(k.Handler, "") + "确认。",
			"今后的开庭：" + explainRuleText}, nil
	}
	msg := fmt.Sprintf("**%s** 台账中今后没有待开的庭", k.Number)
	return []string{msg + "，已开的庭也未登记负责人未出庭。" + explainRuleText}, []claim{{Text: msg, What: claimHearings, Q: query{Numbers: []string{k.Number}, From: now}}}
}

// papersLines answer whether the head's identity paper (and the court's
// notice) is needed for k: noticeRule (第5、6条), with the next hearing and
// whose paper it is.
func papersLines(k *cases.Case, now time.Time, loc *time.Location) []string {
	b := []string{noticeRule}
	if next := k.NextHearing(now); next != nil {
		b = append([]string{fmt.Sprintf("**要**：**%s** %s的开庭，开庭前须向法院提交出庭负责人（登记为：%s）的身份证明。", k.Number, whenCN(next.At, now, loc), orWord(headText(*next), "未填写"))}, b...)
	}
	return b
}

// filedLines answer whether a paper to the court (the head's identity
// paper, the written statement of an absence) was handed in: the ledger
// has no field for it, which is said first, with what it does hold (the
// hearing's record, the 备注) and who to ask.
func filedLines(text string, k *cases.Case, now time.Time, loc *time.Location) []string {
	what := "说明材料"
	if strings.Contains(text, "身份证明") {
		what = "身份证明"
	} else if strings.Contains(text, "委托书") {
		what = "授权委托书"
	}
	v := fmt.Sprintf("**台账不登记%s是否已提交法院**", what)
	for _, h := range slices.Backward(k.ActiveHearings()) {
		if h.At.Before(now) {
			v += fmt.Sprintf("：**%s** %s的开庭%s", k.Number, h.At.In(loc).Format("1月2日"), map[bool]string{true: "登记为负责人已出庭", false: "登记为负责人未出庭"}[h.HeadAppeared != nil && *h.HeadAppeared])
			if h.HeadAppeared == nil {
				v = strings.TrimSuffix(v, "登记为负责人未出庭") + "未登记负责人是否出庭"
			}
			break
		}
	}
	if note := strings.TrimSpace(k.Note); note != "" {
		v += "；台账备注：" + note
	}
	return []string{v + "。提交情况请向承办人" + orWord(k.Handler, "") + "确认。"}
}

// explainRuleText is when a head's written statement is needed (法释〔2020〕
// 3号第2、6、8、9条).
const explainRuleText = "只要有本机关负责人（正职、副职或参与分管的负责人，法释〔2020〕3号第2条）出庭，就属于负责人出庭，**不需要**写不能出庭的情况说明，但须向法院提交出庭负责人的身份证明（写明姓名、职务并加盖公章，第6条）；" +
	"无负责人出庭的，**需要**向法院提交加盖公章的书面说明，写明不能出庭的正当理由（第8、9条），并委托相应的工作人员出庭。"

// dutyRule is the rule a duty question asks when no case is meant, for
// the topics whose rule stands without one ("" for the others).
func dutyRule(topics []intent.DutyTopic, naming bool) string {
	var b []string
	for _, t := range topics {
		switch {
		case t == intent.DutyBulletin && naming:
			b = append(b, namingRule)
			continue
		}
		switch t {
		case intent.DutyExplain:
			b = append(b, "**情况说明**："+explainRuleText)
		case intent.DutySign:
			b = append(b, "**签字**：台账和本系统对负责人签字均未作规定；一案一整改报告由被告单位的负责人或承办人在本系统报送，不要求负责人签字。单位内部是否须负责人审签、正式文本是否加盖公章，请按本单位公文要求办理，或向司法局应诉专班确认。")
		default:
			return "" // the others need their case
		}
	}
	if len(b) == 0 {
		return ""
	}
	return strings.Join(b, "\n") + "\n\n说的是哪个案件，请写明案号（例如“行初117”），我再按该案的台账登记情况具体回答。"
}

// rectifyTopic reports whether a duty question is of a 一案一整改 report:
// its topic, or a signature asked of 整改 material.
func rectifyTopic(topics []intent.DutyTopic, text string) bool {
	return slices.Contains(topics, intent.DutyRectify) || slices.Contains(topics, intent.DutySign) && strings.Contains(text, "整改")
}

// pendingRectifyCase returns, when the case in focus has no 一案一整改
// record, the one case of the asker's agency whose report is still to be
// approved; "" when the focus has one or the asker has none or several.
func (s *service) pendingRectifyCase(c bot.Context, focus string) (string, error) {
	viewer := c.Person()
	fs, err := s.visible(c.Ctx(), viewer, []string{focus}, nil)
	if err != nil || len(fs) != 1 || fs[0].Rectify != nil || viewer.Bureau() {
		return "", err
	}
	own, err := s.ownNumbers(c.Ctx(), viewer)
	if err != nil {
		return "", err
	}
	cs, err := s.visible(c.Ctx(), viewer, own, func(k *cases.Case) bool {
		return k.Rectify != nil && k.Rectify.Status != cases.RectifyApproved
	})
	if err != nil || len(cs) != 1 {
		return "", err
	}
	return cs[0].Number, nil
}

// boldHead is the bold lead of a duty line (**需要报送**), "" when none.
func boldHead(line string) string {
	if !strings.HasPrefix(line, "**") {
		return ""
	}
	if i := strings.Index(line[2:], "**"); i > 0 {
		return line[:i+4]
	}
	return ""
}
