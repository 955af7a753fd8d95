package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"
)

func TestWrite(t *testing.T) {
	var b bytes.Buffer
	err := Write(&b, Document{Title: "标题 <甲> & “乙”", Author: "某县司法局", Created: time.Date(2025, 10, 9, 8, 0, 0, 0, time.UTC),
		Paragraphs: []Paragraph{P(Title, "标题 <甲> & “乙”"), P(Heading, "【要点】"),
			{Style: Body, Runs: []Run{{Text: "行政机关"}, {Text: "应当告知", Bold: true}, {Text: "。"}}}, P(Closing, "来源：某县司法局")}})
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = string(body)
		dec := xml.NewDecoder(bytes.NewReader(body))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
		}
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml", "docProps/core.xml", "word/document.xml"} {
		if _, ok := parts[name]; !ok {
			t.Errorf("part %s missing", name)
		}
	}
	doc := parts["word/document.xml"]
	for _, want := range []string{`<w:pStyle w:val="Title"/>`, "标题 &lt;甲&gt; &amp; “乙”", `<w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">应当告知</w:t>`, `<w:pgSz w:w="11906" w:h="16838"/>`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if !strings.Contains(parts["docProps/core.xml"], "<dc:creator>某县司法局</dc:creator>") {
		t.Error("core properties lack the author")
	}
}
