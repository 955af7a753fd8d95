package explain

import (
	"strings"
	"testing"
)

const editBody = `# 金某诉某县公安局治安管理处罚案

## 【要点】
（待补充：要旨。）

## 基本案情
金某不服处罚决定。

台账备注：负责人未出庭。

## 法官说法
本案败诉的原因在于：事实不清。

## 典型意义与执法警示
行政机关应当依法行政。

## 相关法条
- 《中华人民共和国行政诉讼法》第七十条
  > 原文：行政行为有下列情形之一的……`

func TestDropParagraph(t *testing.T) {
	for _, tc := range []struct {
		n       int
		section string
		gone    []string
		kept    []string
		ok      bool
	}{
		// 去掉第三段: paragraphs under the title, headings not counted.
		{n: 3, gone: []string{"台账备注"}, kept: []string{"## 基本案情", "金某不服", "事实不清"}, ok: true},
		// The only paragraph of a section takes its heading with it.
		{n: 1, gone: []string{"待补充：要旨", "## 【要点】"}, kept: []string{"# 金某诉", "## 基本案情"}, ok: true},
		// 最后一段: the articles list, its quoted text with it, and the heading left empty.
		{n: -1, gone: []string{"第七十条", "原文：", "## 相关法条"}, kept: []string{"依法行政"}, ok: true},
		{n: -2, gone: []string{"依法行政", "## 典型意义"}, kept: []string{"第七十条"}, ok: true},
		// 删掉典型意义那段: the section, heading and all.
		{section: "典型意义", gone: []string{"## 典型意义与执法警示", "依法行政"}, kept: []string{"## 相关法条", "事实不清"}, ok: true},
		{section: "说法", gone: []string{"## 法官说法", "事实不清"}, kept: []string{"依法行政"}, ok: true},
		// Nothing there: the text unchanged, and why.
		{n: 9, ok: false},
		{section: "争议焦点", ok: false},
	} {
		out, what, ok := dropParagraph(editBody, tc.n, tc.section)
		if ok != tc.ok {
			t.Errorf("drop %d %q: ok %v, want %v (%s)", tc.n, tc.section, ok, tc.ok, what)
			continue
		}
		if !ok {
			if out != editBody || what == "" {
				t.Errorf("drop %d %q: a failed drop changed the text or said nothing: %q", tc.n, tc.section, what)
			}
			continue
		}
		for _, g := range tc.gone {
			if strings.Contains(out, g) {
				t.Errorf("drop %d %q: %q still in\n%s", tc.n, tc.section, g, out)
			}
		}
		for _, k := range tc.kept {
			if !strings.Contains(out, k) {
				t.Errorf("drop %d %q: %q lost\n%s", tc.n, tc.section, k, out)
			}
		}
		if strings.Contains(out, "\n\n\n") {
			t.Errorf("drop %d %q: blank lines left\n%s", tc.n, tc.section, out)
		}
	}
}

func TestRetitle(t *testing.T) {
	out := retitle(editBody, "程序违法的代价")
	if !strings.HasPrefix(out, "# 程序违法的代价\n") || strings.Contains(out, "金某诉某县公安局") {
		t.Errorf("retitle:\n%s", out)
	}
	if got := retitle("正文一段。", "新标题"); got != "# 新标题\n\n正文一段。" {
		t.Errorf("retitle without a title: %q", got)
	}
}
