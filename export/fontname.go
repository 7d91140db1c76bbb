package export

import (
	"hash/crc32"
	"sort"

	"bulletin/export/fonts"
	"bulletin/export/layout"
	"bulletin/export/pdf"
)

// fontTable holds the fonts of a PDF by face ID, and the font for the
// invisible text under outline glyphs.
type fontTable struct {
	fonts  map[string]*pdfFont
	hidden *pdfFont
}

// pdfFont is a face cut down and added to the PDF, with the glyph number of
// each rune in the cut.
type pdfFont struct {
	pdf   *pdf.Font
	glyph map[rune]int
}

// text sets glyph g of face f, in render mode mode.
func (ft *fontTable) text(pg *pdf.Page, f *fonts.Face, g layout.Glyph, r layout.Run, scale float64, mode int) {
	pf := ft.fonts[f.ID]
	pg.Glyph(pf.pdf, r.Size, uint16(pf.glyph[g.R]), g.X, r.Y, scale, mode)
}

// pdfFontName returns the name a cut-down face carries in the PDF: a subset
// tag made of six capitals and the face's PostScript name,
// ABCDEF+NotoSerifSC-Regular, as preflight tools expect.
func pdfFontName(f *fonts.Face, used map[rune]bool) string {
	return subsetTag(f, used) + "+" + f.PostScriptName()
}

// subsetTag derives the six-capital tag from the face and the runes in its
// subset, so that the same document always gives the same tag.
func subsetTag(f *fonts.Face, used map[rune]bool) string {
	rs := make([]rune, 0, len(used))
	for r := range used {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(a, b int) bool { return rs[a] < rs[b] })
	h := crc32.NewIEEE()
	h.Write([]byte(f.ID))
	h.Write([]byte(string(rs)))
	sum := h.Sum32()
	var tag [6]byte
	for k := range tag {
		tag[k] = byte('A' + sum%26)
		sum /= 26
	}
	return string(tag[:])
}
