package ui

import (
	"fmt"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/encoding/simplifiedchinese"

	"bulletin/export/ttf"
)

// The UI font is a subset of the embedded Noto Sans SC, made when the program
// starts. Fyne parses a font whole (go-text reads every glyph outline of the
// glyf table), and keeps one parse per text style: the two full faces of
// 65,535 glyphs held ~160 MB of heap, about half of what the program used at
// start. The UI needs GB 2312, Latin and the punctuation and symbols of
// office text; those ~7,700 glyphs cost a tenth. A character outside the
// subset (a rare name character, typed or stored) is drawn by Fyne's fallback,
// the system's fonts (on Windows 微软雅黑 / 宋体), so it stays readable; the PDF
// export always uses its full fonts.

// uiRanges are the blocks kept beside GB 2312, as first and last rune.
var uiRanges = [][2]rune{
	{0x20, 0x7e}, {0xa0, 0x24f}, // Latin
	{0x2000, 0x206f},                   // general punctuation (— … ‘’ “”)
	{0x2100, 0x218f},                   // letterlike, number forms (℃ № Ⅰ Ⅱ)
	{0x2190, 0x23ff},                   // arrows, mathematical operators, technical
	{0x2460, 0x24ff},                   // ① ②
	{0x2500, 0x27bf},                   // box drawing, shapes, symbols (■ ★ ✓)
	{0x3000, 0x303f},                   // CJK punctuation (、。《》【】)
	{0x3200, 0x33ff},                   // enclosed CJK, compatibility (㈠ ㎡)
	{0xfe30, 0xfe4f}, {0xff00, 0xffef}, // CJK compatibility forms, full width
}

// uiRunes returns the runes of the UI subset: GB 2312 and uiRanges.
func uiRunes() []rune {
	var rs []rune
	for _, r := range uiRanges {
		for c := r[0]; c <= r[1]; c++ {
			rs = append(rs, c)
		}
	}
	dec := simplifiedchinese.GBK.NewDecoder()
	for hi := 0xa1; hi <= 0xf7; hi++ { // GB 2312 in EUC-CN: rows A1–F7, cells A1–FE
		for lo := 0xa1; lo <= 0xfe; lo++ {
			b, err := dec.Bytes([]byte{byte(hi), byte(lo)})
			if err != nil {
				continue
			}
			for _, r := range string(b) {
				if r != 0xfffd && r >= 0x80 {
					rs = append(rs, r)
				}
			}
		}
	}
	return rs
}

// subsetFont returns a TrueType font holding only the glyphs of runes in
// data (and the components of composite glyphs), renumbered from .notdef: the
// tables Fyne's text needs (cmap, glyf, loca, hmtx, hhea, head, maxp, OS/2,
// name, post …); glyph substitution, positioning and vertical metrics, which
// name glyphs by number, are left out. The cutting is export/ttf's, as for
// the PDF's fonts.
func subsetFont(data []byte, runes []rune) ([]byte, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("subset font: %w", err)
	}
	t, err := ttf.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("subset font (a TrueType font is needed): %w", err)
	}
	var buf sfnt.Buffer
	cut, glyphs := t.CutRunes(runes, func(r rune) int {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil {
			return 0
		}
		return int(g)
	})
	tables := t.CutTables(cut, "OS/2", "name", "gasp", "prep", "fpgm", "cvt ", "BASE", "STAT")
	tables["cmap"] = ttf.Cmap12(glyphs)
	return ttf.Assemble(tables), nil
}
