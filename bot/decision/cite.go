package decision

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"casebot/bot/numeral"
)

// Statute is one article cited: 《中华人民共和国行政处罚法》第四十四条, down
// to 款 and 项 when the citation gives them (第六十四条第一款第（三）项).
type Statute struct {
	// Law is the name as written, without 《》.
	Law     string `json:"law"`
	Article int    `json:"article"`
	// Sub is the 之一/之二 of an inserted article; Para the 款; Item the 项.
	Sub  int `json:"sub,omitempty"`
	Para int `json:"para,omitempty"`
	Item int `json:"item,omitempty"`
	// Quote is the article's text when the decision quotes it
	// (…第四十六条第一款规定：“…”).
	Quote string `json:"quote,omitempty"`
}

// String writes the citation in the statutes' own style.
func (s Statute) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "《%s》第%s条", s.Law, numeral.Format(s.Article))
	if s.Sub > 0 {
		b.WriteString("之" + numeral.Format(s.Sub))
	}
	if s.Para > 0 {
		fmt.Fprintf(&b, "第%s款", numeral.Format(s.Para))
	}
	if s.Item > 0 {
		fmt.Fprintf(&b, "第（%s）项", numeral.Format(s.Item))
	}
	return b.String()
}

// ArticleKey identifies the article whatever the writing of the law's name
// (with or without 中华人民共和国, 〈〉 or <> inside).
func (s Statute) ArticleKey() string {
	return fmt.Sprintf("%s#%d.%d", LawKey(s.Law), s.Article, s.Sub)
}

// LawKey folds the writings of a law's name into one.
func LawKey(name string) string {
	name = strings.NewReplacer("中华人民共和国", "", "〈", "", "〉", "", "<", "", ">", "", "《", "", "》", "", " ", "", "\u3000", "").Replace(name)
	return name
}

// Covers reports whether citation c is backed by s: same article, and the
// 款 and 项 of c, where given, the same as s's or not narrowed by s.
func (s Statute) Covers(c Statute) bool {
	if s.ArticleKey() != c.ArticleKey() {
		return false
	}
	if c.Para != 0 && s.Para != 0 && c.Para != s.Para {
		return false
	}
	if c.Item != 0 && s.Item != 0 && c.Item != s.Item {
		return false
	}
	return true
}

const numChars = `[零〇一二两三四五六七八九十百千0-9０-９]+`

var (
	lawRe = regexp.MustCompile(`《([^《》\n]{2,80})》`)
	// artRe is an article with its optional 之一, 款 and 项.
	artRe = regexp.MustCompile(`第\s*(` + numChars + `)\s*条(?:之(` + numChars + `))?(?:\s*第\s*(` + numChars + `)\s*款)?(?:\s*第?\s*[（(]\s*(` + numChars + `)\s*[)）]\s*项|\s*第\s*(` + numChars + `)\s*项)?`)
	// subRe is a 款 or 项 that continues the article before it:
	// 第七十条第（一）项、第（三）项.
	subRe = regexp.MustCompile(`^(?:第\s*(` + numChars + `)\s*款)?(?:\s*第?\s*[（(]\s*(` + numChars + `)\s*[)）]\s*项|\s*第\s*(` + numChars + `)\s*项)`)
	// aliasRe finds 《full》（以下简称《short》）.
	aliasRe = regexp.MustCompile(`《([^《》\n]{2,80})》[^《》\n]{0,12}?以下简称[“"《]([^”"》\n]{2,20})[”"》]`)
	quoteRe = regexp.MustCompile(`^\s*(?:之|的)?\s*规定\s*[：:]\s*“([^”]{5,800})”`)
)

// sameLaw are the words that stand for the law named last (该法第十条).
var sameLaw = []string{"该法", "同法", "本法", "前述法律", "上述法律", "该条例", "本条例", "该规定", "本规定", "该办法", "本办法", "该解释", "本解释", "该细则", "本细则"}

// chainSep is what may stand between two articles of one law: 、 和 及 或.
func chainSep(gap string) bool {
	g := strings.TrimSpace(gap)
	g = strings.TrimSuffix(g, "以及")
	switch strings.TrimSpace(g) {
	case "", "、", "，", ",", "及", "和", "与", "或", "以及", "或者", "、第", "至":
		return true
	}
	return false
}

// FindStatutes returns every article cited in text, in order, each once
// (the first quote kept). An article is tied to the law named before it
// in the same chain (《某法》第一条、第二条), to the law named last when
// written 该法/本法…, or, when it opens a sentence with 规定, to the law
// named last in the same paragraph. An article tied to no law is dropped.
func FindStatutes(text string) []Statute {
	aliases := map[string]string{}
	for _, m := range aliasRe.FindAllStringSubmatch(text, -1) {
		aliases[m[2]] = m[1]
	}
	var out []Statute
	index := map[string]int{}
	add := func(s Statute) {
		if full, ok := aliases[s.Law]; ok {
			s.Law = full
		}
		k := s.ArticleKey() + fmt.Sprintf(".%d.%d", s.Para, s.Item)
		if i, ok := index[k]; ok {
			if out[i].Quote == "" {
				out[i].Quote = s.Quote
			}
			return
		}
		index[k] = len(out)
		out = append(out, s)
	}
	for _, para := range strings.Split(text, "\n") {
		laws := lawRe.FindAllStringSubmatchIndex(para, -1)
		arts := artRe.FindAllStringSubmatchIndex(para, -1)
		if len(arts) == 0 {
			continue
		}
		li := 0
		last := ""    // the law named last in the paragraph
		chain := ""   // the law the current chain of articles belongs to
		chainEnd := 0 // where the chain's last token ended
		var prev *Statute
		for _, a := range arts {
			// Laws named before this article.
			named := false
			for li < len(laws) && laws[li][1] <= a[0] {
				last = para[laws[li][2]:laws[li][3]]
				chain, chainEnd, named = last, laws[li][1], true
				li++
			}
			gap := para[chainEnd:a[0]]
			law := ""
			switch {
			case named && strings.TrimSpace(gap) == "":
				law = chain
			case chain != "" && chainSep(gap):
				law = chain
			case last != "" && hasSuffixAny(strings.TrimSpace(gap), sameLaw):
				law = last
			case last != "" && strings.HasPrefix(strings.TrimLeft(para[a[1]:], "之的 "), "规定"):
				law = last
			}
			if law == "" {
				chain, prev = "", nil
				continue
			}
			s := Statute{Law: law, Article: num(para, a, 2), Sub: num(para, a, 4), Para: num(para, a, 6), Item: max(num(para, a, 8), num(para, a, 10))}
			end := a[1]
			// Items and paragraphs chained after it: 第（一）项、第（三）项.
			for {
				rest := para[end:]
				sepLen := len(rest) - len(strings.TrimLeft(rest, "、，,及和与或 "))
				if sepLen == 0 || sepLen > 6 {
					break
				}
				m := subRe.FindStringSubmatchIndex(rest[sepLen:])
				if m == nil {
					break
				}
				add(withQuote(s, para, end))
				sub := s
				if m[2] >= 0 {
					sub.Para = mustNum(rest[sepLen+m[2] : sepLen+m[3]])
				}
				sub.Item = 0
				if m[4] >= 0 {
					sub.Item = mustNum(rest[sepLen+m[4] : sepLen+m[5]])
				} else if m[6] >= 0 {
					sub.Item = mustNum(rest[sepLen+m[6] : sepLen+m[7]])
				}
				s = sub
				end += sepLen + m[1]
			}
			s = withQuote(s, para, end)
			add(s)
			prev = &s
			chain, chainEnd = law, end
		}
		_ = prev
	}
	return out
}

func withQuote(s Statute, para string, end int) Statute {
	if m := quoteRe.FindStringSubmatch(para[end:]); m != nil {
		s.Quote = m[1]
	}
	return s
}

func num(s string, m []int, i int) int {
	if m[i] < 0 {
		return 0
	}
	return mustNum(s[m[i]:m[i+1]])
}

func mustNum(s string) int {
	n, _ := numeral.Parse(s)
	return int(n)
}

func hasSuffixAny(s string, list []string) bool {
	for _, x := range list {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// DocNumber is a 文号: the number of an administrative document,
// 某公（治）行罚决字〔2025〕123号, 某市监处罚〔2025〕45号.
type DocNumber struct {
	// Text is the number as written, spaces removed.
	Text string `json:"text"`
	Org  string `json:"org"`
	Year int    `json:"year"`
	Seq  int    `json:"seq"`
	// Title is the document's name when it follows the number
	// (…号《行政处罚决定书》, …号行政处罚决定).
	Title string `json:"title,omitempty"`
}

// Key folds the writings of one 文号 (brackets, 第, spaces) into one.
func (d DocNumber) Key() string { return fmt.Sprintf("%s〔%d〕%d", d.Org, d.Year, d.Seq) }

var (
	docRe = regexp.MustCompile(`((?:\p{Han}|[（(]\p{Han}{1,4}[）)]){2,24})\s*[〔\[［【(（]\s*((?:19|20)\d{2})\s*[〕\]］】)）]\s*第?\s*(\d{1,6})\s*号`)
	// docTitleRe reads the document's name after its number.
	docTitleRe = regexp.MustCompile(`^\s*《?([^，。；、《》\s]{2,24}?(?:决定书|决定|通知书|通知|答复书|答复|批复|意见书|意见|告知书|认定书|裁决书|证))》?`)
)

// orgBreakers end the words before an organ's code: in 被告于2025年作出的
// 某市监处罚〔2025〕45号 the code is what follows the last of them.
var orgBreakers = []string{"撤销", "维持", "确认", "变更", "送达", "收到", "签收", "不服", "制作", "作出的", "作出", "出具的", "印发的", "下发的", "的", "于", "依据", "根据", "按照", "依照", "即", "及", "和", "与", "、", "为", "是", "经", "对", "以", "号", "了", "被诉", "原", "该", "即", "其诉", "审理", "请求", "指令"}

// FindDocNumbers returns the 文号 written in text, each once, in order.
func FindDocNumbers(text string) []DocNumber {
	var out []DocNumber
	seen := map[string]bool{}
	for _, p := range placedDocNumbers(text) {
		if !seen[p.Key()] {
			seen[p.Key()] = true
			out = append(out, p.DocNumber)
		}
	}
	return out
}

// placedDocNumber is one writing of a 文号 and where it stands in the text
// it was read from.
type placedDocNumber struct {
	DocNumber
	start, end int
}

// placedDocNumbers returns every writing of a 文号 in text, in order, with
// where each stands.
func placedDocNumbers(text string) []placedDocNumber {
	var out []placedDocNumber
	for _, m := range docRe.FindAllStringSubmatchIndex(text, -1) {
		org := text[m[2]:m[3]]
		for _, b := range orgBreakers {
			if i := strings.LastIndex(org, b); i >= 0 {
				org = org[i+len(b):]
			}
		}
		org = strings.TrimLeft(org, "（(）)")
		// 2025年7月2日撤销…: the date's 日 is not the organ's.
		if start := m[3] - len(org); start > 0 && text[start-1] >= '0' && text[start-1] <= '9' {
			org = strings.TrimLeft(org, "年月日号")
		}
		// 龙泉县生态环境局龙环罚〔2023〕11号: the organ's name before its code.
		for _, w := range []string{"局", "政府", "委员会", "办公室"} {
			if i := strings.LastIndex(org, w); i >= 0 && utf8.RuneCountInString(org[i+len(w):]) >= 2 {
				org = org[i+len(w):]
			}
		}
		if utf8.RuneCountInString(org) < 2 || strings.HasSuffix(org, "法院") {
			continue
		}
		d := DocNumber{Org: org, Year: mustNum(text[m[4]:m[5]]), Seq: mustNum(text[m[6]:m[7]])}
		d.Text = strings.Join(strings.Fields(org+text[m[3]:m[1]]), "")
		if t := docTitleRe.FindStringSubmatch(text[m[1]:]); t != nil {
			d.Title = t[1]
		}
		out = append(out, placedDocNumber{d, m[3] - len(org), m[1]})
	}
	return out
}

// Date is a calendar date as written; Month or Day is 0 when the text
// does not give it (2025年3月, 3月5日 with the year unsaid).
type Date struct {
	Year, Month, Day int
}

func (d Date) String() string {
	switch {
	case d.Year > 0 && d.Day > 0:
		return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day)
	case d.Year > 0:
		return fmt.Sprintf("%d年%d月", d.Year, d.Month)
	}
	return fmt.Sprintf("%d月%d日", d.Month, d.Day)
}

// Matches reports whether a date written in a draft (d) is backed by a
// source date: the same day, or the same month when d gives no day, or
// the same month and day when d gives no year.
func (d Date) Matches(src Date) bool {
	switch {
	case d.Year > 0 && src.Year > 0 && d.Year != src.Year:
		return false
	case d.Year == 0 && src.Year == 0:
		return d.Month == src.Month && d.Day == src.Day
	case d.Month != src.Month:
		return false
	case d.Day == 0:
		return true
	}
	return d.Day == src.Day
}

const cnDigits = `[〇○零一二三四五六七八九]`

var (
	dateRe   = regexp.MustCompile(`((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?`)
	cnDateRe = regexp.MustCompile(`(` + cnDigits + `{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月(?:\s*([一二三四五六七八九十]{1,3})\s*日)?`)
	isoRe    = regexp.MustCompile(`\b((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})\b`)
	// mdRe is a month and day with the year unsaid: 同年7月13日, 3月5日.
	mdRe = regexp.MustCompile(`(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
)

// FindDates returns the dates in text, each once, in order; with partial
// set, month-day dates with no year (3月5日) are returned too.
func FindDates(text string, partial bool) []Date {
	type hit struct {
		at int
		d  Date
	}
	var hits []hit
	covered := func(at int) bool {
		for _, h := range hits {
			if h.at == at {
				return true
			}
		}
		return false
	}
	var spans [][2]int
	for _, m := range dateRe.FindAllStringSubmatchIndex(text, -1) {
		d := Date{Year: mustNum(text[m[2]:m[3]]), Month: mustNum(text[m[4]:m[5]])}
		if m[6] >= 0 {
			d.Day = mustNum(text[m[6]:m[7]])
		}
		hits = append(hits, hit{m[0], d})
		spans = append(spans, [2]int{m[0], m[1]})
	}
	for _, m := range cnDateRe.FindAllStringSubmatchIndex(text, -1) {
		d := Date{Year: mustNum(text[m[2]:m[3]]), Month: mustNum(text[m[4]:m[5]])}
		if m[6] >= 0 {
			d.Day = mustNum(text[m[6]:m[7]])
		}
		hits = append(hits, hit{m[0], d})
	}
	for _, m := range isoRe.FindAllStringSubmatchIndex(text, -1) {
		hits = append(hits, hit{m[0], Date{mustNum(text[m[2]:m[3]]), mustNum(text[m[4]:m[5]]), mustNum(text[m[6]:m[7]])}})
	}
	if partial {
	md:
		for _, m := range mdRe.FindAllStringSubmatchIndex(text, -1) {
			for _, sp := range spans {
				if m[0] >= sp[0] && m[1] <= sp[1] {
					continue md
				}
			}
			if !covered(m[0]) {
				hits = append(hits, hit{m[0], Date{Month: mustNum(text[m[2]:m[3]]), Day: mustNum(text[m[4]:m[5]])}})
			}
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].at < hits[j].at })
	var out []Date
	seen := map[Date]bool{}
	for _, h := range hits {
		if h.d.Month < 1 || h.d.Month > 12 || h.d.Day > 31 || seen[h.d] {
			continue
		}
		seen[h.d] = true
		out = append(out, h.d)
	}
	return out
}
