package export

import (
	"sync"

	"bulletin/export/ttf"
)

// Font subsetting before fpdf sees the font.
//
// fpdf parses the whole cmap and hmtx of every font it is given and again when
// it cuts its subset: for a CJK font of 30,000 glyphs that is about 100 ms a
// font and a render. Handing it a font that holds only the glyphs the bulletin
// uses (ttf.Font.Subset) makes both steps trivial and the output is the same.

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
