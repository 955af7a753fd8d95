package handlers

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/intent"
)

// This file reads the turns of a conversation that only make sense with
// the one before: a continuation in time (那再往后呢), a correction (哦说错了
// 是明天的), a switch to the sibling category (复议 → 那诉讼这块呢), a fact of
// the case in focus, and a pick among the options the bot itself offered
// (明天有 3 场…哪一场 → 公安局那个).

// bare is a short reply reduced to its words: normalized, without
// punctuation, spaces and the particles that end a spoken question.
func bare(text string) string {
	t := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, intent.Normalize(text))
	for {
		r, ok := "", false
		for _, p := range []string{"呢", "嘞", "咧", "啊", "呀", "哦", "吧", "嘛"} {
			if v, cut := strings.CutSuffix(t, p); cut && v != "" {
				r, ok = v, true
				break
			}
		}
		if !ok {
			return t
		}
		t = r
	}
}

// laterRe is a continuation after a period answer: 那再往后呢, 之后呢,
// 再往后一周; group 1 is a date it starts from (月底以后呢, 12月1号以后).
var laterRe = regexp.MustCompile(`^(?:那|那么|然后)?(.*?)(?:再往后|往后|之后|以后|再后面|后面)(?:一点|一些|一周|一个星期|一个礼拜|一礼拜|一段|的)?$`)

// continuation reads a continuation in time after a list of hearings: the
// next span of the same length as the last one (下周 → 那再往后呢: the week
// after), or of that length from the date named (月底以后呢), with the same
// question. ok is false when text is no such continuation.
func continuation(text string, last *lastQuestion, opts intent.Options) (intent.Understanding, bool) {
	if last == nil || last.U.Kind != intent.Hearings || last.U.Period.IsZero() {
		return intent.Understanding{}, false
	}
	m := laterRe.FindStringSubmatch(bare(text))
	if m == nil {
		return intent.Understanding{}, false
	}
	p := last.U.Period
	days := int(math.Round(p.To.Sub(p.From).Hours() / 24))
	if days < 1 {
		days = 1
	}
	from := p.To
	if m[1] != "" {
		v, err := intent.Understand(m[1], opts)
		if err != nil || v.Period.IsZero() || hasRef(v) || hasWho(v) || len(v.Residue) > 0 {
			return intent.Understanding{}, false
		}
		from = v.Period.To // 月底以后: after the end of the month
		if v.Period.Day() {
			from = v.Period.From // 12月1号以后: from that day
		}
	}
	to := from.AddDate(0, 0, days)
	label := from.Format("1月2日") + "—" + to.AddDate(0, 0, -1).Format("1月2日")
	if days == 1 {
		label = from.Format("1月2日")
	}
	u := last.U
	u.Period = intent.Period{From: from, To: to, Label: label}
	u.Upcoming, u.TimeOfDay, u.Clock = false, "", ""
	u.Numbers, u.Short, u.Seq = nil, "", 0
	u.FollowUp, u.Anchored, u.Residue, u.Filler = true, true, nil, nil
	return u, true
}

// countOnlyRe is a bare count with nothing else asked: 有几个, 一共几场,
// 总共多少件, 那有几个庭.
var countOnlyRe = regexp.MustCompile(`^(?:那|那么)?(?:一共|总共|加起来)?(?:有|是)?(?:几个|几场|几件|多少个|多少场|多少件|多少)(?:庭|案子|案件|开庭)?$`)

// countOfLast reads a bare count (有几个, 一共几场) as the last question
// counted: the same list of hearings or cases, whose title gives the
// count. After one case (行初117什么时候开庭 → 有几个) it is the hearings
// of the filters that still make sense without that case — its period,
// agency, person or party — never that one case again; the title names
// what was kept. ok is false when text is no bare count.
func countOfLast(text string, u intent.Understanding, last *lastQuestion) (intent.Understanding, bool) {
	if last == nil || hasRef(u) || hasWho(u) || !u.Period.IsZero() || !countOnlyRe.MatchString(bare(text)) {
		return u, false
	}
	m := last.U
	switch m.Kind {
	case intent.Hearings, intent.Cases, intent.Count:
	case intent.Case, intent.Pick:
		m.Kind, m.Hearing = intent.Hearings, true
		m.Numbers, m.Short, m.Seq, m.Recon = nil, "", 0, false
	default:
		return u, false
	}
	m.Aspect, m.Each, m.Order = "", false, ""
	m.NotHeld = ""
	return following(m, u), true
}

// correctionRe opens a correction of the last question: 哦说错了 是明天的,
// 不是这个 是行初124, 搞错了 应该是市监局的.
var correctionRe = regexp.MustCompile(`^(?:哦|噢|喔|啊|呃|嗯|诶|哎)?(?:我)?(?:说错了|打错了|搞错了|弄错了|写错了|发错了|说错|打错|搞错|弄错|` +
	`不是这个案子|不是这个案件|不是这个庭|不是这个|不是这件|不是那个|不对不对|不是不是|不对|不是(?:[，,\s]*是))` +
	`[，,。.！!\s]*(?:应该是|我是说|我要的是|我说的是|我问的是|是)?`)

// correction returns the rest of a message that corrects the last
// question (哦说错了 是明天的 → 明天的); ok is false when it does not.
func correction(text string, last *lastQuestion) (string, bool) {
	if last == nil {
		return text, false
	}
	t := strings.TrimSpace(intent.Normalize(text))
	loc := correctionRe.FindStringIndex(t)
	if loc == nil || loc[0] != 0 {
		return text, false
	}
	rest := strings.TrimSpace(t[loc[1]:])
	if utf8.RuneCountInString(strings.Trim(rest, "的了呢啊吧。.，, ")) == 0 {
		return text, false
	}
	return rest, true
}

// litigationWords name lawsuits as a category (诉讼这块, 打官司的); 诉讼请求
// is an outcome's words, not the category.
var litigationRe = regexp.MustCompile(`(?:行政)?诉讼(?:这块|这边|那块|那边|方面|的|案件|案子)?|打官司的|官司`)

// sibling reads a switch to the sibling category with the last question
// kept (今年复议纠错了几个 → 那诉讼这块呢; 今年诉讼败诉率 → 复议呢): the
// category is set, the figure follows it (诉讼 counts 败诉 where 复议 counts
// 纠错), and the rest of the last question stays.
func sibling(text string, u intent.Understanding, last *lastQuestion) intent.Understanding {
	if last == nil || hasRef(u) || hasWho(u) {
		return u
	}
	switch last.U.Kind {
	case intent.Count, intent.Rates, intent.Cases:
	default:
		return u
	}
	t := intent.Normalize(text)
	if u.CaseKind == "" && !strings.Contains(t, "诉讼请求") && litigationRe.MatchString(t) {
		u.CaseKind = "行政诉讼"
		var rest []string
		for _, r := range u.Residue {
			r = litigationRe.ReplaceAllString(r, "")
			if r == "判" && u.Metric == "" {
				// 诉讼今年判了几个: those closed by a judgment.
				u.Metric, u.Outcome = intent.Closed, "判决"
				continue
			}
			if r != "" {
				rest = append(rest, r)
			}
		}
		u.Residue = rest
		if u.Kind == intent.Scope || u.Kind == intent.Unknown || u.Kind == intent.Help {
			u.Kind, u.Anchored = last.U.Kind, false
		}
		u.FollowUp = true
	}
	return u
}

// figureOfKind makes the figure follow the category after a switch: a 复议
// is corrected (纠错) where a lawsuit is lost (败诉).
func figureOfKind(u intent.Understanding) intent.Understanding {
	if !u.FollowUp {
		return u
	}
	switch u.CaseKind {
	case "行政诉讼":
		if u.Metric == intent.Corrected {
			u.Metric = intent.Lost
		}
		if u.Rate == intent.CorrectionRate {
			u.Rate = intent.LossRate
		}
	case "行政复议":
		if u.Metric == intent.Lost {
			u.Metric = intent.Corrected
		}
		if u.Rate == intent.LossRate {
			u.Rate = intent.CorrectionRate
		}
	}
	return u
}

// focusCase is the one case a conversation is about, when the last answer
// showed exactly one (a card, a party's only case, a pick).
func focusCase(last *lastQuestion) (string, bool) {
	if last == nil || len(last.Shown) != 1 {
		return "", false
	}
	switch last.U.Kind {
	case intent.Case, intent.Cases, intent.Pick:
		return last.Shown[0], true
	}
	return "", false
}

// ofFocus asks a suggestion's content of the case in focus (行初85 →
// 内容是啥, 司法建议写的啥) rather than counting this year's suggestions.
func ofFocus(u intent.Understanding, last *lastQuestion) intent.Understanding {
	n, ok := focusCase(last)
	if !ok || u.Aspect != intent.Advice || hasRef(u) || hasWho(u) || !u.Period.IsZero() || u.Scoped && !u.Reference {
		return u // 检察建议有哪些: every case's, not the one in focus
	}
	u.Kind, u.Metric, u.Numbers, u.Anchored = intent.Case, "", []string{n}, true
	return u
}

// bulletinPart reads an agency named right after a bulletin (公安局那段单独
// 发我, 只看自然资源局的) as that agency's section of the same bulletin.
func bulletinPart(u intent.Understanding, last *lastQuestion) intent.Understanding {
	if last == nil || last.U.Kind != intent.Bulletin || len(u.Agencies) != 1 || hasRef(u) ||
		u.Party != "" || u.Person != "" || u.Mine != "" || !u.Period.IsZero() || u.Metric != "" || u.Rate != "" {
		return u
	}
	if u.Kind != intent.Cases && u.Kind != intent.Bulletin {
		return u
	}
	m := last.U
	m.Agency, m.Agencies = u.Agency, u.Agencies
	m.Filler, m.Residue, m.FollowUp, m.Anchored = u.Filler, nil, true, true
	return m
}

// heardRe and undecidedRe find 开完庭还没判的 in its wordings: a hearing
// held, and the case not decided yet.
var (
	heardRe     = regexp.MustCompile(`开完庭|开了庭|开过庭|开庭了|庭开完|庭开过|已开庭|开完了`)
	undecidedRe = regexp.MustCompile(`没判|未判|没出结果|没有结果|还没结果|没结|未结|没宣判|待判`)
)

// heardOpen reads 开完庭还没判的 (开了庭还没出结果的) as the open cases that
// have been heard, whatever aspect word its second half also made.
func heardOpen(text string, u intent.Understanding) intent.Understanding {
	t := intent.Normalize(text)
	if hasRef(u) || !heardRe.MatchString(t) || !undecidedRe.MatchString(t) {
		return u
	}
	u.Kind, u.Metric, u.Aspect, u.Held, u.Anchored = intent.Count, intent.Open, intent.Held, true, true
	u.Hearing, u.Period = false, intent.Period{}
	var rest []string
	for _, r := range u.Residue {
		if r != "没" && r != "还没" {
			rest = append(rest, r)
		}
	}
	u.Residue = rest
	return u
}

// numberAskRe asks for a case's full 案号 in the forms the aspect words
// miss once 发我/给我 are read as filler (案号发我, 完整案号给我一下).
var numberAskRe = regexp.MustCompile(`(?:案号|按号)(?:发我|给我|发一下|发过来|全称|是多少|多少)|(?:完整|全称)的?(?:案号|按号)`)

// numberAsked reads 案号发我 as the 案号 of the case in question.
func numberAsked(text string, u intent.Understanding) intent.Understanding {
	if u.Aspect != "" || !numberAskRe.MatchString(intent.Normalize(text)) {
		return u
	}
	switch u.Kind {
	case intent.Help, intent.Case, intent.Scope, intent.Unknown:
		u.Kind, u.Aspect, u.Anchored = intent.Case, intent.Number, true
	}
	return u
}

// memAsk names the question the bot asked back with options (which
// hearing a report means, which case of a list a fact is asked of): the
// next message may pick one of them.
const memAsk = "query.ask"

// pendingPick is that question: the options (case numbers, as shown) and
// what to do with the one picked: send Text again with its number (a
// report that named no hearing), or ask U of it (a fact after a list).
type pendingPick struct {
	Options []string              `json:"options"`
	Text    string                `json:"text,omitempty"`
	U       *intent.Understanding `json:"u,omitempty"`
	// Explain marks the candidates of a write-up the explain handlers
	// offered: a pick with instructions (第二个 写短点) writes that case.
	Explain bool `json:"explain,omitempty"`
}

// picked resolves a reply to the bot's own question among options: 第二个,
// a number among them (行初117, 117那个), an agency or party that only one
// of them has (公安局那个), or the day of the only one heard then (12号那个).
// A reply that asks something else (a new question) picks nothing.
func (s *service) picked(c bot.Context, text string, p *pendingPick) (string, bool, error) {
	if p == nil || len(p.Options) == 0 || utf8.RuneCountInString(bare(text)) > 14 {
		return "", false, nil
	}
	if len(p.Options) == 1 && yesWords[bare(text)] {
		return p.Options[0], true, nil // 是这件吗 → 对
	}
	v, err := intent.Understand(text, s.options(c, c.Person()))
	if err != nil {
		return "", false, err
	}
	if v.Aspect != "" || v.Metric != "" || v.Rate != "" || v.Rank != "" || v.News != nil ||
		v.Kind == intent.Bulletin || v.Kind == intent.Explain || v.Kind == intent.More {
		return "", false, nil
	}
	if v.Kind == intent.Pick && v.Ordinal >= 1 && v.Ordinal <= len(p.Options) {
		return p.Options[v.Ordinal-1], true, nil
	}
	cs, err := s.visible(c.Ctx(), c.Person(), p.Options, nil)
	if err != nil {
		return "", false, err
	}
	names := s.scope.Agencies()
	var hits []string
	for _, cs := range cs {
		num, _ := cases.ParseNumber(cs.Number)
		ok := false
		switch {
		case len(v.Numbers) > 0:
			ok = slices.Contains(v.Numbers, cs.Number)
		case v.Seq > 0:
			ok = num.Seq == v.Seq
		case len(v.Agencies) > 0:
			ok = slices.ContainsFunc(cs.Defendants, func(d string) bool {
				return slices.ContainsFunc(v.Agencies, func(a string) bool { return names.Same(a, d) })
			})
		case v.Party != "":
			ok = slices.ContainsFunc(cs.Plaintiffs, func(pt cases.Party) bool { return strings.Contains(pt.Name, v.Party) })
		case v.Period.Day():
			ok = slices.ContainsFunc(cs.ActiveHearings(), func(h cases.Hearing) bool {
				return !h.At.Before(v.Period.From) && h.At.Before(v.Period.To)
			})
		}
		if ok {
			hits = append(hits, cs.Number)
		}
	}
	if len(hits) != 1 {
		return "", false, nil
	}
	return hits[0], true, nil
}

// yesWords answer the bot's own yes/no question (按您的描述找到 1 件，是这件吗).
var yesWords = map[string]bool{"对": true, "对的": true, "是": true, "是的": true, "是这件": true, "就是这件": true, "就是这个": true,
	"就是它": true, "没错": true, "对对": true, "对对对": true, "嗯": true, "嗯嗯": true, "好": true, "好的": true, "可以": true, "行": true}

// retryText is a report sent again with the case picked named first.
func retryText(number, text string) string { return fmt.Sprintf("%s %s", number, text) }
