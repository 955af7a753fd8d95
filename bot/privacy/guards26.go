package privacy

import "strings"

// Round 26 (priv26): characters that are surnames and function words at
// once, read as a name's surname where they were the function word:
// 还有何陈述申辩意见 (何, what, became 何某申辩意见) and 有进货单据和微信转账
// 记录 (和, and, before the platform's name, became 和某转账记录).

// interrogativeBefore26 stand before 何 where it asks what or how: 有何,
// 无何, 为何, 如何, 任何, 奈何, 几何.
const interrogativeBefore26 = "有无为如任奈几"

// channelWords26 are platforms and channels a statement lists things
// through (单据和微信转账记录, 通过电话及短信): after a conjunction that is
// also a surname they are no given name.
var channelWords26 = newMatcher([]string{"微信", "支付宝", "短信", "抖音", "快手", "淘宝", "钉钉", "微博", "邮件", "电邮", "网银", "手机银行"})

// functionSurname26 reports whether the hit opens with such a function
// word and no role word or evidence said a person (capNeutral).
func functionSurname26(t *text, h hit) bool {
	if h.cap != capNeutral || h.end-h.start < 2 {
		return false
	}
	s := h.start
	switch t.rs[s] {
	case '何':
		return s > 0 && strings.ContainsRune(interrogativeBefore26, t.rs[s-1])
	case '和', '与', '及', '同', '跟':
		return s > 0 && t.han(s-1) && s+1+t.match(s+1, channelWords26) >= h.end && t.match(s+1, channelWords26) > 0
	}
	return false
}
