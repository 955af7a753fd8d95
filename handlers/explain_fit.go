package handlers

import (
	"fmt"
	"regexp"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/intent"
)

// fitAskRe asks whether one case is fit to be written up (85号能写吗, 61号
// 适合写吗, 这个能不能拿来写以案说法): a verdict on that case, not its card
// or the list of every candidate.
var fitAskRe = regexp.MustCompile(`(?:能|可以|适合|适不适合|能不能|可不可以|值不值得|值得|合不合适|合适)(?:拿来|用来|用它|用这个|拿它)?(?:写|做|出)(?:成|个|一篇)?(?:以案说法|以案释法|案例|典型案例|普法)?(?:吗|么|不|没|嘛|不能|不了)?$` +
	`|(?:写|做)(?:成)?(?:以案说法|一篇|案例)?(?:合适吗|合不合适|行不行|可以吗|行吗|合适不)$`)

// politeRequestRe asks for the write-up by name, politely (85号能写以案说法吗,
// 可以写个普法文章吗): a request, which the draft answers.
var politeRequestRe = regexp.MustCompile(`(?:能|可以|能不能|可不可以)(?:拿来|用来)?(?:写|做|出)(?:个|一篇|篇)?(?:以案说法|以案释法|普法文章|普法稿)`)

// fitAnswer answers whether the case a message names (or the one case just
// shown) can be written up as a 以案说法: not before it is closed; a
// first-instance decision still open to appeal may be drafted but not
// published; whether a decision is attached (the draft is written from it)
// and what drafts it has. It reports whether it answered.
func (h *explainHandlers) fitAnswer(c bot.Context, text string, prev *lastQuestion) (bool, error) {
	t := strings.TrimRight(intent.Normalize(text), "？?。！! ")
	if !fitAskRe.MatchString(t) || len([]rune(t)) > 30 || politeRequestRe.MatchString(t) {
		return false, nil
	}
	u, err := intent.Understand(text, h.s.options(c, c.Person()))
	if err != nil {
		return true, err
	}
	numbers := u.Numbers
	if len(numbers) == 0 && u.Seq > 0 {
		if numbers, err = h.s.completeSeq(c.Ctx(), c.Person(), u.Seq, u.Recon, c.Now()); err != nil {
			return true, err
		}
	}
	if len(numbers) == 0 && u.Seq == 0 && u.Short == "" && prev != nil && len(prev.Shown) == 1 {
		numbers = prev.Shown // 85号 → 能写吗
	}
	if len(numbers) != 1 {
		return false, nil // none, or a short number of several cases the case answer asks about
	}
	cs, err := h.s.visible(c.Ctx(), c.Person(), numbers, nil)
	if err != nil {
		return true, err
	}
	if ok, err := h.allowed(c); !ok {
		return true, err
	}
	if len(cs) != 1 {
		// The 普法 team sees closed cases only: an open one is not said to exist.
		v := intent.Understanding{Kind: intent.Explain, Numbers: numbers, Anchored: true}
		return true, h.s.recordAndReply(c, v, answer{md: fmt.Sprintf("**暂时不能写**：%s 不是您可以查看的已结案件。以案说法只用已结案件、依据裁判文书或复议决定撰写；"+
			"发送“以案说法”可查看近期可写的已结案件。", numbers[0]), outcome: audit.Answered, noEcho: true, detail: "explain:fit"})
	}
	k := cs[0]
	var b []string
	switch {
	case k.Kind == cases.NonLitigation:
		b = append(b, fmt.Sprintf("**一般不作为以案说法素材**：**%s** 是非诉行政执行审查案件，法院书面审查，没有庭审和实体裁判可以讲。", k.Number))
	case k.Closure == nil:
		b = append(b, fmt.Sprintf("**暂时不能写**：**%s** 尚未结案。以案说法要依据生效的裁判文书或复议决定撰写，结案后可以发送“以案说法 %s”。", k.Number, k.Number))
	default:
		cand, err := h.ex.CandidateOf(c.Ctx(), k)
		if err != nil {
			return true, err
		}
		why := "可作为依法行政的正面案例。"
		switch {
		case cand.Lost:
			why = "败诉、纠错案件是以案说法的重点素材。"
		case k.Closure.Method.MediatedOrWithdrawn():
			why = "调解、撤诉结案的案件没有实体裁判，宜侧重写争议如何化解。"
		}
		b = append(b, fmt.Sprintf("**可以写**：**%s** 已于%s结案（%s，%s），%s", k.Number, k.Closure.On.In(c.Location()).Format("2006年1月2日"),
			k.Closure.Method, cand.Class, why))
		if w := strings.TrimPrefix(h.notFinal(c, k), "\n"); w != "" {
			b = append(b, w)
		}
		if cand.HasDecision {
			b = append(b, "该案已关联裁判文书，草稿会依据文书撰写。")
		} else {
			b = append(b, "该案尚未关联裁判文书：草稿只能根据台账整理，建议先在应用页面上传判决书（或复议决定书）再写。")
		}
		if cand.Drafts > 0 {
			b = append(b, fmt.Sprintf("该案已有以案说法草稿第 %d 版（%s）。", cand.Drafts, cand.State))
		}
		b = append(b, fmt.Sprintf("需要的话，发送“以案说法 %s”开始起草。", k.Number))
	}
	v := intent.Understanding{Kind: intent.Explain, Numbers: []string{k.Number}, Anchored: true}
	return true, h.s.recordAndReply(c, v, answer{md: strings.Join(b, "\n\n"), outcome: audit.Answered, noEcho: true,
		shown: []string{k.Number}, results: 1, detail: "explain:fit"})
}
