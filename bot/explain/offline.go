package explain

import (
	"fmt"
	"strings"

	"casebot/bot/cases"
	"casebot/prompts"
)

// offlineBody builds a draft from the case fields, and from the attached
// decision's parts when there is one, in the sections the model is asked
// for, with “待补充” where only an editor can say more. It states only
// what the ledger and the decision hold, so it invents nothing; the
// decision's parts are quoted as they are (anonymized), marked as quotes.
func offlineBody(in prompts.Input, c *cases.Case) string {
	var b strings.Builder
	section := func(title string) { fmt.Fprintf(&b, "\n## %s\n", title) }
	parties := strings.Join(in.Plaintiffs, "、")
	agencies := strings.Join(in.Defendants, "、")
	cause := in.Cause
	if cause == "" {
		cause = "行政"
	}
	dec := in.Decision
	quote := func(label, text string) {
		if strings.TrimSpace(text) != "" {
			fmt.Fprintf(&b, "\n（以下摘自%s“%s”部分）\n%s\n", dec.Title, label, text)
		}
	}

	switch c.Kind {
	case cases.Reconsideration:
		fmt.Fprintf(&b, "# %s不服%s%s申请行政复议案\n", parties, agencies, cause)
	case cases.NonLitigation:
		fmt.Fprintf(&b, "# %s申请执行%s%s非诉执行审查案\n", agencies, parties, cause)
	default:
		fmt.Fprintf(&b, "# %s诉%s%s案\n", parties, agencies, cause)
	}

	section("【要点】")
	if dec != nil {
		fmt.Fprintf(&b, "（待补充：请根据%s“%s”部分，用一两句话提炼本案确立或重申的执法规则。）\n", dec.Title, dec.ReasoningLabel)
	} else {
		b.WriteString("（待补充：请根据裁判文书提炼本案的裁判要旨。）\n")
	}

	section("基本案情")
	when := in.FiledOn
	switch c.Kind {
	case cases.Reconsideration:
		fmt.Fprintf(&b, "%s（%s）不服%s（%s）作出的%s行为，%s向%s申请行政复议。", parties, in.PartyLabel, agencies, in.DefendantLabel, cause, when, orPending(in.Court, "复议机关"))
	case cases.NonLitigation:
		fmt.Fprintf(&b, "%s（%s）%s向%s申请强制执行其对%s作出的%s决定。", agencies, in.DefendantLabel, when, orPending(in.Court, "法院"), parties, cause)
	default:
		fmt.Fprintf(&b, "%s（%s）不服%s（%s）作出的%s行为，%s向%s提起行政诉讼。", parties, in.PartyLabel, agencies, in.DefendantLabel, cause, when, orPending(in.Court, "人民法院"))
	}
	if dec != nil {
		if dec.ContestedAct != "" {
			fmt.Fprintf(&b, "被诉行为的文号为 %s。", dec.ContestedAct)
		}
		b.WriteString("（待补充：请据下文摘录概括行政行为的内容、作出经过和当事人的主要主张。）\n")
		quote(dec.FactsLabel, dec.Facts)
	} else {
		b.WriteString("（待补充：行政行为的具体内容、作出经过和当事人的主要主张，请根据卷宗补充。）\n")
	}
	if in.Note != "" {
		// The ledger's note is the bureau's own working remark (结案时间按
		// 宣判时刻记录), material for whoever finishes the draft, never text
		// for the public: it is marked as such, to be deleted before release.
		fmt.Fprintf(&b, "\n（供撰稿参考，发布前请删去）台账备注：%s\n", in.Note)
	}
	if in.HeadAppearance != "" {
		fmt.Fprintf(&b, "\n%s。\n", in.HeadAppearance)
	}

	section("争议焦点")
	b.WriteString("（待补充：请根据裁判文书或复议决定书归纳争议焦点。）\n")
	if dec != nil {
		quote(dec.ClaimsLabel, dec.Claims)
		quote(dec.DefenseLabel, dec.Defense)
	}
	if in.Reason != "" {
		fmt.Fprintf(&b, "\n台账记载的败诉或纠错原因：%s。\n", in.Reason)
	}

	section(in.ResultLabel)
	result := fmt.Sprintf("%s，%s以“%s”方式结案", in.ClosedOn, orPending(in.Court, "承办机关"), in.Outcome)
	if in.OutcomeClass != "" {
		result += "（" + in.OutcomeClass + "）"
	}
	b.WriteString(result + "。\n")
	if dec != nil {
		quote(dec.OperativeLabel, dec.Operative)
	}

	section(in.CommentLabel)
	if in.Reason != "" {
		fmt.Fprintf(&b, "本案%s的原因在于：%s。", lossWord(in.OutcomeClass), in.Reason)
	}
	b.WriteString("（待补充：请由法官、复议人员或律师结合裁判理由作出评析。）\n")
	if dec != nil {
		quote(dec.ReasoningLabel, dec.Reasoning)
	}

	section("典型意义与执法警示")
	b.WriteString(warning(c, in) + "\n")

	section("相关法条")
	if len(in.Statutes) == 0 {
		b.WriteString("（待补充：请审核人员根据裁判文书补充。）\n")
	}
	for _, s := range in.Statutes {
		fmt.Fprintf(&b, "- %s\n", s)
	}
	return strings.TrimSpace(b.String())
}

func orPending(s, what string) string {
	if s == "" {
		return "（待补充：" + what + "）"
	}
	return s
}

func lossWord(class string) string {
	switch class {
	case "复议纠错":
		return "行政行为被复议纠错"
	case "行政机关败诉":
		return "行政机关败诉"
	}
	return "如此结案"
}

// warning is the general lesson of the way the case ended; the reviewer
// makes it specific.
func warning(c *cases.Case, in prompts.Input) string {
	switch in.OutcomeClass {
	case "行政机关败诉", "复议纠错":
		return "行政机关作出行政行为，应当做到事实清楚、证据确凿、适用法律正确、程序合法。本案提示执法人员：对照本案暴露的问题逐项自查，完善调查取证、告知陈述申辩、法制审核等环节，避免同类问题再次发生。（待补充：结合本案的具体警示。）"
	case "被告改变行政行为后原告撤诉":
		return "行政机关在诉讼中主动纠正、实质化解争议，值得肯定；但也提示执法人员在作出行政行为时就应严格依法，把问题解决在诉前。（待补充：结合本案的具体意义。）"
	}
	if c.Kind == cases.NonLitigation {
		return "非诉执行审查是人民法院对行政决定合法性的再次把关，行政机关申请强制执行前应当确保决定合法、程序完备。（待补充：结合本案的具体意义。）"
	}
	return "本案行政机关的行为经审查得到支持，说明依法全面履行调查取证、告知等程序义务，是行政机关应诉获胜的基础。（待补充：结合本案的具体意义。）"
}
