package intent

import (
	"slices"
	"testing"
)

func TestDutyAsked(t *testing.T) {
	for _, c := range []struct {
		text string
		want []DutyTopic
	}{
		{"23号高院那个再审要我们领导去吗", []DutyTopic{DutyAppear}},
		{"好的 那个庭负责人不用去吧 我打电话给赵磊说一声", []DutyTopic{DutyAppear}},
		{"16号郑十冯十一那个还要我去吧 上次不是去过了", []DutyTopic{DutyAppear}},
		{"褚十三再审那个高院啥时候开 要县长去吗", []DutyTopic{DutyAppear}},
		{"下下周三那个登记的案子我还得去吗", []DutyTopic{DutyAppear}},
		{"行初117需不需要局长亲自出庭", []DutyTopic{DutyAppear}},
		{"卫十四那个我也没去 算不算没出庭", []DutyTopic{DutyCounted}},
		{"88号那次算出庭吗", []DutyTopic{DutyCounted}},
		{"85号计不计入出庭率", []DutyTopic{DutyCounted}},
		{"85号算11月还是12月的 开庭是11月", []DutyTopic{DutyMonth}},
		{"行初83算哪个月的", []DutyTopic{DutyMonth}},
		{"61号是算这个月的吗", []DutyTopic{DutyMonth}},
		{"孙局那个没出庭被发司法建议的 通报里要不要点名", []DutyTopic{DutyBulletin}},
		{"85号会不会被通报", []DutyTopic{DutyBulletin}},
		{"金三十一那个判撤销了我看到卡片了原因分析让周洁写就行了吧我这边还要签字吗", []DutyTopic{DutyRectify, DutySign}},
		{"那还要不要写情况说明", []DutyTopic{DutyExplain}},
		{"85号整改报告谁来写", []DutyTopic{DutyRectify}},
		{"行初61还要报整改吗", []DutyTopic{DutyRectify}},
		{"孙局那个要不要在通报里点名", []DutyTopic{DutyBulletin}},
		{"61号整改报告要局长签字吗", []DutyTopic{DutySign}},
		{"88号这个算不算无正当理由", []DutyTopic{DutyCounted}},
		{"121号需要提前交身份证明吗", []DutyTopic{DutyPapers}},
		{"复41听证要不要局长参加", []DutyTopic{DutyAppear}},
		{"85号计入本月败诉数吗", []DutyTopic{DutyMonth}},
		{"88号还没判吧 领导没出庭的说明交法院了没", []DutyTopic{DutyFiled}},
		{"121号身份证明交了没", []DutyTopic{DutyFiled}},
		// not duty questions
		{"101号出庭通知书收到了吗", nil},
		{"身份证明怎么写", nil},
		{"85号", nil},
		{"85号开庭时间", nil},
		{"明天的庭谁去", nil},
		{"孙局去了没", nil},
		{"我明天去不了", nil},
		{"85号整改报告交了没", nil},
		{"帮我写个整改措施", nil},
		{"整改报告怎么交", nil},
		{"是不是去年的案子", nil},
		{"我要去法院", nil},
		{"十一月通报先出个初稿我改", nil},
		{"85号的上诉状要不要局长签字", nil},
		{"今年出庭率多少", nil},
	} {
		got, _ := DutyAsked(c.text)
		if !slices.Equal(got, c.want) {
			t.Errorf("DutyAsked(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
