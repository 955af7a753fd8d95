package intent

import "strings"

// Chase is a request from the bureau to remind someone now (催一下孙强,
// 提醒公安局把答辩交了, 给吴局发个提醒, 跟李文说一声答辩期限快到了), or at a
// time to come (明天上午再提醒一下孙局, 开庭前一天再提醒他).
type Chase struct {
	// Target is who is to be reminded, as written: a name (孙强), a
	// surname with a title (吴局, 何县长) or an agency (公安局).
	Target string
	// Topic is what about, when said: "answer" (答辩, 答复, 举证),
	// "suggestion" (司法建议, 检察建议), "hearing" (开庭, 出庭), "appeal".
	Topic string
	// Later is set when a time to come is named for the reminder.
	Later bool
}

var (
	// chaseLeadRe: the verb first (催一下孙强, 再提醒下公安局).
	chaseLeadRe = mustCompile(`^(.{0,12}?)(?:再|帮我|帮忙|麻烦|请|你)*(?:催一下|催一催|催催|催下|催促一下|催促|催|提醒一下|提醒下|提醒|通知一下|通知下|通知)(?:一下)?(.+)$`)
	// chaseToRe: the person first (给吴局发个提醒, 跟孙局说一声).
	chaseToRe = mustCompile(`^(.{0,12}?)(?:再|帮我|帮忙|麻烦|请|你)*(?:给|跟|和|向)(.+?)(?:再)?(?:发个提醒|发一个提醒|发条提醒|发一条提醒|发一下提醒|发提醒|提醒一下|提醒下|提醒|提个醒|说一声|说一下|打个招呼|发个通知|发通知|催一下|催下|催)(.*)$`)
	// chaseAskRe: a question about reminders, not a request (提醒发了没).
	chaseAskRe = mustCompile(`吗|么|[?？]|了没|没有|收到|发了没|发没发|什么时候|几点|谁|哪|怎么|如何|能不能|可不可以|是否`)
	// chaseLeadOK is what may come before the verb: when, and filler.
	chaseLeadOK = mustCompile(`^(?:明天|明早|后天|今天|今晚|上午|下午|晚上|早上|中午|\d{1,2}点半?|\d{1,2}:\d{2}|到时候|开庭前一天|开庭前|前一天|提前|下周.|周.|再过两天|过两天|过几天|等会|等下|待会|一会儿|回头|那|那就|好的|好|你|\s)*$`)
	// chaseCut ends the target: what follows says what about or when.
	chaseCut = []string{"把", "让", "叫", "要", "，", ",", "。", " ", "尽快", "赶紧", "抓紧", "早点", "记得", "别忘", "明天", "后天",
		"下周", "今天", "开庭", "出庭", "答辩", "答复", "举证", "证据", "交", "的庭", "那个", "这个", "一声", "一下", "关于", "司法建议", "检察建议", "上诉", "期限", "发个", "发提醒", "按时", "准时", "去", "来"}
	// chaseLaterWords name a time to come for the reminder itself.
	chaseLaterWords = []string{"明天", "明早", "后天", "上午", "下午", "晚上", "早上", "点", "到时候", "开庭前", "前一天", "提前", "下周", "周一", "周二", "周三", "周四", "周五", "再过", "过两天", "过几天"}
)

// ChaseAsked reads a request to remind someone (see Chase). A question
// about reminders (提醒发了没, 孙局收到提醒了吗) or a reminder for oneself
// (提醒我) is not one.
func ChaseAsked(text string) (Chase, bool) {
	t := strings.TrimRight(Normalize(text), "。.!！~ 吧啊哈呀")
	if chaseAskRe.MatchString(t) {
		return Chase{}, false
	}
	var lead, rest string
	if m := chaseToRe.FindStringSubmatch(t); m != nil {
		lead, rest = m[1], m[2]+" "+m[3]
	} else if m := chaseLeadRe.FindStringSubmatch(t); m != nil {
		lead, rest = m[1], m[2]
	} else {
		return Chase{}, false
	}
	if !chaseLeadOK.MatchString(lead) {
		return Chase{}, false // 没催告, 开庭提醒…: the verb inside other words
	}
	target := rest
	for _, w := range chaseCut {
		if i := strings.Index(target, w); i >= 0 {
			target = target[:i]
		}
	}
	target = strings.TrimSpace(strings.TrimLeft(target, "下一"))
	if target == "" || strings.HasPrefix(target, "我") || strings.HasPrefix(target, "大家") || len([]rune(target)) > 12 {
		return Chase{}, false
	}
	ch := Chase{Target: strings.TrimSuffix(strings.TrimSuffix(target, "他们"), "们")}
	switch {
	case strings.Contains(rest, "建议"):
		ch.Topic = "suggestion"
	case containsAny(rest, []string{"答辩", "答复", "举证", "证据"}):
		ch.Topic = "answer"
	case strings.Contains(rest, "上诉"):
		ch.Topic = "appeal"
	case strings.Contains(rest, "庭"):
		ch.Topic = "hearing"
	}
	ch.Later = containsAny(lead, chaseLaterWords) || strings.Contains(rest, "到时候") || strings.Contains(rest, "开庭前") || strings.Contains(rest, "前一天")
	if ch.Target == "" {
		return Chase{}, false
	}
	return ch, true
}
