package intent

import (
	"testing"
	"time"
)

// TestSplits: a figure asked split by agency, by month or by kind sets the
// split, and the split words are read, never left as residue.
func TestSplits(t *testing.T) {
	o := Options{Now: time.Date(2026, 11, 19, 8, 40, 0, 0, time.FixedZone("CST", 8*3600))}
	for _, tc := range []struct {
		text                     string
		kind                     Kind
		byAgency, byMonth, kind2 bool
		rank                     Rank
	}{
		{"纠错率按局排一下", Rates, true, false, false, RankTop},
		{"各个局的纠错率排一下", Rates, true, false, false, RankTop},
		{"各单位败诉率", Rates, true, false, false, ""},
		{"败诉按单位分", Count, true, false, false, ""},
		{"今年每个月败诉几件", Count, false, true, false, ""},
		{"败诉率按月份统计一下", Rates, false, true, false, ""},
		{"复议和诉讼各多少", Cases, false, false, true, ""},
		{"诉讼和复议分别有多少", Cases, false, false, true, ""},
	} {
		u, err := Understand(tc.text, o)
		if err != nil {
			t.Fatal(err)
		}
		if u.Kind != tc.kind || u.ByAgency != tc.byAgency || u.ByMonth != tc.byMonth || u.ByKind != tc.kind2 || u.Rank != tc.rank || len(u.Residue) > 0 {
			t.Errorf("%q: kind %s by_agency %v by_month %v by_kind %v rank %q residue %q", tc.text, u.Kind, u.ByAgency, u.ByMonth, u.ByKind, u.Rank, u.Residue)
		}
	}
	for _, tc := range []struct {
		text string
		want Split
	}{{"按月分一下", SplitMonth}, {"分月份看看", SplitMonth}, {"那按月呢", SplitMonth}, {"每个月的呢", SplitMonth},
		{"按单位分", SplitAgency}, {"按局排一下", SplitAgency}, {"各单位的呢", SplitAgency}} {
		if got, ok := SplitAsked(tc.text); !ok || got != tc.want {
			t.Errorf("SplitAsked(%q) = %q, %v; want %q", tc.text, got, ok, tc.want)
		}
	}
	for _, text := range []string{"今年败诉按月分一下", "按月通报", "各单位负责人是谁", "明天有几个庭"} {
		if got, ok := SplitAsked(text); ok {
			t.Errorf("SplitAsked(%q) = %q: a question of its own", text, got)
		}
	}
}

func TestRetractsAndIntents(t *testing.T) {
	for _, text := range []string{"刚才说错了，不是改期", "搞错了 那条不算", "不好意思 说错了 没有改期", "刚才发错了", "刚才那条作废",
		"不对不对 我搞错了 不是改期", "说错了 我能去"} {
		if !Retracts(text) {
			t.Errorf("Retracts(%q) = false", text)
		}
	}
	for _, text := range []string{"哦说错了 是明天的", "说错了是上午", "不对", "我说错了 是行初121", "行初117改期了"} {
		if Retracts(text) {
			t.Errorf("Retracts(%q) = true: it says what is right, or is news", text)
		}
	}
	for _, tc := range []struct {
		text   string
		appeal bool
	}{{"我们准备上诉", true}, {"行初85局里决定上诉", true}, {"打算不上诉了", false}, {"行初85局里研究后决定不上诉了", false}, {"服判", false}} {
		if got, ok := AppealIntent(tc.text); !ok || got != tc.appeal {
			t.Errorf("AppealIntent(%q) = %v, %v; want %v", tc.text, got, ok, tc.appeal)
		}
	}
	for _, text := range []string{"行初85上诉了没", "行初85要不要上诉", "上诉期多久", "行初85上诉了吗", "上诉期快到的案子"} {
		if _, ok := AppealIntent(text); ok {
			t.Errorf("AppealIntent(%q): a question, not an intention", text)
		}
	}
	for _, tc := range []struct {
		text string
		want BulletinEdit
	}{{"加上出庭情况", EditAppearance}, {"出庭情况也加上", EditAppearance}, {"出庭的情况也列一下", EditAppearance},
		{"各单位都列上", EditAgencies}, {"把所有单位都列出来", EditAgencies}, {"公安那块单列一段", EditAgency},
		{"把市监局单独列出来", EditAgency}, {"导出word", EditWord}, {"给我个word版", EditWord}, {"能不能弄个文档发我", EditWord}} {
		if got, ok := EditAsked(tc.text); !ok || got != tc.want {
			t.Errorf("EditAsked(%q) = %q, %v; want %q", tc.text, got, ok, tc.want)
		}
	}
	for _, text := range []string{"出庭率呢", "那9月份的呢", "下下周一有啥", "今年败诉率"} {
		if got, ok := EditAsked(text); ok {
			t.Errorf("EditAsked(%q) = %q: not an edit", text, got)
		}
	}
}
