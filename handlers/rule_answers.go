package handlers

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/privacy"
)

// ruleAnswer answers a rule question (intent.AsksRule) with the rule: how
// this bureau's figures count a 结案方式 (from the configured loss set and
// the contract's correction set, so chat and bulletin agree), what a rate
// divides by, whether a case heard on the papers needs anyone in court,
// how long a 以案说法 runs. Never a count of cases: the question asks how,
// not how many.
func (s *service) ruleAnswer(c bot.Context, q intent.RuleQuestion, prev *lastQuestion) error {
	if q.Topic == intent.RuleStandIn {
		return s.standInRule(c, prev) // the head's substitute: 法释〔2020〕3号, with the case in focus
	}
	if q.Topic == intent.RuleAnonymize {
		return s.anonymizeRule(c, prev) // 原告名字是不是要打码: the 隐名 rule, with the case in focus
	}
	if _, ok := procedureRules[q.Topic]; ok || q.Topic == intent.RuleWithdrawCorrec {
		return s.procedureAnswer(c, q, prev) // 上诉期多少天: the table's rule, with the case in focus
	}
	return s.fixedRuleAnswer(c, s.ruleText(q))
}

// fixedRuleAnswer answers with a rule's text, audited as a legal answer.
func (s *service) fixedRuleAnswer(c bot.Context, md string) error {
	return s.recordAndReply(c, intent.Understanding{Kind: intent.Legal, Anchored: true}, answer{md: md, outcome: audit.Answered, noEcho: true})
}

// recordAndReply audits an answer with what was understood, then sends
// it (nothing when it has no text): the end of every route that answers
// on its own.
func (s *service) recordAndReply(c bot.Context, u intent.Understanding, a answer) error {
	if err := s.recordAnswer(c, u, a, 0); err != nil {
		return err
	}
	if a.md == "" {
		return nil
	}
	return c.ReplyMarkdown(a.md)
}

// ruleText is the rule a question asks (any topic but RuleStandIn): a
// fixed text (fixedRules), or one made from the question or the
// configuration.
func (s *service) ruleText(q intent.RuleQuestion) string {
	switch q.Topic {
	case intent.RuleLoss:
		return s.lossRule(cases.Outcome(q.Outcome))
	case intent.RuleCorrection:
		return correctionRule(cases.Outcome(q.Outcome))
	case intent.RuleLost:
		return s.lostRule()
	case intent.RuleRate:
		return rateRule(q.Rate)
	case intent.RuleAdviceDue:
		return fmt.Sprintf(adviceDueRule, s.cfg.Deadlines.JudicialSuggestionDays)
	}
	return fixedRules[q.Topic]
}

// fixedRules are the rules whose text depends on nothing asked.
var fixedRules = map[intent.RuleTopic]string{
	intent.RuleWritten: writtenRule, intent.RuleLength: lengthRule, intent.RuleChange: changeRule,
	intent.RuleAbsent: absentRule, intent.RuleRepeat: repeatRule, intent.RuleExcuse: excuseRule,
	intent.RuleNotice: noticeRule, intent.RuleDeputy: deputyRule, intent.RuleSanction: sanctionRule,
}

// adviceDueRule is when a suggestion is to be answered (bot/deadline's
// ProcuratorialDue and JudicialDue); %d is deadlines.judicial_suggestion_days.
const adviceDueRule = "**检察建议**：按《人民检察院检察建议工作规定》第十九条，除另有规定外，被建议单位应自收到检察建议书之日起**两个月以内**作出处理并书面回复检察院；检察建议书另定了更短期限的，以建议书为准。\n" +
	"**司法建议**：法律未规定统一期限，以司法建议书载明的期限为准；未载明的，本系统按本地规定的收到后 **%d 日**内回复提醒。\n" +
	"台账登记了收到日期的，会在到期前提醒承办人；可问“行初85号的司法建议什么时候到期”。"

// The 出庭 rules of 法释〔2020〕3号 (DOMAIN.md §3), as a head asks them.
const (
	repeatRule = "按法释〔2020〕3号第7条，同一审级多次开庭的，负责人出庭一次一般即视为已履行出庭应诉义务；一审、二审、再审的义务分别计算。" +
		"法院就这一次开庭另行书面通知负责人出庭的，请按通知出庭，或先与承办法官核实。问“我的庭”可查看您登记的出庭记录。"
	excuseRule = "**不算出庭。**按法释〔2020〕3号第8、9条，负责人因不可抗力、意外事件、需本人处理的公务等正当理由不能出庭的，应提交加盖公章的书面说明，" +
		"由相应的工作人员出庭，也可以申请延期开庭；这属于“有正当理由未出庭”，出庭率仍按未出庭计（负责人出庭案件数 ÷ 开庭审理案件数）。" +
		"无正当理由不出庭的，法院应当向监察机关和上一级行政机关提出司法建议（第12条）。"
	noticeRule = "**出庭通知书**：按法释〔2020〕3号第5条，法院通知负责人出庭的，应在开庭三日前送达出庭通知书，并告知不出庭的后果；收到后请交承办人和司法局应诉专班，核对开庭时间和出庭负责人。\n" +
		"**身份证明**：按第6条，负责人出庭应在开庭前向法院提交身份证明，写明姓名、职务，并加盖本机关公章；不能补正的，视为负责人未出庭。" +
		"常见写法（供参考，以法院要求为准）：“兹证明某某同志系本机关某职务，作为本机关负责人出庭参加（案号）一案的诉讼活动。特此证明。”落款写机关全称、日期并盖章。"
	deputyRule = "**副职可以。**按法释〔2020〕3号第2条，出庭应诉的负责人包括行政机关的正职、副职负责人，以及参与分管被诉行为的其他负责人，不要求正职本人；" +
		"第4条所列食品药品安全等应当出庭的案件，同样由这些负责人之一出庭即可。受委托组织或下级机关的负责人不算本机关负责人。\n" +
		"定下由谁出庭后，请告诉承办人或司法局应诉专班更换台账中的出庭负责人，开庭提醒会发给新登记的负责人。"
	sanctionRule = "按法释〔2020〕3号第12条，负责人无正当理由不出庭、申请延期后仍不出庭、负责人和相应工作人员都不出庭、或未经许可中途退庭的，法院应当向监察机关和上一级行政机关提出司法建议。" +
		"有正当理由（第8、9条）并已提交加盖公章的书面说明、由相应工作人员出庭的，不属于无正当理由不出庭。"
)

// outcomeNames lists outcomes in the 、-joined form of the answers.
func outcomeNames(os []cases.Outcome) string {
	names := make([]string, len(os))
	for i, o := range os {
		names[i] = string(o)
	}
	return strings.Join(names, "、")
}

// lossRule says whether o is a loss under the configured 败诉 set and how
// it enters the loss rates.
func (s *service) lossRule(o cases.Outcome) string {
	lost := s.loss[o]
	verdict := "不算败诉"
	if lost {
		verdict = "算败诉"
	}
	lines := []string{fmt.Sprintf("按本系统的败诉口径，**%s%s**。", o, verdict),
		"计为败诉的结案方式：" + outcomeNames(s.loss.Outcomes()) + "（配置项 cases.loss_outcomes，月度通报与聊天统计同一口径）。"}
	switch {
	case o == cases.AppealDismissed || o == cases.AppealAmended || o == cases.AppealRemanded:
		lines = append(lines, "这是二审的结果：败诉率只计一审行政诉讼案件，二审结果不计入。")
	case lost:
		lines = append(lines, "它计入败诉数，也计入败诉率的分母（审结数）和判决口径败诉率的分母（判决结案数）。")
	case o.Judged():
		lines = append(lines, "它计入败诉率的分母（审结数）和判决口径败诉率的分母（判决结案数），不计入败诉数。")
	default:
		lines = append(lines, "它计入败诉率的分母（审结数），不计入败诉数；判决口径败诉率只以判决结案的案件为分母，不含它。")
	}
	if o.MediatedOrWithdrawn() {
		lines = append(lines, "调解与撤诉合计计入调撤率（调解和撤诉数 ÷ 审结数）。")
	}
	switch o {
	case cases.Mediation:
		lines = append(lines, "依《行政诉讼法》第60条，行政案件一般不适用调解，调解只限于行政赔偿、补偿以及行政机关行使法律、法规规定的自由裁量权的案件。")
	case cases.WithdrawalAfterCorrection:
		lines = append(lines, "被告改变行政行为后原告撤诉的，各地口径不一：有的单列为一种结案方式，有的视作“实质纠错”。本系统按上述配置计算；本地考核另有口径的，以考核文件为准。")
	case cases.WithdrawalPermitted, cases.WithdrawalDeemed:
		lines = append(lines, "如撤诉是因被告改变行政行为，请在结案方式中登记为“改变行为后撤诉”，以便单独统计。")
	}
	return strings.Join(lines, "\n")
}

// correctionRule says whether a reconsideration decision o is a correction.
func correctionRule(o cases.Outcome) string {
	verdict := "不算纠错"
	if slices.Contains(cases.Corrections, o) {
		verdict = "算纠错"
	}
	return strings.Join([]string{fmt.Sprintf("按本系统的复议纠错口径，**复议%s%s**。", o, verdict),
		"计为纠错的复议决定：" + outcomeNames(cases.Corrections) + "。",
		"复议纠错率 = 纠错决定数 ÷ 同期办结的行政复议案件数，月度通报与聊天统计同一口径。"}, "\n")
}

// writtenRule answers whether a case heard on the papers needs anyone in
// court.
const writtenRule = "书面审理的案件不开庭，也就不涉及出庭应诉：负责人和工作人员都不需要到庭，但要按期提交答辩（答复）材料和证据。\n" +
	"负责人出庭率只计开庭审理的案件，书面审理的不计入分母。\n" +
	"行政复议案件组织听证的，被申请人的负责人应当参加听证（《行政复议法》第51条），不能参加的应当说明理由并委托相应的工作人员参加；台账中听证按开庭登记，会照常提醒。"

// changeRule answers what to do when the court moves or calls off a
// hearing (如果法院改期了要怎么办): asked, not reported, so nothing is
// relayed; it says how to report one when it happens.
const changeRule = "法院改期或取消开庭的，以法院的通知为准。收到通知后请直接告诉我，写明案号和新时间（例如“行初117改到12月2日上午9点”；时间未定的可说“行初117改期了 时间另行通知”），我会转告司法局应诉专班，专班登记后提醒按新时间发送，原时间不再提醒。\n" +
	"出庭负责人不变的，不需要重新报出庭负责人，但新的开庭前仍须向法院提交负责人的身份证明（法释〔2020〕3号第6条）；出庭负责人因改期无法出庭或要换人的，同样请告诉我，按法释〔2020〕3号第8、9条须有正当理由，并安排相应的工作人员出庭。"

// absentRule answers what follows when a head (or nobody) does not appear
// (不出庭会咋样): asked, not reported, so nothing is relayed or recorded.
const absentRule = "负责人不出庭的后果：\n" +
	"1. 无正当理由不出庭、申请延期后仍不出庭、负责人和相应的工作人员均不出庭、未经许可中途退庭的，人民法院可以向监察机关和上一级行政机关提出司法建议（法释〔2020〕3号第12条）；" +
	"被告经传票传唤无正当理由拒不到庭的，法院可以缺席判决，并可以将情况予以公告（《行政诉讼法》第66条）。\n" +
	"2. 开庭前未提交写明姓名、职务并加盖公章的身份证明且不能补正的，视为负责人未出庭（第6条）。\n" +
	"3. 负责人未出庭的案件计入出庭率的分母、不计入出庭数，月度通报列出出庭率未达 100% 的单位。\n" +
	"确因不可抗力、意外事件、需本人处理的公务等正当理由不能出庭的，应提交加盖公章的书面说明，可以申请延期开庭，并由相应的工作人员出庭（第8–10条）。" +
	"具体案件的负责人去不了，请告诉我案号，例如“行初117孙局去不了”，我转告司法局应诉专班。"

// lostRule answers what follows a loss (要是败诉了会怎样): the appeal
// period, the figures it enters, and the 一案一整改 report the bureau asks
// for, with the configured period.
func (s *service) lostRule() string {
	return "一审败诉后：\n" +
		"1. 不服判决的，可以在判决书送达之日起 15 日内、裁定书送达之日起 10 日内向上一级人民法院提起上诉（《行政诉讼法》第85条）；逾期不上诉，判决、裁定发生法律效力。" +
		"决定上诉或不上诉的，可以告诉我，例如“行初85准备上诉”，我会说明该案的上诉期限并转告司法局应诉专班。\n" +
		"2. 败诉案件计入本单位和本地区的败诉率，列入月度败诉通报。\n" +
		fmt.Sprintf("3. 按“一案一整改”，败诉单位应在判决（决定）送达之日起 %d 日内报送败诉原因分析和整改措施，由司法局应诉专班审核。\n", s.cfg.Rectify.DueDays) +
		"4. 判决生效后应当依法履行；拒绝履行的，法院可以对行政机关负责人按日处以罚款，并可以向监察机关或上一级行政机关提出司法建议（《行政诉讼法》第96条）。"
}

// lengthRule answers how long a 以案说法 runs (DOMAIN.md §4).
const lengthRule = "以案说法的篇幅尚无统一的官方规定，一般建议 1000–2000 字。\n" +
	"常用体例：标题 → 案情简介 → 争议焦点 → 裁判结果（复议结果）→ 法理评析（写明败诉原因）→ 典型意义与执法警示 → 相关法条。\n" +
	"对具体的草稿，可先发送“待审核的以案说法”选定一篇，再发送“改短一点”或“控制在1000字以内”生成新的一版。"

// rateRule says how a rate of the bulletin is computed.
func rateRule(r intent.Rate) string {
	common := "口径同月度败诉通报：诉讼只计一审行政诉讼案件。"
	switch r {
	case intent.AppearanceRate:
		return "负责人出庭率 = 负责人出庭的案件数 ÷ 同期开庭审理的一审案件数。一案多次开庭的，负责人出庭一次即计为出庭（法释〔2020〕3号第7条）；书面审理的案件不计入分母；未登记是否出庭的按未出庭计。\n" + common
	case intent.CorrectionRate:
		return "复议纠错率 = 作出撤销、变更、确认违法、确认无效、责令履行决定的案件数 ÷ 同期办结的行政复议案件数。\n" + common
	case intent.WithdrawalRate:
		return "调撤率 = 调解和撤诉结案的案件数 ÷ 同期审结的案件数。\n" + common
	case intent.JudgedLossRate:
		return "判决口径败诉率 = 判决败诉的案件数 ÷ 同期以判决结案的案件数（撤诉、驳回起诉等裁定结案的不计入分母）。\n" + common
	}
	return "败诉率（审结口径）= 败诉案件数 ÷ 同期审结的案件数，撤诉、驳回起诉等也计入分母；另给判决口径（败诉数 ÷ 判决结案数）。\n" +
		"计为败诉的结案方式由配置项 cases.loss_outcomes 决定，可问“撤诉算不算败诉”。\n" + common
}

// nonLitigationAppearRe asks whether a 行审 (非诉执行审查) case needs
// anyone in court or counts in the 出庭率.
var nonLitigationAppearRe = regexp.MustCompile(`行审(?:复)?\s*\d*\s*号?[^，,。？?]{0,12}?(?:要不要|需不需要|需要|用不用|得|要)(?:安排)?(?:负责人|领导|人)?(?:出庭|到庭|开庭|去)|行审[^，,。]{0,16}?(?:算不算|计不计|算进|计入)[^，,。]{0,4}出庭率`)

// nonLitigationAppearRule is how a 行审 case stands to appearance.
const nonLitigationAppearRule = "**行审案件是非诉行政执行审查**：行政机关申请法院强制执行，法院一般书面审查，不开庭审理，不涉及行政机关负责人出庭应诉，" +
	"也不计入负责人出庭率（出庭率只计开庭审理的一审行政诉讼案件，月度通报同一口径）。法院通知听取意见或询问的，按通知安排人员参加即可。"

// anonymizeRuleText is the 隐名 rule for what the bureau publishes
// (DOMAIN.md §5.1): 法释〔2016〕19号 as the floor, stricter for a
// government's own 以案说法, which needs no person's real name.
const anonymizeRuleText = "**要隐名。** 以案说法等对外发布的材料中，当事人的个人信息按以下规则处理：\n" +
	"1. 自然人（原告、申请人、第三人、证人等）一律隐名：保留姓，名用“某”代替（例如 张三 → 张某）；少数民族姓名保留第一个字，外国人中文译名保留第一个字；隐名后重名的，加阿拉伯数字区分（张某1、张某2）。\n" +
	"2. 删去住址、电话、身份证号、银行账号、车牌号、不动产权证号、健康状况等信息（参照《最高人民法院关于人民法院在互联网公布裁判文书的规定》法释〔2016〕19号第九、十条）。\n" +
	"3. 法院在裁判文书网上只对婚姻家庭、未成年人等案件的当事人隐名，行政案件原告在文书上通常是实名；但政府对外发布普法材料应当从严，按《个人信息保护法》最小必要的要求，不写当事人真实姓名。\n" +
	"4. 企业和行政机关的名称可以保留；是否写成“某县某局”，按本地口径决定（可对草稿发“别写局名，就说某执法部门”）。\n" +
	"本系统生成的以案说法草稿已按上述规则自动隐名，发布前仍须人工核对；对某篇草稿可发“把名字都去掉”重新核查一遍。"

// anonymizeRule answers whether a party's name is to be hidden: the rule,
// and with one case in focus (the draft's, or the one shown) how its
// natural persons are written.
func (s *service) anonymizeRule(c bot.Context, prev *lastQuestion) error {
	md := anonymizeRuleText
	var focus []string
	if prev != nil && len(prev.Shown) == 1 {
		focus = prev.Shown
	} else if s.explains != nil {
		var f draftFocus
		if ok, err := c.Memory().Recall(memDraftFocus, &f); err != nil {
			return err
		} else if ok && f.Number != "" {
			focus = []string{f.Number}
		}
	}
	var shown []string
	if len(focus) == 1 {
		cs, err := s.visible(c.Ctx(), c.Person(), focus, nil)
		if err != nil {
			return err
		}
		if len(cs) == 1 {
			k := cs[0]
			var masked []string
			for _, p := range k.Plaintiffs {
				if p.Natural {
					masked = append(masked, "“"+privacy.MaskName(p.Name)+"”")
				}
			}
			if len(masked) > 0 {
				md = fmt.Sprintf("**%s** 的原告是自然人，写作%s，不写全名、住址和证件号。\n\n", k.Number, strings.Join(masked, "、")) + md
			} else if len(k.Plaintiffs) > 0 {
				md = fmt.Sprintf("**%s** 的原告（申请人）是单位，名称可以保留；文中出现的其他自然人仍须隐名。\n\n", k.Number) + md
			}
			shown = []string{k.Number}
		}
	}
	a := answer{md: md, shown: shown, outcome: audit.Answered, noEcho: true}
	if err := s.recordAnswer(c, intent.Understanding{Kind: intent.Legal, Numbers: shown, Anchored: true}, a, 0); err != nil {
		return err
	}
	return c.ReplyMarkdown(md)
}
