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
