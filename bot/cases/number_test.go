package cases

import (
	"regexp"
	"strings"
	"testing"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in, want string
		kind     Kind
		stage    Stage
	}{
		// 2016 format in its many writings.
		{"(2025)黔0115行初123号", "(2025)黔0115行初123号", Litigation, StageFirst},
		{"（2025）黔0115行初123号", "(2025)黔0115行初123号", Litigation, StageFirst},
		{"〔2025〕黔0115行初123号", "(2025)黔0115行初123号", Litigation, StageFirst},
		{"[2025]黔0115行初123号", "(2025)黔0115行初123号", Litigation, StageFirst},
		{" ( 2025 ) 黔 0115 行初 123 号 ", "(2025)黔0115行初123号", Litigation, StageFirst},
		{"（２０２５）黔０１１５行初１２３号", "(2025)黔0115行初123号", Litigation, StageFirst},
		{"(2025)黔0115行初0123号", "(2025)黔0115行初123号", Litigation, StageFirst},
		{"(2025)黔0115行初123", "(2025)黔0115行初123号", Litigation, StageFirst},
		{"(2025)黔0115行初123号。", "(2025)黔0115行初123号", Litigation, StageFirst},
		// The year without brackets, as chat and many ledgers write it.
		{"2026黔0115行初203号", "(2026)黔0115行初203号", Litigation, StageFirst},
		{"2026黔0115行初203", "(2026)黔0115行初203号", Litigation, StageFirst},
		{"2026年黔01行终7号", "(2026)黔01行终7号", Litigation, StageSecond},
		{"２０２６黔０１１５行初２０３号", "(2026)黔0115行初203号", Litigation, StageFirst},
		{"(2025)黔01行终45号", "(2025)黔01行终45号", Litigation, StageSecond},
		{"(2025)黔行再3号", "(2025)黔行再3号", Litigation, StageRetrial},
		{"(2024)最高法行申1234号", "(2024)最高法行申1234号", Litigation, StageRetrial},
		{"(2024)最高法知行终5号", "(2024)最高法知行终5号", Litigation, StageSecond},
		// Special court codes: railway, IP, military, corps.
		{"(2021)苏8601行初923号", "(2021)苏8601行初923号", Litigation, StageFirst},
		{"(2023)京73行初1号", "(2023)京73行初1号", Litigation, StageFirst},
		{"(2022)军0101行初2号", "(2022)军0101行初2号", Litigation, StageFirst},
		{"(2022)兵0101行初2号", "(2022)兵0101行初2号", Litigation, StageFirst},
		// Longest type code first.
		{"(2021)苏0192行赔初32号", "(2021)苏0192行赔初32号", Litigation, StageFirst},
		{"(2021)苏01行赔终71号", "(2021)苏01行赔终71号", Litigation, StageSecond},
		{"(2024)黔0115行审复3号", "(2024)黔0115行审复3号", NonLitigation, StageReview},
		{"(2024)黔0115行审88号", "(2024)黔0115行审88号", NonLitigation, StageReview},
		{"(2024)黔01行辖终2号", "(2024)黔01行辖终2号", Litigation, ""},
		{"(2024)黔01行辖2号", "(2024)黔01行辖2号", Litigation, ""},
		{"(2024)黔01赔辖终2号", "(2024)黔01赔辖终2号", Litigation, ""},
		{"(2024)黔01司救行2号", "(2024)黔01司救行2号", Litigation, ""},
		{"(2024)黔01行他2号", "(2024)黔01行他2号", Litigation, ""},
		{"(2024)黔行监9号", "(2024)黔行监9号", Litigation, StageRetrial},
		{"(2024)黔行抗9号", "(2024)黔行抗9号", Litigation, StageRetrial},
		{"(2024)黔01行赔再9号", "(2024)黔01行赔再9号", Litigation, StageRetrial},
		// Pre-2016 form.
		{"(2015)黔高行终字第12号", "(2015)黔高行终字第12号", Litigation, StageSecond},
		{"（2014）南市行初字第5号", "(2014)南市行初字第5号", Litigation, StageFirst},
		{"(2014)南市行初字5号", "(2014)南市行初字第5号", Litigation, StageFirst},
		{"(2014)南市行初第5号", "(2014)南市行初字第5号", Litigation, StageFirst},
		// 复议 document numbers.
		{"黔府复〔2024〕12号", "黔府复〔2024〕12号", Reconsideration, StageReconsideration},
		{"黔府复[2024]12号", "黔府复〔2024〕12号", Reconsideration, StageReconsideration},
		{"黔府复（2024）第12号", "黔府复〔2024〕12号", Reconsideration, StageReconsideration},
		{"黔府复 〔2024〕 012号", "黔府复〔2024〕12号", Reconsideration, StageReconsideration},
		{"平府复决字〔2023〕30号", "平府复决字〔2023〕30号", Reconsideration, StageReconsideration},
		{"德政复参字〔2023〕3号", "德政复参字〔2023〕3号", Reconsideration, StageReconsideration},
		{"德政责履〔2023〕3号", "德政责履〔2023〕3号", Reconsideration, StageReconsideration},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n, err := ParseNumber(tt.in)
			if err != nil {
				t.Fatalf("ParseNumber(%q): %v", tt.in, err)
			}
			if got := n.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			if got := n.Kind(); got != tt.kind {
				t.Errorf("Kind() = %q, want %q", got, tt.kind)
			}
			if got := n.Stage(); got != tt.stage {
				t.Errorf("Stage() = %q, want %q", got, tt.stage)
			}
			again, err := ParseNumber(n.String())
			if err != nil || again != n {
				t.Errorf("reparse of %q = %+v, %v; want %+v", n.String(), again, err, n)
			}
		})
	}
}

func TestParseNumberFields(t *testing.T) {
	n := MustParseNumber("（2025）黔0115行赔初0007号")
	want := Number{Form: CourtNumber, Year: 2025, Court: "黔0115", Type: "行赔初", Seq: 7}
	if n != want {
		t.Errorf("got %+v, want %+v", n, want)
	}
	if !n.FirstInstance() {
		t.Error("行赔初 should be first instance")
	}
	if MustParseNumber("(2025)黔01行终1号").FirstInstance() {
		t.Error("行终 is not first instance")
	}
}

func TestParseNumberErrors(t *testing.T) {
	tests := []struct{ in, reason string }{
		{"", "为空"},
		{"   ", "为空"},
		{"张三", "括号"},
		{"(2025)黔0115民初123号", "类型代字"},
		{"(2025)黔0115行保1号", "行为保全"},
		{"(2025)黔0115行保复1号", "行为保全"},
		{"(1899)黔0115行初1号", "格式"},
		{"(2025)黔0115行初0号", "不能为 0"},
		{"(2025)黔0115行初号", "格式"},
		{"2025行初123号", "括号"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := ParseNumber(tt.in)
			if err == nil {
				t.Fatalf("ParseNumber(%q) succeeded, want error", tt.in)
			}
			if !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("error %q does not mention %q", err, tt.reason)
			}
		})
	}
}

func TestFindNumbers(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"查一下（2025）黔0115行初123号的情况", []string{"(2025)黔0115行初123号"}},
		{"(2025)黔0115行初123号开庭2次", []string{"(2025)黔0115行初123号"}},
		{"请查黔府复〔2024〕3号", []string{"黔府复〔2024〕3号"}},
		{"帮我查询平府复决字〔2023〕30号和(2025)黔0115行初5号", []string{"平府复决字〔2023〕30号", "(2025)黔0115行初5号"}},
		{"以案说法 (2015)黔高行终字第12号", []string{"(2015)黔高行终字第12号"}},
		{"开庭 (2025)黔0115行初123号 2025-12-03 09:30 第三法庭", []string{"(2025)黔0115行初123号"}},
		{"(2025)黔0115行初123号、（2025）黔0115行初123号", []string{"(2025)黔0115行初123号"}},
		{"今天开庭", nil},
		{"2025年12月3日", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, n := range FindNumbers(tt.text) {
				got = append(got, n.String())
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("FindNumbers(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// FuzzParseNumber checks that parsing never panics and that a parsed
// number's normalized writing parses back to the same number.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{
		"(2025)黔0115行初123号", "（2025）黔0115行赔初7号", "(2015)黔高行终字第12号",
		"黔府复〔2024〕12号", "平府复决字〔2023〕30号", "(2024)最高法知行终5号", "(2025)黔0115行保1号",
		"〔2025〕苏8601行审复3号", "", "(", "复〔2024〕1号",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		if err != nil {
			return
		}
		str := n.String()
		again, err := ParseNumber(str)
		if err != nil {
			t.Fatalf("ParseNumber(%q) = %q, which does not parse: %v", s, str, err)
		}
		if again != n {
			t.Fatalf("ParseNumber(%q) = %+v, but its writing %q parses to %+v", s, n, str, again)
		}
		FindNumbers(s)
	})
}

// canonicalSamples are writings ParseCanonical reads itself and ones it
// must hand to ParseNumber.
var canonicalSamples = []string{
	"(2025)黔0115行初123号", "(2025)黔01行终45号", "(2025)黔行再3号", "(2024)最高法行申1234号",
	"(2024)最高法知行终5号", "(2021)苏8601行初923号", "(2023)京73行初1号", "(2025)黔0115行赔初7号",
	"(2025)黔0115行审复3号", "(2025)黔0115行审12号", "(2025)黔0115行他2号", "(2025)黔0115行辖终1号",
	"某府复〔2026〕41号", "黔府复〔2024〕12号", "平府复决字〔2023〕30号", "某县人民政府责履〔2025〕2号",
	"复〔2024〕1号", "某县人民政府行政复议办公室复〔2024〕1号", "某號复〔2026〕1号",
	"(2015)黔高行终字第12号", "(2025)黔0115行初0号", "(2025)黔0115行初012号", "(2025)黔011行初3号",
	"(2025)黔0115行保1号", "(1899)黔0115行初1号", "(2025)黔0115行初123456789号", "(2025)黔0115行初123",
	"（２０２５）黔０１１５行初１２３号", " (2025)黔0115行初1号", "某府复〔2026〕41号。", "A府复〔2026〕1号", "",
}

// TestParseCanonicalAgrees: ParseCanonical gives what ParseNumber gives,
// number and error alike, on the canonical writings and on others.
func TestParseCanonicalAgrees(t *testing.T) {
	for _, s := range canonicalSamples {
		want, wantErr := ParseNumber(s)
		got, err := ParseCanonical(s)
		if got != want || (err == nil) != (wantErr == nil) {
			t.Errorf("ParseCanonical(%q) = %+v, %v; ParseNumber: %+v, %v", s, got, err, want, wantErr)
		}
		if wantErr == nil {
			if got, err := ParseCanonical(want.String()); got != want || err != nil {
				t.Errorf("ParseCanonical(%q) = %+v, %v; want %+v", want.String(), got, err, want)
			}
		}
	}
}

func FuzzParseCanonical(f *testing.F) {
	for _, s := range canonicalSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, wantErr := ParseNumber(s)
		got, err := ParseCanonical(s)
		if got != want || (err == nil) != (wantErr == nil) {
			t.Fatalf("ParseCanonical(%q) = %+v, %v; ParseNumber: %+v, %v", s, got, err, want, wantErr)
		}
	})
}

// TestFindNumbersNeedsABracket pins the early return of FindNumbers: none
// of its three patterns matches a text without '(' (yearPat), so skipping
// them there changes no answer.
func TestFindNumbersNeedsABracket(t *testing.T) {
	for _, re := range []*regexp.Regexp{courtInText, legacyInText, reconInText} {
		if !strings.Contains(re.String(), yearPat) {
			t.Fatalf("%s no longer needs yearPat: the early return of FindNumbers is wrong", re)
		}
	}
	for _, s := range []string{"", "2025黔0115行初123号", "黔0115行初123号", "2025)黔0115行初123号", "黔府复2025 12号",
		"查一下2025年行初12号", "黔府复〔2025〕12号", "（2025）黔0115行初123号", "[2025]黔府复12号", "【2025】黔0115行初1号"} {
		norm := foldNumber(s)
		if strings.IndexByte(norm, '(') >= 0 {
			continue
		}
		for _, re := range []*regexp.Regexp{courtInText, legacyInText, reconInText} {
			if re.MatchString(norm) {
				t.Errorf("%q: %s matches without a bracket", s, re)
			}
		}
	}
}
