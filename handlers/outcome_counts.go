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
)

// countsAskRe asks whether a case's outcome counts as 纠错 or 败诉 (这个不算
// 我们被纠错吧, 算不算败诉, 这算输了吗, 属于纠错吗).
var countsAskRe = regexp.MustCompile(`(?:算不算|算是|不算|算|属于|属不属于|是不是|是否|计不计|计入|记作|算作)(?:我们|咱们|我局|本单位)?(?:被)?(?:纠错|败诉|输|被撤|被改)|(?:纠错|败诉)(?:了)?(?:吗|吧|没|不|么|呀|啊)|(?:纠错|败诉)(?:率)?(?:里|中)?(?:算不算|算吗|计不计|要算)`)

// asksCounts reports whether text asks whether a named case's outcome
// counts: a case number and countsAskRe.
func asksCounts(text string) bool {
	t := intent.Normalize(text)
	return countsAskRe.MatchString(t) && caseMentionRe.MatchString(t) && !otherThanCountsRe.MatchString(t)
}

// otherThanCountsRe asks something beside what an outcome counts as (败诉了
// 不服要上诉吗, 败诉了整改怎么报, 败诉率): the other routes read those.
var otherThanCountsRe = regexp.MustCompile(`上诉|整改|原因|通报|率|怎么办|咋办|写`)

// caseMentionRe is a case named by number (36号, 行初85, 复33).
var caseMentionRe = regexp.MustCompile(`\d+\s*号|行[初终申再审]\s*\d|复\s*\d`)

// registerOutcomeCounts adds the route before the updates': 36号复议今天驳回
// 了 这个不算我们被纠错吧 tells an outcome and asks what it counts as; read as
// an update alone it was forwarded to the 专班 (the ledger already had it)
// and the question went unanswered.
func registerOutcomeCounts(b *bot.Bot, s *service) {
	b.Text(asksCounts, s.handleOutcomeCounts)
}

// statedOutcomes are outcome words a message may say, longest first; each
// is read with the case's kind (ParseOutcome), never guessed across kinds.
var statedOutcomes = []string{"驳回复议申请", "驳回诉讼请求", "驳回上诉维持原判", "驳回上诉", "驳回起诉", "确认违法", "确认无效", "责令履行", "履行法定职责",
	"部分撤销", "撤销", "变更", "维持", "终止", "撤诉", "调解", "和解", "改判", "发回重审", "驳回"}

func (s *service) handleOutcomeCounts(c bot.Context) error {
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	text := c.Message().Text
	u, err := intent.Understand(text, s.options(c, viewer))
	if err != nil {
		return err
	}
	ns, err := s.caseRefs(c.Ctx(), viewer, u, now)
	if err != nil {
		return err
	}
	cs, err := s.visible(c.Ctx(), viewer, ns, nil)
	if err != nil {
		return err
	}
	t := intent.Normalize(text)
	if len(cs) > 1 && strings.Contains(t, "复议") {
		cs = slices.DeleteFunc(cs, func(k *cases.Case) bool { return k.Kind != cases.Reconsideration })
	}
	if len(cs) != 1 {
		if _, ok, _ := intent.ParseUpdate(text, s.updateOptions(now)); ok {
			return s.handleUpdate(c)
		}
		return s.handleText(c)
	}
	k := cs[0]
	stated := cases.Outcome("")
	for _, w := range statedOutcomes {
		if strings.Contains(t, w) {
			if o, err := cases.ParseOutcome(k.Kind, w); err == nil {
				stated = o
				break
			}
		}
	}
	var b []string
	switch {
	case k.Closure != nil:
		b = append(b, fmt.Sprintf("**%s** 台账登记：%s结案，**%s**。", k.Number, whenCN(k.Closure.On, now, loc), k.Closure.Method))
		b = append(b, s.countsText(k.Kind, k.Closure.Method))
		if stated != "" && stated != k.Closure.Method {
			b = append(b, fmt.Sprintf("您说的是“%s”，与台账登记的不一致：按“%s”，%s请把决定书（裁判文书）交司法局应诉专班核实后更正台账。", stated, stated, strings.TrimSuffix(s.countsText(k.Kind, stated), "。")+"；"))
		}
	case stated != "":
		b = append(b, fmt.Sprintf("**%s** 台账尚未登记结案。按您说的“%s”：%s", k.Number, stated, s.countsText(k.Kind, stated)))
	default:
		b = append(b, fmt.Sprintf("**%s** 台账尚未登记结案，结果出来后才能判断。", k.Number))
		b = append(b, s.countsRule(k.Kind))
	}
	if err := s.record(c, audit.Query, "outcome-counts", 1, []string{k.Number}, ""); err != nil {
		return err
	}
	if err := c.ReplyMarkdown(strings.Join(b, "\n")); err != nil {
		return err
	}
	if k.Closure == nil && stated != "" {
		if _, ok, _ := intent.ParseUpdate(text, s.updateOptions(now)); ok {
			return s.handleUpdate(c) // the outcome told still goes to the 专班 to record
		}
	}
	return nil
}

// countsText says whether an outcome of a kind counts as 纠错 (复议) or 败诉
// (诉讼), from the outcome vocabulary the bulletin counts with.
func (s *service) countsText(kind cases.Kind, o cases.Outcome) string {
	switch kind {
	case cases.Reconsideration:
		if o.Correction() {
			return "“" + string(o) + "”属于**纠错**决定，计入复议纠错率，需要一案一整改。"
		}
		return "“" + string(o) + "”**不属于纠错**，不计入纠错数。" + s.countsRule(kind)
	case cases.NonLitigation:
		return "非诉执行审查案件不计败诉、纠错。"
	}
	if s.loss[o] {
		return "“" + string(o) + "”**算败诉**，计入败诉率，需要一案一整改。"
	}
	return "“" + string(o) + "”**不算败诉**。" + s.countsRule(kind)
}

// countsRule names what does count, for the kind.
func (s *service) countsRule(kind cases.Kind) string {
	if kind == cases.Reconsideration {
		var ws []string
		for _, o := range cases.Corrections {
			ws = append(ws, string(o))
		}
		return "复议纠错指复议机关作出" + strings.Join(ws, "、") + "等决定；维持、驳回复议申请、终止不算纠错。"
	}
	var ws []string
	for _, o := range cases.Outcomes(kind) {
		if s.loss[o] {
			ws = append(ws, string(o))
		}
	}
	return "败诉指" + strings.Join(ws, "、") + "等结果；判决驳回诉讼请求、裁定驳回起诉、撤诉不算败诉。"
}
