package wecom

import (
	"strings"
	"unicode/utf8"
)

// Split cuts s into parts of at most limit bytes for WeCom, which
// truncates text and markdown content beyond 2048 bytes. It never cuts
// inside a UTF-8 character; it keeps lines whole where a line fits, and
// cuts a longer line after a sentence end, a comma or a space when one is
// near. For markdown it does not cut inside a tag, and a <font color>
// span that has to be cut is closed and reopened so both parts render.
func Split(s string, limit int, markdown bool) []string {
	if len(s) <= limit {
		return []string{s}
	}
	var parts []string
	var cur strings.Builder
	flush := func() {
		if p := strings.Trim(cur.String(), "\n"); p != "" {
			parts = append(parts, p)
		}
		cur.Reset()
	}
	for _, line := range strings.SplitAfter(s, "\n") {
		if cur.Len()+len(line) <= limit {
			cur.WriteString(line)
			continue
		}
		flush()
		if len(line) <= limit {
			cur.WriteString(line)
			continue
		}
		nl := strings.HasSuffix(line, "\n")
		chunks := splitLine(strings.TrimSuffix(line, "\n"), limit, markdown)
		parts = append(parts, chunks[:len(chunks)-1]...)
		cur.WriteString(chunks[len(chunks)-1])
		if nl {
			cur.WriteByte('\n')
		}
	}
	flush()
	return parts
}

const fontClose = "</font>"

// splitLine cuts one line that is longer than limit.
func splitLine(line string, limit int, markdown bool) []string {
	var out []string
	reopen := "" // a <font> tag to reopen at the start of the next part
	for len(reopen)+len(line) > limit {
		budget := limit - len(reopen)
		if markdown {
			budget -= len(fontClose)
		}
		cut := cutPoint(line, budget, markdown)
		part := reopen + line[:cut]
		next := ""
		if markdown {
			if open := openFont(part); open != "" {
				part += fontClose
				next = open
			}
		}
		out = append(out, part)
		line, reopen = line[cut:], next
	}
	return append(out, reopen+line)
}

// cutPoint returns where to cut s so that s[:cut] fits in budget bytes:
// after a break character in the last quarter if there is one, else at
// the last character boundary; never 0.
func cutPoint(s string, budget int, markdown bool) int {
	end := min(budget, len(s))
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	if markdown {
		// Do not cut inside <...>: move before the tag's '<'.
		if lt := strings.LastIndexByte(s[:end], '<'); lt > strings.LastIndexByte(s[:end], '>') && lt > 0 {
			end = lt
		}
	}
	if end == 0 { // a character or tag wider than the budget: cut after one character
		_, size := utf8.DecodeRuneInString(s)
		return size
	}
	for i, lo := end, end*3/4; i > lo; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if isBreak(r) {
			return i
		}
		i -= size
	}
	return end
}

func isBreak(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '，', '、', '：', ' ', '\t', '!', '?', ';', ',', '.':
		return true
	}
	return false
}

// openFont returns the <font ...> tag left open at the end of s, or "".
func openFont(s string) string {
	open := strings.LastIndex(s, "<font")
	if open < 0 || open < strings.LastIndex(s, fontClose) {
		return ""
	}
	end := strings.IndexByte(s[open:], '>')
	if end < 0 {
		return ""
	}
	return s[open : open+end+1]
}
