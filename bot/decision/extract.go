// Package decision holds the decisions behind closed cases: the 裁判文书
// (判决书, 裁定书) and 行政复议决定书 attached to the ledger's cases. It
// reads their text out of the files people have (.docx, .pdf with a text
// layer, .txt in UTF-8, GBK or UTF-16), splits it into the parts every
// decision has (首部, 当事人, 诉讼请求, 答辩, 经审理查明, 本院认为, 主文,
// 尾部), finds the case numbers, the contested act's 文号, dates, amounts
// and every statute cited, and keeps the text with the case in Redis.
//
// The original file is not kept: once its text is extracted and stored,
// only the text, the file's name, format, size, page count and SHA-256 are
// kept. The case file (卷宗) already holds the original; Redis is no
// document archive, and the original carries every party's full personal
// data. The hash proves which file a draft was written from, and
// recognises the same file attached again.
package decision

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"casebot/bot"
)

// Format is the kind of file a decision was read from.
type Format string

const (
	FormatDOCX Format = "docx"
	FormatPDF  Format = "pdf"
	FormatText Format = "txt"
)

// Extracted is the text of a file.
type Extracted struct {
	Text   string
	Format Format
	// Pages is the page count of a PDF, 0 for other formats.
	Pages int
	// Encoding names the character set a text file was in (UTF-8, GBK,
	// UTF-16LE, UTF-16BE); empty for other formats.
	Encoding string
}

// DefaultMaxBytes is explain.max_document_bytes when unset: 10 MB, far
// above a text decision (a 30-page PDF is under 1 MB) and below what a
// phone upload of a scan would be.
const DefaultMaxBytes = 10 << 20

// minTextRunes is the least text a decision has: a one-page 准予撤诉 ruling
// holds about 400 characters; fewer means the file is not a decision, or
// is a scan with a stray line of text.
const minTextRunes = 100

// Subject names the kind of document a file is read as, in the errors the
// person who sent it reads: a decision (Extract) or another document read
// the same way, such as an agency's 整改报告 (ExtractAs).
type Subject struct {
	// Noun is what the file should be, e.g. "判决书或复议决定书".
	Noun string
	// SizeHint follows a too-large error: what a text version weighs.
	SizeHint string
	// ScanHint follows the error of a PDF without a text layer: where to
	// get a text version.
	ScanHint string
	// MinRunes is the least text a complete document holds.
	MinRunes int
}

// DecisionSubject is what Extract reads: a 裁判文书 or 复议决定书.
var DecisionSubject = Subject{
	Noun:     "判决书或复议决定书",
	SizeHint: "裁判文书的文字版通常不到 1 MB；如是扫描件或含大量图片，请提供 Word（.docx）或可复制文字的 PDF 版本。",
	ScanHint: "请提供法院送达的电子版（Word 或可复制文字的 PDF），或先用 WPS、Adobe 等软件的“文字识别（OCR）”功能转换后再上传。",
	MinRunes: minTextRunes,
}

// CodeNoText is the bot.Error code of a PDF without a text layer (a scan):
// a caller that can take a scan as something else (an attachment) tells
// it from other refusals by this code.
const CodeNoText = "no_text"

// Extract reads the text of a decision file. The format is told by the
// content, not the name: a file whose content is not what its extension
// says, or is no supported format, gets a clear error naming both. Every
// error is a *bot.Error in Chinese, meant for the person who sent the file.
func Extract(name string, data []byte, maxBytes int64) (*Extracted, error) {
	return ExtractAs(DecisionSubject, name, data, maxBytes)
}

// ExtractAs reads the text of a file as Extract does, with errors that
// name what it should be (sub).
func ExtractAs(sub Subject, name string, data []byte, maxBytes int64) (*Extracted, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	label := displayName(name)
	switch {
	case len(data) == 0:
		return nil, bot.Errorf(bot.EInvalid, "文件“%s”是空的（0 字节），请确认上传的是%s本身。", label, sub.Noun)
	case int64(len(data)) > maxBytes:
		return nil, bot.Errorf(bot.EInvalid, "文件“%s”有 %s，超过了 %s 的上限。%s", label, bot.HumanBytes(int64(len(data))), bot.HumanBytes(maxBytes), sub.SizeHint)
	}
	ext := strings.ToLower(filepath.Ext(name))
	kind := sniff(data)
	var (
		x   *Extracted
		err error
	)
	switch kind {
	case "pdf":
		x, err = extractPDF(label, data)
	case "zip":
		x, err = extractDOCX(label, sub.Noun, data)
	case "cfb":
		if ext == ".doc" || ext == ".wps" || ext == "" {
			return nil, bot.Errorf(bot.EInvalid, "文件“%s”是旧版 Word/WPS 格式（.doc），系统暂不能直接读取。请用 Word 或 WPS 打开后“另存为”Word 文档（.docx），再重新上传。", label)
		}
		return nil, bot.Errorf(bot.EInvalid, "文件“%s”是旧版 Office 文件（如 .doc、.xls），不是扩展名所示的格式。请用 Word 或 WPS 打开后“另存为”Word 文档（.docx），再重新上传。", label)
	case "text":
		x, err = extractText(label, data)
	default:
		return nil, bot.Errorf(bot.EInvalid, "文件“%s”无法读取：内容%s，不是%s的文字文件。系统可以读取 Word（.docx）、可复制文字的 PDF 和文本（.txt）文件。", label, describe(kind, ext), sub.Noun)
	}
	if err != nil {
		return nil, err
	}
	x.Text = tidyText(x.Text)
	if n := utf8.RuneCountInString(strings.Join(strings.Fields(x.Text), "")); n < sub.MinRunes {
		if x.Format == FormatPDF {
			return nil, scannedError(label, x.Pages, sub.ScanHint)
		}
		return nil, bot.Errorf(bot.EInvalid, "文件“%s”中只读到 %d 个字，不像一份完整的%s。请确认上传的是%s全文。", label, n, sub.Noun, sub.Noun)
	}
	return x, nil
}

// ContentKind names what a file's bytes are, whatever its name says:
// "pdf", "zip" (a .docx, or another zip), "cfb" (old Office), "jpeg",
// "png", "gif", "rtf", "archive", "text" or "binary".
func ContentKind(data []byte) string { return sniff(data) }

func scannedError(label string, pages int, hint string) error {
	return bot.Errorf(CodeNoText, "文件“%s”是没有文字层的 PDF（共 %d 页，可能是扫描件或拍照件），系统读不出其中的文字。%s", label, pages, hint)
}

// sniff names the container a file's bytes are in.
func sniff(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("%PDF-")) || bytes.Contains(b[:min(len(b), 1024)], []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return "zip"
	case bytes.HasPrefix(b, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return "cfb"
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}):
		return "jpeg"
	case bytes.HasPrefix(b, []byte("\x89PNG")):
		return "png"
	case bytes.HasPrefix(b, []byte("GIF8")):
		return "gif"
	case bytes.HasPrefix(b, []byte("{\\rtf")):
		return "rtf"
	case bytes.HasPrefix(b, []byte("Rar!")), bytes.HasPrefix(b, []byte("7z\xBC\xAF")):
		return "archive"
	case looksLikeText(b):
		return "text"
	}
	return "binary"
}

func describe(kind, ext string) string {
	what := map[string]string{
		"jpeg": "是 JPEG 图片", "png": "是 PNG 图片", "gif": "是 GIF 图片",
		"rtf": "是 RTF 文档（请用 Word 或 WPS 另存为 .docx）", "archive": "是压缩包（请解压后上传其中的文书）",
	}[kind]
	if what == "" {
		what = "无法识别"
	}
	if ext != "" {
		return what + "（扩展名为 " + ext + "，可能被改过扩展名）"
	}
	return what
}

func displayName(name string) string {
	if b := filepath.Base(name); b != "." && b != "/" && b != "" {
		return b
	}
	return "（未命名）"
}
