package explain

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strings"

	"casebot/bot"
	"casebot/bot/docx"
)

// Export writes a reviewed draft as a Word document in the publication
// layout: the title, the body, and a 来源 line. v is the version; 0 means
// the newest version that passed review (已审核 or 已发布). A draft not yet
// approved is refused with a *bot.Error saying what state it is in.
func (s *Service) Export(ctx context.Context, number string, v int) ([]byte, *Draft, error) {
	explicit := v != 0
	v, latest, err := s.resolve(ctx, number, v)
	if err != nil {
		return nil, nil, err
	}
	var d *Draft
	for ; v >= 1; v-- {
		rv, err := s.Reviews.Get(ctx, number, v, latest)
		if err != nil {
			return nil, nil, err
		}
		if rv.State == StateApproved || rv.State == StatePublished {
			if d, err = s.Drafts.Get(ctx, number, v); err != nil {
				return nil, nil, err
			}
			break
		}
		if explicit {
			return nil, nil, bot.Errorf(bot.EInvalid, "案件 %s 的第 %d 版草稿当前为“%s”，须审核通过后才能导出。", number, v, rv.State)
		}
	}
	if d == nil {
		rv, _ := s.Reviews.Get(ctx, number, latest, latest)
		return nil, nil, bot.Errorf(bot.EInvalid, "案件 %s 还没有审核通过的以案说法草稿（最新的第 %d 版为“%s”），请审核通过后再导出。", number, latest, rv.State)
	}
	var buf bytes.Buffer
	if err := docx.Write(&buf, Publication(d, s.Source)); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), d, nil
}

// Publication lays a draft out for publishing: its headline as the title,
// its sections as headings and paragraphs, markdown marks removed, and
// “来源：<source>” (with the decision it was written from) at the end.
func Publication(d *Draft, source string) docx.Document {
	doc := docx.Document{Author: source, Created: d.CreatedAt}
	title := Title(d.Body)
	if title == "" {
		title = "以案说法"
	}
	doc.Title = title
	doc.Paragraphs = append(doc.Paragraphs, docx.P(docx.Title, title))
	var para []string
	flush := func() {
		if len(para) > 0 {
			doc.Paragraphs = append(doc.Paragraphs, docx.Paragraph{Style: docx.Body, Runs: runsOf(strings.Join(para, ""))})
			para = nil
		}
	}
	skipTitle := false
	for _, l := range strings.Split(d.Body, "\n") {
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			flush()
		case strings.HasPrefix(t, "# "):
			flush() // the title, already set
		case strings.HasPrefix(t, "#"):
			flush()
			h := strings.TrimSpace(strings.TrimLeft(t, "#"))
			if h == "标题" {
				skipTitle = true
				continue
			}
			doc.Paragraphs = append(doc.Paragraphs, docx.P(docx.Heading, plain(h)))
		case skipTitle:
			skipTitle = false // the text under “## 标题” is the title
		case listRe.MatchString(t):
			flush()
			para = append(para, listRe.ReplaceAllString(t, ""))
			flush()
		default:
			para = append(para, strings.TrimPrefix(t, "> "))
		}
	}
	flush()
	closing := "来源：" + source
	if d.Decision != nil {
		closing += fmt.Sprintf("（根据%s%s整理）", d.Decision.Issuer, d.Decision.Title)
	}
	doc.Paragraphs = append(doc.Paragraphs, docx.P(docx.Closing, closing))
	return doc
}

var (
	listRe = regexp.MustCompile(`^(?:[-*+]\s+|\d+[.、]\s*)`)
	tagRe  = regexp.MustCompile(`</?font[^>]*>`)
	boldRe = regexp.MustCompile(`\*\*([^*]+)\*\*`)
)

// plain removes markdown marks and tags.
func plain(s string) string {
	s = tagRe.ReplaceAllString(s, "")
	return strings.NewReplacer("**", "", "__", "", "`", "").Replace(s)
}

// runsOf turns **bold** into bold runs.
func runsOf(s string) []docx.Run {
	s = tagRe.ReplaceAllString(s, "")
	var out []docx.Run
	last := 0
	for _, m := range boldRe.FindAllStringSubmatchIndex(s, -1) {
		if m[0] > last {
			out = append(out, docx.Run{Text: plain(s[last:m[0]])})
		}
		out = append(out, docx.Run{Text: plain(s[m[2]:m[3]]), Bold: true})
		last = m[1]
	}
	if last < len(s) {
		out = append(out, docx.Run{Text: plain(s[last:])})
	}
	return out
}
