package intent

import (
	"slices"
	"strings"
	"testing"
	"time"
)

var shanghai = func() *time.Location { l, _ := time.LoadLocation("Asia/Shanghai"); return l }()

// now is Thursday 19 November 2026, 08:40 in Shanghai.
var now = time.Date(2026, 11, 19, 8, 40, 0, 0, shanghai)

// fakeLexicon knows a few of the ledger's names.
type fakeLexicon struct{}

var (
	lexAgencies = map[string][]string{"公安局": {"某县公安局"}, "某县公安局": {"某县公安局"}, "市监局": {"某县市场监督管理局"},
		"住建局": {"某县住房和城乡建设局"}, "镇政府": {"某镇人民政府"}, "县政府": {"某县人民政府"},
		"政府": {"某县人民政府", "某镇人民政府"}}
	lexParties = []string{"张三", "某某建材有限公司", "金三十一"}
	lexPeople  = []string{"林涛", "孙强", "吴敏"}
)

func (fakeLexicon) Agencies(name string) ([]string, error) { return lexAgencies[name], nil }

func (fakeLexicon) Names(runs []string) ([]NameMatch, error) {
	var out []NameMatch
	for i, r := range runs {
		rs := []rune(r)
		for p := range rs {
			rest := string(rs[p:])
			for _, n := range lexParties {
				if strings.HasPrefix(rest, n) {
					out = append(out, NameMatch{Run: i, Start: p, End: p + len([]rune(n)), Name: n, Party: true})
				}
			}
			for _, n := range lexPeople {
				if strings.HasPrefix(rest, n) {
					out = append(out, NameMatch{Run: i, Start: p, End: p + len([]rune(n)), Name: n, Person: true})
				}
			}
		}
	}
	return out, nil
}

func (fakeLexicon) Titled(surname, title string) ([]string, error) {
	if surname == "孙" && strings.Contains("副局长", title) {
		return []string{"孙强"}, nil
	}
	return nil, nil
}

func understand(t *testing.T, text string) Understanding {
	t.Helper()
	u, err := Understand(text, Options{Now: now, Courts: []string{"黔0115"}, Lexicon: fakeLexicon{}})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func dayOf(d string) (time.Time, time.Time) {
	t, err := time.ParseInLocation("2006-01-02", d, shanghai)
	if err != nil {
		panic(err)
	}
	return t, t.AddDate(0, 0, 1)
}

// TestUnderstand is the table of forms; the corpus in handlers/testdata
// is the test of the whole.
func TestUnderstand(t *testing.T) {
	tests := []struct {
		text  string
		check func(Understanding) bool
	}{
		{"明天有几个庭", func(u Understanding) bool {
			f, to := dayOf("2026-11-20")
			return u.Kind == Hearings && u.Period.From.Equal(f) && u.Period.To.Equal(to)
		}},
		{"礼拜一的庭在哪", func(u Understanding) bool {
			f, _ := dayOf("2026-11-23")
			return u.Period.From.Equal(f) && u.Aspect == Where
		}},
		{"下周一到周三都有哪些庭", func(u Understanding) bool {
			f, _ := dayOf("2026-11-23")
			_, to := dayOf("2026-11-25")
			return u.Period.From.Equal(f) && u.Period.To.Equal(to)
		}},
		{"十二月十五号有庭吗", func(u Understanding) bool { f, _ := dayOf("2026-12-15"); return u.Period.From.Equal(f) }},
		{"15号有庭吗", func(u Understanding) bool { f, _ := dayOf("2026-12-15"); return u.Period.From.Equal(f) }},
		{"12.8 有庭吗", func(u Understanding) bool { f, _ := dayOf("2026-12-08"); return u.Period.From.Equal(f) }},
		{"本季度出庭率", func(u Understanding) bool {
			f, _ := dayOf("2026-10-01")
			return u.Kind == Rates && u.Rate == AppearanceRate && u.Period.From.Equal(f)
		}},
		{"近三个月出庭率", func(u Understanding) bool { f, _ := dayOf("2026-08-20"); return u.Period.From.Equal(f) }},
		{"行初85号判了吗", func(u Understanding) bool {
			return u.Kind == Case && u.Aspect == Outcome && slices.Contains(u.Numbers, "(2026)黔0115行初85号")
		}},
		{"行初85判绝了没", func(u Understanding) bool { return u.Aspect == Outcome }},
		{"（２０２６）黔０１１５行初１３６号", func(u Understanding) bool { return slices.Equal(u.Numbers, []string{"(2026)黔0115行初136号"}) }},
		{"117那个案子出庭负责人是谁", func(u Understanding) bool { return u.Kind == Case && u.Seq == 117 && u.Aspect == Head }},
		{"查下117", func(u Understanding) bool { return u.Kind == Case && u.Seq == 117 && u.Party == "" }},
		{"复41号听证是哪天", func(u Understanding) bool { return u.Seq == 41 && u.Recon }},
		{"2015年那个黔高行终字第12号", func(u Understanding) bool { return slices.Equal(u.Numbers, []string{"(2015)黔高行终字第12号"}) }},
		{"张三的案子", func(u Understanding) bool { return u.Kind == Cases && u.Party == "张三" }},
		{"某某建材有限公司那个案子开庭时间", func(u Understanding) bool { return u.Party == "某某建材有限公司" && u.Kind == Case }},
		{"查 欧阳娜娜", func(u Understanding) bool { return u.Party == "欧阳娜娜" && u.Marked }},
		{"金三十一诉公安局那个", func(u Understanding) bool {
			return u.Party == "金三十一" && slices.Equal(u.Agencies, []string{"某县公安局"})
		}},
		{"区政府有案子吗", func(u Understanding) bool { return u.Agency == "区政府" && len(u.Agencies) == 0 }},
		{"孙局明天出庭吗", func(u Understanding) bool { return u.Person == "孙强" && u.Kind == Hearings }},
		{"林涛要出几次庭", func(u Understanding) bool { return u.Person == "林涛" && u.Kind == Hearings }},
		{"我下次出庭是什么时候", func(u Understanding) bool { return u.Mine == MineSelf && u.Kind == Hearings && u.Aspect == When }},
		{"我们局还有哪些没结", func(u Understanding) bool { return u.Mine == MineAgency && u.Kind == Count && u.Metric == Open }},
		{"最近一周开庭安排发我一下", func(u Understanding) bool { return u.Mine == "" && u.Kind == Hearings }},
		{"哪个单位败诉最多", func(u Understanding) bool { return u.Kind == Rates && u.Rank == RankTop && u.ByCount }},
		{"出庭率没达标的单位", func(u Understanding) bool { return u.Kind == Rates && u.Rank == RankUnder && u.Rate == AppearanceRate }},
		{"上个月的败诉通报发我看看", func(u Understanding) bool { return u.Kind == Bulletin && u.Period.Word == "上个月" }},
		{"帮我写一篇以案说法 就用行初85号", func(u Understanding) bool { return u.Kind == Explain && len(u.Numbers) == 1 }},
		{"法院说改到下周三上午九点半", func(u Understanding) bool {
			return u.Kind == News && u.News.Kind == Moved && u.News.At.Equal(time.Date(2026, 11, 25, 9, 30, 0, 0, shanghai))
		}},
		{"明天的庭推迟了", func(u Understanding) bool { return u.Kind == News && u.News.Kind == Postponed }},
		{"明天的庭我去不了 有个会", func(u Understanding) bool { return u.Kind == News && u.News.Kind == Cannot }},
		{"最近改期", func(u Understanding) bool { return u.Kind == Changes }},
		{"收到，准时参加", func(u Understanding) bool { return u.Kind == Thanks }},
		{"好的，那后天呢", func(u Understanding) bool { return u.Kind == Hearings && u.FollowUp }},
		{"第四个出庭的是谁", func(u Understanding) bool { return u.Kind == Pick && u.Ordinal == 4 && u.Aspect == Head }},
		{"我被罚款了怎么办", func(u Understanding) bool { return u.Kind == Legal }},
		{"帮我订一下明天下午的会议室", func(u Understanding) bool { return u.Kind == Scope }},
		{"有没有负责人没出庭的", func(u Understanding) bool { return u.Kind == Hearings && u.NotAppeared }},
		{"台账里一共多少案件", func(u Understanding) bool { return u.Kind == Count && u.Metric == All }},
		// One-character acknowledgements only alone: 行政… is a question.
		{"行政协议的案子", func(u Understanding) bool { return u.Kind == Cases && u.Cause == "协议" }},
		{"好多庭啊今天", func(u Understanding) bool { return u.Kind == Hearings }},
		{"谢了", func(u Understanding) bool { return u.Kind == Thanks }},
		{"行 收到", func(u Understanding) bool { return u.Kind == Thanks }},
		{"👌", func(u Understanding) bool { return u.Kind == Thanks }},
		{"🤔", func(u Understanding) bool { return u.Kind == Help }},
		// Spoken compounds and 一下 running into a period word.
		{"明早有庭没", func(u Understanding) bool {
			f, _ := dayOf("2026-11-20")
			return u.Period.From.Equal(f) && u.TimeOfDay == "am"
		}},
		{"帮我拉一下下周的开庭表", func(u Understanding) bool { f, _ := dayOf("2026-11-23"); return u.Period.From.Equal(f) }},
		{"看一下下下周的庭", func(u Understanding) bool { f, _ := dayOf("2026-11-30"); return u.Period.From.Equal(f) }},
		{"只看没结的", func(u Understanding) bool { return u.Metric == Open && u.FollowUp }},
		{"那85号呢", func(u Understanding) bool { return u.Seq == 85 && u.FollowUp }},
		{"行初85的判决书出来了吗", func(u Understanding) bool { return u.Kind == Case && u.Aspect == Outcome }},
		{"今年的典型案例有哪些", func(u Understanding) bool { return u.Kind == Count && u.Metric == Lost }},
		{"有没有负责人没出庭的败诉案子", func(u Understanding) bool { return u.Kind == Count && u.Metric == Lost && u.NotAppeared }},
		{"今年我们县败诉率超过控制线没有", func(u Understanding) bool { return u.Kind == Rates && u.Mine == "" }},
		{"我们县政府今年败诉了吗", func(u Understanding) bool { return u.Mine == MineAgency }},
		{"城管把我摊子收了能告他们吗", func(u Understanding) bool { return u.Kind == Legal }},
		{"你好我想咨询一下离婚财产怎么分", func(u Understanding) bool { return u.Kind == Legal }},
	}
	for _, tt := range tests {
		if u := understand(t, tt.text); !tt.check(u) {
			t.Errorf("%q → %+v", tt.text, u)
		}
	}
}

// TestUnreadWordsAreNoFilter: words the rules cannot place are residue,
// said back, never a party or a person; what is ignored is listed.
func TestUnreadWordsAreNoFilter(t *testing.T) {
	u := understand(t, "明天那个庭是谁去啊我这边还没收到出庭通知书")
	if u.Party != "" || u.Person != "" || len(u.Agencies) > 0 {
		t.Errorf("an unread word became a filter: %+v", u)
	}
	if u.Kind != Hearings || u.Aspect != Head {
		t.Errorf("understood %+v, want tomorrow's hearings and their heads", u)
	}
	// 出庭通知书 is read as what the ledger does not hold (the answer says
	// so), not left over as a word unread.
	if !slices.Contains(u.Filler, "我这边") || slices.Contains(u.Residue, "通知书") || u.NotHeld != "court-notice" {
		t.Errorf("filler %q, residue %q, not held %q", u.Filler, u.Residue, u.NotHeld)
	}
	if e := u.Echo(nil); !strings.Contains(e, "明天") || !strings.Contains(e, "出庭负责人") {
		t.Errorf("echo %q", e)
	}
	// Without a lexicon nothing of the ledger is known: a plain name is
	// no party unless marked.
	o, _ := Understand("王小二今天怎么样", Options{Now: now})
	if o.Party != "" {
		t.Errorf("a name without marker or ledger became a party: %+v", o)
	}
}
