package reminders

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/people"
	"casebot/bot/store"
	"casebot/bot/workcal"
)

// errSkip leaves a case unwritten from inside store.Update.
var errSkip = errors.New("nothing to change")

// lostOrCorrected reports whether a closed case calls for 一案一整改: a
// litigation outcome in the configured 败诉 set, or a reconsideration 纠错.
func (s *Service) lostOrCorrected(c *cases.Case) bool {
	return s.loss.Lost(c) || cases.Corrected(c)
}

// rectifyFrom is the day a 整改 report's period runs from: service of the
// judgment or decision, else the closing date.
func (s *Service) rectifyFrom(c *cases.Case) time.Time {
	if !c.ServedOn.IsZero() {
		return c.ServedOn
	}
	return c.Closure.On
}

// lossesBetween returns the numbers of the cases closed in [from, to) that
// call for 一案一整改.
func (s *Service) lossesBetween(ctx context.Context, from, to time.Time) ([]string, error) {
	return lossesBetween(ctx, s.st, s.loss, from, to)
}

func lossesBetween(ctx context.Context, st *store.Store, loss cases.LossSet, from, to time.Time) ([]string, error) {
	lit, err := st.ClosedWithOutcomes(ctx, cases.Litigation, loss.Outcomes(), from, to)
	if err != nil {
		return nil, err
	}
	rec, err := st.ClosedWithOutcomes(ctx, cases.Reconsideration, cases.Corrections, from, to)
	if err != nil {
		return nil, err
	}
	return append(lit, rec...), nil
}

// requestRectifications asks for a 整改 report on every case closed as a
// loss whose report period has not run out and that was not asked about
// yet: the request is recorded with the case (which makes it a deadline,
// indexed), and the sweep's deadline pass then sends the cards, once.
// Losses older than the period (a ledger imported with its history) are
// not asked about: nothing could be filed on time.
func (s *Service) requestRectifications(ctx context.Context, now time.Time) error {
	ask, err := s.pendingRectifications(ctx, now)
	if err != nil {
		return err
	}
	for _, want := range ask {
		_, err = s.st.Update(ctx, want.Number, func(c *cases.Case) error {
			if c.Rectify != nil || c.Closure == nil || !s.lostOrCorrected(c) {
				return errSkip
			}
			c.Rectify = want.Rectify
			return nil
		})
		if err != nil && !errors.Is(err, errSkip) && !errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("request 整改 report of %s: %w", want.Number, err)
		}
	}
	return nil
}

// pendingRectifications returns the losses a sweep at now asks a 整改 report
// of, as copies with the request set, without writing anything (the dry
// run shows their cards).
func (s *Service) pendingRectifications(ctx context.Context, now time.Time) ([]*cases.Case, error) {
	today := DateOf(now, s.loc)
	days := s.dl.rectify.DueDays
	from := today.AddDays(-days-1).At(workcal.Clock{}, s.loc)
	numbers, err := s.lossesBetween(ctx, from, today.AddDays(1).At(workcal.Clock{}, s.loc))
	if err != nil {
		return nil, fmt.Errorf("load losses: %w", err)
	}
	// Those with a report open or under review were asked already: the
	// deadline index says so without reading the cases.
	asked, err := s.st.DeadlineRefs(ctx, workcal.Day{}, today.AddDays(800), deadline.Rectify, deadline.RectifyReview)
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(asked))
	for _, a := range asked {
		seen[a.Number] = true
	}
	numbers = slices.DeleteFunc(numbers, func(n string) bool { return seen[n] })
	cs, err := s.st.GetMany(ctx, numbers)
	if err != nil {
		return nil, err
	}
	var ask []*cases.Case
	for _, c := range cs {
		if rc := s.unasked(c, today); rc != nil {
			rc.RequestedOn = now
			c.Rectify = rc
			ask = append(ask, c)
		}
	}
	if len(ask) == 0 {
		return nil, nil
	}
	repeats, err := s.repeatLosses(ctx, ask)
	if err != nil {
		return nil, err
	}
	for _, c := range ask {
		c.Rectify.Repeat = repeats[c.Number]
	}
	return ask, nil
}

// unasked returns the 整改 request a sweep on today would record for c — a
// loss or a correction with no record yet whose report period has not run
// out — or nil when c calls for none. Losses older than the period (a
// ledger imported with its history) are not asked about: nothing could be
// filed on time.
func (s *Service) unasked(c *cases.Case, today Day) *cases.Rectification {
	if c == nil || c.Rectify != nil || c.Closure == nil || !s.lostOrCorrected(c) {
		return nil
	}
	from := DateOf(s.rectifyFrom(c), s.loc)
	if deadline.RectifyDue(s.sched.Cal, from, s.dl.rectify.DueDays).Before(today) {
		return nil
	}
	return &cases.Rectification{From: from.At(workcal.Clock{}, s.loc), Status: cases.RectifyRequested}
}

// Unasked returns the losses whose 整改 report the next sweep will request
// (none was requested yet: the loss is new, or reminders are off), as copies
// carrying that request, so that a 整改 question counts them as owed instead
// of answering that nothing is owed.
func (s *Service) Unasked(ctx context.Context, now time.Time) ([]*cases.Case, error) {
	return s.pendingRectifications(ctx, now)
}

// UnaskedCase is Unasked for one case: a copy of c with the request a sweep
// at now would record (RequestedOn zero: it is not sent yet), or nil.
func (s *Service) UnaskedCase(c *cases.Case, now time.Time) *cases.Case {
	rc := s.unasked(c, DateOf(now, s.loc))
	if rc == nil {
		return nil
	}
	k := *c
	k.Rectify = rc
	return &k
}

// repeatLosses is RepeatLosses with the service's store, 败诉 set and
// rectify.repeat_within_days.
func (s *Service) repeatLosses(ctx context.Context, cs []*cases.Case) (map[string]string, error) {
	return RepeatLosses(ctx, s.st, s.loss, s.dl.rectify.RepeatWithinDays, cs)
}

// RepeatLosses returns, for each of cs (closed cases) that has one, the
// number of the latest earlier case that one of its defendants lost (or had
// corrected) in the same 案由 within withinDays before it closed (再次败诉,
// rectify.repeat_within_days): one read of the losses of that span for all
// of cs. The 整改 request records it (Rectification.Repeat) and the chat
// answers 再次败诉的有没有 with it, so the two never disagree.
func RepeatLosses(ctx context.Context, st *store.Store, loss cases.LossSet, withinDays int, cs []*cases.Case) (map[string]string, error) {
	if len(cs) == 0 {
		return map[string]string{}, nil
	}
	from, to := cs[0].Closure.On, cs[0].Closure.On
	for _, c := range cs {
		if c.Closure.On.Before(from) {
			from = c.Closure.On
		}
		if c.Closure.On.After(to) {
			to = c.Closure.On
		}
	}
	within := time.Duration(withinDays) * 24 * time.Hour
	numbers, err := lossesBetween(ctx, st, loss, from.Add(-within), to)
	if err != nil {
		return nil, err
	}
	past, err := st.GetMany(ctx, numbers)
	if err != nil {
		return nil, err
	}
	type lossAt struct {
		number string
		on     time.Time
	}
	byKey := map[string][]lossAt{} // agency|案由 → its losses
	for _, e := range past {
		if e == nil || !(loss.Lost(e) || cases.Corrected(e)) {
			continue
		}
		for _, a := range e.Defendants {
			k := a + "|" + strings.TrimSpace(e.Cause)
			byKey[k] = append(byKey[k], lossAt{e.Number, e.Closure.On})
		}
	}
	out := map[string]string{}
	for _, c := range cs {
		var best lossAt
		for _, a := range c.Defendants {
			for _, e := range byKey[a+"|"+strings.TrimSpace(c.Cause)] {
				if e.number != c.Number && e.on.Before(c.Closure.On) && !e.on.Before(c.Closure.On.Add(-within)) && e.on.After(best.on) {
					best = e
				}
			}
		}
		if best.number != "" {
			out[c.Number] = best.number
		}
	}
	return out, nil
}

// SweepCase sends what one case's deadlines have due at now, without the
// sweep lock (each push is still claimed): used right after a 整改 report
// is filed or returned, so the reviewers or the agency hear of it at once.
// It returns how many pushes went out.
func (s *Service) SweepCase(ctx context.Context, number string, now time.Time) (int, error) {
	c, err := s.st.Get(ctx, number)
	if err != nil {
		return 0, err
	}
	var dds []store.DueDeadline
	for _, d := range s.st.Deadlines.Open(c) {
		dds = append(dds, store.DueDeadline{Case: c, Deadline: d})
	}
	dir, dests, err := s.directory(ctx)
	if err != nil {
		return 0, err
	}
	now = now.In(s.loc)
	items, err := s.deadlinePlan(ctx, now, dds, dir, dests, true)
	if err != nil {
		return 0, err
	}
	risks, err := s.riskCandidates(ctx, now, []*cases.Case{c}, true)
	if err != nil {
		return 0, err
	}
	if risks, err = s.open(ctx, now, risks, nil, dests); err != nil {
		return 0, err
	}
	items = append(items, risks...)
	var rep Report
	r := &run{s: s, now: now, rep: &rep}
	err = r.send(ctx, items, dests)
	return rep.Sent, err
}

// deadlineTask loads what a deadline card is about and says whether the
// card still stands: the case has the deadline, with the same last day,
// still open.
func (s *Service) deadlineTask(ctx context.Context, t *Task) (it Item, d deadline.Deadline, cur bool, err error) {
	it = Item{Case: t.Case, Recipient: t.Recipient, Kind: t.Kind, Occ: t.Occ, At: t.At,
		Role: people.Role(t.Role), Agency: t.Agency}
	c, err := s.st.Get(ctx, t.Case)
	if errors.Is(err, store.ErrNotFound) {
		return it, d, false, nil
	}
	if err != nil {
		return it, d, false, err
	}
	dir, _, err := s.directory(ctx)
	if err != nil {
		return it, d, false, err
	}
	rs, _ := dir.Recipients(c, cases.Hearing{})
	it.Heads, it.Handlers = byRole(rs)
	it.CaseData, it.Person = c, dir.Person(t.Recipient)
	d, ok := s.st.Deadlines.Find(c, t.Deadline)
	if !ok {
		// A report reviewed or returned has no review deadline any more:
		// show the card as it was.
		d = deadline.Deadline{Kind: t.Deadline, Due: workcal.DayFromNumber(t.Due)}
	}
	it.Deadline = &d
	return it, d, ok && d.Open() && d.Due.Number() == t.Due, nil
}

// record writes one audit entry of a change made by a card.
func (s *Service) record(ctx context.Context, user string, now time.Time, kind, number, text string) error {
	e := audit.Entry{At: now, User: user, Action: audit.Update, Kind: kind, Text: text, Results: 1, Cases: []string{number}}
	if p, err := s.st.Person(ctx, user); err == nil && p != nil {
		e.Name, e.Role = p.Name, string(p.Role)
	}
	return s.audit.Record(ctx, e)
}

// deadlineClick handles a button of a deadline, 整改 request or review card.
func (s *Service) deadlineClick(ctx context.Context, t *Task, user, action string, now time.Time) (Outcome, error) {
	it, d, cur, err := s.deadlineTask(ctx, t)
	if err != nil {
		return Outcome{}, err
	}
	settle := func(text string) *bot.TemplateCard { return s.settled(it, t, now, text) }
	who := user
	if it.Person != nil {
		who = it.Person.Name
	}
	stamp := now.In(s.loc).Format("1月2日15:04")
	if !cur {
		// What the ledger now holds of the deadline, said as it is: a
		// tap that registered nothing never reads as if it had.
		text := "这次点击未作登记：该期限在台账中已不在计（可能已变更），请以台账为准"
		if it.CaseData != nil {
			cd, found := s.st.Deadlines.Find(it.CaseData, t.Deadline)
			switch {
			case !found:
			case cd.Done && !cd.DoneOn.IsZero():
				text = "这次点击未作登记：该期限已登记完成（" + cd.DoneOn.String() + "），请以台账为准"
			case cd.Done:
				text = "这次点击未作登记：该期限已登记完成，请以台账为准"
			case cd.Moot:
				text = "这次点击未作登记：该案已结案，该期限不再计算"
			case cd.Due.Number() != t.Due:
				text = "这次点击未作登记：该期限已变更为" + cd.Due.String() + "，请以台账和新的提醒为准"
			}
		}
		if t.Kind == RectifyReview {
			text = "该整改报告已审核或已重新报送，请以台账为准"
			if it.CaseData != nil && it.CaseData.Rectify != nil && it.CaseData.Rectify.ReviewedBy != "" {
				text = "该整改报告已由" + s.personName(ctx, it.CaseData.Rectify.ReviewedBy) + "审核（" + it.CaseData.Rectify.Status.Label() + "）"
			}
		}
		return Outcome{Card: settle(text), Reply: text + "。"}, nil
	}
	today := DateOf(now, s.loc).At(workcal.Clock{}, s.loc)
	update := func(kind, text string, fn func(c *cases.Case) error) (Outcome, error) {
		if _, err := s.st.Update(ctx, t.Case, fn); err != nil {
			if errors.Is(err, store.ErrNotFound) {
				return Outcome{Card: settle("该案件已从台账删除")}, nil
			}
			return Outcome{}, err
		}
		if err := s.record(ctx, user, now, kind, t.Case, text); err != nil {
			return Outcome{}, err
		}
		if err := s.logClick(ctx, t.Occ, Click{User: user, Action: action, At: now, Task: t.ID}); err != nil {
			return Outcome{}, err
		}
		return Outcome{Card: settle(text + "（" + who + "，" + stamp + "）"), Reply: text + "，台账已更新。"}, nil
	}
	switch action {
	case ActionDone:
		switch d.Kind {
		case deadline.Answer, deadline.Reply:
			word := map[deadline.Kind]string{deadline.Answer: "已登记：答辩状和证据已提交", deadline.Reply: "已登记：书面答复已提交"}[d.Kind]
			return update("deadline_done", word+"（"+fmt.Sprintf("%d月%d日", today.Month(), today.Day())+"）", func(c *cases.Case) error {
				if !c.AnsweredOn.IsZero() {
					return errSkip
				}
				c.AnsweredOn = today
				return nil
			})
		case deadline.JudicialReply, deadline.ProcuratorialReply:
			kind := cases.JudicialSuggestion
			if d.Kind == deadline.ProcuratorialReply {
				kind = cases.ProcuratorialSuggestion
			}
			return update("deadline_done", "已登记："+string(kind)+"已书面回复（"+fmt.Sprintf("%d月%d日", today.Month(), today.Day())+"）", func(c *cases.Case) error {
				sg := c.Suggestion(kind)
				if sg == nil || !sg.RepliedOn.IsZero() {
					return errSkip
				}
				sg.RepliedOn = today
				return nil
			})
		}
	case ActionAppealed, ActionNoAppeal:
		if d.Kind != deadline.Appeal {
			break
		}
		appealed := action == ActionAppealed
		text := "已登记：已上诉"
		if !appealed {
			text = "已登记：不上诉"
		}
		return update("deadline_done", text, func(c *cases.Case) error {
			if c.Appealed != nil {
				return errSkip
			}
			c.Appealed = &appealed
			return nil
		})
	case ActionNoted:
		if err := s.logClick(ctx, t.Occ, Click{User: user, Action: action, At: now, Task: t.ID}); err != nil {
			return Outcome{}, err
		}
		return Outcome{Card: settle("已知悉（" + who + "，" + stamp + "）")}, nil
	case ActionAnalysis, ActionMeasures:
		if d.Kind != deadline.Rectify {
			break
		}
		if action == ActionAnalysis {
			return Outcome{Await: QuestionAnalysis, Reply: "请直接回复本案的败诉原因分析（事实认定、法律适用、程序、证据等方面存在的问题），一条消息即可。回复“取消”可放弃。\n" + s.UploadHint()}, nil
		}
		return Outcome{Await: QuestionMeasures, Reply: "请直接回复整改措施（针对败诉原因，写明具体措施、责任部门和完成时限），一条消息即可。回复“取消”可放弃。\n" + s.UploadHint()}, nil
	case ActionApprove:
		if d.Kind != deadline.RectifyReview {
			break
		}
		return update("rectify_review", "整改报告审核通过", func(c *cases.Case) error {
			if c.Rectify == nil || c.Rectify.Status != cases.RectifyFiled {
				return errSkip
			}
			c.Rectify.Status, c.Rectify.ReviewedOn, c.Rectify.ReviewedBy, c.Rectify.ReviewNote = cases.RectifyApproved, now, user, ""
			return nil
		})
	case ActionReturn:
		if d.Kind != deadline.RectifyReview {
			break
		}
		return Outcome{Await: QuestionReturn, Reply: "请回复退回意见（需要补充或修改的内容），将转告报送单位。回复“取消”可放弃。"}, nil
	}
	return Outcome{}, bot.Errorf(bot.EInvalid, "这个按钮已失效，请以最新的提醒为准。")
}

func (s *Service) personName(ctx context.Context, user string) string {
	if p, err := s.st.Person(ctx, user); err == nil && p != nil {
		return p.Name
	}
	return user
}

// rectifyAnswer takes the text answering a 整改 card's question: a part
// of the report (which, once both parts are in, files it and tells the
// reviewers) or the note of a 退回 (which tells the agency).
func (s *Service) rectifyAnswer(ctx context.Context, question string, t *Task, user, text string, now time.Time) (Outcome, error) {
	if text == "取消" || text == "算了" {
		return Outcome{Reply: "已取消，未作修改。"}, nil
	}
	if text == "" {
		return Outcome{}, bot.Errorf(bot.EInvalid, "内容不能为空，请直接回复文字，或回复“取消”。")
	}
	_, _, cur, err := s.deadlineTask(ctx, t)
	if err != nil {
		return Outcome{}, err
	}
	if !cur {
		return Outcome{Reply: "该整改报告已报送、已审核或已变更，请以台账为准。"}, nil
	}
	text = truncate(text, maxReportRunes)
	if question == QuestionAnalysis || question == QuestionMeasures {
		part := "整改措施"
		if question == QuestionAnalysis {
			part = "败诉原因分析"
		}
		res, err := s.fileRectify(ctx, t.Case, user, now, "rectify_report", part+"："+truncate(text, 100), func(rc *cases.Rectification) error {
			if question == QuestionAnalysis {
				rc.Analysis = text
			} else {
				rc.Measures = text
			}
			return nil
		})
		var ue *bot.Error
		if errors.As(err, &ue) {
			return Outcome{Reply: ue.Message}, nil
		}
		if err != nil {
			return Outcome{}, err
		}
		rc := res.c.Rectify
		switch {
		case res.filed && rc.Analysis != "" && rc.Measures != "":
			return Outcome{Reply: "整改报告（败诉原因分析和整改措施）已报送，等待司法局审核。"}, nil
		case res.filed:
			return Outcome{Reply: "已收到" + part + "，与已上传的整改报告文件一并报送，等待司法局审核。"}, nil
		case question == QuestionAnalysis:
			return Outcome{Reply: "已收到败诉原因分析。还需要整改措施，请点卡片上的“填报整改措施”。" + s.UploadHint()}, nil
		default:
			return Outcome{Reply: "已收到整改措施。还需要败诉原因分析，请点卡片上的“填报原因分析”。" + s.UploadHint()}, nil
		}
	}
	if question != QuestionReturn {
		return Outcome{}, fmt.Errorf("unknown 整改 question %q", question)
	}
	_, err = s.st.Update(ctx, t.Case, func(c *cases.Case) error {
		rc := c.Rectify
		if rc == nil || rc.Status != cases.RectifyFiled {
			return errSkip
		}
		rc.Status, rc.ReviewedOn, rc.ReviewedBy, rc.ReviewNote = cases.RectifyReturned, now, user, text
		return nil
	})
	if errors.Is(err, errSkip) {
		return Outcome{Reply: "该整改报告已报送、已审核或已变更，请以台账为准。"}, nil
	}
	if err != nil {
		return Outcome{}, err
	}
	if err := s.record(ctx, user, now, "rectify_review", t.Case, "整改报告退回："+truncate(text, 100)); err != nil {
		return Outcome{}, err
	}
	if _, err := s.SweepCase(ctx, t.Case, now); err != nil {
		// Recorded: the next sweep sends what this could not.
		s.Log.Warn("整改 notice not sent at once; the next sweep retries", "case", t.Case, "err", err)
	}
	reply := "已退回，并将退回意见转告报送单位。"
	return Outcome{Reply: reply}, nil
}
