package export

import (
	"io"

	"bulletin/model"
)

// DocumentFromBulletin returns the document of a stored bulletin, the same
// JSON shape that `bulletin render` reads.
func DocumentFromBulletin(b *model.Bulletin) *Document {
	d := &Document{
		Name: b.Name, Number: b.Number, Serial: b.Serial, Unit: b.Unit,
		Marking: b.Marking, Title: b.Title, EditorNote: b.EditorNote, Body: b.Body,
		Distribution: Distribution{Bao: b.Bao, Song: b.Song, Fa: b.Fa},
		Copies:       b.Copies, Signer: b.Signer, Editor: b.Editor, Cover: b.Cover,
	}
	if !b.Date.IsZero() {
		d.Date = b.Date.Format(DateLayout)
	}
	return d
}

// RenderBulletin typesets a stored bulletin and writes the PDF to w.
func RenderBulletin(w io.Writer, b *model.Bulletin, opt Options) (*Report, error) {
	return Render(w, DocumentFromBulletin(b), opt)
}
