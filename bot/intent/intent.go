// Package intent reads what a user asks the bot in forgiving Chinese: a
// case number written any way (or its short form, 行初123), a party, an
// agency, hearings on a day or in a week, counts for a period, help and
// “更多” — and the chat commands that change a case (see ParseUpdate).
//
// It is pure: the same text, clock and options give the same Intent, so
// the phrasing users write is tested as a table.
package intent

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"casebot/bot/cases"
)

// Kind is what a message asks for.
type Kind string

const (
	Help     Kind = "help"     // how to use the bot
	More     Kind = "more"     // the next page of the last list
	Lookup   Kind = "case"     // one or more cases by number
	Party    Kind = "party"    // the cases of a plaintiff or applicant
	Agency   Kind = "agency"   // the cases of an agency
	Mine     Kind = "mine"     // the cases of the asker's agency
	Hearings Kind = "hearings" // hearings in a period
	Count    Kind = "count"    // how many cases did something in a period, and which
	Thanks   Kind = "thanks"   // 谢谢, 好的, 收到
	Unknown  Kind = "unknown"  // not understood
)

// Metric is what a Count counts.
type Metric string

const (
	Lost      Metric = "败诉" // closed litigation with a 败诉 outcome
	Closed    Metric = "结案" // closed in the period
	Filed     Metric = "立案" // filed in the period
	Corrected Metric = "纠错" // reconsideration closed with a 纠错 decision
	Open      Metric = "未结" // not closed yet (no period)
)

// Intent is what Parse read.
type Intent struct {
	Kind Kind `json:"kind"`
	// Numbers are normalized case numbers (Lookup).
	Numbers []string `json:"numbers,omitempty"`
	// Short is a short number as written (行初123); Numbers holds its
	// completions with this year and the configured courts, and is empty
	// when no court is configured.
	Short string `json:"short,omitempty"`
	// Name is the party (Party) or agency (Agency) asked about, or, for
	// Hearings and Count, a party the answer is limited to.
	Name string `json:"name,omitempty"`
	// Alt is another reading of Name, tried when Name finds nothing: 查海生
	// may be a person surnamed 查 rather than “查 海生”.
	Alt string `json:"alt,omitempty"`
	// Agency limits Hearings, Count and Party answers to an agency.
	Agency string `json:"agency,omitempty"`
	// Mine limits the answer to the asker's own agency.
	Mine   bool   `json:"mine,omitempty"`
	Metric Metric `json:"metric,omitempty"`
	Period Period `json:"period,omitzero"`
}

// Options are what Parse needs besides the text.
type Options struct {
	// Now is the current time in the configured time zone.
	Now time.Time
	// Courts complete short case numbers (config query.courts).
	Courts []string
}

var helpWords = map[string]bool{
	"帮助": true, "help": true, "?": true, "h": true, "怎么用": true, "如何使用": true, "使用说明": true, "说明": true,
	"菜单": true, "功能": true, "你能做什么": true, "能做什么": true, "你会什么": true, "会什么": true, "你好": true,
	"您好": true, "hi": true, "hello": true, "在吗": true, "在么": true, "指令": true, "命令": true, "用法": true,
	"使用帮助": true, "帮助信息": true, "怎么查": true, "如何查询": true, "怎么查询": true, "功能介绍": true,
}

var moreWords = map[string]bool{
	"更多": true, "下一页": true, "继续": true, "more": true, "还有吗": true, "还有": true, "后面": true, "下页": true,
	"再看看": true, "n": true, "下一批": true, "翻页": true, "后面的": true, "接着": true, "再来": true, "继续看": true,
	"看更多": true, "查看更多": true, "更多案件": true, "下一頁": true,
}

// politeEdges are words that only carry politeness at either end of a
// message.
var thanksWords = map[string]bool{
	"谢谢": true, "谢": true, "多谢": true, "感谢": true, "谢谢你": true, "谢谢您": true, "好的": true, "好": true,
	"收到": true, "知道了": true, "明白": true, "明白了": true, "ok": true, "okay": true, "嗯": true, "嗯嗯": true,
	"好的谢谢": true, "辛苦了": true, "辛苦": true, "thanks": true, "thx": true,
}

var politePrefixes = []string{"请问", "麻烦", "您好", "你好", "请", "老师"}
var politeSuffixes = []string{"谢谢了", "谢谢", "多谢", "辛苦了", "辛苦", "吗", "呢", "吧", "啊", "呀", "哈", "谢"}

// bare strips politeness and punctuation from both ends.
func bare(s string) string {
	for changed := true; changed; {
		changed = false
		s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '?' })
		for _, p := range politePrefixes {
			if rest, ok := strings.CutPrefix(s, p); ok && rest != "" {
				s, changed = rest, true
			}
		}
		for _, p := range politeSuffixes {
			if rest, ok := strings.CutSuffix(s, p); ok && rest != "" {
				s, changed = rest, true
			}
		}
		if t := strings.TrimRight(s, "?"); t != s && t != "" {
			s, changed = t, true
		}
	}
	return strings.ToLower(s)
}

// shortNumber finds a case number written without its year or court:
// 行初123, 25行初123, 2025行初123号, 黔0115行初123.
var shortNumber = regexp.MustCompile(`(?:\(?((?:19|20)?\d{2})\)?\s*年?\s*)?(最高法|[` + cases.Provinces + `](?:\d{4}|\d{2}))?\s*(知)?\s*(行\p{Han}{1,2}|赔辖终?|司救行)\s*(\d{1,8})\s*号?`)

func findShort(t string, o Options) (short string, numbers []string, ok bool) {
	m := shortNumber.FindStringSubmatch(t)
	if m == nil {
		return "", nil, false
	}
	year := o.Now.Year()
	if m[1] != "" {
		year, _ = strconv.Atoi(m[1])
		if year < 100 {
			year += 2000
		}
	}
	courts := o.Courts
	if m[2] != "" {
		courts = []string{m[2]}
	}
	// Type codes are at most three characters; the pattern may have taken
	// one more (行初一) that ParseNumber then refuses.
	valid := false
	for _, c := range courts {
		n, err := cases.ParseNumber("(" + strconv.Itoa(year) + ")" + c + m[3] + m[4] + m[5] + "号")
		if err == nil {
			numbers = append(numbers, n.String())
			valid = true
		}
	}
	if !valid {
		// Check the code itself, with a stand-in court, so that 行初123
		// is recognised even when no court is configured.
		if _, err := cases.ParseNumber("(" + strconv.Itoa(year) + ")京01" + m[3] + m[4] + m[5] + "号"); err != nil {
			return "", nil, false
		}
	}
	return strings.TrimSpace(m[0]), numbers, true
}

var hearingWords = []string{"开庭安排", "开庭时间", "开庭情况", "开庭", "庭审", "出庭", "庭期", "排庭", "有庭", "上庭",
	"审理安排", "什么庭", "哪些庭", "几个庭", "几场庭", "几次庭"}

var metricWords = []struct {
	metric Metric
	words  []string
}{
	{Lost, []string{"败诉案件", "败诉"}},
	{Corrected, []string{"被纠错", "纠错案件", "纠错"}},
	{Open, []string{"未结案件", "未结案", "未办结", "没结案", "未结", "在办案件", "在办", "正在审理", "审理中", "在审"}},
	{Closed, []string{"已结案件", "结案案件", "已结案", "结案", "审结", "办结", "已结", "结了"}},
	{Filed, []string{"新收案件", "新增案件", "立案案件", "新收", "收案", "立案", "受理", "新案件", "新案"}},
}

var mineWords = []string{"我们单位", "我们局", "我单位", "本单位", "我局", "本局", "我们的", "我的", "我方", "我们"}

// fillers are multi-character words that carry no argument; they are
// removed wherever they stand. Longer first.
var fillers = []string{
	"请帮我查询一下", "请帮我查一下", "请帮忙查一下", "帮我查询一下", "请帮我查询", "请帮我查", "帮我查一下",
	"帮忙查一下", "麻烦查一下", "我想知道", "帮我查询", "帮我查查", "帮我看看", "帮我看下", "查询一下", "请查一下",
	"搜索一下", "到哪一步了", "怎么样了", "有多少件", "有多少个", "有多少起", "一共有", "总共有",
	"什么时候", "啥时候", "几时", "何时", "哪天", "几号",
	"帮我查", "帮忙查", "麻烦查", "请查询", "我想看", "我想查", "想知道", "查一下", "看一下", "找一下", "搜一下",
	"的情况", "怎么样", "到哪了", "多少件", "多少个", "多少起", "有哪些", "有什么", "都有", "是什么",
	"查询", "查查", "查下", "查看", "搜索", "看看", "看下", "想看", "想查", "我要", "请问", "麻烦", "帮我", "帮忙",
	"给我", "一下", "您好", "你好", "谢谢", "多谢", "辛苦", "老师", "情况", "进展", "进度", "状态", "如何", "结果",
	"现在", "目前", "一共", "共有", "总共", "多少", "几件", "几个", "几起", "有几", "统计", "数量", "总数", "数据",
	"哪些", "什么", "所有", "全部", "一览", "列表", "清单", "案件", "案子", "信息", "详情", "安排", "时间", "有没有",
	"以来", "期间", "之内", "以内",
}

// edgeFillers are single characters removed only at either end, since
// inside a name they are part of it (李有才).
const edgeFillers = "的了吗呢吧啊呀有是谁案在和与及请查找搜看"

var partyMarkers = []string{"原告", "申请人", "当事人", "起诉人", "上诉人", "相对人"}
var agencyMarkers = []string{"被申请人", "被诉单位", "被诉机关", "被诉", "被告", "单位"}

// agencySuffixes end the names of agencies (as opposed to plaintiffs).
var agencySuffixes = []string{"局", "政府", "委员会", "委", "管委会", "办事处", "街道", "镇", "乡", "办公室",
	"大队", "支队", "中队", "派出所", "司法所", "执法队", "分局", "部门"}

// AgencyLike reports whether a name looks like an agency's.
func AgencyLike(name string) bool {
	for _, s := range agencySuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}

// Parse reads one message.
func Parse(text string, o Options) Intent {
	t := Normalize(text)
	b := bare(t)
	switch {
	case b == "" || helpWords[b] || strings.Contains(b, "帮助") || strings.Contains(b, "怎么用") || strings.Contains(b, "使用说明"):
		return Intent{Kind: Help}
	case moreWords[b]:
		return Intent{Kind: More}
	case thanksWords[b] || thanksWords[strings.ToLower(strings.TrimFunc(t, unicode.IsPunct))]:
		return Intent{Kind: Thanks}
	}
	if ns := cases.FindNumbers(t); len(ns) > 0 {
		in := Intent{Kind: Lookup}
		for _, n := range ns {
			in.Numbers = append(in.Numbers, n.String())
		}
		return in
	}
	if short, numbers, ok := findShort(t, o); ok {
		return Intent{Kind: Lookup, Short: short, Numbers: numbers}
	}

	in := Intent{}
	rest := t
	hearing := false
	for _, w := range hearingWords {
		if strings.Contains(rest, w) {
			hearing = true
			rest = strings.ReplaceAll(rest, w, " ")
		}
	}
	for _, mw := range metricWords {
		for _, w := range mw.words {
			if strings.Contains(rest, w) {
				if in.Metric == "" {
					in.Metric = mw.metric
				}
				rest = strings.ReplaceAll(rest, w, " ")
			}
		}
	}
	l := past
	if hearing {
		l = nearest
	}
	period, rest, hasPeriod := findPeriod(rest, o.Now, l)
	for _, w := range mineWords {
		if strings.Contains(rest, w) {
			in.Mine = true
			rest = strings.ReplaceAll(rest, w, " ")
		}
	}
	party, agency := false, false
	for _, w := range partyMarkers {
		if strings.Contains(rest, w) {
			party = true
			rest = strings.ReplaceAll(rest, w, " ")
		}
	}
	for _, w := range agencyMarkers {
		if strings.Contains(rest, w) {
			agency = true
			rest = strings.ReplaceAll(rest, w, " ")
		}
	}
	asked := askedToFind(rest)
	name, agencyName := splitSues(clean(rest))
	alt := ""
	if asked && name != "" {
		alt = "查" + name
	}
	if agencyName == "" && name != "" && (agency || AgencyLike(name)) && !party {
		agencyName, name, alt = name, "", ""
	}

	switch {
	case hearing:
		in.Kind = Hearings
		if !hasPeriod {
			today := day(o.Now)
			period = span(today, today.AddDate(0, 0, 7), "近 7 天")
		}
		in.Period, in.Name, in.Agency = period, name, agencyName
	case in.Metric != "":
		in.Kind = Count
		if !hasPeriod && in.Metric != Open {
			period = yearPeriod(o.Now.Year(), o.Now.Location())
		}
		if in.Metric == Open {
			period = Period{}
		}
		in.Period, in.Name, in.Agency = period, name, agencyName
	case name != "":
		in.Kind, in.Name, in.Alt, in.Agency = Party, name, alt, agencyName
	case hasPeriod:
		// 本月的案件, 市场监管局今年的案件: the cases filed then.
		in.Kind, in.Metric, in.Period, in.Agency = Count, Filed, period, agencyName
	case agencyName != "":
		in.Kind, in.Name = Agency, agencyName
	case in.Mine:
		in.Kind = Mine
	default:
		return Intent{Kind: Unknown}
	}
	if in.Kind == Party && !plausibleName(in.Name) && !party && !asked {
		return Intent{Kind: Unknown}
	}
	return in
}

// askedToFind reports whether the text starts with a word asking to look
// something up, after which a name follows.
func askedToFind(s string) bool {
	s = strings.TrimSpace(s)
	for _, w := range []string{"查", "搜", "找"} {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// clean removes filler words and edge characters, leaving the argument.
func clean(s string) string {
	for _, f := range fillers {
		s = strings.ReplaceAll(s, f, " ")
	}
	s = strings.Join(strings.Fields(s), "")
	for changed := true; changed && s != ""; {
		changed = false
		s2 := strings.TrimFunc(s, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '·' || strings.ContainsRune(edgeFillers, r)
		})
		if s2 != s {
			s, changed = s2, true
		}
	}
	return s
}

// splitSues splits “张三诉市场监管局” into the party and the agency. 诉 inside
// 败诉, 起诉, 上诉, 撤诉, 申诉, 胜诉, 诉讼 is not a split.
func splitSues(s string) (party, agency string) {
	rs := []rune(s)
	for i, r := range rs {
		if r != '诉' || i == 0 || i == len(rs)-1 {
			continue
		}
		if strings.ContainsRune("败起上撤申胜公应反", rs[i-1]) || rs[i+1] == '讼' {
			continue
		}
		left, right := string(rs[:i]), strings.TrimPrefix(string(rs[i+1:]), "被告")
		if AgencyLike(right) {
			return left, right
		}
	}
	return s, ""
}

// plausibleName reports whether s can be a party's name: a person's (two
// to four Chinese characters, or a minority or foreign name with ·) or an
// organisation's.
func plausibleName(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 40 {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && r != '·' && r != '(' && r != ')' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return n <= 6 || cases.IsOrganization(s) || strings.Contains(s, "·")
}
