package handlers

import (
	"fmt"
	"strings"

	"casebot/bot"
	"casebot/bot/audit"
)

// memForwarded names, in the conversation memory, the last message of this
// user the bot relayed to the 专班 (news, a deadline met, a head sent).
const memForwarded = "news.forwarded"

// forwarded is what the memory keeps of a relayed message: what was said
// and the token of the change it left waiting for the 专班's 确认 (empty
// when none: 我去不了 asks them to follow up, it proposes no change).
type forwarded struct {
	Said  string `json:"said"`
	Token string `json:"token,omitempty"`
}

// retractHelp says how to send what is right instead.
const retractHelp = "请问正确的情况是？请连同案号再发一次，例如“行初117改到12月3日上午9点半”“行初117出庭的换成王某某副局长”。"

// retract answers a message that takes back what the sender just said
// (刚才说错了，不是改期; 发错了 那条不算). A change still waiting for their
// own 确认 is dropped by confirm before this; a report relayed to the 专班
// is withdrawn: the change it left waiting can no longer be confirmed, and
// the 专班 is told. Either way the reply says what was dropped, or that
// nothing was changed, and asks what is right.
func (s *service) retract(c bot.Context) error {
	var f forwarded
	found, err := c.Memory().Recall(memForwarded, &f)
	if err != nil {
		return err
	}
	if !found {
		md := "好的。目前无您待确认或已转告专班待登记的修改，台账没有作任何修改。\n" +
			"如果此前说的情况已经登记到台账，请把正确的情况连同案号发给我，由专班更正。\n" + retractHelp
		if err := s.record(c, audit.Update, "retract", 0, nil, "无可撤回"); err != nil {
			return err
		}
		return c.ReplyMarkdown(md)
	}
	if err := c.Memory().Forget(memForwarded); err != nil {
		return err
	}
	withdrawn := false
	if f.Token != "" {
		n, err := s.st.Client().Del(c.Ctx(), s.st.Keys().PendingUpdate(f.Token)).Result()
		if err != nil {
			return err
		}
		withdrawn = n > 0 // not yet confirmed by the 专班
	}
	viewer := c.Person()
	who := viewer.Name + viewer.Post
	if viewer.Agency != "" {
		who += "（" + viewer.Agency + "）"
	}
	note := fmt.Sprintf("【更正】%s：刚才报的“%s”说错了，请不要按这条登记。", who, f.Said)
	if f.Token == "" {
		note = fmt.Sprintf("【更正】%s：刚才报的“%s”说错了，请不必按这条跟进。", who, f.Said)
	}
	if f.Token != "" && !withdrawn {
		note = fmt.Sprintf("【更正】%s：刚才报的“%s”说错了；这条已经登记或已过期，请核对台账并更正。", who, f.Said)
	}
	told, err := s.sendStaff(c, note, nil)
	if err != nil {
		return err
	}
	if err := c.Memory().Forget(memForwarded); err != nil {
		return err // sendStaff remembered the correction itself
	}
	if err := s.record(c, audit.Update, "retract", 0, nil, "撤回转告："+f.Said); err != nil {
		return err
	}
	var b strings.Builder
	switch {
	case f.Token != "" && !withdrawn:
		fmt.Fprintf(&b, "收到。您刚才报的“%s”专班已经处理（或已过期），我已告知专班这条说错了，请专班核对台账并更正。", f.Said)
	case told && f.Token == "":
		fmt.Fprintf(&b, "好的，您刚才报的“%s”已作废，已告知司法局应诉专班这条说错了，台账没有作任何修改。", f.Said)
	case told:
		fmt.Fprintf(&b, "好的，您刚才报的“%s”已作废，已告知司法局应诉专班不要登记，台账没有作任何修改。", f.Said)
	default:
		fmt.Fprintf(&b, "好的，您刚才报的“%s”已作废，台账没有作任何修改。（系统中没有登记应诉专班，未能转告，请直接电话联系司法局应诉专班。）", f.Said)
	}
	b.WriteString("\n" + retractHelp)
	return c.ReplyMarkdown(b.String())
}

// retracted is the reply to a retraction of a change still waiting for
// its author's own 确认: it is dropped, and said which.
func retracted(summary string) string {
	return "好的，刚才这条修改已作废，没有作任何修改：\n\n" + summary + "\n\n" + retractHelp
}
