package export

import (
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
