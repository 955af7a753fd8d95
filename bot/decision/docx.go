package decision

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"casebot/bot"
)

// extractDOCX reads the paragraphs of word/document.xml. A .docx is a zip
// of XML parts; the body's text is the w:t runs of its w:p paragraphs,
// with w:tab and w:br as white space. Deleted revisions (w:del, whose
// text is w:delText) and field codes (w:instrText) are not text and are
// skipped; table cells come out one paragraph each. The standard library
// does it in one pass, so no OOXML dependency is taken on for reading.
func extractDOCX(label, noun string, data []byte) (*Extracted, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, bot.Errorf(bot.EInvalid, "文件“%s”看起来是 Word 文档，但已损坏，无法打开。请重新保存后上传。", label)
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
		}
	}
	if doc == nil {
		what := "不是 Word 文档"
		for _, f := range zr.File {
			switch {
			case strings.HasPrefix(f.Name, "xl/"):
				what = "是 Excel 表格，不是 Word 文档"
			case strings.HasPrefix(f.Name, "ppt/"):
				what = "是 PowerPoint 演示文稿，不是 Word 文档"
			}
		}
		return nil, bot.Errorf(bot.EInvalid, "文件“%s”%s，读不到%s的文字。请上传%s的 Word（.docx）、PDF 或文本文件。", label, what, noun, noun)
	}
	rc, err := doc.Open()
	if err != nil {
		return nil, bot.Errorf(bot.EInvalid, "文件“%s”看起来是 Word 文档，但已损坏，无法打开。请重新保存后上传。", label)
	}
	defer rc.Close()
	text, err := docxParagraphs(io.LimitReader(rc, 64<<20))
	if err != nil {
		return nil, bot.Errorf(bot.EInvalid, "文件“%s”中的 Word 正文已损坏，无法读取。请用 Word 或 WPS 打开后重新保存，再上传。", label)
	}
	return &Extracted{Text: text, Format: FormatDOCX}, nil
}

func docxParagraphs(r io.Reader) (string, error) {
	dec := xml.NewDecoder(r)
	var b, para strings.Builder
	inText, skip := false, 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = skip == 0
			case "tab":
				if skip == 0 {
					para.WriteString("\t")
				}
			case "br", "cr":
				if skip == 0 {
					para.WriteString("\n")
				}
			case "del", "instrText", "delText":
				skip++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "del", "instrText", "delText":
				skip--
			case "p":
				b.WriteString(para.String())
				b.WriteString("\n")
				para.Reset()
			}
		case xml.CharData:
			if inText {
				para.Write(t)
			}
		}
	}
	b.WriteString(para.String())
	return b.String(), nil
}
