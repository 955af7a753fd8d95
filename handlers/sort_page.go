package handlers

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"casebot/bot"
	"casebot/bot/intent"
)

// A list just shown, asked again in date order (按截止时间排一下, 按期限先后
// 排个序, 到期早的排前面), is that list re-sorted: the ask names no case and
// no period, so read as a question of its own it asked back “which case?”.
// Only lists whose items carry a date (deadlines, hearings) are re-sorted;
// any other list, or none, leaves the message to the usual reading.

// sortByDateRe is a message that only asks the last list in date order.
var sortByDateRe = regexp.MustCompile(`^(?:请|麻烦|帮我|帮忙|你|再|重新|能不能|可以)*(?:按照?|以)(?:截止|到期|期限|报送期限|截止时间|截止日期|截止日|到期时间|到期日|到期日期|时间|日期|开庭时间|开庭日期)(?:的)?(?:先后|早晚|远近|顺序|先后顺序|早晚顺序)?(?:顺序)?(?:重新|再)?(?:排一下|排个序|排一排|排下|排序|排列|排好|排|列一下|列)(?:一下)?(?:吧|呢|呗|啊|看看)?$|^(?:截止|到期|期限)(?:时间|日期)?(?:早|近|最早|最近|快到)的?(?:排|放)(?:在)?(?:前面|前头|最前)(?:吧|呢)?$`)

func sortByDateAsked(text string) bool {
	t := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, intent.Normalize(text))
	return sortByDateRe.MatchString(t)
}

// sortPage re-sorts the remembered list by its items' dates, earliest
// first, and shows it from the top; ok is false when there is no list
// whose items carry a date.
func (s *service) sortPage(c bot.Context) (answer, bool, error) {
	p, err := s.loadPage(c)
	if err != nil || p == nil || (p.Kind != listDeadlines && p.Kind != listHearings) {
		return answer{}, false, err
	}
	viewer := c.Person()
	key := make(map[string]int64, len(p.Items))
	var kept []string
	for _, it := range p.Items {
		switch p.Kind {
		case listDeadlines:
			dds, err := s.deadlineEntries(c, viewer, []string{it})
			if err != nil {
				return answer{}, true, err
			}
			if len(dds) == 1 {
				key[it] = int64(dds[0].Deadline.Due.Number())
				kept = append(kept, it)
			}
		case listHearings:
			hs, err := s.hearings(c, viewer, []string{it})
			if err != nil {
				return answer{}, true, err
			}
			if len(hs) == 1 {
				key[it] = hs[0].Hearing.At.Unix()
				kept = append(kept, it)
			}
		}
	}
	if len(kept) == 0 {
		return answer{}, false, nil
	}
	slices.SortStableFunc(kept, func(a, b string) int {
		switch {
		case key[a] < key[b]:
			return -1
		case key[a] > key[b]:
			return 1
		}
		return 0
	})
	what := "截止日期"
	if p.Kind == listHearings {
		what = "开庭时间"
	}
	sorted := &page{Title: p.Title, Kind: p.Kind, Items: kept, Total: len(kept), Aspect: p.Aspect, Kinds: p.Kinds, Footer: p.Footer}
	a, err := s.showPage(c, sorted)
	if err != nil {
		return a, true, err
	}
	a.md = "按" + what + "从早到晚排列：\n\n" + a.md
	a.noEcho = true
	return a, true, nil
}
