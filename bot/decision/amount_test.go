package decision

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Sums as decisions, quoted statements and drafts write them: each read
// once, at its value (in yuan here), and nothing read where no sum is
// said.
func TestFindAmounts(t *testing.T) {
	tests := []struct {
		text string
		want []string // text=yuan
	}{
		// Financial capitals with 整 (or 正), 圆 for 元, 角 and 分.
		{"决定对原告罚款人民币伍仟元整。", []string{"伍仟元=5000"}},
		{"没收违法所得伍佰元整，并处罚款人民币贰万叁仟元整", []string{"伍佰元=500", "贰万叁仟元=23000"}},
		{"罚款人民币壹拾万元正", []string{"壹拾万元=100000"}},
		{"收取押金伍仟圆整", []string{"伍仟圆=5000"}},
		{"退还多收费用贰佰元伍角陆分", []string{"贰佰元伍角陆分=200.56"}},
		{"罚款叁仟零伍拾元", []string{"叁仟零伍拾元=3050"}},
		// A figure and its 大写, or its yuan sign: one sum.
		{"罚款5000元（伍仟元整）", []string{"5000元=5000"}},
		{"罚款5,000元（大写：伍仟元整）", []string{"5,000元=5000"}},
		{"罚款人民币伍仟元（￥5000.00）", []string{"伍仟元=5000"}},
		{"处罚款5000（伍仟）元", []string{"5000（伍仟）元=5000"}},
		{"处罚款人民币伍万元整（50000元），已于当日缴纳50000元", []string{"伍万元=50000"}},
		{"缴纳罚款￥3,000.00", []string{"￥3,000.00=3000"}},
		// Both bounds of a range, with one unit or two.
		{"处五万元以上十万元以下罚款", []string{"五万元=50000", "十万元=100000"}},
		{"处五万以上十万元以下罚款", []string{"五万元=50000", "十万元=100000"}},
		{"并处二千以上一万元以下的罚款", []string{"二千元=2000", "一万元=10000"}},
		{"可处2000至5000元罚款", []string{"2000元=2000", "5000元=5000"}},
		{"罚款2000-5000元不等", []string{"2000元=2000", "5000元=5000"}},
		{"罚款金额在5-10万元之间", []string{"5万元=50000", "10万元=100000"}},
		{"处五至十万元罚款", []string{"五万元=50000", "十万元=100000"}},
		{"处2000至5万元罚款", []string{"2000元=2000", "5万元=50000"}},
		{"处3000元以上1万元以下的罚款", []string{"3000元=3000", "1万元=10000"}},
		// A figure with a Chinese magnitude is that many: 5千元 is 5000.
		{"罚款5千元", []string{"5千元=5000"}},
		{"投资额3千万元", []string{"3千万元=30000000"}},
		{"罚款1.5万元", []string{"1.5万元=15000"}},
		{"罚款５０００元", []string{"５０００元=5000"}},
		// In quotes, and colloquial 块 said in a quoted statement.
		{"告知书载明：“拟处罚款伍仟元整”。", []string{"伍仟元=5000"}},
		{"原告陈述：“他们当场罚了我二十块，没开票。”", []string{"二十块=20"}},
		{"证人证言：“我就收了他200块钱。”", []string{"200块钱=200"}},
		{"原告称：“两百块就算了，五千块我不认。”", []string{"两百块=200", "五千块=5000"}},
		{"当事人说「罚一百块吧」", []string{"一百块=100"}},
		{"原告陈述：“镇里叫我交两百块手续费，又收了五十块押金。”", []string{"两百块=200", "五十块=50"}},
		// A sum read twice in two writings is one.
		{"罚款3000元。……被申请人告知拟罚款叁仟元", []string{"3000元=3000"}},
		// Guards: no sum said.
		{"涉案金额达数万元", nil},
		{"每次收取几千元不等", nil},
		{"获利数十万元", nil},
		{"违法所得1万余元，另有5000多元未追回", nil},
		{"上万元的设备", nil},
		{"店外竖立三块广告牌，占用一块地", nil},
		{"证人说：“我们一块去的，搬了两块砖。”", nil},
		{"他说：“门口立了三块费用公示牌。”", nil},
		{"他当时拿了200块", nil}, // 块 outside a quote: a measure word as often
		{"第五百元", nil},
		{"罚款500，1000元", []string{"1000元=1000"}},
		{"等待5元5分钟", []string{"5元=5"}},
	}
	for _, tt := range tests {
		var got []string
		for _, a := range FindAmounts(tt.text) {
			got = append(got, fmt.Sprintf("%s=%s", a.Text, yuan(a.Fen)))
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want,+got):\n%s", tt.text, diff)
		}
	}
}

func yuan(fen int64) string {
	if fen%100 == 0 {
		return fmt.Sprint(fen / 100)
	}
	return fmt.Sprintf("%d.%02d", fen/100, fen%100)
}
