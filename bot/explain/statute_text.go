package explain

import (
	"strings"
)

// statuteText holds the text of the articles the statutes table cites
// most (行政诉讼法 as amended in 2017), for 加上法条原文 without a model.
// Only articles whose text this table holds are quoted; every other one
// is named as missing, never guessed. The bureau checks and extends it.
var statuteText = map[string]string{
	litigationLaw + "第六十条": "人民法院审理行政案件，不适用调解。但是，行政赔偿、补偿以及行政机关行使法律、法规规定的自由裁量权的案件可以调解。" +
		"调解应当遵循自愿、合法原则，不得损害国家利益、社会公共利益和他人合法权益。",
	litigationLaw + "第六十二条": "人民法院对行政案件宣告判决或者裁定前，原告申请撤诉的，或者被告改变其所作的行政行为，原告同意并申请撤诉的，是否准许，由人民法院裁定。",
	litigationLaw + "第六十九条": "行政行为证据确凿，适用法律、法规正确，符合法定程序的，或者原告申请被告履行法定职责或者给付义务理由不成立的，人民法院判决驳回原告的诉讼请求。",
	litigationLaw + "第七十条": "行政行为有下列情形之一的，人民法院判决撤销或者部分撤销，并可以判决被告重新作出行政行为：（一）主要证据不足的；（二）适用法律、法规错误的；" +
		"（三）违反法定程序的；（四）超越职权的；（五）滥用职权的；（六）明显不当的。",
	litigationLaw + "第七十二条": "人民法院经过审理，查明被告不履行法定职责的，判决被告在一定期限内履行。",
	litigationLaw + "第七十三条": "人民法院经过审理，查明被告依法负有给付义务的，判决被告履行给付义务。",
	litigationLaw + "第七十四条": "行政行为有下列情形之一的，人民法院判决确认违法，但不撤销行政行为：（一）行政行为依法应当撤销，但撤销会给国家利益、社会公共利益造成重大损害的；" +
		"（二）行政行为程序轻微违法，但对原告权利不产生实际影响的。行政行为有下列情形之一，不需要撤销或者判决履行的，人民法院判决确认违法：" +
		"（一）行政行为违法，但不具有可撤销内容的；（二）被告改变原违法行政行为，原告仍要求确认原行政行为违法的；（三）被告不履行或者拖延履行法定职责，判决履行没有意义的。",
	litigationLaw + "第七十五条": "行政行为有实施主体不具有行政主体资格或者没有依据等重大且明显违法情形，原告申请确认行政行为无效的，人民法院判决确认无效。",
	litigationLaw + "第七十六条": "人民法院判决确认违法或者无效的，可以同时判决责令被告采取补救措施；给原告造成损失的，依法判决被告承担赔偿责任。",
	litigationLaw + "第七十七条": "行政处罚明显不当，或者其他行政行为涉及对款额的确定、认定确有错误的，人民法院可以判决变更。" +
		"人民法院判决变更，不得加重原告的义务或者减损原告的权益。但利害关系人同为原告，且诉讼请求相反的除外。",
}

// statuteTexts adds, under each article listed in body's 相关法条 section,
// the article's text from statuteText; missing names the listed articles
// the table does not hold.
func statuteTexts(body string) (string, []string) {
	head := "\n## 相关法条\n"
	i := strings.Index(body, head)
	if i < 0 {
		return body, nil
	}
	start := i + len(head)
	end := len(body)
	if j := strings.Index(body[start:], "\n## "); j >= 0 {
		end = start + j
	}
	var out, missing []string
	for _, line := range strings.Split(body[start:end], "\n") {
		out = append(out, line)
		item := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- "))
		if item == "" || strings.HasPrefix(strings.TrimSpace(line), ">") {
			continue
		}
		text := ""
		for k, v := range statuteText {
			if strings.HasPrefix(item, k) && (len(item) == len(k) || strings.HasPrefix(item[len(k):], "（")) {
				text = v
			}
		}
		if text == "" {
			if !strings.HasPrefix(item, "（待补充") {
				missing = append(missing, item)
			}
			continue
		}
		if strings.Contains(body, text) {
			continue // quoted already
		}
		out = append(out, "  > 原文："+text)
	}
	return body[:start] + strings.Join(out, "\n") + body[end:], missing
}
