package handlers

import (
	"fmt"
	"strings"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/people"
)

// mustGo answers 高院那个要我去不, 中院那个负责人要去不, 这个要我出庭不: of
// the case meant — named, the one just shown, the one of that court level
// among those just shown, or the asker's agency's only open case before
// that court — whether the ledger marks its next hearing 应当出庭 (法释〔2020〕
// 3号第4条), who is registered to appear, and the rule; never the list of
// the asker's cases. ok is false when the message is no such question or
// no one case is meant (the ordinary reading goes on).
func (s *service) mustGo(c bot.Context, text string, u intent.Understanding, prev *lastQuestion) (bool, error) {
	if !intent.AsksMustGo(text) || intent.AsksAttendance(text) || !u.Period.IsZero() || !hasRef(u) && (u.Party != "" || u.Person != "" || len(u.Agencies) > 0) {
		return false, nil // 我下周三要去中院开庭吗, 卫十四那个要我出庭吗: the ordinary reading finds it
	}
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	var candidates []string
	switch {
	case u.Seq > 0 || u.Short != "":
		// 再审那个88号要不要领导去: the case the number names (of the stage
		// said), never the one just shown (it answered 行终33).
		ns, err := s.caseRefs(c.Ctx(), viewer, u, now)
		if err != nil {
			return false, err
		}
		if candidates = ns; len(candidates) == 0 {
			return false, nil
		}
	case len(u.Numbers) > 0:
		candidates = u.Numbers
	case prev != nil && len(prev.Shown) > 0 && (len(prev.Shown) == 1 || u.CourtLevel != ""):
		candidates = prev.Shown
	case u.CourtLevel != "" && (viewer.Role == people.Head || viewer.Role == people.Handler):
		ns, err := s.ownNumbers(c.Ctx(), viewer)
		if err != nil {
			return false, err
		}
		candidates = ns
	default:
		return false, nil
	}
	cs, err := s.visible(c.Ctx(), viewer, candidates, nil)
	if err != nil {
		return false, err
	}
	var k *cases.Case
	for _, x := range cs {
		if u.CourtLevel != "" && !intent.CourtOfLevel(x.Court, u.CourtLevel) || x.Closure != nil && len(candidates) > 1 ||
			u.Stage != "" && len(candidates) > 1 && string(x.Stage) != u.Stage {
			continue
		}
		if k != nil {
			return false, nil // two cases fit: the ordinary reading lists them
		}
		k = x
	}
	if k == nil {
		return false, nil
	}
	b, claims := appearLines(viewer, k, now, loc)
	a := answer{md: strings.Join(b, "\n") + "\n\n" + s.card(viewer, k, now, loc), shown: []string{k.Number}, results: 1, outcome: audit.Answered, claims: claims}
	ru := intent.Understanding{Kind: intent.Case, Numbers: a.shown, Aspect: intent.Head, Anchored: true}
	if err := s.recordAnswer(c, ru, a, 0); err != nil {
		return false, err
	}
	if err := rememberLast(c, lastQuestion{U: ru, Shown: a.shown}); err != nil {
		return false, err
	}
	return true, c.ReplyMarkdown(a.md)
}

// standInRule answers 承办人能代替负责人出庭吗: who may appear as 负责人 and
// what staff appearing counts as, with the case in focus when one was just
// shown.
func (s *service) standInRule(c bot.Context, prev *lastQuestion) error {
	md := headRule + "\n" + notHeadText
	var shown []string
	if prev != nil && len(prev.Shown) == 1 {
		cs, err := s.visible(c.Ctx(), c.Person(), prev.Shown, nil)
		if err != nil {
			return err
		}
		if len(cs) == 1 {
			k := cs[0]
			if h := k.NextHearing(c.Now()); h != nil {
				md = fmt.Sprintf("**%s** %s的开庭，登记的出庭负责人：%s。\n\n", k.Number, whenCN(h.At, c.Now(), c.Location()), orWord(headText(*h), "未填写")) + md +
					fmt.Sprintf("\n\n如改由本单位其他负责人出庭，请发送“%s出庭的换成某某副局长”（写明姓名和职务），专班确认后登记。", shortNumber(k.Number))
			}
			shown = prev.Shown
		}
	}
	a := answer{md: md, shown: shown, outcome: audit.Answered, noEcho: true}
	if err := s.recordAnswer(c, intent.Understanding{Kind: intent.Legal, Numbers: shown, Anchored: true}, a, 0); err != nil {
		return err
	}
	return c.ReplyMarkdown(md)
}

// onceAppearedLine applies 法释〔2020〕3号第7条 to a case's next hearing: when
// a head already appeared at an earlier sitting of the same case (the
// ledger keeps one row per 审级, so its sittings are one instance), one
// appearance per instance generally counts as done, and a later sitting
// need not be attended again; "" when no earlier appearance is recorded.
func onceAppearedLine(k *cases.Case, next cases.Hearing, now time.Time, loc *time.Location) string {
	for _, h := range k.ActiveHearings() {
		if !h.At.Before(next.At) || h.HeadAppeared == nil || !*h.HeadAppeared {
			continue
		}
		who := "负责人"
		if h.Head != "" {
			who = "负责人 " + headText(h)
		}
		stage := "同一审级"
		if k.Stage != "" {
			stage = "同一审级（" + string(k.Stage) + "）"
		}
		return fmt.Sprintf("台账登记%s已于%s出庭。按法释〔2020〕3号第7条，%s多次开庭的，负责人出庭一次一般即视为已履行出庭应诉义务，这次开庭可不再强制出庭（法院另行通知要求出庭的除外）；进入二审、再审等不同审理程序的，出庭义务另行计算。",
			who, whenCN(h.At, now, loc), stage)
	}
	return ""
}
