package prompts

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadEmbedded(t *testing.T) {
	s, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Version(); got != "system@2+user@2" {
		t.Errorf("Version = %q", got)
	}
	in := Sample()
	in.Hint = "从程序正当的角度"
	system, user, err := s.Render(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"“# ”开头写标题", "## 【要点】", "## 基本案情", "## 争议焦点", "## 裁判结果", "## 法官说法", "## 典型意义与执法警示", "## 相关法条", "1000 至 2000 字", "不得编造", "不得增加", "以所附行政判决书的“经审理查明”“本院认为”和“判决主文”为准"} {
		if !strings.Contains(system, want) {
			t.Errorf("system prompt lacks %q", want)
		}
	}
	order := []string{"“# ”开头写标题", "## 【要点】", "## 基本案情", "## 争议焦点", "## 裁判结果", "## 法官说法", "## 典型意义与执法警示", "## 相关法条"}
	last := -1
	for _, h := range order {
		i := strings.Index(system, h)
		if i < last {
			t.Errorf("section %s out of order", h)
		}
		last = i
	}
	for _, want := range []string{"原告：张某", "被告：某县市场监督管理局", "结案方式：判决撤销（行政机关败诉）", "《中华人民共和国行政诉讼法》第七十条", "请换一个角度撰写：从程序正当的角度",
		"【行政判决书（已隐名，出自某县人民法院）】", "被诉行为文号：某市监处罚〔2025〕45号", "（说明：经审理查明部分删去 2 段）", "〔经审理查明〕\n经审理查明，……", "〔本院认为〕\n本院认为，……", "〔判决主文〕\n撤销被告"} {
		if !strings.Contains(user, want) {
			t.Errorf("user prompt lacks %q:\n%s", want, user)
		}
	}
	if strings.Contains(user, "\n\n\n") || strings.Contains(user, "{{") {
		t.Errorf("user prompt is not tidy:\n%s", user)
	}

	// Without a decision the prompt says so, and for 复议 the labels change.
	in.Decision, in.Kind, in.ResultLabel, in.CommentLabel = nil, "行政复议", "复议结果", "复议机构说法"
	system, user, err = s.Render(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## 复议结果", "## 复议机构说法", "被纠错或获支持"} {
		if !strings.Contains(system, want) {
			t.Errorf("复议 system prompt lacks %q", want)
		}
	}
	if !strings.Contains(user, "本案尚未关联裁判文书或复议决定书") || strings.Contains(user, "〔") {
		t.Errorf("user prompt without a decision:\n%s", user)
	}
}

func TestLoadFailures(t *testing.T) {
	good, _ := embedded.ReadFile(SystemFile)
	user, _ := embedded.ReadFile(UserFile)
	tests := []struct {
		name, system, user, want string
	}{
		{"does not parse", "# version: 2\n{{if .Kind}}未闭合", string(user), "system.tmpl（版本 2）无法解析"},
		{"unknown field", string(good), "# version: 9\n{{.CaseNumber}}", "user.tmpl 渲染失败"},
		{"no version line", "你是普法编辑。", string(user), "第一行应为“# version: 版本号”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{SystemFile: {Data: []byte(tt.system)}, UserFile: {Data: []byte(tt.user)}}
			_, err := LoadFS(fsys)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("LoadFS = %v, want an error containing %q", err, tt.want)
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		if _, err := LoadFS(fstest.MapFS{SystemFile: {Data: good}}); err == nil || !strings.Contains(err.Error(), "user.tmpl 读取失败") {
			t.Errorf("LoadFS = %v", err)
		}
	})
}
