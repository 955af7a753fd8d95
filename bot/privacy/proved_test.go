package privacy

import "testing"

// TestProvedNames pins each rule of proved.go and its guards on fresh
// examples (none from a corpus file).
func TestProvedNames(t *testing.T) {
	tests := []cleanCase{
		// A role word and a follower only a person has.
		{"an everyday-character surname before 诉称", "原告旷德贵诉称，其未收到通知。", "原告旷某诉称，其未收到通知。"},
		{"a given name that is an adjective", "第三人宁远述称，同意被告意见。", "第三人宁某述称，同意被告意见。"},
		{"a given name that is a noun before 不服", "申请人石林不服该决定。", "申请人石某不服该决定。"},
		{"a list after a role word closing as persons", "第三人洪山、洪川均为原告之子。", "第三人洪某甲、洪某乙均为原告之子。"},
		{"a finding's subject", "经查，操玉明于2022年擅自扩建。", "经查，操某于2022年擅自扩建。"},
		// Lists and pairs.
		{"the second item of a list the default read", "郜秀兰、戴胜利二人均在场。", "郜某、戴某二人均在场。"},
		{"a pair at a clause's start", "齐鸣与柏长青签订了转让协议。", "齐某与柏某签订了转让协议。"},
		{"由 and a deed", "该款由续长林经手。", "该款由续某经手。"},
		// Signature blocks and records of questions.
		{"a spaced compound surname", "书记员　端木　雪", "书记员　端木某"},
		{"two spaced compound-surname names", "记录人：令狐　杰　公孙　蕊", "记录人：令狐某　公孙某"},
		{"the object of a transfer in an answer", "答：钱交给了余德旺。", "答：钱交给了余某。"},
		// Guards.
		{"a role word's own deed", "原告代为签收了通知书。", "原告代为签收了通知书。"},
		{"a preposition and the court", "证人向本院陈述了经过。", "证人向本院陈述了经过。"},
		{"an adverb before a speech verb", "原告明确称其不同意。", "原告明确称其不同意。"},
		{"a frequent noun after a role word", "原告单位称已经整改。", "原告单位称已经整改。"},
		{"a time word after a role word", "原告平时称其不在家。", "原告平时称其不在家。"},
		{"a pair of organisations", "石料厂与村委会签订了合同。", "石料厂与村委会签订了合同。"},
		{"由 and an organisation", "由房管所负责登记。", "由房管所负责登记。"},
		{"herbs in a list", "药柜里有金钱草、车前草和葛根。", "药柜里有金钱草、车前草和葛根。"},
		{"a medicine's form", "现场查获六味地黄丸二十盒。", "现场查获六味地黄丸二十盒。"},
		{"a landmark's location", "陈氏宗祠位于村口。", "陈氏宗祠位于村口。"},
		{"a report's number", "检测报告编号为QT20240618。", "检测报告编号为QT20240618。"},
	}
	checkCleans(t, tests)
}

// TestProvedIdentifiers pins the identifier shapes of this round.
func TestProvedIdentifiers(t *testing.T) {
	tests := []cleanCase{
		{"a passport in a clause about one", "第三人持外国护照，号码K30291847。", "第三人持外国护照，号码×××。"},
		{"a North American number", "其美国电话为(212) 555-0143。", "其美国电话为×××。"},
	}
	checkCleans(t, tests)
}

// TestGivenNameAloneOpensClause: a registered person's given name that is
// a word is the person again at a clause's start before what a person
// does, and stays a word elsewhere.
func TestGivenNameAloneOpensClause(t *testing.T) {
	doc := "第三人：房东升，男，1958年出生。原告称双方于2010年签订协议。东升当时表示同意。旭日东升是该村的旧称。"
	a := NewAnonymizer()
	a.Prepare(doc)
	got, err := a.Clean(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := "第三人：房某，男，1958年出生。原告称双方于2010年签订协议。房某当时表示同意。旭日东升是该村的旧称。"
	if got != want {
		t.Errorf("\n got  %s\n want %s", got, want)
	}
}
