package privacy

import (
	"regexp"
	"strings"
)

// strongLabels are the role words and form labels after which the span up
// to the next delimiter is a person whatever its characters: a rare or
// missing surname (充立明, 凃明亮) or a word (成功, 平安). What follows them
// that is not a person is an organisation, text already masked, a
// placeholder (同上, 不详) or another role word.
var strongLabels = newMatcher([]string{
	"委托诉讼代理人", "委托代理人", "诉讼代理人", "代理人", "经营者", "所有权人", "权利人", "经办人", "承办人",
	"见证人", "被询问人", "询问人", "被调查人", "调查人", "记录人", "原审第三人", "第三人", "申请人", "原告", "被告",
	"法定代表人", "负责人", "联系人",
	// Who wrote or signed for a party, and a side's representative
	// (代书人：万里; 承包方代表：邗永生).
	"代书人", "代写人", "代笔人", "代签人", "签名人", "送达人", "收件人",
	"甲方代表", "乙方代表", "承包方代表", "发包方代表", "出租方代表", "承租方代表", "转让方代表", "受让方代表",
})

// labelPlaceholders stand where a label has no person: 同上, 本人, 不详.
var labelPlaceholders = map[string]bool{
	"本人": true, "其本人": true, "同上": true, "不详": true, "无": true, "未到庭": true, "该公司": true, "见上": true,
	"暂无": true, "待定": true, "待确认": true, "本单位": true, "该单位": true, "空缺": true, "未到场": true, "未签字": true,
	"拒签": true, "拒绝签字": true, "缺席": true, "略": true, "见附件": true, "见附表": true, "见背面": true, "见下页": true, "附后": true, "另附": true,
	// Owners that are no person: 所有权人：集体.
	"集体": true, "村集体": true, "国家": true, "国有": true, "全民": true, "共有": true, "其他": true, "个人": true,
}

// formLabels label a form's field, not an addressee: 备注：你单位….
var formLabels = map[string]bool{"备注": true, "说明": true, "事由": true, "答复": true, "回复": true, "意见": true, "结论": true, "内容": true, "附注": true, "附件": true, "案由": true, "摘要": true, "提示": true, "注意": true, "特此": true, "主送": true, "抄送": true}

// labelOccupations may stand between a label and the name without
// breaking the proof: 见证人：卫生院医生X、村医Y.
var labelOccupations = []string{"医生", "村医", "护士", "村民", "民警", "辅警", "律师", "会计", "村干部", "网格员", "组长", "村主任", "主任", "书记", "校长", "老师", "司机", "店主", "工人"}

// labelEnds end the value of a label: punctuation, a space, 系, 及.
const labelEnds = "，、。；：()（）　 ,;:.\n\t系及"

// labelAdverbs end a name after a role word without a colon: 孙建民均未….
const labelAdverbs = "均都亦仍也已曾"

// nonNamePOS are parts of speech a word after a role word without a colon
// takes when it is the party's deed, not its name (被告答辩称, 原告认为).
var nonNamePOS = map[string]bool{"v": true, "vn": true, "vd": true, "vi": true, "d": true, "p": true, "c": true, "r": true, "m": true, "t": true, "f": true, "q": true, "u": true, "ad": true, "l": true, "nt": true}

// labelNames reads the person after a strong label: with a colon the span
// up to the next delimiter (经办人：操文化), without one the span that a
// delimiter or a party's deed closes (原告成功诉称, 委托代理人充立明，).
// A list after the label extends the proof (见证人：凃春来、仉德水).
func (d *detector) labelNames() {
	t := d.t
	for i := 0; i < t.n(); i++ {
		n := t.match(i, strongLabels)
		if n == 0 {
			continue
		}
		// 被申请人 is the agency; 被告 inside 被告人 is the label still.
		if i > 0 && t.rs[i-1] == '被' && n <= 3 {
			i += n - 1
			continue
		}
		j := i + n
		colon := j < t.n() && (t.rs[j] == '：' || t.rs[j] == ':')
		if colon {
			j++
			// 原告：同意调解。: a turn of speech in a record.
			if speechAfterColon(t, j-1, j) {
				i = j - 1
				continue
			}
		}
		for j < t.n() {
			s, e := labelItem(t, j, colon)
			if e == 0 {
				break
			}
			if !labelValueIsThing(t, s, e, colon) {
				d.add(s, e, capPersonal)
			} else if !colon {
				break
			} else if strings.ContainsRune(orgEnds, t.rs[e-1]) && anyWordAt(t, s, s+2) {
				// 负责人：法制股: an agency's section is kept from the
				// passes that would read a surname (法) in it.
				for k := s; k < e; k++ {
					d.taken[k] = true
				}
			}
			// 、 continues the list; 及 when a person follows (及其子女 does not).
			if e < t.n() && (t.rs[e] == '、' || t.rs[e] == '及' && !strings.ContainsRune(particles, t.rs[min(e+1, t.n()-1)])) {
				j = e + 1
				continue
			}
			break
		}
		i = j - 1
	}
}

// labelItem returns the span of the name at j after a label: an
// occupation before it is skipped (村医仉志刚). Without a colon the span
// must be closed by a delimiter or a party's deed; it returns 0, 0 when no
// span of 2–4 Han characters is closed.
func labelItem(t *text, j int, colon bool) (int, int) {
	e := j
	for e < t.n() && t.han(e) && !strings.ContainsRune(labelEnds, t.rs[e]) && e-j < 12 {
		if !colon && e-j >= 2 && (t.match(e, provedFollowers) > 0 || strings.ContainsRune(labelAdverbs, t.rs[e])) {
			break
		}
		e++
	}
	closed := e == t.n() || strings.ContainsRune(labelEnds, t.rs[e]) || !colon && t.match(e, provedFollowers) > 0 ||
		e+1 < t.n() && (t.rs[e] == '男' || t.rs[e] == '女') && !t.han(e+1)
	if !closed {
		return 0, 0
	}
	s := j
	if e-s > 4 {
		for _, o := range labelOccupations {
			if k := strings.Index(t.str(s, e), o); k >= 0 {
				ns := s + len([]rune(t.str(s, e)[:k])) + len([]rune(o))
				if e-ns >= 2 && e-ns <= 4 {
					s = ns
					break
				}
			}
		}
	}
	if e-s < 2 || e-s > 4 {
		return 0, 0
	}
	return s, e
}

// labelValueIsThing reports whether the value rs[s:e] of a label is no
// person: masked text, a placeholder, a role word, an organisation, a
// function word; without a colon also the party's deed (答辩, 认为).
func labelValueIsThing(t *text, s, e int, colon bool) bool {
	v := t.str(s, e)
	if strings.ContainsAny(v, "某×*＊") || labelPlaceholders[v] || t.match(s, anyRole) >= e-s || t.match(s, strongLabels) >= e-s {
		return true
	}
	for k := s; k < e; k++ {
		if strings.ContainsRune(particles, t.rs[k]) {
			return true
		}
	}
	// 李方 may be a name; 法制股 is the agency's section (法制 a word).
	if sur := surnameAt(t, s); strings.ContainsRune(orgEnds, t.rs[e-1]) && !(sur > 0 && e-s <= 3 && !anyWordAt(t, s, e) && !anyWordAt(t, s, s+2)) {
		return true
	}
	w, ok := t.word(s, e)
	if ok && (w.pos == "nt" || w.pos == "ns" && e-s >= 3) {
		return true
	}
	if colon {
		return false
	}
	// Without a colon the role word is often the subject of a clause
	// (原告房屋系…, 原告向本院提交): only a party's deed, 及, 系 or the
	// person's sex closes a name, and the span is a name's shape (a
	// surname and a given name that make no word) or a word that people
	// are named (成功, 平安, 全胜): an adjective or a rare noun.
	if t.match(s, provedFollowers) > 0 || !closedAsPerson(t, e) || roleVerb(t, s, e) {
		return true
	}
	// 原告方当庭提交: a deed that starts inside the span.
	for k := s + 1; k < e; k++ {
		if t.match(k, provedFollowers) > 0 {
			return true
		}
	}
	// 法定代表人程序，总经理: the title, the holder and the post in a
	// header.
	if headerTitleBefore(t, s) && e+1 < t.n() && (t.rs[e] == '，' || t.rs[e] == ',') && headerPostAt(t, e+1) {
		return false
	}
	if ok && w.freq >= 20 {
		// 原告光明诉称: a frequent noun is a name only before what a party
		// says or how it attends (原告房屋系…, 原告车辆于… stay).
		return !(w.pos == "a" || w.pos == "n" && (w.freq < 300 || w.freq < 5000 && t.match(e, partyDeeds) > 0))
	}
	sur, _ := provedSurnameAt(t, s)
	return sur == 0 || strings.ContainsRune(prepositionSurnames, t.rs[s]) || anyWordAt(t, s, s+2)
}

// partyDeeds are what a party says or how it attends: after them even a
// frequent noun is the party's name.
var partyDeeds = newMatcher([]string{"诉称", "述称", "辩称", "称", "陈述", "不服", "未到庭", "到庭", "出庭", "作证", "未出庭"})

// closedAsPerson reports whether what follows rs[:e] closes a person's
// name after a role word: a party's deed, 及, 系 or ，男/，女.
func closedAsPerson(t *text, e int) bool {
	if e >= t.n() {
		return false
	}
	if t.match(e, provedFollowers) > 0 || t.rs[e] == '及' || t.rs[e] == '系' {
		return true
	}
	return e+1 < t.n() && (t.rs[e] == '，' || t.rs[e] == ',') && (t.rs[e+1] == '男' || t.rs[e+1] == '女' || headerPostAt(t, e+1))
}

// headerPosts close the holder's name in a 当事人 header after the title
// (法定代表人程序，总经理。; 负责人建国，该村民小组组长。).
var headerPosts = newMatcher([]string{"总经理", "经理", "董事长", "执行董事", "董事", "理事长", "监事", "法人代表", "投资人", "业主", "店主", "厂长", "站长", "局长", "副局长", "县长", "副县长", "区长", "副区长", "市长", "镇长", "乡长", "主任", "村主任", "组长", "社长", "院长", "所长", "校长", "会长", "负责人", "合伙人", "股东"})

// headerTitleBefore reports whether the title of an organisation's
// representative ends right before s (法定代表人, 负责人).
func headerTitleBefore(t *text, s int) bool {
	return hasSuffixAny(t.str(max(0, s-5), s), []string{"法定代表人", "负责人", "经营者", "投资人"})
}

// headerPostAt reports whether a post, or 该 and a unit's post (该公司
// 执行董事, 该村民小组组长), starts at k and ends the value.
func headerPostAt(t *text, k int) bool {
	end := func(e int) bool { return e >= t.n() || strings.ContainsRune("，。；、）)\n", t.rs[e]) }
	if n := t.match(k, headerPosts); n > 0 && end(k+n) {
		return true
	}
	if k >= t.n() || t.rs[k] != '该' {
		return false
	}
	for e := k + 2; e <= k+10 && e <= t.n() && t.han(e-1); e++ {
		for _, p := range []string{"执行董事", "董事长", "总经理", "经理", "理事长", "组长", "主任", "站长", "负责人", "业主", "店主", "股东"} {
			if strings.HasSuffix(t.str(k, e), p) && end(e) {
				return true
			}
		}
	}
	return false
}

// noticeOpeners start the body of a notice addressed to a person, after
// the addressee's colon: 你提交的…, 本机关已于….
var noticeOpeners = []string{"你", "您", "本机关", "本局", "本院", "本委", "本府", "本办", "经审查", "经研究", "根据", "依据", "现将", "现就", "现告知", "关于"}

// orgAddresses open a body addressed to an organisation.
var orgAddresses = []string{"你单位", "你方", "你们", "你局", "你司", "你公司", "你村", "你委", "你院", "你所", "您单位"}

// noticeAddressees reads the addressee of a notice: a bare given name or
// a full name at a line's start, or after the notice's title and a space
// (补正通知书 立新：你提交的…), before a colon and the body's opener.
func (d *detector) noticeAddressees() {
	t := d.t
	for i := 0; i < t.n(); i++ {
		// 你单位, 你方: the notice speaks to an organisation.
		if t.rs[i] != '：' && t.rs[i] != ':' || !hasPrefixIn(t.rest(i+1), noticeOpeners) || hasPrefixIn(t.rest(i+1), orgAddresses) {
			continue
		}
		s := i
		for s > 0 && t.han(s-1) && i-s < 5 {
			s--
		}
		if i-s < 2 || i-s > 4 {
			continue
		}
		atStart := s == 0 || t.rs[s-1] == '\n' || t.rs[s-1] == ' ' && s >= 2 && t.rs[s-2] == '书'
		// 审判长：你…: a title speaking in a record; 明亮同志：: the
		// vocative pass reads a name before an honorific.
		if !atStart || formLabels[t.str(s, i)] || labelValueIsThing(t, s, i, true) || frequentWordAt(t, s, i, 1000) || signatureStartRe.MatchString(t.rest(s)) ||
			hasSuffixAny(t.str(s, i), honorificEnds) {
			continue
		}
		d.add(s, i, capPersonal)
	}
}

// honorificEnds close an addressee the vocative pass reads (X同志：).
var honorificEnds = []string{"同志", "女士", "先生", "老师", "师傅"}

// ethnicityNames reads the name written before its bearer's ethnicity in
// brackets (次仁卓玛（藏族）, 巴特尔(蒙古族)): two to six Han characters
// from a clause's start or a role word, no organisation and no masked text.
func (d *detector) ethnicityNames() {
	t := d.t
	for p := 0; p < t.n(); p++ {
		if t.rs[p] != '（' && t.rs[p] != '(' {
			continue
		}
		q := p + 1
		for q < t.n() && t.han(q) && q-p <= 5 {
			q++
		}
		if q >= t.n() || q-p < 3 || t.rs[q-1] != '族' || t.rs[q] != '）' && t.rs[q] != ')' {
			continue
		}
		s := p
		for s > 0 && t.han(s-1) && !strings.ContainsRune(labelEnds, t.rs[s-1]) && p-s < 10 {
			s--
		}
		// 证人阿依古丽（维吾尔族）: the name starts after a role word.
		for k := s; k < p-2; k++ {
			if n := t.match(k, anyRole); n > 0 && p-(k+n) >= 2 && p-(k+n) <= 6 {
				s = k + n
				break
			}
		}
		if p-s < 2 || p-s > 6 || anyTaken(d.taken, s, p) || labelValueIsThing(t, s, p, true) {
			continue
		}
		d.add(s, p, capPersonal)
	}
}

// statementSignRe is a name signed at the end of a statement before the
// date: ……与我说的相符。凃建民 2023年6月2日.
var statementSignRe = regexp.MustCompile(`[。！；]\s*(\p{Han}{2,4})\s+\d{4}年\d{1,2}月\d{1,2}日`)

// statementSigners reads the name before the date that closes a
// statement, whatever word it makes (贠建设, 平安).
func (d *detector) statementSigners() {
	t := d.t
	for _, m := range statementSignRe.FindAllStringSubmatchIndex(t.s, -1) {
		s, e := t.runeAt(m[2]), t.runeAt(m[3])
		if !labelValueIsThing(t, s, e, true) {
			d.add(s, e, capPersonal)
		}
	}
}
