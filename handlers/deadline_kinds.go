package handlers

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/intent"
	"casebot/bot/workcal"
)

// A deadline asked of one case by its kind (70号上诉期到哪天, 61号检察建议啥
// 时候截至, 117号举证期限) is answered with that kind's own day, or with why
// the ledger holds none and what the rule is: never with the days of the
// case's other deadlines (70号's 上诉期 was answered with its 整改 period,
// the only one the case had). The kinds are bot/deadline's, plus the ones
// the ledger keeps no clock for (intent's untracked kinds: 申请再审, 起诉,
// 履行), which are said to be not recorded, with the rule.

// kindsFact answers the deadlines of kinds (intent.Understanding's
// DeadlineKinds) of c, one paragraph each.
func (s *service) kindsFact(c *cases.Case, kinds []string, now time.Time, loc *time.Location) string {
	today := workcal.DateOf(now, s.st.Deadlines.Location())
	var out []string
	seen := map[string]bool{}
	for _, k := range kinds {
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s.kindFact(c, k, today, now, loc))
	}
	return strings.Join(out, "\n")
}

// kindFact is one kind's paragraph of kindsFact.
func (s *service) kindFact(c *cases.Case, kind string, today workcal.Day, now time.Time, loc *time.Location) string {
	k := deadline.Kind(kind)
	switch {
	case k == deadline.Answer && c.Kind == cases.Reconsideration:
		k = deadline.Reply // 举证期限 of a 复议: the respondent's 书面答复
	case k == deadline.Reply && c.Kind == cases.Litigation:
		k = deadline.Answer
	}
	if slices.Contains(intent.UntrackedKinds, kind) {
		v := untrackedRule(kind)
		switch {
		case kind == "suit" && !c.FiledOn.IsZero():
			v += "本案已于 " + cnDate(c.FiledOn, loc) + " 立案。"
		case kind == "perform" && c.Closure != nil:
			v += "本案已于 " + cnDate(c.Closure.On, loc) + " 以“" + string(c.Closure.Method) + "”结案。"
		}
		return v
	}
	if k == deadline.JudicialReply || k == deadline.ProcuratorialReply {
		want := cases.ProcuratorialSuggestion
		if k == deadline.JudicialReply {
			want = cases.JudicialSuggestion
		}
		if c.Suggestion(want) == nil {
			return "**" + k.Label() + "**：台账未登记该案的" + string(want) + "。"
		}
		return s.adviceDue(c, want, now, loc) // the 建议书's date, or that none is recorded and the rule's
	}
	if d, ok := s.st.Deadlines.Find(c, k); ok {
		v := "**" + d.Title() + "**：" + d.Value(today)
		if d.Period != "" && d.Basis != "" && !d.Start.IsZero() {
			v += fmt.Sprintf("。依据：%s，自%s（%d月%d日）起%s", d.Basis, startWord(d.Kind), d.Start.Month, d.Start.Day, d.Period)
		}
		v += "。"
		if (k == deadline.Answer || k == deadline.Reply) && !c.CopyReceivedOn.IsZero() {
			// The day the period runs from (起诉状副本哪天收到的), as its own line.
			what := map[deadline.Kind]string{deadline.Answer: "收到起诉状副本", deadline.Reply: "收到复议申请书副本"}[k]
			v += "\n" + what + "：" + cnDate(c.CopyReceivedOn, loc)
		}
		return v
	}
	return "**" + k.Label() + "**：" + s.missingKind(c, k, loc)
}

// untrackedRule says that the ledger keeps no clock for an untracked kind
// (intent.UntrackedKinds), and the rule that sets it.
func untrackedRule(kind string) string {
	switch kind {
	case "retrial":
		return "**申请再审期限**：台账不登记申请再审期限。按行政诉讼法司法解释的规定，当事人申请再审一般应在判决、裁定发生法律效力后六个月内向上一级人民法院提出，以裁判文书生效和送达情况为准。"
	case "suit":
		return "**起诉期限**：台账不登记原告的起诉期限。按《行政诉讼法》第四十六条，直接起诉的应当自知道或者应当知道作出行政行为之日起六个月内提出；经复议的，按第四十五条自收到复议决定书之日起十五日内提出；是否超过起诉期限由法院立案时审查。"
	case "perform":
		return "**履行期限**：台账不登记判决（决定）确定的履行期限，以裁判文书载明的为准；一审判决、裁定在上诉期满无人上诉后发生法律效力，生效后应依法履行。"
	}
	return "台账不登记该期限。"
}

// untrackedOf returns the kinds of ks the ledger keeps no clock for.
func untrackedOf(ks []string) []string {
	var out []string
	for _, k := range ks {
		if slices.Contains(intent.UntrackedKinds, k) {
			out = append(out, k)
		}
	}
	return out
}

// startWord is the event that starts a kind's clock, as a basis says it.
func startWord(k deadline.Kind) string {
	switch k {
	case deadline.Answer:
		return "收到起诉状副本之日"
	case deadline.Reply:
		return "收到复议申请书副本之日"
	case deadline.Appeal:
		return "裁判文书送达之日"
	case deadline.Decision:
		return "受理之日"
	case deadline.Rectify:
		return "判决（决定）送达之日"
	}
	return "收到之日"
}

// missingKind says why c has no deadline of kind k, and the rule.
func (s *service) missingKind(c *cases.Case, k deadline.Kind, loc *time.Location) string {
	switch k {
	case deadline.Appeal:
		return s.appealMissing(c, loc)
	case deadline.Answer:
		if c.Stage != "" && c.Stage != cases.StageFirst && c.Stage != cases.StageSecond {
			return "本案是" + string(c.Stage) + "案件，台账不计答辩举证期限，以法院通知为准。"
		}
		if !c.AnsweredOn.IsZero() {
			return "台账未登记收到起诉状副本日期；答辩状和证据已于 " + cnDate(c.AnsweredOn, loc) + " 提交。"
		}
		return "台账未登记收到起诉状副本的日期，算不出答辩举证期限（按《行政诉讼法》第六十七条，收到起诉状副本之日起15日内提交证据和答辩状）；请告知专班登记收到副本的日期。"
	case deadline.Reply:
		if !c.AnsweredOn.IsZero() {
			return "台账未登记收到复议申请书副本日期；书面答复已于 " + cnDate(c.AnsweredOn, loc) + " 提交。"
		}
		return "台账未登记收到复议申请书副本的日期，算不出复议答复期限（按《行政复议法》第四十八条，收到副本之日起10日内书面答复，按工作日计算）；请告知专班登记收到副本的日期。"
	case deadline.Decision:
		if c.Kind != cases.Reconsideration {
			return "本案是" + string(c.Kind) + "案件，不适用复议决定期限（复议决定期限只计行政复议案件）。"
		}
		return "台账未登记受理日期，算不出复议决定期限（按《行政复议法》第六十二条，自受理之日起60日内作出决定）。"
	case deadline.Rectify:
		switch {
		case c.Closure == nil:
			return "尚未结案，目前不涉及一案一整改。"
		case !s.loss.Lost(c) && !cases.Corrected(c):
			return "以“" + string(c.Closure.Method) + "”结案，未败诉，不需要一案一整改。"
		}
		return "台账中还没有本案的一案一整改记录，整改要求由提醒服务在结案后发出，报送期限从那时的送达日期起算。"
	}
	return "台账未登记。"
}

// notAppealable says why no decision of c can be appealed, whatever its
// state: a reconsideration, a non-litigation review, a second instance or
// retrial.
func notAppealable(c *cases.Case) (string, bool) {
	switch {
	case c.Kind == cases.Reconsideration:
		return "这是行政复议案件，复议决定不适用上诉；对复议决定不服的，申请人可依法向法院起诉。", true
	case c.Kind == cases.NonLitigation:
		return "这是非诉执行审查案件，法院的执行裁定不适用上诉。", true
	case c.Stage != "" && c.Stage != cases.StageFirst:
		return "本案是" + string(c.Stage) + "，" + string(c.Stage) + "的裁判不能再上诉（两审终审）；如有错误，可依法申请再审。", true
	}
	return "", false
}

// appealMissing says why a case has no 上诉期限: not appealable (a
// reconsideration, a second instance, an outcome that cannot be appealed),
// not closed, or the 送达 date not recorded. The last gives the day the
// period would end were the judgment served the day it was pronounced
// (the ledger's 结案日期), said as a supposition with its basis: the
// question 上诉期到哪天 deserves the day, and the ledger does not hold it.
func (s *service) appealMissing(c *cases.Case, loc *time.Location) string {
	if why, ok := notAppealable(c); ok {
		return why
	}
	if c.Closure == nil {
		return "尚未结案，上诉期还未起算：一审判决书送达之日起15日、裁定书送达之日起10日（《行政诉讼法》第八十五条）。"
	}
	o, err := cases.ParseOutcome(c.Kind, string(c.Closure.Method))
	ruling := o == cases.RulingDismissSuit || o == cases.RulingNotAccepted
	if err != nil || !o.Judged() && !ruling {
		return "结案方式为" + string(c.Closure.Method) + "，依法不能上诉（只有判决和不予立案、驳回起诉的裁定可以上诉）。"
	}
	n, paper := 15, "判决书"
	if ruling {
		n, paper = 10, "裁定书"
	}
	rules := s.st.Deadlines
	closed := workcal.DateOf(c.Closure.On, rules.Location())
	due := deadline.AppealDue(rules.Calendar(), closed, ruling)
	v := fmt.Sprintf("台账未登记裁判文书送达日期，无法准确计算。按《行政诉讼法》第八十五条，%s送达之日起%d日内可以上诉；如%s于结案当日（%d月%d日）送达，上诉期至 **%s（%s）**",
		paper, n, paper, closed.Month, closed.Day, due.Chinese(), weekdays[due.Weekday()])
	if due != closed.AddDays(n) {
		v += "，末日逢周末或节假日顺延"
	}
	v += "。请以送达回证载明的日期为准，并告知专班登记送达日期。"
	if c.Appealed != nil {
		v += map[bool]string{true: "台账已登记：已上诉。", false: "台账已登记：不上诉。"}[*c.Appealed]
	} else {
		v += "台账未登记是否上诉，请在期限内决定。"
	}
	return v
}
