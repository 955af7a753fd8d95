package privacy

import (
	"strings"
	"testing"
)

// TestSpacedIdentifiers checks the values written in groups after their
// labels, and that the same groups without a label stay.
func TestSpacedIdentifierGroups(t *testing.T) {
	cases := []struct {
		in   string
		kind Kind // "" when nothing may be read
	}{
		{"护照号码：E 1234 5678", KindPass},
		{"护照（号码EA 123 4567）", KindPass},
		{"QQ号为561 208 437。", KindQQ},
		{"港澳通行证号码：C 1234 5678", KindPermit},
		{"台胞证号码：1234 5678", KindPermit},
		{"QQ号为561208437 2023年", KindQQ},
		{"罚款金额为2,700 元。", ""},
		{"原告共获得补偿款 12 345 678 元。", ""},
		{"案号为（2023）黔0102行初 1234 号。", ""},
	}
	for _, c := range cases {
		var kinds []Kind
		for _, sp := range identifierSpans(c.in) {
			kinds = append(kinds, sp.kind)
		}
		if c.kind == "" && len(kinds) > 0 || c.kind != "" && !containsKind(kinds, c.kind) {
			t.Errorf("%s: read %v, want %q", c.in, kinds, c.kind)
		}
	}
}

// TestOfficeLines keeps an office line and masks a person's own number
// after the same kind of label.
func TestOfficeLines(t *testing.T) {
	for in, want := range map[string]string{
		"投诉监督电话：0851-8555 1234": "投诉监督电话：0851-8555 1234",
		"举报电话：12345":            "举报电话：12345",
		"申请人本人手机：138 0013 8000": "申请人本人手机：×××",
	} {
		if got := NewAnonymizer().Anonymize(in); got != want {
			t.Errorf("%s: got %s, want %s", in, got, want)
		}
	}
}

// TestReservedWordsInOneDocument: a name found in one sentence is not
// found again inside a place, a title or a brand that holds it.
func TestReservedWordsInOneDocument(t *testing.T) {
	doc := "嘎查长宝音对原告说明了补偿标准。宝音图嘎查位于该旗北部。\n第三人东方红称，其已按约交付房屋。东方红拖拉机厂与原告签订了购销合同。"
	a := NewAnonymizer()
	a.Prepare(doc)
	out, err := a.Clean(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"长宝音", "第三人东方红称"} {
		if strings.Contains(out, gone) {
			t.Errorf("%s leaked: %s", gone, out)
		}
	}
	for _, kept := range []string{"宝音图嘎查", "东方红拖拉机厂", "嘎查长"} {
		if !strings.Contains(out, kept) {
			t.Errorf("%s over-masked: %s", kept, out)
		}
	}
}
