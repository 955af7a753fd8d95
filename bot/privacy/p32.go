package privacy

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Round 32 (priv32), from set Q's misses by the layer that missed them:
// a signature block written inline, its names closed by punctuation
// (审判长 向阳，审判员 石榴红。; p28 signatureNames); a team's member among
// its officers (中队长邢某、队员雷鸣; lexicon markOfficial); the serial of a
// certificate a person holds after its label, whatever the office's
// abbreviation (其烈士证明书编号为新烈字第790312号); and a registered
// person's given part in more positions: right after the party's role
// word (驳回原告红军的其他诉讼请求), before an honorific (德华老人急了),
// after 是 before the deed (当年是老五同意的); a Japanese family name alone
// before a title; quoted diminutives where only a person stands; surname,
// 老 and one character; a Yi clan after a role; a home after 住 right after
// a name; and, as guards, places before a road's part or a compound, a
// stream after 支流 and a floor alone. doc.go's Round 32 says each.

// signatureClose32 close a signer's name in a block written inline.
const signatureClose32 = "，。；、,;"

// personCertLabels32 end the label before the serial of a certificate
// (烈士证明书编号为, 残疾证号：, 证书编号).
var personCertLabels32 = []string{"证明书编号为", "证明书编号是", "证明书编号：", "证明书编号", "证书编号为", "证书编号是", "证书编号：", "证书编号", "证编号为", "证编号", "证号为", "证号是", "证号：", "证号"}

// firmCertWords32 name what a firm holds as well as a person: its serial
// is the licence's published number and stays (许可证编号, 营业执照).
var firmCertWords32 = []string{"许可证", "执照", "资质证", "登记证", "合格证", "检验证", "认证证"}

// personCertificateSpans32 returns the serial in X字第N号 form right after
// a certificate's label (其烈士证明书编号为新烈字第790312号, 残疾证号为鄂残字
// 第0218号): the label says the serial files the holder, so the office's
// abbreviation needs to name no right, as p25's 证字 form does. A
// licence a firm may hold keeps its number.
func personCertificateSpans32(s string) []span {
	if !strings.Contains(s, "字") || !strings.Contains(s, "号") {
		return nil
	}
	var out []span
	for _, lab := range personCertLabels32 {
		for i := 0; ; {
			j := strings.Index(s[i:], lab)
			if j < 0 {
				break
			}
			at := i + j
			i = at + len(lab)
			before := s[max(0, at-18):at]
			if containsAny(before+lab, firmCertWords32) {
				continue
			}
			// The office's abbreviation (one to four Han characters), 字,
			// and the serial.
			p, n := i, 0
			for p < len(s) && n < 4 {
				r, size := utf8.DecodeRuneInString(s[p:])
				if !isHan(r) || r == '字' {
					break
				}
				p += size
				n++
			}
			if n == 0 || !strings.HasPrefix(s[p:], "字") {
				continue
			}
			m := holderCertTailRe.FindStringSubmatchIndex(s[p+len("字"):])
			if m == nil {
				continue
			}
			q := p + len("字")
			out = append(out, span{q + m[2], q + m[3], KindCert, "第" + Mask + "号"})
		}
	}
	return out
}

// honorifics32 follow a person's given name as the writer calls him
// (德华老人, 秀英大妈): what stands before them is the person.
var honorifics32 = newMatcher([]string{"老人", "老汉", "老太", "大爷", "大妈", "大娘", "大叔", "大婶", "老师", "师傅", "先生", "女士", "同志", "本人", "老伯", "阿婆"})

// partyRoles32 are the parties a judgment's operative part names before
// the person (驳回原告红军的其他诉讼请求).
var partyRoles32 = []string{"原告", "被告", "申请人", "被申请人", "上诉人", "被上诉人", "第三人", "再审申请人", "申诉人", "当事人", "申辩人"}

// positionedGiven32 reports the positions of round 32 where a registered
// person's given part alone is that person: right after a party's role
// word before 的, a deed or the clause's end; before an honorific at a
// clause's start; after 是 or 为 before a verb of consent or a deed
// (当年是老五同意的).
func positionedGiven32(t *text, s, e int) bool {
	if s >= 2 && hasSuffixAny(t.str(max(0, s-5), s), partyRoles32) {
		if e >= t.n() || !t.han(e) || t.rs[e] == '的' || strings.ContainsRune(givenAdverbs, t.rs[e]) {
			return true
		}
	}
	if e < t.n() && t.match(e, honorifics32) > 0 && (s == 0 || !t.han(s-1)) {
		return true
	}
	if s > 0 && strings.ContainsRune("是为", t.rs[s-1]) && e < t.n() && t.match(e, consentDeeds32) > 0 {
		return true
	}
	return false
}

// consentDeeds32 are what a person says yes or no to (老五同意的).
var consentDeeds32 = newMatcher([]string{"同意", "答应", "批准", "允许", "拍板", "点头", "签字", "签的", "盖的", "批的", "定的", "说的", "让的"})

// personAgents32 stand right before a quote that is the person acting or
// acted with (被“二柱子”拦下, 让“三狗子”去, 跟“黑蛋娃”一起).
const personAgents32 = "被让由跟和与找给叫同"

// nameAsked32 follow a quote that the record asks the person's name of
// (“二柱子”叫什么名字？, “三狗子”是谁).
var nameAsked32 = newMatcher([]string{"叫什么", "是谁", "是什么人", "大名", "真名", "本名", "的真名", "的大名", "的本名", "的真实姓名", "姓什么"})

// quotedPersonSlot32 reports whether the quote rs[i:e+1] (its marks at i
// and e) stands where only a person stands: the agent of a passive or a
// companion, or the one whose name is asked.
func quotedPersonSlot32(t *text, i, e int) bool {
	if i > 0 && strings.ContainsRune(personAgents32, t.rs[i-1]) {
		// 被“三板子”工作法评为…: a noun after the quote says the quote
		// names a thing of that kind; after 被 the person's deed follows
		// at once (被“二柱子”拦下).
		deed, thing := false, false
		t.words(e+1, func(_ int, w word) {
			switch w.pos {
			case "v", "vd", "vi", "vg":
				deed = true
			case "vn":
				thing = true
			default:
				thing = thing || nounish(w.pos) && w.pos != "t"
			}
		})
		if t.rs[i-1] == '被' {
			return deed && !thing
		}
		return !thing
	}
	return e+1 < t.n() && t.match(e+1, nameAsked32) > 0
}

// oldForms32 reads a surname, 老 and one character as one name (村支书
// 马老五口头同意, 我们屯于老蔫的二儿子): with an ordinal it is how a
// family's sons are called (马老五, 王老三) and is whole even where the
// ordinal opens a word after it (五口); with another character it is a
// nickname (于老蔫, 汪老倔) where 老X is no word and the possessor of a
// relative or the clause's end follows. 养老, 古老 and 敬老 are words
// across the surname and 老 and stay.
func (d *detector) oldForms32() {
	t := d.t
	if !strings.Contains(t.s, "老") {
		return
	}
	for i := 0; i+3 <= t.n(); i++ {
		if t.rs[i+1] != '老' || surnameAt(t, i) != 1 || !t.han(i+2) || t.reservedIn(i, i+3) {
			continue
		}
		if wordAt(t, i, i+2) || i > 0 && t.han(i-1) && wordAt(t, i-1, i+1) {
			continue
		}
		e := i + 3
		if w, ok := t.word(i, e); ok && !strings.HasPrefix(w.pos, "nr") {
			continue
		}
		ordinal := nicknameNumerals.has(t.rs[i+2]) || t.rs[i+2] == '幺'
		if !ordinal {
			if _, ok := t.word(i+1, e); ok || strings.ContainsRune(functionChars, t.rs[i+2]) || t.d.givenScore(t.rs[i+2]) < 0 {
				continue
			}
			closed := e >= t.n() || !t.han(e) || t.rs[e] == '的' && (t.match(e+1, kinMatcher) > 0 || e+2 < t.n() && strings.ContainsRune("大二三四五小", t.rs[e+1]) && t.match(e+2, kinMatcher) > 0)
			if !closed {
				continue
			}
		}
		if anyOtherHit32(d, i, e) {
			continue
		}
		d.addOver(i, e, capPersonal)
	}
}

// anyOtherHit32 reports whether a hit overlaps rs[s:e] without lying in it.
func anyOtherHit32(d *detector, s, e int) bool {
	for _, h := range d.hits {
		if h.start < e && h.end > s && (h.start < s || h.end > e) {
			return true
		}
	}
	return false
}

// zhuAddressShape32 is the start of a home's address after 住 whatever
// stands before it (a name: 才让多杰住下贡麻乡格日则村二社): a township and
// a village, or the case's own village and its group (同村一社, 本村三组).
var zhuAddressShape32 = regexp.MustCompile(`^(?:\p{Han}{1,6}?(?:县|区|市|旗))?\p{Han}{1,6}?(?:乡|镇|苏木)\p{Han}{1,8}?(?:村|嘎查|社区)|^(?:本村|该村|同村|我村|其村)(?:[一二三四五六七八九十]{1,3}|\d{1,2})(?:社|组|队)`)

// floorOnly32 reports whether a house number is a floor with no door
// number (四楼, 一层, 3层): one to three numerals and 层 or 楼.
func floorOnly32(m string) bool {
	r, size := utf8.DecodeLastRuneInString(m)
	if r != '层' && r != '楼' || len(m) == size {
		return false
	}
	n := 0
	for _, c := range m[:len(m)-size] {
		if !(c >= '0' && c <= '9' || strings.ContainsRune("一二三四五六七八九十", c)) {
			return false
		}
		n++
	}
	return n <= 3
}

// roadHeads32 follow a place's name as a road's or a project's part
// (杭徽高速於潜互通连接线, 柳叶湖安置小区): no person stands right before
// them. 高速 and 互通 are also deeds (高速行驶, 互通电话) and count only
// before what a road has.
var roadHeads32 = []string{"高速公路", "高速互通", "高速连接线", "高速出口", "高速入口", "高速路", "安置小区", "安置区", "安置点", "小区", "湿地公园", "风景区", "景区"}

// roadParts32 follow 高速 or 互通 when they name a road's part.
var roadParts32 = []string{"改建", "改扩建", "扩建", "新建", "互通", "连接线", "立交", "匝道", "出口", "入口", "收费站", "服务区", "工程", "项目", "公路", "段", "枢纽"}

// waterBefore32 stand before a stream's name inside a boundary or a
// description (南至黄河支流东柯曲): the run after them is the stream's.
var waterBefore32 = []string{"支流", "干流", "河段", "一级支流", "二级支流"}

// thing32 reports the things of round 32 a hit names: a place before a
// road's or a compound's head, and a stream after the word of a river's
// branch, 曲 (Tibetan for river) ending it too.
func thing32(t *text, h hit) bool {
	s, e := h.start, h.end
	if e-s <= 3 && roleEndingAt(t, s) == 0 {
		// 沪昆高速余杭互通: after a road's name a place before its
		// interchange or its exit is the road's.
		if hasSuffixAny(t.str(max(0, s-2), s), []string{"高速", "公路", "国道", "省道"}) {
			if _, ok := hasPrefixAny(t.rest(e), []string{"互通", "立交", "枢纽", "出口", "入口", "收费站", "服务区", "段"}); ok {
				return true
			}
		}
		if _, ok := hasPrefixAny(t.rest(e), roadHeads32); ok {
			return true
		}
		for _, w := range []string{"高速", "互通"} {
			if strings.HasPrefix(t.rest(e), w) {
				if _, ok := hasPrefixAny(t.rest(e+2), roadParts32); ok {
					return true
				}
				if _, ok := hasPrefixAny(t.rest(e+2), roadHeads32); ok {
					return true
				}
				// 杭徽高速於潜互通: another place and its road's part.
				for k := e + 3; k <= e+5 && k+2 <= t.n(); k++ {
					if _, ok := hasPrefixAny(t.rest(k), []string{"互通", "立交", "收费站", "服务区", "出口"}); ok {
						return true
					}
				}
			}
		}
	}
	if e-s <= 4 && strings.ContainsRune(waterEnds31+"曲", t.rs[e-1]) && hasSuffixAny(t.str(max(0, s-4), s), waterBefore32) || strings.Contains(t.str(max(0, s-4), s), "支流") && strings.ContainsRune(waterEnds31+"曲", t.rs[e-1]) {
		return true
	}
	return false
}

// japaneseTitles32 follow a Japanese family name that addresses its
// bearer (佐藤老师, 山本先生, 田中总监): Japanese people are called by the
// family name, so before these it is the registered person.
var japaneseTitles32 = []string{"老师", "先生", "女士", "小姐", "律师", "医生", "教授", "总监", "经理", "社长", "部长", "课长", "主任", "总", "君", "桑"}

// japaneseFamilyOccurrences32 finds the family name of a registered
// Japanese name (佐藤 of 佐藤健一) alone before such a title: it goes as
// the person's pseudonym (佐藤某老师), the title staying.
func japaneseFamilyOccurrences32(t *text, name, repl string) []span {
	j := japaneseMatcher.at(name)
	if j == "" || utf8.RuneCountInString(name)-utf8.RuneCountInString(j) < 2 || utf8.RuneCountInString(j) < 2 {
		return nil
	}
	var out []span
	for i := 0; ; {
		k := strings.Index(t.s[i:], j)
		if k < 0 {
			break
		}
		bs, be := i+k, i+k+len(j)
		i = be
		if strings.HasPrefix(t.s[bs:], name) {
			continue // the whole name is read as a whole
		}
		if _, ok := hasPrefixAny(t.s[be:], japaneseTitles32); !ok {
			continue
		}
		s := t.runeAt(bs)
		if s > 0 && t.han(s-1) && wordAt(t, s-1, s+1) || t.reservedIn(s, t.runeAt(be)) {
			continue
		}
		out = append(out, span{bs, be, KindName, repl})
	}
	return out
}

// yiClanFirst32 are the first characters of the Yi clan names, to test
// one rune before the list (a long judgment has few).
var yiClanFirst32 = func() runeSet {
	var b strings.Builder
	for _, c := range yiClans {
		b.WriteRune([]rune(c)[0])
	}
	return newRuneSet(b.String())
}()

// yiAfterRole32 reads a Yi clan name right after a role word and the
// characters up to the clause's punctuation as one name (委托代理人阿说拉古，
// …律师事务所律师; 委托代理人吉克拉古，): the role's slot holds the person
// whole, and its given part need not be known (only 吉克 was read, or
// nothing where the firm follows).
func (d *detector) yiAfterRole32() {
	t := d.t
	for i := 2; i+3 <= t.n(); i++ {
		if !yiClanFirst32.has(t.rs[i]) || !yiClanOpens(t, i) {
			continue
		}
		e := i + 2
		for e < t.n() && t.han(e) && e-i < 6 {
			e++
		}
		if e-i < 3 || e-i > 5 || e < t.n() && t.han(e) || t.reservedIn(i, e) && !yiClanAndPart31(t, i) {
			continue
		}
		if strings.ContainsAny(t.str(i+2, e), "某其该等") || anyOtherHit32(d, i, e) {
			continue
		}
		d.addOver(i, e, capPersonal)
	}
}

// runeOr returns the rune at i, or 0 past the text's end.
func runeOr(t *text, i int) rune {
	if i < 0 || i >= t.n() {
		return 0
	}
	return t.rs[i]
}
