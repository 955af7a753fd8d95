package handlers

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/intent"
	"casebot/bot/people"
	"casebot/bot/store"
)

// Two writes typed in free text (intent.FieldWrite): the 出庭负责人 of a
// hearing, and a deadline's work done. Staff and admins get the change to
// confirm (echo → 确认), as with any chat update. A head proposing who
// appears in their place, or a head or handler reporting a deadline done,
// is forwarded to the 专班 with the change waiting for a staff member's
// 确认登记; 普法 and strangers are told who records it. Nothing is written
// without 确认.

const (
	opSetHead      = "set-head"
	opDeadlineDone = "deadline-done"
)

// headRule is who may appear as 负责人 (法释〔2020〕3号), said to a head who
// sends someone in their place.
const headRule = "按法释〔2020〕3号第2条，出庭应诉的负责人是行政机关的正职、副职或参与分管被诉行为的负责人；" +
	"第5条，庭前可以申请更换出庭负责人，请一并向法院提交新出庭负责人的身份证明（写明姓名、职务并加盖公章）。"

// notHeadText is said when the person sent is recorded as staff, not a head.
const notHeadText = "按法释〔2020〕3号第2条，承办人等工作人员出庭不算负责人出庭。负责人确因不可抗力、意外事件、" +
	"需本人处理的公务等正当理由不能出庭的，应提交加盖公章的书面说明，由相应的工作人员出庭（第8–10条）。"

func (s *service) fieldWrite(c bot.Context, up intent.Update, prev *lastQuestion) error {
	viewer := c.Person()
	what := map[intent.UpdateKind]string{intent.SetHead: "出庭负责人", intent.DeadlineDone: "期限完成情况",
		intent.DocServed: "裁判文书送达日期", intent.CopyReceived: "收到副本日期"}[up.Kind]
	switch {
	case viewer.Bureau():
	case viewer.Role == people.Head && up.Kind == intent.SetHead, viewer.Role == people.Head || viewer.Role == people.Handler:
	default:
		if err := s.record(c, audit.Refused, string(up.Kind), 0, up.Numbers, "无修改权限：口述"+what); err != nil {
			return err
		}
		return c.Reply("台账的" + what + "由司法局应诉专班登记，这次我未作任何记录，也未转告。请告知专班或本单位的承办人。")
	}
	if up.Kind == intent.SetHead && !viewer.Bureau() && viewer.Role != people.Head && !up.Held {
		if err := s.record(c, audit.Refused, string(up.Kind), 0, up.Numbers, "无修改权限：承办人更换出庭人"); err != nil {
			return err
		}
		return c.Reply("更换出庭负责人须由本单位负责人决定，并由司法局应诉专班登记，这次我未作任何记录。" + headRule)
	}
	if len(up.Numbers) == 0 {
		// 117号, 复47: the numbers as the understanding step reads and
		// completes them for this asker.
		u, err := intent.Understand(c.Message().Text, s.options(c, viewer))
		if err != nil {
			return err
		}
		if up.Numbers, err = s.reportNumbers(c, u); err != nil {
			return err
		}
		if len(up.Numbers) == 0 && !hasRef(u) && u.Party != "" && up.Kind != intent.CopyReceived {
			// 张三那个答辩交了: the party's one case the asker may see (a copy
			// received reads its party itself: a 复议 copy is of a 复议 case).
			if up.Numbers, err = s.partyCase(c, u.Party); err != nil {
				return err
			}
		}
		if len(up.Numbers) > 0 && up.Short == "" {
			up.Short = strings.Join(up.Numbers, "、")
		}
	}
	paper := up.Kind == intent.DocServed || up.Kind == intent.CopyReceived
	if len(up.Numbers) == 0 && up.Party == "" && prev != nil && len(prev.Shown) == 1 &&
		(up.Kind == intent.DeadlineDone || paper || up.Kind == intent.SetHead && up.Delegated) {
		// 明天我的庭 → 让周洁去行不: the hearing just shown.
		// 答辩状今天交了 after one case; not 市监局的答复交了 after another agency's.
		if ok, err := s.focusAgrees(c, prev.Shown[0]); err != nil {
			return err
		} else if ok {
			up.Numbers = append([]string(nil), prev.Shown...)
		}
	}
	switch {
	case up.Kind == intent.SetHead:
		return s.headWrite(c, up)
	case paper:
		return s.paperWrite(c, up)
	}
	return s.doneWrite(c, up)
}

// headWrite proposes the 出庭负责人 of the hearing the message means:
// the case's next hearing, or the hearing that matches what it says (the
// same matching as a change report, so it is never a guessed one).
func (s *service) headWrite(c bot.Context, up intent.Update) error {
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	u, err := intent.Understand(c.Message().Text, s.options(c, viewer))
	if err != nil {
		return err
	}
	u.Numbers, u.Short, u.Seq = up.Numbers, up.Short, 0
	if u.Person == "" || sameSurname(u.Person, up.Head) {
		u.Person = "" // the person named is the new head, not a filter
	} // else 明天孙局那个庭出庭的换成王副局长: 孙局 names the hearing
	u.Mine = ""
	if viewer.Role == people.Head {
		u.Mine = intent.MineSelf
	}
	if u.Period.IsZero() && u.TimeOfDay != "" && len(u.Numbers) == 0 {
		// 上午出庭的是王刚副局长: a half-day with no day is today's.
		u.Period = intent.Today(now)
	}
	h, several, err := s.reportedHearing(c, u)
	if err != nil {
		return err
	}
	// The person sent, when the directory knows them: a staff member is no
	// 负责人, and nothing is proposed, whichever hearing is meant.
	dir, err := s.st.People(c.Ctx())
	if err != nil {
		return err
	}
	var staffer *people.Person
	for _, p := range dir {
		if p.Name == up.Head && p.Role != people.Head && up.HeadPost == "" {
			staffer = p
		}
	}
	if h == nil && staffer != nil && len(several) > 0 {
		// 我的庭 (several) → 我安排王芳替我去: the rule needs no hearing.
		if err := s.record(c, audit.Update, string(up.Kind), 0, nil, "非负责人："+up.Head); err != nil {
			return err
		}
		return c.ReplyMarkdown(fmt.Sprintf("%s在名单中是%s（%s），不是负责人，不能代替负责人出庭，这次未登记为出庭负责人。%s\n\n如改由本单位其他负责人出庭，请写明案号，例如“%s出庭的换成某某副局长”（写明姓名和职务），专班确认后登记。",
			staffer.Name, roleWord(staffer.Role), orWord(staffer.Post, "无职务"), notHeadText, shortNumber(several[0].Case.Number)))
	}
	if h == nil {
		u.News = &intent.Report{}
		var a answer
		if len(several) > 0 {
			a = s.whichHearing(c, u, several)
		} else if a, err = s.noReportedHearing(c, u, answer{noEcho: true, action: audit.Update, detail: "出庭负责人：未找到开庭"}); err != nil {
			return err
		}
		if err := s.recordAnswer(c, u, a, 0); err != nil {
			return err
		}
		return c.ReplyMarkdown(a.md)
	}
	calledBy := shortTitleRe.MatchString(up.Head) ||
		// 孙局 read as 孙局长: a deputy is called so too (孙强 副局长)
		up.HeadPost == "" && titleOnlyRe.MatchString(up.Head) && strings.HasSuffix(up.Head, "局长") && strings.HasSuffix(h.Hearing.HeadPost, "局长")
	if h.Hearing.Head == up.Head || calledBy && strings.HasPrefix(h.Hearing.Head, string([]rune(up.Head)[:1])) {
		// 出庭的是孙局 of 孙强's hearing: already so.
		return c.ReplyMarkdown(fmt.Sprintf("**%s** %s的开庭，出庭负责人已登记为%s，无需修改。", h.Case.Number, whenCN(h.Hearing.At, now, loc), headText(h.Hearing)))
	}
	which := fmt.Sprintf("**%s** %s的开庭（出庭负责人 %s）：", h.Case.Number, whenCN(h.Hearing.At, now, loc), orNone(headText(h.Hearing)))
	howTo := fmt.Sprintf("如改由本单位其他负责人出庭，请发送“%s出庭的换成某某副局长”（写明姓名和职务），专班确认后登记。", shortNumber(h.Case.Number))
	if p := staffer; p != nil {
		if err := s.record(c, audit.Update, string(up.Kind), 0, []string{h.Case.Number}, "非负责人："+up.Head); err != nil {
			return err
		}
		return c.ReplyMarkdown(fmt.Sprintf("%s%s在名单中是%s（%s），不是负责人，不能代替负责人出庭，这次未登记为出庭负责人。%s\n\n%s",
			which, p.Name, roleWord(p.Role), orWord(p.Post, "无职务"), notHeadText, howTo))
	}
	if up.HeadPost == "" && nicknameRe.MatchString(up.Head) {
		// 叫小王替我去: a colleague by nickname, no 负责人 by any post
		// written; nothing is proposed.
		if err := s.record(c, audit.Update, string(up.Kind), 0, []string{h.Case.Number}, "非负责人："+up.Head); err != nil {
			return err
		}
		return c.ReplyMarkdown(fmt.Sprintf("%s%s不在人员名单中，也未写明职务，这次未登记为出庭负责人。%s\n%s\n\n%s",
			which, up.Head, headRule, notHeadText, howTo))
	}
	ch := &caseChange{Kind: intent.SetHead, Number: h.Case.Number, Op: opSetHead, HearingID: h.Hearing.ID, From: h.Hearing.At,
		Head: up.Head, HeadPost: up.HeadPost}
	v := up.Head
	if up.HeadPost != "" {
		v += "（" + up.HeadPost + "）"
	}
	lines := []string{"**请核对以下修改**", "> 案号：" + h.Case.Number, "> " + whenCN(h.Hearing.At, now, loc) + " 的开庭",
		"> 出庭负责人：" + orNone(headText(h.Hearing)) + " → " + v}
	if !up.Delegated && h.Hearing.At.Before(now) && (h.Hearing.HeadAppeared == nil || up.Held && !*h.Hearing.HeadAppeared) {
		// 今天上午出庭的是王副局长, told after the hearing: who appeared,
		// and that a 负责人 did.
		yes := true
		ch.Appeared = &yes
		lines = append(lines, "> 负责人是否出庭："+map[bool]string{true: "未登记", false: "未出庭"}[h.Hearing.HeadAppeared == nil]+" → 已出庭")
	}
	if up.HeadPost == "" && titleOnlyRe.MatchString(up.Head) {
		lines = append(lines, "（只写了姓和职务，请核对姓名）")
	}
	summary := strings.Join(lines, "\n")
	if viewer.Bureau() {
		return s.propose(c, &pending{Summary: summary, Case: ch})
	}
	p := &pending{Author: c.UserID(), Summary: summary, Case: ch}
	line := fmt.Sprintf("拟登记：出庭负责人改为 %s\n回复“确认登记”即登记到台账（%d 小时内有效）。", v, int(newsTTL.Hours()))
	title := "【更换出庭负责人】"
	if ch.Appeared != nil {
		line = fmt.Sprintf("拟登记：出庭负责人改为 %s，负责人已出庭\n回复“确认登记”即登记到台账（%d 小时内有效）。", v, int(newsTTL.Hours()))
		title = "【出庭情况】"
	}
	forwarded, err := s.toStaff(c, title, h, line, p)
	if err != nil {
		return err
	}
	if err := s.record(c, audit.Update, string(up.Kind), 0, []string{h.Case.Number}, "转专班：更换出庭负责人 "+v); err != nil {
		return err
	}
	msg := fmt.Sprintf("收到。您说的是 **%s** %s的开庭，拟由 %s 出庭。已转司法局应诉专班，专班确认后登记到台账；此后的开庭提醒发给登记的出庭负责人（不在人员名单中的，发给本单位负责人）。\n\n%s",
		h.Case.Number, whenCN(h.Hearing.At, now, loc), v, headRule)
	if ch.Appeared != nil || up.Held && !up.Delegated && h.Hearing.At.Before(now) {
		// Told after the hearing: who appeared, not a head to send (the
		// appearance itself may be registered already: 是，已出庭 tapped).
		// 陈局不是本人去的 是赵副局长代的 要改吗: whether it must change is
		// answered too — the one who appeared is registered, and it counts.
		done := "专班确认后登记该次开庭的出庭负责人和“负责人已出庭”"
		if ch.Appeared == nil {
			done = "专班确认后更正该次开庭的出庭负责人（“负责人已出庭”已登记）"
		}
		msg = fmt.Sprintf("收到。您说的是 **%s** %s的开庭，由 %s 出庭。需要更正：台账登记的出庭负责人应为实际出庭的人；由本单位其他负责人出庭的，同样计为负责人出庭。已转司法局应诉专班，%s；这次我未直接修改台账。",
			h.Case.Number, whenCN(h.Hearing.At, now, loc), v, done)
	}
	if !forwarded {
		msg += "\n（系统中没有登记应诉专班，未能转告，请直接电话联系司法局应诉专班。）"
	}
	if err := focusOn(c, h.Case.Number); err != nil {
		return err
	}
	return c.ReplyMarkdown(msg)
}

// nicknameRe is a colleague named the familiar way (小王, 老李): no post.
var nicknameRe = regexp.MustCompile(`^[小老]\p{Han}$`)

// titleOnlyRe is a head written as surname and title (张局长).
var titleOnlyRe = regexp.MustCompile(`^\p{Han}(?:副?局长|副?县长|副?镇长|副?主任|政委|副?书记|副?队长|副?所长)$`)

// shortTitleRe is a head written as surname and a short title (孙局, 何县).
var shortTitleRe = regexp.MustCompile(`^\p{Han}(?:局|县|镇|主任|书记|队|所)$`)

func roleWord(r people.Role) string {
	return map[people.Role]string{people.Handler: "承办人", people.Staff: "司法局工作人员", people.Admin: "管理员", people.Pufa: "普法工作人员"}[r]
}

// doneWrite proposes that a deadline's work was done on the day said.
func (s *service) doneWrite(c bot.Context, up intent.Update) error {
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	if len(up.Numbers) == 0 && !viewer.Bureau() {
		// 答辩状和证据昨天交了 from a handler: their one case whose period
		// for that work is running, or the one open case of theirs; several,
		// they are asked which (a reply naming one carries on).
		n, asked, err := s.soleOwnCase(c, up)
		if err != nil || asked {
			return err
		}
		if n != "" {
			up.Numbers, up.Short = []string{n}, shortNumber(n)
		}
	}
	if len(up.Numbers) == 0 {
		if err := s.record(c, audit.Update, string(up.Kind), 0, nil, "未写明案号：期限完成"); err != nil {
			return err
		}
		return c.Reply("请写明是哪个案件，这次没有作任何修改。例如“行初133答辩状今天交了”。")
	}
	cs, err := s.visible(c.Ctx(), viewer, up.Numbers, nil)
	if err != nil {
		return err
	}
	if len(cs) == 0 {
		msg := "没有找到您可以查看的案件 " + strings.Join(up.Numbers, "、") + "。"
		a := answer{md: msg + "这次没有作任何修改，请核对案号后再发。", noEcho: true, action: audit.Update, detail: "期限完成：案件不存在或不可见",
			claims: []claim{{Text: msg, What: claimCases, Q: query{Numbers: up.Numbers}}}}
		if err := s.recordAnswer(c, intent.Understanding{Kind: intent.Case, Numbers: up.Numbers}, a, 0); err != nil {
			return err
		}
		return c.ReplyMarkdown(a.md)
	}
	if len(cs) > 1 {
		return c.Reply("“" + up.Short + "”对应多个案件，请写出完整案号后重新发送，这次没有作任何修改。")
	}
	k := cs[0]
	kind := deadline.Kind(up.Deadline)
	switch {
	case kind == deadline.Answer && k.Kind == cases.Reconsideration:
		kind = deadline.Reply
	case kind == deadline.Reply && k.Kind == cases.Litigation:
		kind = deadline.Answer
	}
	d, ok := s.st.Deadlines.Find(k, kind)
	short := k.Number
	answer := kind == deadline.Answer || kind == deadline.Reply
	switch {
	case !ok && (!answer || !k.AnsweredOn.IsZero()):
		// A closed case whose 答辩 date was never written (85号举证材料已提交)
		// still gets it recorded: the ledger is the record, not the clock.
		return c.ReplyMarkdown(s.deadlineState(k, kind, c) + "这次没有作任何修改。")
	case ok && d.Done:
		return c.ReplyMarkdown(s.deadlineState(k, kind, c) + "无需再登记。")
	case up.At.After(now):
		return c.Reply("日期晚于今天，请核对，这次没有作任何修改。")
	case beforeFiling(k, up.At, loc):
		// 12月1号交的 read as last year's (a day to come is no work done):
		// before the case was filed it is a slip.
		return c.Reply(fmt.Sprintf("%s早于该案立案日期%s，请核对日期，这次没有作任何修改。", cnDate(up.At, loc), cnDate(k.FiledOn, loc)))
	}
	ch := &caseChange{Kind: intent.DeadlineDone, Number: k.Number, Op: opDeadlineDone, At: up.At, Reason: string(kind)}
	lines := []string{"**请核对以下修改**", "> 案号：" + k.Number,
		fmt.Sprintf("> %s：登记为 %s 已%s", kind.Label(), cnDate(up.At, loc), map[bool]string{true: "提交", false: "回复"}[kind == deadline.Answer || kind == deadline.Reply])}
	if !ok {
		// The date the copy was received is missing: the submission is
		// recorded all the same, and the period cannot be computed.
		lines = append(lines, "（台账未填写收到副本的日期，算不出答辩期限，请一并补填）")
	}
	summary := strings.Join(lines, "\n")
	if viewer.Bureau() {
		return s.propose(c, &pending{Summary: summary, Case: ch})
	}
	p := &pending{Author: c.UserID(), Summary: summary, Case: ch}
	line := fmt.Sprintf("拟登记：%s %s 已完成\n回复“确认登记”即登记到台账（%d 小时内有效）。", kind.Label(), cnDate(up.At, loc), int(newsTTL.Hours()))
	forwarded, err := s.toStaff(c, "【期限完成】", &store.ScheduledHearing{Case: k}, line, p)
	if err != nil {
		return err
	}
	if err := s.record(c, audit.Update, string(up.Kind), 0, []string{k.Number}, "转专班：期限完成"); err != nil {
		return err
	}
	msg := fmt.Sprintf("收到。已将 **%s** 的%s完成情况（%s）转告司法局应诉专班，专班确认后登记到台账。", short, kind.Label(), cnDate(up.At, loc))
	if !forwarded {
		msg += "\n（系统中没有登记应诉专班，未能转告，请直接电话联系司法局应诉专班。）"
	}
	return c.ReplyMarkdown(msg)
}

// applyField applies a confirmed SetHead or DeadlineDone change to cs.
func applyField(cs *cases.Case, ch *caseChange, loc *time.Location) error {
	switch ch.Op {
	case opSetHead:
		h, err := sameHearing(cs, ch, loc)
		if err != nil {
			return err
		}
		h.Head, h.HeadPost = ch.Head, ch.HeadPost
		if ch.Appeared != nil && h.HeadAppeared == nil {
			v := *ch.Appeared
			h.HeadAppeared = &v
		}
	case opServed:
		cs.ServedOn = ch.At
	case opCopyReceived:
		cs.CopyReceivedOn = ch.At
	case opDeadlineDone:
		switch deadline.Kind(ch.Reason) {
		case deadline.Answer, deadline.Reply:
			cs.AnsweredOn = ch.At
		case deadline.JudicialReply, deadline.ProcuratorialReply:
			want := map[deadline.Kind]cases.SuggestionKind{deadline.JudicialReply: cases.JudicialSuggestion,
				deadline.ProcuratorialReply: cases.ProcuratorialSuggestion}[deadline.Kind(ch.Reason)]
			for i := range cs.Suggestions {
				if cs.Suggestions[i].Kind == want && cs.Suggestions[i].RepliedOn.IsZero() {
					cs.Suggestions[i].RepliedOn = ch.At
					return nil
				}
			}
			return changedMeanwhile("该建议已登记回复")
		}
	}
	return nil
}

// toStaff forwards a write told by a head or handler to the 专班, with the
// case (and the hearing, when there is one) and the change waiting for
// their 确认登记.
func (s *service) toStaff(c bot.Context, title string, h *store.ScheduledHearing, line string, p *pending) (bool, error) {
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	who := viewer.Name + viewer.Post
	if viewer.Agency != "" {
		who += "（" + viewer.Agency + "）"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s%s 报：“%s”\n", title, who, strings.TrimSpace(c.Message().Text))
	fmt.Fprintf(&b, "案件：%s %s\n", h.Case.Number, s.parties(&people.Person{Role: people.Staff}, h.Case))
	if !h.Hearing.At.IsZero() {
		fmt.Fprintf(&b, "开庭：%s，现登记的出庭负责人 %s\n", whenCN(h.Hearing.At, now, loc), orNone(headText(h.Hearing)))
	}
	b.WriteString(line)
	return s.sendStaff(c, b.String(), p)
}

// cnDate is a day as a reply says it: 2026年11月18日.
func cnDate(t time.Time, loc *time.Location) string {
	y, m, d := t.In(loc).Date()
	return fmt.Sprintf("%d年%d月%d日", y, int(m), d)
}

// focusDone reads a report of work done that names neither the work nor the
// case (刚交了 帮我登记, 已经回了 昨天交的) as the deadline of the one case the
// last answer was about: its 答辩/答复 deadline when that was asked
// (行初133答辩期限), its 司法建议 or 检察建议 when that was shown. ok is false
// when the last answer was about no single deadline of one case: the
// message is then read as any other.
func focusDone(text string, prev *lastQuestion, o intent.Options) (intent.Update, bool) {
	if prev == nil || len(prev.Shown) != 1 {
		return intent.Update{}, false
	}
	up, ok := intent.BareDone(text, o)
	if !ok {
		return up, false
	}
	p := prev.U
	switch {
	case p.Suggestion == "司法建议":
		up.Deadline = string(deadline.JudicialReply)
	case p.Suggestion == "检察建议":
		up.Deadline = string(deadline.ProcuratorialReply)
	case p.Aspect == intent.Deadline && len(p.DeadlineKinds) == 1 &&
		(p.DeadlineKinds[0] == string(deadline.Answer) || p.DeadlineKinds[0] == string(deadline.Reply)):
		up.Deadline = p.DeadlineKinds[0]
	default:
		return up, false
	}
	up.Numbers = append([]string(nil), prev.Shown...)
	up.Short = strings.Join(up.Numbers, "、")
	return up, true
}

// partyCase is the one case of a party that the asker may see, as a
// number list of one; none or several give nil (the caller then asks).
func (s *service) partyCase(c bot.Context, party string) ([]string, error) {
	numbers, err := s.st.PartyNumbers(c.Ctx(), party)
	if err != nil || len(numbers) == 0 {
		return nil, err
	}
	cs, err := s.visible(c.Ctx(), c.Person(), numbers, nil)
	if err != nil || len(cs) != 1 {
		return nil, err
	}
	return []string{cs[0].Number}, nil
}

// focusReceived reads the day a copy was received told alone (十一月五号收到
// 的) after an answer about one case's deadline, the answer that could not
// count it without that day, as that case's 收到副本日期. ok is false
// otherwise.
func focusReceived(text string, prev *lastQuestion, o intent.Options) (intent.Update, bool) {
	if prev == nil || len(prev.Shown) != 1 || prev.U.Aspect != intent.Deadline && prev.U.Kind != intent.Deadlines {
		return intent.Update{}, false
	}
	up, ok := intent.BareReceived(text, o)
	if !ok {
		return up, false
	}
	up.Numbers = append([]string(nil), prev.Shown...)
	up.Short = strings.Join(up.Numbers, "、")
	return up, true
}

// soleOwnCase finds the case a head or handler means when they report work
// done without naming it: of the open cases they handle (or, for a head, of
// their hearings and their agency's), the only one whose period for that
// work is running and not yet met; else the only open one. Several, it asks
// which, listing them, and asked is true. None, n is "" and the caller asks
// for the number.
func (s *service) soleOwnCase(c bot.Context, up intent.Update) (n string, asked bool, err error) {
	viewer := c.Person()
	if viewer == nil || viewer.Name == "" {
		return "", false, nil
	}
	numbers, err := s.st.PersonNumbers(c.Ctx(), viewer.Name)
	if err != nil {
		return "", false, err
	}
	if len(numbers) == 0 && viewer.Role == people.Head {
		if numbers, err = s.ownNumbers(c.Ctx(), viewer); err != nil {
			return "", false, err
		}
	}
	cs, err := s.visible(c.Ctx(), viewer, numbers, nil)
	if err != nil {
		return "", false, err
	}
	var open, running []*cases.Case
	for _, k := range cs {
		if !k.Open() && !(up.Deadline == string(deadline.JudicialReply) || up.Deadline == string(deadline.ProcuratorialReply)) {
			continue
		}
		kind := deadline.Kind(up.Deadline)
		switch {
		case kind == deadline.Answer && k.Kind == cases.Reconsideration:
			kind = deadline.Reply
		case kind == deadline.Reply && k.Kind == cases.Litigation:
			kind = deadline.Answer
		}
		if d, ok := s.st.Deadlines.Find(k, kind); ok && !d.Done {
			running = append(running, k)
		}
		if k.Open() {
			open = append(open, k)
		}
	}
	pick := running
	slices.SortFunc(running, func(a, b *cases.Case) int { return strings.Compare(a.Number, b.Number) })
	slices.SortFunc(open, func(a, b *cases.Case) int { return strings.Compare(a.Number, b.Number) })
	if len(pick) == 0 && up.Deadline != string(deadline.JudicialReply) && up.Deadline != string(deadline.ProcuratorialReply) {
		pick = open
	}
	switch len(pick) {
	case 0:
		return "", false, nil
	case 1:
		return pick[0].Number, false, nil
	}
	var lines, shown []string
	for i, k := range pick[:min(len(pick), s.pageSize)] {
		lines = append(lines, fmt.Sprintf("%d. **%s** %s", i+1, k.Number, s.parties(viewer, k)))
		shown = append(shown, k.Number)
	}
	if err := s.record(c, audit.Update, string(up.Kind), 0, nil, "未写明案号：期限完成，列出候选"); err != nil {
		return "", true, err
	}
	if err := c.Memory().Remember(memAsk, &pendingPick{Options: shown, Text: c.Message().Text}); err != nil {
		return "", true, err
	}
	return "", true, c.ReplyMarkdown("收到。您说的是哪一个案件？回复序号或案号即可（例如“第一个”或“" + shortNumber(pick[0].Number) +
		"”），这次没有作任何修改：\n\n" + strings.Join(lines, "\n"))
}

// Two dates told on receiving a paper (intent.DocServed, CopyReceived):
// the judgment or ruling served on the agency, which starts the appeal
// period, and the 起诉状副本 or 复议申请书副本 received, which starts the
// 答辩/答复 period. Written like a deadline's work done: staff confirm,
// a head or handler is forwarded to the 专班.

const (
	opServed       = "served"
	opCopyReceived = "copy-received"
)

// paperLabel is the ledger's column for the date a paper was received.
func paperLabel(up intent.Update, k *cases.Case) string {
	switch {
	case up.Kind == intent.DocServed:
		return "裁判文书送达日期"
	case k != nil && k.Kind == cases.Reconsideration, k == nil && up.Review:
		return "收到复议申请书副本日期"
	}
	return "收到起诉状副本日期"
}

// paperWrite proposes the date a paper was received on the case meant:
// the one named (by number, or for a copy by its 原告/申请人), else the
// case in focus (the caller has set it), else for a head or handler their
// only case still lacking that date; several, it asks which.
func (s *service) paperWrite(c bot.Context, up intent.Update) error {
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	if len(up.Numbers) == 0 && up.Seq > 0 {
		// 判决书11月16号收到的 85号: the bare number completed in scope.
		numbers, err := s.reportNumbers(c, intent.Understanding{Kind: intent.Case, Seq: up.Seq})
		if err != nil {
			return err
		}
		up.Numbers = numbers
	}
	if len(up.Numbers) == 0 && up.Party != "" {
		numbers, err := s.st.PartyNumbers(c.Ctx(), up.Party)
		if err != nil {
			return err
		}
		cs, err := s.visible(c.Ctx(), viewer, numbers, func(k *cases.Case) bool { return paperFits(up, k) })
		if err != nil {
			return err
		}
		switch {
		case len(cs) == 0:
			// A copy naming a party the ledger does not know: most often a
			// new case, which is entered with its date.
			msg := fmt.Sprintf("台账中没有您可以查看的当事人“%s”的%s案件。", up.Party, map[bool]string{true: "行政复议", false: "行政诉讼"}[up.Review])
			md := msg + fmt.Sprintf("如是新收到的案件，请由专班在台账中录入（发送“写入台账”），并填写%s：%s；答辩（答复）期限从该日起算。这次没有作任何修改。",
				paperLabel(up, nil), cnDate(up.At, loc))
			a := answer{md: md, noEcho: true, action: audit.Update, detail: "收到副本：当事人无案件",
				claims: []claim{{Text: msg, What: claimCases, Q: query{Party: up.Party, Kind: paperKind(up)}}}}
			if err := s.recordAnswer(c, intent.Understanding{Kind: intent.Cases, Party: up.Party}, a, 0); err != nil {
				return err
			}
			return c.ReplyMarkdown(a.md)
		case len(cs) == 1:
			up.Numbers = []string{cs[0].Number}
		default:
			return s.askPaperCase(c, up, cs)
		}
	}
	if len(up.Numbers) == 0 && !viewer.Bureau() && viewer.Name != "" {
		numbers, err := s.st.PersonNumbers(c.Ctx(), viewer.Name)
		if err != nil {
			return err
		}
		if len(numbers) == 0 && viewer.Role == people.Head {
			if numbers, err = s.ownNumbers(c.Ctx(), viewer); err != nil {
				return err
			}
		}
		cs, err := s.visible(c.Ctx(), viewer, numbers, func(k *cases.Case) bool {
			if up.Kind == intent.DocServed {
				return k.ServedOn.IsZero() && (k.Open() || k.Closure != nil && now.Sub(k.Closure.On) < 30*24*time.Hour)
			}
			return k.Open() && k.CopyReceivedOn.IsZero() && paperFits(up, k)
		})
		if err != nil {
			return err
		}
		switch len(cs) {
		case 0:
		case 1:
			up.Numbers = []string{cs[0].Number}
		default:
			return s.askPaperCase(c, up, cs)
		}
	}
	if len(up.Numbers) == 0 {
		if err := s.record(c, audit.Update, string(up.Kind), 0, nil, "未写明案号："+paperLabel(up, nil)); err != nil {
			return err
		}
		ex := "“101判决书今天收到了”"
		if up.Kind == intent.CopyReceived {
			ex = "“行初133起诉状副本今天收到”或“今天收到起诉状副本 原告张三”"
		}
		return c.Reply("请写明是哪个案件，这次没有作任何修改。例如" + ex + "。")
	}
	cs, err := s.visible(c.Ctx(), viewer, up.Numbers, nil)
	if err != nil {
		return err
	}
	if len(cs) == 0 {
		msg := "没有找到您可以查看的案件 " + strings.Join(up.Numbers, "、") + "。"
		md := msg + "这次没有作任何修改，请核对案号后再发。"
		if up.Kind == intent.CopyReceived {
			md = msg + fmt.Sprintf("如是新收到的案件，请由专班在台账中录入（发送“写入台账”），并填写%s：%s。这次没有作任何修改。",
				paperLabel(up, nil), cnDate(up.At, loc))
		}
		a := answer{md: md, noEcho: true, action: audit.Update, detail: paperLabel(up, nil) + "：案件不存在或不可见",
			claims: []claim{{Text: msg, What: claimCases, Q: query{Numbers: up.Numbers}}}}
		if err := s.recordAnswer(c, intent.Understanding{Kind: intent.Case, Numbers: up.Numbers}, a, 0); err != nil {
			return err
		}
		return c.ReplyMarkdown(a.md)
	}
	if len(cs) > 1 {
		return s.askPaperCase(c, up, cs)
	}
	k := cs[0]
	label := paperLabel(up, k)
	was := k.ServedOn
	op := opServed
	if up.Kind == intent.CopyReceived {
		was, op = k.CopyReceivedOn, opCopyReceived
	}
	if err := focusOn(c, k.Number); err != nil {
		return err
	}
	switch {
	case up.At.After(now):
		return c.Reply("日期晚于今天，请核对，这次没有作任何修改。")
	case beforeFiling(k, up.At, loc):
		return c.Reply(fmt.Sprintf("%s早于该案立案日期%s，请核对日期，这次没有作任何修改。", cnDate(up.At, loc), cnDate(k.FiledOn, loc)))
	case !was.IsZero() && sameDay(was, up.At, loc):
		return c.ReplyMarkdown(fmt.Sprintf("**%s** 的%s已登记为 %s，无需再登记。", k.Number, label, cnDate(was, loc)))
	}
	from := "未填写"
	if !was.IsZero() {
		from = cnDate(was, loc)
	}
	lines := []string{"**请核对以下修改**", "> 案号：" + k.Number, "> " + label + "：" + from + " → " + cnDate(up.At, loc)}
	switch {
	case up.Kind == intent.CopyReceived && !was.IsZero():
		lines = append(lines, "（台账已有收到副本的日期；如是同一当事人的另一起新案件，请由专班另行录入，不要修改本案）")
	case up.Kind == intent.DocServed && k.Open():
		lines = append(lines, "（该案尚未登记结案：请一并告知结案方式，例如“结案 "+shortNumber(k.Number)+" "+up.At.In(loc).Format("2006-01-02")+" 判决驳回诉讼请求”）")
	case up.Kind == intent.DocServed:
		lines = append(lines, "（上诉期限从送达之日起算：判决15日，裁定10日）")
	}
	ch := &caseChange{Kind: up.Kind, Number: k.Number, Op: op, At: up.At}
	summary := strings.Join(lines, "\n")
	if viewer.Bureau() {
		return s.propose(c, &pending{Summary: summary, Case: ch})
	}
	p := &pending{Author: c.UserID(), Summary: summary, Case: ch}
	line := fmt.Sprintf("拟登记：%s %s\n回复“确认登记”即登记到台账（%d 小时内有效）。", label, cnDate(up.At, loc), int(newsTTL.Hours()))
	if !was.IsZero() {
		// The 专班 sees that a date recorded would be replaced.
		line = fmt.Sprintf("拟登记：%s %s → %s\n回复“确认登记”即登记到台账（%d 小时内有效）。", label, from, cnDate(up.At, loc), int(newsTTL.Hours()))
	}
	forwarded, err := s.toStaff(c, "【"+label+"】", &store.ScheduledHearing{Case: k}, line, p)
	if err != nil {
		return err
	}
	if err := s.record(c, audit.Update, string(up.Kind), 0, []string{k.Number}, "转专班："+label); err != nil {
		return err
	}
	msg := fmt.Sprintf("收到。已将 **%s** 的%s（%s）转告司法局应诉专班，专班确认后登记到台账；这次我未直接修改台账。", k.Number, label, cnDate(up.At, loc))
	if up.Kind == intent.DocServed && k.Open() {
		msg += "\n\n为便于专班登记结案，请再告诉我结案方式，例如“判决驳回诉讼请求”“裁定驳回起诉”“准许撤诉”“判决撤销”。"
	}
	if !forwarded {
		msg += "\n（系统中没有登记应诉专班，未能转告，请直接电话联系司法局应诉专班。）"
	}
	return c.ReplyMarkdown(msg)
}

// askPaperCase asks which of cs a paper received is about; a reply naming
// one carries on with the message.
func (s *service) askPaperCase(c bot.Context, up intent.Update, cs []*cases.Case) error {
	slices.SortFunc(cs, func(a, b *cases.Case) int { return strings.Compare(a.Number, b.Number) })
	var lines, shown []string
	for i, k := range cs[:min(len(cs), s.pageSize)] {
		lines = append(lines, fmt.Sprintf("%d. **%s** %s", i+1, k.Number, s.parties(c.Person(), k)))
		shown = append(shown, k.Number)
	}
	if err := s.record(c, audit.Update, string(up.Kind), 0, nil, "未写明案号："+paperLabel(up, nil)+"，列出候选"); err != nil {
		return err
	}
	if err := c.Memory().Remember(memAsk, &pendingPick{Options: shown, Text: c.Message().Text}); err != nil {
		return err
	}
	return c.ReplyMarkdown("收到。您说的是哪一个案件？回复序号或案号即可（例如“第一个”或“" + shortNumber(cs[0].Number) +
		"”），这次没有作任何修改：\n\n" + strings.Join(lines, "\n"))
}

// paperFits reports whether k is of the kind the copy received belongs to:
// a 复议申请书 to a reconsideration, an 起诉状 to a lawsuit. A served
// judgment fits any case.
func paperFits(up intent.Update, k *cases.Case) bool {
	if up.Kind != intent.CopyReceived {
		return true
	}
	return (k.Kind == cases.Reconsideration) == up.Review
}

// paperKind is the case kind a copy received names, for its none's claim.
func paperKind(up intent.Update) string {
	if up.Review {
		return string(cases.Reconsideration)
	}
	return string(cases.Litigation)
}

// beforeFiling reports whether day falls before the case was filed (a
// paper received or work done then is a slip of the date).
func beforeFiling(k *cases.Case, day time.Time, loc *time.Location) bool {
	if k.FiledOn.IsZero() {
		return false
	}
	f := k.FiledOn.In(loc)
	return day.In(loc).Before(time.Date(f.Year(), f.Month(), f.Day(), 0, 0, 0, 0, loc))
}

// doneLeadRe is the agency a bare report of work done opens with (市监局
// 那个交了, 卫健局那边已经交了, 公安的也交了): what follows must be the
// bare report itself.
var doneLeadRe = regexp.MustCompile(`^(\p{Han}{2,12}?)(?:那个案子|那个|那件|那边|这个|的)(?:也|都)?`)

// doneOfFocus reads a bare report of work done (交了, 市监局那个交了) that
// focusDone leaves, because the last answer was about a case and not
// about its deadline (47号复议今天最后一天了 市监局交了没 → 市监局那个交了),
// as the 答辩/答复 of the case the conversation is about when that period
// is running and not met; failing that, of the one case of the agency it
// names whose period is running. ok is false otherwise: the message is
// read as any other.
func (s *service) doneOfFocus(c bot.Context, text string, prev *lastQuestion) (intent.Update, bool, error) {
	viewer := c.Person()
	t := intent.Normalize(text)
	body, agencies := t, []string(nil)
	if m := doneLeadRe.FindStringSubmatchIndex(t); m != nil {
		u, err := intent.Understand(t[m[2]:m[3]], s.options(c, viewer))
		if err != nil {
			return intent.Update{}, false, err
		}
		if len(u.Agencies) > 0 && !hasRef(u) {
			body, agencies = t[m[1]:], u.Agencies
		}
	}
	up, ok := intent.BareDone(body, s.updateOptions(c.Now()))
	if !ok {
		return up, false, nil
	}
	// running is the 答辩 or 答复 deadline of k that is still to be met.
	running := func(k *cases.Case) (deadline.Kind, bool) {
		kind := deadline.Answer
		if k.Kind == cases.Reconsideration {
			kind = deadline.Reply
		}
		d, ok := s.st.Deadlines.Find(k, kind)
		return kind, ok && !d.Done && k.Open()
	}
	take := func(k *cases.Case, kind deadline.Kind) (intent.Update, bool, error) {
		up.Deadline, up.Numbers, up.Short = string(kind), []string{k.Number}, shortNumber(k.Number)
		return up, true, nil
	}
	if prev != nil && len(prev.Shown) == 1 {
		cs, err := s.visible(c.Ctx(), viewer, prev.Shown, nil)
		if err != nil {
			return up, false, err
		}
		if len(cs) == 1 && (len(agencies) == 0 || slices.ContainsFunc(agencies, cs[0].HasDefendant)) {
			if kind, ok := running(cs[0]); ok {
				return take(cs[0], kind)
			}
			if kind := map[bool]deadline.Kind{true: deadline.Reply, false: deadline.Answer}[cs[0].Kind == cases.Reconsideration]; cs[0].Open() {
				if _, found := s.st.Deadlines.Find(cs[0], kind); found {
					return take(cs[0], kind) // already recorded as met: the answer says so, and writes nothing
				}
			}
		}
	}
	if len(agencies) == 0 {
		return up, false, nil
	}
	var numbers []string
	for _, a := range agencies {
		ns, _, err := s.st.AgencyNumbers(c.Ctx(), a, store.Page{})
		if err != nil {
			return up, false, err
		}
		numbers = append(numbers, ns...)
	}
	cs, err := s.visible(c.Ctx(), viewer, numbers, nil)
	if err != nil {
		return up, false, err
	}
	var pick *cases.Case
	var pickKind deadline.Kind
	for _, k := range cs {
		if kind, ok := running(k); ok {
			if pick != nil {
				return up, false, nil // two running: which one is not ours to guess
			}
			pick, pickKind = k, kind
		}
	}
	if pick == nil {
		return up, false, nil
	}
	return take(pick, pickKind)
}
