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
	EditAgency    EditKind = "agency"    // 别写局名, 就说某执法部门: the case's agencies' names replaced, by position
	EditAddLaw    EditKind = "add-law"   // 再加一句法条 负责人出庭是哪条: one article, named with its text, added to 相关法条
)

// defaultAgencyPhrase stands for an agency whose name is to be hidden when
// the user gives no phrase of their own.
const defaultAgencyPhrase = "某行政机关"

// Edit is an offline revision with what it needs: the length asked
// (Shorten), the paragraph (Para: 1-based, negative from the end) or
// section named (Section) to drop, the new title (Title).
type Edit struct {
	Kind  EditKind
	Limit int
	// About marks a Limit asked as about that length (八百字左右), not at
	// most: a draft well short of it is then not "within" the request.
	About   bool
	Para    int
	Section string
	Title   string
	// Agency edits: Phrase replaces the names (empty: 某行政机关), Agency
	// is the one agency the user named (自然资源局; empty: every agency of
	// the case), Court asks the court's (or 复议机关's) name hidden too.
	Phrase string
	Agency string
	Court  bool
	// Law and LawText are the article an EditAddLaw adds (《中华人民共和国
	// 行政诉讼法》第三条第三款) and its text, from a table the bureau checks.
	Law     string
	LawText string
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
	steps, nd, err := s.ReviseOfflineEdits(ctx, number, []Edit{ed}, requester, instruction)
	if err != nil {
		return nil, err
	}
	res := &steps[0]
	res.Draft = nd
	return res, nil
}

// ReviseOfflineEdits applies eds in order to the newest draft of number,
// each to what the one before left, and stores one new version when the
// text changed (nil otherwise). It returns what each edit did and did not.
func (s *Service) ReviseOfflineEdits(ctx context.Context, number string, eds []Edit, requester, instruction string) ([]OfflineResult, *Draft, error) {
	d, err := s.Drafts.Latest(ctx, number)
	if err != nil {
		return nil, nil, err
	}
	return s.ReviseDraftOffline(ctx, d, eds, requester, instruction, "")
}

// ReviseDraftOffline applies eds in order to the draft d, as
// ReviseOfflineEdits does to the newest one. A jobID stores the new
// version under that job, once: the same job revising again (a job
// redelivered after a crash) gets the version it stored before.
func (s *Service) ReviseDraftOffline(ctx context.Context, d *Draft, eds []Edit, requester, instruction, jobID string) ([]OfflineResult, *Draft, error) {
	number := d.Number
	c, err := s.Store.Get(ctx, number)
	if err != nil {
		return nil, nil, err
	}
	body := d.Body
	var steps []OfflineResult
	for _, ed := range eds {
		out, res, err := s.applyOffline(ctx, c, body, ed)
		if err != nil {
			return nil, nil, err
		}
		body = out
		steps = append(steps, *res)
	}
	if body == d.Body {
		return steps, nil, nil
	}
	if jobID != "" {
		if done, err := s.Drafts.ForJob(ctx, jobID, number); err == nil {
			return steps, done, nil
		} else if !errors.Is(err, ErrNoDraft) {
			return nil, nil, err
		}
	}
	nd := &Draft{Number: number, Body: body, CreatedAt: s.Gen.now(), Requester: requester, Offline: true,
		OfflineReason: "离线修改：" + instruction, Hint: d.Hint, Decision: d.Decision, Warnings: d.Warnings, JobID: jobID}
	if err := s.Drafts.Add(ctx, nd); err != nil {
		return nil, nil, err
	}
	return steps, nd, nil
}

// applyOffline makes the edit ed of body, a draft of c: the text after it
// (body itself when nothing changed) and what was done and not.
func (s *Service) applyOffline(ctx context.Context, c *cases.Case, body string, ed Edit) (string, *OfflineResult, error) {
	e, limit := ed.Kind, ed.Limit
	res := &OfflineResult{}
	orig := body
	switch e {
	case EditTitles:
		_, anon, err := s.Gen.loadMaterial(ctx, c)
		if err != nil {
			return orig, nil, err
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
		return orig, res, nil
	case EditAnonymize:
		_, anon, err := s.Gen.loadMaterial(ctx, c)
		if err != nil {
			return orig, nil, err
		}
		clean, err := anon.Clean(body)
		var leak *privacy.LeakError
		if errors.As(err, &leak) {
			return orig, nil, LeakRefusal(leak)
		}
		if err != nil {
			return orig, nil, err
		}
		masked := maskedNames(c, anon, clean)
		names := "草稿中未出现自然人姓名"
		if len(masked) > 0 {
			names = "自然人一律写作" + strings.Join(masked, "、")
		}
		if clean == body {
			res.Done = "已按隐名规则（法释〔2016〕19号第9、10条的做法：保留姓、名用“某”代替，删除住址、证件号、电话等）重新核查，草稿原已脱敏，无需修改：" + names
			res.Left = "单位名称（如公司、机关名称）是否也写成“某县某局”“某公司”，按本地口径由审核人员决定（待核实）；如需整体改写，需要大模型。"
			return orig, res, nil
		}
		body = clean
		res.Done = "已按隐名规则重新脱敏：" + names
		res.Left = "单位名称是否隐去，按本地口径由审核人员决定（待核实）。"
	case EditShorten:
		before := charCount(body)
		asked := limit > 0
		if asked && before <= limit {
			if ed.About && before < limit*4/5 {
				// 八百字左右 asks for about that length, not at most: a draft
				// well short of it is not "within" the request, and offline
				// revision can only cut.
				res.Done = fmt.Sprintf("草稿约 %d 字，比要求的约 %d 字短，未作修改", before, limit)
				res.Left = fmt.Sprintf("离线修改只能删减、不能扩写：请在“待补充”处根据裁判文书补充案情和说理，或由大模型、人工扩写到约 %d 字。", limit)
				return orig, res, nil
			}
			res.Done = fmt.Sprintf("草稿约 %d 字，已在 %d 字以内，未作修改", before, limit)
			return orig, res, nil
		}
		if !asked {
			limit = before * 2 / 3
		}
		short, dropped := shortenDraft(body, limit)
		after := charCount(short)
		if after >= before {
			res.Done = fmt.Sprintf("草稿约 %d 字，已无可删去的摘录或说明", before)
			res.Left = "在保留案情、结果和法条的前提下进一步压缩，需要改写语句，须由大模型或人工完成。"
			return orig, res, nil
		}
		body = short
		res.Done = fmt.Sprintf("已压缩：约 %d 字 → %d 字（%s）", before, after, strings.Join(dropped, "；"))
		if asked && after <= limit {
			res.Done = fmt.Sprintf("已压缩到 %d 字以内：约 %d 字 → %d 字（%s）", limit, before, after, strings.Join(dropped, "；"))
		}
		if asked && after > limit {
			res.Left = fmt.Sprintf("仍比 %d 字多约 %d 字：标题、基本案情、裁判结果和相关法条须保留，这几部分现约 %d 字，"+
				"再压缩需要改写或删减这些内容的语句，须由大模型或人工完成。", limit, after-limit, keptCount(short))
		} else {
			res.Left = "语句本身未改写，删去的内容见上；如需改写得更紧凑，需要大模型。"
		}
	case EditStatutes:
		withText, missing := statuteTexts(body)
		if withText == body {
			res.Done = "草稿的“相关法条”中没有本系统法条表收录原文的条文"
			res.Left = "请审核人员根据裁判文书补充法条原文（待补充）。"
			return orig, res, nil
		}
		body = withText
		res.Done = "已在“相关法条”下附上条文原文（取自本系统的法条表，发布前请与国家法律法规数据库核对）"
		if len(missing) > 0 {
			res.Left = "以下条文本系统法条表未收录原文，请人工补充：" + strings.Join(missing, "；") + "。"
		}
	case EditAddLaw:
		if strings.Contains(body, ed.Law) {
			res.Done = "草稿的“相关法条”中已有" + ed.Law + "，未重复添加"
			return orig, res, nil
		}
		body = addLaw(body, "- "+ed.Law+"\n  > 原文："+ed.LawText)
		res.Done = "已在“相关法条”中加上" + ed.Law + "及其原文（取自本系统的法条表，发布前请与国家法律法规数据库核对）"
	case EditDrop:
		out, what, ok := dropParagraph(body, ed.Para, ed.Section)
		if !ok {
			res.Done = "未找到要删去的段落：" + what
			res.Left = "段落按正文计（不含标题和小标题）；也可以说“删掉典型意义那段”按小标题删去一节。"
			return orig, res, nil
		}
		body = out
		res.Done = "已删去" + what
		res.Left = "其余段落未改动；删去后前后文是否衔接，请审核人员核对。"
	case EditRetitle:
		_, anon, err := s.Gen.loadMaterial(ctx, c)
		if err != nil {
			return orig, nil, err
		}
		// The title is the user's words, stored in the draft: it goes
		// through the same anonymizer as every other text of a draft.
		t, err := anon.Clean(strings.TrimSpace(ed.Title))
		var leak *privacy.LeakError
		if errors.As(err, &leak) {
			return orig, nil, LeakRefusal(leak)
		}
		if err != nil {
			return orig, nil, err
		}
		if t == "" {
			res.Done = "没有读到新标题"
			res.Left = "请写明新标题，例如：标题改成“程序违法的代价”。"
			return orig, res, nil
		}
		body = retitle(body, t)
		res.Done = "标题已改为“" + t + "”"
		if t != strings.TrimSpace(ed.Title) {
			res.Done += "（标题中的人名已按隐名规则处理）"
		}
	case EditAgency:
		_, anon, err := s.Gen.loadMaterial(ctx, c)
		if err != nil {
			return orig, nil, err
		}
		// The phrase is the user's words, stored in the draft: it goes
		// through the anonymizer as the title does.
		phrase, err := anon.Clean(strings.TrimSpace(ed.Phrase))
		var leak *privacy.LeakError
		if errors.As(err, &leak) {
			return orig, nil, LeakRefusal(leak)
		}
		if err != nil {
			return orig, nil, err
		}
		body, res = replaceAgencies(c, body, ed, phrase)
	default:
		return orig, nil, fmt.Errorf("unknown offline edit %q", e)
	}
	return body, res, nil
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

// placeholderRe is a blank's instruction in an offline draft
// (（待补充：请根据裁判文书提炼本案的裁判要旨。）).
var placeholderRe = regexp.MustCompile(`（待补充[：:][^（）]*(?:（[^（）]*）[^（）]*)*）`)

// essentialSection is a section a shortened draft keeps whole: what
// happened, how it ended and the articles.
func essentialSection(heading string) bool {
	return strings.Contains(heading, "基本案情") || strings.Contains(heading, "结果") || strings.Contains(heading, "相关法条")
}

// dropOrder is the order the other sections go in, whole, when cutting
// them to their first sentences was not enough: the least the case's
// lesson rests on first.
var dropOrder = []string{"争议焦点", "要点", "典型意义", "警示", "说法", "评析"}

// shortenDraft cuts body towards limit characters, step by step and only
// as far as needed: the decision's excerpts; the blanks' instructions
// (（待补充：…）, a section left empty losing its heading); every section
// but the title, 基本案情, the result and the articles cut to its first
// sentence; then those sections dropped whole, one by one. It returns the
// text and what was cut, each step said.
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
	body = joinBlocks(blocksOf(body))
	if charCount(body) <= limit {
		return strings.TrimSpace(body), dropped
	}
	if n := len(placeholderRe.FindAllString(body, -1)); n > 0 {
		body = dropEmptySections(placeholderRe.ReplaceAllString(body, ""))
		dropped = append(dropped, fmt.Sprintf("删去“待补充”提示 %d 处（其内容仍须人工补充），只有提示的小节一并删去", n))
		if charCount(body) <= limit {
			return strings.TrimSpace(body), dropped
		}
	}
	bs := blocksOf(body)
	var cut []string
	for i := 0; i < len(bs); i++ {
		h := bs[i].lines[0]
		if !bs[i].heading || strings.HasPrefix(h, "# ") || essentialSection(h) {
			continue
		}
		j := i + 1
		for j < len(bs) && !bs[j].heading {
			j++
		}
		if j == i+1 {
			continue
		}
		text := joinBlocks(bs[i+1 : j])
		if first := firstSentence(text); first != strings.TrimSpace(text) {
			bs = append(append(append([]block{}, bs[:i+1]...), blocksOf(first)...), bs[j:]...)
			cut = append(cut, sectionName(h))
		}
	}
	body = joinBlocks(bs)
	if len(cut) > 0 {
		dropped = append(dropped, strings.Join(cut, "、")+"各保留第一句")
	}
	if charCount(body) <= limit {
		return strings.TrimSpace(body), dropped
	}
	var whole []string
	for _, want := range dropOrder {
		for charCount(body) > limit {
			out, what, ok := dropParagraph(body, 0, want)
			if !ok || essentialSection(what) {
				break
			}
			body = out
			whole = append(whole, strings.TrimSuffix(what, "一节"))
		}
	}
	if len(whole) > 0 {
		dropped = append(dropped, "整节删去"+strings.Join(whole, ""))
	}
	return strings.TrimSpace(body), dropped
}

// sectionName is a heading's words without its marks (## 【要点】: 要点).
func sectionName(heading string) string {
	return strings.Trim(strings.TrimSpace(strings.TrimLeft(heading, "# ")), "【】 ")
}

// dropEmptySections removes the headings (## …) no text follows.
func dropEmptySections(body string) string {
	bs := blocksOf(body)
	var out []block
	for i, b := range bs {
		if b.heading && !strings.HasPrefix(b.lines[0], "# ") && (i+1 == len(bs) || bs[i+1].heading) {
			continue
		}
		if !b.heading {
			var ls []string
			for _, l := range b.lines {
				if strings.TrimSpace(l) != "" {
					ls = append(ls, l)
				}
			}
			if len(ls) == 0 {
				continue
			}
			b.lines = ls
		}
		out = append(out, b)
	}
	return joinBlocks(out)
}

// keptCount is how many characters body's title and kept sections
// (基本案情, the result, the articles) have: what a shortening without
// rewording cannot go under.
func keptCount(body string) int {
	n, keep := 0, true
	for _, b := range blocksOf(body) {
		if b.heading {
			keep = strings.HasPrefix(b.lines[0], "# ") || essentialSection(b.lines[0])
		}
		if keep {
			n += charCount(strings.Join(b.lines, "\n"))
		}
	}
	return n
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

// addLaw adds item at the end of body's 相关法条 section, or adds the
// section at the end when the draft has none.
func addLaw(body, item string) string {
	head := "\n## 相关法条\n"
	i := strings.Index(body, head)
	if i < 0 {
		return strings.TrimRight(body, "\n") + "\n" + head + item + "\n"
	}
	start := i + len(head)
	end := len(body)
	if j := strings.Index(body[start:], "\n## "); j >= 0 {
		end = start + j
	}
	return strings.TrimRight(body[:end], "\n") + "\n" + item + "\n" + body[end:]
}
