package explain

import (
	"strings"
	"unicode/utf8"
)

// splitMarkdown cuts md into parts of at most max bytes, in order, at
// paragraph breaks where it can, then at line breaks, and only inside a
// line (on a rune boundary) when one line is longer than max. WeCom cuts
// longer messages itself and not where a reader would.
func splitMarkdown(md string, max int) []string {
	var parts []string
	var cur strings.Builder
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			parts = append(parts, s)
		}
		cur.Reset()
	}
	add := func(piece, sep string) {
		if cur.Len() > 0 && cur.Len()+len(sep)+len(piece) > max {
			flush()
		}
		if cur.Len() > 0 {
			cur.WriteString(sep)
		}
		cur.WriteString(piece)
	}
	for _, para := range strings.Split(md, "\n\n") {
		if len(para) <= max {
			add(para, "\n\n")
			continue
		}
		for i, line := range strings.Split(para, "\n") {
			sep := "\n"
			if i == 0 {
				sep = "\n\n"
			}
			for len(line) > max {
				cut := max
				for cut > 0 && !utf8.RuneStart(line[cut]) {
					cut--
				}
				add(line[:cut], sep)
				flush()
				line, sep = line[cut:], "\n"
			}
			add(line, sep)
		}
	}
	flush()
	return parts
}
