package handlers

import (
	"regexp"
	"strconv"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/intent"
)

// focusOn makes number the case the conversation is about: after news told
// of it (今天上午那个庭我去了的 → 那个案子大概啥时候判), 那个案子 is that one.
func focusOn(c bot.Context, number string) error {
	shown := []string{number}
	return rememberLast(c, lastQuestion{U: intent.Understanding{Kind: intent.Case, Numbers: shown}, Shown: shown})
}

// whyWords ask what is behind a figure just given (今年败诉率 → 为什么这么高,
// 本月败诉几件 → 哪几件): the cases the figure counts.
var whyWords = map[string]bool{
	"为什么": true, "为啥": true, "为啥子": true, "咋回事": true, "怎么回事": true, "咋个回事": true, "为什么这么高": true,
	"为什么这么低": true, "怎么这么高": true, "怎么这么低": true, "咋这么高": true, "咋这么低": true, "为啥这么高": true,
	"为啥这么低": true, "哪几件": true, "哪几个": true, "是哪几件": true, "是哪几个": true, "是哪些": true, "哪些": true,
	"都是哪些": true, "都有哪些": true, "具体哪几件": true, "具体是哪几件": true, "哪些案子": true, "是哪些案子": true,
	"哪几个案子": true, "是哪几个案子": true, "具体是哪些": true, "哪些单位": false,
}

// whyNotRe asks, after a rate, why it is not some other figure (为什么不是
// 100, 咋没到100%, 怎么才66): the number is a percentage, not case 100.
var whyNotRe = regexp.MustCompile(`^(?:为什么|为啥|咋个|咋|怎么|怎么会)(?:还|就)?(?:不是|没到|没有到|没达到|达不到|不到|没|才|只有)\s*\d+(?:\.\d+)?\s*%?(?:的)?$`)

// behindFigureWords is built once, not on every call (building a Replacer allocates).
var behindFigureWords = strings.NewReplacer("啥子", "啥", "咋个", "咋", "这么多", "这么高", "这么少", "这么低")

// behindFigure turns a why or which after a rate or a count into the last
// question asked again with the cases behind it (the rate's Why, the
// count's list), reporting whether it did.
func behindFigure(text string, last *lastQuestion) (intent.Understanding, bool) {
	if last == nil || last.U.Kind != intent.Rates && last.U.Kind != intent.Count {
		return intent.Understanding{}, false
	}
	b := strings.TrimRight(strings.TrimSpace(intent.Normalize(text)), "?？!！。.，, 呢啊呀嘞")
	b = strings.TrimPrefix(strings.TrimPrefix(b, "那"), "这")
	b = behindFigureWords.Replace(b)
	if !whyWords[b] && !(last.U.Kind == intent.Rates && whyNotRe.MatchString(b)) {
		return intent.Understanding{}, false
	}
	m := last.U
	m.Why = last.U.Kind == intent.Rates
	m.FollowUp, m.Anchored, m.Residue = true, true, nil
	return m, true
}

// whichOfList is the question back when a fact of one case is asked right
// after a list of several (明天有哪些庭 → 原告是谁): the list, to pick from,
// rather than the first of it silently.
func whichOfList(u intent.Understanding, last *lastQuestion) (answer, bool) {
	if last == nil || len(last.Shown) < 2 || u.Kind != intent.Case || u.Aspect == "" || u.Each ||
		hasRef(u) || hasWho(u) || !u.Period.IsZero() || u.Scoped && !u.Reference && topicAspect(u.Aspect) {
		return answer{}, false // 败诉原因有哪些: the whole ledger's, not one of the list
	}
	switch last.U.Kind {
	case intent.Hearings, intent.Cases, intent.Count:
	default:
		return answer{}, false
	}
	if ownList(last.U, last) {
		return answer{}, false // 查 孙强 → 出庭负责人是谁: answered of each
	}
	var b strings.Builder
	b.WriteString("上面列出了 " + strconv.Itoa(len(last.Shown)) + " 件案件，您问的是哪一件？请回复序号（例如“第一个”）或案号：\n")
	for i, n := range last.Shown {
		if i == 9 {
			b.WriteString("\n……")
			break
		}
		num := n
		if p, err := cases.ParseNumber(n); err == nil {
			num = p.String()
		}
		b.WriteString("\n" + strconv.Itoa(i+1) + ". " + num)
	}
	q := u
	return answer{md: b.String(), outcome: audit.Answered, noEcho: true, shown: last.Shown, pick: &pendingPick{U: &q}}, true
}

// nextWords ask what comes next of the case just shown (行初96 → 后面呢).
var nextWords = map[string]bool{"后面": true, "然后": true, "接下来": true, "下一步": true, "后续": true, "之后": true, "后面的": true}

// nextOfCase turns 后面呢 after a single case into the stage of that case
// (its state and the hearings to come); after a list it stays 更多.
func nextOfCase(text string, u intent.Understanding, last *lastQuestion) (intent.Understanding, bool) {
	if last == nil || len(last.Shown) != 1 || last.U.Kind != intent.Case && last.U.Kind != intent.Pick {
		return u, false
	}
	b := strings.TrimRight(strings.TrimSpace(intent.Normalize(text)), "?？!！。.，, 呢啊呀嘞")
	if !nextWords[strings.TrimPrefix(b, "那")] {
		return u, false
	}
	m := intent.Understanding{Kind: intent.Case, Numbers: append([]string(nil), last.Shown...), Aspect: intent.Stage,
		FollowUp: true, Anchored: true}
	return m, true
}

// ownListMax is how many cases of a list the asker asked for (查 孙强) a
// fact is answered of, each; a longer list is asked which.
const ownListMax = 8

// ownList reports whether the last answer was a short list of the cases of
// someone the asker named (查 孙强, 原告张三的案子): a fact asked next is
// asked of each of them.
func ownList(p intent.Understanding, last *lastQuestion) bool {
	return p.Kind == intent.Cases && (p.Party != "" || p.Person != "") &&
		len(last.Shown) > 1 && len(last.Shown) <= ownListMax
}
