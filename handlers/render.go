package handlers

import (
	"fmt"
	"strings"
	"time"

	"casebot/bot/cases"
	"casebot/bot/people"
	"casebot/bot/store"
	"casebot/handlers/webapp"
)

var weekdays = []string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}

// when shows a hearing time: 2025-12-03（周三）09:30.
func when(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	s := t.Format(cases.DateLayout) + "（" + weekdays[t.Weekday()] + "）"
	if t.Hour() != 0 || t.Minute() != 0 {
		s += t.Format("15:04")
	}
	return s
}

// labels returns the words for the parties and the court of a case kind.
func labels(k cases.Kind) (party, defendant, court string) {
	if k == cases.Reconsideration {
		return "申请人", "被申请人", "复议机关"
	}
	return "原告", "被告", "法院"
}

// card renders one case as WeCom markdown for viewer: 案号, 类型, 阶段,
// parties (隐名 as scope says), 案由, 法院, the next hearing with its place,
// 出庭负责人, 承办人 and the outcome.
func (s *service) card(viewer *people.Person, c *cases.Case, now time.Time, loc *time.Location) string {
	var b strings.Builder
	line := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			fmt.Fprintf(&b, "\n> %s：%s", label, value)
		}
	}
	party, defendant, court := labels(c.Kind)
	fmt.Fprintf(&b, "**%s**", c.Number)
	line("类型", string(c.Kind))
	line("阶段", string(c.Stage))
	line(party, s.scope.Plaintiffs(viewer, c))
	line(defendant, strings.Join(c.Defendants, "、"))
	line("案由", c.Cause)
	line(court, c.Court)
	line("立案日期", cases.FormatDate(c.FiledOn, loc))

	next := c.NextHearing(now)
	var head *cases.Hearing
	switch {
	case next != nil:
		v := `<font color="warning">` + when(next.At, loc) + `</font>`
		if next.Place != "" {
			v += " " + next.Place
		}
		if next.MustAppear {
			v += "（应当出庭）"
		}
		if n := len(next.Reschedules); n > 0 {
			v += "（由 " + when(next.Reschedules[n-1].From, loc) + " 改期）"
		}
		line("下次开庭", v)
		head = next
	case c.Open():
		line("下次开庭", "暂无安排")
	}
	if hs := c.ActiveHearings(); len(hs) > 0 {
		last := hs[len(hs)-1]
		for i := len(hs) - 1; i >= 0; i-- {
			if !hs[i].At.After(now) {
				last = hs[i]
				break
			}
		}
		if !last.At.After(now) {
			v := when(last.At, loc)
			switch {
			case last.HeadAppeared == nil:
				v += "，负责人是否出庭未登记"
			case *last.HeadAppeared:
				v += "，负责人已出庭"
			default:
				v += "，负责人未出庭"
			}
			line("上次开庭", v)
		}
		if head == nil {
			head = &last
		}
	}
	if head != nil && head.Head != "" {
		v := head.Head
		if head.HeadPost != "" {
			v += "（" + head.HeadPost + "）"
		}
		line("出庭负责人", v)
	}
	line("承办人", c.Handler)
	s.st.Deadlines.Lines(c, now, line)
	if c.Closure == nil {
		line("结果", "未结案")
	} else {
		v := cases.FormatDate(c.Closure.On, loc) + " " + string(c.Closure.Method)
		switch {
		case s.loss.Lost(c):
			v += ` <font color="warning">（败诉）</font>`
		case cases.Corrected(c):
			v += ` <font color="warning">（纠错）</font>`
		}
		line("结果", v)
		line("败诉原因", c.Closure.Reason)
	}
	return b.String()
}

// parties is the one-line “张某 诉 某局” of a case.
func (s *service) parties(viewer *people.Person, c *cases.Case) string {
	p, d := s.scope.Plaintiffs(viewer, c), strings.Join(c.Defendants, "、")
	switch c.Kind {
	case cases.Reconsideration:
		return p + " 对 " + d + " 申请复议"
	case cases.NonLitigation:
		return d + " 申请执行（" + p + "）"
	}
	return p + " 诉 " + d
}

// caseLine is one entry of a list of cases.
func (s *service) caseLine(i int, viewer *people.Person, c *cases.Case, now time.Time, loc *time.Location) string {
	parts := []string{}
	if c.Cause != "" {
		parts = append(parts, c.Cause)
	}
	if c.Stage != "" {
		parts = append(parts, string(c.Stage))
	}
	status := "未结"
	if c.Closure != nil {
		status = "已结 " + string(c.Closure.Method)
		if s.loss.Lost(c) {
			status += "（败诉）"
		}
	} else if h := c.NextHearing(now); h != nil {
		status += "，下次开庭 " + when(h.At, loc)
	}
	parts = append(parts, status)
	return fmt.Sprintf("%d. **%s**\n%s｜%s", i, c.Number, s.parties(viewer, c), strings.Join(parts, "｜"))
}

// hearingLine is one entry of a list of hearings.
func (s *service) hearingLine(i int, viewer *people.Person, h store.ScheduledHearing, loc *time.Location) string {
	v := when(h.Hearing.At, loc)
	if h.Hearing.Place != "" {
		v += " " + h.Hearing.Place
	}
	if h.Hearing.MustAppear {
		v += "（应当出庭）"
	}
	out := fmt.Sprintf("%d. %s\n**%s** %s", i, v, h.Case.Number, s.parties(viewer, h.Case))
	if h.Hearing.Head != "" {
		out += "｜出庭负责人 " + h.Hearing.Head
		if h.Hearing.HeadPost != "" {
			out += "（" + h.Hearing.HeadPost + "）"
		}
	}
	return out
}

// scopeLine tells a viewer what they can see.
func scopeLine(p *people.Person, fullNames bool) string {
	var what string
	switch p.Role {
	case people.Admin, people.Staff:
		what = "全部案件"
	case people.Head, people.Handler:
		what = "“" + p.Agency + "”作为被告（被申请人）的案件"
	case people.Pufa:
		what = "已结案件"
	}
	s := "您（" + p.Role.Label() + "）可查看：" + what
	if !fullNames {
		s += "；自然人当事人显示为“张某”"
	}
	return s + "。"
}

func helpText(p *people.Person, fullNames bool) string {
	var b strings.Builder
	b.WriteString("**案件查询助手**，可以这样问我：\n")
	b.WriteString("> 案号：(2025)黔0115行初123号，或简写 行初123\n")
	b.WriteString("> 当事人：查 张三、原告 某某公司\n")
	b.WriteString("> 单位：市场监管局的案件、我的案件\n")
	b.WriteString("> 开庭：今天开庭、明天开庭、本周开庭、下周开庭、12月3日开庭\n")
	b.WriteString("> 统计：本月败诉、今年结案、上月立案、未结案件\n")
	b.WriteString("> 列表较长时，回复“更多”看下一页")
	if p.Bureau() {
		b.WriteString("\n\n**修改台账**（发出后需回复“确认”）：\n")
		b.WriteString("> 开庭 案号 2025-12-03 09:30 第三法庭（已有待开庭的则改期）\n")
		b.WriteString("> 增加开庭 案号 时间 地点；改期 案号 新时间\n")
		b.WriteString("> 结案 案号 2025-12-01 判决驳回诉讼请求\n")
		b.WriteString("> 出庭 案号 是（或 否）")
	}
	if p.Role == people.Admin {
		b.WriteString("\n\n**人员管理**：\n")
		b.WriteString("> 添加人员 账号 姓名 角色 单位 [职务]\n")
		b.WriteString("> 修改人员 账号 单位 某县公安局（可改 姓名、角色、单位、职务）\n")
		b.WriteString("> 删除人员 账号；查看人员 账号；人员列表 [单位或角色]")
	}
	if h := explainHelp(p); h != "" {
		b.WriteString("\n\n" + h)
	}
	if h := webapp.HelpText(p); h != "" {
		b.WriteString("\n\n" + h)
	}
	b.WriteString("\n\n" + scopeLine(p, fullNames))
	return b.String()
}
