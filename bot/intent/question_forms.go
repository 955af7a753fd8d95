package intent

import (
	"slices"
	"strings"
)

// 有没有, 有无, 是不是 and 是否 make a question, not a negation: 我明天有没有
// 出庭的安排 asks whether there is a hearing, and must never become the
// filter “hearings whose head did not appear” (没有出庭的). Only 没/未 + verb
// outside such a form (负责人没出庭的, 没去的) filters.

// cutFilter takes the first free occurrence of a word of words that is a
// filter and not the tail of a question form (有没有出庭的 holds 没有出庭的).
func (t *text) cutFilter(words ...string) bool {
	for _, w := range words {
		v, idx := t.view()
		from := 0
		for {
			j := strings.Index(v[from:], w)
			if j < 0 {
				break
			}
			i := idx[from+j]
			if !questionTail(t.rs, i, w) {
				t.mark(i, i+len([]rune(w)))
				return true
			}
			from += j + len(w)
		}
	}
	return false
}

// questionTail reports whether w at rune i is the tail of a question form:
// 没有… right after 有 (有没有), or 没… right after 有 when 有没 is the whole
// form (有没出庭的 spoken for 有没有出庭的).
func questionTail(rs []rune, i int, w string) bool {
	if i == 0 || rs[i-1] != '有' {
		return false
	}
	return strings.HasPrefix(w, "没")
}

// askCourtWords ask the bot to contact the court for the user (帮我问下法院,
// 跟法院说一下, 联系下法院): a request it cannot do, not news of a change.
var askCourtWords = []string{"问下法院", "问一下法院", "问问法院", "问法院", "跟法院说", "和法院说", "同法院说", "给法院说",
	"联系下法院", "联系一下法院", "联系法院", "给法院打", "打电话给法院", "找法院问", "找下法院", "找一下法院", "向法院申请一下", "帮我向法院"}

// courtStrip is built once, not on every call (building a Replacer allocates).
var courtStrip = strings.NewReplacer(" ", "", "　", "", "，", "", ",", "")

// AsksCourt reports whether text asks the bot to ask or tell the court
// something on the user's behalf (帮我问下法院117能不能延期). Reports of what
// the court said (法院说改到…, 法院通知延期了) are not such requests.
func AsksCourt(text string) bool {
	t := Normalize(text)
	t = courtStrip.Replace(t)
	if strings.Contains(t, "法院说") && !strings.Contains(t, "跟法院说") && !strings.Contains(t, "和法院说") && !strings.Contains(t, "给法院说") {
		return false
	}
	for _, w := range askCourtWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// lastOwnRe asks about the asker's own last hearing as 出庭负责人 (我上次出庭
// 是哪个案子, 我上回出庭是啥时候): the past, never the next one.
var lastOwnRe = mustCompile(`我(?:们)?(?:上次|上回|上一次|上一回|最近一次|前一次|之前那次)(?:去)?(?:出庭|出的庭|出廷|开庭|去法院)`)

// lastCountedRe asks a head whether their last hearing counts or was
// registered (上回那个庭算出了吧, 上次那个庭登记了没): read alone, 上回那个庭
// was the hearings to come.
var lastCountedRe = mustCompile(`^(?:我)?(?:上次|上回|上一次|上一回|前一次|之前那次)(?:那个|那场|的)?庭(?:审)?[^，,。？?]{0,4}?(?:算|登记|登|记)`)

// AsksLastHearingCounted reports whether text asks a head's last hearing
// held whether it counts or is registered.
func AsksLastHearingCounted(text string) bool { return lastCountedRe.MatchString(Normalize(text)) }

// AsksLastOwnHearing reports whether text asks about the asker's own last
// hearing held.
func AsksLastOwnHearing(text string) bool {
	return lastOwnRe.MatchString(Normalize(text))
}

// directoryCoverStrip is built once, not on every call (building a Replacer allocates).
var directoryCoverStrip = strings.NewReplacer(" ", "", "　", "", "？", "", "?", "")

// AsksDirectoryCover reports whether text asks which hearings' heads (or
// agencies) the 人员名单 lacks (负责人不在名单里的有哪些, 下周有庭的局名单里都有人
// 没, 出庭负责人都在名单里吗): a question about the directory's cover of the
// hearings, not about one person or one case. byAgency is true when it
// asks about the agencies (局/单位 … 有人).
func AsksDirectoryCover(text string) (ok, byAgency bool) {
	t := directoryCoverStrip.Replace(Normalize(text))
	if !strings.Contains(t, "名单") {
		return false, false
	}
	agency := strings.Contains(t, "有人") && (strings.Contains(t, "局") || strings.Contains(t, "单位"))
	heads := strings.Contains(t, "负责人") && (strings.Contains(t, "不在") || strings.Contains(t, "都在") || strings.Contains(t, "没在"))
	return agency || heads, agency
}

// A document's due day (答辩状什么时候交, 上诉状啥时候截止) asks the deadline
// of that document, a statutory one the ledger counts, never the hearing
// time that 什么时候 alone would ask.
var (
	dueDocWords  = []string{"答辩状", "答辩材料", "答辩书", "答辩", "举证", "证据材料", "上诉状", "答复书", "书面答复", "复议答复", "回复函"}
	dueWhenWords = []string{"什么时候交", "啥时候交", "哪天交", "几号交", "什么时候提交", "啥时候提交", "什么时候要交", "啥时候要交",
		"什么时候截止", "啥时候截止", "截止到哪天", "截止到什么时候", "截止日期", "截止时间", "最晚什么时候", "最晚哪天", "截止"}
)

// submittedAskWords ask whether what a case's deadline asks for is in (市监局
// 交了没, 交没交): of a case with no document named, its answer (答辩状, or a
// 复议's 答复), which the Deadline aspect reports as submitted or not.
var submittedAskWords = []string{"交了没有", "交了没", "交了吗", "交没交", "交上来了吗", "交上来了没", "交上去了没", "交上去了吗", "提交了没", "提交了吗", "交过了吗", "交过了没"}

// partyDeadline reads a deadline asked of a party's case on a day
// (餐饮店那个复议答复是今天最后一天吧 李文弄好了没) as that case's deadline
// question: the day is the deadline's, no filter of hearings (a "今天没有
// 开庭" answered a question about a 答复), and the person named is who does
// the work, not a filter of cases.
func (r *reader) partyDeadline() {
	u := &r.u
	if u.Kind != Hearings || u.Aspect != Deadline || u.Party == "" || len(u.Numbers) > 0 || u.Short != "" || u.Seq > 0 {
		return
	}
	u.Kind, u.Period, u.Person, u.Hearing, u.Anchored = Case, Period{}, "", false, true
	u.Residue = slices.DeleteFunc(u.Residue, func(w string) bool {
		return containsAny(w, []string{"最后一天", "最后期限", "弄好", "搞好", "办好", "交了", "好了没"})
	})
}

// documentDeadline turns a question about a document's due day into the
// Deadline aspect.
func (r *reader) documentDeadline(norm string) {
	if r.u.Kind == Case && r.u.Aspect == "" && containsAny(norm, submittedAskWords) {
		r.u.Aspect = Deadline
		var rest []string
		for _, w := range r.u.Residue {
			if !containsAny(w, []string{"交", "没", "吗"}) {
				rest = append(rest, w)
			}
		}
		r.u.Residue = rest
		return
	}
	if r.u.Kind != Case || !containsAny(norm, dueDocWords) || !containsAny(norm, dueWhenWords) {
		return
	}
	r.u.Aspect = Deadline
	// The document and the when-word are the aspect now, not unread words.
	r.u.Residue = slices.DeleteFunc(r.u.Residue, func(w string) bool {
		return containsAny(w, dueDocWords) || containsAny(w, dueWhenWords)
	})
	if r.u.NotHeld == "material-deadline" {
		r.u.NotHeld = "" // the statutory period is held: it is the answer
	}
}

// attendanceAsks ask whether someone came to a hearing (到了没, 来了吗, 去了没).
var attendanceAsks = []string{"到位了没", "到位没", "到位了吗", "到齐了没", "到齐了吗", "到齐没", "到了没", "到了吗", "来了没", "来了吗", "来没来", "到没到", "去了没", "去了吗", "去没去", "到庭没", "到庭了吗", "出庭了没", "出庭了吗"}

// anyoneGoesAsks ask whether anyone goes to a hearing (下午4点那个庭到底有人
// 去没, 有没有人出庭): the hearing's confirmation state and its head.
var anyoneGoesAsks = []string{"有人去没", "有人去吗", "有没有人去", "有人去了没", "有人去了吗", "有人出庭没", "有人出庭吗", "有没有人出庭", "去人了没", "去人没", "派人了没", "派人去了没", "有人到没"}

// AsksAnyoneGoes reports whether text asks whether anyone goes to a hearing.
func AsksAnyoneGoes(text string) bool {
	return containsAny(Normalize(text), anyoneGoesAsks)
}

// AsksAttendance reports whether text asks whether someone attended.
func AsksAttendance(text string) bool {
	return containsAny(Normalize(text), attendanceAsks)
}

// unconfirmedAsks ask who has not confirmed (谁还没确认, 哪些没确认).
var unconfirmedAsks = []string{"还没确认", "没确认", "未确认", "没有确认", "没点确认"}

// AsksUnconfirmed reports whether text asks who has not confirmed a
// hearing yet.
func AsksUnconfirmed(text string) bool {
	return containsAny(Normalize(text), unconfirmedAsks)
}

// mustGoRe asks whether the head must go to a hearing (要我去不, 我要去吗,
// 需要我出庭吗, 负责人要去不, 要不要负责人出庭, 用不用去).
var mustGoRe = mustCompile(`(?:要|需要|得|必须|用不用|要不要|需不需要|是否需要)(?:我|负责人|领导|局长|县长|我们领导)?(?:去|出庭|到庭|参加)(?:不|吗|么|没|不去)?|我(?:要|得|需要)去(?:吗|不|么)|(?:负责人|领导)(?:要|得|需要)(?:去|出庭)(?:不|吗|么)` +
	// 是不是应当出庭的, 算不算必须出庭, 应不应该出庭: the 第4条 mark asked of the case
	`|(?:是不是|是否|是不|算不算|属不属于|属于不属于)(?:属于)?(?:应当|应该|必须|要求)(?:负责人|领导)?(?:出庭|到庭)|(?:应不应该|应不应当|该不该)(?:负责人|领导)?(?:出庭|去)`)

// AsksMustGo reports whether text asks whether the head must appear at a
// hearing, rather than who does.
func AsksMustGo(text string) bool {
	return mustGoRe.MatchString(Normalize(text))
}

// standInRuleRe asks whether staff may stand in for the head (承办人能代替
// 负责人出庭吗, 工作人员可以替领导去吗).
var standInRuleRe = mustCompile(`(?:承办人|经办人|工作人员|律师|代理人|干部|民警|科员)(?:能|可以|能不能|可不可以|可否|能否)?(?:代替|替代|代|替)(?:负责人|领导|局长|县长)`)

// AsksStandInRule reports whether text asks the rule on who may appear in
// the head's place.
func AsksStandInRule(text string) bool {
	return standInRuleRe.MatchString(Normalize(text))
}
