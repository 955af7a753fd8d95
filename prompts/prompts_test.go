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
	if got := s.Version(); got != "system@1+user@1" {
		t.Errorf("Version = %q", got)
	}
	in := Sample()
	in.Hint = "从程序正当的角度"
	system, user, err := s.Render(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## 标题", "## 案情简介", "## 争议焦点", "## 裁判结果", "## 法官说法", "## 典型意义与执法警示", "## 相关法条", "1000 至 2000 字", "不得编造", "不得增加"} {
		if !strings.Contains(system, want) {
			t.Errorf("system prompt lacks %q", want)
		}
	}
	order := []string{"## 标题", "## 案情简介", "## 争议焦点", "## 裁判结果", "## 法官说法", "## 典型意义与执法警示", "## 相关法条"}
	last := -1
	for _, h := range order {
		i := strings.Index(system, h)
		if i < last {
			t.Errorf("section %s out of order", h)
		}
		last = i
	}
	for _, want := range []string{"原告：张某", "被告：某县市场监督管理局", "结案方式：判决撤销（行政机关败诉）", "《中华人民共和国行政诉讼法》第七十条", "请换一个角度撰写：从程序正当的角度"} {
		if !strings.Contains(user, want) {
			t.Errorf("user prompt lacks %q:\n%s", want, user)
		}
	}
	if strings.Contains(user, "\n\n\n") || strings.Contains(user, "{{") {
		t.Errorf("user prompt is not tidy:\n%s", user)
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
