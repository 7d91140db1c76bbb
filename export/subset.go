package export

import (
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
	bmp := make([]rune, 0, len(runes))
	for _, r := range runes {
		if r < 0xFFFF {
			bmp = append(bmp, r)
		}
	}
	slices.Sort(bmp)
	cut, cmap := t.CutRunes(bmp, glyph)
	tables := t.CutTables(cut, "name", "OS/2", "cvt ", "fpgm", "prep")
	tables["cmap"] = ttf.Cmap4(cmap)
	return ttf.Assemble(tables), cmap
}
