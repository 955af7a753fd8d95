package handlers

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/bot/redistest"
	"casebot/bot/store"
	"casebot/config"
)

const (
	bulletinAgencyA = "某县市场监督管理局"
	bulletinAgencyB = "某县自然资源局"
)

type bulletinChat struct {
	t   *testing.T
	b   *bot.Bot
	rec *recorder
	st  *store.Store
	now time.Time
}

// newBulletinChat stores October 2025: agency A lost 1 of 2 cases
// (…行初1号), agency B lost 1 of 3 (…行初3号); and the people who ask.
func newBulletinChat(t *testing.T) *bulletinChat {
	rdb, k := redistest.New(t)
	st := store.New(rdb, k)
	ctx := context.Background()
	if err := st.PutPeople(ctx, []*people.Person{
		{UserID: "admin1", Name: "周管理", Role: people.Admin},
		{UserID: "staff1", Name: "陈专班", Role: people.Staff},
		{UserID: "wangwu", Name: "王五", Role: people.Head, Agency: bulletinAgencyA, Post: "局长"},
		{UserID: "lisi", Name: "李四", Role: people.Handler, Agency: bulletinAgencyA},
		{UserID: "pufa1", Name: "吴普法", Role: people.Pufa},
	}); err != nil {
		t.Fatal(err)
	}
	mk := func(seq int, agency, closed string, method cases.Outcome, reason string) *cases.Case {
		n := cases.Number{Form: cases.CourtNumber, Court: "黔0115", Type: "行初", Year: 2025, Seq: seq}
		return &cases.Case{Number: n.String(), Kind: n.Kind(), Stage: n.Stage(),
			Plaintiffs: []cases.Party{cases.NewParty("张三")}, Defendants: []string{agency},
			Cause: "行政处罚", Court: "某县人民法院", FiledOn: at("2025-05-06 09:00"),
			Closure: &cases.Closure{On: at(closed), Method: method, Reason: reason}}
	}
	if err := st.PutMany(ctx, []*cases.Case{
		mk(1, bulletinAgencyA, "2025-10-09 10:00", cases.JudgmentRevoke, "未依法送达处罚告知书"),
		mk(2, bulletinAgencyA, "2025-10-15 10:00", cases.JudgmentDismissClaims, ""),
		mk(3, bulletinAgencyB, "2025-10-20 10:00", cases.JudgmentIllegal, "超过法定期限作出决定"),
		mk(4, bulletinAgencyB, "2025-10-21 10:00", cases.WithdrawalPermitted, ""),
		mk(5, bulletinAgencyB, "2025-10-31 23:59", cases.JudgmentDismissClaims, ""),
	}, nil); err != nil {
		t.Fatal(err)
	}
	e := &bulletinChat{t: t, rec: &recorder{}, st: st, now: at("2025-11-05 10:00")}
	e.b = &bot.Bot{Sender: e.rec, Redis: rdb, Keys: k, Location: cst, Directory: bot.DirectoryFunc(st.LookupPerson),
		Now: func() time.Time { return e.now }, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	Register(e.b, Deps{Config: config.MustDefault(), Store: st})
	return e
}

func (e *bulletinChat) say(user, text string) []bot.Outbound {
	e.t.Helper()
	if err := e.b.Handle(context.Background(), &bot.Message{Type: "text", From: user, Text: text}); err != nil {
		e.t.Fatal(err)
	}
	return e.rec.take()
}

// shape is each reply's type and first line, for order checks.
func shape(outs []bot.Outbound) []string {
	var s []string
	for _, o := range outs {
		if o.Type == bot.MsgImage {
			s = append(s, "image "+o.Image.Name)
			continue
		}
		first, _, _ := strings.Cut(o.Text, "\n")
		s = append(s, string(o.Type)+" "+first)
	}
	return s
}

func joined(outs []bot.Outbound) string {
	var b strings.Builder
	for _, o := range outs {
		b.WriteString(o.Text + "\n")
	}
	return b.String()
}

const (
	lostA = "(2025)黔0115行初1号"
	lostB = "(2025)黔0115行初3号"
)

// TestBulletinChatStaff: staff asking for "本月通报" on November 5th get
// October's notice — told which month it is — and its chart, and the view
// is audited.
func TestBulletinChatStaff(t *testing.T) {
	e := newBulletinChat(t)
	for _, tc := range []struct{ user, text, intro string }{
		{"staff1", "本月通报", "本月（11月）通报的是2025年10月的情况"},
		{"admin1", "2025年10月通报", "2025年10月的败诉通报如下"},
		{"staff1", "10月通报", "2025年10月的败诉通报如下"},
	} {
		outs := e.say(tc.user, tc.text)
		sh := shape(outs)
		if len(sh) < 3 || !strings.HasPrefix(sh[0], "text "+tc.intro) ||
			sh[1] != "markdown # 关于2025年10月行政机关败诉案件情况的通报" || sh[len(sh)-1] != "image bulletin-2025-10.png" {
			t.Errorf("%s %q got %q", tc.user, tc.text, sh)
			continue
		}
		for _, o := range outs {
			if diff := cmp.Diff([]string{tc.user}, o.ToUsers); diff != "" {
				t.Errorf("sent to (-want,+got):\n%s", diff)
			}
		}
		if !bytes.HasPrefix(outs[len(outs)-1].Image.Data, []byte("\x89PNG")) {
			t.Error("the chart is not a PNG")
		}
		text := joined(outs)
		for _, s := range []string{"审结 **5** 件，其中行政机关败诉 **2** 件，败诉率 **40.00%**", lostA, "未依法送达处罚告知书", lostB, "超过法定期限作出决定"} {
			if !strings.Contains(text, s) {
				t.Errorf("%s %q: the notice lacks %q", tc.user, tc.text, s)
			}
		}
	}
	entries, err := audit.New(e.st.Client(), e.st.Keys(), 1000).List(context.Background(), audit.Filter{User: "staff1"})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 || entries[0].Kind != "bulletin" || entries[0].Detail != "2025-10" || len(entries[0].Cases) != 2 {
		t.Errorf("audit entries: %+v", entries)
	}
}

// TestBulletinChatLastMonth: "上月通报" is the one issued in October, on
// September's figures.
func TestBulletinChatLastMonth(t *testing.T) {
	e := newBulletinChat(t)
	outs := e.say("staff1", "上月通报")
	if sh := shape(outs); len(sh) < 2 || !strings.HasPrefix(sh[0], "text 上月（10月）通报的是2025年9月的情况") ||
		sh[1] != "markdown # 关于2025年9月行政机关败诉案件情况的通报" {
		t.Errorf("got %q", sh)
	}
	if text := joined(outs); !strings.Contains(text, "本月无行政机关败诉案件") || strings.Contains(text, lostA) {
		t.Errorf("September's notice:\n%s", text)
	}
}

// TestBulletinChatHead: a head gets the ranking and their own agency's
// line and lost cases, not another agency's cases, and no chart.
func TestBulletinChatHead(t *testing.T) {
	e := newBulletinChat(t)
	outs := e.say("wangwu", "本月通报")
	sh := shape(outs)
	if len(sh) < 2 || !strings.HasPrefix(sh[0], "text 本月（11月）通报的是2025年10月的情况") ||
		sh[1] != "markdown # 2025年10月行政机关败诉案件情况（"+bulletinAgencyA+"）" {
		t.Fatalf("got %q", sh)
	}
	for _, s := range sh {
		if strings.HasPrefix(s, "image") {
			t.Errorf("a head got the chart: %q", sh)
		}
	}
	text := joined(outs)
	for _, s := range []string{"各单位败诉率排名", bulletinAgencyA + "</font>：审结 2 件，败诉 1 件，败诉率 **50.00%**",
		bulletinAgencyB + "</font>：审结 3 件，败诉 1 件，败诉率 **33.33%**", "本单位情况", lostA, "未依法送达处罚告知书"} {
		if !strings.Contains(text, s) {
			t.Errorf("the head's bulletin lacks %q:\n%s", s, text)
		}
	}
	if strings.Contains(text, lostB) || strings.Contains(text, "超过法定期限作出决定") {
		t.Errorf("the head sees another agency's lost case:\n%s", text)
	}
}

// TestBulletinChatRefusals: handlers and the 普法 team are told politely
// who to ask; impossible months are explained.
func TestBulletinChatRefusals(t *testing.T) {
	e := newBulletinChat(t)
	for _, tc := range []struct{ user, text, want string }{
		{"lisi", "本月通报", "月度败诉通报只发给司法局应诉专班、管理员和各单位负责人"},
		{"pufa1", "2025年10月通报", "月度败诉通报只发给司法局应诉专班、管理员和各单位负责人"},
		{"staff1", "13月通报", "“13月”不是有效的月份"},
		{"staff1", "2026年3月通报", "2026年3月还没有到，暂无该月通报"},
		{"staff1", "2019年10月通报", "台账中没有2019年10月及当年以来的一审行政诉讼或行政复议案件"},
	} {
		outs := e.say(tc.user, tc.text)
		if len(outs) != 1 || outs[0].Type != bot.MsgText || !strings.Contains(outs[0].Text, tc.want) {
			t.Errorf("%s %q got %q, want one text saying %q", tc.user, tc.text, shape(outs), tc.want)
		}
		if strings.Contains(joined(outs), lostA) {
			t.Errorf("%s %q: a refusal shows a case", tc.user, tc.text)
		}
	}
}

// TestBulletinChatMonthInProgress: the current month may be asked for; the
// reply says its figures are not final.
func TestBulletinChatMonthInProgress(t *testing.T) {
	e := newBulletinChat(t)
	e.now = at("2025-10-25 15:00")
	outs := e.say("staff1", "本月的败诉通报")
	if sh := shape(outs); len(sh) < 2 || !strings.HasPrefix(sh[0], "text 本月（10月）通报的是2025年9月的情况") {
		t.Errorf("本月通报 on 10-25: %q", sh)
	}
	outs = e.say("staff1", "10月通报")
	text := joined(outs)
	if !strings.Contains(text, "2025年10月尚未结束，以下是截至目前的数据") || !strings.Contains(text, "数据统计至 10月25日 15:00") {
		t.Errorf("10月通报 on 10-25:\n%.800s", text)
	}
}
