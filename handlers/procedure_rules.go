package handlers

import (
	"fmt"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/bot/intent"
	"casebot/bot/workcal"
)

// procedureRule is one answer of the procedure table: the text people
// read, and where it comes from. Sources are DOMAIN.md's sections or the
// statute text quoted beside the rule in bot/deadline (the one the
// reminders compute with); a text resting on neither says that it is
// general guidance, to be confirmed with the court or the law's text, in
// the words of unconfirmedNote.
type procedureRule struct {
	text   string
	source string // for maintainers: where the text is from
	// general marks guidance whose source is not in DOMAIN.md or
	// bot/deadline (or that DOMAIN.md marks 【未证实】): the answer says so.
	general bool
	// kinds are the deadlines of a case in focus worth adding (the case's
	// own dates under the general rule).
	kinds []deadline.Kind
}

// unconfirmedNote is said under a rule that is general guidance.
const unconfirmedNote = "<font color=\"comment\">以上为一般做法，供参考，具体以法院通知和法律、司法解释原文为准（待核实）。</font>"

// procedureRules are the procedure questions' answers (intent's procedure
// topics). Keep them here, in one table, so that a change of law is one
// edit.
var procedureRules = map[intent.RuleTopic]procedureRule{
	intent.RuleAppealPeriod: {
		text: "**上诉期限**（《行政诉讼法》第85条）：\n" +
			"- 不服一审**判决**的，自判决书送达之日起 **15 日**内向上一级人民法院提起上诉；\n" +
			"- 不服一审**裁定**的，自裁定书送达之日起 **10 日**内提起上诉；\n" +
			"- 逾期不上诉的，一审判决、裁定发生法律效力。\n" +
			"期限按自然日计算，末日逢法定节假日顺延。第85条所说的一审裁定，包括裁定驳回起诉、裁定不予立案，当事人不服的可以在 10 日内上诉；哪些裁定可以上诉，以裁定书的告知为准。",
		source: "bot/deadline AppealDue (行政诉讼法第八十五条 quoted there)",
		kinds:  []deadline.Kind{deadline.Appeal},
	},
	intent.RuleAppealSign: {
		text: "**上诉状的签章**：行政机关作为上诉人的，上诉状以本机关名义提出，一般由法定代表人（主要负责人）签名或盖章，并加盖本机关公章；" +
			"委托代理人的，另附授权委托书和法定代表人身份证明。上诉状按对方当事人的人数提交副本，通常通过原审人民法院递交，也可以直接向上一级人民法院递交。\n" +
			"作为被上诉人提交答辩状的，签章要求相同。出庭负责人的身份证明须写明姓名、职务并加盖公章（法释〔2020〕3号第6条）。",
		source:  "法释〔2020〕3号第6条: DOMAIN.md §3; the rest is general practice, in no source of this project",
		general: true,
	},
	intent.RuleAnswerPeriod: {
		text: "**答辩举证期限**（《行政诉讼法》第67条）：被告应当在收到起诉状副本之日起 **15 日**内向人民法院提交作出行政行为的证据和所依据的规范性文件，并提出答辩状。\n" +
			"期限按自然日计算，末日逢法定节假日顺延；二审被上诉人收到上诉状副本后答辩，同为 15 日。\n" +
			"台账登记了“收到起诉状副本日期”的案件，系统会在期满前提醒承办人；可问“哪些案子答辩期快到了”。",
		source: "DOMAIN.md §3 (第67条, 15 日); bot/deadline AnswerDue",
		kinds:  []deadline.Kind{deadline.Answer},
	},
	intent.RuleAppealPrep: {
		text: "**二审、再审（含高院、中院的案件）一般要准备的材料**：\n" +
			"1. 上诉状或答辩状（机关名义，法定代表人签名或盖章并加盖公章），按对方当事人人数提交副本；\n" +
			"2. 一审判决书或裁定书，及送达回证（用于核对上诉期限）；\n" +
			"3. 法定代表人身份证明、授权委托书，代理人的身份证件、工作证明；\n" +
			"4. 出庭负责人的身份证明，写明姓名、职务并加盖公章，开庭前提交（法释〔2020〕3号第6条）；\n" +
			"5. 一审提交的证据、依据的规范性文件，以及针对上诉理由的答辩意见；\n" +
			"6. 法院的传票、出庭通知书（如有）。\n" +
			"负责人出庭应诉的义务在一审、二审、再审中分别计算（法释〔2020〕3号第1、7条），二审、再审同样应当出庭或由相应的工作人员出庭。" +
			"具体案件可问“行终33要准备什么”，查看该案的开庭安排。",
		source:  "法释〔2020〕3号第1、6、7条: DOMAIN.md §3; the checklist itself is general practice",
		general: true,
	},
	intent.RuleReconPeriod: {
		text: "**行政复议的期限**（《行政复议法》，2023年修订）：\n" +
			"- **答复**：被申请人自收到复议申请书副本或申请笔录复印件之日起 **10 日**内提出书面答复，并提交证据、依据和其他材料（第48条）；适用简易程序的为 5 日（第54条）。这两个期限按工作日计算（第88条）。\n" +
			"- **决定**：复议机关自受理之日起 **60 日**内作出决定，情况复杂的经批准可延长，最多不超过 30 日（第62条）；简易程序 30 日。\n" +
			"- **申请**：申请人一般应自知道或者应当知道行政行为之日起 60 日内申请复议（第20条，待核实）。\n" +
			"台账登记了收到副本日期的复议案件，系统会在答复期满前提醒；可问“复议答复期限快到的有哪些”。",
		source: "bot/deadline ReplyDue, DecisionDue (行政复议法第四十八、五十四、六十二、八十八条 quoted there); 第20条 is in no source of this project, so marked 待核实",
		kinds:  []deadline.Kind{deadline.Reply, deadline.Decision},
	},
}

// withdrawCorrectionRule answers whether a withdrawal counts as a
// correction (撤诉算不算实质纠错): the bulletin's own definitions, the
// configured loss set, and what DOMAIN.md leaves unconfirmed.
func (s *service) withdrawCorrectionRule() string {
	after := "不计入败诉"
	if s.loss[cases.WithdrawalAfterCorrection] {
		after = "按本地配置计入败诉"
	}
	return strings.Join([]string{
		"**撤诉不计入“纠错”，也不算败诉。**按月度通报的口径：",
		"- 复议纠错只指复议决定撤销、变更、确认违法、确认无效、责令履行（纠错率 = 纠错决定数 ÷ 办结的行政复议案件数）；",
		"- 行政诉讼中，准许撤诉、按撤诉处理与调解合计为“调撤”，计入调撤率（调解和撤诉数 ÷ 审结数），不计入败诉数；",
		"- 被告改变行政行为后原告撤诉的，请在结案方式中登记为“改变行为后撤诉”，以便单独统计；本系统对它" + after + "（配置项 cases.loss_outcomes）。",
		"“实质纠错”不是月度通报的统计项。有的地方把“被告改变行为后撤诉”视作实质纠错、有的把复议“终止”计入综合纠正率，各地口径不一，本地是否这样计算**待核实**，以本地考核文件为准。",
	}, "\n")
}

// procedureAnswer answers a procedure question: the table's rule, the
// note when it is general guidance, and the own dates of the one case
// the conversation is about (行初85 → 上诉期多少天).
func (s *service) procedureAnswer(c bot.Context, q intent.RuleQuestion, prev *lastQuestion) error {
	var md string
	var shown []string
	if q.Topic == intent.RuleWithdrawCorrec {
		md = s.withdrawCorrectionRule()
	} else {
		r := procedureRules[q.Topic]
		md = r.text
		if q.Topic == intent.RuleAppealPeriod && intent.AsksRulingAppeal(c.Message().Text) {
			md = "**可以上诉。**裁定驳回起诉、裁定不予立案属于一审裁定，不服的可以自裁定书送达之日起 10 日内向上一级人民法院提起上诉。\n\n" + md
		}
		if r.general {
			md += "\n" + unconfirmedNote
		}
		if line, number, err := s.focusDeadlines(c, r.kinds, prev); err != nil {
			return err
		} else if line != "" {
			md = line + "\n\n" + md
			shown = []string{number}
		}
	}
	a := answer{md: md, shown: shown, outcome: audit.Answered, noEcho: true}
	if err := s.recordAnswer(c, intent.Understanding{Kind: intent.Legal, Numbers: shown, Anchored: true}, a, 0); err != nil {
		return err
	}
	return c.ReplyMarkdown(md)
}

// focusDeadlines is the line of the deadlines of kinds that the one case
// the last answer showed has (行初85号的上诉期限：2026年12月2日…), "" when
// the conversation is about no single case or it has none of them.
func (s *service) focusDeadlines(c bot.Context, kinds []deadline.Kind, prev *lastQuestion) (string, string, error) {
	if len(kinds) == 0 || prev == nil || len(prev.Shown) != 1 {
		return "", "", nil
	}
	cs, err := s.visible(c.Ctx(), c.Person(), prev.Shown, nil)
	if err != nil || len(cs) != 1 {
		return "", "", err
	}
	k := cs[0]
	today := workcal.DateOf(c.Now(), c.Location())
	var parts []string
	for _, kind := range kinds {
		if d, ok := s.st.Deadlines.Find(k, kind); ok {
			parts = append(parts, fmt.Sprintf("%s：%s", d.Title(), d.Value(today)))
		}
	}
	if len(parts) == 0 {
		return "", "", nil
	}
	return fmt.Sprintf("**%s** 的%s。按一般规定：", k.Number, strings.Join(parts, "；")), k.Number, nil
}
