package handlers

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/intent"
	"casebot/bot/workcal"
)

// Two yes/no questions about a case or hearing shown are answered in the
// answer's first line, before the card: whether a deadline's work was done
// (行初133那个答辩状交没交, 复47答复交了没: done / open with its last day /
// overdue, from the deadline records), and whether a hearing's reminder was
// confirmed (孙局确认了没, 我明天的庭确认了没: from the reminders' own record).

// deadlineObjects name what a deadline asks for, by kind, longest first.
var deadlineObjects = []struct {
	kind  deadline.Kind
	words []string
}{
	{deadline.JudicialReply, []string{"司法建议"}},
	{deadline.ProcuratorialReply, []string{"检察建议"}},
	{deadline.Answer, []string{"答辩状", "答辩材料", "答辩书", "答辩", "举证材料"}},
	{deadline.Reply, []string{"答复材料", "答复书", "书面答复", "复议答复", "答复"}},
}

// doneAskRe asks whether something was handed in or replied (交没交,
// 交了没得, 回了没有, 搞了没).
var doneAskRe = regexp.MustCompile(`(?:交|提交|报|报送|搞|弄|回复|回|答复|发)(?:了|过)?(?:没有|没得|没|吗|不|么|否)|交没交|回没回|报没报|有没有(?:交|提交|回复|答复)|(?:弄|搞|办|写|做)好(?:了)?(?:没有|没得|没|吗|不|么)`)

// deadlineAsked is the kind of deadline whose state a message asks, if it
// asks one.
func deadlineAsked(text string) (deadline.Kind, bool) {
	t := intent.Normalize(text)
	if !doneAskRe.MatchString(t) {
		return "", false
	}
	for _, o := range deadlineObjects {
		for _, w := range o.words {
			if strings.Contains(t, w) {
				return o.kind, true
			}
		}
	}
	// 市监局交了没, 47号交没交: handed in with nothing named is the case's
	// answer (a 复议's 答复, deadlineState reads it so); what else one
	// hands in (整改报告, 原因分析, 上诉状) is named when it is meant.
	if bareHandedRe.MatchString(t) && !otherHandedRe.MatchString(t) {
		return deadline.Answer, true
	}
	return "", false
}

var (
	bareHandedRe  = regexp.MustCompile(`(?:交|提交)(?:了|过|上来了|上去了)?(?:没有|没得|没|吗|么)|交没交`)
	otherHandedRe = regexp.MustCompile(`整改|报告|分析|建议|上诉|材料|费|钱|款|罚`)
)

// confirmAskRe asks whether a hearing's head confirmed, answered or knows
// (确认了没, 他回了吗, 孙局知道了吗, 出庭的确认没).
var confirmAskRe = regexp.MustCompile(`确认(?:了|过)?(?:没有|没得|没|吗|不|么)|回(?:复)?(?:了)?(?:没有|没得|没|吗)|(?:知道|晓得)[^，,。？?]{0,10}?(?:没有|没得|没|吗|不)`)

// confirmAsked reports whether a message asks about the confirmation of a
// hearing (and not about a deadline's reply, 检察建议回了没).
func confirmAsked(text string) bool {
	if _, ok := deadlineAsked(text); ok {
		return false
	}
	t := intent.Normalize(text)
	return confirmAskRe.MatchString(t) && !otherAskRe.MatchString(t)
}

// whoConfirmedRe asks who, over the hearings asked, confirmed
// (谁确认了, 有没有人确认, 都有谁确认, 哪些领导确认了, 确认了几个).
var whoConfirmedRe = regexp.MustCompile(`(?:谁|哪个|哪位|哪些|有没有人|有人|几个人|几位|几个|多少)[^，,。？?]{0,6}?确认|确认(?:了|过)?(?:的)?(?:有)?(?:谁|哪些|几个|几场|多少|没有|没得|没|吗|不|么)`)

// whoConfirmedAsked reports whether a message asks which heads confirmed
// their hearings (and not about a deadline's reply).
func whoConfirmedAsked(text string) bool {
	if _, ok := deadlineAsked(text); ok {
		return false
	}
	return whoConfirmedRe.MatchString(intent.Normalize(text))
}

// otherAskRe asks something else with a 知道 in it (你知道117号几点开吗).
var otherAskRe = regexp.MustCompile(`你知道|您知道|知不知道|几点|什么时候|啥时候|哪天|几号|在哪|哪里|哪个法庭|谁`)

// stateFirst puts the state asked (a deadline's, a reminder's
// confirmation) in the first line of an answer that shows the case or
// hearing; other answers are left as they are.
func (s *service) stateFirst(c bot.Context, text string, u intent.Understanding, a *answer) error {
	if a.md == "" || len(a.shown) == 0 || len(a.claims) > 0 || a.states {
		return nil
	}
	kind, dl := deadlineAsked(text)
	if !dl && !confirmAsked(text) {
		return nil
	}
	cs, err := s.visible(c.Ctx(), c.Person(), a.shown, nil)
	if err != nil || len(cs) == 0 {
		return err
	}
	var line string
	if dl {
		if len(cs) != 1 {
			return nil
		}
		line = s.deadlineState(cs[0], kind, c)
	} else if line, err = s.confirmState(c, cs, u); err != nil {
		return err
	}
	if line == "" {
		return nil
	}
	a.md, a.noEcho = line+"\n\n"+a.md, true
	return nil
}

// deadlineState says whether the work of c's deadline of kind was done:
// done (on which day), open (its last day and the days left) or overdue.
func (s *service) deadlineState(c *cases.Case, kind deadline.Kind, ctx bot.Context) string {
	switch {
	case kind == deadline.Answer && c.Kind == cases.Reconsideration:
		kind = deadline.Reply // 复47答辩交了没: the respondent's 答复
	case kind == deadline.Reply && c.Kind == cases.Litigation:
		kind = deadline.Answer
	}
	rules := s.st.Deadlines
	what := map[deadline.Kind]string{deadline.Answer: "答辩状", deadline.Reply: "复议答复",
		deadline.JudicialReply: "司法建议的回复", deadline.ProcuratorialReply: "检察建议的回复"}[kind]
	short := "**" + c.Number + "**"
	d, ok := rules.Find(c, kind)
	if !ok {
		why := "台账未填写答辩举证提交日期，也未填写收到起诉状副本的日期"
		switch kind {
		case deadline.Reply:
			why = "台账未填写答复提交日期（答辩举证提交日期），也未填写收到复议申请书副本的日期"
		case deadline.JudicialReply, deadline.ProcuratorialReply:
			why = "台账未登记该案的" + strings.TrimSuffix(what, "的回复")
		}
		if (kind == deadline.Answer || kind == deadline.Reply) && !c.AnsweredOn.IsZero() {
			// Submitted, the day recorded; only the clock's start is missing.
			on := workcal.DateOf(c.AnsweredOn, ctx.Location())
			return fmt.Sprintf("%s 的%s**已提交**（%d月%d日）；台账未填写收到副本的日期，算不出期限。", short, what, on.Month, on.Day)
		}
		ask := "提交情况请向承办人" + c.Handler + "了解"
		if c.Handler == "" || c.Handler == ctx.Person().Name {
			ask = "请补填该日期"
		}
		return fmt.Sprintf("%s 的%s：%s，算不出期限，%s。", short, what, why, ask)
	}
	today := workcal.DateOf(ctx.Now(), ctx.Location())
	label := d.Kind.Label()
	if d.Estimated() {
		// No date of the 建议书 is recorded: the one shown is computed, and
		// says so (检察院那个建议要回吗 showed it as if recorded).
		basis := d.Basis
		if strings.Contains(basis, "deadlines.") {
			basis = "本地规定"
		}
		label += "（台账未登记建议书载明的期限，按" + basis + "自收到之日起" + d.Period + "推算）"
	}
	done := map[deadline.Kind]string{deadline.Answer: "已提交", deadline.Reply: "已提交"}[kind]
	if done == "" {
		done = "已回复"
	}
	switch {
	case d.Done:
		v := fmt.Sprintf("%s 的%s**%s**", short, what, done)
		if !d.DoneOn.IsZero() {
			v += fmt.Sprintf("（%d月%d日）", d.DoneOn.Month, d.DoneOn.Day)
		}
		return v + fmt.Sprintf("；%s：%s。", label, d.Plain(today))
	case d.Moot:
		return fmt.Sprintf("%s 已结案，台账未登记%s的提交日期。", short, what)
	}
	not := map[bool]string{true: "尚未提交", false: "尚未回复"}[kind == deadline.Answer || kind == deadline.Reply]
	state := "**" + not + "**"
	if d.DaysLeft(today) < 0 {
		state = "**" + not + "，已逾期**"
	}
	return fmt.Sprintf("%s 的%s%s（以台账登记为准）；%s：%s。", short, strings.TrimSuffix(what, "的回复"), state, label, d.Plain(today))
}

// confirmState says whether the head confirmed the hearing asked about:
// the first coming hearing of the cases shown (of the person named, when
// one is), else the last one held.
func (s *service) confirmState(c bot.Context, cs []*cases.Case, u intent.Understanding) (string, error) {
	now := c.Now()
	person := u.Person
	if u.Mine == intent.MineSelf {
		person = c.Person().Name
	}
	type pick struct {
		c *cases.Case
		h cases.Hearing
	}
	var coming []pick
	for _, k := range cs {
		for _, h := range k.ActiveHearings() {
			if h.At.After(now) && (person == "" || h.Head == person || k.Handler == person) {
				coming = append(coming, pick{k, h})
			}
		}
	}
	if len(coming) == 0 {
		return "", nil // nothing to come: the answer as it is
	}
	slices.SortStableFunc(coming, func(a, b pick) int { return a.h.At.Compare(b.h.At) })
	p := coming[0]
	sent, acked, err := s.remindedParts(c, p.c, &p.h, "")
	if err != nil {
		return "", err
	}
	head := ""
	if p.h.Head != "" {
		head = "（出庭负责人 " + p.h.Head + "）"
	}
	return fmt.Sprintf("%s %s的开庭%s：%s%s", shortNumber(p.c.Number), whenCN(p.h.At, now, c.Location()), head, acked, sent), nil
}

// shortNumber is a case number as people say it (行初117号, 复47号).
func shortNumber(number string) string {
	n, err := cases.ParseCanonical(number)
	if err != nil || n.Seq == 0 {
		return number
	}
	if strings.Contains(number, "复〔") {
		return fmt.Sprintf("复%d号", n.Seq)
	}
	return fmt.Sprintf("%s%d号", n.Type, n.Seq)
}
