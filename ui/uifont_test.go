package ui

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/go-text/typesetting/font"

	"bulletin/assets"
)

// TestUIFontSubset cuts the UI fonts and checks what Fyne will read: every
// GB 2312 character and the office punctuation map to the same outline and
// advance as in the full font, characters outside map to nothing (so that
// Fyne's fallback draws them), and the subset is a small part of the font,
// which is what keeps the parsed faces (one per text style and theme scope)
// small.
func TestUIFontSubset(t *testing.T) {
	for _, tc := range []struct {
		name string
		full []byte
	}{{"regular", assets.SansRegular}, {"bold", assets.SansBold}} {
		t.Run(tc.name, func(t *testing.T) {
			sub, err := subsetFont(tc.full, uiRunes())
			if err != nil {
				t.Fatal(err)
			}
			if len(sub) > len(tc.full)/3 {
				t.Errorf("subset is %d bytes of %d, want at most a third", len(sub), len(tc.full))
			}
			full, err := font.ParseTTF(bytes.NewReader(tc.full))
			if err != nil {
				t.Fatal(err)
			}
			face, err := font.ParseTTF(bytes.NewReader(sub))
			if err != nil {
				t.Fatalf("the subset does not parse: %v", err)
			}
			for _, r := range "中华人民共和国县委网信办舆情专报齄鼾ABCxyz0129，。、；：？！“”‘’（）《》【】—…·①№℃Ⅲ■★" {
				gf, ok1 := full.NominalGlyph(r)
				gs, ok2 := face.NominalGlyph(r)
				if !ok1 || !ok2 {
					t.Errorf("%q: in full font %v, in subset %v", r, ok1, ok2)
					continue
				}
				if a, b := full.HorizontalAdvance(gf), face.HorizontalAdvance(gs); a != b {
					t.Errorf("%q: advance %v in the subset, %v in the font", r, b, a)
				}
				if a, b := full.GlyphData(gf), face.GlyphData(gs); !reflect.DeepEqual(a, b) {
					t.Errorf("%q: outline differs from the font's", r)
				}
			}
			for _, r := range "喆堃𠮷" { // outside GB 2312: left to the fallback
				if _, ok := face.NominalGlyph(r); ok {
					t.Errorf("%q is in the subset, want it left to the fallback", r)
				}
			}
		})
	}
}

// BenchmarkUIFontSubset cuts the regular UI font down, as each start does.
func BenchmarkUIFontSubset(b *testing.B) {
	runes := uiRunes()
	for b.Loop() {
		if _, err := subsetFont(assets.SansRegular, runes); err != nil {
			b.Fatal(err)
		}
	}
}
