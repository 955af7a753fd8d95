package intent

import (
	"strconv"
	"strings"
)

// Extension is news that a period was extended, not a hearing moved: a
// 复议机关 extending its decision period (复议延期30天, 复议机关说答复期限延长了,
// 复议决定延长三十日) or a court its trial period (法院说审限延长了).
type Extension struct {
	// Litigation is set for a court's 审理期限 (no hearing changes).
	Litigation bool
	// Days is the extension said, 0 when unsaid.
	Days int
}

var (
	extensionRe = mustCompile(`(?:复议|复\d{1,4}号?|审限|审理期限|答复期限|决定期限|办案期限|办理期限|期限)[^，,。]{0,10}?(?:延长|延期|顺延|延后|推迟|延)|(?:延长|延期)了?(?:复议)?(?:审理期限|审限|复议期限|答复期限|决定期限)`)
	extDaysRe   = mustCompile(`(\d{1,2}|三十|二十|十五|十)\s*(?:个工作日|天|日)|(一个月)`)
	extAskRe    = mustCompile(`吗|么|[?？]|了没|没有|能不能|可不可以|是否|怎么|如何|多久|多长|几天|最多|要不要|需不需要|可以延|能延`)
)

// ExtensionTold reads news of an extended period (see Extension). A
// message about a hearing (开庭, 出庭, 庭) is not one: a hearing put off is
// news of the hearing. A question (复议可以延期吗, 最多延长多久) is not one.
func ExtensionTold(text string) (Extension, bool) {
	t := Normalize(text)
	if strings.Contains(t, "庭") || extAskRe.MatchString(t) {
		return Extension{}, false
	}
	loc := extensionRe.FindStringIndex(t)
	if loc == nil {
		return Extension{}, false
	}
	e := Extension{Litigation: (strings.Contains(t, "审限") || strings.Contains(t, "审理期限") || strings.Contains(t, "法院")) && !strings.Contains(t, "复议")}
	if m := extDaysRe.FindStringSubmatch(t[loc[0]:]); m != nil {
		if m[2] != "" {
			m[1] = m[2]
		}
		switch m[1] {
		case "三十", "一个月":
			e.Days = 30
		case "二十":
			e.Days = 20
		case "十五":
			e.Days = 15
		case "十":
			e.Days = 10
		default:
			e.Days, _ = strconv.Atoi(m[1])
		}
	}
	return e, true
}
