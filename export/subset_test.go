package export

import (
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"bulletin/export/fonts"
)

// TestSubset cuts each embedded face down to a few runes and checks the cut
// font maps the same runes to glyphs of the same advance and outline size.
func TestSubset(t *testing.T) {
	runes := []rune("国报，。“”（）A1—…𠮷")
	for _, role := range fonts.Roles {
		f := fonts.Embedded(role)
		tt, err := parsedTTF(f.ID, f.Data())
		if err != nil {
			t.Fatalf("%s: parse: %v", f.Name, err)
		}
		data, _ := tt.Subset(runes, f.GlyphIndex)
		if len(data) > len(f.Data())/20 {
			t.Errorf("%s: subset is %d bytes of %d", f.Name, len(data), len(f.Data()))
		}
		cut, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("%s: parse the subset: %v", f.Name, err)
		}
		var buf sfnt.Buffer
		for _, r := range runes {
			if r > 0xFFFF || !f.Has(r) {
				continue
			}
			gi, err := cut.GlyphIndex(&buf, r)
			if err != nil || gi == 0 {
				t.Errorf("%s: %q missing from the subset (%v)", f.Name, r, err)
				continue
			}
			adv, err := cut.GlyphAdvance(&buf, gi, fixed.I(1000), font.HintingNone)
			if got, want := float64(adv)/64/1000, f.Advance(r); err != nil || got < want-0.002 || got > want+0.002 {
				t.Errorf("%s: %q advance %.3f em in the subset, want %.3f (%v)", f.Name, r, got, want, err)
			}
			segs, err := cut.LoadGlyph(&buf, gi, fixed.I(1000), nil)
			if err != nil || (r != ' ' && len(segs) == 0) {
				t.Errorf("%s: %q outline in the subset: %d segments, %v", f.Name, r, len(segs), err)
			}
		}
	}
}
