package privacy

// commonSurnames are single-character surnames common enough that a
// surname-led span is weighed as a possible name. Rarer surnames are still
// read after a role word or a label (原告禤志明, 姓名：仉建国) and when the
// name is known. The rare single surnames of the 百家姓 that start few
// words (贲, 滑, 郤, 蒯…) are here too: a name needs evidence anyway.
const commonSurnames = "贲滑羿汲弓蓬蓟莘苍堵宰郤濮宦殳夔毋乜蒯竺桓糜步融慎傅萧洪赖郦宓邴佴暨钭王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由禤仉郇逄隗笪蹇綦厍酆訾菅鄂鄞揣睢甯芈缑寿禚庹粘泮靖扶荀仰璩汝郏湛凤丘侬郗钮庾阎"

var surnameSet = newRuneSet(commonSurnames)

// IsCommonSurname reports whether r is one of the single-character
// surnames the detector weighs.
func IsCommonSurname(r rune) bool { return surnameSet.has(r) }
