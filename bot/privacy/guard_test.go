package privacy

import (
	"errors"
	"testing"
)

// TestOrganisationGuard: a surname-led span that runs into an
// organisation's or shop's ending is the organisation, unless a person
// marker stands before it; a person who acts before an organisation is
// still a person.
func TestOrganisationGuard(t *testing.T) {
	checkCleans(t, []cleanCase{
		{"", "王守信饮片厂被责令停产整顿。", "王守信饮片厂被责令停产整顿。"},
		{"", "杨氏秘制辣子鸡的招牌未经审批设置。", "杨氏秘制辣子鸡的招牌未经审批设置。"},
		{"", "被告对赵氏兄弟汽修厂进行了现场检查。", "被告对赵氏兄弟汽修厂进行了现场检查。"},
		{"", "原告系李金山体育用品有限公司的股东。", "原告系李金山体育用品有限公司的股东。"},
		{"", "李宁体育用品有限公司的仓库被查封。", "李宁体育用品有限公司的仓库被查封。"},
		// An amount in capital numerals is no name.
		{"", "今收到原告交来押金伍仟元整。", "今收到原告交来押金伍仟元整。"},
		{"", "伍建国于当日缴纳了罚款。", "伍某于当日缴纳了罚款。"},
		// A person marker says a person; a person's deed ends the stretch.
		{"", "店主阮丽娟对违法事实供认不讳。", "店主阮某对违法事实供认不讳。"},
		{"", "原告王芳提交了医院的诊断证明。", "原告王某提交了医院的诊断证明。"},
		// 陈氏秋 (a Vietnamese name) stops at a conjunction.
		{"", "申请人（越南籍）陈氏秋与原告系夫妻关系。", "申请人（越南籍）陈某与原告系夫妻关系。"},
	})
}

// TestAlreadyMaskedStays: text masked before is never touched again.
func TestAlreadyMaskedStays(t *testing.T) {
	var cases []cleanCase
	for _, in := range []string{
		"申请人黄某，住××省××市××区××小区。",
		"原告张某某，男，住××县××镇××村。",
		"原告电话138****5678，身份证号5201**********1234。",
	} {
		cases = append(cases, cleanCase{"masked", in, in})
	}
	checkCleans(t, cases)
}

// TestResidueIsTrue: the check after masking refuses a name that really
// remains (one the text splits with markdown) and does not refuse a
// correctly masked text, whose masks sit beside words the detectors
// would read afresh.
func TestResidueIsTrue(t *testing.T) {
	a := NewAnonymizer("王建国")
	if _, err := a.Clean("本案中，**王建**国不服处罚。"); !errors.As(err, new(*LeakError)) {
		t.Errorf("a name split by markdown: err = %v, want a *LeakError", err)
	}
	for _, in := range []string{
		"原告张三与第三人李四签订了协议，张三称其已付款。",
		"申请人黄某，住××省××市××区××小区，电话138****5678。",
		"第三人周红、周军系兄妹。周红称周军已去世。",
	} {
		a := NewAnonymizer()
		a.Prepare(in)
		out, err := a.Clean(in)
		if err != nil {
			t.Errorf("Clean(%q) refused: %v", in, err)
			continue
		}
		if r := a.residueOf(out); len(r) != 0 {
			t.Errorf("residue of %q = %d items, want none", out, len(r))
		}
	}
	// What stays shaped like an identifier is named by its kind.
	a = NewAnonymizer()
	if r := a.residueOf("其手机号码为13800138000。"); len(r) != 1 || r[0].Kind != KindPhone {
		t.Errorf("residue = %v, want one phone", r)
	}
	if r := a.residueOf("其手机号码为138****8000。"); len(r) != 0 {
		t.Errorf("residue of a masked phone = %v, want none", r)
	}
}

// TestSecondOpinion: the vote's proposals and its veto, each with a
// sentence where the same shape must stay.
func TestSecondOpinion(t *testing.T) {
	checkCleans(t, []cleanCase{
		// A clause's subject before a person's deed, by the name table.
		{"", "时光于2022年取得该宅基地使用权。", "时某于2022年取得该宅基地使用权。"},
		{"", "宁静于当日下午向派出所报案。", "宁某于当日下午向派出所报案。"},
		{"", "夏天将事发经过告知了村委会。", "夏某将事发经过告知了村委会。"},
		{"", "明天将前往县城办理手续。", "明天将前往县城办理手续。"},
		{"", "平时在外务工，很少回家。", "平时在外务工，很少回家。"},
		{"", "房东于2020年将房屋出租给原告。", "房东于2020年将房屋出租给原告。"},
		{"", "林地于2018年承包给第三人。", "林地于2018年承包给第三人。"},
		// Lists: one surname; closed by 均; after a role word.
		{"", "同住人员为罗温暖、罗单纯。", "同住人员为罗某甲、罗某乙。"},
		{"", "鲁迅雷、华罗成均为该合作社社员。", "鲁某、华某均为该合作社社员。"},
		{"", "被告工作人员向前、路遥到现场进行了勘验。", "被告工作人员向某、路某到现场进行了勘验。"},
		// Two-character names closed by what says people.
		{"", "文强、乔木均未到庭。", "文某、乔某均未到庭。"},
		{"", "黄金、白银均为贵金属。", "黄金、白银均为贵金属。"},
		{"", "石料、钢材均堆放在工地。", "石料、钢材均堆放在工地。"},
		// The items after a role-marked list's first name.
		{"", "被告执法人员童话、关爱出示了执法证件。", "被告执法人员童某、关某出示了执法证件。"},
		// A party before what it says, with no surname of the tables; the
		// party's own deed stays.
		{"", "申请人阿拉坦仓称其饲养的羊只被扣押。", "申请人阿某称其饲养的羊只被扣押。"},
		{"", "证人在庭审中陈述，其未看到打斗过程。", "证人在庭审中陈述，其未看到打斗过程。"},
		{"", "原告向本院提出诉讼请求。", "原告向本院提出诉讼请求。"},
		// A rare surname the tables lack, after a role word.
		{"", "保证人卯光华在借条上签名。", "保证人卯某在借条上签名。"},
		{"", "答：他小名叫狗娃。", "答：他小名叫狗娃。"},
		// Role pairs; the side of a party stays.
		{"", "原告朝鲁门与第三人苏和系邻居。", "原告朝某与第三人苏某系邻居。"},
		{"", "原告认为其与第三人之间存在收养关系。", "原告认为其与第三人之间存在收养关系。"},
		{"", "原告单位与第三人签订了协议。", "原告单位与第三人签订了协议。"},
		// The veto: a frequent noun before 于.
		{"", "房屋于2019年取得不动产权证。", "房屋于2019年取得不动产权证。"},
		{"", "程序于2022年启动。", "程序于2022年启动。"},
		// A name the text proves is masked where a deed follows it.
		{"", "原告张三与第三人李四签订了协议，张三称李四未付款。", "原告张某与第三人李某签订了协议，张某称李某未付款。"},
		{"", "原告戴明亮与被告签订了协议。后明亮反悔。", "原告戴某与被告签订了协议。后戴某反悔。"},
		{"", "原告杨建设诉称，被告违法。杨建设认为，建设完成后应当验收。", "原告杨某诉称，被告违法。杨某认为，建设完成后应当验收。"},
	})
}

// TestSpacedIdentifiers: identifiers written in groups (a foreign phone
// with a one-digit area code, a QQ number split by a space) go whole.
func TestSpacedIdentifiers(t *testing.T) {
	checkCleans(t, []cleanCase{
		{"", "其联系电话为+7 5 1234567。", "其联系电话为×××。"},
		{"", "其QQ号码为 1234 56789。", "其QQ号码为 ×××。"},
	})
}
