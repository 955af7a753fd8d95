package intent

import (
	"testing"
	"time"
)

func TestFieldWrite(t *testing.T) {
	now := time.Date(2026, 11, 19, 8, 40, 0, 0, time.FixedZone("CST", 8*3600))
	o := Options{Now: now}
	for _, tc := range []struct {
		in             string
		ok             bool
		kind           UpdateKind
		head, post, dl string
		delegated      bool
		day            int // of November, for DeadlineDone
	}{
		{in: "登记 (2026)黔0115行初121号 出庭人 张明 副局长", ok: true, kind: SetHead, head: "张明", post: "副局长"},
		{in: "(2026)黔0115行初124号出庭的是王刚副局长", ok: true, kind: SetHead, head: "王刚", post: "副局长"},
		{in: "117号出庭负责人换成张局长 帮我登记一下", ok: true, kind: SetHead, head: "张局长"},
		{in: "明天的庭我让王副局长去行不", ok: true, kind: SetHead, head: "王副局长", delegated: true},
		{in: "换周洁去出庭", ok: true, kind: SetHead, head: "周洁", delegated: true},
		{in: "12月1号那个庭我让副局长替我去"}, // a post, nobody named
		{in: "117号出庭负责人换成孙局了没"},  // a question
		{in: "行初121出庭的确认没"},
		{in: "复47答复已经交了 帮我登记", ok: true, kind: DeadlineDone, dl: "reply", day: 19},
		{in: "行初133答辩状昨天交了", ok: true, kind: DeadlineDone, dl: "answer", day: 18},
		{in: "复47的答复我们今天交了 帮忙登记下", ok: true, kind: DeadlineDone, dl: "reply", day: 19},
		{in: "行初61检察建议的回复已经发了 登记一下", ok: true, kind: DeadlineDone, dl: "procuratorial_suggestion", day: 19},
		{in: "(2026)黔0115行初124号那个庭出庭的是住建局的李伟局长", ok: true, kind: SetHead, head: "李伟", post: "局长"},
		{in: "85号那个司法建议我们昨天回复了", ok: true, kind: DeadlineDone, dl: "judicial_suggestion", day: 18},
		{in: "我让周洁去开会"},
		{in: "133号的答辩状交了吗 交了帮我登记"},
		{in: "行初133那个答辩状交没交"},
		// chat31: papers received, and a head sent in the head's place after the fact.
		{in: "101判决书刚拿到了", ok: true, kind: DocServed, day: 19},
		{in: "裁定书今天收到", ok: true, kind: DocServed, day: 19},
		{in: "85号的判决今天送达的", ok: true, kind: DocServed, day: 19},
		{in: "85号判决书上周五收到的", ok: true, kind: DocServed, day: 13},
		{in: "昨天收到了法院的裁定书", ok: true, kind: DocServed, day: 18},
		{in: "今天收到法院送来的起诉状副本 原告张三", ok: true, kind: CopyReceived, day: 19},
		{in: "起诉状副本前天收到的", ok: true, kind: CopyReceived, day: 17},
		{in: "判决书收到了吗"},
		{in: "判决书收到没"},
		{in: "收到判决书后多久可以上诉"},
		{in: "收到起诉状副本后几天内要答辩"},
		{in: "上诉期从收到判决书开始算吗"},
		{in: "92号判决书拿到了 我们败诉了 撤销处罚决定"}, // a closing
		{in: "101那次陈局没去 派的副局长王刚", ok: true, kind: SetHead, head: "王刚", post: "副局长"},
		{in: "101今天上午陈局长没来 是王刚副局长出的庭", ok: true, kind: SetHead, head: "王刚", post: "副局长"},
	} {
		u, ok := FieldWrite(tc.in, o)
		if ok != tc.ok {
			t.Errorf("%s: ok %v, want %v (%+v)", tc.in, ok, tc.ok, u)
			continue
		}
		if !ok {
			continue
		}
		if u.Kind != tc.kind || u.Head != tc.head || u.HeadPost != tc.post || u.Deadline != tc.dl || u.Delegated != tc.delegated {
			t.Errorf("%s: got %+v", tc.in, u)
		}
		if tc.day != 0 && u.At.Day() != tc.day {
			t.Errorf("%s: day %v, want %d", tc.in, u.At, tc.day)
		}
	}
}

func TestMonthDays(t *testing.T) {
	for in, want := range map[string]string{
		"12月十六有庭吗":  "12月16日有庭吗",
		"12月一有几个庭":  "12月1日有几个庭",
		"11月二十五的庭":  "11月25日的庭",
		"12月一共有几个庭": "12月一共有几个庭",
		"12月十几个庭":   "12月十几个庭",
		"12月3日":     "12月3日",
	} {
		if got := monthDays(in); got != want {
			t.Errorf("monthDays(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOffTopicWithTimeWord(t *testing.T) {
	now := time.Date(2026, 11, 19, 8, 40, 0, 0, time.FixedZone("CST", 8*3600))
	for _, in := range []string{"今天天气咋样", "明天放假不", "今天食堂吃啥", "下周一开会不", "下午去哪耍", "今晚吃火锅不"} {
		u, err := Understand(in, Options{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		if u.Kind != Scope {
			t.Errorf("%s: kind %s, want scope", in, u.Kind)
		}
	}
	for _, in := range []string{"明天有几个庭", "下午的庭几点开", "明天开庭前要开会吗"} {
		u, _ := Understand(in, Options{Now: now})
		if u.Kind == Scope {
			t.Errorf("%s: read as out of scope", in)
		}
	}
}

func TestBareDone(t *testing.T) {
	o := Options{Now: time.Date(2026, 11, 19, 8, 40, 0, 0, time.UTC)}
	for in, want := range map[string]string{
		"刚交了 帮我登记":    "2026-11-19",
		"已经回了 昨天交的":   "2026-11-18",
		"今天交的 登记一下":   "2026-11-19",
		"前天就交了":       "2026-11-17",
		"已经提交了":       "2026-11-19",
		"交了没":         "",
		"答辩状交了":       "", // names the work: FieldWrite's
		"孙局交了":        "",
		"好的":          "",
		"登记一下":        "",
		"昨天发了 帮忙登记一下": "2026-11-18",
		"昨天就交了 帮忙记一下": "2026-11-18",
	} {
		u, ok := BareDone(in, o)
		got := ""
		if ok {
			got = u.At.Format("2006-01-02")
		}
		if got != want {
			t.Errorf("BareDone(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAbsenceTold: a head's absence told with who went instead. The lawyer
// or a handler sent is an absence; a deputy sent is no absence (FieldWrite
// reads who appeared); a question is neither.
func TestAbsenceTold(t *testing.T) {
	now := time.Date(2026, 11, 19, 11, 40, 0, 0, time.FixedZone("CST", 8*3600))
	o := Options{Now: now}
	for _, tc := range []struct {
		in     string
		ok     bool
		absent bool
	}{
		{"136那次负责人没去 让律师去的", true, true},
		{"行初124那次开庭负责人没到 委托律师出庭", true, true},
		{"今天上午的庭负责人没来 是律师去的", true, true},
		{"117 负责人出庭了", true, false},
		{"117今天的庭孙局亲自来了", true, false},
		{"101 陈局长没去 委托李文去的", true, true},
		{"101那次陈局没去 派的副局长王刚", false, false},
		{"今天上午的庭我没去成 王刚副局长代我去的", false, false},
		{"117负责人出庭了吗", false, false},
	} {
		u, ok := ReportedUpdate(tc.in, o)
		if ok != tc.ok {
			t.Errorf("%s: ok %v, want %v (%+v)", tc.in, ok, tc.ok, u)
			continue
		}
		if ok && (u.Kind != Appearance || u.Appeared == nil || *u.Appeared == tc.absent) {
			t.Errorf("%s: got %+v, want absent %v", tc.in, u, tc.absent)
		}
	}
	for _, in := range []string{"101那次陈局没去 派的副局长王刚", "今天上午的庭我没去成 王刚副局长代我去的"} {
		if u, ok := FieldWrite(in, o); !ok || u.Kind != SetHead || u.Head != "王刚" || !u.Held {
			t.Errorf("%s: FieldWrite %+v %v, want 王刚 held", in, u, ok)
		}
	}
	for _, in := range []string{"是律师去的", "136那次负责人没去 让律师去的"} {
		if u, ok := FieldWrite(in, o); ok {
			t.Errorf("%s: FieldWrite %+v, want none (a lawyer is no 负责人)", in, u)
		}
	}
}
