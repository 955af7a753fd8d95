package privacy

import (
	"strings"
	"testing"
)

// TestHearingRecord anonymizes a record of a hearing as one document: the
// names the court introduces are masked again as speakers' labels, and
// what follows a party's colon is what it said.
func TestHearingRecord(t *testing.T) {
	doc := strings.Join([]string{
		"审判长：现在开庭。原告邬春来，你是否申请回避？",
		"邬春来：不申请。",
		"审判长：被告代理人，请发表答辩意见。",
		"被告代理人：严格按照法定程序作出，请求驳回。",
		"审判长：证人江山，你与原告是什么关系？",
		"江山：邻居。",
		"审判长：双方是否愿意调解？",
		"原告：愿意。",
		"被告：需要请示领导。",
		"书记员：请全体起立。",
	}, "\n")
	want := strings.Join([]string{
		"审判长：现在开庭。原告邬某，你是否申请回避？",
		"邬某：不申请。",
		"审判长：被告代理人，请发表答辩意见。",
		"被告代理人：严格按照法定程序作出，请求驳回。",
		"审判长：证人江某，你与原告是什么关系？",
		"江某：邻居。",
		"审判长：双方是否愿意调解？",
		"原告：愿意。",
		"被告：需要请示领导。",
		"书记员：请全体起立。",
	}, "\n")
	checkCleans(t, []cleanCase{{"a hearing record", doc, want}})
}

// TestSpeechAfterColon: a header's or a signature's value is a name, a
// turn's is speech.
func TestSpeechAfterColon(t *testing.T) {
	tests := []struct {
		in     string
		speech bool
	}{
		{"原告：同意调解。", true},
		{"被告：常规检查，不需要提前告知。", true},
		{"原告代理人：明白，没有异议。", true},
		{"审判长：原告陆春华，是否申请回避？", true}, // another role word reads the name
		{"原告：冯丽娟，女，1985年生。", false},
		{"原告：高峰，男，1982年出生。", false},
		{"代理人：高原，某法律服务所法律工作者。", false},
		{"第三人：房东升，男，1958年出生。", false},
		{"记录人：温和", false}, // a form's label, not a turn
	}
	for _, tt := range tests {
		tx := newText(tt.in)
		c := strings.IndexRune(tt.in, '：')
		le := len([]rune(tt.in[:c]))
		if got := speechAfterColon(tx, le, le+1); got != tt.speech {
			t.Errorf("speechAfterColon(%s) = %v, want %v", tt.in, got, tt.speech)
		}
	}
}

// TestGivenNameBelongsToItsOwner: a given name read alone is the person
// whose full name the text gives, with that person's pseudonym; with two
// such people it is a person of its own.
func TestGivenNameBelongsToItsOwner(t *testing.T) {
	doc := "原告莫国栋称其父莫长顺于1995年建房。长顺去世后，国栋一直居住在该房屋内。"
	checkCleans(t, []cleanCase{{"given names alone", doc, "原告莫某甲称其父莫某乙于1995年建房。莫某乙去世后，莫某甲一直居住在该房屋内。"}})
	a := NewAnonymizer()
	a.Prepare(doc)
	for _, e := range a.Entities() {
		if e.Name == "国栋" || e.Name == "长顺" {
			t.Errorf("the given name %s was registered as a person of its own", e.Name)
		}
	}
	if o := (&Anonymizer{order: []*person{{name: "莫国栋"}, {name: "李国栋"}}}).givenOwner("国栋"); o != "" {
		t.Errorf("givenOwner with two owners = %q, want none", o)
	}
}

// TestPositionIdentifiers: the last digits of a card or a phone, and every
// number of a list after one label.
func TestPositionIdentifiers(t *testing.T) {
	checkCleans(t, []cleanCase{
		{"tail after 尾号为", "申请人称其尾号为3317的银行卡被冻结。", "申请人称其尾号为×××的银行卡被冻结。"},
		{"tail after 后四位", "收款人身份证号后四位为1028。", "收款人身份证号后四位为×××。"},
		{"a count of goods stays", "该批次货物的尾数为120箱，未予扣押。", "该批次货物的尾数为120箱，未予扣押。"},
		{"a list with a slash", "执法证号 33-0211-0045 / 33-0211-0052", "执法证号 ××× / ×××"},
		{"a list with 和", "两名执法人员的执法证号分别为JX0231和JX0236。", "两名执法人员的执法证号分别为×××和×××。"},
	})
}
