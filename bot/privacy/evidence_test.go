package privacy

import "testing"

// TestEvidenceKinds pins one example of each kind of evidence the name
// detector weighs, and of each guard against reading words as names. The
// corpora (testdata/*.tsv) hold the many; these say what each rule is for.
func TestEvidenceKinds(t *testing.T) {
	tests := []struct{ kind, in, want string }{
		// Both sides of a name inside a sentence.
		{"object and a person's attribute", "原告认为鲍平的证言不实。", "原告认为鲍某的证言不实。"},
		{"party and conjunction", "原告与詹军在路口争执。", "原告与詹某在路口争执。"},
		{"object cue and a deed", "本院依法通知柯勇作为第三人参加诉讼。", "本院依法通知柯某作为第三人参加诉讼。"},
		{"question in a record", "问：你认识吕德昌吗？", "问：你认识吕某吗？"},
		{"money changing hands", "今借到孙德福现金贰万元。", "今借到孙某现金贰万元。"},
		{"under a name", "该车登记在黄海龙名下。", "该车登记在黄某名下。"},
		// Where clauses open.
		{"after a date", "2019年3月杨秀兰在该厂受伤。", "2019年3月杨某在该厂受伤。"},
		{"after an opening word", "后因吴建新拒绝搬离，被告申请强制执行。", "后因吴某拒绝搬离，被告申请强制执行。"},
		{"a dated deed", "蒋芳2018年起担任会计。", "蒋某2018年起担任会计。"},
		{"a description after a comma", "委托诉讼代理人：郑敏，女；何静，某律师事务所律师。", "委托诉讼代理人：郑某，女；何某，某律师事务所律师。"},
		// Roles and labels.
		{"an agent noun", "送达人吕兵、贺建华。", "送达人吕某、贺某。"},
		{"a label in speech", "答：我叫温长根。", "答：我叫温某。"},
		{"a relation in brackets", "家庭成员：冯浩（子）、冯婷（女）。", "家庭成员：冯某甲（子）、冯某乙（女）。"},
		{"a rare surname before a verb", "准许原告糜秀芳撤回起诉。", "准许原告糜某撤回起诉。"},
		{"a spaced signature", "审　判　员　凤　雪", "审　判　员　凤某"},
		{"a name at a boundary", "东至水沟，南至张友德，西至公路。", "东至水沟，南至张某，西至公路。"},
		{"a role word of police reports", "被侵害人韩涛的伤情为轻微伤。", "被侵害人韩某的伤情为轻微伤。"},
		{"a quoted value after 为", "户主为“蒋文彬”。", "户主为“蒋某”。"},
		{"a married woman's old name", "该房屋原属刘张氏所有。", "该房屋原属刘某所有。"},
		{"a relation with the family's surname", "邹德海病故后，其女邹平、其子邹宏继续耕种。", "邹某甲病故后，其女邹某乙、其子邹某丙继续耕种。"},
		{"a clause of time before a name", "到达现场后伍建英称其并不知情。", "到达现场后伍某称其并不知情。"},
		{"a modal and a deed", "此后，钱秀梅应缴清欠款。", "此后，钱某应缴清欠款。"},
		{"a person's handling", "该批材料由乔立新保管。", "该批材料由乔某保管。"},
		{"a Latin name before its transliteration", "证人John Walker（约翰·沃克）未到庭。", "证人J某（约某）未到庭。"},
		{"a Dai name", "岩应香称该地是其父所开。", "岩某称该地是其父所开。"},
		{"a rare surname of the 百家姓", "原告诉蒯建军一案", "原告诉蒯某一案"},
		{"a label's place on a form", "申请表的签字栏为鲁长青。", "申请表的签字栏为鲁某。"},
		{"both parents' surnames", "申请人刘王思远，男，2015年出生。", "申请人刘某，男，2015年出生。"},
		{"a case's title", "原告江山诉某县人民政府房屋征收一案", "原告江某诉某县人民政府房屋征收一案"},
		{"a topic frame", "就葛明亮而言，其并未签字。", "就葛某而言，其并未签字。"},
		{"a preposition after a name", "法院查询了熊德贵在银行的存款。", "法院查询了熊某在银行的存款。"},
		{"an uncle by rank", "是我三舅柯长顺盖的房子。", "是我三舅柯某盖的房子。"},
		// Guards: words, places and organisations stay.
		{"a thing after a role word", "加盖了被告印章。", "加盖了被告印章。"},
		{"a preposition before a time", "执法人员于凌晨到场。", "执法人员于凌晨到场。"},
		{"a school", "向阳小学的围墙倒塌。", "向阳小学的围墙倒塌。"},
		{"a family, not a person", "原告家管护该林地。", "原告家管护该林地。"},
		{"money is no agent", "罚款人民币500元。", "罚款人民币500元。"},
		{"a wood at a boundary", "东至公路，北至柏树林。", "东至公路，北至柏树林。"},
		{"roads meeting", "事发路段位于某区丁香路与金田路交叉口。", "事发路段位于某区丁香路与金田路交叉口。"},
		{"an organisation's office", "某县人民政府的办公地址位于某县府前街1号。", "某县人民政府的办公地址位于某县府前街1号。"},
		{"a word that starts before a title", "由施工班组长统一领取。", "由施工班组长统一领取。"},
		{"有 and a word after a role word", "申请人有权查阅案卷。", "申请人有权查阅案卷。"},
		{"a family's thing at a boundary", "西至陈家老屋，东至公路。", "西至陈家老屋，东至公路。"},
		{"a document named after an address", "送达地址确认书载明的地址为某县文昌路12号。", "送达地址确认书载明的地址为某县×××。"},
		{"what a form's signature place holds", "乙方签名处签有“窦某”字样。", "乙方签名处签有“窦某”字样。"},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			a := NewAnonymizer()
			a.Prepare(tt.in)
			got, err := a.Clean(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("%s\n got  %s\n want %s", tt.in, got, tt.want)
			}
		})
	}
}

// TestGivenNameModel checks the model's sense: name characters score
// above the characters of ordinary words.
func TestGivenNameModel(t *testing.T) {
	d := dict()
	for _, pair := range [][2]rune{{'芳', '的'}, {'英', '证'}, {'伟', '款'}, {'秀', '局'}} {
		if d.givenScore(pair[0]) <= d.givenScore(pair[1]) {
			t.Errorf("given-name score of %c (%d) not above %c (%d)", pair[0], d.givenScore(pair[0]), pair[1], d.givenScore(pair[1]))
		}
	}
	if d.commonness('的') <= d.commonness('禤') {
		t.Errorf("的 should be commoner in words than 禤")
	}
}

// TestCommonSurnamesKnown keeps the surname list whole: every one of the
// commonest surnames (洪, 赖, 傅 and 萧 were once missing, so their bearers
// went unmasked without a role word).
func TestCommonSurnamesKnown(t *testing.T) {
	for _, r := range "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤傅萧洪赖常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆" {
		if !IsCommonSurname(r) {
			t.Errorf("%c is not a known surname", r)
		}
	}
}
