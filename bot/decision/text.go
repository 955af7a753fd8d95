package decision

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"casebot/bot"
)

// looksLikeText reports whether b reads as text in one of the encodings
// extractText knows: a BOM, valid UTF-8, UTF-16 (every other byte zero
// for ASCII, or a high share of CJK code units), or GB 18030 without
// control bytes.
func looksLikeText(b []byte) bool {
	if _, _, ok := bomOf(b); ok {
		return true
	}
	if utf16Guess(b) != "" {
		return true
	}
	probe := b[:min(len(b), 64<<10)]
	for _, c := range probe {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			return false
		}
	}
	return true
}

func bomOf(b []byte) (enc string, skip int, ok bool) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return "UTF-8", 3, true
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return "UTF-16LE", 2, true
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return "UTF-16BE", 2, true
	}
	return "", 0, false
}

// utf16Guess recognises UTF-16 without a BOM (Windows Notepad's "Unicode"
// sometimes drops it): Chinese text in UTF-16 has no byte pattern UTF-8
// or GBK would produce, so the test is that decoding either way gives
// mostly CJK, ASCII and punctuation with no control characters.
func utf16Guess(b []byte) string {
	if len(b) < 4 || len(b)%2 != 0 || utf8.Valid(b) && !bytes.Contains(b, []byte{0}) {
		return ""
	}
	for _, enc := range []string{"UTF-16LE", "UTF-16BE"} {
		s := decodeUTF16(b, enc == "UTF-16BE")
		good, total := 0, 0
		for _, r := range s {
			total++
			if unicode.Is(unicode.Han, r) || r < 0x80 && (r >= 0x20 || r == '\n' || r == '\r' || r == '\t') || unicode.IsPunct(r) || unicode.IsSpace(r) {
				good++
			}
		}
		if total > 0 && good*100 >= total*95 {
			return enc
		}
	}
	return ""
}

func decodeUTF16(b []byte, big bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if big {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u))
}

// extractText decodes a text file: UTF-8 (with or without BOM), UTF-16
// (with a BOM, or recognised without), else GB 18030, the superset of the
// GBK and GB 2312 that Chinese Windows saves in.
func extractText(label string, b []byte) (*Extracted, error) {
	if enc, skip, ok := bomOf(b); ok {
		switch enc {
		case "UTF-8":
			if !utf8.Valid(b[skip:]) {
				break
			}
			return &Extracted{Text: string(b[skip:]), Format: FormatText, Encoding: enc}, nil
		default:
			return &Extracted{Text: decodeUTF16(b[skip:], enc == "UTF-16BE"), Format: FormatText, Encoding: enc}, nil
		}
	}
	if enc := utf16Guess(b); enc != "" {
		return &Extracted{Text: decodeUTF16(b, enc == "UTF-16BE"), Format: FormatText, Encoding: enc}, nil
	}
	if utf8.Valid(b) {
		return &Extracted{Text: string(b), Format: FormatText, Encoding: "UTF-8"}, nil
	}
	s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil || bytes.ContainsRune(s, utf8.RuneError) {
		return nil, bot.Errorf(bot.EInvalid, "文本文件“%s”的编码无法识别（既不是 UTF-8，也不是 GBK 或 UTF-16）。请用记事本或 WPS 打开后另存为 UTF-8 编码，或直接上传 Word（.docx）版本。", label)
	}
	return &Extracted{Text: string(s), Format: FormatText, Encoding: "GBK"}, nil
}

// tidyText makes every decision's text alike: \n line ends, no trailing
// spaces, no control characters, at most one blank line in a row.
func tidyText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\f' || r == '\v' || r == '\u2028' || r == '\u2029':
			return '\n'
		case r == '\ufeff' || r == '\u200b' || r == '\u00ad' || unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := 0
	for _, l := range lines {
		l = strings.TrimRight(l, " \t\u3000")
		if strings.TrimSpace(strings.ReplaceAll(l, "\u3000", " ")) == "" {
			blank++
			if blank > 1 || len(out) == 0 {
				continue
			}
			l = ""
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// endsParagraph reports whether a line ends a paragraph by its last
// character: sentence and clause ends, and the colon that opens 判决如下：.
func endsParagraph(line string) bool {
	t := strings.TrimSpace(line)
	r, _ := utf8.DecodeLastRuneInString(t)
	if r == '：' || r == ':' {
		// 判决如下： ends one; 第四十六条规定： runs on into its quote.
		t = strings.TrimRight(t, "：:")
		return hasSuffixAny(t, []string{"如下", "决定", "请求", "称", "认为", "查明", "理由", "证据"})
	}
	return strings.ContainsRune("。；;！!？?”」』", r)
}

// reflow joins the lines a PDF wrapped inside paragraphs: a line that is
// at least 70% as wide as the widest line (a wrap before an unbreakable 〔2025〕123号 leaves a shorter one) and does not end a sentence goes on
// in the next line. Short lines (titles, party lines, signatures) stand.
func reflow(lines []string) []string {
	widest := 0
	for _, l := range lines {
		widest = max(widest, displayWidth(l))
	}
	var out []string
	joinNext := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			joinNext = false
			out = append(out, "")
			continue
		}
		if joinNext && len(out) > 0 {
			out[len(out)-1] += t
		} else {
			out = append(out, t)
		}
		joinNext = widest > 20 && displayWidth(t)*100 >= widest*70 && !endsParagraph(t)
	}
	return out
}

// displayWidth counts a CJK character as 2 and anything else as 1, so
// that a line of digits and a line of Han characters compare by width.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0x1100 && (unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF) {
			w += 2
		} else {
			w++
		}
	}
	return w
}
