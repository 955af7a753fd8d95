// Package cjkfont ships the Chinese font the bulletin chart is drawn with,
// so a chart renders the same on a bare server or container as on a desk:
// a subset of Noto Sans CJK SC (SIL Open Font License 1.1, see OFL.txt)
// holding every character of GB 2312 — both levels, 6,763 hanzi, which
// covers agency and place names far beyond the 3,755 common characters —
// plus ASCII. subset.sh rebuilds it from Debian's fonts-noto-cjk.
//
// A name with a character outside GB 2312 draws that character as an empty
// box; a locality that needs more sets bulletin.font_file to a full font.
package cjkfont

import (
	_ "embed"
	"fmt"
	"os"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

//go:embed NotoSansCJKsc-Regular-GB2312.otf
var embedded []byte

var (
	once    sync.Once
	parsed  *opentype.Font
	parseEr error
)

// Default returns the embedded font, parsed once.
func Default() (*opentype.Font, error) {
	once.Do(func() { parsed, parseEr = opentype.Parse(embedded) })
	return parsed, parseEr
}

// Load parses an OpenType or TrueType font file (.otf, .ttf), or the first
// face of a collection (.ttc) — for bulletin.font_file.
func Load(path string) (*opentype.Font, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("读取字体文件 %s 失败：%w", path, err)
	}
	f, err := opentype.Parse(b)
	if err == nil {
		return f, nil
	}
	c, cerr := opentype.ParseCollection(b)
	if cerr != nil || c.NumFonts() == 0 {
		return nil, fmt.Errorf("字体文件 %s 无法解析（应为 .otf、.ttf 或 .ttc）：%w", path, err)
	}
	return c.Font(0)
}

// Face returns a face of f at size pixels. Faces are not safe for
// concurrent use: make one per drawing.
func Face(f *opentype.Font, size float64) (font.Face, error) {
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
}

// Missing returns the runes of s that f has no glyph for (spaces aside).
func Missing(f *opentype.Font, s string) []rune {
	var buf sfnt.Buffer
	var out []rune
	for _, r := range s {
		if r == ' ' || r == '\n' {
			continue
		}
		if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
			out = append(out, r)
		}
	}
	return out
}
