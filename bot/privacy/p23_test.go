package privacy

import "testing"

// TestJapaneseFamilyNameAlone: 山田先生 after 山田浩二 in one document is
// masked, and the full name's pseudonym (山田某) is not refused as a
// residue of the family name read alone.
func TestJapaneseFamilyNameAlone(t *testing.T) {
	checkCleans(t, []cleanCase{
		{"doc", "原审第三人山田浩二，男，日本国籍。经询问，山田先生表示其当日在店内用餐。", "原审第三人山田某，男，日本国籍。经询问，山某先生表示其当日在店内用餐。"},
		{"alone", "据铃木女士陈述，其未收到任何通知", "据铃某女士陈述，其未收到任何通知"},
	})
}

// TestShopKeeperAcrossTexts: a keeper named beside the firm in one text
// of a case (法定代表人李德贵) makes the same firm the keeper's in the
// others, each anonymized alone after all were prepared; a shop of the
// same surname that no text ties to a keeper stays.
func TestShopKeeperAcrossTexts(t *testing.T) {
	texts := []string{
		"原告某县李记餐饮管理有限公司，住所地某县城关镇，法定代表人李德贵，该公司经理。",
		"消费者在“李记老火锅”用餐后出现不适。",
		"案件受理费50元，由原告某县李记餐饮管理有限公司负担。",
		"被告还检查了马记烧烤。",
	}
	a := NewAnonymizer()
	a.Prepare(texts...)
	want := []string{
		"原告某县李某餐饮管理有限公司，住所地某县城关镇，法定代表人李某，该公司经理。",
		"消费者在“李某老火锅”用餐后出现不适。",
		"案件受理费50元，由原告某县李某餐饮管理有限公司负担。",
		"被告还检查了马记烧烤。",
	}
	for i, in := range texts {
		got, err := a.Clean(in)
		if err != nil {
			t.Fatal(err)
		}
		if got != want[i] {
			t.Errorf("%s\n got  %s\n want %s", in, got, want[i])
		}
	}
}
