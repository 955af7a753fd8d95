package privacy

// Round 24 (priv24): names before the occupation a person is addressed
// by, and names before a post whose unit is already masked.

// occupationTitles follow a full name as its holder's occupation: 车建明教授,
// 宫立新医生, 向志远律师, 骆文华老师, 管红梅会计. The surname alone before
// them (卢医生) is titled.go's.
var occupationTitles = newMatcher([]string{"教授", "副教授", "医生", "医师", "主任医师", "副主任医师", "主治医师", "大夫", "律师", "老师", "会计", "会计师", "出纳",
	"工程师", "高级工程师", "护士", "护士长", "教练", "研究员", "法医", "鉴定人", "鉴定师", "评估师", "药师", "兽医"})

// occupationNames reads a surname and two given characters right before an
// occupation's title. The title is the evidence a role word would be:
// 经鉴定人车建明教授鉴定 names the expert as 鉴定人车建明 would. A post or
// a word that is no name (班主任老师, 主治医生) stays: the given part must
// read as a given name and the span must start where a word may end.
func (d *detector) occupationNames() {
	t := d.t
	for e := 3; e < t.n(); e++ {
		if t.match(e, occupationTitles) == 0 || d.taken[e-1] {
			continue
		}
		for _, s := range []int{e - 3, e - 4} {
			if s < 0 || d.taken[s] || !leftOK(t, s) {
				continue
			}
			for _, c := range hanCandidates(t, s, false) {
				if c.e != e || c.e-c.s-c.sur != 2 || !allCommonGiven(t, c.s+c.sur, c.e) || !plausible(t, c, evMarker) || crossesLeft(t, c.s, c.e, 20) {
					continue
				}
				// 由主任医师, 向班主任老师: a post in the given part.
				if t.match(c.s+c.sur, officialAfter) > 0 || t.match(c.s+c.sur, anyRole) > 0 {
					continue
				}
				d.add(c.s, c.e, capNeutral)
			}
		}
	}
}

// officeUnits are the units an office masks as 某局, 某科, 某支队 before its
// post.
var officeUnits = newMatcher([]string{"局", "科", "所", "队", "支队", "大队", "中队", "处", "股", "站", "办", "部", "院", "庭", "县", "镇", "乡", "街道", "村", "区", "市", "公司", "厂", "中心", "派出所"})

// maskedUnitPost reports whether a masked unit and its post start at k, the
// 某 of 覃志强某支队长 or 韦明亮某局副局长: the 某 there is the office's,
// not a masked name's, and the name before it is a name still to mask.
func maskedUnitPost(t *text, k int) bool {
	if k >= t.n() || t.rs[k] != '某' {
		return false
	}
	m := t.match(k+1, officeUnits)
	if m == 0 {
		return false
	}
	p := k + 1 + m
	return p < t.n() && (t.rs[p] == '长' || t.match(p, officialAfter) > 0 || t.match(p, postsAfterSurname) > 0)
}
