package decision

import (
	"bytes"
	"fmt"
	"math"
	"strings"

	"github.com/ledongthuc/pdf"

	"casebot/bot"
)

// extractPDF reads the text layer of a PDF with github.com/ledongthuc/pdf
// (pure Go; it decodes fonts through their ToUnicode maps and built-in
// encodings). Its own plain-text call breaks a line at every text object,
// and LibreOffice and Word start one for every run of a new font, so the
// lines are assembled here from the text positions instead: a new line
// where the baseline moves by more than half the font size. The lines a
// page wrapped are then joined into paragraphs (reflow).
func extractPDF(label string, data []byte) (x *Extracted, err error) {
	defer func() {
		// The library panics on some malformed files; the user gets the
		// same answer as for any unreadable one.
		if r := recover(); r != nil {
			x, err = nil, unreadablePDF(label, fmt.Sprint(r))
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if strings.Contains(err.Error(), "encrypt") || strings.Contains(err.Error(), "password") {
			return nil, bot.Errorf(bot.EInvalid, "PDF 文件“%s”设置了密码或加密，系统无法读取其中的文字。请提供未加密的版本（或 Word 版本）。", label)
		}
		return nil, unreadablePDF(label, err.Error())
	}
	pages := r.NumPage()
	var lines []string
	for i := 1; i <= pages; i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		// No blank line between pages: a paragraph runs on over a page
		// break, and reflow joins it like any wrapped line.
		lines = append(lines, pageLines(p)...)
	}
	return &Extracted{Text: strings.Join(reflow(dropPageNumbers(lines)), "\n"), Format: FormatPDF, Pages: pages}, nil
}

func unreadablePDF(label, detail string) error {
	_ = detail // not for users; the file is simply not readable
	return bot.Errorf(bot.EInvalid, "PDF 文件“%s”已损坏或格式不规范，系统无法读取。请重新下载或导出该文书后再上传，或提供 Word（.docx）版本。", label)
}

// pageLines interprets a page's content stream, following the text
// matrix well enough to tell where lines begin.
func pageLines(p pdf.Page) []string {
	strm := p.V.Key("Contents")
	if strm.Kind() == pdf.Null {
		return nil
	}
	fonts := map[string]pdf.TextEncoding{}
	encoder := func(name string) pdf.TextEncoding {
		if e, ok := fonts[name]; ok {
			return e
		}
		f := p.Font(name)
		e := f.Encoder()
		fonts[name] = e
		return e
	}
	var (
		lines    []string
		cur      strings.Builder
		enc      pdf.TextEncoding
		size     float64 = 12
		leading  float64
		tmY, tmD float64 = 0, 1 // line matrix: baseline and vertical scale
		lineY    float64
		started  bool
	)
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			lines = append(lines, s)
		}
		cur.Reset()
	}
	show := func(raw string) {
		if enc == nil {
			return
		}
		y := tmY
		h := math.Abs(size*tmD) * 0.5
		if h == 0 {
			h = 1
		}
		if started && math.Abs(y-lineY) > h {
			flush()
		}
		started, lineY = true, y
		cur.WriteString(enc.Decode(raw))
	}
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		switch op {
		case "BT":
			tmY, tmD = 0, 1
		case "Tf":
			if n == 2 {
				enc = encoder(args[0].Name())
				size = args[1].Float64()
			}
		case "TL":
			if n == 1 {
				leading = args[0].Float64()
			}
		case "Tm":
			if n == 6 {
				tmD, tmY = args[3].Float64(), args[5].Float64()
				if tmD == 0 {
					tmD = args[1].Float64()
				}
			}
		case "Td", "TD":
			if n == 2 {
				ty := args[1].Float64()
				tmY += ty * tmD
				if op == "TD" {
					leading = -ty
				}
			}
		case "T*":
			tmY -= leading * tmD
		case "Tj", "'", "\"":
			if op != "Tj" {
				tmY -= leading * tmD
			}
			if n >= 1 {
				show(args[n-1].RawString())
			}
		case "TJ":
			if n == 1 {
				a := args[0]
				var b strings.Builder
				for i := 0; i < a.Len(); i++ {
					if v := a.Index(i); v.Kind() == pdf.String {
						b.WriteString(v.RawString())
					}
				}
				show(b.String())
			}
		}
	})
	flush()
	return lines
}

// dropPageNumbers removes the lines that are only a page number
// (“3”, “- 3 -”, “第3页 共12页”), which would otherwise land inside a
// paragraph that runs over a page break.
func dropPageNumbers(lines []string) []string {
	out := lines[:0]
	for _, l := range lines {
		t := strings.Trim(strings.TrimSpace(l), "-—– ·")
		if t != "" && (isDigits(t) || strings.HasPrefix(t, "第") && strings.HasSuffix(t, "页") && len([]rune(t)) <= 12) {
			continue
		}
		out = append(out, l)
	}
	return out
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
