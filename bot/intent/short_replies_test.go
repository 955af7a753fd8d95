package intent

import (
	"testing"
	"time"
)

// TestShortReplyForms pins the forms chat17 reads (help in dialect, the
// 第4条 mark asked of a case, a head's no, a stand-in for me, draft edits,
// 今年前N个月, a rate as a proportion, a head's absence, what the ledger
// does not hold) and the messages each must leave alone.
func TestShortReplyForms(t *testing.T) {
	now := time.Date(2026, 11, 19, 8, 40, 0, 0, time.FixedZone("CST", 8*3600))
	read := func(s string) Understanding {
		u, err := Understand(s, Options{Now: now})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	for text, want := range map[string]bool{
		"你有啥子功能": true, "这个咋个用哦": true, "这个机器人能干啥子": true, "你都会些啥子嘛": true, "咋个用这个东西": true,
		"你能帮我做些啥子": true, "这个系统怎么弄": true, "咋个用嘛": true,
		"还有什么": false, "有什么": false, "还有啥子": false, "能查啥": false, "明天有啥子庭": false,
	} {
		if got := helpAsked(bare(Normalize(text))); got != want {
			t.Errorf("%s: help = %v, want %v", text, got, want)
		}
	}
	for text, want := range map[string]bool{
		"是不是应当出庭的": true, "这个算不算应当出庭的": true, "应不应该出庭": true, "要不要负责人出庭": true,
		"应当出庭的庭有哪些": false, "谁出庭": false,
	} {
		if got := AsksMustGo(text); got != want {
			t.Errorf("AsksMustGo(%q) = %v", text, got)
		}
	}
	for _, text := range []string{"我不去了", "不去了 有事", "明天的庭不来了"} {
		if u := read(text); u.News == nil || u.News.Kind != Cannot {
			t.Errorf("%s: news = %+v, want cannot", text, u.News)
		}
	}
	for text, want := range map[string]string{"我让周洁替我去": "周洁", "叫王副局长替我去": "王副局长", "我安排王芳替我去": "王芳", "我让周洁去开会": ""} {
		up, ok := FieldWrite(text, Options{Now: now})
		if got := map[bool]string{true: up.Head}[ok && up.Delegated]; got != want {
			t.Errorf("FieldWrite(%q): head %q, want %q", text, got, want)
		}
	}
	for text, act := range map[string]string{
		"加上法条": ExplainRevise, "补充一下法律依据": ExplainRevise, "写短一点": ExplainRevise,
		"换个案子": ExplainAnother, "换一个案例吧": ExplainAnother, "换个案子写": ExplainAnother,
	} {
		if u := read(text); u.Kind != Explain || u.ExplainAct != act {
			t.Errorf("%s: %s/%s, want explain/%s", text, u.Kind, u.ExplainAct, act)
		}
	}
	if u := read("今年前十个月的败诉率"); u.Rate != LossRate || !u.Period.From.Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, now.Location())) ||
		!u.Period.To.Equal(time.Date(2026, 11, 1, 0, 0, 0, 0, now.Location())) {
		t.Errorf("今年前十个月的败诉率: rate %s period %v", u.Rate, u.Period)
	}
	if u := read("近三个月的败诉率"); u.Period.From.Month() == 1 {
		t.Errorf("近三个月 read as the start of the year: %v", u.Period)
	}
	for text, rate := range map[string]Rate{"调解撤诉的比例呢": WithdrawalRate, "败诉的比例": LossRate, "出庭的比例多少": AppearanceRate} {
		if u := read(text); u.Rate != rate {
			t.Errorf("%s: rate %s, want %s", text, u.Rate, rate)
		}
	}
	for text, want := range map[string]bool{"出廷负责人没到的庭": true, "负责人没来的庭有哪些": true, "领导缺席的庭": true, "答辩期限没到的": false} {
		if got := read(text).NotAppeared; got != want {
			t.Errorf("%s: NotAppeared = %v", text, got)
		}
	}
	for text, topic := range map[string]string{
		"原告来不来": "plaintiff-appearance", "对方会不会来": "plaintiff-appearance", "书记员叫啥": "judge", "法官是哪个": "judge",
		"上次说明理由了没": "absence-reason", "原告是谁": "",
	} {
		u := read(text)
		if u.NotHeld != topic {
			t.Errorf("%s: NotHeld %q, want %q", text, u.NotHeld, topic)
		}
		if topic != "" && len(u.Residue) > 0 {
			t.Errorf("%s: residue %v left after the not-held topic", text, u.Residue)
		}
	}
}
