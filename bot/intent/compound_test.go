package intent

import (
	"slices"
	"testing"
	"time"
)

// A message is split only where two clauses each ask a question of their
// own; what is told, asked for or said without a subject stays with the
// question it belongs to.
func TestCompound(t *testing.T) {
	o := Options{Now: time.Date(2026, 11, 19, 8, 40, 0, 0, time.FixedZone("CST", 8*3600))}
	for _, c := range []struct {
		text string
		want []string
	}{
		{"明天有几个庭 另外今年败诉率多少", []string{"明天有几个庭", "今年败诉率多少"}},
		{"85号判了没 117号什么时候开庭", []string{"85号判了没", "117号什么时候开庭"}},
		{"下周的庭都有谁去，还有47号答复交了没？", []string{"下周的庭都有谁去", "47号答复交了没"}},
		{"麻烦问下 明天有几个庭 今年败诉率多少", []string{"麻烦问下 明天有几个庭", "今年败诉率多少"}},
		{"85号判了没 判的什么", nil},
		{"明天还有几个庭", nil},
		{"公安局 下周 开庭", nil},
		{"下周有哪些庭 负责人都确认了吗", nil},
		{"117号什么时候开庭 开之前跟我说一声", nil},
		{"今天上午的庭，负责人陈立出庭", nil},
		{"明天的庭 公安局的呢", nil},
	} {
		got, err := Compound(c.text, o)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Compound(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
