package handlers

import (
	"reflect"
	"testing"

	"casebot/bot/explain"
)

// The offline edits read from instructions as people type them.
func TestOfflineEditOf(t *testing.T) {
	for _, tc := range []struct {
		instr string
		want  explain.Edit
		ok    bool
	}{
		{"去掉第三段", explain.Edit{Kind: explain.EditDrop, Para: 3}, true},
		{"第二段删掉", explain.Edit{Kind: explain.EditDrop, Para: 2}, true},
		{"去掉第2段", explain.Edit{Kind: explain.EditDrop, Para: 2}, true},
		{"第 ４ 段不要了", explain.Edit{Kind: explain.EditDrop, Para: 4}, true},
		{"最后一段去了", explain.Edit{Kind: explain.EditDrop, Para: -1}, true},
		{"倒数第二段删了吧", explain.Edit{Kind: explain.EditDrop, Para: -2}, true},
		{"开头那段去掉", explain.Edit{Kind: explain.EditDrop, Para: 1}, true},
		{"删掉典型意义那段", explain.Edit{Kind: explain.EditDrop, Section: "典型意义"}, true},
		{"法官说法那部分不要了", explain.Edit{Kind: explain.EditDrop, Section: "说法"}, true},
		{"争议焦点那一节删掉", explain.Edit{Kind: explain.EditDrop, Section: "争议焦点"}, true},
		{"标题改成 程序违法的代价", explain.Edit{Kind: explain.EditRetitle, Title: "程序违法的代价"}, true},
		{"题目就叫“一次没有催告的强拆”", explain.Edit{Kind: explain.EditRetitle, Title: "一次没有催告的强拆"}, true},
		{"标题改为：通俗易懂说程序", explain.Edit{Kind: explain.EditRetitle, Title: "通俗易懂说程序"}, true},
		{"标题换一个", explain.Edit{Kind: explain.EditTitles}, true},
		{"换个标题吧", explain.Edit{Kind: explain.EditTitles}, true},
		{"字数控制在800字以内", explain.Edit{Kind: explain.EditShorten, Limit: 800}, true},
		{"控制在六百字左右", explain.Edit{Kind: explain.EditShorten, Limit: 600, About: true}, true},
		{"改短一点", explain.Edit{Kind: explain.EditShorten}, true},
		{"加上法条原文", explain.Edit{Kind: explain.EditStatutes}, true},
		{"把名字都去掉", explain.Edit{Kind: explain.EditAnonymize}, true},
		// Rewording: the model's, said so offline.
		{"再通俗些", explain.Edit{}, false},
		{"语气正式一点", explain.Edit{}, false},
		{"加一段给行政机关的启示", explain.Edit{}, false},
		{"多写点对执法人员的提醒", explain.Edit{}, false},
	} {
		got, ok := offlineEditOf(tc.instr)
		if ok != tc.ok || got != tc.want {
			t.Errorf("offlineEditOf(%q) = %+v %v, want %+v %v", tc.instr, got, ok, tc.want, tc.ok)
		}
	}
}

// Compound instructions: each piece one edit, in order; the agency's phrase
// goes with the agency edit; two length pieces are one.
func TestOfflineEditsOf(t *testing.T) {
	ag := func(phrase, agency string, court bool) explain.Edit {
		return explain.Edit{Kind: explain.EditAgency, Phrase: phrase, Agency: agency, Court: court}
	}
	short := func(n int) explain.Edit { return explain.Edit{Kind: explain.EditShorten, Limit: n} }
	for _, tc := range []struct {
		instr   string
		want    []explain.Edit
		skipped []string
	}{
		{"别写局名 就说某执法部门 压到三百字以内", []explain.Edit{ag("某执法部门", "", false), short(300)}, nil},
		{"太长了 压到两百字以内", []explain.Edit{short(200)}, nil},
		{"隐去单位名，压到300字", []explain.Edit{ag("", "", false), short(300)}, nil},
		{"去掉法条 再短一点", []explain.Edit{{Kind: explain.EditDrop, Section: "相关法条"}, short(0)}, nil},
		{"去掉法条再短一点", []explain.Edit{{Kind: explain.EditDrop, Section: "相关法条"}, short(0)}, nil},
		{"标题改成“罚款之前，先听申辩”并删掉第三段", []explain.Edit{{Kind: explain.EditRetitle, Title: "罚款之前，先听申辩"}, {Kind: explain.EditDrop, Para: 3}}, nil},
		{"标题改成 程序违法的代价 并删掉第三段", []explain.Edit{{Kind: explain.EditRetitle, Title: "程序违法的代价"}, {Kind: explain.EditDrop, Para: 3}}, nil},
		{"把自然资源局换成某执法部门", []explain.Edit{ag("某执法部门", "自然资源局", false)}, nil},
		{"不要出现单位名称", []explain.Edit{ag("", "", false)}, nil},
		{"机关名称隐去", []explain.Edit{ag("", "", false)}, nil},
		{"法院名称也隐去", []explain.Edit{ag("", "", true)}, nil},
		{"就说某执法部门", []explain.Edit{ag("某执法部门", "", false)}, nil},
		{"隐去单位名 写得通俗一点", []explain.Edit{ag("", "", false)}, []string{"写得通俗一点"}},
	} {
		got, skipped, ok := offlineEditsOf(tc.instr)
		if !ok || !reflect.DeepEqual(got, tc.want) || !reflect.DeepEqual(skipped, tc.skipped) {
			t.Errorf("offlineEditsOf(%q) = %+v %q %v, want %+v %q", tc.instr, got, skipped, ok, tc.want, tc.skipped)
		}
	}
	if _, _, ok := offlineEditsOf("写得通俗一点"); ok {
		t.Errorf("offlineEditsOf(写得通俗一点) is offline")
	}
}
