package export

import (
	"encoding/binary"
	"slices"
	"sync"

	"bulletin/export/ttf"
)

// Font subsetting: a PDF embeds each face cut down to the glyphs the document
// prints, renumbered; the PDF's glyph codes are the subset's glyph numbers.

var ttfCache sync.Map // face ID → *ttf.Font

// parsedTTF reads the font's table directory once per face. No glyph is
// parsed: the face already knows the glyph of each rune it measured.
func parsedTTF(id string, data []byte) (*ttf.Font, error) {
	if t, ok := ttfCache.Load(id); ok {
		return t.(*ttf.Font), nil
	}
	t, err := ttf.Parse(data)
	if err != nil {
		return nil, err
	}
	ttfCache.Store(id, t)
	return t, nil
}

// subsetFont returns a TrueType font holding only the glyphs of runes (those
// up to U+FFFF that glyph maps to a glyph of t) and the components they use,
// and the glyph of each rune in it.
func subsetFont(t *ttf.Font, runes []rune, glyph func(rune) int) ([]byte, map[rune]int) {
	runes = slices.Clone(runes)
	slices.Sort(runes)
	gids := make([]int, 0, len(runes))
	mapped := make([]rune, 0, len(runes))
	for _, r := range runes {
		if r >= 0xFFFF {
			continue
		}
		if gid := glyph(r); gid != 0 && gid < t.NumGlyphs {
			gids = append(gids, gid)
			mapped = append(mapped, r)
		}
	}
	cut := t.Cut(gids)
	cmap := make(map[rune]int, len(mapped))
	for i, r := range mapped {
		cmap[r] = cut.NewID[gids[i]]
	}
	tables := t.CutTables(cut, "name", "OS/2", "cvt ", "fpgm", "prep")
	tables["cmap"] = cmap4(cmap)
	return ttf.Assemble(tables), cmap
}

// cmap4 builds a cmap with one format 4 subtable (Windows, Unicode BMP).
func cmap4(m map[rune]int) []byte {
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
