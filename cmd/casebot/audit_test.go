package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"casebot/bot/audit"
)

func TestAuditFilters(t *testing.T) {
	e := newCLIEnv(t)
	loc, _ := time.LoadLocation("Asia/Shanghai")
	log := audit.New(e.st.Client(), e.k, 1000)
	ctx := context.Background()
	at := func(s string) time.Time {
		t0, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		if err != nil {
			t.Fatal(err)
		}
		return t0
	}
	for _, en := range []audit.Entry{
		{At: at("2025-11-01 09:00"), User: "wangwu", Name: "王五", Role: "head", Action: audit.Query, Kind: "case", Text: "行初1", Results: 1, Cases: []string{"(2025)黔0115行初1号"}},
		{At: at("2025-11-02 10:00"), User: "chenzb", Name: "陈专班", Role: "staff", Action: audit.Update, Kind: "hearing", Text: "开庭 …", Results: 1, Detail: "待确认"},
		{At: at("2025-11-03 11:30"), User: "wangwu", Name: "王五", Role: "head", Action: audit.Query, Kind: "hearings", Text: "本周开庭", Results: 3},
		{At: at("2025-11-04 08:00"), User: "stranger", Action: audit.Refused, Kind: "unknown-user", Text: "你好"},
	} {
		if err := log.Record(ctx, en); err != nil {
			t.Fatal(err)
		}
	}
	lines := func(out string) []string {
		var ls []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			if l != "" {
				ls = append(ls, l[:len("2025-11-01 09:00:00")]+" "+strings.Fields(l)[2])
			}
		}
		return ls
	}
	tests := []struct {
		args []string
		want []string // time and user of each line printed
	}{
		{nil, []string{"2025-11-01 09:00:00 wangwu（王五）", "2025-11-02 10:00:00 chenzb（陈专班）", "2025-11-03 11:30:00 wangwu（王五）", "2025-11-04 08:00:00 stranger"}},
		{[]string{"--user", "wangwu"}, []string{"2025-11-01 09:00:00 wangwu（王五）", "2025-11-03 11:30:00 wangwu（王五）"}},
		{[]string{"--user", "陈专班"}, []string{"2025-11-02 10:00:00 chenzb（陈专班）"}},
		{[]string{"--since", "2025-11-02"}, []string{"2025-11-02 10:00:00 chenzb（陈专班）", "2025-11-03 11:30:00 wangwu（王五）", "2025-11-04 08:00:00 stranger"}},
		{[]string{"--since", "2025-11-02 10:01", "--user", "wangwu"}, []string{"2025-11-03 11:30:00 wangwu（王五）"}},
		{[]string{"--since", "2025-11-03T03:30:00Z"}, []string{"2025-11-03 11:30:00 wangwu（王五）", "2025-11-04 08:00:00 stranger"}},
		{[]string{"--limit", "1", "--since", "2025-11-02"}, []string{"2025-11-02 10:00:00 chenzb（陈专班）"}},
	}
	for _, tt := range tests {
		code, out, stderr := e.run(append([]string{"audit"}, tt.args...)...)
		if code != 0 {
			t.Errorf("%v: exit %d, stderr %s", tt.args, code, stderr)
			continue
		}
		if diff := cmp.Diff(tt.want, lines(out)); diff != "" {
			t.Errorf("%v (-want,+got):\n%s", tt.args, diff)
		}
	}
	// A line says what was asked, how many results and which cases.
	_, out, _ := e.run("audit", "--user", "wangwu", "--limit", "1")
	for _, w := range []string{"query/case", "1 条结果", "“行初1”", "案件 (2025)黔0115行初1号"} {
		if !strings.Contains(out, w) {
			t.Errorf("line %q lacks %q", out, w)
		}
	}
	// --json prints one object per line.
	_, out, _ = e.run("audit", "--user", "chenzb", "--json")
	if !strings.HasPrefix(out, "{") || !strings.Contains(out, `"detail":"待确认"`) || strings.Count(out, "\n") != 1 {
		t.Errorf("json = %s", out)
	}
	// Nothing matching is said on stderr, not an error.
	code, out, stderr := e.run("audit", "--user", "nobody")
	if code != 0 || out != "" || !strings.Contains(stderr, "没有符合条件的审计记录") {
		t.Errorf("no match: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	for _, args := range [][]string{{"audit", "--since", "上周"}, {"audit", "extra"}, {"audit", "--limit", "-1"}} {
		if code, _, stderr := e.run(args...); code != 2 || !strings.Contains(stderr, "casebot audit") {
			t.Errorf("%v: exit %d, stderr %q; want usage error", args, code, stderr)
		}
	}
}

func TestParseSinceRelative(t *testing.T) {
	now := time.Date(2025, 11, 10, 12, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Time{
		"24h": now.Add(-24 * time.Hour),
		"7d":  now.AddDate(0, 0, -7),
		"90m": now.Add(-90 * time.Minute),
	} {
		got, err := parseSince(in, now, time.UTC)
		if err != nil || !got.Equal(want) {
			t.Errorf("parseSince(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"0d", "-3h", "abc", "7dd"} {
		if _, err := parseSince(bad, now, time.UTC); err == nil {
			t.Errorf("parseSince(%q) accepted", bad)
		}
	}
}

// TestAuditUnanswered: --unanswered groups what the bot did not fully
// answer, most frequent first; --json prints the groups.
func TestAuditUnanswered(t *testing.T) {
	e := newCLIEnv(t)
	log := audit.New(e.st.Client(), e.k, 1000)
	ctx := context.Background()
	base := time.Date(2026, 11, 19, 9, 0, 0, 0, time.UTC)
	for i, en := range []audit.Entry{
		{User: "liuyang", Action: audit.Query, Kind: "scope", Text: "帮我订一下会议室", Outcome: audit.NotKnown},
		{User: "zhangwei", Action: audit.Query, Kind: "scope", Text: "帮我订一下会议室！", Outcome: audit.NotKnown},
		{User: "zhoujie", Action: audit.Query, Kind: "hearings", Text: "明天那个庭的材料还没收到通知书", Residue: "材料 通知书",
			Understood: "明天 · 开庭", Outcome: audit.Partly},
		{User: "sunqiang", Action: audit.Query, Kind: "hearings", Text: "下周我有庭吗", Understood: "本人 · 下周 · 开庭", Outcome: audit.Nothing},
		{User: "liuyang", Action: audit.Query, Kind: "hearings", Text: "明天有几个庭", Outcome: audit.Answered, Results: 3},
	} {
		en.At = base.Add(time.Duration(i) * time.Minute)
		if err := log.Record(ctx, en); err != nil {
			t.Fatal(err)
		}
	}
	code, out, stderr := e.run("audit", "--unanswered")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, w := range []string{"共 4 条，归为 3 类", "   2 次  没有读懂  “帮我订一下会议室”（2 人", "部分读懂  未读懂的词：材料 通知书",
		"查无结果  按“本人 · 下周 · 开庭”查询无结果"} {
		if !strings.Contains(out, w) {
			t.Errorf("--unanswered lacks %q:\n%s", w, out)
		}
	}
	if strings.Contains(out, "明天有几个庭") {
		t.Errorf("an answered question is listed:\n%s", out)
	}
	_, out, _ = e.run("audit", "--unanswered", "--json")
	if strings.Count(out, "\n") != 3 || !strings.Contains(out, `"count":2`) {
		t.Errorf("--json = %s", out)
	}
}
