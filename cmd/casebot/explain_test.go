package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"casebot/bot/cases"
	"casebot/bot/explain"
	"casebot/bot/llm/llmtest"
	"casebot/bot/redistest"
	"casebot/bot/store"
)

// explainCLI runs one command line and returns its exit status and streams.
func explainCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// explainStore points the commands at a private prefix of the test Redis
// and stores a closed and an open case.
func explainStore(t *testing.T) *store.Store {
	t.Helper()
	rdb, k := redistest.New(t)
	prefix := strings.TrimSuffix(strings.TrimPrefix(k.Pattern(), "{"), "}:*")
	t.Setenv("CASEBOT_CONFIG", "")
	t.Setenv("CASEBOT_REDIS_ADDR", rdb.(*redis.Client).Options().Addr)
	t.Setenv("CASEBOT_REDIS_PREFIX", prefix)
	st := store.New(rdb, k)
	loc, _ := time.LoadLocation("Asia/Shanghai")
	closed := &cases.Case{Number: "(2025)黔0115行初88号", Kind: cases.Litigation, Stage: cases.StageFirst,
		Plaintiffs: []cases.Party{cases.NewParty("欧阳娜娜")}, Defendants: []string{"某县自然资源局"}, Cause: "行政处罚",
		Court: "某县人民法院", FiledOn: time.Date(2025, 3, 1, 0, 0, 0, 0, loc), Note: "原告欧阳娜娜，电话 138-0013-8000",
		Closure: &cases.Closure{On: time.Date(2025, 9, 1, 0, 0, 0, 0, loc), Method: cases.JudgmentIllegal, Reason: "未听证"}}
	open := &cases.Case{Number: "(2025)黔0115行初89号", Kind: cases.Litigation, Stage: cases.StageFirst,
		Plaintiffs: []cases.Party{cases.NewParty("李四")}, Defendants: []string{"某县自然资源局"}, Cause: "行政许可"}
	if err := st.PutMany(context.Background(), []*cases.Case{closed, open}, nil); err != nil {
		t.Fatal(err)
	}
	return st
}

// explainModel configures the commands to use a fake model.
func explainModel(t *testing.T) *llmtest.Server {
	srv := llmtest.New(t, "glm-4")
	srv.Forbid("欧阳娜娜", "13800138000")
	srv.Answer = func(llmtest.Request) string {
		return "## 标题\n\n欧阳某诉某县自然资源局行政处罚案\n\n## 相关法条\n\n《中华人民共和国行政诉讼法》第七十四条"
	}
	cfg := srv.Config()
	t.Setenv("CASEBOT_LLM_BASE_URL", cfg.BaseURL)
	t.Setenv("CASEBOT_LLM_API_KEY", cfg.APIKey)
	t.Setenv("CASEBOT_LLM_MODEL", cfg.Model)
	return srv
}

func TestExplainCommandOffline(t *testing.T) {
	st := explainStore(t)
	srv := explainModel(t) // configured, but --offline must not call it
	code, out, errs := explainCLI(t, "", "explain", "（2025）黔0115行初88号", "--offline")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"# 以案说法草稿（第 1 版）", "须经人工审核", "本稿未经大模型撰写", explain.ReasonAsked, "请求人：cli",
		"## 基本案情", explain.NoDecisionNotice, "欧阳某（原告）不服某县自然资源局（被告）作出的行政处罚行为", "第七十四条（判决确认违法）"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "欧阳娜娜") || strings.Contains(out, "0013") {
		t.Errorf("output holds personal data:\n%s", out)
	}
	if len(srv.Requests()) != 0 {
		t.Error("--offline called the model")
	}
	if d, err := explain.NewDrafts(st.Client(), st.Keys()).Latest(context.Background(), "(2025)黔0115行初88号"); err != nil || !d.Offline || d.Requester != "cli" {
		t.Errorf("stored draft = %+v, %v", d, err)
	}
}

func TestExplainCommandModel(t *testing.T) {
	explainStore(t)
	srv := explainModel(t)
	code, first, errs := explainCLI(t, "", "explain", "(2025)黔0115行初88号")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(first, "大模型 glm-4 生成") || !strings.Contains(first, "欧阳某诉某县自然资源局行政处罚案") {
		t.Errorf("output:\n%s", first)
	}
	// Again: the stored draft is printed, the model not asked.
	if code, again, _ := explainCLI(t, "", "explain", "(2025)黔0115行初88号"); code != 0 || again != first {
		t.Errorf("second run printed something else (exit %d):\n%s", code, again)
	}
	if got := len(srv.Requests()); got != 1 {
		t.Errorf("model asked %d times, want 1", got)
	}
	// --new writes version 2.
	if code, out, _ := explainCLI(t, "", "explain", "(2025)黔0115行初88号", "--new"); code != 0 || !strings.Contains(out, "第 2 版") {
		t.Errorf("--new (exit %d):\n%s", code, out)
	}
}

func TestExplainCommandFallsBackWhenTheModelFails(t *testing.T) {
	explainStore(t)
	srv := explainModel(t)
	t.Setenv("CASEBOT_LLM_RETRIES", "0")
	srv.Script(llmtest.Reply{Status: 503})
	code, out, errs := explainCLI(t, "", "explain", "(2025)黔0115行初88号")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "本稿未经大模型撰写") || !strings.Contains(out, explain.ReasonModelFailed) {
		t.Errorf("output:\n%s", out)
	}
}

func TestExplainCommandWithoutModel(t *testing.T) {
	explainStore(t)
	t.Setenv("CASEBOT_LLM_BASE_URL", "")
	code, out, errs := explainCLI(t, "", "explain", "(2025)黔0115行初88号")
	if code != 0 || !strings.Contains(out, explain.ReasonNotConfigured) {
		t.Errorf("exit %d, stderr %q, output:\n%s", code, errs, out)
	}
}

func TestExplainCommandErrors(t *testing.T) {
	explainStore(t)
	tests := []struct {
		args     []string
		code     int
		wantErrs string
	}{
		{[]string{"explain"}, 2, "请给出已结案件的案号"},
		{[]string{"explain", "(2025)黔0115行初89号"}, 1, "案件 (2025)黔0115行初89号 尚未结案"},
		{[]string{"explain", "(2025)黔0115行初999号"}, 1, "台账中没有案号 (2025)黔0115行初999号"},
		{[]string{"explain", "(2025)黔0115行初88号", "--bogus"}, 2, "bogus"},
		{[]string{"anonymize", "file.txt"}, 2, "从标准输入读取文本"},
	}
	for _, tt := range tests {
		code, out, errs := explainCLI(t, "", tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.wantErrs) || out != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout %q; want exit %d saying %q", tt.args, code, errs, out, tt.code, tt.wantErrs)
		}
		if strings.Count(strings.TrimSpace(errs), "\n") > 0 && tt.code == 1 {
			t.Errorf("%v: error on several lines: %q", tt.args, errs)
		}
	}
}

func TestAnonymizeCommand(t *testing.T) {
	tests := []struct {
		name, stdin string
		args        []string
		code        int
		want        string
	}{
		{"markers and identifiers", "原告张三，身份证号52010219800101123X，电话 +86 138-0013-8000，住某县城关镇解放路8号。\n", nil, 0,
			"原告张某，身份证号×××，电话 ×××，住某县×××。\n"},
		{"known names anywhere", "经查，欧阳娜娜与王小明系邻居。", []string{"--names", "欧阳娜娜、王小明"}, 0, "经查，欧阳某与王某系邻居。"},
		{"nothing personal", "某县自然资源局于2025年3月作出处罚决定。", nil, 0, "某县自然资源局于2025年3月作出处罚决定。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := explainCLI(t, tt.stdin, append([]string{"anonymize"}, tt.args...)...)
			if code != tt.code || out != tt.want {
				t.Errorf("exit %d (stderr %q), output %q; want exit %d, %q", code, errs, out, tt.code, tt.want)
			}
		})
	}
	t.Run("refuses what it cannot clean", func(t *testing.T) {
		code, out, errs := explainCLI(t, "本案中，**张**三不服处罚。", "anonymize", "--names", "张三")
		if code != 1 || out != "" || !strings.Contains(errs, "脱敏后仍检出个人信息（姓名）") || strings.Contains(errs, "三") {
			t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
		}
	})
}
