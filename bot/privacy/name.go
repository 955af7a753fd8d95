package privacy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// compoundSurnames are two-character surnames; for these the whole surname
// is kept (欧阳某), not just its first character.
var compoundSurnames = []string{
	"欧阳", "太史", "端木", "上官", "司马", "东方", "独孤", "南宫", "万俟", "闻人", "夏侯", "诸葛", "尉迟",
	"公羊", "赫连", "澹台", "皇甫", "宗政", "濮阳", "公冶", "太叔", "申屠", "公孙", "慕容", "仲孙", "钟离",
	"长孙", "宇文", "司徒", "鲜于", "司空", "闾丘", "子车", "亓官", "司寇", "巫马", "公西", "颛孙", "壤驷",
	"公良", "漆雕", "乐正", "宰父", "谷梁", "拓跋", "夹谷", "轩辕", "令狐", "段干", "百里", "呼延", "东郭",
	"南门", "羊舌", "微生", "梁丘", "左丘", "东门", "西门", "第五", "南荣", "东里", "仲长", "即墨", "达奚",
	"褚师", "淳于", "单于", "锺离", "闻人", "呼衍", "完颜", "爱新", "叶赫", "纳兰", "乌雅", "舒穆",
}

// CompoundSurnames returns the two-character surnames MaskName knows.
func CompoundSurnames() []string { return append([]string(nil), compoundSurnames...) }

// Surname returns the surname part of a Chinese name: a known compound
// surname, else the first character. For minority and foreign names
// written with a middle dot, or in Latin letters, it is the first
// character (letter), as 第9条 keeps.
func Surname(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	r, size := utf8.DecodeRuneInString(name)
	if r < unicode.MaxASCII && unicode.IsLetter(r) {
		return strings.ToUpper(name[:size])
	}
	if !strings.ContainsAny(name, dots) && utf8.RuneCountInString(name) >= 3 {
		for _, s := range compoundSurnames {
			if strings.HasPrefix(name, s) {
				return s
			}
		}
		// A Japanese name of four characters or more keeps its family name
		// whole, as a compound surname does (山田太郎 → 山田某).
		if j := japaneseMatcher.at(name); j != "" && utf8.RuneCountInString(name)-utf8.RuneCountInString(j) >= 2 {
			return j
		}
	}
	return name[:size]
}

// MaskName returns the 隐名 form of a natural person's name: the surname
// followed by 某 (张三 → 张某, 欧阳娜娜 → 欧阳某, 阿依古丽·买买提 → 阿某,
// 山田太郎 → 山田某, John Smith → J某). An empty name stays empty.
func MaskName(name string) string {
	s := Surname(name)
	if s == "" {
		return ""
	}
	return s + "某"
}
