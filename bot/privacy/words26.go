package privacy

// Round 26 (priv26): closed lists of places and things that open with a
// surname's character and that held-out records wrote where the default
// read a name (是西昌的包工头 became 西某; 北至村集体杨树林 became 杨某).

// countyCities26 are county-level cities people name where they live or
// trade, of those the dictionary lacks and that open with a surname's
// character (places.go keeps the prefecture level). Those that read as
// given names people are called by (安宁, 建德, 永康) are left out, as
// placeNames leaves 朝阳 out.
var countyCities26 = []string{"西昌", "东兴", "景洪", "瑞丽", "江油", "晋江", "石狮", "都匀", "凯里", "蒙自", "个旧", "满洲里", "二连浩特", "格尔木", "德令哈", "库尔勒",
	"伊宁", "凭祥", "芒市", "龙井", "珲春", "绥芬河", "霍尔果斯", "阿拉山口", "韶山", "井冈山", "武夷山", "峨眉山", "都江堰", "彭州", "邛崃", "简阳", "阆中", "华蓥"}

// groves26 are stands of trees a land boundary runs to (北至杨树林, 东至
// 柳树林): a thing, not the person 杨树林.
var groves26 = []string{"杨树林", "柳树林", "杨树", "柳树", "松树林", "杉树林", "柏树林", "桑树林", "桑树地", "梨树林", "李树林", "桂树林", "梅树林", "杨柳林"}
