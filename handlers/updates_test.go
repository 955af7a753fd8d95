package handlers

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"casebot/bot"
	"casebot/bot/audit"
	"casebot/bot/cases"
	"casebot/bot/people"
)

const (
	upAgency = "某县市场监督管理局"
	upNumber = "(2025)黔0115行初101号"
)

// newUpdateEnv has one staff member, one head, and a case with a hearing
// tomorrow (2025-11-27 09:30).
func newUpdateEnv(t *testing.T) *chatEnv {
	e := newChatEnv(t, nil)
	e.people(
		&people.Person{UserID: "staff1", Name: "陈专班", Role: people.Staff},
		&people.Person{UserID: "head1", Name: "王五", Role: people.Head, Agency: upAgency, Post: "局长"},
	)
	c := lawsuit(upNumber, "赵一明", upAgency)
	c.AddHearing(cases.Hearing{At: at("2025-11-27 09:30"), Place: "第一法庭", Head: "王五", HeadPost: "局长", MustAppear: true})
	e.put(c, lawsuit("(2025)黔0115行初102号", "钱二宝", upAgency))
	return e
}

// auditOf returns the audit entries of user, oldest first, as
// "action/kind results detail".
func auditOf(t *testing.T, e *chatEnv, user string) []string {
	t.Helper()
	es, err := audit.New(e.st.Client(), e.st.Keys(), 1000).List(context.Background(), audit.Filter{User: user})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, en := range es {
		out = append(out, en.Action+"/"+en.Kind+" "+strconv.Itoa(en.Results)+" "+en.Detail)
	}
	return out
}

func mustContain(t *testing.T, what, s string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(s, p) {
			t.Errorf("%s lacks %q:\n%s", what, p, s)
		}
	}
}

func TestMoveHearingEchoConfirmApplyAudit(t *testing.T) {
	e := newUpdateEnv(t)
	// Full-width digits and brackets, as phones type them.
	echo := e.one("staff1", "开庭 （２０２５）黔０１１５行初１０１号 ２０２５-１２-０３ ０９:３０ 第三法庭")
	mustContain(t, "echo", echo, "**请核对以下修改**", "> 案号："+upNumber,
		"> 开庭改期：2025-11-27（周四）09:30 → 2025-12-03（周三）09:30", "> 地点：第三法庭",
		"将记录为改期", "回复“确认”执行，回复“取消”放弃")
	// Nothing changes before 确认.
	if h := e.get(upNumber).Hearings[0]; !h.At.Equal(at("2025-11-27 09:30")) || h.Place != "第一法庭" {
		t.Fatalf("hearing changed before 确认: %+v", h)
	}
	e.now = e.now.Add(2 * time.Minute)
	done := e.one("staff1", "确认")
	mustContain(t, "answer", done, "**已修改**", "**"+upNumber+"**", "2025-12-03（周三）09:30</font> 第三法庭",
		"（由 2025-11-27（周四）09:30 改期）")

	c := e.get(upNumber)
	if len(c.Hearings) != 1 {
		t.Fatalf("hearings = %+v, want the one hearing moved", c.Hearings)
	}
	h := c.Hearings[0]
	if !h.At.Equal(at("2025-12-03 09:30")) || h.Place != "第三法庭" || h.Head != "王五" || !h.MustAppear {
		t.Errorf("moved hearing = %+v", h)
	}
	if len(h.Reschedules) != 1 || !h.Reschedules[0].From.Equal(at("2025-11-27 09:30")) || h.Reschedules[0].Source != "chat:staff1" {
		t.Errorf("reschedules = %+v, want one from 11-27 by chat:staff1", h.Reschedules)
	}
	// The reschedule is in the hearing-change stream, for reminders to
	// tell those already reminded.
	chs, err := e.st.HearingChanges(context.Background(), "0", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(chs) != 1 || chs[0].Kind != cases.HearingRescheduled || chs[0].Ref != cases.Ref(upNumber, h.ID) ||
		!chs[0].From.Equal(at("2025-11-27 09:30")) || !chs[0].To.Equal(at("2025-12-03 09:30")) {
		t.Errorf("hearing changes = %+v", chs)
	}
	want := []string{"update/hearing 0 待确认", "update/hearing 1 案号：" + upNumber + "；开庭改期：2025-11-27（周四）09:30 → 2025-12-03（周三）09:30；地点：第三法庭；将记录为改期；已收到原开庭提醒的人员会收到改期通知。"}
	if got := auditOf(t, e, "staff1"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("audit =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A second 确认 applies nothing twice.
	r := e.one("staff1", "确认")
	if strings.Contains(r, "已修改") {
		t.Errorf("second 确认 applied again: %s", r)
	}
}

func TestAddHearingAndShortNumber(t *testing.T) {
	e := newUpdateEnv(t)
	echo := e.one("staff1", "开庭 行初102 12月3日 下午两点半 第二法庭")
	mustContain(t, "echo", echo, "> 案号：(2025)黔0115行初102号", "> 新增开庭：2025-12-03（周三）14:30", "> 地点：第二法庭")
	mustContain(t, "answer", e.one("staff1", "确认"), "**已修改**", "2025-12-03（周三）14:30</font> 第二法庭")
	c := e.get("(2025)黔0115行初102号")
	if hs := c.ActiveHearings(); len(hs) != 1 || !hs[0].At.Equal(at("2025-12-03 14:30")) {
		t.Errorf("hearings = %+v", c.Hearings)
	}
	// 增加开庭 keeps the coming hearing and carries its head over.
	echo = e.one("staff1", "增加开庭 "+upNumber+" 12月10日 14:30 第一法庭")
	mustContain(t, "echo", echo, "> 新增开庭：2025-12-10（周三）14:30", "> 出庭负责人：王五（局长）（沿用上次开庭）", "另有 2025-11-27（周四）09:30 的开庭，保持不变")
	e.one("staff1", "确认")
	if hs := e.get(upNumber).ActiveHearings(); len(hs) != 2 || hs[1].Head != "王五" || !hs[0].At.Equal(at("2025-11-27 09:30")) {
		t.Errorf("hearings = %+v", hs)
	}
}

func TestCancelAndMovingOnLeaveTheCaseAlone(t *testing.T) {
	e := newUpdateEnv(t)
	e.one("staff1", "改期 "+upNumber+" 12月5日 下午3点")
	if r := e.one("staff1", "取消"); r != "已取消，没有作任何修改。" {
		t.Errorf("取消 → %q", r)
	}
	e.one("staff1", "改期 "+upNumber+" 12月5日 下午3点")
	// Asking something else answers the question and leaves the change
	// waiting, said so; nothing is written.
	out := e.say("staff1", "本周开庭")
	if len(out) != 2 || !strings.Contains(out[0], "本周") || !strings.Contains(out[1], "上一条修改仍待确认") {
		t.Errorf("moving on → %q", out)
	}
	if h := e.get(upNumber).Hearings[0]; !h.At.Equal(at("2025-11-27 09:30")) {
		t.Errorf("hearing changed: %+v", h)
	}
	if r := e.one("staff1", "取消"); r != "已取消，没有作任何修改。" {
		t.Errorf("取消 after moving on → %q", r)
	}
	got := auditOf(t, e, "staff1")
	if len(got) < 3 || got[0] != "update/move-hearing 0 待确认" || got[1] != "update/move-hearing 0 已取消" {
		t.Errorf("audit = %q", got)
	}
}

func TestCloseCaseAndAppearance(t *testing.T) {
	e := newUpdateEnv(t)
	echo := e.one("staff1", "结案 (2025)黔0115行初102号 2025-11-20 判决撤销 行政程序违法")
	mustContain(t, "echo", echo, "> 结案：2025-11-20 判决撤销（败诉）", "> 败诉原因：行政程序违法")
	mustContain(t, "answer", e.one("staff1", "确认"), "**已修改**", "2025-11-20 判决撤销", "（败诉）", "> 败诉原因：行政程序违法")
	c := e.get("(2025)黔0115行初102号")
	if c.Closure == nil || c.Closure.Method != cases.JudgmentRevoke || !c.Closure.On.Equal(at("2025-11-20 00:00")) || c.Closure.Reason != "行政程序违法" {
		t.Errorf("closure = %+v", c.Closure)
	}
	// The outcome shows at once in the counts.
	mustContain(t, "本月败诉", e.one("staff1", "本月败诉"), "**2025年11月败诉案件**：共 1 件", "(2025)黔0115行初102号")

	// The hearing of 11-27 has not been held yet: no appearance to record.
	mustContain(t, "too early", e.one("staff1", "出庭 "+upNumber+" 是"), "尚无已开庭的记录")
	e.now = at("2025-11-27 12:00")
	echo = e.one("staff1", "出庭 "+upNumber+" 否")
	mustContain(t, "echo", echo, "> 2025-11-27（周四）09:30 的开庭：负责人未出庭（王五）")
	e.one("staff1", "确认")
	if h := e.get(upNumber).Hearings[0]; h.HeadAppeared == nil || *h.HeadAppeared {
		t.Errorf("head appeared = %v, want recorded false", h.HeadAppeared)
	}
	// Recording it again says it overwrites.
	mustContain(t, "again", e.one("staff1", "出庭 "+upNumber+" 是"), "已登记过出庭情况，确认后将覆盖")
	e.one("staff1", "确认")
	if h := e.get(upNumber).Hearings[0]; h.HeadAppeared == nil || !*h.HeadAppeared {
		t.Errorf("head appeared = %v, want true", h.HeadAppeared)
	}
}

func TestUpdateRefusalsAndErrors(t *testing.T) {
	e := newUpdateEnv(t)
	tests := []struct {
		user, text string
		want       string
	}{
		{"head1", "结案 " + upNumber + " 撤诉", "只有司法局工作人员和管理员可以在聊天中修改台账"},
		{"staff1", "开庭 (2025)黔0115行初999号 2025-12-03 09:30", "台账中没有案件 (2025)黔0115行初999号，请核对案号后重新发送"},
		{"staff1", "改期 (2025)黔0115行初102号 12月5日 9:00", "没有待开庭的记录，无法改期"},
		{"staff1", "开庭 " + upNumber + " 2025-11-27 09:30", "开庭时间已是 2025-11-27（周四）09:30，无需修改"},
		{"staff1", "开庭 " + upNumber + " 12月3日", "请写明开庭的具体时间"},
		{"staff1", "结案 " + upNumber + " 判决胜诉", "判决胜诉"},
		{"staff1", "结案 " + upNumber + " 2025-12-20 撤诉", "晚于今天"},
		{"staff1", "出庭 " + upNumber + " 不知道", "请写明负责人是否出庭（是 或 否）"},
	}
	// A head writing a hearing update reports it to the bureau, which
	// gets it for one 确认; nothing changes yet.
	e.seq++
	if err := e.b.Handle(context.Background(), &bot.Message{ID: "news1", Type: "text", From: "head1",
		Text: "开庭 " + upNumber + " 2025-12-03 09:30 第三法庭", CreateTime: e.now}); err != nil {
		t.Fatal(err)
	}
	var toHead, toStaff string
	for _, o := range e.rec.take() {
		if o.ToUsers[0] == "head1" {
			toHead = o.Text
		} else {
			toStaff = o.Text
		}
	}
	mustContain(t, "head's acknowledgement", toHead, "已告知司法局应诉专班：法院将开庭改到 **12月3日（周三）09:30**")
	mustContain(t, "forward to staff", toStaff, "【改期消息】王五", "拟登记：改期至 12月3日（周三）09:30", "第三法庭", "回复“确认改期”")
	for _, tt := range tests {
		r := e.one(tt.user, tt.text)
		if !strings.Contains(r, tt.want) {
			t.Errorf("%s %q → %q, want %q", tt.user, tt.text, r, tt.want)
		}
		if strings.Contains(r, "请核对以下修改") {
			t.Errorf("%s %q was echoed for confirmation", tt.user, tt.text)
		}
	}
	c := e.get(upNumber)
	if len(c.Hearings) != 1 || !c.Hearings[0].At.Equal(at("2025-11-27 09:30")) || c.Closure != nil {
		t.Errorf("case changed: %+v %+v", c.Hearings, c.Closure)
	}
	if got := auditOf(t, e, "head1"); len(got) != 2 || !strings.HasPrefix(got[0], "update/news") || !strings.HasPrefix(got[1], "refused/closure") {
		t.Errorf("head audit = %q", got)
	}
}

// TestConfirmAfterAnotherChange: the change is checked again when
// confirmed, inside the store's transaction; a hearing moved meanwhile is
// not overwritten.
func TestConfirmAfterAnotherChange(t *testing.T) {
	e := newUpdateEnv(t)
	e.one("staff1", "改期 "+upNumber+" 12月5日 9:00")
	if _, err := e.st.Update(context.Background(), upNumber, func(c *cases.Case) error {
		c.MoveHearing(c.Hearings[0].ID, at("2025-12-01 09:30"), e.now, "import:ledger.xlsx")
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "answer", e.one("staff1", "确认"), "确认前该案已被他人修改：开庭时间已改为 2025-12-01（周一）09:30")
	if h := e.get(upNumber).Hearings[0]; !h.At.Equal(at("2025-12-01 09:30")) {
		t.Errorf("hearing = %v, want the other change kept", h.At)
	}
	if got := auditOf(t, e, "staff1"); len(got) != 2 || !strings.Contains(got[1], "未执行") {
		t.Errorf("audit = %q", got)
	}
}

// TestChatMoveOfRemindedHearing: a hearing whose head was already reminded
// is moved in chat; the move is recorded as a reschedule, and the next
// reminders sweep tells the head of the new time.
func TestChatMoveOfRemindedHearing(t *testing.T) {
	e := newRemindEnv(t)
	if cards := e.sweep("2025-09-23 16:00"); cards["wangwu"] == nil {
		t.Fatalf("no reminder to the head: %v", cards)
	}
	e.now = at("2025-09-23 17:00")
	echo := texts(e.say("staff1", "改期 "+e.case_.Number+" 9月30日 上午9点半"))
	mustContain(t, "echo", echo, "> 开庭改期：2025-09-24（周三）09:30 → 2025-09-30（周二）09:30", "已收到原开庭提醒的人员会收到改期通知")
	mustContain(t, "answer", texts(e.say("staff1", "确认")), "**已修改**")
	h := e.hearing()
	if !h.At.Equal(at("2025-09-30 09:30")) || len(h.Reschedules) != 1 {
		t.Fatalf("hearing = %+v", h)
	}
	e.now = at("2025-09-23 17:05")
	if _, err := e.svc.Sweep(context.Background(), e.now); err != nil {
		t.Fatal(err)
	}
	var told string
	for _, o := range e.rec.take() {
		if len(o.ToUsers) == 1 && o.ToUsers[0] == "wangwu" {
			told += o.Text
			if o.Card != nil {
				told += o.Card.MainTitle.Title + o.Card.SubTitleText
			}
		}
	}
	mustContain(t, "notice to the head", told, "改期")
}

// TestDeleteCaseInChat: 删除案件 is for admins, echoes the case, waits for
// 确认, removes the case with its hearings, and is audited; staff are
// refused; the deletion can be undone.
func TestDeleteCaseInChat(t *testing.T) {
	e := newUpdateEnv(t)
	e.people(&people.Person{UserID: "admin1", Name: "张管理", Role: people.Admin})
	refused := e.one("staff1", "删除案件 "+upNumber)
	mustContain(t, "staff", refused, "只有管理员可以删除案件")
	echo := e.one("admin1", "删除案件 2025黔0115行初101号")
	mustContain(t, "echo", echo, "**请核对：将从台账中删除以下案件**", "> 案号："+upNumber, "> 当事人：赵一明 诉 "+upAgency,
		"> 开庭：1 次", "casebot import --undo", "回复“确认”执行")
	if e.get(upNumber) == nil {
		t.Fatal("deleted before 确认")
	}
	done := e.one("admin1", "确认")
	mustContain(t, "answer", done, "**已删除** 案件 "+upNumber)
	if c, err := e.st.Get(context.Background(), upNumber); err == nil {
		t.Fatalf("still there: %+v", c)
	}
	got := auditOf(t, e, "admin1")
	if len(got) == 0 || !strings.HasPrefix(got[len(got)-1], "update/delete 1 ") {
		t.Errorf("audit %v", got)
	}
	if _, err := e.st.Undo(context.Background()); err != nil {
		t.Fatal(err)
	}
	if c := e.get(upNumber); c == nil || len(c.Hearings) != 1 {
		t.Errorf("after undo: %+v", c)
	}
}
