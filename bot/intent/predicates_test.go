package intent

import "testing"

// TestKeyPredicates pins the spellings Normalize folds into one form: the
// open cases already heard, an old-style number with its year said apart.
func TestKeyPredicates(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"庭都开过了但还没出结果的有哪些", "开完庭未判的有哪些"},
		{"已经开过庭还在等判决的案子", "开完庭未判的案子"},
		{"开了庭还没宣判的有几个", "开完庭未判的有几个"},
		{"哪些案子庭审完了结果还没下来", "哪些案子开完庭未判"},
		{"庭开完了 原告没来", "庭开完了 原告没来"}, // a report: nothing undecided said
		{"刚开完庭 法官说下个月宣判", "刚开完庭 法官说下个月宣判"},
		{"15年那个老案子 黔高行终字12号", "那个老案子 (2015)黔高行终字第12号"},
		{"15年的黔高行终字12号结了没", "(2015)黔高行终字第12号结了没"},
		{"黔高行终字第12号 2015年的", "(2015)黔高行终字第12号 2015年的"},
		{"(2015)黔高行终字第12号", "(2015)黔高行终字第12号"},
		{"二〇一四年 黔01行初字5号", "(2014)黔01行初字第5号"},
		{"26年的黔高行终字12号", "26年的黔高行终字12号"}, // no 字 number after 2015
	} {
		if got := Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct {
		text string
		kind Kind
	}{
		{"开庭时间有变的有吗", Changes},
		{"有没有改了开庭时间的案子", Changes},
		{"最近哪些庭推迟了", Changes},
		{"法院说开庭时间改了 改到下周三上午", News},
		{"开完庭没判的", Count},
		{"已经开过庭还在等判决的案子", Count},
		{"老是败诉的单位有哪些", Count},
	} {
		if u := understand(t, tc.text); u.Kind != tc.kind {
			t.Errorf("%s: kind %s, want %s", tc.text, u.Kind, tc.kind)
		}
	}
	if u := understand(t, "有没有哪个局连着输同类案子"); !u.Repeat || len(u.Residue) > 0 {
		t.Errorf("连着输同类案子: %+v, want a repeat-loss question with nothing left over", u)
	}
}
