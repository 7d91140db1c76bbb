package ttf

import (
	"encoding/binary"
	"slices"
)

// Subset returns f cut down to the glyphs of runes below U+FFFF (glyph gives
// a rune's glyph number in f, 0 for none) and the components they use, as a
// TrueType file with a format 4 cmap that keeps the hinting tables, and the
// glyph of each rune in it. The PDF export hands fpdf each face cut so.
func (f *Font) Subset(runes []rune, glyph func(rune) int) ([]byte, map[rune]int) {
	bmp := make([]rune, 0, len(runes))
	for _, r := range runes {
		if r < 0xFFFF {
			bmp = append(bmp, r)
		}
	}
	slices.Sort(bmp)
	cut, cmap := f.CutRunes(bmp, glyph)
	tables := f.CutTables(cut, "name", "OS/2", "cvt ", "fpgm", "prep")
	tables["cmap"] = Cmap4(cmap)
	return Assemble(tables), cmap
}

// Cmap4 builds a cmap table with one format 4 subtable (Windows, Unicode
// BMP) mapping each rune of m (below U+FFFF) to its glyph.
func Cmap4(m map[rune]int) []byte {
	rs := make([]rune, 0, len(m))
	for r := range m {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	type seg struct{ start, end, delta int }
	var segs []seg
	for _, r := range rs {
		d := m[r] - int(r)
		if k := len(segs) - 1; k >= 0 && segs[k].end == int(r)-1 && segs[k].delta == d {
			segs[k].end = int(r)
			continue
		}
		segs = append(segs, seg{int(r), int(r), d})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	sub := make([]byte, 0, 16+8*n)
	u16 := func(v int) { sub = binary.BigEndian.AppendUint16(sub, uint16(v)) }
	entry := 0
	for 1<<(entry+1) <= n {
		entry++
	}
	u16(4)
	u16(16 + 8*n)
	u16(0)
	u16(2 * n)
	u16(2 << entry)
	u16(entry)
	u16(2*n - 2<<entry)
	for _, s := range segs {
		u16(s.end)
	}
	u16(0)
	for _, s := range segs {
		u16(s.start)
	}
	for _, s := range segs {
		u16(s.delta & 0xFFFF)
	}
	for range segs {
		u16(0)
	}
	head := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}
	return append(head, sub...)
}

// Cmap12 builds a cmap table with one format 12 subtable (Windows, Unicode
// full repertoire) mapping each rune of cmap to its glyph.
func Cmap12(cmap map[rune]int) []byte {
	runes := make([]rune, 0, len(cmap))
	for r := range cmap {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	type group struct {
		start, end rune
		glyph      int
	}
	var groups []group
	for _, r := range runes {
		g := cmap[r]
		if n := len(groups); n > 0 && groups[n-1].end == r-1 && groups[n-1].glyph+int(r-groups[n-1].start) == g {
			groups[n-1].end = r
			continue
		}
		groups = append(groups, group{r, r, g})
	}
	sub := make([]byte, 16+12*len(groups))
	binary.BigEndian.PutUint16(sub[0:], 12)
	binary.BigEndian.PutUint32(sub[4:], uint32(len(sub)))
	binary.BigEndian.PutUint32(sub[12:], uint32(len(groups)))
	for i, g := range groups {
		p := 16 + 12*i
		binary.BigEndian.PutUint32(sub[p:], uint32(g.start))
		binary.BigEndian.PutUint32(sub[p+4:], uint32(g.end))
		binary.BigEndian.PutUint32(sub[p+8:], uint32(g.glyph))
	}
	head := []byte{0, 0, 0, 1, 0, 3, 0, 10, 0, 0, 0, 12} // version 0, one subtable: 3/10 at 12
	return append(head, sub...)
}
