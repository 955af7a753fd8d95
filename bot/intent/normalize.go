package intent

import (
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"casebot/bot/numeral"
)

// traditional maps the traditional characters that turn up in messages
// typed with a traditional-character input method onto simplified ones.
var traditional = strings.NewReplacer(
	"開", "开", "號", "号", "幫", "帮", "詢", "询", "審", "审", "結", "结", "訴", "诉", "週", "周",
	"個", "个", "單", "单", "務", "务", "這", "这", "說", "说", "們", "们", "麼", "么", "嗎", "吗",
	"請", "请", "査", "查", "敗", "败", "幾", "几", "數", "数", "統", "统", "計", "计", "會", "会",
	"場", "场", "監", "监", "區", "区", "縣", "县", "時", "时", "間", "间", "點", "点", "後", "后",
	"內", "内", "與", "与", "張", "张", "劉", "刘", "陳", "陈", "楊", "杨", "趙", "赵", "吳", "吴",
	"孫", "孙", "馬", "马", "鄭", "郑", "謝", "谢", "羅", "罗", "黃", "黄", "書", "书", "問", "问",
	"處", "处", "長", "长", "辦", "办", "證", "证", "記", "记", "錄", "录", "員", "员", "見", "见",
	"應", "应", "當", "当", "總", "总", "體", "体", "礙", "碍", "歷", "历", "曆", "历", "變", "变",
	"禮", "礼", "聽", "听", "裡", "里", "為", "为", "麵", "面", "協", "协", "議", "议",
	"復", "复", "讓", "让", "雙", "双", "灣", "湾",
)

// typos maps misspellings that pinyin input produces (a homophone picked by
// mistake) onto the word meant.
var typos = strings.NewReplacer(
	"开廷", "开庭", "开亭", "开庭", "开停", "开庭", "开挺", "开庭",
	"结按", "结案", "节案", "结案", "接案", "结案",
	"败述", "败诉", "拜诉", "败诉", "败塑", "败诉",
	"查寻", "查询", "察询", "查询", "差询", "查询",
	"帮组", "帮助", "帮住", "帮助", "帮主", "帮助",
	"案建", "案件", "案见", "案件", "按件", "案件",
	"原搞", "原告", "被搞", "被告",
	"下一业", "下一页", "跟多", "更多", "梗多", "更多", "更都", "更多",
	"出廷", "出庭", "出亭", "出庭",
	"星其", "星期", "行出", "行初",
	"判绝", "判决", "判觉", "判决", "复意", "复议", "复义", "复议", "案子号", "案号", "通保", "通报",
	"败诉律", "败诉率",
	"答辨", "答辩", "答便", "答辩", "达辩", "答辩", "举症", "举证", "举正", "举证",
	// 亭 and 听 for 庭 where a hearing is meant (几个亭, 有亭吗, 开听了吗);
	// 开听证 is a hearing of its own and stays (comparisons run in argument
	// order, so it is kept before 开听 is read).
	"开听证", "开听证", "开听", "开庭", "个亭", "个庭", "有亭", "有庭", "的亭", "的庭", "亭审", "庭审",
	"的廷", "的庭", "个廷", "个庭", "有廷", "有庭", "廷审", "庭审", "出挺", "出庭",
	"场听证", "场听证", "场听", "场庭", "按子", "案子", "案字", "案子",
	"负责任是", "负责人是", "出庭负责任", "出庭负责人", "出庭绿", "出庭率", "败诉绿", "败诉率", "纠错绿", "纠错率",
	"节了没", "结了没", "节了吗", "结了吗",
	"盘了没", "判了没", "盘下来", "判下来", "负则人", "负责人", "负债人", "负责人", "复仪", "复议", "复以", "复议", "期现", "期限", "期显", "期限",
	"承半人", "承办人", "撤述", "撤诉", "撤素", "撤诉",
	"上诉期现", "上诉期限", "身分证明", "身份证明", "复议答付", "复议答复", "纠措", "纠错", "整该", "整改",
	// 上述 (the above) for 上诉 (appeal) where only an appeal fits: a
	// period after it, or a whether-to before it. 上述案件 stays.
	"上述期", "上诉期", "要不要上述", "要不要上诉", "是否上述", "是否上诉", "上不上述", "上不上诉",
	"准备上述", "准备上诉", "打算上述", "打算上诉", "会不会上述", "会不会上诉", "上述了没", "上诉了没", "上述了吗", "上诉了吗",
	"提起上述", "提起上诉", "对方上述", "对方上诉", "已经上述", "已经上诉",
	// 截至 (as of) for 截止 (the last day) where a day is asked: 答辩几号截至.
	// 截至目前 stays.
	"几号截至", "几号截止", "哪天截至", "哪天截止", "什么时候截至", "什么时候截止", "啥时候截至", "啥时候截止",
	"截至日期", "截止日期", "截至到哪天", "截止到哪天",
)

// colloquial spells out the spoken compounds of a day and a time of day
// (明早 is 明天早上) and splits 一下 from a period word it runs into (拉一下
// 下周的庭 asks for 下周, not 下下周).
var colloquial = strings.NewReplacer(
	"明早", "明天早上", "今早", "今天早上", "明晚", "明天晚上", "今晚", "今天晚上", "昨晚", "昨天晚上",
	"明儿个", "明天", "今儿个", "今天", "明个", "明天",
	"一下下周", "一下 下周", "一下下个月", "一下 下个月", "一下下月", "一下 下月",
	// southwestern speech: 没得/莫得 are 没有, 好多 asks 多少, 前回/下回 are
	// 上次/下次. Spelled out here so every rule reads one form and none of
	// them is left over as a filter word (今天有没得庭 is 今天有没有庭).
	"没得", "没有", "莫得", "没有", "好多", "多少", "前回", "上次", "上回", "上次", "下回", "下次",
	// 这个月到今天为止 is this month so far: read as 本月截至目前, which the
	// period rules take as the month (the bound alone made it the year).
	"这个月到今天为止", "本月截至目前", "这个月到现在为止", "本月截至目前", "这个月到目前为止", "本月截至目前", "本月到今天为止", "本月截至目前",
	"本月到现在为止", "本月截至目前", "本月到目前为止", "本月截至目前", "这个月到今天", "本月截至目前", "这个月到现在", "本月截至目前",
	"今年到今天为止", "今年截至目前", "今年到现在为止", "今年截至目前", "今年到目前为止", "今年截至目前",
)

// Normalize folds the writing of a message so the patterns below see one
// form: full-width letters, digits and punctuation become half-width, the
// ideographic space a space, traditional characters simplified, common
// typos fixed, spoken compounds spelled out (colloquial), runs of spaces
// collapsed, and symbols (emoji) dropped.
func Normalize(s string) string {
	// Every route reads the same message again, Normalize first: the last
	// folding is kept, so the second and later reads of one message cost a
	// comparison. Concurrent messages only overwrite each other's entry.
	if last := lastNormal.Load(); last != nil && last.in == s {
		return last.out
	}
	out := normalize(s)
	lastNormal.Store(&normalPair{s, out})
	return out
}

// normalPair is one folding Normalize made.
type normalPair struct{ in, out string }

var lastNormal atomic.Pointer[normalPair]

func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= '！' && r <= '～':
			r -= 0xFEE0
		case r == '\u3000' || r == '\u00a0' || r == '\t' || r == '\n' || r == '\r':
			r = ' '
		case r == '\u200b' || r == '\ufeff':
			continue
		case unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || (r >= 0x1F000 && r <= 0x1FAFF):
			continue
		}
		b.WriteRune(r)
	}
	out := whoMustGo(oldNumberYear(undecidedHeard(paperArrived(recordTypes(colloquial.Replace(typos.Replace(traditional.Replace(b.String()))))))))
	return strings.Join(strings.Fields(out), " ")
}

// paperArrivedRe is a court paper asked to have arrived (判决书到了没有,
// 裁定书下来了没): its receipt. Read by its verb, 到了没有 asked whether the head came to
// the hearing.
var paperArrivedRe = mustCompile(`(判决书|裁定书|决定书|复议决定书|文书|传票)(?:已经|都)?(?:到了|来了|下来了|出来了|寄到了|送到了|送来了)(没有|没|吗|么)`)

// paperArrived spells a paper's arrival asked as its receipt asked:
// 判决书收到没有 (收到了没有 would still hold 到了没有). Told (判决书下来了),
// the report rules read it as it is.
func paperArrived(s string) string {
	if !strings.ContainsAny(s, "书票") {
		return s
	}
	return paperArrivedRe.ReplaceAllString(s, "${1}收到${2}")
}

// recordPhrases name a kind of record by who made it rather than by its
// name: 检察院那边有建议没 is a 检察建议, 法院给的建议 a 司法建议, 复议那边的
// 答复 a 复议答复. Each is rewritten to the record's name, keeping a 有 that
// asks whether there is one, so the rest of the rules read one word. A
// 法院 with no 有 or verb of giving before 建议 is left alone.
var recordPhrases = []struct {
	re   *pattern
	name string
}{
	{mustCompile(`(?:人民)?检察院` + recordGiven + `(?:那个|这个|那份|这份|那条|那一份)?建议(?:书|函)?`), "检察建议"},
	{mustCompile(`(?:人民)?法院` + recordGiven + `(?:那个|这个|那份|这份|那条|那一份)?建议(?:书|函)?`), "司法建议"},
	{mustCompile(`复议(?:那边|那儿|那里|方面|这边)?的答复`), "复议答复"},
}

// recordGiven is what stands between the body and 建议 in recordPhrases: a
// 有 (captured) or a verb of giving, at least one of them, so that a bare
// 检察院的建议 (which earlier answers read as the whole ledger's) is left
// as it was.
const recordGiven = `(?:那边|那儿|那里|方面|这边)?(?:给(?:我们|我局|本单位|咱们|我)|对我们|向我们)?(?:(有没有|有)(?:给|发来|发过来|发|提出|提|出具|出|下)?|(?:给|发来|发过来|发|提出|提|出具|出|下))(?:了|过|的|来的)*(?:什么|啥子|啥|哪些|没有|没)?(?:的)?`

// whoMustGoRe asks whether someone named must go with the name inside the
// question (要不要何县去, 需不需要吴局出庭, 用不用李文到庭): written as the
// question the rules read, the name first (何县要不要去).
var whoMustGoRe = mustCompile(`(要不要|需不需要|用不用|需要|必须|得不得)(\p{Han}{1,4}?)(去|出庭|到庭|参加)`)

// whoMustGo rewrites whoMustGoRe's questions, the name before the ask.
func whoMustGo(s string) string {
	if !strings.Contains(s, "要") && !strings.Contains(s, "用") && !strings.Contains(s, "须") && !strings.Contains(s, "得") {
		return s
	}
	return whoMustGoRe.ReplaceAllStringFunc(s, func(m string) string {
		sm := whoMustGoRe.FindStringSubmatch(m)
		if strings.ContainsAny(sm[2], "我你他她们也都还再") {
			return m // 要不要我去, 需要他们去: a person word the rules read where it stands
		}
		ask := sm[1]
		if ask == "需要" || ask == "必须" {
			return sm[2] + ask + sm[3]
		}
		return sm[2] + "要不要去"
	})
}

// recordTypes rewrites the phrases of recordPhrases.
func recordTypes(s string) string {
	if !strings.Contains(s, "建议") && !strings.Contains(s, "答复") {
		return s
	}
	for _, p := range recordPhrases {
		s = p.re.ReplaceAllStringFunc(s, func(m string) string {
			if sm := p.re.FindStringSubmatch(m); len(sm) > 1 && sm[1] != "" {
				return "有" + p.name
			}
			return p.name
		})
	}
	return s
}

// cnDigits are the Chinese numerals used in dates and times.
var cnDigits = map[rune]int{'〇': 0, '零': 0, '幺': 1, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// cnNumber reads a Chinese numeral up to 99 (十二, 二十三, 三十一, 十, 幺) of at
// most three characters and reports whether s was one.
func cnNumber(s string) (int, bool) {
	if utf8.RuneCountInString(s) > 3 {
		return 0, false
	}
	n, ok := numeral.Parse(s)
	return int(n), ok && n <= 99
}
