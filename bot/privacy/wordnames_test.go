package privacy

import "testing"

// TestWordNameKinds pins this round's rules (wordnames.go, places.go and
// the guards added for lists of things, goods and markers), each with a
// fresh example, never a blind-set sentence, and the guards next to them.
func TestWordNameKinds(t *testing.T) {
	checkCleans(t, []cleanCase{
		// Surnames that start no word, before a given name that is one.
		{"a surname-only character before a word", "那天是佘胜利开的门。", "那天是佘某开的门。"},
		{"a surname-only character before 协议", "2010年原告与郗和平协议分家。", "2010年原告与郗某协议分家。"},
		{"a surname-only character in a system line", "冼文华 加入了群聊", "冼某 加入了群聊"},
		{"a surname-only character inside a word", "施工由周德宝师傅负责。", "施工由周某师傅负责。"},
		{"a county named after a family", "原告在翁源县开店。", "原告在翁源县开店。"},
		{"a city ending in 州", "原告常年在邓州做生意。", "原告常年在邓州做生意。"},
		{"a village of the family stays for the address pass", "原告户籍在某县郜家庄。", "原告户籍在某县郜家庄。"},
		// Deeds tagged as nouns after a strong marker.
		{"a compound surname before a deed noun", "该地一直由其母欧阳兰芝耕种。", "该地一直由其母欧阳某耕种。"},
		{"a marker-only surname before 协议", "女方禾晓琳协议放弃抚养权。", "女方禾某协议放弃抚养权。"},
		// Given names written alone.
		{"after a kin word before 代为", "罚款由当事人之弟光明代为缴纳。", "罚款由当事人之弟光某代为缴纳。"},
		{"after a kin word before a verb", "原告的女儿晓雯陪同出庭。", "原告的女儿晓某陪同出庭。"},
		{"after a kin word, again before 遂", "原告之子国栋与邻居争吵，国栋遂离开。", "原告之子国某与邻居争吵，国某遂离开。"},
		{"由 before 代为签收", "文书由秀兰代为签收。", "文书由秀某代为签收。"},
		{"before 是我 and a kin word", "问：他是谁？答：志刚是我二哥。", "问：他是谁？答：志某是我二哥。"},
		{"after a party and 与 before 签订", "原告与晓燕签订了转让协议。", "原告与晓某签订了转让协议。"},
		{"the answer to who", "问：谁报的警？答：是秀云报的警。", "问：谁报的警？答：是秀某报的警。"},
		{"the next clause's subject doing the same", "问：谁动的手？答：是秀云先动的手，志强后来也打了。", "问：谁动的手？答：是秀某先动的手，志某后来也打了。"},
		{"a spaced table cell before 男", "7  丰收  男  1960.05  五保户", "7  丰某  男  1960.05  五保户"},
		// Guards.
		{"a kin word and a verb", "原告之妻出嫁前住在娘家。", "原告之妻出嫁前住在娘家。"},
		{"a kin word and a word of time", "原告之女现年十岁。", "原告之女现年十岁。"},
		{"由 and a relation", "文书由其妻代为签收。", "文书由其妻代为签收。"},
		{"a party and an organisation before 签订", "原告与物业签订了服务合同。", "原告与物业签订了服务合同。"},
		{"a marker qualifying a noun", "职工宿舍于去年翻修。", "职工宿舍于去年翻修。"},
		{"a marker before a verb and its object", "小组成员：见名单。", "小组成员：见名单。"},
		{"未经 and a frequent word", "当事人未经许可销售烟花。", "当事人未经许可销售烟花。"},
		{"未经 and a person's consent", "未经陈志明同意拆除了围墙。", "未经陈某同意拆除了围墙。"},
		// Lists of things, goods, brands and places.
		{"a party and a frequent common noun before 签订", "原告与医院签订了协议。", "原告与医院签订了协议。"},
		{"a marker before a word and a noun", "评估人员：另见名册。", "评估人员：另见名册。"},
		{"a list closing on a thing before 等", "摊位上有红枣、枸杞等。", "摊位上有红枣、枸杞等。"},
		{"a list whose earlier item is a thing", "药柜里有党参、当归和白芷。", "药柜里有党参、当归和白芷。"},
		{"a list closing on a kind of things", "田里种着黄精、白及等药材。", "田里种着黄精、白及等药材。"},
		{"a list of persons closing on a number", "原告童晓、柏静等三人到场。", "原告童某、柏某等三人到场。"},
		{"an inventory row", "4  白芷  10袋  30元", "4  白芷  10袋  30元"},
		{"a medicine's form after its name", "药店售有连花清瘟胶囊。", "药店售有连花清瘟胶囊。"},
		{"a dish after a brand", "原告在张亮麻辣烫打工。", "原告在张亮麻辣烫打工。"},
		{"a brand marked on goods", "查获印有“黄鹤楼”字样的卷烟。", "查获印有“黄鹤楼”字样的卷烟。"},
		{"a name marked on a receipt stays a person's", "收条上写有“黄德明”字样。", "收条上写有“黄某”字样。"},
		{"a city the dictionary tags as a name", "原告曾在高雄经商。", "原告曾在高雄经商。"},
		{"a city after a role word is still a party", "原告高雄称不知情。", "原告高某称不知情。"},
	})
}

// TestNewIdentifierKinds pins this round's identifiers.
func TestNewIdentifierKinds(t *testing.T) {
	checkCleans(t, []cleanCase{
		{"a WeChat ID answered", "问：你微信号多少？答：lxm_2020。", "问：你微信号多少？答：×××。"},
		{"a hospital number answered", "问：住院号是多少？答：ZY778812。", "问：住院号是多少？答：×××。"},
		{"enforcement cards in a list", "执法证号：浙0302-0115、浙0302-0187。", "执法证号：×××、×××。"},
		{"a police number", "民警（警号：102938）到场。", "民警（警号：×××）到场。"},
		{"a homestead certificate with a year", "宅基地使用证号为某集建（2001）字第00718号。", "宅基地使用证号为×××。"},
		{"an IP address", "登录IP为112.64.9.201。", "登录IP为×××。"},
		{"a MAC address", "设备MAC：A4-5E-60-C2-19-0B。", "设备MAC：×××。"},
		{"a number after 作出编号为 stays", "被告作出编号为3301061000987654的决定。", "被告作出编号为3301061000987654的决定。"},
		{"a decision's own number stays", "简易程序处罚决定书（编号：3301061000123456）。", "简易程序处罚决定书（编号：3301061000123456）。"},
		{"a person's premises are no institution", "当事人经营场所位于某县城东街道新华路9号。", "当事人经营场所位于某县城东街道新华路×××。"},
		{"an agency's premises stay", "某县市场监督管理局的办公场所位于某县城东街道新华路9号。", "某县市场监督管理局的办公场所位于某县城东街道新华路9号。"},
	})
}

// TestThingsAndOfficeNumbers checks this round's guards on fresh examples
// from both sides: what stays (a document number, goods, an office's
// landline) and what is still masked next to it.
func TestThingsAndOfficeNumbers(t *testing.T) {
	cases := []struct{ in, want string }{
		{"被申请人作出安平交罚〔2025〕44号决定。", "被申请人作出安平交罚〔2025〕44号决定。"},
		{"申请人程立新不服长丰市监罚〔2024〕7号处罚决定。", "申请人程某不服长丰市监罚〔2024〕7号处罚决定。"},
		{"品名：康师傅方便面，数量：10箱。", "品名：康师傅方便面，数量：10箱。"},
		{"党参 6kg│黄芪 4kg", "党参 6kg│黄芪 4kg"},
		{"被告支付原告张建华5000元。", "被告支付原告张某5000元。"},
		{"县司法局办公室联系电话：0731-86612345", "县司法局办公室联系电话：0731-86612345"},
		{"申请人家庭电话0731-86612345。", "申请人家庭电话×××。"},
		{"县司法局办公室工作人员手机13974125896。", "县司法局办公室工作人员手机×××。"},
		{"书记员　周　晴", "书记员　周某"},
		{"调查人员：温　良　　蓝　天", "调查人员：温某　　蓝某"},
		{"承办人　车　前　　审　核　人　米　兰", "承办人　车某　　审　核　人　米某"},
		{"公民身份号码：4301**********2211", "公民身份号码：4301**********2211"},
		{"其快手号“dongfang2020”有大量粉丝。", "其快手号“×××”有大量粉丝。"},
	}
	for _, c := range cases {
		a := NewAnonymizer()
		if got := a.Anonymize(c.in); got != c.want {
			t.Errorf("%s\n got  %s\n want %s", c.in, got, c.want)
		}
	}
}
