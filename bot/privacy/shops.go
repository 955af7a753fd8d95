package privacy

import (
	"strings"
	"unicode/utf8"
)

// Shops named after their keeper (priv22): 王记烧烤, 老周麻辣烫, 李二副食店,
// 小红理发店, 建军修车铺. Where the keeper is a person the text names (a
// party, a witness), the shop's name points to them as the name does: the
// part taken from the keeper becomes the keeper's pseudonym (王某烧烤),
// the kind of shop stays. A shop whose keeper the text does not name
// (马记, 杨记 in a list of shops inspected) keeps its name, and so does a
// shop whose sentence names no keeper.

// shopKinds follow the keeper's part of a shop's name.
var shopKinds = newMatcher([]string{"面馆", "粉馆", "饭店", "饭馆", "餐馆", "餐厅", "酒楼", "酒家", "小吃", "烧烤", "烤鱼", "火锅", "麻辣烫", "米粉", "羊肉粉", "牛肉粉", "牛肉面", "早餐",
	"副食店", "副食", "超市", "便利店", "小卖部", "商店", "商行", "百货", "五金", "建材", "理发店", "理发", "美发", "发廊", "修车铺", "修车", "汽修", "修理", "农家乐",
	"养殖场", "砂场", "砖厂", "加工厂", "诊所", "药店", "茶楼", "茶馆", "网吧", "小卖铺", "杂货", "肉铺", "豆腐", "豆花", "店", "铺", "馆", "坊",
	// A dish after 某记 names the shop that sells it (杨记豆花面, 王记粉).
	"面", "粉", "饼", "鸡", "鱼", "茶",
	// 张记老火锅, 张记餐饮: a shop's kind after an old name's 老, a
	// trade.
	"老火锅", "老面馆", "老字号", "餐饮", "食品", "商贸"})

// keeperShops finds the shops named after the registered people.
func (a *Anonymizer) keeperShops(t *text) []span {
	if t.n() == 0 || !shopKindsIn(t.s) {
		return nil
	}
	var out, later []span
	for _, p := range a.order {
		if a.kept(p.name) || !allHanString(p.name) || utf8.RuneCountInString(p.name) < 2 {
			continue
		}
		sur := Surname(p.name)
		given := []rune(strings.TrimPrefix(p.name, sur))
		if sur == "" || len(given) == 0 {
			continue
		}
		prefixes := []string{sur + "记", "老" + sur, sur + "家", sur + "氏"}
		if len(given) == 2 {
			// 李二顺 keeps 李二副食店; 邓小红 keeps 小红理发店.
			prefixes = append(prefixes, sur+string(given[0]), string(given))
		}
		for _, pre := range prefixes {
			for i := 0; ; {
				j := strings.Index(t.s[i:], pre)
				if j < 0 {
					break
				}
				bs, be := i+j, i+j+len(pre)
				i = be
				s, e := t.runeAt(bs), t.runeAt(be)
				// 某市张记餐饮管理有限公司, 供应商冯氏食品商行: a place or
				// a buyer's word before the name, a firm's ending after it.
				named := strings.HasSuffix(pre, "记") || strings.HasSuffix(pre, "氏")
				firm := named && firmAfter(t, e)
				if t.match(e, shopKinds) == 0 && !firm && !quotedShopAt(t, s) || s > 0 && t.han(s-1) && !strings.ContainsRune("的在了开设营办家个间", t.rs[s-1]) && !(named && strings.ContainsRune("市县区镇乡村某商对向由与和及将把被给从", t.rs[s-1])) {
					continue
				}
				// The keeper must be named in the shop's sentence: in a
				// whole judgment many share a surname, and 王记 is the
				// party's shop only where the sentence says whose it is.
				from := strings.LastIndexAny(t.s[:bs], "。\n；;") + 1
				to := strings.IndexAny(t.s[be:], "。\n；;")
				if to < 0 {
					to = len(t.s)
				} else {
					to += be
				}
				if !strings.Contains(t.s[from:bs], p.name) && !strings.Contains(t.s[be:to], p.name) {
					// 张记 and 张氏 name a family's business: where one
					// sentence says whose it is (某市张记餐饮管理有限公司，
					// 法定代表人张国富), the same name in another sentence
					// (由上诉人某市张记餐饮管理有限公司负担, 在“张记老火锅”用餐)
					// is the same keeper's.
					if named {
						later = append(later, span{bs, be, KindName, a.pseudo[p.name]})
					}
					continue
				}
				if named {
					if a.shopKeepers == nil {
						a.shopKeepers = map[string]string{}
					}
					a.shopKeepers[pre] = p.name
				}
				out = append(out, span{bs, be, KindName, a.pseudo[p.name]})
			}
		}
	}
	out = append(out, a.givenFirms(t)...)
	for _, sp := range later {
		if keeper, ok := a.shopKeepers[t.s[sp.start:sp.end]]; ok {
			sp.repl = a.pseudo[keeper]
			out = append(out, sp)
		}
	}
	return out
}

// firmAfter reports whether a firm's ending closes the name within ten
// characters after e (张记餐饮管理有限公司, 冯氏食品商行).
func firmAfter(t *text, e int) bool {
	for k := e; k < e+10 && k < t.n() && t.han(k); k++ {
		if t.match(k, firmEndings) > 0 {
			return true
		}
	}
	return false
}

// firmEndings close the names of firms and shops.
var firmEndings = newMatcher([]string{"有限公司", "有限责任公司", "公司", "商行", "经营部", "门市部", "合作社", "工作室"})

// shopKindsIn is a cheap test before the scan: a text without a shop's
// kind holds no shop.
func shopKindsIn(s string) bool {
	return strings.ContainsAny(s, "店铺馆坊烤粉吃食市厂场所楼吧行锅司")
}

// givenFirms finds a firm named by a registered person's given name alone,
// the firm's ending right after it (priv24: 第三人刘建华… 原告与建华公司签订;
// 原告付德明… 后德明公司停业): the firm is the person's as 王记 is its
// keeper's, in any sentence of the text, so the given name takes the
// person's pseudonym and the firm's ending stays. Only where one person
// has that given name, and where the name opens the firm (after a
// preposition or punctuation): 某县建华公司 is a firm named by its place.
func (a *Anonymizer) givenFirms(t *text) []span {
	if !strings.Contains(t.s, "公司") && !strings.Contains(t.s, "商行") && !strings.Contains(t.s, "经营部") {
		return nil
	}
	var out []span
	for _, p := range a.order {
		if a.kept(p.name) {
			continue
		}
		g := givenName(p.name)
		if g == "" || a.givenOwner(g) != p.name {
			continue
		}
		for i := 0; ; {
			j := strings.Index(t.s[i:], g)
			if j < 0 {
				break
			}
			bs, be := i+j, i+j+len(g)
			i = be
			s, e := t.runeAt(bs), t.runeAt(be)
			if t.match(e, firmEndings) == 0 || s > 0 && t.han(s-1) && !strings.ContainsRune("与和及同跟向对由的在了将把被给从后因该", t.rs[s-1]) {
				continue
			}
			out = append(out, span{bs, be, KindName, a.pseudo[p.name]})
		}
	}
	return out
}

// quotedShopAt reports whether a quote opening right before s names a
// shop: the quote closes within a shop's name's length and a shop's word
// or its keeper's follows (“老海羊杂碎”店, “老马牛肉面”实际经营者), so the
// dish or trade inside the quote need not be one shopKinds knows (priv27).
func quotedShopAt(t *text, s int) bool {
	if s == 0 || !strings.ContainsRune("“「", t.rs[s-1]) {
		return false
	}
	for k := s + 1; k < t.n() && k <= s+10; k++ {
		if strings.ContainsRune("“「", t.rs[k]) {
			return false
		}
		if strings.ContainsRune("”」", t.rs[k]) {
			_, ok := hasPrefixAny(t.rest(k+1), quotedShopAfter)
			return ok
		}
	}
	return false
}

// quotedShopAfter follow a shop's quoted name.
var quotedShopAfter = []string{"店", "馆", "铺", "门店", "门面", "档口", "摊位", "经营者", "实际经营者", "店主", "老板", "的老板", "的店主", "的经营者"}
