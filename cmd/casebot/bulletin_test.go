package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/redis/go-redis/v9"

	"casebot/bot/bulletin"
	"casebot/bot/cases"
	"casebot/bot/redistest"
	"casebot/bot/store"
	"casebot/bot/wecomtest"
	"casebot/config"
)

var bulletinLoc = func() *time.Location { l, _ := time.LoadLocation("Asia/Shanghai"); return l }()

func bulletinTime(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, bulletinLoc)
	if err != nil {
		panic(err)
	}
	return t
}

const (
	cliAgencyA = "某县市场监督管理局"
	cliAgencyB = "某县自然资源局"
	cliAgencyC = "某镇人民政府" // only a case filed in October: every rate null
)

// newBulletinCLI points the command line at a fresh key prefix of a real
// Redis holding October 2025: A closed 2 (1 lost, shared with B as
// co-defendant), B closed 2 (1 lost), C only filed one.
func newBulletinCLI(t *testing.T) *store.Store {
	rdb, k := redistest.New(t)
	st := store.New(rdb, k)
	c, ok := rdb.(*redis.Client)
	if !ok {
		t.Skip("needs a single Redis server")
	}
	t.Setenv("CASEBOT_CONFIG", "")
	t.Setenv("CASEBOT_REDIS_ADDR", c.Options().Addr)
	t.Setenv("CASEBOT_REDIS_PREFIX", strings.TrimSuffix(strings.TrimPrefix(k.Pattern(), "{"), "}:*"))
	mk := func(seq int, agencies []string, filed, closed string, method cases.Outcome, reason string) *cases.Case {
		n := cases.Number{Form: cases.CourtNumber, Court: "黔0115", Type: "行初", Year: 2025, Seq: seq}
		cs := &cases.Case{Number: n.String(), Kind: n.Kind(), Stage: n.Stage(),
			Plaintiffs: []cases.Party{cases.NewParty("张三")}, Defendants: agencies,
			Cause: "行政处罚", Court: "某县人民法院", FiledOn: bulletinTime(filed)}
		if closed != "" {
			cs.Closure = &cases.Closure{On: bulletinTime(closed), Method: method, Reason: reason}
		}
		return cs
	}
	if err := st.PutMany(context.Background(), []*cases.Case{
		mk(1, []string{cliAgencyA, cliAgencyB}, "2025-05-06 09:00", "2025-10-09 10:00", cases.JudgmentRevoke, "未依法送达"),
		mk(2, []string{cliAgencyA}, "2025-05-06 09:00", "2025-10-31 23:59", cases.WithdrawalPermitted, ""),
		mk(3, []string{cliAgencyB}, "2025-05-06 09:00", "2025-11-01 00:00", cases.JudgmentIllegal, "十一月的，不计入十月"),
		mk(4, []string{cliAgencyC}, "2025-10-10 09:00", "", "", ""),
	}, nil); err != nil {
		t.Fatal(err)
	}
	bulletinNow = func() time.Time { return bulletinTime("2025-11-05 10:00") }
	t.Cleanup(func() { bulletinNow = time.Now })
	return st
}

func keysOf(v any) []string {
	var ks []string
	for k := range v.(map[string]any) {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// The contract's keys (shared/ARCHITECTURE.md, "Bulletin JSON"); yoy is
// the 同比 the issue asks for besides.
var figureKeys = []string{"filed", "closed", "lost", "loss_rate", "judged", "loss_rate_judged", "mediated_withdrawn",
	"withdrawal_rate", "heard", "head_appeared", "appearance_rate", "reconsideration_closed",
	"reconsideration_corrected", "correction_rate"}

func TestBulletinJSONMatchesContract(t *testing.T) {
	newBulletinCLI(t)
	status, out, errOut := runCLI(t, "bulletin", "--month", "2025-10", "--json")
	if status != 0 {
		t.Fatalf("status %d: %s", status, errOut)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	check := func(what string, got any, want []string) {
		t.Helper()
		if diff := cmp.Diff(slices.Sorted(slices.Values(want)), keysOf(got)); diff != "" {
			t.Errorf("keys of %s (-want,+got):\n%s", what, diff)
		}
	}
	check("the document", doc, []string{"month", "generated_at", "total", "agencies", "lost_cases"})
	total := doc["total"].(map[string]any)
	check("total", total, append([]string{"ytd", "yoy"}, figureKeys...))
	check("total.ytd", total["ytd"], figureKeys)
	check("total.yoy", total["yoy"], append([]string{"month", "change"}, figureKeys...))
	check("total.yoy.change", total["yoy"].(map[string]any)["change"], figureKeys)
	agencies := doc["agencies"].([]any)
	for _, a := range agencies {
		check("an agency", a, append([]string{"agency", "ytd", "yoy"}, figureKeys...))
	}
	for _, l := range doc["lost_cases"].([]any) {
		check("a lost case", l, []string{"number", "agency", "outcome", "reason"})
	}

	if doc["month"] != "2025-10" || doc["generated_at"] != "2025-11-05T10:00:00+08:00" {
		t.Errorf("month %v, generated_at %v", doc["month"], doc["generated_at"])
	}
	// The co-defendant case counts once in the total and once for each
	// agency; 23:59 on 10-31 is October, 00:00 on 11-01 is not.
	wantTotal := map[string]any{"filed": 1.0, "closed": 2.0, "lost": 1.0, "loss_rate": 0.5, "judged": 1.0, "loss_rate_judged": 1.0,
		"mediated_withdrawn": 1.0, "withdrawal_rate": 0.5, "heard": 0.0, "head_appeared": 0.0, "appearance_rate": nil,
		"reconsideration_closed": 0.0, "reconsideration_corrected": 0.0, "correction_rate": nil}
	for k, want := range wantTotal {
		if total[k] != want {
			t.Errorf("total.%s = %v, want %v", k, total[k], want)
		}
	}
	byName := map[string]map[string]any{}
	for _, a := range agencies {
		m := a.(map[string]any)
		byName[m["agency"].(string)] = m
	}
	if a := byName[cliAgencyA]; a["closed"] != 2.0 || a["lost"] != 1.0 || a["loss_rate"] != 0.5 {
		t.Errorf("agency A: %v", a)
	}
	if b := byName[cliAgencyB]; b["closed"] != 1.0 || b["lost"] != 1.0 || b["loss_rate"] != 1.0 {
		t.Errorf("agency B: %v", b)
	}
	c := byName[cliAgencyC]
	for _, k := range []string{"loss_rate", "loss_rate_judged", "withdrawal_rate", "appearance_rate", "correction_rate"} {
		if v, ok := c[k]; !ok || v != nil {
			t.Errorf("agency C %s = %v, want null (no denominator)", k, v)
		}
	}
	if c["filed"] != 1.0 {
		t.Errorf("agency C filed %v, want 1", c["filed"])
	}
	lost := doc["lost_cases"].([]any)
	wantLost := []any{
		map[string]any{"number": "(2025)黔0115行初1号", "agency": cliAgencyA, "outcome": "判决撤销", "reason": "未依法送达"},
		map[string]any{"number": "(2025)黔0115行初1号", "agency": cliAgencyB, "outcome": "判决撤销", "reason": "未依法送达"},
	}
	if diff := cmp.Diff(wantLost, lost); diff != "" {
		t.Errorf("lost_cases (-want,+got):\n%s", diff)
	}
}

func TestBulletinMarkdownAndChart(t *testing.T) {
	newBulletinCLI(t)
	png := filepath.Join(t.TempDir(), "chart.png")
	status, out, errOut := runCLI(t, "bulletin", "--month=2025-10", "--chart", png)
	if status != 0 {
		t.Fatalf("status %d: %s", status, errOut)
	}
	for _, s := range []string{"# 关于2025年10月行政机关败诉案件情况的通报", "审结 **2** 件，其中行政机关败诉 **1** 件，败诉率 **50.00%**", "未依法送达"} {
		if !strings.Contains(out, s) {
			t.Errorf("markdown lacks %q:\n%s", s, out)
		}
	}
	b, err := os.ReadFile(png)
	if err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
		t.Errorf("chart file: %v", err)
	}
}

func TestBulletinUsage(t *testing.T) {
	newBulletinCLI(t)
	for _, tc := range []struct {
		args   []string
		status int
		want   string
	}{
		{[]string{"bulletin"}, 2, "请用 --month YYYY-MM 指定月份"},
		{[]string{"bulletin", "--month", "2025-13"}, 2, "月份“2025-13”不存在"},
		{[]string{"bulletin", "--month", "2025/10"}, 2, "应写作 YYYY-MM"},
		{[]string{"bulletin", "2025-10"}, 2, "多余的参数"},
		{[]string{"bulletin", "--month", "2025-10", "--bogus"}, 2, "bogus"},
		{[]string{"bulletin", "--month", "2025-12"}, 1, "2025年12月还没有到"},
		{[]string{"bulletin", "--month", "2025-11", "--send"}, 1, "wecom.corp_id (CASEBOT_WECOM_CORP_ID)"},
	} {
		status, _, errOut := runCLI(t, tc.args...)
		if status != tc.status || !strings.Contains(errOut, tc.want) || strings.Count(strings.TrimSpace(errOut), "\n") > 0 && tc.status == 1 {
			t.Errorf("%q: status %d, stderr %q; want %d and %q", tc.args, status, errOut, tc.status, tc.want)
		}
	}
}

// TestBulletinSend pushes through the real sender to a fake WeCom, once:
// a second run, and the scheduler afterwards, repeat nothing.
func TestBulletinSend(t *testing.T) {
	st := newBulletinCLI(t)
	fake := wecomtest.New("corp1", "secret1", 1000002)
	srv := httptest.NewServer(fake)
	defer srv.Close()
	t.Setenv("CASEBOT_WECOM_CORP_ID", "corp1")
	t.Setenv("CASEBOT_WECOM_AGENT_ID", "1000002")
	t.Setenv("CASEBOT_WECOM_SECRET", "secret1")
	t.Setenv("CASEBOT_WECOM_API_BASE", srv.URL)
	t.Setenv("CASEBOT_BULLETIN_CHAT_IDS", "zhuanban")
	t.Setenv("CASEBOT_BULLETIN_USER_IDS", "wangwu, lisi")
	t.Setenv("CASEBOT_SENDER_PART_INTERVAL", "0s")

	status, out, errOut := runCLI(t, "bulletin", "--month", "2025-10", "--send")
	if status != 0 {
		t.Fatalf("status %d: %s", status, errOut)
	}
	if !strings.Contains(out, "已推送2025年10月通报：群聊 zhuanban、成员 wangwu、成员 lisi") {
		t.Errorf("stdout: %s", out)
	}
	got := map[string][]string{}
	for _, m := range fake.Messages() {
		to := "chat:" + m.ChatID
		if m.ChatID == "" {
			to = "user:" + strings.Join(m.ToUsers, "|")
		}
		first, _, _ := strings.Cut(m.Content, "\n")
		got[to] = append(got[to], m.MsgType+" "+first)
	}
	chat := got["chat:zhuanban"]
	if len(chat) < 2 || chat[0] != "markdown # 关于2025年10月行政机关败诉案件情况的通报" || chat[len(chat)-1] != "image " {
		t.Fatalf("the chat got %q", chat)
	}
	for _, u := range []string{"user:wangwu", "user:lisi"} {
		if diff := cmp.Diff(chat, got[u]); diff != "" {
			t.Errorf("%s (-chat's,+its):\n%s", u, diff)
		}
	}
	n := len(fake.Messages())

	status, out, errOut = runCLI(t, "bulletin", "--month", "2025-10", "--send", "--json")
	if status != 0 || !strings.Contains(errOut, "此前已推送过、本次未重复推送：群聊 zhuanban、成员 wangwu、成员 lisi") {
		t.Errorf("second run: status %d, stderr %s", status, errOut)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc["month"] != "2025-10" {
		t.Errorf("--send --json stdout is not the contract JSON: %v\n%s", err, out)
	}
	cfg, err := config.Load("")
	if err != nil {
		t.Fatal(err)
	}
	sched, err := bulletin.NewPusher(cfg, st, nil) // a nil sender: any push would panic
	if err != nil {
		t.Fatal(err)
	}
	rep, err := sched.Sweep(context.Background(), bulletinTime("2025-11-05 10:05"))
	if err != nil || len(rep.Pushes) != 1 || len(rep.Pushes[0].Already) != 3 {
		t.Errorf("the scheduler after --send: %+v, %v", rep, err)
	}
	if len(fake.Messages()) != n {
		t.Errorf("sent again: %d messages, was %d", len(fake.Messages()), n)
	}
}
