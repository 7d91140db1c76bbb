package fonts

import (
	"sync"

	"bulletin/assets"
	"golang.org/x/image/font/sfnt"
)

// embeddedFont is one of the fonts compiled into the program.
type embeddedFont int

const (
	embSerifRegular embeddedFont = iota
	embSerifBold
	embSansBold
	embKai
	embSansRegular
	numEmbedded
)

// embeddedInfo gives each embedded font its bytes, id and display name.
var embeddedInfo = [numEmbedded]struct {
	data *[]byte
	id   string
	name string
}{
	embSerifRegular: {&assets.SerifRegular, "SerifRegular", assets.SerifRegularName},
	embSerifBold:    {&assets.SerifBold, "SerifBold", assets.SerifBoldName},
	embSansBold:     {&assets.SansBold, "SansBold", assets.SansBoldName},
	embKai:          {&assets.Kai, "Kai", assets.KaiName},
	embSansRegular:  {&assets.SansRegular, "SansRegular", assets.SansRegularName},
}

// embeddedOrder is, for each role, its embedded default followed by the
// other embedded faces in fallback order (closest style first). Noto Sans
// Regular is left out: it covers exactly what Noto Sans Bold covers.
var embeddedOrder = map[Role][]embeddedFont{
	RoleXiaobiaosong: {embSerifBold, embSerifRegular, embSansBold, embKai},
	RoleFangsong:     {embSerifRegular, embKai, embSerifBold, embSansBold},
	RoleSongti:       {embSerifRegular, embSerifBold, embKai, embSansBold},
	RoleHeiti:        {embSansBold, embSerifBold, embSerifRegular, embKai},
	RoleKaiti:        {embKai, embSerifRegular, embSerifBold, embSansBold},
}

var (
	embeddedOnce  [numEmbedded]sync.Once
	embeddedFaces [numEmbedded]*Face
)

// embedded returns the shared face of an embedded font, parsing it once.
// The embedded files are checked by the tests (including the fpdf trial), so
// only sfnt parsing happens here.
func embedded(e embeddedFont) *Face {
	embeddedOnce[e].Do(func() {
		info := embeddedInfo[e]
		data := *info.data
		var fc *Face
		if f, err := sfnt.Parse(data); err == nil {
			fc = newFace(data, f)
			fc.cmap4 = true
			fc.markChecked()
		} else {
			fc = &Face{data: data, glyphs: map[rune]glyph{}} // has no glyphs; never chosen
			fc.markChecked()
		}
		fc.ID, fc.Name, fc.Embedded = info.id, info.name, true
		embeddedFaces[e] = fc
	})
	return embeddedFaces[e]
}

// Embedded returns the embedded default face for a role (cached and shared).
// An unknown role gets the 仿宋 default.
func Embedded(role Role) *Face {
	order, ok := embeddedOrder[role]
	if !ok {
		order = embeddedOrder[RoleFangsong]
	}
	return embedded(order[0])
}

// EmbeddedSans returns the embedded Noto Sans SC Regular face, used for UI
// text rather than any bulletin role.
func EmbeddedSans() *Face { return embedded(embSansRegular) }
