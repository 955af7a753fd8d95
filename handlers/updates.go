package handlers

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/ledger"
	"casebot/bot/people"
	"casebot/bot/store"
)

// registerUpdates adds the chat commands that change a case (开庭, 增加开庭,
// 改期, 结案, 出庭) and the confirmation they wait for. A command word with
// only a case number after it (“开庭 (2025)…号”) is a question, left to the
// query handler.
func registerUpdates(b *bot.Bot, s *service) {
	b.Text(func(text string) bool {
		// Only whether it is an update matters here, not its dates; the
		// bot's clock is used all the same, so tests never see wall time.
		now := time.Now()
		if b.Now != nil {
			now = b.Now()
		}
		_, ok, _ := intent.ParseUpdate(text, s.updateOptions(now))
		return ok
	}, s.handleUpdate)
	b.Await(awaitConfirm, s.confirm(b))
}

// caseChange is a confirmed-to-be change to one case.
type caseChange struct {
	Kind   intent.UpdateKind `json:"kind"`
	Number string            `json:"number"`
	// Op is what is done: add or move a hearing, close, record appearance.
	Op        string    `json:"op"`
	HearingID int       `json:"hearing_id,omitempty"`
	From      time.Time `json:"from,omitzero"` // the hearing's time when proposed
	At        time.Time `json:"at,omitzero"`
	Place     string    `json:"place,omitempty"`
	// MustAppear, Head and HeadPost are carried over to an added hearing
	// from the case's latest one.
	MustAppear bool          `json:"must_appear,omitempty"`
	Head       string        `json:"head,omitempty"`
	HeadPost   string        `json:"head_post,omitempty"`
	Method     cases.Outcome `json:"method,omitempty"`
	Reason     string        `json:"reason,omitempty"`
	Appeared   *bool         `json:"appeared,omitempty"`
	// Days is a 复议 case's 延长审理期限 (opExtend).
	Days int `json:"days,omitempty"`
	// Served is set on a closing told with the paper received (92号判决书
	// 拿到了 我们败诉了): the closing day is also the 裁判文书送达日期.
	Served bool `json:"served,omitempty"`
}

const (
	opAddHearing    = "add-hearing"
	opMoveHearing   = "move-hearing"
	opCancelHearing = "cancel-hearing" // a hearing reported postponed or cancelled
	opClose         = "close"
	opAppearance    = "appearance"
	opMustAppear    = "must-appear" // a hearing's 应当出庭, nothing beside it
	opDelete        = "delete"
)

func bureauOnly() error {
	return bot.Errorf(bot.EForbidden, "只有司法局工作人员和管理员可以在聊天中修改台账。如需更正案件信息，请联系司法局应诉专班。")
}

func (s *service) handleUpdate(c bot.Context) error {
	viewer := c.Person()
	u, _, perr := intent.ParseUpdate(c.Message().Text, s.updateOptions(c.Now()))
	if !viewer.Bureau() {
		// A head or handler writing 改期 行初117 下周三上午九点半: news
		// from the field, forwarded to staff for their 确认, not a change
		// of their own.
		if perr == nil && (u.Kind == intent.MoveHearing || u.Kind == intent.SetHearing) {
			return s.reportUpdate(c, u)
		}
		if err := s.record(c, audit.Refused, string(u.Kind), 0, nil, "无修改权限"); err != nil {
			return err
		}
		return bureauOnly()
	}
	if u.Kind == intent.DeleteCase && viewer.Role != people.Admin {
		if err := s.record(c, audit.Refused, string(u.Kind), 0, u.Numbers, "删除案件仅限管理员"); err != nil {
			return err
		}
		return bot.Errorf(bot.EForbidden, "只有管理员可以删除案件。如有案件误录，请联系管理员。")
	}
	if perr != nil {
		if err := s.record(c, audit.Update, string(u.Kind), 0, nil, "未能识别："+perr.Error()); err != nil {
			return err
		}
		return bot.Errorf(bot.EInvalid, "%s", perr.Error())
	}
	return s.proposeUpdate(c, u)
}

// proposeUpdate finds the one case an update names and proposes the
// change, to be applied on 确认; a case that is missing or ambiguous is a
// user-facing error.
func (s *service) proposeUpdate(c bot.Context, u intent.Update) error {
	found, err := s.st.GetMany(c.Ctx(), u.Numbers)
	if err != nil {
		return err
	}
	var cs []*cases.Case
	for _, c := range found {
		if c != nil {
			cs = append(cs, c)
		}
	}
	switch {
	case len(cs) == 0:
		msg := "台账中没有案件 " + strings.Join(u.Numbers, "、") + "，请核对案号后重新发送。"
		if len(u.Numbers) == 0 {
			msg = fmt.Sprintf("无法确定“%s”是哪个法院的案件，请写出完整案号后重新发送。", u.Short)
		}
		if err := s.record(c, audit.Update, string(u.Kind), 0, u.Numbers, "案件不存在"); err != nil {
			return err
		}
		return bot.Errorf(bot.ENotFound, "%s", msg)
	case len(cs) > 1:
		var ns []string
		for _, c := range cs {
			ns = append(ns, c.Number)
		}
		return bot.Errorf(bot.EInvalid, "“%s”对应多个案件（%s），请写出完整案号后重新发送。", u.Short, strings.Join(ns, "、"))
	}
	ch, summary, err := s.plan(c, u, cs[0])
	if err != nil {
		return err
	}
	return s.propose(c, &pending{Summary: summary, Case: ch})
}

// reportedChange handles a closing or an appearance told as news
// (intent.ReportedUpdate): staff get the change to confirm, as if they had
// written the command; a report without a case asks for it, in the
// command's exact form; a head or handler is told who records it and
// how, since only the bureau changes the ledger.
func (s *service) reportedChange(c bot.Context, up intent.Update, last *lastQuestion) error {
	usage, what := intent.Usage(intent.CloseCase, c.Now()), "结案"
	switch up.Kind {
	case intent.Appearance:
		usage, what = intent.Usage(intent.Appearance, c.Now()), "出庭情况"
	case intent.SetMustAppear:
		// 92号台账写的否应当出庭: the 应当出庭 column, which staff change
		// in words (更正 92号 应当出庭为是); no command of its own.
		usage, what = "更正 案号 应当出庭为是（或否）", "应当出庭"
	}
	if done, err := s.reportedCase(c, &up, what, usage); done || err != nil {
		return err // a number named: never the case in focus
	}
	if !hasUpdateRef(up) && last != nil && len(last.Shown) == 1 {
		// 行初101 → 局长上午出庭了 登记一下; but a day or head said that the
		// case in focus has no hearing for is about another hearing.
		fits, err := s.focusAgrees(c, last.Shown[0])
		if err != nil {
			return err
		}
		if fits && up.Kind == intent.Appearance {
			if fits, err = s.appearanceFocusFits(c, up, last.Shown[0]); err != nil {
				return err
			}
		}
		if fits {
			up.Numbers = append([]string(nil), last.Shown...)
		}
	}
	if !c.Person().Bureau() {
		if done, err := s.relayReport(c, up, what); done || err != nil {
			return err
		}
		if msg, ok, err := s.notYetHeld(c, up); err != nil || ok {
			if err == nil {
				err = s.record(c, audit.Update, string(up.Kind), 0, nil, "尚未开庭：口述"+what)
			}
			if err != nil {
				return err
			}
			return c.ReplyMarkdown(msg)
		}
		if err := s.record(c, audit.Refused, string(up.Kind), 0, up.Numbers, "无修改权限：口述"+what); err != nil {
			return err
		}
		return c.Reply("收到。台账的" + what + "由司法局应诉专班登记，这次我未作任何记录。请告知专班，专班可发送：" + usage)
	}
	if len(up.Numbers) == 0 && up.Short == "" && up.Kind == intent.Appearance {
		// 今天的庭陈局长去了: the hearing held that day whose head the
		// report names (or the only one held that day).
		hs, err := s.reportedHearings(c, up)
		if err != nil {
			return err
		}
		switch len(hs) {
		case 1:
			up.Numbers, up.At = []string{hs[0].Case.Number}, hs[0].Hearing.At
		case 0:
		default:
			var lines []string
			for i, h := range hs {
				lines = append(lines, fmt.Sprintf("%d. %s", i+1, s.hearingText(c.Person(), h, c.Location())))
			}
			if err := s.record(c, audit.Update, string(up.Kind), 0, nil, "多场开庭：口述"+what); err != nil {
				return err
			}
			return c.ReplyMarkdown("当天已开的庭有多场，请写明是哪个案件，这次未作任何修改：\n\n" + strings.Join(lines, "\n\n") +
				"\n\n登记出庭情况请发送：" + usage)
		}
	}
	if len(up.Numbers) == 0 {
		if msg, ok, err := s.notYetHeld(c, up); err != nil || ok {
			if err == nil {
				err = s.record(c, audit.Update, string(up.Kind), 0, nil, "尚未开庭：口述"+what)
			}
			if err != nil {
				return err
			}
			return c.ReplyMarkdown(msg)
		}
		if err := s.record(c, audit.Update, string(up.Kind), 0, nil, "未写明案号：口述"+what); err != nil {
			return err
		}
		return c.Reply("请写明是哪个案件，这次没有作任何修改。登记" + what + "请发送：" + usage)
	}
	if up.Kind == intent.CloseCase && len(up.Numbers) == 1 {
		// 85号判决撤销了, already registered: proposing it again would move
		// the closing day to today.
		if cs, err := s.visible(c.Ctx(), c.Person(), up.Numbers, nil); err != nil {
			return err
		} else if len(cs) == 1 {
			if done, err := s.closedAlready(c, up, cs[0]); done || err != nil {
				return err
			}
		}
	}
	return s.proposeUpdate(c, up)
}

// closingDateRe is a day written in a closing told (11月13日, 今天, 昨天):
// one that may correct the day registered.
var closingDateRe = regexp.MustCompile(`\d{1,2}月|月\d{1,2}[日号]|\d{4}-\d|今天|昨天|前天|今日|昨日|上周|本周|这周`)

// notYetHeld answers an appearance told of a day (today when unsaid) on
// which the head meant has no hearing begun yet: the head named by surname
// (孙局长今天出庭了, from staff) or the teller themselves (今天的庭我去了,
// from a head), when the ledger has a hearing of theirs still to come
// within a month. The report is then early, or of another day: it says
// which hearing the ledger has and how to report it once held. ok is
// false when no such hearing is found: the caller asks as before.
func (s *service) notYetHeld(c bot.Context, up intent.Update) (string, bool, error) {
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	if up.Kind != intent.Appearance || up.Appeared == nil || !*up.Appeared {
		return "", false, nil
	}
	y, m, d := now.In(loc).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, loc)
	if !up.At.IsZero() && up.At.Before(today) {
		return "", false, nil // a past day: nothing of it is still to come
	}
	hs, err := s.st.HearingsBetween(c.Ctx(), now, today.AddDate(0, 1, 0))
	if err != nil {
		return "", false, err
	}
	who, whose := "", func(h store.ScheduledHearing) bool { return false }
	switch {
	case up.Surname != "":
		who = up.Surname + "姓负责人"
		whose = func(h store.ScheduledHearing) bool { return strings.HasPrefix(h.Hearing.Head, up.Surname) }
	case viewer != nil && viewer.Role == people.Head && viewer.Name != "":
		who = "您"
		whose = func(h store.ScheduledHearing) bool { return h.Hearing.Head == viewer.Name }
	default:
		return "", false, nil
	}
	for _, h := range hs {
		if !whose(h) || !s.scope.CanSee(viewer, h.Case) {
			continue
		}
		if who != "您" {
			who = h.Hearing.Head
		}
		report := "今天的庭我去了"
		if viewer.Bureau() {
			report = fmt.Sprintf("出庭 %s 是", h.Case.Number)
		}
		return fmt.Sprintf("收到。台账中%s最近的开庭是 **%s**（%s）%s，还未到开庭时间，这次未作任何记录。开庭结束后请再发“%s”，我%s。",
			who, h.Case.Number, s.parties(viewer, h.Case), whenCN(h.Hearing.At, now, loc), report,
			map[bool]string{true: "列出修改请您确认后登记", false: "转司法局应诉专班确认登记"}[viewer.Bureau()]), true, nil
	}
	return "", false, nil
}

// fieldReport relays a report from the field that ReportedUpdate does not
// read (a hearing held, a decision whose 结案方式 is unsaid): the number it
// names (resolved in the reporter's scope; one not found or several are
// said), else the one case in focus when the report fits it, else the
// reporter's hearing of today. done is false when nothing fits: the
// message is then read as a question.
func (s *service) fieldReport(c bot.Context, up intent.Update, what string, last *lastQuestion) (bool, error) {
	if done, err := s.reportedCase(c, &up, what, intent.Usage(up.Kind, c.Now())); done || err != nil {
		return true, err
	}
	if !hasUpdateRef(up) && last != nil && len(last.Shown) == 1 {
		fits, err := s.focusAgrees(c, last.Shown[0])
		if err != nil {
			return true, err
		}
		if fits && up.Kind == intent.Appearance {
			if fits, err = s.appearanceFocusFits(c, up, last.Shown[0]); err != nil {
				return true, err
			}
		}
		if fits {
			up.Numbers = append([]string(nil), last.Shown...)
		}
	}
	return s.relayReport(c, up, what)
}

// hasUpdateRef reports whether an update names a case in any form.
func hasUpdateRef(up intent.Update) bool {
	return len(up.Numbers) > 0 || up.Short != "" || up.Seq > 0
}

// reportedHearings are the hearings an appearance told without a case may
// mean: those of the day told (today when none) already begun by now,
// narrowed to the head the report names by surname when any of them has
// one of that surname.
func (s *service) reportedHearings(c bot.Context, up intent.Update) ([]store.ScheduledHearing, error) {
	now, loc := c.Now(), c.Location()
	day := up.At
	if day.IsZero() {
		day = now
	}
	y, m, d := day.In(loc).Date()
	from := time.Date(y, m, d, 0, 0, 0, 0, loc)
	all, err := s.st.HearingsBetween(c.Ctx(), from, from.AddDate(0, 0, 1))
	if err != nil {
		return nil, err
	}
	var held, named []store.ScheduledHearing
	for _, h := range all {
		if h.Hearing.At.After(now) || !s.scope.CanSee(c.Person(), h.Case) {
			continue
		}
		held = append(held, h)
		if up.Surname != "" && strings.HasPrefix(h.Hearing.Head, up.Surname) {
			named = append(named, h)
		}
	}
	if len(named) > 0 {
		return named, nil
	}
	return held, nil
}

// reportUpdate handles a hearing update written by a head or a handler as
// the news from the field it is.
func (s *service) reportUpdate(c bot.Context, up intent.Update) error {
	u := intent.Understanding{Kind: intent.News, Numbers: up.Numbers, Short: up.Short, Anchored: true,
		News: &intent.Report{Kind: intent.Moved, At: up.At, TimeGiven: true, Place: up.Place}}
	a, err := s.news(c, u)
	if err != nil {
		return err
	}
	if err := s.recordAnswer(c, u, a, 0); err != nil {
		return err
	}
	if a.md == "" {
		return nil
	}
	return c.ReplyMarkdown(a.md)
}

// plan turns an update into the change to make to case cs, and the echo
// that shows it. Impossible updates are user-facing errors.
func (s *service) plan(c bot.Context, u intent.Update, cs *cases.Case) (*caseChange, string, error) {
	now, loc := c.Now(), c.Location()
	ch := &caseChange{Kind: u.Kind, Number: cs.Number}
	lines := []string{"**请核对以下修改**", "> 案号：" + cs.Number}
	add := func(label, value string) { lines = append(lines, "> "+label+"："+value) }
	switch u.Kind {
	case intent.SetHearing, intent.AddHearing, intent.MoveHearing:
		next := cs.NextHearing(now)
		if u.Kind == intent.MoveHearing && next == nil {
			return nil, "", bot.Errorf(bot.EInvalid, "案件 %s 没有待开庭的记录，无法改期。登记新的开庭请发送：%s", cs.Number, intent.Usage(intent.SetHearing, now))
		}
		if u.Kind != intent.AddHearing && next != nil {
			if next.At.Equal(u.At) && (u.Place == "" || u.Place == next.Place) {
				return nil, "", bot.Errorf(bot.EInvalid, "案件 %s 的开庭时间已是 %s，无需修改。", cs.Number, when(next.At, loc))
			}
			ch.Op, ch.HearingID, ch.From, ch.At, ch.Place = opMoveHearing, next.ID, next.At, u.At, u.Place
			if next.At.Equal(u.At) {
				add("开庭地点", orNone(next.Place)+" → "+u.Place)
			} else {
				add("开庭改期", when(next.At, loc)+" → "+when(u.At, loc))
				place := next.Place
				if u.Place != "" {
					place = u.Place
				}
				add("地点", orNone(place))
				lines = append(lines, "将记录为改期；已收到原开庭提醒的人员会收到改期通知。")
			}
			break
		}
		ch.Op, ch.At, ch.Place = opAddHearing, u.At, u.Place
		add("新增开庭", when(u.At, loc))
		add("地点", orNone(u.Place))
		if hs := cs.ActiveHearings(); len(hs) > 0 {
			last := hs[len(hs)-1]
			ch.MustAppear, ch.Head, ch.HeadPost = last.MustAppear, last.Head, last.HeadPost
			if last.Head != "" {
				v := last.Head
				if last.HeadPost != "" {
					v += "（" + last.HeadPost + "）"
				}
				add("出庭负责人", v+"（沿用上次开庭）")
			}
		}
		if next != nil {
			lines = append(lines, "该案另有 "+when(next.At, loc)+" 的开庭，保持不变。")
		}
		if u.At.Before(now) {
			lines = append(lines, "注意：该时间已经过去。")
		}
	case intent.CloseCase:
		method, err := cases.ParseOutcome(cs.Kind, u.Method)
		if err != nil {
			return nil, "", bot.Errorf(bot.EInvalid, "%s。例如：%s", err.Error(), intent.Usage(intent.CloseCase, now))
		}
		if u.At.After(now) {
			return nil, "", bot.Errorf(bot.EInvalid, "结案日期 %s 晚于今天，请核对。", cases.FormatDate(u.At, loc))
		}
		ch.Op, ch.At, ch.Method, ch.Reason = opClose, u.At, method, u.Reason
		v := cases.FormatDate(u.At, loc) + " " + string(method)
		probe := cs.Clone()
		probe.Closure = &cases.Closure{On: u.At, Method: method}
		if s.loss.Lost(probe) {
			v += "（败诉）"
		} else if cases.Corrected(probe) {
			v += "（纠错）"
		}
		add("结案", v)
		if u.Reason != "" {
			add("败诉原因", u.Reason)
		}
		if cs.ServedOn.IsZero() && intent.PaperServed(c.Message().Text) {
			ch.Served = true
			add("裁判文书送达日期", cnDate(u.At, loc))
		}
		if cs.Closure != nil {
			lines = append(lines, "该案已登记结案（"+cases.FormatDate(cs.Closure.On, loc)+" "+string(cs.Closure.Method)+"），确认后将覆盖。")
		}
	case intent.DeleteCase:
		ch.Op = opDelete
		lines[0] = "**请核对：将从台账中删除以下案件**"
		add("当事人", cs.PlaintiffNames()+" 诉 "+strings.Join(cs.Defendants, "、"))
		if cs.Cause != "" {
			add("案由", cs.Cause)
		}
		if hs := cs.ActiveHearings(); len(hs) > 0 {
			add("开庭", fmt.Sprintf("%d 次（已收到提醒的人员会收到取消通知）", len(hs)))
		}
		lines = append(lines, "案件的索引、期限、关联文书和以案说法草稿一并删除；误删可由管理员运行 casebot import --undo 恢复。")
	case intent.SetMustAppear:
		// The hearing to come, else the latest held: 应当出庭 is the
		// column named, whether the head appeared stays as it is.
		h := cs.NextHearing(now)
		if h == nil {
			var err error
			if h, err = appearanceHearing(cs, u.At, now, loc); err != nil {
				return nil, "", err
			}
		}
		ch.Op, ch.HearingID, ch.From, ch.MustAppear = opMustAppear, h.ID, h.At, *u.Must
		yesNo := map[bool]string{true: "是", false: "否"}
		if h.MustAppear == *u.Must {
			return nil, "", bot.Errorf(bot.EInvalid, "案件 %s %s 的开庭，台账的“应当出庭”已是“%s”，无需修改。", cs.Number, when(h.At, loc), yesNo[h.MustAppear])
		}
		add(when(h.At, loc)+" 的开庭", "应当出庭 "+yesNo[h.MustAppear]+" → "+yesNo[*u.Must])
		lines = append(lines, "只改“应当出庭”一栏；负责人是否出庭等其他登记不变。")
	case intent.Appearance:
		h, err := appearanceHearing(cs, u.At, now, loc)
		if err != nil {
			return nil, "", err
		}
		ch.Op, ch.HearingID, ch.From, ch.Appeared = opAppearance, h.ID, h.At, u.Appeared
		v := "负责人未出庭"
		if *u.Appeared {
			v = "负责人已出庭"
		}
		if h.Head != "" {
			v += "（" + h.Head + "）"
		}
		add(when(h.At, loc)+" 的开庭", v)
		if h.HeadAppeared != nil {
			lines = append(lines, "该次开庭已登记过出庭情况，确认后将覆盖。")
		}
		lines = append(lines, "开庭后负责人、承办人收到的“出庭情况登记”卡片上点“是，已出庭”或“否，未出庭”，也可直接登记。")
	}
	return ch, strings.Join(lines, "\n"), nil
}

func orNone(s string) string {
	if s == "" {
		return "未填写"
	}
	return s
}

// appearanceHearing picks the hearing an appearance is recorded for: the
// one on the given day, or the latest one already held.
func appearanceHearing(cs *cases.Case, on, now time.Time, loc *time.Location) (*cases.Hearing, error) {
	var pick *cases.Hearing
	for _, h := range cs.ActiveHearings() {
		h := h
		if !on.IsZero() {
			if sameDay(h.At, on, loc) {
				pick = &h
				break
			}
			continue
		}
		if !h.At.After(now) {
			pick = &h
		}
	}
	switch {
	case pick == nil && !on.IsZero():
		// The hearings it has, rather than a bare "none on that day": the
		// day said is most often a slip (昨天 for today's).
		var days []string
		for _, h := range cs.ActiveHearings() {
			days = append(days, cases.FormatTime(h.At, loc))
		}
		if len(days) == 0 {
			return nil, bot.Errorf(bot.EInvalid, "案件 %s 台账未登记开庭，无法登记 %s 负责人是否出庭，请核对案号。", cs.Number, cases.FormatDate(on, loc))
		}
		return nil, bot.Errorf(bot.EInvalid, "案件 %s 登记的开庭时间是 %s，不是 %s，请核对日期后再发。", cs.Number, strings.Join(days, "、"), cases.FormatDate(on, loc))
	case pick == nil:
		return nil, bot.Errorf(bot.EInvalid, "案件 %s 尚无已开庭的记录，无法登记负责人是否出庭。", cs.Number)
	case pick.At.After(now):
		return nil, bot.Errorf(bot.EInvalid, "%s 的开庭尚未开始，开庭后再登记负责人是否出庭。", when(pick.At, loc))
	}
	return pick, nil
}

func sameDay(a, b time.Time, loc *time.Location) bool {
	ay, am, ad := a.In(loc).Date()
	by, bm, bd := b.In(loc).Date()
	return ay == by && am == bm && ad == bd
}

// sameHearing is the hearing a change was proposed for, unless it was
// cancelled or moved between the echo and the 确认.
func sameHearing(cs *cases.Case, ch *caseChange, loc *time.Location) (*cases.Hearing, error) {
	h := cs.Hearing(ch.HearingID)
	if h == nil || h.Cancelled {
		return nil, changedMeanwhile("该次开庭已被取消")
	}
	if !h.At.Equal(ch.From) {
		return nil, changedMeanwhile("开庭时间已改为 %s", when(h.At, loc))
	}
	return h, nil
}

// changedMeanwhile is returned when the case changed between the echo and
// the 确认.
func changedMeanwhile(format string, args ...any) error {
	return bot.Errorf(bot.EInvalid, "确认前该案已被他人修改："+format+"。请重新发送修改。", args...)
}

func (s *service) applyCase(c bot.Context, p *pending) error {
	if !c.Person().Bureau() {
		return bureauOnly()
	}
	ch := p.Case
	loc := c.Location()
	source := "chat:" + c.UserID()
	if ch.Op == opDelete {
		return s.deleteCase(c, p)
	}
	updated, err := s.st.Update(c.Ctx(), ch.Number, func(cs *cases.Case) error {
		switch ch.Op {
		case opMoveHearing:
			h, err := sameHearing(cs, ch, loc)
			if err != nil {
				return err
			}
			if !ch.At.Equal(h.At) {
				cs.MoveHearing(ch.HearingID, ch.At, c.Now(), source)
			}
			if ch.Place != "" {
				cs.Hearing(ch.HearingID).Place = ch.Place
			}
		case opCancelHearing:
			h, err := sameHearing(cs, ch, loc)
			if err != nil {
				return err
			}
			h.Cancelled = true
		case opAddHearing:
			cs.AddHearing(cases.Hearing{At: ch.At, Place: ch.Place, MustAppear: ch.MustAppear, Head: ch.Head, HeadPost: ch.HeadPost})
		case opClose:
			cs.Closure = &cases.Closure{On: ch.At, Method: ch.Method, Reason: ch.Reason}
			if ch.Served && cs.ServedOn.IsZero() {
				cs.ServedOn = ch.At
			}
		case opSetHead, opDeadlineDone, opServed, opCopyReceived:
			return applyField(cs, ch, loc)
		case opExtend:
			cs.ExtendedDays = ch.Days
		case opMustAppear:
			h := cs.Hearing(ch.HearingID)
			if h == nil || h.Cancelled {
				return changedMeanwhile("该次开庭已被取消")
			}
			h.MustAppear = ch.MustAppear
		case opAppearance:
			h := cs.Hearing(ch.HearingID)
			if h == nil || h.Cancelled {
				return changedMeanwhile("该次开庭已被取消")
			}
			v := *ch.Appeared
			h.HeadAppeared = &v
		default:
			return fmt.Errorf("unknown change %q", ch.Op)
		}
		return nil
	})
	if errors.Is(err, store.ErrNotFound) {
		return bot.Errorf(bot.ENotFound, "案件 %s 已从台账中删除，修改未执行。", ch.Number)
	}
	if err != nil {
		var ue *bot.Error
		if errors.As(err, &ue) {
			if rerr := s.record(c, audit.Update, string(ch.Kind), 0, []string{ch.Number}, "未执行："+ue.Message); rerr != nil {
				return rerr
			}
		}
		return err
	}
	if err := s.record(c, audit.Update, string(ch.Kind), 1, []string{ch.Number}, plain(p.Summary)); err != nil {
		return err
	}
	return c.ReplyMarkdown("**已修改**（" + plain(p.Summary) + "），当前案件信息：\n" + s.card(c.Person(), updated, c.Now(), loc))
}

// deleteCase removes a confirmed case, undoably, for an admin.
func (s *service) deleteCase(c bot.Context, p *pending) error {
	if c.Person().Role != people.Admin {
		return bot.Errorf(bot.EForbidden, "只有管理员可以删除案件。")
	}
	ch := p.Case
	if _, err := ledger.Delete(c.Ctx(), s.st, ch.Number, "delete:chat:"+c.UserID()); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return bot.Errorf(bot.ENotFound, "案件 %s 已不在台账中，无需删除。", ch.Number)
		}
		return err
	}
	if err := s.record(c, audit.Update, string(ch.Kind), 1, []string{ch.Number}, plain(p.Summary)); err != nil {
		return err
	}
	return c.ReplyMarkdown(fmt.Sprintf("**已删除** 案件 %s。如系误删，管理员可运行 casebot import --undo 恢复。", ch.Number))
}

// plain turns an echo into one line for the audit log.
func plain(md string) string {
	var parts []string
	for _, l := range strings.Split(md, "\n") {
		l = strings.TrimSpace(strings.TrimPrefix(strings.Trim(l, "*"), ">"))
		if l != "" && !strings.HasPrefix(l, "请核对") {
			parts = append(parts, strings.TrimSpace(l))
		}
	}
	return strings.Join(parts, "；")
}

// judgeTitles is built once, not on every call (building a Replacer allocates).
var judgeTitles = strings.NewReplacer("审判长", "", "审判员", "")

// relayReport takes a head's or handler's report of a fact the ledger
// records (the hearing held, the head's appearance, the case decided or
// withdrawn) to the 专班 with the case, through the one news path: the
// message goes to the 专班 chat and to staff, and where the ledger can take
// the fact, the exact change waits for one staff reply (确认登记), applied
// by applyNews like a reported move. The case is the one the report names
// (up.Numbers, resolved by the caller); without a number, the hearing held
// today that the reporter heads or handles, else the only one held today
// in their reach; a closing that fits no hearing of today lists their open
// cases and asks which. When several hearings fit, the reporter is asked
// which and nothing is sent. done is false when no case fits (the caller
// says who records such facts).
func (s *service) relayReport(c bot.Context, up intent.Update, what string) (bool, error) {
	viewer, loc, now := c.Person(), c.Location(), c.Now()
	var h *store.ScheduledHearing
	var cs *cases.Case
	if len(up.Numbers) > 0 {
		found, err := s.visible(c.Ctx(), viewer, up.Numbers, nil)
		if err != nil || len(found) > 1 {
			return false, err
		}
		if len(found) == 0 {
			// 行初117判了 from a head who cannot see 117: said, never bound
			// to a case of theirs; nothing is sent.
			what := "案件 " + strings.Join(up.Numbers, "、")
			if up.Short != "" {
				what = "“" + up.Short + "”案件" // completed with every court: the words as written
			}
			msg := notFound(what)
			a := answer{md: msg + "这次没有作任何修改，也未转告专班。如是本单位的案件，请核对案号后再发。", noEcho: true, action: audit.Update,
				claims: []claim{{Text: msg, What: claimNumber, Numbers: up.Numbers}}}
			if err := s.recordAnswer(c, intent.Understanding{Kind: intent.Case, Numbers: up.Numbers, Anchored: true}, a, 0); err != nil {
				return true, err
			}
			return true, c.ReplyMarkdown(a.md)
		}
		cs = found[0]
		h = reportedHearingOf(cs, up, now, loc)
	} else {
		if up.Short != "" || up.Seq > 0 {
			return false, nil
		}
		if n, ok, err := s.partyCaseOf(c); err != nil {
			return false, err
		} else if ok {
			// 华三十那个强拆的今天宣判了驳回: the one case of the party named,
			// never a hearing of today or a list of the reporter's cases.
			up.Numbers = []string{n}
			return s.relayReport(c, up, what)
		}
		hs, err := s.reportedHearings(c, up)
		if err != nil {
			return false, err
		}
		if len(hs) == 0 {
			if up.Kind == intent.CloseCase {
				return s.whichOpenCase(c, what) // 我们那个案子撤诉了: no hearing today to bind it to
			}
			return false, nil
		}
		var own []store.ScheduledHearing
		for _, h := range hs {
			if viewer.Name != "" && (h.Hearing.Head == viewer.Name || h.Case.Handler == viewer.Name) {
				own = append(own, h)
			}
		}
		if len(own) > 0 {
			hs = own
		}
		if len(hs) > 1 {
			var lines []string
			for i, h := range hs {
				lines = append(lines, fmt.Sprintf("%d. %s", i+1, s.hearingText(viewer, h, loc)))
			}
			if err := s.record(c, audit.Refused, string(up.Kind), 0, nil, "多场开庭：口述"+what); err != nil {
				return true, err
			}
			return true, c.ReplyMarkdown("收到。今天已开的庭有多场，您说的是哪一场？请写明案号（例如“行初85号”）再发一次，这次未转告专班：\n\n" + strings.Join(lines, "\n\n"))
		}
		h, cs = &hs[0], hs[0].Case
	}
	if done, err := s.closedAlready(c, up, cs); done || err != nil {
		return true, err // 秦二十那个裁定驳回起诉了: the ledger has it; nothing to relay
	}
	p, missing := s.reportProposal(c, up, cs, h)
	var b strings.Builder
	head := h
	if head == nil {
		head = &store.ScheduledHearing{Case: cs}
	}
	s.reportHead(&b, c, "【"+what+"】", "开庭", head)
	if p != nil {
		fmt.Fprintf(&b, "\n拟登记：%s\n回复“确认登记”即登记到台账（%d 小时内有效）；有出入的，请用“%s”登记。",
			proposalLine(p.Summary), int(newsTTL.Hours()), recordFormat(up.Kind, cs.Number))
	} else {
		if missing != "" {
			b.WriteString("\n（" + missing + "）")
		}
		fmt.Fprintf(&b, "\n请专班核实后登记（格式：%s）。", recordFormat(up.Kind, cs.Number))
	}
	sent, err := s.sendStaff(c, b.String(), p)
	if err != nil {
		return true, err
	}
	if err := s.record(c, audit.Update, string(up.Kind), 1, []string{cs.Number}, "转告专班：口述"+what); err != nil {
		return true, err
	}
	reply := fmt.Sprintf("收到。您说的是 **%s**（%s）", cs.Number, s.parties(viewer, cs))
	if h != nil && up.Kind == intent.Appearance {
		reply += whenCN(h.Hearing.At, now, loc) + " 的开庭" // a closing is the case's, whatever hearing came last
	}
	reply += "。"
	switch {
	case sent && p != nil:
		reply += "\n\n已转告司法局应诉专班，专班核实确认后登记为：" + proposalLine(p.Summary) + "；这次我未直接修改台账。"
	case sent:
		reply += "\n\n已转告司法局应诉专班，由专班核实后登记到台账；这次我未直接修改台账。"
	default:
		reply += "\n\n台账的" + what + "由司法局应诉专班登记，目前未配置专班群，请直接告知专班。"
	}
	if said := intent.CourtRemark(c.Message().Text); said != "" && sent {
		// 庭上审判长说一个月内宣判: the bench's word is news for the 专班
		// to follow, not a date the ledger holds.
		reply += "\n\n庭上的情况（“" + said + "”）已原文转告专班跟进。"
		if strings.Contains(judgeTitles.Replace(said), "判") {
			reply += "台账不登记预计的宣判时间，宣判后请把结果告诉我，我转专班登记。"
		}
	}
	if p != nil && up.Kind == intent.Appearance && up.Appeared == nil {
		// The head telling of their own hearing held is taken to have
		// appeared (reportProposal): said, so a head who sent someone
		// else can say so before the 专班 confirms.
		reply += "\n\n您是该场登记的出庭负责人，按您本人出庭拟登记；如不是您本人出庭，请告诉我是谁出的庭。"
	}
	if intent.OtherSideAbsent(c.Message().Text) && sent {
		// 镇政府那边一个领导都没来: another side's attendance, which the
		// ledger has no field for; relayed, not dropped.
		reply += "\n\n您说的其他当事方（共同被告、原告等）的到庭情况，台账不单独登记，您的原话已一并转告专班。"
	}
	if missing != "" && sent {
		reply += "\n\n" + missingAsk(up.Kind, missing)
	}
	if err := focusOn(c, cs.Number); err != nil {
		return true, err
	}
	return true, c.ReplyMarkdown(reply)
}

// reportedHearingOf is the hearing of cs a report names by its case: for
// an appearance, the one on the day told, else the latest held; for any
// other report, the latest held. nil when none is held yet.
func reportedHearingOf(cs *cases.Case, up intent.Update, now time.Time, loc *time.Location) *store.ScheduledHearing {
	var pick *store.ScheduledHearing
	for _, hr := range cs.ActiveHearings() {
		if hr.At.After(now) {
			continue
		}
		if up.Kind == intent.Appearance && !up.At.IsZero() && !sameDay(hr.At, up.At, loc) {
			continue
		}
		pick = &store.ScheduledHearing{Case: cs, Hearing: hr}
	}
	return pick
}

// reportProposal is the change a report from the field asks of the
// ledger, ready for one staff reply, or nil and what the report leaves
// unsaid. An appearance needs whether the head appeared: a held report
// (刚开完庭) says it only when the reporter is that hearing's registered
// head, reporting their own hearing; a closing needs its 结案方式 from the
// contract vocabulary (判了 我们赢了 names none).
func (s *service) reportProposal(c bot.Context, up intent.Update, cs *cases.Case, h *store.ScheduledHearing) (*pending, string) {
	viewer := c.Person()
	switch up.Kind {
	case intent.Appearance:
		if h == nil {
			return nil, "该案尚无已开庭的记录"
		}
		if up.Appeared == nil {
			if h.Hearing.HeadAppeared != nil || s.appearanceRelayed(c, cs.Number) {
				// 101号庭上审判长说一个月内宣判 after 陈局去了的 was relayed (or
				// recorded): the report is of the hearing, nothing to ask.
				return nil, ""
			}
			if viewer.Name == "" || h.Hearing.Head != viewer.Name {
				return nil, "报告未说明负责人是否出庭"
			}
			yes := true // the head telling of their own hearing held
			up.Appeared = &yes
		}
		up.At = h.Hearing.At
	case intent.CloseCase:
		if up.Method == "" {
			return nil, "报告未说明结案方式" // or one the vocabulary lacks (驳回再审申请)
		}
	default:
		return nil, ""
	}
	ch, summary, err := s.plan(c, up, cs)
	if err != nil {
		var be *bot.Error
		if errors.As(err, &be) {
			return nil, be.Message
		}
		return nil, err.Error()
	}
	return &pending{Author: c.UserID(), Summary: summary, Case: ch}, ""
}

// recordFormat is the command that records a report's fact for case
// number, to copy when the proposal is not right: the case's own number,
// the values to fill in named.
func recordFormat(k intent.UpdateKind, number string) string {
	if k == intent.CloseCase {
		return "结案 " + number + " 结案日期 结案方式"
	}
	return "出庭 " + number + " 是（或 否）"
}

// proposalLine is the change of an echo in one line, without its heading
// and case number (the message around it names the case).
func proposalLine(summary string) string {
	var parts []string
	for _, l := range strings.Split(summary, "\n") {
		l = strings.TrimSpace(l)
		if !strings.HasPrefix(l, ">") || strings.HasPrefix(l, "> 案号") {
			continue
		}
		parts = append(parts, strings.TrimSpace(strings.TrimPrefix(l, ">")))
	}
	return strings.Join(parts, "；")
}

// missingAsk asks the reporter for what their report left unsaid, so that
// the 专班 can record it.
func missingAsk(k intent.UpdateKind, missing string) string {
	switch missing {
	case "报告未说明结案方式":
		return "为便于专班登记，请再告诉我结案方式，例如“判决驳回诉讼请求”“裁定驳回起诉”“准许撤诉”“判决撤销”。"
	case "报告未说明负责人是否出庭":
		return "为便于专班登记，请再告诉我出庭负责人是否到庭，例如“负责人出庭了”或“负责人没出庭”。"
	}
	// A plan's error is written for staff, with a command to copy: the
	// reporter needs only what it says about their report.
	missing, _, _ = strings.Cut(missing, "。例如")
	return "（" + strings.TrimSuffix(missing, "。") + "，专班会核实后登记。）"
}

// whichOpenCase answers a closing report that names no case and fits no
// hearing of today: the reporter's open cases (those they handle or head,
// else their agency's) are listed and the bot asks which, sending nothing;
// done is false when they have none open (the caller says who records it).
func (s *service) whichOpenCase(c bot.Context, what string) (bool, error) {
	viewer := c.Person()
	numbers, err := s.ownNumbers(c.Ctx(), viewer)
	if err != nil || len(numbers) == 0 {
		return false, err
	}
	cs, err := s.visible(c.Ctx(), viewer, numbers, nil)
	if err != nil {
		return false, err
	}
	var open, own []*cases.Case
	for _, k := range cs {
		if !k.Open() {
			continue
		}
		open = append(open, k)
		if k.Handler == viewer.Name || slices.ContainsFunc(k.Hearings, func(h cases.Hearing) bool { return h.Head == viewer.Name }) {
			own = append(own, k)
		}
	}
	if len(own) > 0 {
		open = own
	}
	if len(open) == 0 {
		return false, nil
	}
	var lines []string
	for i, k := range open[:min(len(open), s.pageSize)] {
		lines = append(lines, fmt.Sprintf("%d. **%s** %s", i+1, k.Number, s.parties(viewer, k)))
	}
	more := ""
	if len(open) > s.pageSize {
		more = fmt.Sprintf("\n\n（共 %d 件未结，以上为前 %d 件）", len(open), s.pageSize)
	}
	if err := s.record(c, audit.Refused, string(intent.CloseCase), 0, nil, "未写明案号：口述"+what); err != nil {
		return true, err
	}
	return true, c.ReplyMarkdown("收到。您说的是哪一个案件？请在消息里写明案号（例如“" + shortNumber(open[0].Number) + "……”）再发一次，这次未作任何记录，也未转告专班：\n\n" +
		strings.Join(lines, "\n") + more)
}

// appearanceRelayed reports whether the last report this user relayed to
// the 专班 was an appearance at a hearing of case number still waiting for
// their 确认登记.
func (s *service) appearanceRelayed(c bot.Context, number string) bool {
	var f forwarded
	if found, err := c.Memory().Recall(memForwarded, &f); err != nil || !found || f.Token == "" {
		return false
	}
	raw, err := s.st.Client().Get(c.Ctx(), s.st.Keys().PendingUpdate(f.Token)).Bytes()
	if err != nil {
		return false
	}
	var p pending
	return json.Unmarshal(raw, &p) == nil && p.Case != nil && p.Case.Op == opAppearance && p.Case.Number == number
}

// partyCaseOf is the one case the message's party names among those the
// asker may see (华三十那个…), read as a question would read it; ok is false
// when no party is named or the party has not exactly one such case.
func (s *service) partyCaseOf(c bot.Context) (string, bool, error) {
	u, err := intent.Understand(c.Message().Text, s.options(c, c.Person()))
	if err != nil || u.Party == "" {
		return "", false, err
	}
	numbers, err := s.st.PartyNumbers(c.Ctx(), u.Party)
	if err != nil || len(numbers) == 0 {
		return "", false, err
	}
	cs, err := s.visible(c.Ctx(), c.Person(), numbers, nil)
	if err != nil || len(cs) != 1 {
		return "", false, err
	}
	return cs[0].Number, true, nil
}

// closedAlready answers a closing told from the field that the ledger
// already holds (秦二十那个裁定驳回起诉了, 华三十那个今天宣判了驳回 我们赢了
// after the 专班 registered it): what is registered, and that nothing
// needs registering; the 专班 is not asked to register it again. A
// closing that says another 结案方式 is not this: it goes on, and the
// proposal says it would overwrite.
func (s *service) closedAlready(c bot.Context, up intent.Update, cs *cases.Case) (bool, error) {
	if up.Kind != intent.CloseCase || cs.Closure == nil || cs.ServedOn.IsZero() && intent.PaperServed(c.Message().Text) {
		return false, nil // the day the paper came is news still: the proposal records it
	}
	if m, err := cases.ParseOutcome(cs.Kind, up.Method); up.Method != "" && err == nil {
		if m != cs.Closure.Method {
			return false, nil
		}
	} else if !closingFits(intent.Normalize(c.Message().Text), cs.Closure.Method) {
		return false, nil // 驳回 alone fits either 驳回; the one registered decides
	}
	loc := c.Location()
	at := up.At
	if at.IsZero() {
		at = c.Now() // a closing told without its day is today's news
	}
	if closingDateRe.MatchString(intent.Normalize(c.Message().Text)) && !sameDay(at, cs.Closure.On, loc) {
		return false, nil // 今天宣判了 of a case registered closed another day: a correction to relay
	}
	line := fmt.Sprintf("台账已登记 **%s**（%s）于 %s 结案：%s", cs.Number, s.parties(c.Person(), cs), cases.FormatDate(cs.Closure.On, loc), cs.Closure.Method)
	if cs.Closure.Reason != "" {
		line += "（败诉原因：" + cs.Closure.Reason + "）"
	}
	md := "收到。" + line + "，与您说的一致，无需再登记"
	if !c.Person().Bureau() {
		md += "，也不再转告专班"
	}
	md += "。"
	if err := s.record(c, audit.Update, string(up.Kind), 1, []string{cs.Number}, "已登记结案：口述结案"); err != nil {
		return true, err
	}
	if err := focusOn(c, cs.Number); err != nil {
		return true, err
	}
	return true, c.ReplyMarkdown(md)
}

// closingFits reports whether a closing told without a 结案方式 of the
// vocabulary (宣判了驳回 我们赢了, 判撤销了) agrees with the one registered.
func closingFits(t string, m cases.Outcome) bool {
	switch {
	case strings.Contains(t, "驳回"):
		return strings.Contains(string(m), "驳回")
	case strings.Contains(t, "撤销"):
		return strings.Contains(string(m), "撤销")
	case strings.Contains(t, "维持"):
		return strings.Contains(string(m), "维持")
	case strings.Contains(t, "撤诉"):
		return strings.Contains(string(m), "撤诉") || strings.Contains(string(m), "撤回")
	}
	return false
}
