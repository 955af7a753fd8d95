package intent

import (
	"slices"
	"strings"
)

// A message often tells something before it asks (我明天去省里学习一周 下周有
// 我要出的庭没; 81号今天赢了 顺便问下我们局现在败诉率多少). The period of the
// telling clause is not the period asked: read first, it answered 明天 for a
// question about 下周, and a rate of 今天 (0 件, a false none) for this
// year's.

// questionRe marks a clause that asks.
var questionRe = mustCompile(`[吗呢？?]|没有?$|没$|多少|几[个件场次号天]|哪|谁|什么|啥|有没有|是否|是不是|要不要|怎么|咋`)

// statedPlanRe is the asker telling where they will be (我明天去省里学习,
// 下周我要出差, 明天我不在).
var statedPlanRe = mustCompile(`我.{0,4}(?:去|在|到|要去|出差|学习|培训|开会|休假|请假|不在|外出|休息)|(?:出差|学习|培训|开会|休假|请假|不在|外出)`)

// statedNewsRe is a case's outcome told (81号今天赢了, 85号昨天判了).
var statedNewsRe = mustCompile(`赢了|输了|胜诉了?|败诉了|判了|判下来了|撤诉了|驳回了|维持了|撤销了|结案了|结了`)

// clauseSpans splits runes at spaces and punctuation into clauses.
func clauseSpans(rs []rune) [][2]int {
	var out [][2]int
	s := 0
	for i := 0; i <= len(rs); i++ {
		if i == len(rs) || strings.ContainsRune(" \t\n，,。；;！!？?、", rs[i]) {
			end := i
			if i < len(rs) && (rs[i] == '？' || rs[i] == '?') {
				end = i + 1 // the mark belongs to the clause it ends
			}
			if end > s && strings.TrimSpace(string(rs[s:end])) != "" {
				out = append(out, [2]int{s, end})
			}
			s = i + 1
		}
	}
	return out
}

// onlyIn is a copy of t in which only runes [s, e) are free.
func onlyIn(t *text, s, e int) *text {
	c := &text{rs: t.rs, used: slices.Clone(t.used)}
	for i := range c.used {
		if i < s || i >= e {
			c.used[i] = true
		}
	}
	return c
}

// dropStatedPeriod takes, as filler, the period of a clause that tells a
// plan or an outcome before the clause that asks, when the asking clause
// names its own period (下周) or asks a figure (败诉率多少) the told day is
// not the period of.
func (r *reader) dropStatedPeriod(l lean) {
	cl := clauseSpans(r.t.rs)
	if len(cl) < 2 {
		return
	}
	last := cl[len(cl)-1]
	if !questionRe.MatchString(string(r.t.rs[last[0]:last[1]])) {
		return
	}
	_, _, _, asksOwn := takePeriodSpan(onlyIn(r.t, last[0], last[1]), r.o.Now, l)
	figure := r.u.Rate != "" || r.u.Metric != "" || r.u.Rank != ""
	for _, c := range cl[:len(cl)-1] {
		said := string(r.t.rs[c[0]:c[1]])
		if questionRe.MatchString(said) {
			continue
		}
		plan, news := statedPlanRe.MatchString(said), statedNewsRe.MatchString(said)
		if !(plan && asksOwn || news && (asksOwn || figure)) {
			continue
		}
		cp := onlyIn(r.t, c[0], c[1])
		if _, s, e, ok := takePeriodSpan(cp, r.o.Now, l); ok {
			r.t.mark(s, e)
			r.u.Filler = append(r.u.Filler, string(r.t.rs[s:e]))
		}
	}
}
