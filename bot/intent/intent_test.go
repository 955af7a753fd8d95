package intent

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var shanghai = func() *time.Location { l, _ := time.LoadLocation("Asia/Shanghai"); return l }()

// now is Wednesday 26 November 2025, 10:00 in Shanghai.
var opts = Options{Now: time.Date(2025, 11, 26, 10, 0, 0, 0, shanghai), Courts: []string{"黔0115"}}

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, shanghai)
	if err != nil {
		panic(err)
	}
	return t
}

// per is the period [from, to) (dates) with its label.
func per(label, from, to string) Period {
	return Period{From: at(from + " 00:00"), To: at(to + " 00:00"), Label: label}
}

var cmpTime = cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })

// TestParse is the table of what users write: numbers in every writing,
// short forms, parties, agencies, 我的, hearing days and weeks, counts,
// help, paging, thanks, typos, full-width and traditional characters.
// Every one of these is also not an update (no command word with a case
// number and a change), so routing leaves it to the query handler.
func TestParse(t *testing.T) {
	tests := []struct {
		text string
		want Intent
	}{
		{"(2025)黔0115行初123号", Intent{Kind: Lookup, Numbers: []string{"(2025)黔0115行初123号"}}},
		{"（2025）黔0115行初123号", Intent{Kind: Lookup, Numbers: []string{"(2025)黔0115行初123号"}}},
		{"请问（２０２５）黔０１１５行初１２３号现在到哪一步了？", Intent{Kind: Lookup, Numbers: []string{"(2025)黔0115行初123号"}}},
		{"2025黔0115行初123", Intent{Kind: Lookup, Numbers: []string{"(2025)黔0115行初123号"}, Short: "2025黔0115行初123"}},
		{"〔2025〕黔0115行初123号怎么样了", Intent{Kind: Lookup, Numbers: []string{"(2025)黔0115行初123号"}}},
		{"帮我查一下(2025)黔01行终45号和(2024)黔0115行初9号", Intent{Kind: Lookup, Numbers: []string{"(2025)黔01行终45号", "(2024)黔0115行初9号"}}},
		{"黔0115行初123号的开庭时间", Intent{Kind: Lookup, Numbers: []string{"(2025)黔0115行初123号"}, Short: "黔0115行初123号"}},
		{"(2025)黔0115行初123号开庭了吗", Intent{Kind: Lookup, Numbers: []string{"(2025)黔0115行初123号"}}},
		{"行初123", Intent{Kind: Lookup, Numbers: []string{"(2025)黔0115行初123号"}, Short: "行初123"}},
		{"行初123号什么情况", Intent{Kind: Lookup, Numbers: []string{"(2025)黔0115行初123号"}, Short: "行初123号"}},
		{"查行初123", Intent{Kind: Lookup, Numbers: []string{"(2025)黔0115行初123号"}, Short: "行初123"}},
		{"25行初123", Intent{Kind: Lookup, Numbers: []string{"(2025)黔0115行初123号"}, Short: "25行初123"}},
		{"2024行初7号", Intent{Kind: Lookup, Numbers: []string{"(2024)黔0115行初7号"}, Short: "2024行初7号"}},
		{"黔0102行初5号", Intent{Kind: Lookup, Numbers: []string{"(2025)黔0102行初5号"}, Short: "黔0102行初5号"}},
		{"行出123", Intent{Kind: Lookup, Numbers: []string{"(2025)黔0115行初123号"}, Short: "行初123"}},
		{"查 张三", Intent{Kind: Party, Name: "张三", Alt: "查张三"}},
		{"原告 张三", Intent{Kind: Party, Name: "张三"}},
		{"查一下张三的案件", Intent{Kind: Party, Name: "张三", Alt: "查张三"}},
		{"张三的案子", Intent{Kind: Party, Name: "张三"}},
		{"张三诉市场监管局", Intent{Kind: Party, Name: "张三", Agency: "市场监管局"}},
		{"查某某科技有限公司", Intent{Kind: Party, Name: "某某科技有限公司", Alt: "查某某科技有限公司"}},
		{"原告：贵州某某建设工程有限公司", Intent{Kind: Party, Name: "贵州某某建设工程有限公司"}},
		{"查海生", Intent{Kind: Party, Name: "海生", Alt: "查海生"}},
		{"李有才", Intent{Kind: Party, Name: "李有才"}},
		{"市场监管局的案件", Intent{Kind: Agency, Name: "市场监管局"}},
		{"某县自然资源局有哪些案件", Intent{Kind: Agency, Name: "某县自然资源局"}},
		{"被告 公安局", Intent{Kind: Agency, Name: "公安局"}},
		{"我的案件", Intent{Kind: Mine, Mine: true}},
		{"我们单位的案子", Intent{Kind: Mine, Mine: true}},
		{"我局有什么案件", Intent{Kind: Mine, Mine: true}},
		{"今天开庭", Intent{Kind: Hearings, Period: per("今天，11月26日（周三）", "2025-11-26", "2025-11-27")}},
		{"今天有庭吗", Intent{Kind: Hearings, Period: per("今天，11月26日（周三）", "2025-11-26", "2025-11-27")}},
		{"明天开庭", Intent{Kind: Hearings, Period: per("明天，11月27日（周四）", "2025-11-27", "2025-11-28")}},
		{"明天有什么庭", Intent{Kind: Hearings, Period: per("明天，11月27日（周四）", "2025-11-27", "2025-11-28")}},
		{"本周开庭", Intent{Kind: Hearings, Period: per("本周（11月24日—11月30日）", "2025-11-24", "2025-12-01")}},
		{"这周开庭安排", Intent{Kind: Hearings, Period: per("本周（11月24日—11月30日）", "2025-11-24", "2025-12-01")}},
		{"下周开庭", Intent{Kind: Hearings, Period: per("下周（12月1日—12月7日）", "2025-12-01", "2025-12-08")}},
		{"下周三开庭", Intent{Kind: Hearings, Period: per("12月3日（周三）", "2025-12-03", "2025-12-04")}},
		{"12月3日开庭", Intent{Kind: Hearings, Period: per("12月3日（周三）", "2025-12-03", "2025-12-04")}},
		{"十二月三日开庭", Intent{Kind: Hearings, Period: per("12月3日（周三）", "2025-12-03", "2025-12-04")}},
		{"12/3开庭", Intent{Kind: Hearings, Period: per("12月3日（周三）", "2025-12-03", "2025-12-04")}},
		{"开庭安排", Intent{Kind: Hearings, Period: per("近 7 天（11月26日—12月2日）", "2025-11-26", "2025-12-03")}},
		{"开廷", Intent{Kind: Hearings, Period: per("近 7 天（11月26日—12月2日）", "2025-11-26", "2025-12-03")}},
		{"市场监管局本周开庭", Intent{Kind: Hearings, Agency: "市场监管局", Period: per("本周（11月24日—11月30日）", "2025-11-24", "2025-12-01")}},
		{"张三什么时候开庭", Intent{Kind: Hearings, Name: "张三", Period: per("近 7 天（11月26日—12月2日）", "2025-11-26", "2025-12-03")}},
		{"本月败诉", Intent{Kind: Count, Metric: Lost, Period: per("2025年11月", "2025-11-01", "2025-12-01")}},
		{"本月败诉案件有哪些", Intent{Kind: Count, Metric: Lost, Period: per("2025年11月", "2025-11-01", "2025-12-01")}},
		{"今年结案", Intent{Kind: Count, Metric: Closed, Period: per("2025年", "2025-01-01", "2026-01-01")}},
		{"今年结按多少件", Intent{Kind: Count, Metric: Closed, Period: per("2025年", "2025-01-01", "2026-01-01")}},
		{"上个月结案", Intent{Kind: Count, Metric: Closed, Period: per("2025年10月", "2025-10-01", "2025-11-01")}},
		{"10月份败诉", Intent{Kind: Count, Metric: Lost, Period: per("2025年10月", "2025-10-01", "2025-11-01")}},
		{"今年立案", Intent{Kind: Count, Metric: Filed, Period: per("2025年", "2025-01-01", "2026-01-01")}},
		{"本月新收案件", Intent{Kind: Count, Metric: Filed, Period: per("2025年11月", "2025-11-01", "2025-12-01")}},
		{"未结案件", Intent{Kind: Count, Metric: Open}},
		{"我们单位今年败诉", Intent{Kind: Count, Mine: true, Metric: Lost, Period: per("2025年", "2025-01-01", "2026-01-01")}},
		{"市场监管局今年败诉", Intent{Kind: Count, Agency: "市场监管局", Metric: Lost, Period: per("2025年", "2025-01-01", "2026-01-01")}},
		{"今年纠错", Intent{Kind: Count, Metric: Corrected, Period: per("2025年", "2025-01-01", "2026-01-01")}},
		{"2025年第三季度结案", Intent{Kind: Count, Metric: Closed, Period: per("2025年第3季度", "2025-07-01", "2025-10-01")}},
		{"1-10月败诉", Intent{Kind: Count, Metric: Lost, Period: per("2025年1—10月", "2025-01-01", "2025-11-01")}},
		{"去年败诉", Intent{Kind: Count, Metric: Lost, Period: per("2024年", "2024-01-01", "2025-01-01")}},
		{"近30天结案", Intent{Kind: Count, Metric: Closed, Period: per("近 30 天（10月28日—11月26日）", "2025-10-28", "2025-11-27")}},
		{"帮助", Intent{Kind: Help}},
		{"帮组", Intent{Kind: Help}},
		{"怎么用", Intent{Kind: Help}},
		{"你好", Intent{Kind: Help}},
		{"help", Intent{Kind: Help}},
		{"？", Intent{Kind: Help}},
		{"更多", Intent{Kind: More}},
		{"下一页", Intent{Kind: More}},
		{"跟多", Intent{Kind: More}},
		{"谢谢", Intent{Kind: Thanks}},
		{"好的", Intent{Kind: Thanks}},
		{"收到", Intent{Kind: Thanks}},
		{"辛苦了", Intent{Kind: Thanks}},
		{"本月的案件", Intent{Kind: Count, Metric: Filed, Period: per("2025年11月", "2025-11-01", "2025-12-01")}},
		{"開庭", Intent{Kind: Hearings, Period: per("近 7 天（11月26日—12月2日）", "2025-11-26", "2025-12-03")}},
		{"本週開庭", Intent{Kind: Hearings, Period: per("本周（11月24日—11月30日）", "2025-11-24", "2025-12-01")}},
		{"今天開庭", Intent{Kind: Hearings, Period: per("今天，11月26日（周三）", "2025-11-26", "2025-11-27")}},
		{"查詢 張三", Intent{Kind: Party, Name: "张三", Alt: "查张三"}},
		{"开庭 (2025)黔0115行初123号", Intent{Kind: Lookup, Numbers: []string{"(2025)黔0115行初123号"}}},
		{"结案 (2025)黔0115行初123号", Intent{Kind: Lookup, Numbers: []string{"(2025)黔0115行初123号"}}},
		{"结案情况 (2025)黔0115行初123号", Intent{Kind: Lookup, Numbers: []string{"(2025)黔0115行初123号"}}},
		{"请帮我查询一下张三诉某县人民政府的案子", Intent{Kind: Party, Name: "张三", Agency: "某县人民政府"}},
		{"原告张三的案件进展", Intent{Kind: Party, Name: "张三"}},
		{"市场监管局下周开庭", Intent{Kind: Hearings, Agency: "市场监管局", Period: per("下周（12月1日—12月7日）", "2025-12-01", "2025-12-08")}},
		{"明天开庭的有哪些", Intent{Kind: Hearings, Period: per("明天，11月27日（周四）", "2025-11-27", "2025-11-28")}},
		{"我们单位本周开庭", Intent{Kind: Hearings, Mine: true, Period: per("本周（11月24日—11月30日）", "2025-11-24", "2025-12-01")}},
		{"下下周开庭", Intent{Kind: Hearings, Period: per("下下周（12月8日—12月14日）", "2025-12-08", "2025-12-15")}},
		{"十二月份结案", Intent{Kind: Count, Metric: Closed, Period: per("2024年12月", "2024-12-01", "2025-01-01")}},
		{"结案情况 行初123", Intent{Kind: Lookup, Numbers: []string{"(2025)黔0115行初123号"}, Short: "行初123"}},
		{"查寻张三", Intent{Kind: Party, Name: "张三", Alt: "查张三"}},
		{"下周开亭", Intent{Kind: Hearings, Period: per("下周（12月1日—12月7日）", "2025-12-01", "2025-12-08")}},
		{"本月拜诉", Intent{Kind: Count, Metric: Lost, Period: per("2025年11月", "2025-11-01", "2025-12-01")}},
		{"今天有几个庭", Intent{Kind: Hearings, Period: per("今天，11月26日（周三）", "2025-11-26", "2025-11-27")}},
		{"今年结了几件", Intent{Kind: Count, Metric: Closed, Period: per("2025年", "2025-01-01", "2026-01-01")}},
		{"市监局本月败诉", Intent{Kind: Count, Agency: "市监局", Metric: Lost, Period: per("2025年11月", "2025-11-01", "2025-12-01")}},
		{"人社局的案子", Intent{Kind: Agency, Name: "人社局"}},
		{"周三的开庭", Intent{Kind: Hearings, Period: per("今天，11月26日（周三）", "2025-11-26", "2025-11-27")}},
		{"帮我看看王小明的案子进度", Intent{Kind: Party, Name: "王小明"}},
		{"12月份开庭", Intent{Kind: Hearings, Period: per("2025年12月", "2025-12-01", "2026-01-01")}},
		{"原告是李四的案件", Intent{Kind: Party, Name: "李四"}},
		{"这个月立案多少件", Intent{Kind: Count, Metric: Filed, Period: per("2025年11月", "2025-11-01", "2025-12-01")}},
		{"(2025)黔0115行初123号的承办人是谁", Intent{Kind: Lookup, Numbers: []string{"(2025)黔0115行初123号"}}},
	}
	if len(tests) < 60 {
		t.Fatalf("the table holds %d messages; keep at least 60", len(tests))
	}
	for _, tt := range tests {
		got := Parse(tt.text, opts)
		if diff := cmp.Diff(tt.want, got, cmpTime); diff != "" {
			t.Errorf("Parse(%q) (-want,+got):\n%s", tt.text, diff)
		}
		if u, ok, err := ParseUpdate(tt.text, opts); ok {
			t.Errorf("ParseUpdate(%q) = %+v, %v; it is a question, not an update", tt.text, u, err)
		}
	}
}

var yes, no = true, false

// TestParseUpdate is the table of chat updates: a command word, a case
// number in any writing (or short), and the change; errHas is a part of
// the user-facing error for an update that cannot be read.
func TestParseUpdate(t *testing.T) {
	tests := []struct {
		text   string
		want   Update
		errHas string
	}{
		{"开庭 (2025)黔0115行初123号 2025-12-03 09:30 第三法庭", Update{Kind: SetHearing, Numbers: []string{"(2025)黔0115行初123号"}, At: at("2025-12-03 09:30"), Place: "第三法庭"}, ""},
		{"开庭 （２０２５）黔０１１５行初１２３号 １２月３日 上午９点半 第三法庭", Update{Kind: SetHearing, Numbers: []string{"(2025)黔0115行初123号"}, At: at("2025-12-03 09:30"), Place: "第三法庭"}, ""},
		{"请 开庭 行初123 明天 14:00 第一法庭", Update{Kind: SetHearing, Numbers: []string{"(2025)黔0115行初123号"}, Short: "行初123", At: at("2025-11-27 14:00"), Place: "第一法庭"}, ""},
		{"改期 (2025)黔0115行初123号 12月5日 下午3点", Update{Kind: MoveHearing, Numbers: []string{"(2025)黔0115行初123号"}, At: at("2025-12-05 15:00")}, ""},
		{"改期 (2025)黔0115行初123号 改为12月5日 9:00", Update{Kind: MoveHearing, Numbers: []string{"(2025)黔0115行初123号"}, At: at("2025-12-05 09:00")}, ""},
		{"增加开庭 (2025)黔0115行初123号 12月10日 14:30 第一法庭", Update{Kind: AddHearing, Numbers: []string{"(2025)黔0115行初123号"}, At: at("2025-12-10 14:30"), Place: "第一法庭"}, ""},
		{"开庭 (2025)黔0115行初123号 2025-12-03", Update{Kind: SetHearing, Numbers: []string{"(2025)黔0115行初123号"}}, "请写明开庭的具体时间（如 09:30 或 上午9点半）。例如：开庭 (2025)黔0115行初123号 2025-12-03 09:30 第三法庭"},
		{"结案 (2025)黔0115行初123号 2025-11-20 判决驳回诉讼请求", Update{Kind: CloseCase, Numbers: []string{"(2025)黔0115行初123号"}, At: at("2025-11-20 00:00"), Method: "判决驳回诉讼请求"}, ""},
		{"结案 (2025)黔0115行初123号 判决撤销 行政程序违法", Update{Kind: CloseCase, Numbers: []string{"(2025)黔0115行初123号"}, At: at("2025-11-26 00:00"), Method: "判决撤销", Reason: "行政程序违法"}, ""},
		{"结案 (2025)黔0115行初123号 撤诉", Update{Kind: CloseCase, Numbers: []string{"(2025)黔0115行初123号"}, At: at("2025-11-26 00:00"), Method: "撤诉"}, ""},
		{"出庭 (2025)黔0115行初123号 是", Update{Kind: Appearance, Numbers: []string{"(2025)黔0115行初123号"}, Appeared: &yes}, ""},
		{"出庭 (2025)黔0115行初123号 否", Update{Kind: Appearance, Numbers: []string{"(2025)黔0115行初123号"}, Appeared: &no}, ""},
		{"出庭 (2025)黔0115行初123号 11月20日 已出庭", Update{Kind: Appearance, Numbers: []string{"(2025)黔0115行初123号"}, At: at("2025-11-20 00:00"), Appeared: &yes}, ""},
		{"负责人出庭 (2025)黔0115行初123号 未出庭", Update{Kind: Appearance, Numbers: []string{"(2025)黔0115行初123号"}, Appeared: &no}, ""},
		{"出庭 (2025)黔0115行初123号 不知道", Update{Kind: Appearance, Numbers: []string{"(2025)黔0115行初123号"}}, "请写明负责人是否出庭（是 或 否）。例如：出庭 (2025)黔0115行初123号 是"},
		{"开庭 (2025)黔0115行初123号 (2025)黔0115行初124号 12月3日 9:00", Update{Kind: SetHearing}, "一次只能修改一个案件，请分开发送"},
		{"开庭 行初123 12月3日 下午两点半 第二法庭", Update{Kind: SetHearing, Numbers: []string{"(2025)黔0115行初123号"}, Short: "行初123", At: at("2025-12-03 14:30"), Place: "第二法庭"}, ""},
		{"结案 行初123 2025年11月20日 调解", Update{Kind: CloseCase, Numbers: []string{"(2025)黔0115行初123号"}, Short: "行初123", At: at("2025-11-20 00:00"), Method: "调解"}, ""},
		{"开庭 (2025)黔0115行初123号 12月3日", Update{Kind: SetHearing, Numbers: []string{"(2025)黔0115行初123号"}}, "请写明开庭的具体时间（如 09:30 或 上午9点半）。例如：开庭 (2025)黔0115行初123号 2025-12-03 09:30 第三法庭"},
		{"延期 (2025)黔0115行初123号 下周三 9:30", Update{Kind: MoveHearing, Numbers: []string{"(2025)黔0115行初123号"}, At: at("2025-12-03 09:30")}, ""},
		{"开庭 (2025)黔0115行初123号 明天", Update{Kind: SetHearing, Numbers: []string{"(2025)黔0115行初123号"}}, "请写明开庭的具体时间"},
		{"开庭 (2025)黔0115行初123号 第三法庭", Update{Kind: SetHearing, Numbers: []string{"(2025)黔0115行初123号"}}, "没有看懂开庭日期"},
	}
	for _, tt := range tests {
		got, ok, err := ParseUpdate(tt.text, opts)
		if !ok {
			t.Errorf("ParseUpdate(%q) is not an update", tt.text)
			continue
		}
		switch {
		case tt.errHas == "" && err != nil:
			t.Errorf("ParseUpdate(%q) error %v", tt.text, err)
		case tt.errHas != "" && (err == nil || !strings.Contains(err.Error(), tt.errHas)):
			t.Errorf("ParseUpdate(%q) error %v, want one saying %q", tt.text, err, tt.errHas)
		}
		if tt.errHas != "" {
			continue
		}
		if diff := cmp.Diff(tt.want, got, cmpTime); diff != "" {
			t.Errorf("ParseUpdate(%q) (-want,+got):\n%s", tt.text, diff)
		}
	}
}

// TestShortNumberWithoutCourts: with no court configured a short number is
// still recognised, and left for the handler to ask for the full number.
func TestShortNumberWithoutCourts(t *testing.T) {
	o := opts
	o.Courts = nil
	got := Parse("行初123号什么情况", o)
	want := Intent{Kind: Lookup, Short: "行初123号"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want,+got):\n%s", diff)
	}
	// Several courts give several completions.
	o.Courts = []string{"黔0115", "黔0102"}
	got = Parse("行初123", o)
	want = Intent{Kind: Lookup, Short: "行初123", Numbers: []string{"(2025)黔0115行初123号", "(2025)黔0102行初123号"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want,+got):\n%s", diff)
	}
}

// TestSurnameIsNotAWeekday: 周 is a common surname, so 周四海 is a person,
// while 周四 on its own, or followed by what a date question says, is a day.
func TestSurnameIsNotAWeekday(t *testing.T) {
	tests := []struct {
		text string
		want Intent
	}{
		{"原告 周四海", Intent{Kind: Party, Name: "周四海"}},
		{"查周五常", Intent{Kind: Party, Name: "周五常", Alt: "查周五常"}},
		{"周四开庭", Intent{Kind: Hearings, Period: per("明天，11月27日（周四）", "2025-11-27", "2025-11-28")}},
		{"周五有庭吗", Intent{Kind: Hearings, Period: per("后天，11月28日（周五）", "2025-11-28", "2025-11-29")}},
		{"下周四海口的开庭", Intent{Kind: Hearings, Name: "海口", Period: per("12月4日（周四）", "2025-12-04", "2025-12-05")}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Parse(tt.text, opts), cmpTime); diff != "" {
			t.Errorf("Parse(%q) (-want,+got):\n%s", tt.text, diff)
		}
	}
}
