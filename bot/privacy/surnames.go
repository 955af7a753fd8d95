package privacy

import "math"

// rankedSurnames are the single-character surnames in roughly the order of
// how many people bear them (the household-register rankings: 王, 李 and
// 张 about 7% each, the hundredth about 0.1%). The rank is the surname's
// prior in the name model (surnameLogP).
const rankedSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤傅洪赖常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由阎凤丘"

// rareSurnames are surnames of the 百家姓 borne by few (禤, 仉, 訾, 蒯…):
// few words start with them, so they are read like the others.
const rareSurnames = "凃塗禤仉郇逄隗笪蹇綦厍酆訾菅鄂鄞揣睢甯芈缑寿禚庹粘泮靖扶荀仰璩汝郏侬郗钮庾贲滑羿汲弓蓬蓟莘苍堵宰郤濮宦殳夔毋乜蒯竺桓糜步融慎郦宓邴佴暨钭"

// wordStartSurnames are surnames of the 百家姓 and of the census's rarer
// lists (暴, 咸, 籍, 能, 资, 种, 集) whose character also starts common words
// (暴雨, 籍贯, 能源, 资源, 种植, 集体): each is a surname only where it and
// what follows make no dictionary word (surnameAt), so 籍贯不影响 stays
// and 籍永红、资国强 are read. 眭, 琚 and 麴 start no word and are rare
// surnames like the others.
const wordStartSurnames = "暴咸籍能资种集" + censusWordStarts

// censusRare and censusWordStarts are surnames of the 2008 household
// register borne by 10,000 people or more that the lists above lacked,
// found by checking them against the register's surname counts (Bao 2020,
// the ChineseNames database, 1,806 surnames; checked, not copied: its
// licence does not allow vendoring). Characters that are common given-name
// characters (娜, 晓, 祥), particles (么) or start many words (代, 占, 才)
// were left out. censusRare start no word; censusWordStarts start a few
// (渠道, 贡献, 旷工, 矫正, 侍候, 巢穴) and are read like the word-start
// surnames above.
const (
	censusRare       = "雒谯茆仵郄戢郅"
	censusWordStarts = "渠贡旷矫宛侍巢弋忻励"
)

var (
	surnameSet = newRuneSet(rankedSurnames + rareSurnames + "眭琚麴" + censusRare + wordStartSurnames)
	// wordStartSet holds wordStartSurnames.
	wordStartSet = newRuneSet(wordStartSurnames)
	// surnameRank is each ranked surname's place, from 1.
	surnameRank = func() map[rune]int {
		m := map[rune]int{}
		i := 0
		for _, r := range rankedSurnames {
			i++
			if _, ok := m[r]; !ok {
				m[r] = i
			}
		}
		return m
	}()
)

// IsCommonSurname reports whether r is one of the single-character
// surnames the detector weighs.
func IsCommonSurname(r rune) bool { return surnameSet.has(r) }

// surnameShares are points of the share of people bearing the surname of
// a rank (ln of the share), read off the household-register rankings;
// between them the share is interpolated on a log scale.
var surnameShares = []struct {
	rank int
	ln   float64
}{{1, -2.62}, {10, -3.97}, {20, -4.6}, {50, -5.65}, {100, -6.7}, {200, -8.1}, {300, -9.0}}

// rareSurnameLn and compoundSurnameLn are the shares of a rare surname and
// of a compound one (欧阳, 上官…).
const (
	rareSurnameLn     = -10.0
	compoundSurnameLn = -8.5
)

// surnameLogP returns ln of the share of people whose surname is r.
func surnameLogP(r rune) float64 {
	rank, ok := surnameRank[r]
	if !ok {
		return rareSurnameLn
	}
	for i := 1; i < len(surnameShares); i++ {
		a, b := surnameShares[i-1], surnameShares[i]
		if rank <= b.rank {
			f := (math.Log(float64(rank)) - math.Log(float64(a.rank))) / (math.Log(float64(b.rank)) - math.Log(float64(a.rank)))
			return a.ln + f*(b.ln-a.ln)
		}
	}
	return surnameShares[len(surnameShares)-1].ln
}
