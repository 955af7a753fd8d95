package decision

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"casebot/bot/cases"
)

// ParseVersion names how Parse and Split read a decision. Change it with
// every change that can read a text differently: what was stored read
// under another version (bot/explain's anonymized decisions) is then read
// again.
const ParseVersion = "2026-12-02.dec2"

// Part is a part of a decision, in the order decisions are written.
type Part string

const (
	PartHead      Part = "首部"
	PartParties   Part = "当事人"
	PartOrigin    Part = "审理经过"
	PartClaims    Part = "诉讼请求"
	PartDefense   Part = "答辩意见"
	PartThird     Part = "第三人意见"
	PartEvidence  Part = "证据"
	PartPrior     Part = "原审情况"
	PartFacts     Part = "经审理查明"
	PartReasoning Part = "本院认为"
	PartOperative Part = "裁判主文"
	PartTail      Part = "尾部"
)

// Parts lists every part in order.
var Parts = []Part{PartHead, PartParties, PartOrigin, PartPrior, PartClaims, PartDefense, PartThird, PartEvidence, PartFacts, PartReasoning, PartOperative, PartTail}

// Kind is the kind of document.
type Kind string

const (
	KindJudgment  Kind = "判决书"
	KindRuling    Kind = "裁定书"
	KindDecision  Kind = "复议决定书"
	KindMediation Kind = "调解书"
	KindUnknown   Kind = "文书"
)

// Section is one part's text: its paragraphs, separated by \n.
type Section struct {
	Part Part   `json:"part"`
	Text string `json:"text"`
}

// Person is a natural person named in the head or the tail, with the
// role the decision gives them (原告, 委托诉讼代理人, 审判长…).
type Person struct {
	Role string `json:"role"`
	Name string `json:"name"`
	// Official is set for people named in office: the judges and the
	// clerk, and the heads who represent an agency (法定代表人, 出庭负责人
	// of a 被告 or 被申请人). Agents (委托代理人) are never official here:
	// a lawyer acts by trade, not office.
	Official bool `json:"official,omitempty"`
}

// Party is a party named in the 当事人 part: person or organisation.
type Party struct {
	Role    string `json:"role"`
	Name    string `json:"name"`
	Natural bool   `json:"natural"`
}

// Document is a decision read into its parts.
type Document struct {
	Kind Kind `json:"kind"`
	// Title is the document's title as written, spaces removed
	// (行政判决书, 行政复议决定书).
	Title string `json:"title"`
	// Issuer is the court or 复议机关 that issued it.
	Issuer   string    `json:"issuer"`
	Sections []Section `json:"sections"`
	// Numbers are the decision's own case numbers (in its head); Related
	// the other case numbers it mentions (原审, 另案).
	Numbers []cases.Number `json:"numbers"`
	Related []cases.Number `json:"related,omitempty"`
	Parties []Party        `json:"parties"`
	// People are every natural person the head and tail name: parties,
	// agents, representatives, the judges and the clerk.
	People []Person `json:"people"`
	// ContestedAct is the 文号 of the act under review, when the decision
	// names one; DocNumbers are every 文号 it writes.
	ContestedAct *DocNumber  `json:"contested_act,omitempty"`
	DocNumbers   []DocNumber `json:"doc_numbers,omitempty"`
	Dates        []Date      `json:"dates,omitempty"`
	Amounts      []Amount    `json:"amounts,omitempty"`
	Statutes     []Statute   `json:"statutes,omitempty"`
	// Reconsideration is set for a 复议决定书: its parts are named 复议请求,
	// 被申请人答复, 本机关认为 and 决定 by Label.
	Reconsideration bool `json:"reconsideration"`
}

// Section returns the text of a part, "" when the decision has none.
func (d *Document) Section(p Part) string {
	for _, s := range d.Sections {
		if s.Part == p {
			return s.Text
		}
	}
	return ""
}

// Label names a part as this kind of decision does: 本机关认为 in a 复议
// decision, 本院认为 in a court's.
func (d *Document) Label(p Part) string {
	if d.Reconsideration {
		switch p {
		case PartClaims:
			return "复议请求"
		case PartDefense:
			return "被申请人答复"
		case PartFacts:
			return "经审理查明"
		case PartReasoning:
			return "本机关认为"
		case PartOperative:
			return "决定主文"
		}
	}
	switch {
	case p == PartClaims && d.hasRole("上诉人"):
		return "上诉请求"
	case p == PartDefense && d.hasRole("被上诉人"):
		return "被上诉人答辩"
	case p == PartClaims && d.hasRole("再审申请人"):
		return "再审申请"
	case p == PartDefense && d.hasRole("再审申请人"):
		return "被申请人意见"
	}
	switch p {
	case PartOperative:
		switch d.Kind {
		case KindRuling:
			return "裁定主文"
		case KindMediation:
			return "调解协议"
		}
		return "判决主文"
	case PartDefense:
		return "被告答辩"
	}
	return string(p)
}

// hasRole reports whether a party has the role (上诉人, 再审申请人).
func (d *Document) hasRole(role string) bool {
	for _, p := range d.Parties {
		if p.Role == role {
			return true
		}
	}
	return false
}

// NameNatural returns the natural persons' names, each once.
func (d *Document) NameNatural() []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range d.People {
		if !seen[p.Name] {
			seen[p.Name] = true
			out = append(out, p.Name)
		}
	}
	return out
}

// Markers opening each part, matched at the start of a paragraph with its
// spaces removed. Order matters: 被申请人 before 申请人, 原审 before 本院.
var (
	defenseRe = regexp.MustCompile(`^(?:被告|被上诉人|被申请人|被再审申请人|再审被申请人)[^，。；：:]{0,40}?(?:辩称|答辩称|答辩|答复称|答复|称|述称|提交意见称|提交书面意见称|陈述意见称)[：:，,]`)
	thirdRe   = regexp.MustCompile(`^(?:原审)?第三人[^，。；：:]{0,40}?(?:述称|称|陈述意见称|意见称|辩称)[：:，,]`)
	claimsRe  = regexp.MustCompile(`^(?:原告|上诉人|再审申请人|申请人|起诉人|申请再审人)[^，。；：:]{0,40}?(?:诉称|上诉称|申请再审称|再审称|请求|称|诉讼请求为|提出诉讼请求)[：:，,]`)
	claimsRe2 = regexp.MustCompile(`^(?:诉讼请求|复议请求|行政复议请求|上诉请求|再审请求|申请人请求|申请人的复议请求)[：:]`)
	evidRe    = regexp.MustCompile(`^(?:(?:被告|原告|第三人|被申请人|申请人|被上诉人|上诉人)[^。]{0,30}?(?:提交|提供|举示)了?[^。]{0,24}?(?:证据|材料)|经庭审质证|本院对(?:上述|以上)?证据|对上述证据|证据认定)`)
	// A party named without its role: 马占山申请再审称，….
	claimsVerbRe  = regexp.MustCompile(`^[^，。；：:]{1,25}?(?:诉称|上诉称|申请再审称|再审称)[：:，,]`)
	defenseVerbRe = regexp.MustCompile(`^[^，。；：:]{1,25}?(?:辩称|答辩称|答复称|提交意见称|提交书面意见称)[：:，,]`)
	priorRe       = regexp.MustCompile(`^(?:原审|一审|二审|原一审|原二审)(?:法院|判决|裁定)?(?:经审理)?(?:查明|认定|认为|判决|裁定|经审理查明)`)
	factsRe       = regexp.MustCompile(`^(?:本院|本机关|本府)?(?:经审理|经审查|经查|经复查|二审|再审|审理|经二审审理|经再审审理|再审审理|二审审理)?查明|^经审理，本机关查明|^经查[，,：:]`)
	reasonRe      = regexp.MustCompile(`^(?:本院|本机关|本府|复议机关|本局)(?:经审查|经审理|二审|再审|审查)?认为|^经审查，本院认为|^综上，本院认为`)
	// operativeRe ends the reasoning and opens the 主文; it may stand at
	// the end of the reasoning's last paragraph.
	operativeRe = regexp.MustCompile(`(?:(?:本机关|本府|现)?决定如下|判决如下|裁定如下|本机关决定|本府决定|现决定|作出如下决定|调解协议如下|达成如下协议)\s*[：:]?`)
	tailRe      = regexp.MustCompile(`^(?:如不服本|如不服|当事人如不服|申请人如不服|第三人如不服|本判决为终审判决|本裁定为终审裁定|本裁定送达后即发生法律效力|本判决书送达后即发生法律效力|本决定书送达后即发生法律效力|本决定为最终裁决|审判长|审判员|代理审判员|人民陪审员|书记员|法官助理|本件与原本核对无异|二〇|二零)`)
	dateLineRe  = regexp.MustCompile(`^(?:\d{4}年\d{1,2}月\d{1,2}日|` + cnDigits + `{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$`)
	partyRe     = regexp.MustCompile(`^((?:[二三四五六七八九十]原告|[二三四五六七八九十]申请人|原告|被告)?(?:共同)?(?:再审申请人|被申请人|申请人|原告|被告|上诉人|被上诉人|第三人|申请执行人|被执行人|委托诉讼代理人|委托代理人|诉讼代理人|指定代理人|法定代表人|主要负责人|行政机关出庭负责人|出庭负责人|负责人|法定代理人|诉讼代表人|经营者|投资人))((?:[（(][^）)]{1,20}[）)])*)[：:]?\s*([^，,。；;（(：:]{2,40})`)
)

var (
	// tailPersonRe is a signature of the tail, its role spaced out or not
	// (审　判　员　刘　成, 审判员：张三、李四); tailNames reads the names.
	tailPersonRe = regexp.MustCompile(`^(` + tailRoles + `)[\s\x{3000}\x{a0}]*[：:]?[\s\x{3000}\x{a0}]*(\S.*)$`)
	// tailRoleInRe finds a second signature on the line of one
	// (审判长　陈文斌　审判员　李四).
	tailRoleInRe = regexp.MustCompile(`[\s\x{3000}\x{a0}](?:` + tailRoles + `)`)
	// nextAgentRe is another person of the role a party line names, after
	// its semicolon: 欧阳丹，该所实习律师; agentWords say a person.
	nextAgentRe  = regexp.MustCompile(`^(\p{Han}{2,4}|\p{Han}+·\p{Han}+)[，,](.*)$`)
	personNameRe = regexp.MustCompile(`^(?:\p{Han}{2,5}|\p{Han}+·\p{Han}+)$`)
)

// agentWords describe the person named after a party line's semicolon.
var agentWords = []string{"律师", "工作人员", "男", "女", "系", "法律顾问", "职工", "员工", "同上"}

// natural roles name a person whatever the name looks like.
var naturalRoles = []string{"代理人", "法定代表人", "负责人", "经营者", "投资人", "诉讼代表人", "法定代理人"}

// Parse reads a decision's text into its parts and finds what it cites.
// It never fails: parts it cannot find are absent, and the text it cannot
// place stays with the part before it.
func Parse(text string) *Document {
	d := Split(text)
	d.finish(text)
	return d
}

// Split reads a decision's text into its parts, its title, issuer, own
// numbers and parties only, without the search for dates, amounts, 文号
// and statutes that Parse adds: for a text already read once.
func Split(text string) *Document {
	d := &Document{Kind: KindUnknown}
	defer d.readTail()
	paras := paragraphs(text)
	// The head: issuer, title and number, up to the first party line.
	i := 0
	var head []string
	for ; i < len(paras); i++ {
		p := compactSpace(paras[i])
		if partyLine(p) != nil || i >= 6 {
			break
		}
		head = append(head, paras[i])
		d.readHeadLine(p)
	}
	if len(head) > 0 {
		d.add(PartHead, strings.Join(head, "\n"))
		// Line by line: the folded head would run the organ's title into
		// a 复议 number (青山县人民政府行政复议决定书青府复决字…).
		for _, l := range head {
			d.Numbers = append(d.Numbers, cases.FindNumbers(l)...)
		}
	}
	// The parties, one per line.
	var parties []string
	for ; i < len(paras); i++ {
		p := compactSpace(paras[i])
		m := partyLine(p)
		if m == nil {
			break
		}
		parties = append(parties, paras[i])
		d.readParty(m[1], strings.TrimSpace(m[3]))
		// 委托诉讼代理人：吴文杰，…律师；欧阳丹，该所实习律师。
		for _, seg := range strings.Split(p, "；")[1:] {
			if n := nextAgentRe.FindStringSubmatch(seg); n != nil && containsAny(n[2], agentWords) {
				d.readParty(m[1], n[1])
			}
		}
	}
	d.add(PartParties, strings.Join(parties, "\n"))

	cur := PartOrigin
	started := map[Part]bool{}
	for ; i < len(paras); i++ {
		raw := paras[i]
		p := compactSpace(raw)
		next := cur
		switch {
		case cur == PartTail:
		case cur == PartOperative:
			if tailRe.MatchString(p) || dateLineRe.MatchString(p) || p == d.Issuer {
				next = PartTail
			}
		case tailRe.MatchString(p) && (started[PartReasoning] || started[PartFacts]) && !strings.HasPrefix(p, "二〇") && !strings.HasPrefix(p, "二零"):
			next = PartTail
		case reasonRe.MatchString(p):
			next = PartReasoning
		case cur != PartReasoning && priorRe.MatchString(p):
			next = PartPrior
		case cur != PartReasoning && factsRe.MatchString(p):
			next = PartFacts
		case cur != PartReasoning && cur != PartFacts && evidRe.MatchString(p):
			next = PartEvidence
		case cur != PartReasoning && cur != PartFacts && thirdRe.MatchString(p):
			next = PartThird
		case cur != PartReasoning && cur != PartFacts && defenseRe.MatchString(p):
			next = PartDefense
		case cur != PartReasoning && cur != PartFacts && (claimsRe.MatchString(p) || claimsRe2.MatchString(p)):
			next = PartClaims
		case cur != PartReasoning && cur != PartFacts && defenseVerbRe.MatchString(p):
			next = PartDefense
		case cur != PartReasoning && cur != PartFacts && claimsVerbRe.MatchString(p):
			next = PartClaims
		}
		cur = next
		// The 主文 opens inside the reasoning's last paragraph (…之规定，
		// 判决如下：) or in a paragraph of its own.
		if cur != PartOperative && cur != PartTail {
			if loc := operativeRe.FindStringIndex(raw); loc != nil && opensOperative(raw, loc) {
				before, after := strings.TrimSpace(raw[:loc[1]]), strings.TrimSpace(raw[loc[1]:])
				d.appendTo(cur, before)
				started[cur] = true
				cur = PartOperative
				started[cur] = true
				if after != "" {
					d.appendTo(cur, after)
				}
				continue
			}
		}
		started[cur] = true
		d.appendTo(cur, raw)
	}
	return d
}

// tailRoles are the roles that sign a decision.
var tailRoles = spacedAlt("审判长", "代理审判员", "审判员", "人民陪审员", "书记员", "法官助理", "速录员", "执行员")

// spacedAlt is a pattern of the words, each with spaces allowed between
// its characters, as signatures are spaced out for the eye.
func spacedAlt(words ...string) string {
	var alts []string
	for _, w := range words {
		var rs []string
		for _, r := range w {
			rs = append(rs, regexp.QuoteMeta(string(r)))
		}
		alts = append(alts, strings.Join(rs, `[\s\x{3000}\x{a0}]*`))
	}
	return strings.Join(alts, "|")
}

// readTail reads the judges and the clerk who sign the tail.
func (d *Document) readTail() {
	for _, l := range strings.Split(d.Section(PartTail), "\n") {
		l = strings.TrimSpace(strings.Trim(l, "\u3000"))
		for l != "" {
			m := tailPersonRe.FindStringSubmatch(l)
			if m == nil {
				break
			}
			names, next := m[2], ""
			if loc := tailRoleInRe.FindStringIndex(names); loc != nil {
				names, next = names[:loc[0]], strings.TrimSpace(strings.Trim(names[loc[0]:], "\u3000"))
			}
			for _, n := range tailNames(names) {
				d.People = append(d.People, Person{Role: compactSpace(m[1]), Name: n, Official: true})
			}
			l = next
		}
	}
	// The issuer of a 复议 decision signs it at the end; a court's is its
	// first line. Without either, the first line of the head.
	if d.Issuer == "" {
		if h := strings.Split(d.Section(PartHead), "\n"); len(h) > 0 {
			d.Issuer = compactSpace(h[0])
		}
	}
}

// opensOperative reports whether the 判决如下 found at loc in a paragraph
// is the formula that opens the 主文 (依照…之规定，判决如下：), not a
// mention of it: it ends the paragraph or takes a colon, and follows the
// start, a comma or 规定.
func opensOperative(raw string, loc []int) bool {
	marker := strings.TrimSpace(raw[loc[0]:loc[1]])
	after := strings.TrimSpace(raw[loc[1]:])
	before := strings.TrimSpace(raw[:loc[0]])
	colon := strings.HasSuffix(marker, "：") || strings.HasSuffix(marker, ":")
	if !colon && after != "" {
		return false
	}
	return before == "" || strings.HasSuffix(before, "，") || strings.HasSuffix(before, ",") || strings.HasSuffix(before, "规定") || strings.HasSuffix(before, "。")
}

// originWords never appear in a party's line, and always in the paragraph
// after the parties that tells how the case came (审理经过).
var originWords = []string{"不服", "一案", "提起", "向本院", "向本机关", "申请行政复议", "本院于", "审理终结", "审查终结", "立案", "受理"}

func partyLine(p string) []string {
	m := partyRe.FindStringSubmatch(p)
	if m == nil {
		return nil
	}
	for _, w := range originWords {
		if strings.Contains(p, w) {
			return nil
		}
	}
	return m
}

func (d *Document) readHeadLine(p string) {
	switch {
	case strings.Contains(p, "复议决定书") || strings.Contains(p, "复议决定"):
		d.Kind, d.Title, d.Reconsideration = KindDecision, p, true
	case strings.HasSuffix(p, "判决书"):
		d.Kind, d.Title = KindJudgment, p
	case strings.HasSuffix(p, "裁定书"):
		d.Kind, d.Title = KindRuling, p
	case strings.HasSuffix(p, "调解书"):
		d.Kind, d.Title = KindMediation, p
	case d.Issuer == "" && (strings.HasSuffix(p, "法院") || strings.HasSuffix(p, "政府") || strings.HasSuffix(p, "局") || strings.HasSuffix(p, "委员会") || strings.HasSuffix(p, "厅")):
		d.Issuer = p
	}
}

// tailNames reads the names signed after a role: several when 、 or a
// space stands between names of two characters or more (张三、李四,
// 张三　李四), one when the space pads a name out (刘　成 is 刘成, as a
// two-character name is spaced to the width of three). Anything not
// shaped like a name is none.
func tailNames(s string) []string {
	var out []string
	for _, part := range strings.Split(s, "、") {
		fields := strings.FieldsFunc(part, func(r rune) bool { return r == ' ' || r == '\u3000' || r == '\t' || r == '\u00a0' })
		names := []string{compactSpace(part)}
		several := len(fields) > 1
		for _, f := range fields {
			several = several && utf8.RuneCountInString(f) >= 2
		}
		if several {
			names = fields
		}
		for _, n := range names {
			if personNameRe.MatchString(n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// readParty reads a party line's role and name: several names when the
// line lists them (委托诉讼代理人吴文杰、欧阳丹，…律师; 原告张三、李四), each
// its own party and person.
func (d *Document) readParty(role, names string) {
	for _, name := range strings.Split(names, "、") {
		if name = strings.TrimSpace(name); utf8.RuneCountInString(name) >= 2 {
			d.readOneParty(role, name)
		}
	}
}

func (d *Document) readOneParty(role, name string) {
	name = strings.TrimRight(name, " 　")
	natural := !cases.IsOrganization(name)
	representative := false
	for _, r := range []string{"法定代表人", "负责人"} {
		representative = representative || strings.HasSuffix(role, r)
	}
	for _, r := range naturalRoles {
		if strings.HasSuffix(role, r) {
			natural = true
		}
	}
	if strings.Contains(name, "律师事务所") || strings.HasSuffix(name, "同上") {
		return
	}
	official := false
	if representative {
		// The principal is the last party not a representative or agent.
		for i := len(d.Parties) - 1; i >= 0; i-- {
			p := d.Parties[i]
			if strings.Contains(p.Role, "代理人") || strings.HasSuffix(p.Role, "负责人") || strings.HasSuffix(p.Role, "代表人") {
				continue
			}
			official = !p.Natural && (strings.HasPrefix(p.Role, "被告") || strings.HasPrefix(p.Role, "被申请人") || strings.HasPrefix(p.Role, "被上诉人"))
			break
		}
	}
	d.Parties = append(d.Parties, Party{Role: role, Name: name, Natural: natural})
	if natural && !strings.Contains(name, "某") {
		d.People = append(d.People, Person{Role: role, Name: name, Official: official})
	}
}

func (d *Document) add(p Part, text string) {
	if strings.TrimSpace(text) != "" {
		d.Sections = append(d.Sections, Section{Part: p, Text: text})
	}
}

func (d *Document) appendTo(p Part, text string) {
	for i := range d.Sections {
		if d.Sections[i].Part == p {
			d.Sections[i].Text += "\n" + text
			return
		}
	}
	d.Sections = append(d.Sections, Section{Part: p, Text: text})
}

// finish reads what is found anywhere: numbers, 文号, dates, amounts,
// statutes.
func (d *Document) finish(text string) {
	own := map[string]bool{}
	for _, n := range d.Numbers {
		own[n.String()] = true
	}
	related := map[string]bool{}
	for _, n := range cases.FindNumbers(text) {
		// A 复议 number is read with the 文号 below, where its organ's code
		// is told from the words before it, and a 信访 复查 or an 答复 numbered
		// 某信复〔2025〕第62号 from a 复议 decision's.
		if !own[n.String()] && n.Form != cases.ReconsiderationNumber && !related[n.String()] {
			related[n.String()] = true
			d.Related = append(d.Related, n)
		}
	}
	docs := map[string]bool{}
	for _, dn := range placedDocNumbers(text) {
		if docs[dn.Key()] {
			continue
		}
		docs[dn.Key()] = true
		if n, err := cases.ParseNumber(dn.Text); err == nil && n.Form == cases.ReconsiderationNumber {
			if own[n.String()] {
				continue // the 复议决定书's own number
			}
			if reviewDecision(dn, text) && !related[n.String()] {
				related[n.String()] = true
				d.Related = append(d.Related, n)
			}
		}
		d.DocNumbers = append(d.DocNumbers, dn.DocNumber)
	}
	d.ContestedAct = d.contestedAct(own)
	d.Dates = FindDates(text, false)
	d.Amounts = FindAmounts(text)
	d.Statutes = FindStatutes(text)
}

// contestedAct finds the 文号 of the act under review: the first the
// 诉讼请求 or 复议请求 asks against (请求撤销…, 确认…违法, 不服…), else the
// first the parts telling the case name, in the order they are written.
// A 复议 decision's number is never the act (the act is what it
// reviewed), nor the decision's own, nor a rule's (法释〔2020〕3号, 国发…),
// nor one written as what an act relied on (依据江政发〔2020〕3号文件).
// The evidence part is not read: a 文号 listed there as proof is no act
// unless a claim names it.
func (d *Document) contestedAct(own map[string]bool) *DocNumber {
	candidate := func(section string, dn placedDocNumber) bool {
		if n, err := cases.ParseNumber(dn.Text); err == nil && (own[n.String()] || n.Form == cases.ReconsiderationNumber && reviewDecision(dn, section)) {
			return false
		}
		return !strings.HasPrefix(dn.Org, "法") && !strings.HasPrefix(dn.Org, "国") && !hasSuffixAny(section[:dn.start], groundWords)
	}
	claims := d.Section(PartClaims)
	for _, dn := range placedDocNumbers(claims) {
		if candidate(claims, dn) && suedRe.MatchString(clauseBefore(claims, dn.start)) {
			return &dn.DocNumber
		}
	}
	// A claim that names the act by its kind alone (请求撤销被告作出的复查
	// 意见) rules out a 文号 of another kind: the 处理意见 the 复查 reviewed.
	kind := suedKind(claims)
	for _, p := range []Part{PartOrigin, PartClaims, PartPrior, PartFacts, PartDefense, PartReasoning} {
		section := d.Section(p)
		for _, dn := range placedDocNumbers(section) {
			if candidate(section, dn) && (kind == "" || dn.Title == "" || strings.Contains(dn.Title, kind)) {
				return &dn.DocNumber
			}
		}
	}
	return nil
}

// groundWords before a 文号 make it what an act relied on (确认被告依据
// 江政发〔2020〕3号文件作出的拆除行为违法), not the act.
var groundWords = []string{"依据", "根据", "按照", "依照", "按"}

// suedRe is what a claim asks of the act it names: 撤销, 确认…违法, 变更,
// 宣告…无效, or 不服 it.
var suedRe = regexp.MustCompile(`撤销|确认|变更|宣告|不服|认定[^，。；]*无效`)

// actKinds name the kinds of act a claim sues against, told apart where
// one reviews another (a 复查 of a 处理意见, a 复核 of a 复查).
var actKinds = []string{"复查", "复核", "处理意见", "答复", "告知", "处罚", "认定", "补偿"}

// suedKind returns the kind of act the first claim asking against one
// names (请求撤销被告作出的复查意见: 复查), or "".
func suedKind(claims string) string {
	for _, loc := range suedRe.FindAllStringIndex(claims, -1) {
		clause := claims[loc[1]:]
		if i := strings.IndexAny(clause, "。；;，,\n"); i >= 0 {
			clause = clause[:i]
		}
		first, kind := len(clause), ""
		for _, k := range actKinds {
			if i := strings.Index(clause, k); i >= 0 && i < first {
				first, kind = i, k
			}
		}
		if kind != "" {
			return kind
		}
	}
	return ""
}

// clauseBefore returns the clause of text that ends at offset at: back to
// the last stop, semicolon, colon, comma or line break (请求：1.撤销…；2.…).
func clauseBefore(text string, at int) string {
	s := text[:at]
	for _, sep := range []string{"。", "；", ";", "\n", "：", ":", "，", ","} {
		if i := strings.LastIndex(s, sep); i >= 0 {
			s = s[i+len(sep):]
		}
	}
	return s
}

// nonReview are the words of a document numbered like a 复议 decision (an
// organ's code with 复) that is none: a 信访 复查 or 复核 意见, an 答复.
var nonReview = []string{"信复", "依复", "复查", "复核", "答复", "复函", "告知", "处理意见", "信访"}

// reviewDecision reports whether dn, a 文号 of text numbered like a 复议
// decision, is one: unless its organ's code, its title or the words just
// before it name something else (江球信复字〔2025〕第62号《信访事项复查意见书》,
// 信访事项复查意见（某信复〔2026〕第3号）, 江自然资依复〔2026〕第3号答复).
func reviewDecision(dn placedDocNumber, text string) bool {
	if containsAny(dn.Org, nonReview) {
		return false
	}
	if dn.Title != "" {
		return strings.Contains(dn.Title, "复议")
	}
	before := []rune(text[:dn.start])
	near := string(before[max(0, len(before)-16):])
	if i := strings.LastIndexAny(near, "。；;\n"); i >= 0 {
		near = near[i:]
	}
	return strings.Contains(near, "复议") || !containsAny(near, nonReview)
}

func paragraphs(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if t := strings.TrimSpace(strings.Trim(l, "\u3000")); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// compactSpace drops every space, as titles (行 政 判 决 书) and
// signatures (审　判　长) are spaced out for the eye.
func compactSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '\t' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
}

func containsAny(s string, list []string) bool {
	for _, x := range list {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

func contains[T comparable](list []T, x T) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}
