package handlers

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/intent"
	"casebot/bot/people"
)

// memLast names the last question in the conversation memory: what a
// follow-up (后天呢, 公安局的呢, 败诉原因是什么) refers to.
const memLast = "query.last"

// lastQuestion is what the memory keeps of the last question.
type lastQuestion struct {
	U intent.Understanding `json:"u"`
	// Shown are the case numbers the answer showed, in order.
	Shown []string `json:"shown,omitempty"`
	// Sides are the agencies, parties and people of the cases shown, read
	// when a message names someone (newSubject); never stored.
	Sides []string `json:"-"`
}

// handleText answers every message no command took: it reads the message
// (intent.Understand, with the ledger's names as its lexicon), completes a
// follow-up from the conversation memory, asks the model when the rules
// leave words unread and the model is configured, answers within the
// asker's scope, remembers the question for the next follow-up and audits
// it with what was understood.
func (s *service) handleText(c bot.Context) (err error) {
	viewer := c.Person()
	text := c.Message().Text
	fixed, typed, retyped, err := s.retyped(c, text)
	if err != nil {
		return err
	}
	text = fixed // 刑初117 → 行初117, said in the answer's first line
	if cancelOnly(text) {
		// A pending change is answered by confirm; here nothing waits.
		if err := s.record(c, audit.Update, "cancel", 0, nil, "无待确认修改"); err != nil {
			return err
		}
		return c.Reply("目前无待确认的修改，没有作任何修改。")
	}
	var last lastQuestion
	var ask pendingPick
	var notice noticeDraft
	var owed ownAsk
	// One round trip for every part of the conversation a route below reads.
	found, err := c.Memory().RecallAll(map[string]any{memLast: &last, memAsk: &ask, memNotice: &notice, memOwnAsk: &owed})
	if err != nil {
		return err
	}
	var noticeShown *noticeDraft
	if found[memNotice] {
		noticeShown = &notice
	}
	var ownAsked *ownAsk
	if found[memOwnAsk] {
		ownAsked = &owed
	}
	var prev *lastQuestion
	if found[memLast] {
		prev = &last
	}
	var offered *pendingPick
	if found[memAsk] {
		offered = &ask
	}
	if ok, err := s.rectifyStated(c, text, prev); ok || err != nil {
		return err // 原因就是…… 整改是……: the 整改 report's content, echoed to confirm
	}
	if ok, err := s.explains.pickWrite(c, text, offered, prev); ok || err != nil {
		if err == nil && offered != nil {
			err = c.Memory().Forget(memAsk)
		}
		return err // 就76号吧 写成公众号口吻 别太长 after the candidates: that draft, so written
	}
	if ok, err := s.explains.draftTurn(c, text); ok || err != nil {
		return err // 不是这个 是81号, 这篇可以发了吗, 算了 先不写了: of the draft just asked
	}
	if ok, err := s.ownReminderTurn(c, text, ownAsked); ok || err != nil {
		return err // 下周一早上提醒我找人社局补通讯录: a personal reminder set, or when asked
	}
	if ok, err := s.noticeTurn(c, text, noticeShown); ok || err != nil {
		return err // 改短一点 五十字以内, 语气重一点, 发送: of the message draft just shown
	}
	if form, ok := noticeAsked(text); ok && viewer != nil && viewer.Role != "" {
		return s.noticeDraftAsk(c, form, text, prev) // 帮我起个催办通知发卫健局: a message drafted, never a ledger change
	}
	var pickedU *intent.Understanding // a fact asked of the option picked
	if found[memAsk] {
		// The bot asked which one; a reply naming one carries on.
		n, ok, err := s.picked(c, text, &ask)
		if err != nil {
			return err
		}
		if err := c.Memory().Forget(memAsk); err != nil {
			return err
		}
		switch {
		case ok && ask.U != nil:
			v := *ask.U
			v.Numbers, v.Short, v.Seq = []string{n}, "", 0
			pickedU = &v
		case ok:
			text = retryText(n, ask.Text)
		}
	}
	if e, ok := intent.EditAsked(text); ok && prev != nil && prev.U.Kind == intent.Bulletin && pickedU == nil {
		return s.bulletinEdit(c, e, prev) // 加上出庭情况, 导出word: of the bulletin just sent
	}
	if ok, err := s.relayUnanswered(c, text); ok || err != nil {
		return err // 转给专班: the question just left unanswered, relayed
	}
	if intent.Retracts(text) && pickedU == nil {
		return s.retract(c) // 刚才说错了，不是改期: what was relayed is withdrawn
	}
	corrected := false
	if rest, ok := correction(text, prev); ok && pickedU == nil {
		text, corrected = rest, true // 哦说错了 是明天的: the last question with 明天
	}
	if ok, err := s.addPersonTold(c, text); ok || err != nil {
		return err
	}
	if ok, err := s.tellAfter(c, text, prev); ok || err != nil {
		return err // 下周一王五那个我能去 跟周洁说一声: the yes proposed, the words passed on
	}
	if ok, err := s.attendReply(c, text, prev); ok || err != nil {
		return err // 我明天的庭 → 去: the card's 确认出庭, typed
	}
	if topic, ok := intent.HowToAsked(text); ok && viewer != nil && viewer.Role != "" && pickedU == nil {
		return s.howTo(c, topic) // 通讯录怎么补录, 导入要哪几列, 书记员加不了机器人, 按钮没反应: how the system is used
	}
	if intent.AsksInDirectory(text) && viewer != nil && viewer.Role != "" && pickedU == nil {
		if done, err := s.inDirectory(c, text); done || err != nil {
			return err // 好了 现在能查到赵磊了吧: the directory's entry, not their cases
		}
	}
	if nonLitigationAppearRe.MatchString(intent.Normalize(text)) && pickedU == nil && viewer != nil && viewer.Role != "" {
		return s.fixedRuleAnswer(c, nonLitigationAppearRule) // 行审12号要不要安排出庭: the kind's rule, not a report to bind
	}
	if kind, ok := draftAsked(text); ok && kind != draftRectify && pickedU == nil && viewer != nil && viewer.Role != "" {
		if done, err := s.draft(c, kind, text, prev); done || err != nil {
			return err // 起草行初130的答辩状提纲, 写一份本季度的情况汇报: offline drafts
		}
	}
	if ch, ok := intent.ChaseAsked(text); ok && pickedU == nil {
		if done, err := s.chase(c, ch); done || err != nil {
			return err // 催一下孙强, 提醒公安局把答辩交了: a reminder sent, staff told
		}
	}
	presence := false // 行初101还在台账吗: whether it is there, said first
	if rest, seq, year, old, ok := inLedgerAsked(text); ok && pickedU == nil {
		if seq > 0 {
			return s.inLedgerSeq(c, seq, year, old) // 老案子12号还在台账吗: every year's 12号
		}
		text, presence = rest, true
	}
	if name, of, ok := whoIsAsked(text); ok && pickedU == nil {
		if done, err := s.whoIs(c, name, of); done || err != nil {
			return err // 钱坤是住建局的吗, 张三是哪个单位的: their role and agency
		}
	}
	if ask, ok := intent.LedgerAsked(text); ok && viewer != nil && viewer.Role != "" && pickedU == nil {
		return s.ledgerAsk(c, ask) // 有没有重复录入的案件, 谁还没绑定, 哪些司法建议没回, 谁改了这个案子
	}
	if e, ok := intent.ExtensionTold(text); ok && viewer != nil && viewer.Role != "" && pickedU == nil {
		return s.extension(c, e, prev) // 复议延期30天: the decision period, not a hearing put off
	}
	attended := false // a question about attendance: the ledger's record leads
	if viewer != nil && viewer.Name != "" && (intent.AsksLastOwnHearing(text) || viewer.Role == people.Head && intent.AsksLastHearingCounted(text)) {
		return s.lastOwnHearing(c) // 我上次出庭是哪个案子: the past, not the next hearing
	}
	if ok, byAgency := intent.AsksDirectoryCover(text); ok {
		return s.directoryCover(c, byAgency, prev) // 负责人不在名单里的有哪些
	}
	if intent.AsksAgencyCoverage(text) && viewer != nil && viewer.Role != "" {
		return s.directoryCoverage(c) // 卫健局的人是不是还没导进通讯录: the directory's gaps by agency
	}
	if intent.AsksCourt(text) {
		return s.askCourt(c) // 帮我问下法院…: not news, and nothing the bot can do
	}
	if ok, err := s.rectifyFollowUp(c, text); ok || err != nil {
		return err // 整改情况 → 公安局那件呢: the 整改 of that agency's case
	}
	if q, ok := intent.AsksRule(text); ok {
		return s.ruleAnswer(c, q, prev) // 撤诉算不算败诉: the rule, never a count
	}
	if an, ok := lawQuestion(text); ok && pickedU == nil {
		return s.fixedRuleAnswer(c, an) // 负责人出庭是哪条规定: the article, never a case's head
	}
	if sp, ok := intent.SplitAsked(text); ok && pickedU == nil {
		return s.splitLast(c, sp, prev) // 今年败诉了几件 → 按月分一下: the same figure, split
	}
	if count, q, ok := intent.CountThenRule(text); ok {
		// 我们局今年输了几个 撤诉的算不算: the count without the 结案方式 as
		// a filter, then whether it counts.
		text = count
		defer func() {
			if err == nil {
				err = c.ReplyMarkdown(s.ruleText(q))
			}
		}()
	}
	if intent.AsksStandInRule(text) {
		return s.standInRule(c, prev) // 承办人能代替负责人出庭吗: the rule, with the case in focus
	}
	if viewer != nil && (viewer.Role == people.Pufa || viewer.Role == people.Staff || viewer.Role == people.Admin) {
		if ok, err := s.explains.writeShown(c, text, prev); ok || err != nil {
			return err // 信息公开的有没有案例 → 就写复议那个: the one shown
		}
		if ok, err := s.explains.fitAnswer(c, text, prev); ok || err != nil {
			return err // 85号能写吗: whether that case can be written up
		}
	}
	if appeal, ok := intent.AppealIntent(text); ok && viewer != nil && viewer.Role != people.Pufa {
		return s.appealIntent(c, appeal, prev) // 我们准备上诉, 打算不上诉了: acknowledged with the appeal period
	}
	if up, ok := focusDone(text, prev, s.updateOptions(c.Now())); ok {
		return s.fieldWrite(c, up, prev) // 行初133答辩期限 → 刚交了 帮我登记
	}
	if ok, err := s.forwardedTime(c, text); ok || err != nil {
		return err // 33号改到12月2号上午 → 还是十点 五庭: the time of the move relayed
	}
	if up, ok, err := s.doneOfFocus(c, text, prev); err != nil || ok {
		if err != nil {
			return err
		}
		return s.fieldWrite(c, up, prev) // 47号复议 市监局交了没 → 市监局那个交了: that case's 答复
	}
	if up, ok := focusReceived(text, prev, s.updateOptions(c.Now())); ok {
		return s.fieldWrite(c, up, prev) // 行终33的答辩期限 (未填写收到副本日期) → 十一月五号收到的
	}
	onlyAsks := asksOnly(text) // 林涛知道133答辩超期了吗: a question is never a change or a report
	if up, ok := intent.FieldWrite(text, s.updateOptions(c.Now())); ok && !onlyAsks {
		return s.fieldWrite(c, up, prev) // 行初121出庭的是张明副局长, 复47答复已经交了
	}
	if up, ok := intent.ReportedUpdate(text, s.updateOptions(c.Now())); ok && !onlyAsks {
		return s.reportedChange(c, up, prev)
	}
	if viewer != nil && (viewer.Role == people.Head || viewer.Role == people.Handler) && !onlyAsks {
		// 刚开完庭 法官说下个月宣判, 108今天下午开完了: news of the hearing
		// held, to the 专班; 判了 我们赢了: the decision, its 结案方式 to ask.
		up, held := intent.HeldReport(text, s.updateOptions(c.Now()))
		what := "庭审情况"
		if !held {
			up, held = intent.DecidedReport(text, s.updateOptions(c.Now()))
			what = "结案"
		}
		if held {
			if done, err := s.fieldReport(c, up, what, prev); done || err != nil {
				return err
			}
		}
	}
	if pickedU == nil {
		if done, err := s.proseOfLast(c, text, prev); done || err != nil {
			return err // 各单位排名 → 帮我写成一段话: the same answer as running text
		}
		if done, err := s.rateOnBasis(c, text, prev); done || err != nil {
			return err // 今年出庭率 → 只算应当出庭的呢, 不算撤诉的话呢: the rate on that basis
		}
		if done, err := s.urgentOfList(c, text, prev); done || err != nil {
			return err // 我手上还有几个没结的 → 最急的是哪个: by each case's next deadline or hearing
		}
		if done, err := s.compound(c, text); done || err != nil {
			return err // 85号判了没 117号什么时候开庭: each question answered as if sent alone
		}
	}
	opts := s.options(c, viewer)
	text = s.digitNames(c.Ctx(), text) // 孙7的案子: the party 孙七, not case 7
	u, err := intent.Understand(text, opts)
	if err != nil {
		return err
	}
	if u.Kind == intent.Explain && u.ExplainAct == "" {
		// 就写强拆那个 八百字左右 当事人名字隐掉: how to write it, made with
		// the draft; the case is read from the rest (别写全名 is no party
		// 全某, 八百字 no 800号).
		riding := ridingOf(text)
		if rest := withoutRiding(text); riding != "" && rest != "" {
			if v, err := intent.Understand(rest, opts); err != nil {
				return err
			} else if v.Kind == intent.Explain && v.ExplainAct == "" {
				u = v
			}
		}
		u.Note = riding
	} else if pickedU == nil {
		if ok, err := s.explains.draftOwns(c, text, u); ok || err != nil {
			return err // 标题再给我几个 不要太官方, with a draft the last thing said: that draft's revision
		}
		if u.Kind == intent.Case && !hasRef(u) && u.Party == "" && s.explains.ex != nil {
			// 原告是谁 right after a draft: of the draft's case.
			if f, ok, err := s.explains.draftIsLast(c); err != nil {
				return err
			} else if ok {
				u.Numbers = []string{f.Number}
			}
		}
	}
	// 详细点 after a list (the whole message: 说具体一点 is no 13:00).
	if done, err := s.moreDetail(c, text, &u, prev); done || err != nil {
		return err // after a list of several: which one
	}
	if corrected {
		u.FollowUp = true // a correction changes the last question
	}
	// References resolved against the ledger (refs.go): a follow-up on
	// the hearings of the case shown (第二次呢), a day said as a case
	// (23号那个), a subject keyword (拆违那个), a surname (老周).
	refLead := ""
	var surnameAsk *answer
	beforeRefs, bySubject := u, false
	if m, ok := hearingOfFocus(text, prev); ok && pickedU == nil {
		u = m
	} else if m, lead, ok, err := s.dayReference(c, text, u, prev); err != nil {
		return err
	} else if ok {
		u, refLead = m, lead
	} else if m, lead, ok, err := s.subjectOf(c, u); err != nil {
		return err
	} else if ok {
		u, refLead, bySubject = m, lead, true
	} else if m, ask, ok, err := s.surnamed(c, u); err != nil {
		return err
	} else if ok {
		u, surnameAsk = m, ask
	}
	u = reminderDay(text, u, c.Now(), c.Location()) // 孙局今天还会收到提醒不: today's sending
	if ok, err := s.mustGo(c, text, u, prev); ok || err != nil {
		return err // 高院那个要我去不: whether the head must appear there, and who is registered
	}
	du := u
	if ts, _ := intent.DutyAsked(text); bySubject && len(ts) > 0 && !slices.ContainsFunc(ts, func(t intent.DutyTopic) bool {
		return t != intent.DutyExplain && t != intent.DutySign && t != intent.DutyRectify
	}) {
		du = beforeRefs // 情况说明要不要写: 说明 is the duty asked, not a keyword of a 备注
	}
	if ok, err := s.dutyAnswer(c, text, du, prev); ok || err != nil {
		return err // 23号那个要领导去吗, 算不算没出庭, 算11月还是12月: the yes/no or which, then the card
	}
	if q, ok := parseDeadlineAsk(text); ok && dutyOfRectify(text) {
		return s.deadlinesReply(c, q) // 整改报告谁来写 of no one case: the 整改 answer it had
	}
	if u.Kind == intent.Case && !hasRef(u) && u.Aspect == intent.Head && intent.AsksUnconfirmed(text) {
		u.Kind, u.Hearing = intent.Hearings, true // 谁还没确认: the hearings' confirmations, not one case's
	}
	guessed := false // an agency found by correcting a typo: say so
	if lx, ok := opts.Lexicon.(*lexicon); ok {
		guessed = len(lx.guessed) > 0
	}
	if prev != nil && hasWho(u) {
		if prev.Sides, err = s.sidesOf(c.Ctx(), prev.Shown); err != nil {
			return err // whether the one named is a side of what was shown (newSubject)
		}
	}
	if u, err = s.sideOfFocus(c, u, prev); err != nil {
		return err // 行初108 → 镇上谁出庭: that case, from the town's side
	}
	if overList(u, prev) {
		u.Each = true // 明天有哪些庭 → 原告有哪些: the field of each listed
	}
	which, asking := whichOfList(u, prev)
	if surnameAsk != nil {
		which, asking = *surnameAsk, true // 老周: which of the people of that surname
	}
	direct, nextU, isNext, err := s.nextItem(c, text, prev)
	if err != nil {
		return err
	}
	compared, other, isCompare := comparedPeriod(text, prev, c.Now())
	if u.Kind == intent.Rates && u.Rank != "" && prev != nil && prev.U.Kind == intent.Rates && prev.U.Rate != "" && prev.U.Rate != u.Rate &&
		!rateNamedRe.MatchString(text) {
		u.Rate = "" // 出庭率 → 全县排第几: the rate is the last one (followUp), not the 败诉率 a bare ranking defaults to
	}
	said := u // the message's own reading, before the conversation completes it
	if isNext && pickedU == nil {
		u, asking = nextU, false // 第一个 → 下一个呢: the item after it
	} else if isCompare && pickedU == nil {
		u, asking = compared, false // 今年败诉率 → 同比呢: the same question, and the period to compare
	} else if pickedU != nil {
		u, asking = *pickedU, false // 第二个, 公安局那个: the fact of the one picked
	} else if m, ok, err := s.itemOfAgency(c, text, u, prev); err != nil {
		return err
	} else if ok {
		u, asking = m, false // 最近到期的 → 卫健局那个交了没: that agency's item of the list
	} else if m, ok, err := s.casesOfFocusPerson(c, text, u, prev); err != nil {
		return err
	} else if ok {
		u, asking = m, false // 承办人是谁 → 她手上还有别的案子吗: that person's cases
	} else if m, ok, err := s.personOfFocus(c, text, u, prev); err != nil {
		return err
	} else if ok {
		u, asking = m, false // 周洁 → 他企业微信是多少, 行初117谁出庭 → 他名单里有没有: the directory's entry for them
	} else if m, ok := behindFigure(text, prev); ok {
		u, asking = m, false // 今年败诉率 → 为什么这么高: the cases behind the figure
	} else if m, ok := countOfLast(text, u, prev); ok {
		u, asking = m, false // 下周三的庭 → 有几个: that list, counted in its title
	} else if m, ok := continuation(text, prev, opts); ok {
		u, asking = m, false // 下周有哪些庭 → 那再往后呢: the week after
	} else if m, ok := nextOfCase(text, u, prev); ok {
		u = m // 行初96 → 后面呢: where that case goes next
	} else if m, ok := focusPast(text, u, prev); ok {
		u, asking = m, false // 行初88 → 上次我去了没: that case's last hearing as recorded
	} else if m, ok := deadlineOfFocus(text, u, prev); ok {
		u = m // 行初101 → 那答辩交了没: that case's deadlines
	} else {
		u = figureOfKind(followUp(sibling(text, bulletinPart(ofFocus(numberAsked(text, heardOpen(text, u)), prev), prev), prev), prev))
	}
	u = ownScope(u) // 败诉原因都有哪些: the cases it is asked of
	if m, ok := handlerOfFocus(text, u, prev); ok {
		u = m // 行初133 → 承办人是谁 我去催: that case's 承办人
	}
	if m, ok := whyOfCase(text, u, prev); ok {
		u = m // 行初74 → 为啥撤诉: that case's outcome and what is recorded of why
	}
	if u.NotHeld == "plaintiff-appearance" {
		// 行初85 → 原告来了没: the ledger keeps our side's attendance only;
		// say so, then what it records of that case's hearing.
		if !hasRef(u) && prev != nil && len(prev.Shown) == 1 {
			u.Numbers = append([]string(nil), prev.Shown...)
		}
		if n := len(u.Numbers); n > 0 && n <= 3 {
			u.Kind, u.Aspect, u.Past, u.Anchored = intent.Case, intent.Head, true, true
			attended = true
		}
	}
	if u.Kind == intent.News && !hasRef(u) && u.Party == "" && prev != nil && len(prev.Shown) == 1 {
		// 行初124 → 法院说改到下周三上午九点半: the case just shown, and
		// only when it was the one case shown and has a hearing matching
		// what the report says (行初88 → 今天下午的庭推迟了 is not about 88).
		// A party named (褚十三那个 → 周八那个改到…) is the case meant: the
		// focus moved a court's change onto the wrong case.
		if fits, err := s.focusFits(c, u, prev.Shown[0]); err != nil {
			return err
		} else if fits {
			u.Numbers = append([]string(nil), prev.Shown...)
		}
	}
	if u.Kind == intent.Hearings && (u.Aspect == intent.Head || u.Aspect == intent.Reminded && confirmAsked(text)) &&
		(intent.AsksAttendance(text) || intent.AsksUnconfirmed(text) || confirmAsked(text)) {
		u.Attendance, u.Aspect = true, intent.Head // 今明两天的庭负责人都到了吗: each hearing's state
	}
	if u.Kind == intent.Hearings && !u.Attendance && intent.AsksAnyoneGoes(text) {
		// 下午4点那个人社局到底有人去没: each hearing's confirmation state and
		// its head, plainly, not the bare list with the question left unread.
		u.Attendance, u.Aspect = true, intent.Head
		u.Residue = slices.DeleteFunc(u.Residue, func(r string) bool { return strings.Contains(r, "去") || strings.Contains(r, "人") })
	}
	if u.Kind == intent.Hearings && !u.Attendance && whoConfirmedAsked(text) {
		// 明天的庭谁确认了, 有没有人确认明天出庭: each hearing's card state,
		// never the bare list with 确认 left unread (nor a “no one”).
		u.Attendance, u.Aspect = true, intent.Head
		u.Residue = slices.DeleteFunc(u.Residue, func(r string) bool { return strings.Contains(r, "确认") })
	}
	if note := notHeldText(u.NotHeld); note != "" && !hasRef(u) && !hasWho(u) && u.NotHeld != "plaintiff-appearance" && prev != nil && len(prev.Shown) == 1 &&
		prev.U.Kind == intent.Case {
		// 行初85 → 法官叫什么, 判了多少钱: not held, said first, then what
		// the ledger does hold of the case in focus (its card).
		u.Numbers, u.Kind, u.Aspect, u.Hearing, u.Anchored = append([]string(nil), prev.Shown...), intent.Case, "", false, true
	} else if notHeldText(u.NotHeld) != "" && hasRef(u) && u.Kind == intent.Scope {
		u.Kind, u.Aspect = intent.Case, "" // 复33原告电话多少: the same, of the case named
	}
	if u.NotHeld == "amount" && u.Kind == intent.Case && hasRef(u) {
		// 判了多少钱 of a case: the amount its row writes, or which fields
		// hold none (amountFact), as the one fact.
		u.Aspect, u.NotHeld = intent.Amount, ""
	}
	if u.Kind == intent.Explain && u.ExplainAct == "" && !hasRef(u) && u.Party == "" && !described(u) && len(explainTerms(u.Residue)) == 0 &&
		prev != nil && len(prev.Shown) == 1 {
		// 公安那个事实不清被撤销的 → 写一篇: the one case just shown.
		u.Numbers = append([]string(nil), prev.Shown...)
	}
	vagueRef := (u.Kind == intent.Scope || u.Kind == intent.Unknown || u.Kind == intent.Help && !u.Greeting) && u.NotHeld == "" && vagueRefRe.MatchString(shortText(text))
	if pickedU == nil && !asking && !isNext && !isCompare && !vagueRef {
		if done, err := s.untakenStatement(c, text, said, u, prev); done || err != nil {
			return err // 立案庭说又来了个新案子 先记一下: relayed or explained, never a list
		}
	}
	u = defaults(u, c.Now())
	modelMS := 0
	if s.reader != nil && needsModel(u) && !vagueRef {
		if u, modelMS, err = s.reader.read(c, text, u, s.lexicon(c.Ctx(), viewer)); err != nil {
			return err
		}
	}
	var a answer
	if u.Kind == intent.Files {
		u.NotHeld = "" // the app's pages hold the files asked about
	}
	if asking {
		a = which
	} else if vagueRef {
		// 他呢, 那个呢 with nothing before them to refer to: ask, never a
		// search or the scope line.
		a = answer{md: "请问您说的是哪个案件或哪一位？请发送案号（例如“行初85号”）或姓名，也可以先查出案件再问。", noEcho: true}
	} else if isNext && pickedU == nil {
		a = direct
	} else if note := notHeldText(u.NotHeld); note != "" && !hasRef(u) && !hasWho(u) &&
		// 明天那个庭是谁去 我还没收到出庭通知书 asks a fact of the hearings
		// too: answerFor gives it, under the statement.
		!(u.Kind == intent.Hearings && u.Aspect != "" && u.NotHeld == "court-notice") &&
		!(u.NotHeld == "plaintiff-appearance" && isToday(u.Period, c.Now(), c.Location())) {
		// Nothing else asked: the plain statement is the answer, not a
		// nearby card or figure the user would read as one.
		a = answer{md: note, outcome: audit.NotKnown, noEcho: true}
	} else if u.ByKind && (u.Kind == intent.Count || u.Kind == intent.Cases) && !hasRef(u) {
		if a, err = s.byKindAnswer(c, u, prev); err != nil {
			return err // 复议和诉讼各多少: each kind's count
		}
	} else {
		if a, err = s.answerFor(c, u, prev); err != nil {
			return err
		}
		if a, err = s.unlessCarriedNone(c, a, u, said, prev); err != nil {
			return err
		}
		if a, err = s.unlessFilteredNone(c, a, u); err != nil {
			return err // 高院那个再审 when it is an appeal: what the question finds without one filter
		}
		if isCompare && pickedU == nil && !other.IsZero() {
			// 同比 / 环比 of a rate or 环比 of a count: the same question over
			// the other period, computed the same way, under its own label.
			v := u
			v.Period, v.Compare = other, false
			b, err := s.answerFor(c, v, prev)
			if err != nil {
				return err
			}
			word := "环比"
			if strings.HasPrefix(other.Label, "去年同期") {
				word = "同比"
			}
			a.md += "\n\n**" + word + "**：\n" + b.md
			a.claims = append(a.claims, b.claims...)
		}
		if !attended && !a.states && u.Kind == intent.Hearings && len(a.shown) > 0 && len(a.shown) <= 3 && isToday(u.Period, c.Now(), c.Location()) &&
			(u.NotHeld == "plaintiff-appearance" || u.Aspect == intent.Head && intent.AsksAttendance(text)) {
			attended, u.Numbers = true, a.shown // 今天的庭原告来了没: what is recorded of today's hearings
		}
		if attended && a.md != "" {
			lead, err := s.attendanceOf(c, u.Numbers)
			if err != nil {
				return err
			}
			a.md = lead + "\n\n" + a.md
		}
		if note != "" && a.md != "" {
			a.md = note + "\n\n" + a.md
		}
	}
	if refLead != "" && a.md != "" {
		a.md = refLead + "\n\n" + a.md
	}
	if presence && u.Kind == intent.Case && a.results > 0 && len(a.claims) == 0 && a.md != "" {
		a.md = "在，台账中有此案：\n\n" + a.md
	}
	if err := s.stateFirst(c, text, u, &a); err != nil {
		return err // 答辩状交没交, 孙局确认了没: the state in the first line
	}
	if err := s.appearedToo(c, u, &a); err != nil {
		return err // 孙局是不是好几次没出庭了: the absences, and the appearances beside them
	}
	if err := s.toldOutcomeFirst(c, text, u, &a); err != nil {
		return err // 81号今天赢了 顺便问下败诉率: the news acknowledged, then the rate
	}
	if err := s.halfDayFirst(c, u, &a); err != nil {
		return err // 上午还是下午: which half, first
	}
	if err := s.numberYearFirst(c, u, &a); err != nil {
		return err // 2015年那个案子: by the 案号's year, and said so
	}
	if err := s.dayOrCase(c, text, u, &a); err != nil {
		return err // 30号: the day, and the cases of that number offered
	}
	if retyped && a.md != "" {
		// 刑初 may be a criminal case typed on purpose: ask. 形初/型初/行出 are
		// slips of pinyin: say what was read.
		note := "台账只登记行政案件；您要查的是否为" + typed + "？"
		if !strings.Contains(intent.Normalize(c.Message().Text), "刑") {
			note = "按“" + typed + "”查询："
		}
		a.md, a.noEcho = note+"\n\n"+a.md, true
	}
	opened := false
	if a.md != "" && !asking && !isNext && pickedU == nil && !isCompare {
		if err := s.eachNamedCase(c, text, u, &a, prev); err != nil {
			return err // 61号和33号两个整改: each case named, not the first alone
		}
		// 孙局能去吗, 能不能晚点交: each act of the message the reply does
		// not answer, said honestly with what the ledger holds of it.
		k, err := s.actCase(c, said, u, a, prev)
		if err != nil {
			return err
		}
		if opened, err = s.openActs(c, text, k, &a); err != nil {
			return err
		}
	}
	if a.md != "" && (len(u.Residue) > 0 || guessed) && !a.noEcho && !opened {
		// Words were left unread: say what the answer is based on.
		if asked := askedResidue(text, u.Residue); asked != "" && notHeldText(u.NotHeld) != "" {
			// 镇政府那边来人没 你那有记吗: the note of what is not held, first,
			// answers the question; no lead says it was left open.
		} else if asked != "" && bareList(u) {
			// 情况说明写好了要我签字吗 read as 我的案件: the list answers nothing
			// asked; the question is said as not understood instead.
			if a, err = s.notUnderstood(c, u); err != nil {
				return err
			}
		} else if asked != "" {
			// 直接发你这里行吗 is no filter: the part not answered is said as
			// a question left open, never as words the search ignored.
			a.md = s.askedLead(c, asked, u, a) + a.md
		} else if echo := u.Echo(func(p string) string { return s.shownName(viewer, p) }); echo != "" {
			a.md = "按“" + echo + "”查询" + unreadNote(u.Residue, u.PeriodNote) + "：\n\n" + a.md
		}
	}
	if a.md != "" && u.Follow {
		// 判了通知我, 帮我盯一下85号: no subscription exists; say what is
		// sent anyway rather than promise a notice nobody sends.
		a.md += "\n\n" + s.followNote()
	}
	if a.md != "" && len(a.shown) > 0 && (u.Kind == intent.Case || u.Kind == intent.Hearings || u.Kind == intent.Cases) {
		// 行初117 after 周洁 reported it moved: the change still waiting.
		note, err := s.pendingHearingNotes(c, a.shown)
		if err != nil {
			return err
		}
		if note != "" {
			a.md += "\n\n" + note
		}
	}
	if a.pick != nil {
		a.pick.Options = a.shown
		if a.pick.U == nil && a.pick.Text == "" {
			a.pick.Text = c.Message().Text
		}
		if err := c.Memory().Remember(memAsk, a.pick); err != nil {
			return err
		}
	}
	if remembered(u.Kind) {
		ru := u
		if !a.period.IsZero() {
			ru.Period = a.period
		}
		if err := rememberLast(c, lastQuestion{U: ru, Shown: a.shown}); err != nil {
			return err
		}
	} else if len(a.shown) == 1 && (u.Kind == intent.News || u.Kind == intent.Changes) {
		if err := focusOn(c, a.shown[0]); err != nil { // news of one case: 那个案子 next is it
			return err
		}
	}
	if err := s.recordAnswer(c, u, a, modelMS); err != nil {
		return err
	}
	if a.md == "" {
		return nil // the handler answered itself (bulletin, explain)
	}
	return c.ReplyMarkdown(a.md)
}

// vagueRefRe is a bare reference with nothing asked (他呢, 那个呢, 这个人呢).
var vagueRefRe = regexp.MustCompile(`^(?:那|那么|还有|然后)?(?:他|她|它|他们|她们|那个|这个|那个人|这个人|那位|这位|那件|这件|那个案子|这个案子|那个案件|这个案件|那个单位|那家|后来|之后|然后|后面)(?:的|呢|嘞|咧|了)*$`)

// options are the understanding step's, with the lexicon of viewer.
func (s *service) options(c bot.Context, viewer *people.Person) intent.Options {
	o := intent.Options{Now: c.Now(), Courts: s.courts, Calendar: s.st.Deadlines.Calendar()}
	if viewer != nil {
		o.Lexicon = s.lexicon(c.Ctx(), viewer)
	}
	return o
}

// remembered reports whether a kind of question is one a follow-up may
// continue.
func remembered(k intent.Kind) bool {
	switch k {
	case intent.Case, intent.Cases, intent.Hearings, intent.Count, intent.Rates, intent.Pick, intent.Bulletin, intent.People,
		intent.Deadlines:
		return true
	}
	return false
}

// monthWords name the month before the current one; after a bulletin they
// step back from the bulletin's month (上个月的呢, after October's: September's).
var monthWords = []string{"上个月", "上月", "上一个月"}

// stepBack completes a follow-up that steps back in time (再往前一个月, and
// 上个月的呢 after a bulletin) from the last question's period: a whole
// month steps by months, any other span by its own length. ok is false when
// u is not such a follow-up.
func stepBack(u intent.Understanding, p intent.Understanding) (intent.Period, bool) {
	n := u.Back
	if n == 0 && p.Kind == intent.Bulletin && slices.Contains(monthWords, u.Period.Word) {
		n = 1
	}
	if n == 0 || p.Period.IsZero() || hasRef(u) || hasWho(u) {
		return intent.Period{}, false
	}
	from, to := p.Period.From, p.Period.To
	if from.Day() == 1 && to.Day() == 1 && from.Hour() == 0 && to.Hour() == 0 {
		months := (to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month())
		from, to = from.AddDate(0, -n*months, 0), to.AddDate(0, -n*months, 0)
		label := fmt.Sprintf("%d年%d月", from.Year(), int(from.Month()))
		if months > 1 {
			last := to.AddDate(0, 0, -1)
			label = fmt.Sprintf("%d年%d月—%d年%d月", from.Year(), int(from.Month()), last.Year(), int(last.Month()))
		}
		return intent.Period{From: from, To: to, Label: label}, true
	}
	d := to.Sub(from) * time.Duration(n)
	from, to = from.Add(-d), to.Add(-d)
	return intent.Period{From: from, To: to, Label: from.Format("2006年1月2日") + "—" + to.AddDate(0, 0, -1).Format("1月2日")}, true
}

// followUp completes a question from the last one. The rule is carried's:
// the last question with every slot the message fills replaced, and,
// when it names a new subject, without what described the old subject's
// case. What followUp decides first is whether the rule applies at all —
// a message that asks anew (its own case, someone named without 呢, its
// own whole scope) is answered as it stands — and the cases it answers
// otherwise, each saying why: a step back in time, a bulletin's month, the
// whole county, a day's 那个, a fact asked of the case or list in focus.
func followUp(u intent.Understanding, last *lastQuestion) intent.Understanding {
	if last == nil || !remembered(last.U.Kind) || last.U.Kind == intent.Deadlines {
		return u // a deadline list is remembered for its items (itemOfAgency) only
	}
	if u.Kind == intent.Rates && u.Rank != "" && u.Rate == "" && last.U.Kind == intent.Rates && last.U.Rate != "" && !hasRef(u) {
		// 我们局这个月出庭率多少 → 全县排第几, 今年出庭率 → 哪个单位最低: the
		// ranking of the rate just given, over its period, not the 败诉率's.
		m := u
		m.Rate = last.U.Rate
		if m.Period.IsZero() {
			m.Period = last.U.Period
		}
		m.Mine, m.FollowUp = "", true
		return m
	}
	if back, ok := stepBack(u, last.U); ok && (!u.Anchored || u.Kind == last.U.Kind) {
		// 再往前一个月, 上个月的呢 after a bulletin: the last question of the
		// period before.
		m := last.U
		m.Period = back
		return following(m, u)
	}
	if last.U.Kind == intent.Bulletin {
		// After a bulletin, a month alone (那9月份的呢) is that month's
		// bulletin; anything else is a question of its own.
		// A period with a measure of its own (今年败诉原因主要是啥, 今年败诉率)
		// asks that measure over the period, not the bulletin.
		// A day or a week (下下周一有啥, 明天呢) is no bulletin's period: it
		// asks what happens then, read as a question of its own.
		monthly := !u.Period.IsZero() && !u.Period.To.Before(u.Period.From.AddDate(0, 0, 28))
		if u.Kind != intent.Bulletin && !u.Anchored && monthly && !hasRef(u) && !hasWho(u) &&
			u.Aspect == "" && u.Metric == "" && u.Rate == "" && u.Rank == "" && u.Reason == "" && u.Outcome == "" {
			m := last.U
			m.Period = u.Period
			return following(m, u)
		}
		return u
	}
	if m, ok := countyWideOf(u, last.U); ok {
		return m // 公安局今年败诉率 → 全县呢: the same question over every agency
	}
	if m, ok := ownWholeScope(u, last.U); ok {
		return m // 人社局的庭 → 那明天全县有几个庭: every agency's, not 人社局's
	}
	if m, ok := otherCaseByDay(u, last.U); ok {
		return m // 孙七的案子 → 24号那个呢: the case heard that day, not 孙七's
	}
	switch u.Kind {
	case intent.Case, intent.Cases, intent.Hearings, intent.Count, intent.Rates:
	case intent.Scope:
		if len(u.Residue) > 0 || u.Period.IsZero() || last.U.NotHeld != "" || u.OffTopic {
			return u // 今天天气怎么样 after a not-held question: a question of its own
		}
	default:
		return u
	}
	p := last.U
	if p.Kind == intent.Pick {
		p.Kind = intent.Case
	}
	if p.MustAppear && !u.MustAppear && (u.Agency != "" || len(u.Agencies) > 0 || hasRef(u) || hasWho(u)) {
		// 哪几个要负责人去的 → 人社局今天下午四点那个: a question of its own
		// subject's hearings; carried, the 第4条 filter made a "没有" of a
		// hearing that is there (明天呢 alone keeps it: the same list then).
		p.MustAppear = false
	}
	if u.Kind == intent.Hearings && u.MustAppear && !p.MustAppear && p.Kind == intent.Hearings && u.Period.IsZero() && !u.Upcoming &&
		!hasRef(u) && !hasWho(u) && u.Mine == "" {
		// 下周有几个庭 → 哪几个要负责人去的: those of the hearings just
		// listed (their period and scope) that a head must attend.
		m := p
		m.MustAppear, m.Hearing = true, true
		return following(m, u)
	}
	if m, ok := focusWithPeriod(u, last); ok {
		return m // 行初87 → 这个案子今天开庭吗: that case's hearings then
	}
	if !u.FollowUp && !u.Reference && (u.Kind == intent.Cases || u.Kind == intent.Count) &&
		(u.Stage != "" || u.Cause != "" || u.CaseKind != "" || u.CourtLevel != "" || u.NumberYear != 0) {
		// 工伤的案子 → 二审的有哪些 → 复议的有几个: each names the cases it
		// wants and asks over all of them; the last list's filters stacked
		// under it made a none of filters nobody asked for.
		return u
	}
	if u.Scoped && !u.Reference && !(u.Each && len(last.Shown) > 1) && (u.Kind == intent.Hearings || u.Kind == intent.Case) && !hasRef(u) {
		return ownScope(u) // 哪些庭负责人还没定, 败诉原因都有哪些: its own scope, not the case or list in focus
	}
	if (u.Kind == intent.Hearings || u.Kind == intent.Case) && u.Aspect != "" && !hasRef(u) && !hasWho(u) && u.Period.IsZero() &&
		ownList(p, last) {
		// 查 孙强 → 出庭负责人是谁: the fact of each case the asker listed,
		// not every hearing of the county.
		m := p
		m.Aspect = u.Aspect
		return following(m, u)
	}
	if u.Kind == intent.Hearings && u.Aspect != "" && !hasRef(u) && !hasWho(u) && u.Period.IsZero() &&
		(p.Kind == intent.Case || p.Kind == intent.Cases || p.Kind == intent.Count) && len(last.Shown) == 1 {
		// 行初108 → 镇上谁出庭: a fact of the one case just shown, not
		// every hearing from now on.
		u.Kind, u.Numbers = intent.Case, append([]string(nil), last.Shown...)
		return u
	}
	if u.Kind == intent.Hearings && u.Aspect != "" && !hasRef(u) && u.Agency != "" && u.Party == "" && u.Person == "" &&
		u.Mine == "" && u.Period.IsZero() && !u.Upcoming && !u.Scoped && p.Kind == intent.Hearings && !p.Period.IsZero() && len(last.Shown) > 0 &&
		!newSubject(u, last) {
		// 今天下午有哪些庭 → 那个镇政府出庭的是谁呀: a field asked of an
		// agency's side of the hearings just listed, in their period and
		// half-day, not that agency's hearings from now on (an agency that
		// is no side of them, 交通局那个案子几号开庭, asks of its own).
		m := u
		m.Period, m.TimeOfDay, m.Clock, m.FollowUp = p.Period, p.TimeOfDay, p.Clock, true
		return m
	}
	if u.Kind == intent.Case && u.Aspect == intent.When && u.Order == "next" && !hasRef(u) && !hasWho(u) && u.Period.IsZero() &&
		len(last.Shown) == 0 && p.Kind == intent.Hearings && (p.Person != "" || p.Agency != "" || len(p.Agencies) > 0 || p.Mine != "" || p.Party != "") {
		// 孙强今天有庭没 (none) → 下回是哪天: that person's hearings from
		// now on, the next first; not "which case?".
		m := p
		m.Period, m.Upcoming, m.TimeOfDay, m.Clock, m.Aspect = intent.Period{}, false, "", "", ""
		return following(m, u)
	}
	if u.Kind == intent.Case && !hasRef(u) && !hasWho(u) && u.Period.IsZero() {
		if u.Each && u.Aspect != "" && len(last.Shown) > 1 && (p.Kind == intent.Hearings || p.Kind == intent.Cases) {
			// 负责人都到了吗, after a list: the same list, each with the fact.
			m := p
			m.Aspect = u.Aspect
			return following(m, u)
		}
		if len(last.Shown) > 0 {
			u.Numbers = append([]string(nil), last.Shown...)
			if len(u.Numbers) > 1 && p.Kind != intent.Case {
				u.Numbers = u.Numbers[:1] // the first of a list, and the answer says which
			}
		}
		return u
	}
	narrows := narrowsLast(u, p)
	if u.Anchored && !u.FollowUp && !narrows {
		return u
	}
	if hasRef(u) && !u.FollowUp {
		// A message naming its own case (124号, 行审12的情况) is a new
		// question: the last one's period or kind filters would turn it
		// into an empty list of hearings. 那85号呢 says it follows.
		return u
	}
	// 查 赵一, 原告 欧阳锋, 张三: a new question about someone, unless it
	// says it follows (公安局的呢) or names only an agency after a count, a
	// rate or hearings (本月败诉 → 公安局有吗).
	agencyOnly := u.Kind == intent.Cases && !u.Anchored && u.Agency != "" && u.Party == "" && u.Person == "" &&
		(p.Kind == intent.Count || p.Kind == intent.Rates || p.Kind == intent.Hearings) ||
		// 今天下午的庭 → 镇上派的谁: a field asked of an agency's side
		// of the hearings just listed, not of all that agency's cases —
		// only when the agency is a side of them (李四的工伤案今天下午开吗
		// → 吴久那个交通局的案子几号开庭 is a question of its own).
		u.Kind == intent.Case && !u.Anchored && u.Aspect != "" && !hasRef(u) && u.Agency != "" && u.Party == "" && u.Person == "" &&
			p.Kind == intent.Hearings && !newSubject(u, last)
	if !u.FollowUp && !agencyOnly && (u.Marked || hasWho(u)) {
		return u
	}
	if u.Anchored && u.Kind != p.Kind && !(u.Kind == intent.Rates || u.Kind == intent.Count) {
		return u
	}
	return carried(u, p, last)
}

// carried is the last question p asked again with the changes u makes:
// the one rule of a follow-up, which followUp's cases above only decide
// whether to apply. Every slot u fills replaces the carried one (a period
// with its half-day and clock; the kind of case — 诉讼/复议, 审级, 案由 —
// as one slot); when u names a new subject (newSubject: a case, party,
// agency or person the last answer was not about) in place of the last
// question's own, the slots that described the last subject's hearing or
// case go with it — its half-day and clock, its 案由, 审级 and kind, its
// courtroom, and its period when u asks when (那吴九的呢 after 李四的工伤案
// 今天下午开吗 is 吴九's hearings today, not 吴九's 工伤 hearings this
// afternoon). Only the kind of case of a count or a rate stays: there it
// is the measure's category (复议纠错 → 公安局的呢).
func carried(u, p intent.Understanding, last *lastQuestion) intent.Understanding {
	m := p
	if u.Anchored {
		m.Kind = u.Kind
	}
	if p.Kind == intent.Case && !u.Anchored {
		m.Kind = intent.Hearings // 明天呢, after a case: the hearings then
		m.Numbers, m.Short, m.Seq = nil, "", 0
	}
	replaceSubject(&m, u)
	if newSubject(u, last) && (hasRef(p) || hasWho(p)) {
		// Only a subject replaced takes what described it: 今天下午的庭 →
		// 公安局的呢 asks 公安局's hearings this afternoon.
		dropDescribed(&m, u, p)
	}
	overlay(&m, u, p)
	if u.CaseKind == "" && (u.Rate == intent.CorrectionRate && m.CaseKind == "行政诉讼" || u.Rate == intent.LossRate && m.CaseKind == "行政复议") {
		// 行政诉讼败诉率 → 复议纠错率呢: the rate said names its own kind of
		// case; the carried one would turn it back into the last rate.
		m.CaseKind = ""
	}
	if m.Kind == intent.Hearings {
		m.Hearing = true
	}
	if caseTopicEnds(m.Kind, u, p) {
		m.Numbers, m.Short, m.Seq, m.Recon = nil, "", 0, false // 行初85 → 好 那今年的败诉率呢: the county's
	}
	m.NotHeld = u.NotHeld // what the last question could not be answered about is not this one's
	return following(m, u)
}

// replaceSubject puts the case or who u names in place of m's.
func replaceSubject(m *intent.Understanding, u intent.Understanding) {
	if hasRef(u) {
		// 那85号呢: the same question of another case. The party, agency,
		// person or courtroom that picked the last case picked that one,
		// not this: kept, they named 孙七 over 行初124 in the scope line.
		m.Numbers, m.Short, m.Seq, m.Recon = u.Numbers, u.Short, u.Seq, u.Recon
		if !hasWho(u) {
			m.Party, m.Written, m.Marked, m.Agency, m.Agencies = "", "", false, "", nil
			m.Person, m.PersonRole, m.Mine = "", "", ""
		}
		m.Place, m.CourtLevel = u.Place, u.CourtLevel
	}
	if hasWho(u) {
		if !hasRef(u) {
			m.Numbers, m.Short, m.Seq, m.Recon = nil, "", 0, false // 那金三十一的呢: their case, not the last one
		}
		m.Party, m.Marked, m.Agency, m.Agencies = u.Party, u.Marked, u.Agency, u.Agencies
		m.Person, m.PersonRole, m.Mine = u.Person, u.PersonRole, u.Mine
	}
}

// dropDescribed clears what described the subject u replaced: its
// half-day and clock, its courtroom and court, its 案由 and 审级, its kind
// of case (but a count's or a rate's, which is the measure's category),
// and its period when u asks when (几号开庭: the date is what is asked).
func dropDescribed(m *intent.Understanding, u, p intent.Understanding) {
	m.TimeOfDay, m.Clock, m.Place, m.CourtLevel = "", "", u.Place, u.CourtLevel
	m.Cause, m.Stage = "", ""
	// A count or rate after a count or rate keeps its 复议/诉讼 (the measure);
	// after one case's question (吕二十四复议那个 → 我们局这个月结了几个) the
	// 复议 described that case and goes with it.
	if m.Kind != intent.Count && m.Kind != intent.Rates || p.Kind != intent.Count && p.Kind != intent.Rates {
		m.CaseKind = u.CaseKind
	}
	if u.Aspect == intent.When && u.Period.IsZero() {
		m.Period, m.Upcoming = intent.Period{}, false
	}
}

// overlay puts every slot u fills in place of m's: a slot the new message
// fills replaces the carried one. Two slots are wider than one field: a
// period with its half-day and clock, and the kind of case (诉讼/复议, 审级,
// 案由) as one slot; a hearing filter (只看应当出庭的, 开完的) narrows.
func overlay(m *intent.Understanding, u, p intent.Understanding) {
	switch {
	case u.YearBefore && !p.Period.IsZero():
		// 去年同期呢: the last question's period, a year before.
		m.Period = intent.Period{From: p.Period.From.AddDate(-1, 0, 0), To: p.Period.To.AddDate(-1, 0, 0),
			Label: "去年同期（" + p.Period.From.AddDate(-1, 0, 0).Format("2006年1月2日") + "—" +
				p.Period.To.AddDate(-1, 0, -1).Format("1月2日") + "）"}
	case !u.Period.IsZero():
		m.Period, m.Upcoming = u.Period, u.Upcoming
		m.TimeOfDay, m.Clock = u.TimeOfDay, u.Clock
	}
	if u.TimeOfDay != "" {
		m.TimeOfDay, m.Clock = u.TimeOfDay, u.Clock
	}
	if u.Place != "" {
		m.Place = u.Place
	}
	if u.CourtLevel != "" {
		m.CourtLevel = u.CourtLevel // 下周的庭 → 中院那个谁去: that court's, that week
	}
	if u.NumberYear != 0 {
		m.NumberYear = u.NumberYear
	}
	m.HalfDay = u.HalfDay // 上午还是下午 asks of this turn only
	m.MustAppear = m.MustAppear || u.MustAppear
	m.Held = m.Held || u.Held
	m.NotAppeared = m.NotAppeared || u.NotAppeared
	m.Compare = u.Compare
	if u.Aspect != "" {
		m.Aspect = u.Aspect
	}
	if u.Rate != "" {
		m.Rate = u.Rate
	}
	if u.Rank != "" {
		m.Rank, m.ByCount = u.Rank, u.ByCount
	}
	if u.Metric != "" {
		m.Metric = u.Metric
	}
	if p.Kind == intent.Rates && u.Rate == "" && (u.Metric == intent.Closed || u.Metric == intent.Filed) && (u.Rank != "" || p.Rank != "") {
		// 败诉率排名 → 那结案最多的呢: the ranking by the count named, not
		// the last measure again. After a rate with no ranking, 那这周判的都
		// 有哪些 asks for the cases closed, which the count lists.
		m.Kind, m.Rate, m.Rank, m.ByCount = intent.Rates, intent.LossRate, intent.RankTop, true
		if u.Rank != "" {
			m.Rank = u.Rank
		}
	}
	if u.CaseKind != "" || u.Stage != "" || u.Cause != "" {
		// 工伤的案子 → 那二审的呢: another kind of case, not 二审 among the
		// 工伤 ones (which made a none of two filters).
		m.CaseKind, m.Stage, m.Cause = "", "", ""
	}
	for _, f := range []struct{ dst, src *string }{{&m.CaseKind, &u.CaseKind}, {&m.Stage, &u.Stage}, {&m.Cause, &u.Cause},
		{&m.Outcome, &u.Outcome}, {&m.Reason, &u.Reason}, {&m.Suggestion, &u.Suggestion}} {
		if *f.src != "" {
			*f.dst = *f.src
		}
	}
}

// following is m, the question a follow-up u makes of the last one, with
// u's own words (its filler and residue, for the echo) and marked as a
// follow-up anchored in the last question.
func following(m, u intent.Understanding) intent.Understanding {
	m.Filler, m.Residue = u.Filler, u.Residue
	m.FollowUp, m.Anchored, m.Model = true, true, u.Model
	return m
}

// newSubject reports whether u names a case, party, agency or person that
// the last answer was not about: not the last question's own, nor a side
// (agency, party, head, handler) of a case it showed (last.Sides, read by
// handleText when u names someone). 镇上派的谁 after the hearings of the
// town's case is that case's side; 交通局 after 李四's 人社局 case is
// another subject.
func newSubject(u intent.Understanding, last *lastQuestion) bool {
	if last == nil {
		return false
	}
	p := last.U
	known := func(name string) bool { return slices.Contains(last.Sides, name) }
	switch {
	case len(u.Numbers) > 0 && !slices.Equal(u.Numbers, p.Numbers) && !slices.ContainsFunc(u.Numbers, func(n string) bool {
		return slices.Contains(last.Shown, n)
	}):
		return true
	case (u.Short != "" || u.Seq > 0) && len(u.Numbers) == 0 && (u.Short != p.Short || u.Seq != p.Seq):
		return true
	case u.Party != "" && u.Party != p.Party && !known(u.Party):
		return true
	case u.Person != "" && u.Person != p.Person && !known(u.Person):
		return true
	case u.Agency != "" && len(u.Agencies) == 0 && u.Agency != p.Agency:
		return true // an agency the ledger does not have
	case u.Mine != "" && p.Mine == "" && (p.Party != "" || p.Person != "" || len(p.Numbers) > 0 || p.Short != ""):
		return true // 吕二十四那个 → 我们局这个月结了几个: the asker's own, not that party's
	}
	for _, a := range u.Agencies {
		if !slices.Contains(p.Agencies, a) && !known(a) {
			return true
		}
	}
	return false
}

// sidesOf are the agencies, parties, heads and handlers of the cases
// numbers (the last answer's), for newSubject; a long list is not read
// (its sides would cover most of the ledger and say nothing).
func (s *service) sidesOf(ctx context.Context, numbers []string) ([]string, error) {
	if len(numbers) == 0 || len(numbers) > 20 {
		return nil, nil
	}
	cs, err := s.st.GetMany(ctx, numbers)
	if err != nil {
		return nil, err
	}
	var out []string
	add := func(n string) {
		if n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	for _, c := range cs {
		if c == nil {
			continue
		}
		for _, d := range c.Defendants {
			add(d)
		}
		for _, pt := range c.Plaintiffs {
			add(pt.Name)
		}
		add(c.Handler)
		for _, h := range c.Hearings {
			add(h.Head)
		}
	}
	return out, nil
}

// narrowsLast reports whether u only changes the measure of the last
// question p (王芳手上的案子 → 没结的 / 还有没结的吗; 11月出庭率 → 没达标的单位):
// it names no case, person, party, agency or period of its own, so the
// last question's scope (agency, person, period) carries and the echo says
// it. A message that states its own scope (哪些, 全部, 各单位…) asks anew
// unless it says it follows (结了的呢); a ranking's own 哪些单位 (哪些单位没
// 达标) still keeps the period.
func narrowsLast(u, p intent.Understanding) bool {
	switch u.Kind {
	case intent.Cases, intent.Count, intent.Rates:
	default:
		return false
	}
	if u.Metric == "" && u.Rank == "" && !(u.Kind == intent.Rates && p.Kind == intent.Rates && u.Rate != "" && u.Rate != p.Rate) {
		return false // 1-11月败诉率 → 调撤率是多少: another rate is another measure
	}
	if hasRef(u) || hasWho(u) || u.Marked || !u.Period.IsZero() || u.YearBefore || countyWide(u) || (u.Scoped && !u.FollowUp && u.Kind != intent.Rates) {
		return false
	}
	switch p.Kind {
	case intent.Cases, intent.Count, intent.Rates:
	default:
		return false
	}
	return p.Agency != "" || len(p.Agencies) > 0 || p.Person != "" || p.Party != "" || p.Mine != "" || !p.Period.IsZero()
}

// countyWords widen a question to every agency (全县呢, 全县的).
var countyWords = []string{"全县", "全区", "全市", "所有单位", "全部单位",
	// the county said as the asker's own (intent's ourCountyRe)
	"我们县", "咱们县", "咱县", "我县", "本县", "我们全县", "我们区", "咱们区", "我区", "本区", "整个县", "整个区", "全县范围", "本地区"}

// countyWide reports whether u says it is about the whole county.
func countyWide(u intent.Understanding) bool {
	for _, f := range u.Filler {
		if slices.Contains(countyWords, f) {
			return true
		}
	}
	return false
}

// countyWideOf is the last question p over every agency when u says only
// 全县 or 全部 (公安局今年败诉率 → 全县呢; 我们局的未结案件 → 全县的呢;
// 第一法庭明天的庭 → 那全部的呢): the agency, person, party, own-agency and
// courtroom filters go, the measure and period stay.
func countyWideOf(u, p intent.Understanding) (intent.Understanding, bool) {
	if !statesWhole(u) || hasRef(u) || hasWho(u) || !u.Period.IsZero() || u.Metric != "" || u.Rate != "" || u.Rank != "" {
		return u, false
	}
	switch p.Kind {
	case intent.Rates, intent.Count, intent.Cases, intent.Hearings:
	default:
		return u, false
	}
	if p.Agency == "" && len(p.Agencies) == 0 && p.Mine == "" && p.Person == "" && p.Party == "" && p.Place == "" {
		return u, false
	}
	m := p
	m.Agency, m.Agencies, m.Mine, m.Person, m.PersonRole, m.Party, m.Marked = "", nil, "", "", "", "", false
	m.Place = ""
	m.Numbers, m.Short, m.Seq, m.Recon = nil, "", 0, false
	return following(m, u), true
}

// wholeWords state that a message is about every case, hearing or agency
// (所有未结的案子, 全部的庭, 一共几个): no filter of the last question holds.
var wholeWords = []string{"所有", "所有的", "全部", "全部的", "一共", "总共", "全都"}

// statesWhole reports whether u says it is about every agency or every
// case (全县, or one of wholeWords among its filler).
func statesWhole(u intent.Understanding) bool { return countyWide(u) || saidAny(u, wholeWords) }

// saidAny reports whether one of words is among the filler u set aside.
func saidAny(u intent.Understanding, words []string) bool {
	return slices.ContainsFunc(u.Filler, func(f string) bool { return slices.Contains(words, f) })
}

// ownWholeScope is u asked anew when it names its kind and states its own
// whole scope, though it opens with 那 (人社局的庭 → 那明天全县有几个庭;
// 张三的案子 → 那所有未结的案子有哪些; 第一法庭明天的庭 → 那下周都有哪些庭):
// the last question's agency, person, party, courtroom and case contradict
// it and go. A count or a rate with no period of its own keeps the last
// one's period (公安局上个月败诉几个 → 那全县一共败诉几个), which its scope
// line names. Only an elliptical message (那X呢, 后天呢, 还有呢) inherits the
// rest.
func ownWholeScope(u, p intent.Understanding) (intent.Understanding, bool) {
	if !u.Anchored || hasRef(u) || hasWho(u) || u.Marked {
		return u, false
	}
	switch u.Kind {
	case intent.Cases, intent.Count, intent.Hearings, intent.Rates:
	default:
		return u, false
	}
	// 哪些 with a period of its own asks over that period, whatever the
	// last list was narrowed to (第一法庭明天 → 那下周都有哪些庭).
	fresh := statesWhole(u) || u.Kind == intent.Hearings && u.Scoped && !u.Period.IsZero()
	if !fresh {
		return u, false
	}
	m := u
	if m.Period.IsZero() && !m.Upcoming && (u.Kind == intent.Count || u.Kind == intent.Rates) &&
		(p.Kind == intent.Count || p.Kind == intent.Rates) && !p.Period.IsZero() {
		m.Period = p.Period
	}
	m.FollowUp = false
	return m, true
}

// thatOneWords point at one case or hearing by what follows (24号那个, 25号
// 那场).
var thatOneWords = []string{"那个", "这个", "那场", "这场", "那件", "这件", "那一个", "那个庭", "那个案子"}

// otherCaseByDay reads a day with 那个 after a question about one case or
// a party's case (孙七那个案子什么时候开庭 → 24号那个呢) as the hearings of
// that day: another case, named by its day, so the party that named the
// last one is not carried (it made a false "孙七 has none on the 24th").
// 那明天呢, with no 那个, still asks the same case's party then.
func otherCaseByDay(u, p intent.Understanding) (intent.Understanding, bool) {
	if u.Anchored || hasRef(u) || hasWho(u) || !u.Period.Day() || (p.Kind != intent.Case && p.Kind != intent.Pick && p.Party == "") {
		return u, false
	}
	if !saidAny(u, thatOneWords) {
		return u, false
	}
	m := u
	m.Kind, m.Hearing, m.Aspect = intent.Hearings, true, p.Aspect
	m.FollowUp, m.Anchored = true, true
	return m, true
}

// defaults fills what a question leaves to be understood: a rate or a
// count without a period is this year's (as the bulletin's 累计 is).
func defaults(u intent.Understanding, now time.Time) intent.Understanding {
	switch {
	case u.Kind == intent.Rates && u.Period.IsZero(),
		u.Kind == intent.Count && u.Period.IsZero() && u.Metric != intent.Open && u.Metric != intent.All:
		u.Period = yearOf(now)
	}
	return u
}

// hearingsAlsoRe asks for the hearings of a period beside its changes
// (下周的庭都有哪些 改期的也列一下).
var hearingsAlsoRe = regexp.MustCompile(`(?:庭|开庭)(?:都|一共|总共)?(?:有哪些|有什么|有啥|有几个|安排)[^也]{0,12}(?:也|一起|一并|顺便|包括)`)

func hasRef(u intent.Understanding) bool { return len(u.Numbers) > 0 || u.Short != "" || u.Seq > 0 }

func hasWho(u intent.Understanding) bool {
	return u.Party != "" || u.Agency != "" || u.Person != "" || u.Mine != ""
}

// answerFor answers u within the asker's scope.
func (s *service) answerFor(c bot.Context, u intent.Understanding, last *lastQuestion) (answer, error) {
	if sortByDateAsked(c.Message().Text) {
		if a, ok, err := s.sortPage(c); ok || err != nil {
			return a, err // 按截止时间排一下: the list just shown, in date order
		}
	}
	switch u.Kind {
	case intent.Help:
		if u.Greeting {
			return answer{md: greetingText(c.Person()), noEcho: true}, nil
		}
		return answer{md: helpText(c.Person(), s.scope.FullNames(c.Person()), s.example(c.Now()))}, nil
	case intent.Thanks:
		return answer{md: "不客气！有需要随时发消息给我。"}, nil
	case intent.More:
		return s.more(c)
	case intent.Pick:
		return s.pick(c, u)
	case intent.Confirm:
		return s.applyNews(c, u.Numbers)
	case intent.Case:
		return s.caseAnswer(c, u)
	case intent.Cases:
		return s.casesAnswer(c, u)
	case intent.Hearings:
		return s.hearingsAnswer(c, u)
	case intent.Count:
		return s.countAnswer(c, u)
	case intent.Rates:
		a, err := s.rateAnswer(c, u)
		if err != nil || !u.Why || c.Person().Role == people.Pufa {
			return a, err
		}
		return s.whyRate(c, u, a)
	case intent.Bulletin:
		return s.bulletins.answer(c, u)
	case intent.Explain:
		return s.explains.request(c, u)
	case intent.News:
		return s.news(c, u)
	case intent.Changes:
		if hearingsAlsoRe.MatchString(intent.Normalize(c.Message().Text)) {
			// 下周的庭都有哪些 改期的也列一下: the hearings, then the changes;
			// the changes alone left out the list asked first.
			hu := u
			hu.Kind, hu.Hearing = intent.Hearings, true
			h, err := s.hearingsAnswer(c, hu)
			if err != nil {
				return answer{}, err
			}
			ch, err := s.changes(c, u)
			if err != nil {
				return answer{}, err
			}
			return joinAnswers(h, ch), nil
		}
		return s.changes(c, u)
	case intent.Deadlines:
		if m, ok, err := s.deadlineOfHearings(c, u); err != nil || ok {
			if err != nil {
				return answer{}, err
			}
			return s.caseAnswer(c, m) // 下周一的庭答辩状交了没有: that hearing's case
		}
		return s.deadlinesAnswer(c, u)
	case intent.Files:
		return s.filesAnswer(c, u)
	case intent.People:
		return s.peopleAnswer(c, u)
	case intent.Legal:
		return answer{md: legalText(c.Person() != nil, s.cfg.People.Contact, c.UserID()), outcome: audit.LegalQ, noEcho: true}, nil
	}
	if u.Kind == intent.Unknown {
		return answer{md: vagueText(c.Person()), outcome: audit.NotKnown, noEcho: true}, nil
	}
	return s.notUnderstood(c, u)
}

// recordAnswer audits a question with what was understood of it.
func (s *service) recordAnswer(c bot.Context, u intent.Understanding, a answer, modelMS int) error {
	action := a.action
	if action == "" {
		action = audit.Query
	}
	e := s.entry(c, action, string(u.Kind), a.results, a.shown, a.detail)
	e.Understood = u.Echo(nil)
	e.Residue = strings.Join(u.Residue, " ")
	e.ModelMS = modelMS
	e.Outcome = a.outcome
	if e.Outcome == "" {
		switch {
		case len(a.claims) > 0 && a.results == 0:
			e.Outcome = audit.Nothing
		case len(u.Residue) > 0:
			e.Outcome = audit.Partly
		default:
			e.Outcome = audit.Answered
		}
	}
	if s.onAnswer != nil {
		s.onAnswer(c, u, a)
	}
	return s.audit.Record(c.Ctx(), e)
}

// whyRate follows a rate asked with 为什么 by the cases behind it: for the
// 出庭率 the hearings held whose head did not appear (or is not recorded),
// for the others the cases lost, in the same period and agencies.
func (s *service) whyRate(c bot.Context, u intent.Understanding, a answer) (answer, error) {
	v := intent.Understanding{Period: u.Period, Agencies: u.Agencies, Anchored: true}
	if !c.Person().Bureau() {
		v.Mine = u.Mine
	}
	if v.Period.IsZero() {
		v.Period = yearOf(c.Now())
	}
	var why answer
	var err error
	if u.Rate == intent.AppearanceRate {
		v.Kind, v.Held, v.NotAppeared, v.Hearing = intent.Hearings, true, true, true
		why, err = s.hearingsAnswer(c, v)
	} else if u.Rate == intent.CorrectionRate {
		// 纠错率 → 哪几件: the 复议 decisions that corrected, not the lost suits.
		v.Kind, v.Metric, v.CaseKind = intent.Count, intent.Corrected, "行政复议"
		why, err = s.countAnswer(c, v)
	} else {
		v.Kind, v.Metric = intent.Count, intent.Lost
		why, err = s.countAnswer(c, v)
	}
	if err != nil {
		return a, err
	}
	if why.results > 0 {
		a.md += "\n\n**原因在于以下案件**："
	}
	a.md += "\n\n" + why.md
	a.claims = append(a.claims, why.claims...)
	a.shown = append(a.shown, why.shown...)
	a.results += why.results
	return a, nil
}

// followNote answers a request to be told of a case later: what the
// hearing reminders send of themselves as configured (reminders.DayBefore,
// DayOf, Rescheduled, Cancelled) and where an outcome is found; the bot
// keeps no per-person subscription to a case.
func (s *service) followNote() string {
	r := s.cfg.Reminder
	var when []string
	if r.BeforeAt != "" {
		if d := max(r.BeforeDays, 1); d == 1 {
			when = append(when, "开庭前一天")
		} else {
			when = append(when, fmt.Sprintf("开庭前%d天", d))
		}
	}
	if r.DayOfAt != "" {
		when = append(when, "开庭当天")
	}
	sent := "开庭提醒目前未开启，开庭安排请以台账和法院通知为准"
	if r.Enabled && len(when) > 0 {
		sent = "系统会在" + strings.Join(when, "和") + "向该庭的出庭负责人和承办人发送开庭提醒，开庭改期或取消时通知已提醒的人"
	}
	return "<font color=\"comment\">说明：我不能单独订阅某个案件、在有结果时另行通知您。" + sent +
		"；判决结果等由应诉专班登记到台账后，您可以随时问我（例如“101号判了吗”），结案情况也会计入月度败诉通报。</font>"
}

// unreadNote names the words the answer could not apply (元旦后, 答复):
// a bound or a topic dropped silently would pass a broader answer off as
// the one asked. A lone character left over (派, 行) is a particle of
// speech, not a filter, and is not named.
func unreadNote(residue []string, why string) string {
	var words []string
	for _, r := range residue {
		if utf8.RuneCountInString(r) >= 2 {
			words = append(words, "“"+r+"”")
		}
	}
	if len(words) == 0 {
		return ""
	}
	note := "，未能按" + strings.Join(words, "、") + "筛选"
	if why != "" {
		note += "（" + why + "）"
	}
	return note
}

// unlessCarriedNone answers again a "没有" that holds only under filters
// the message itself did not say, carried from the conversation (哪几个要
// 负责人去的 → 人社局今天下午四点那个咋办, 交通局的案子 → 这个月输了几个):
// the none is true of the question completed, but the user may not have
// meant the carried part, and a head who reads "没有" stays away. When the
// message read alone finds something, both are said: the none with its
// filters, then what the message alone finds. Otherwise a is unchanged.
func (s *service) unlessCarriedNone(c bot.Context, a answer, u, said intent.Understanding, prev *lastQuestion) (answer, error) {
	if a.results > 0 || len(a.claims) == 0 || prev == nil || pickOrNext(said) {
		return a, nil
	}
	if !carriedFilter(u, said) || !ownQuestion(said) {
		return a, nil
	}
	b, err := s.answerFor(c, said, nil)
	if err != nil || b.results == 0 {
		return a, err
	}
	a.md = a.md + "\n\n只按这条消息本身（" + said.Echo(nil) + "）查询：\n\n" + b.md
	a.claims = append(a.claims, b.claims...)
	a.shown, a.results = b.shown, b.results
	return a, nil
}

// carriedFilter reports whether u, the question completed from the
// conversation, filters by something said did not: a narrowing kind, an
// agency, a party, a person, a 案由 or a stage the message never named.
func carriedFilter(u, said intent.Understanding) bool {
	return u.MustAppear && !said.MustAppear ||
		u.Agency != "" && said.Agency == "" && len(said.Agencies) == 0 ||
		u.Party != "" && said.Party == "" ||
		u.Person != "" && said.Person == "" ||
		u.Cause != "" && said.Cause == "" ||
		u.Stage != "" && said.Stage == "" ||
		u.CaseKind != "" && said.CaseKind == ""
}

// ownQuestion reports whether said, read alone, asks something that can
// be answered without the conversation: a kind of its own with a period
// or a subject.
func ownQuestion(said intent.Understanding) bool {
	switch said.Kind {
	case intent.Hearings, intent.Count, intent.Cases:
	default:
		return false
	}
	if said.FollowUp && said.Agency == "" && len(said.Agencies) == 0 && said.Metric == "" {
		return false // 公安局的庭 → 下周三呢: the same subject then, said so
	}
	return !said.Period.IsZero() || said.Agency != "" || len(said.Agencies) > 0 || said.Metric != ""
}

// rateNamedRe names a rate or what it measures in a ranking question.
var rateNamedRe = regexp.MustCompile(`败诉|输|出庭|应诉|纠错|调撤|撤诉|收案|新收|立案`)

// pickOrNext reports whether said picks from or steps through the last
// list (第二个, 下一个): nothing of its own to read.
func pickOrNext(said intent.Understanding) bool {
	return said.Kind == intent.Pick || said.Kind == intent.More
}
