package handlers

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/numeral"
)

// Whether a case is in the ledger at all (老案子12号还在台账吗, 行初200号在不
// 在系统里, 2015年那个12号删了没有): yes with its state, or the nearest
// numbers. A bare sequence is looked up in every year and type, since an
// old case is exactly what such a question is about; it was read as the
// 12th of the month ("12月12日没有开庭安排").

// inLedgerRe asks whether a case is (still) in the ledger.
var inLedgerRe = regexp.MustCompile(`(?:还在|在不在|还有没有|有没有|还有|是否在|是不是还在|在)(?:咱们|我们)?(?:的)?(?:台账|系统|库)(?:里|中|上|内)?(?:面|头)?(?:吗|么|嘛|不|没有|没|吧|呢)?` +
	`|(?:台账|系统)(?:里|中|上)(?:面|头)?(?:还)?(?:有没有|有吗|有么|有没|在吗|在不在|查得到吗|查得到不|查得到么|能查到吗|找得到吗|能找到吗)` +
	`|(?:被)?(?:删了|删掉了|删除了)(?:吗|没有|没|么)`)

// bareSeqRe is what is left of such a question when it names a case by its
// sequence alone (老案子12号, 那个12号案子, 第12号).
var bareSeqRe = regexp.MustCompile(`^(?:请问|帮我|帮忙|查一下|看一下|看看|查查|那个|这个|以前的?|之前的?|原来的?|老的?|旧的?|老案子|老案件|旧案子|案子|案件|的|第|还|一下|\s|((?:19|20)?[0-9]{2})年)*([0-9]+)号?(?:案子|案件|那个|的|那件|这件|\s)*$`)

// inLedgerAsked returns the message without the question of presence and,
// when the case is named by a bare sequence, that sequence (and the year
// said with it, 2015年的12号); ok when the
// message asks whether a case is in the ledger.
func inLedgerAsked(text string) (rest string, seq, year int, old bool, ok bool) {
	t := numeral.ASCIIDigits(strings.TrimSpace(text))
	loc := inLedgerRe.FindStringIndex(t)
	if loc == nil {
		return "", 0, 0, false, false
	}
	rest = strings.TrimSpace(strings.TrimRight(t[:loc[0]]+t[loc[1]:], "？?。！! "))
	if !strings.ContainsAny(rest, "0123456789") {
		return "", 0, 0, false, false // 她在系统里吗: a person, the directory
	}
	old = strings.ContainsAny(rest, "老旧") || strings.Contains(rest, "以前") || strings.Contains(rest, "之前")
	if m := bareSeqRe.FindStringSubmatch(rest); m != nil {
		if n, err := strconv.Atoi(m[2]); err == nil && n > 0 {
			if m[1] != "" {
				y, _ := strconv.Atoi(m[1])
				if y < 100 {
					y += 2000
				}
				year = y
			}
			return rest, n, year, old, true
		}
	}
	return rest, 0, 0, old, true
}

// numbersOfSeq returns every stored number, of any year, court, type or
// 复议 organ, whose sequence is seq.
func (s *service) numbersOfSeq(ctx context.Context, seq int) ([]string, error) {
	all, err := s.st.AllNumbers(ctx)
	if err != nil {
		return nil, err
	}
	tail := strconv.Itoa(seq) + "号"
	var out []string
	for _, n := range all {
		if !strings.HasSuffix(n, tail) {
			continue
		}
		if p, err := cases.ParseNumber(n); err == nil && p.Seq == seq {
			out = append(out, n)
		}
	}
	return out, nil
}

// inLedgerSeq answers whether a case of sequence seq is in the ledger: the
// ones the asker may see, with their state (the old ones first when the
// question says 老); the ones outside their scope said so; else that none
// is, with the nearest numbers.
func (s *service) inLedgerSeq(c bot.Context, seq, year int, old bool) error {
	viewer, now, loc := c.Person(), c.Now(), c.Location()
	numbers, err := s.numbersOfSeq(c.Ctx(), seq)
	if err != nil {
		return err
	}
	if year > 0 {
		numbers = slices.DeleteFunc(numbers, func(n string) bool { return cases.MustParseNumber(n).Year != year })
	}
	cs, err := s.visible(c.Ctx(), viewer, numbers, nil)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, k := range cs {
		seen[k.Number] = true
	}
	var missing []string
	for _, n := range numbers {
		if !seen[n] {
			missing = append(missing, n)
		}
	}
	hidden, _, err := s.unseen(c.Ctx(), missing)
	if err != nil {
		return err
	}
	yearOf := func(k *cases.Case) int { return cases.MustParseNumber(k.Number).Year }
	sort.SliceStable(cs, func(i, j int) bool {
		if old {
			return yearOf(cs[i]) < yearOf(cs[j])
		}
		return yearOf(cs[i]) > yearOf(cs[j])
	})
	a := answer{action: audit.Query, noEcho: true}
	var parts []string
	if len(cs) > 0 {
		lead := fmt.Sprintf("在。台账中序号为 %d 的案件", seq)
		if len(cs) > 1 {
			lead += fmt.Sprintf("共 %d 件（不同年份或类型）", len(cs))
		}
		lead += "："
		lines := []string{lead}
		for i, k := range cs {
			lines = append(lines, s.caseLine(i+1, viewer, k, now, loc)+"\n> 状态："+s.status(k, now))
			a.shown = append(a.shown, k.Number)
		}
		parts = append(parts, strings.Join(lines, "\n\n"))
		a.results = len(cs)
	}
	if len(hidden) > 0 {
		parts = append(parts, outOfScope(viewer, "案件 "+strings.Join(hidden, "、")+" "))
	}
	if len(cs) == 0 && len(hidden) == 0 {
		cands := append(s.seqCandidates(seq, false, now), fmt.Sprintf("某府复〔%d〕%d号", now.Year(), seq))
		msg := fmt.Sprintf("台账中没有案件“%d号”：查了所有年份、所有类型的案号，均不是这个序号。", seq)
		if year > 0 {
			msg = fmt.Sprintf("台账中没有案件“%d年%d号”：%d年的各类案号中均不是这个序号。", year, seq, year)
			cands = nil
			for _, court := range s.courts {
				for _, t := range seqTypes {
					if n, err := cases.ParseNumber(fmt.Sprintf("(%d)%s%s%d号", year, court, t, seq)); err == nil {
						cands = append(cands, n.String())
					}
				}
			}
		}
		a.claims = append(a.claims, claim{Text: msg, What: claimAbsent, Numbers: cands})
		sugg, err := s.suggestNumbers(c.Ctx(), viewer, cands)
		if err != nil {
			return err
		}
		if len(sugg) > 0 {
			msg += "序号相近的案件："
			for i, k := range sugg {
				msg += "\n\n" + s.caseLine(i+1, viewer, k, now, loc)
				a.shown = append(a.shown, k.Number)
			}
		} else {
			msg += "请核对案号，或按当事人、单位查询。"
		}
		parts = append(parts, msg)
	}
	a.md = strings.Join(parts, "\n\n")
	return s.replyRouted(c, intent.Understanding{Kind: intent.Case, Seq: seq, Anchored: true}, a)
}

// replyRouted sends the answer of a route outside the question reader as
// that reader's answers are sent: recorded (with its claims), remembered
// for a follow-up (那它开庭了吗 of the one case shown), then replied.
func (s *service) replyRouted(c bot.Context, u intent.Understanding, a answer) error {
	if err := rememberLast(c, lastQuestion{U: u, Shown: a.shown}); err != nil {
		return err
	}
	if err := s.recordAnswer(c, u, a, 0); err != nil {
		return err
	}
	return c.ReplyMarkdown(a.md)
}
