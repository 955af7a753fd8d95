package decision

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"casebot/bot"
)

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Each file of testdata/files holds a corpus decision in another format:
// PDFs made by LibreOffice (TrueType fonts with ToUnicode maps, as Word
// and WPS export them) and by Chromium (CID fonts, Identity-H), a .docx
// saved by LibreOffice, GBK and UTF-16 text. Read and parsed, each must
// give what the plain text gives.
func TestFormatsReadAsTheirText(t *testing.T) {
	tests := []struct {
		file, source string
		format       Format
		encoding     string
	}{
		{"d01_libreoffice.pdf", "d01_county_first_revoke.txt", FormatPDF, ""},
		{"d13_chromium.pdf", "d13_county_gov_recon_revoke.txt", FormatPDF, ""},
		{"d07.docx", "d07_intermediate_appeal_upheld.txt", FormatDOCX, ""},
		{"d05_gbk.txt", "d05_county_ruling_dismiss_suit.txt", FormatText, "GBK"},
		{"d06_utf16.txt", "d06_county_ruling_withdrawal.txt", FormatText, "UTF-16LE"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			x, err := Extract(tt.file, readFile(t, filepath.Join("testdata/files", tt.file)), 0)
			if err != nil {
				t.Fatal(err)
			}
			if x.Format != tt.format || x.Encoding != tt.encoding {
				t.Errorf("format %s encoding %q, want %s %q", x.Format, x.Encoding, tt.format, tt.encoding)
			}
			got := Parse(x.Text)
			want := readCorpus(t, tt.source)
			flat := func(s string) string { return compactSpace(strings.Join(strings.Fields(s), "")) }
			for _, p := range Parts {
				if flat(got.Section(p)) != flat(want.Section(p)) {
					t.Errorf("part %s differs:\n got %s\nwant %s", p, got.Section(p), want.Section(p))
				}
			}
			if diff := cmp.Diff(want.Statutes, got.Statutes); diff != "" {
				t.Errorf("statutes (-want,+got):\n%s", diff)
			}
			if diff := cmp.Diff(want.NameNatural(), got.NameNatural()); diff != "" {
				t.Errorf("people (-want,+got):\n%s", diff)
			}
			if got.Numbers[0] != want.Numbers[0] {
				t.Errorf("number %v, want %v", got.Numbers, want.Numbers)
			}
		})
	}
}

func TestThirtyPagePDF(t *testing.T) {
	x, err := Extract("long30.pdf", readFile(t, "testdata/files/long30_libreoffice.pdf"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if x.Pages < 30 {
		t.Errorf("%d pages, want a 30-page fixture", x.Pages)
	}
	// The file is the first corpus decisions one after another; the first
	// one's parts come out whole.
	d := Parse(x.Text)
	want := readCorpus(t, "d01_county_first_revoke.txt")
	flat := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if !strings.HasPrefix(flat(d.Section(PartReasoning)), flat(want.Section(PartReasoning))) {
		t.Errorf("本院认为 of the first decision not read whole:\n%s", d.Section(PartReasoning))
	}
}

func zipOf(t *testing.T, files map[string]string) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for name, body := range files {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(body))
	}
	w.Close()
	return b.Bytes()
}

// Every bad file gets a clear Chinese error that names it and says what
// to do instead.
func TestBadFiles(t *testing.T) {
	big := bytes.Repeat([]byte("判决"), 6<<20)
	tests := []struct {
		name string
		data []byte
		max  int64
		want []string
	}{
		{"空文件.pdf", nil, 0, []string{"空文件.pdf", "是空的"}},
		{"大文件.txt", big, 10 << 20, []string{"大文件.txt", "36.0 MB", "超过了 10.0 MB 的上限"}},
		{"扫描件.pdf", readFile(t, "testdata/files/scanned.pdf"), 0, []string{"扫描件.pdf", "没有文字层", "扫描件", "OCR"}},
		{"照片.pdf", readFile(t, "testdata/files/photo.pdf"), 0, []string{"照片.pdf", "PNG 图片", "扩展名为 .pdf", "改过扩展名"}},
		{"判决书.doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), 0, []string{"判决书.doc", "旧版 Word/WPS 格式", "另存为", ".docx"}},
		{"台账.docx", zipOf(t, map[string]string{"xl/workbook.xml": "<workbook/>", "[Content_Types].xml": "<Types/>"}), 0, []string{"台账.docx", "Excel 表格"}},
		{"坏的.docx", append([]byte("PK\x03\x04"), make([]byte, 100)...), 0, []string{"坏的.docx", "已损坏"}},
		{"坏的.pdf", []byte("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF"), 0, []string{"坏的.pdf", "无法读取"}},
		{"短.txt", []byte("判决如下：驳回起诉。"), 0, []string{"短.txt", "只读到", "不像一份完整的"}},
		{"乱码.txt", []byte{0x81, 0x30, 0xff, 0xfe, 0x00, 0x81, 0xff, 0x7f, 0x80, 0x20, 0x81, 0x81, 0xfe, 0xff, 0x81}, 0, []string{"乱码.txt"}},
		{"压缩包.zip", []byte("Rar!\x1a\x07\x00xxxxxxxxxxxxxxxxxx"), 0, []string{"压缩包.zip", "压缩包"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := Extract(tt.name, tt.data, tt.max)
			var ue *bot.Error
			if !errors.As(err, &ue) || x != nil {
				t.Fatalf("Extract = %v, %v; want a user error", x, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(ue.Message, w) {
					t.Errorf("message lacks %q: %s", w, ue.Message)
				}
			}
			if strings.ContainsAny(ue.Message, "\n") || strings.Contains(ue.Message, "panic") {
				t.Errorf("message not one clean line: %q", ue.Message)
			}
		})
	}
}

func TestDOCXSkipsDeletionsAndFieldCodes(t *testing.T) {
	body := `<w:document xmlns:w="w"><w:body>
<w:p><w:r><w:t>本院认为，</w:t></w:r><w:del><w:r><w:delText>删去的话</w:delText></w:r></w:del><w:ins><w:r><w:t>新增的话</w:t></w:r></w:ins></w:p>
<w:p><w:r><w:fldChar/><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>第</w:t></w:r><w:r><w:tab/><w:t>一段</w:t></w:r></w:p>
</w:body></w:document>`
	got, err := docxParagraphs(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if want := "本院认为，新增的话\n第\t一段\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestReflow(t *testing.T) {
	in := []string{
		"行政判决书",
		"原告杨德明不服被告青山县公安局于2025年1月20日作出的青公（治）行罚决",
		"字〔2025〕123号行政处罚决定，于2025年3月3日向本院提起行政诉讼。",
		"本院认为，被告的行为违反法定程序，依法应予撤销。依照《中华人民共和国",
		"行政诉讼法》第七十条之规定，判决如下：",
		"撤销被诉处罚决定。",
		"审判长　陈文斌",
	}
	want := []string{
		"行政判决书",
		"原告杨德明不服被告青山县公安局于2025年1月20日作出的青公（治）行罚决字〔2025〕123号行政处罚决定，于2025年3月3日向本院提起行政诉讼。",
		"本院认为，被告的行为违反法定程序，依法应予撤销。依照《中华人民共和国行政诉讼法》第七十条之规定，判决如下：",
		"撤销被诉处罚决定。",
		"审判长　陈文斌",
	}
	if diff := cmp.Diff(want, reflow(in)); diff != "" {
		t.Errorf("(-want,+got):\n%s", diff)
	}
}

func BenchmarkExtractParse30PagePDF(b *testing.B) {
	data := readFile(b, "testdata/files/long30_libreoffice.pdf")
	b.ReportAllocs()
	for b.Loop() {
		x, err := Extract("long30.pdf", data, 0)
		if err != nil {
			b.Fatal(err)
		}
		Parse(x.Text)
	}
}
