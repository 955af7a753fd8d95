package privacy

import "testing"

func TestMaskName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"张三", "张某"},
		{"李小明", "李某"},
		{"欧阳娜娜", "欧阳某"},
		{"诸葛亮", "诸葛某"},
		{"司马光", "司马某"},
		{"欧阳", "欧某"}, // two characters: a surname 欧 and a given name 阳
		{"阿依古丽·买买提", "阿某"},
		{"扎西·次仁", "扎某"},
		{"John Smith", "J某"},
		{" 王五 ", "王某"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := MaskName(tt.in); got != tt.want {
			t.Errorf("MaskName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
