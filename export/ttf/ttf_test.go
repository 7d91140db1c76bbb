package ttf

import (
	"encoding/binary"
	"slices"
	"testing"
)

// simpleGlyph is the header of a one-contour glyph plus two bytes standing
// for its points.
func simpleGlyph(tag byte) []byte {
	g := make([]byte, 12)
	binary.BigEndian.PutUint16(g, 1)
	g[10], g[11] = tag, tag
	return g
}

// compositeGlyph refers to the glyphs parts, with word arguments and a
// scale on the first.
func compositeGlyph(parts ...uint16) []byte {
	g := make([]byte, 10)
	binary.BigEndian.PutUint16(g, 0xFFFF) // numberOfContours -1
	for i, p := range parts {
		flags := uint16(0)
		if i < len(parts)-1 {
			flags |= moreComponents
		}
		extra := 2
		if i == 0 {
			flags |= argsAreWords | haveScale
			extra = 6
		}
		g = binary.BigEndian.AppendUint16(g, flags)
		g = binary.BigEndian.AppendUint16(g, p)
		g = append(g, make([]byte, extra)...)
	}
	return g
}

// testFont is a font of glyphs: .notdef empty, then the given ones. Glyph i
// advances 100·i units.
func testFont(tb testing.TB, glyphs ...[]byte) *Font {
	tb.Helper()
	glyphs = append([][]byte{nil}, glyphs...)
	n := len(glyphs)
	head := make([]byte, 54)
	binary.BigEndian.PutUint16(head[18:], 1000)
	binary.BigEndian.PutUint16(head[50:], 1)
	hhea := make([]byte, 36)
	binary.BigEndian.PutUint16(hhea[34:], uint16(n))
	maxp := make([]byte, 6)
	binary.BigEndian.PutUint16(maxp[4:], uint16(n))
	var glyf, loca, hmtx []byte
	for i, g := range glyphs {
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		glyf = append(glyf, g...)
		hmtx = binary.BigEndian.AppendUint16(binary.BigEndian.AppendUint16(hmtx, uint16(100*i)), 0)
	}
	loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
	data := Assemble(map[string][]byte{"head": head, "hhea": hhea, "maxp": maxp, "hmtx": hmtx, "loca": loca, "glyf": glyf})
	f, err := Parse(data)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// TestCut keeps the glyphs asked for and the components of composite ones,
// renumbered in that order, with their own advances, and rewrites the
// composite's references to the new numbers.
func TestCut(t *testing.T) {
	// 1 simple, 2 simple, 3 composite of 1 and 2, 4 simple.
	f := testFont(t, simpleGlyph(1), simpleGlyph(2), compositeGlyph(1, 2), simpleGlyph(4))
	c := f.Cut([]int{4, 3})
	if want := []int{0, 4, 3, 1, 2}; !slices.Equal(c.Old, want) {
		t.Fatalf("Cut([4 3]).Old = %v, want %v (.notdef, the glyphs asked for, then the components)", c.Old, want)
	}
	out, err := Parse(Assemble(f.CutTables(c)))
	if err != nil {
		t.Fatalf("the cut does not parse: %v", err)
	}
	if out.NumGlyphs != 5 || out.NumHMetrics != 5 || !out.LongLoca {
		t.Errorf("cut: %d glyphs, %d metrics, long loca %v; want 5, 5, true", out.NumGlyphs, out.NumHMetrics, out.LongLoca)
	}
	for newID, old := range c.Old {
		if adv, _ := out.Metrics(newID); int(adv) != 100*old {
			t.Errorf("glyph %d (was %d): advance %d, want %d", newID, old, adv, 100*old)
		}
	}
	var parts []uint16
	g := out.Glyph(2)
	Components(g, func(at int) { parts = append(parts, binary.BigEndian.Uint16(g[at:])) })
	if len(parts) != 2 || parts[0] != 3 || parts[1] != 4 {
		t.Errorf("the composite's components in the cut: %v, want [3 4]", parts)
	}
	if got := out.Glyph(1); len(got) < 12 || got[10] != 4 {
		t.Errorf("cut glyph 1 = %v, want the old glyph 4", got)
	}
}

// TestComponents: a simple or empty glyph has none; a composite cut short
// reports it, after the components that fit.
func TestComponents(t *testing.T) {
	whole := compositeGlyph(7, 8)
	tests := []struct {
		name  string
		g     []byte
		parts []uint16
		ok    bool
	}{
		{"empty", nil, nil, true},
		{"simple", simpleGlyph(1), nil, true},
		{"composite", whole, []uint16{7, 8}, true},
		{"cut in the second record", whole[:len(whole)-3], []uint16{7}, false},
		{"cut in the first arguments", whole[:16], []uint16{7}, false},
	}
	for _, tt := range tests {
		var parts []uint16
		ok := Components(tt.g, func(at int) { parts = append(parts, binary.BigEndian.Uint16(tt.g[at:])) })
		if ok != tt.ok || !slices.Equal(parts, tt.parts) {
			t.Errorf("%s: components %v, whole %v; want %v, %v", tt.name, parts, ok, tt.parts, tt.ok)
		}
	}
}

// TestParseDamaged refuses fonts whose tables do not fit.
func TestParseDamaged(t *testing.T) {
	good := Assemble(testFont(t, simpleGlyph(1)).Tables)
	short := append([]byte(nil), good...)
	binary.BigEndian.PutUint32(short[12+16*0+12:], 1<<30) // first table's length
	for name, data := range map[string][]byte{"empty": nil, "header only": good[:12], "table past the end": short} {
		if _, err := Parse(data); err == nil {
			t.Errorf("%s: parsed, want an error", name)
		}
	}
}
