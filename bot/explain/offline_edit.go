package explain

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"casebot/bot/cases"
	"casebot/bot/privacy"
)

// Revisions of a draft that need no model: each is a fixed operation on
// the newest draft's text (or the case's fields), so that without a model
// a 普法 colleague still gets what can be done deterministically, and is
// told precisely what cannot (a rewording needs the model).

// EditKind names an offline revision.
type EditKind string

// The offline revisions.
const (
	EditAnonymize EditKind = "anonymize" // 把名字都去掉, 隐名: the privacy rules applied again, names listed
	EditShorten   EditKind = "shorten"   // 改短一点, 压缩到500字: quotes and blanks' instructions dropped, sections cut to their first sentences
	EditTitles    EditKind = "titles"    // 换几个标题: three titles from the case's fields
	EditStatutes  EditKind = "statutes"  // 加上法条原文: the cited articles' text from the local table
	EditDrop      EditKind = "drop"      // 去掉第三段, 删掉典型意义那段: one paragraph or one section removed
	EditRetitle   EditKind = "retitle"   // 标题改成“程序违法的代价”: the title the user gave, anonymized
)

// Edit is an offline revision with what it needs: the length asked
// (Shorten), the paragraph (Para: 1-based, negative from the end) or
// section named (Section) to drop, the new title (Title).
type Edit struct {
	Kind    EditKind
	Limit   int
	Para    int
	Section string
	Title   string
}

// OfflineResult is what an offline revision made: a new draft version
// (nil when the text needed no change, or for titles), and what was done
// and not, for the user.
type OfflineResult struct {
	Draft  *Draft
	Titles []string
	Done   string // what was done, one sentence
	Left   string // what was not, and why (needs the model or an editor)
}

// ReviseOffline applies e to the newest draft of number; limit is the
// length asked for (0: about two thirds of the draft). The new version
// is stored like any draft, so that review and export see it.
func (s *Service) ReviseOffline(ctx context.Context, number string, e EditKind, limit int, requester, instruction string) (*OfflineResult, error) {
	return s.ReviseOfflineEdit(ctx, number, Edit{Kind: e, Limit: limit}, requester, instruction)
}

// ReviseOfflineEdit applies ed to the newest draft of number, as
// ReviseOffline does.
func (s *Service) ReviseOfflineEdit(ctx context.Context, number string, ed Edit, requester, instruction string) (*OfflineResult, error) {
	e, limit := ed.Kind, ed.Limit
	d, err := s.Drafts.Latest(ctx, number)
	if err != nil {
		return nil, err
	}
	c, err := s.Store.Get(ctx, number)
	if err != nil {
		return nil, err
	}
	res := &OfflineResult{}
	body := d.Body
	switch e {
	case EditTitles:
		_, anon, err := s.Gen.loadMaterial(ctx, c)
		if err != nil {
			return nil, err
		}
		for _, t := range titlesFor(c, s.Gen.Loss) {
			clean, err := anon.Clean(t)
			if err != nil {
				continue // a title that would leak is left out
			}
			res.Titles = append(res.Titles, clean)
		}
		res.Done = "根据台账字段拟了三个备选标题（不生成新版本，选定后请在稿中替换）"
		res.Left = "结合全文提炼更有新意的标题需要大模型。"
		return res, nil
	case EditAnonymize:
		_, anon, err := s.Gen.loadMaterial(ctx, c)
		if err != nil {
			return nil, err
		}
		clean, err := anon.Clean(body)
		var leak *privacy.LeakError
		if errors.As(err, &leak) {
			return nil, LeakRefusal(leak)
		}
		if err != nil {
			return nil, err
		}
		masked := maskedNames(c, anon, clean)
		names := "草稿中未出现自然人姓名"
		if len(masked) > 0 {
			names = "自然人一律写作" + strings.Join(masked, "、")
		}
		if clean == body {
			res.Done = "已按隐名规则（法释〔2016〕19号第9、10条的做法：保留姓、名用“某”代替，删除住址、证件号、电话等）重新核查，草稿原已脱敏，无需修改：" + names
			res.Left = "单位名称（如公司、机关名称）是否也写成“某县某局”“某公司”，按本地口径由审核人员决定（待核实）；如需整体改写，需要大模型。"
			return res, nil
		}
		body = clean
		res.Done = "已按隐名规则重新脱敏：" + names
		res.Left = "单位名称是否隐去，按本地口径由审核人员决定（待核实）。"
	case EditShorten:
		before := charCount(body)
		asked := limit > 0
		if asked && before <= limit {
			res.Done = fmt.Sprintf("草稿约 %d 字，已在 %d 字以内，未作修改", before, limit)
			return res, nil
		}
		if !asked {
			limit = before * 2 / 3
		}
		short, dropped := shortenDraft(body, limit)
		after := charCount(short)
		if after >= before {
			res.Done = fmt.Sprintf("草稿约 %d 字，已无可删去的摘录或说明", before)
			res.Left = "在保留案情、结果和法条的前提下进一步压缩，需要改写语句，须由大模型或人工完成。"
			return res, nil
		}
		body = short
		res.Done = fmt.Sprintf("已压缩：约 %d 字 → %d 字（%s）", before, after, strings.Join(dropped, "；"))
		if asked && after > limit {
			res.Left = fmt.Sprintf("仍超过 %d 字：标题、案情、结果和法条均已保留，再压缩需要改写语句，须由大模型或人工完成。", limit)
		} else {
			res.Left = "删去的是摘录和各节第一句以后的内容，语句本身未改写；如需改写得更紧凑，需要大模型。"
		}
	case EditStatutes:
		withText, missing := statuteTexts(body)
		if withText == body {
			res.Done = "草稿的“相关法条”中没有本系统法条表收录原文的条文"
			res.Left = "请审核人员根据裁判文书补充法条原文（待补充）。"
			return res, nil
		}
		body = withText
		res.Done = "已在“相关法条”下附上条文原文（取自本系统的法条表，发布前请与国家法律法规数据库核对）"
		if len(missing) > 0 {
			res.Left = "以下条文本系统法条表未收录原文，请人工补充：" + strings.Join(missing, "；") + "。"
		}
	case EditDrop:
		out, what, ok := dropParagraph(body, ed.Para, ed.Section)
		if !ok {
			res.Done = "未找到要删去的段落：" + what
			res.Left = "段落按正文计（不含标题和小标题）；也可以说“删掉典型意义那段”按小标题删去一节。"
			return res, nil
		}
		body = out
		res.Done = "已删去" + what
		res.Left = "其余段落未改动；删去后前后文是否衔接，请审核人员核对。"
	case EditRetitle:
		_, anon, err := s.Gen.loadMaterial(ctx, c)
		if err != nil {
			return nil, err
		}
		// The title is the user's words, stored in the draft: it goes
		// through the same anonymizer as every other text of a draft.
		t, err := anon.Clean(strings.TrimSpace(ed.Title))
		var leak *privacy.LeakError
		if errors.As(err, &leak) {
			return nil, LeakRefusal(leak)
		}
		if err != nil {
			return nil, err
		}
		if t == "" {
			res.Done = "没有读到新标题"
			res.Left = "请写明新标题，例如：标题改成“程序违法的代价”。"
			return res, nil
		}
		body = retitle(body, t)
		res.Done = "标题已改为“" + t + "”"
		if t != strings.TrimSpace(ed.Title) {
			res.Done += "（标题中的人名已按隐名规则处理）"
		}
	default:
		return nil, fmt.Errorf("unknown offline edit %q", e)
	}
	nd := &Draft{Number: number, Body: body, CreatedAt: s.Gen.now(), Requester: requester, Offline: true,
		OfflineReason: "离线修改：" + instruction, Hint: d.Hint, Decision: d.Decision, Warnings: d.Warnings}
	if err := s.Drafts.Add(ctx, nd); err != nil {
		return nil, err
	}
	res.Draft = nd
	return res, nil
}

// maskedNames lists, once each, how text writes the case's natural
// persons as the anonymizer masks them (金某, 王某某).
func maskedNames(c *cases.Case, anon *privacy.Anonymizer, text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range c.Plaintiffs {
		if !p.Natural {
			continue
		}
		m, err := anon.Clean(p.Name)
		if err != nil || m == p.Name || seen[m] || !strings.Contains(text, m) {
			continue
		}
		seen[m] = true
		out = append(out, "“"+m+"”")
	}
	return out
}

// quoteRe is a quoted excerpt of the decision in an offline draft, up to
// the next section.
var quoteRe = regexp.MustCompile(`(?s)\n（以下摘自[^\n]*）\n.*?(?:\n\n|\n##|$)`)

// shortenDraft cuts body towards limit characters: the decision's excerpts
// first, then every section but the title, 基本案情, the result and the
// articles to its first sentence. It returns the text and what was cut.
func shortenDraft(body string, limit int) (string, []string) {
	var dropped []string
	if quoteRe.MatchString(body) {
		body = quoteRe.ReplaceAllStringFunc(body, func(m string) string {
			if strings.HasSuffix(m, "\n##") {
				return "\n\n##"
			}
			return "\n\n"
		})
		dropped = append(dropped, "删去裁判文书摘录")
	}
	if charCount(body) <= limit {
		return strings.TrimSpace(body), dropped
	}
	parts := strings.Split(body, "\n## ")
	cut := false
	for i := 1; i < len(parts); i++ {
		title, text, _ := strings.Cut(parts[i], "\n")
		if strings.Contains(title, "基本案情") || strings.Contains(title, "结果") || strings.Contains(title, "相关法条") {
			continue
		}
		if first := firstSentence(text); first != strings.TrimSpace(text) {
			parts[i] = title + "\n" + first
			cut = true
		}
	}
	if cut {
		dropped = append(dropped, "要点、争议焦点、评析和典型意义各保留第一句")
	}
	return strings.TrimSpace(strings.Join(parts, "\n## ")), dropped
}

// firstSentence is text up to its first 。 outside brackets, with a
// bracket it closes (or all of it).
func firstSentence(text string) string {
	t := strings.TrimSpace(text)
	depth := 0
	for i, r := range t {
		switch r {
		case '（', '(':
			depth++
		case '）', ')':
			if depth > 0 {
				depth--
			}
			if depth == 0 && i > 0 && strings.HasSuffix(t[:i], "。") {
				return t[:i+len("）")]
			}
		case '。':
			if depth == 0 {
				return t[:i+len("。")]
			}
		}
	}
	return t
}

// titlesFor makes three titles from the case's fields: what it was about,
// how it ended and why.
func titlesFor(c *cases.Case, loss cases.LossSet) []string {
	cause := strings.TrimSpace(c.Cause)
	if cause == "" {
		cause = "行政"
	}
	outcome, reason := "", ""
	if c.Closure != nil {
		outcome, reason = string(c.Closure.Method), strings.TrimSpace(c.Closure.Reason)
	}
	lost := c.Closure != nil && loss[c.Closure.Method]
	kind := "行政诉讼"
	if c.Kind == cases.Reconsideration {
		kind = "行政复议"
	}
	var out []string
	switch {
	case reason != "":
		out = append(out, fmt.Sprintf("%s，%s被%s——一起%s案件的警示", strings.TrimRight(reason, "。"), cause+"决定", strings.TrimPrefix(outcome, "判决"), kind))
	case outcome != "":
		out = append(out, fmt.Sprintf("一起%s%s案件为何以“%s”结案", cause, kind, outcome))
	}
	if lost {
		out = append(out, fmt.Sprintf("以案说法｜%s执法中的程序与证据，一步都不能少", cause))
		out = append(out, fmt.Sprintf("从一起败诉案看%s领域依法行政的底线", cause))
	} else {
		out = append(out, fmt.Sprintf("以案说法｜%s案件中，行政机关应当怎样依法履职", cause))
		out = append(out, fmt.Sprintf("从一起%s案看依法行政与实质化解争议", cause))
	}
	if len(out) < 3 {
		out = append(out, fmt.Sprintf("一起%s%s案件的启示", cause, kind))
	}
	return out[:3]
}

// retitle puts title in place of the body's first heading (# ...), or
// before the body when it has none.
func retitle(body, title string) string {
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "# ") {
			lines[i] = "# " + title
			return strings.Join(lines, "\n")
		}
		if strings.TrimSpace(l) != "" {
			break
		}
	}
	return "# " + title + "\n\n" + strings.TrimSpace(body)
}

// block is a run of lines of a draft: a heading (# or ##) or a paragraph
// (text lines up to a blank line or a heading; a list and the article
// text under it are one paragraph).
type block struct {
	heading bool
	lines   []string
}

func blocksOf(body string) []block {
	var out []block
	var cur *block
	for _, l := range strings.Split(body, "\n") {
		switch {
		case strings.HasPrefix(l, "#"):
			out = append(out, block{heading: true, lines: []string{l}})
			cur = nil
		case strings.TrimSpace(l) == "":
			cur = nil
		default:
			if cur == nil {
				out = append(out, block{})
				cur = &out[len(out)-1]
			}
			cur.lines = append(cur.lines, l)
		}
	}
	return out
}

func joinBlocks(bs []block) string {
	parts := make([]string, 0, len(bs))
	for _, b := range bs {
		parts = append(parts, strings.Join(b.lines, "\n"))
	}
	return strings.Join(parts, "\n\n")
}

// dropParagraph removes paragraph n of body (1-based, counted over the
// text under the title, headings not counted; -1 the last, -2 the one
// before) or, with section, the section whose heading holds it, heading
// and all. A section left without text loses its heading too. It returns
// the text, what was removed (or, when nothing was, what was looked for)
// and whether anything was.
func dropParagraph(body string, n int, section string) (string, string, bool) {
	bs := blocksOf(body)
	if section != "" {
		for i, b := range bs {
			if !b.heading || strings.HasPrefix(b.lines[0], "# ") || !strings.Contains(b.lines[0], section) {
				continue
			}
			j := i + 1
			for j < len(bs) && !bs[j].heading {
				j++
			}
			name := strings.TrimSpace(strings.TrimLeft(b.lines[0], "# "))
			out := append(append([]block{}, bs[:i]...), bs[j:]...)
			return joinBlocks(out), "“" + name + "”一节", true
		}
		return body, "草稿中没有小标题含“" + section + "”的一节", false
	}
	var paras []int
	for i, b := range bs {
		if !b.heading {
			paras = append(paras, i)
		}
	}
	k := n - 1
	if n < 0 {
		k = len(paras) + n
	}
	if n == 0 || k < 0 || k >= len(paras) {
		return body, fmt.Sprintf("草稿正文共 %d 段（不含标题和小标题）", len(paras)), false
	}
	i := paras[k]
	text := strings.Join(bs[i].lines, "")
	if r := []rune(text); len(r) > 24 {
		text = string(r[:24]) + "…"
	}
	out := append(append([]block{}, bs[:i]...), bs[i+1:]...)
	// A heading followed by another heading or nothing has lost its text.
	if i > 0 && bs[i-1].heading && !strings.HasPrefix(bs[i-1].lines[0], "# ") && (i == len(out) || out[i].heading) {
		out = append(out[:i-1], out[i:]...)
	}
	return joinBlocks(out), fmt.Sprintf("正文第 %d 段（“%s”）", k+1, text), true
}
