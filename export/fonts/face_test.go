package fonts

import (
	"math"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

func TestEmbeddedFaces(t *testing.T) {
	cases := []struct {
		role Role
		id   string
	}{
		{RoleXiaobiaosong, "SerifBold"},
		{RoleFangsong, "SerifRegular"},
		{RoleSongti, "SerifRegular"},
		{RoleHeiti, "SansBold"},
		{RoleKaiti, "Kai"},
	}
	for _, c := range cases {
		t.Run(string(c.role), func(t *testing.T) {
			f := Embedded(c.role)
			if f.ID != c.id || !f.Embedded || f.Path != "" || f.Name == "" || len(f.Data()) == 0 {
				t.Fatalf("Embedded(%s) = {ID %q Embedded %v Path %q Name %q}, want ID %q, embedded, no path", c.role, f.ID, f.Embedded, f.Path, f.Name, c.id)
			}
			if Embedded(c.role) != f {
				t.Errorf("Embedded(%s) is not cached", c.role)
			}
			// The embedded files must pass every check a user's file gets.
			if _, err := parseFace(f.Data(), 0, f.Name, true); err != nil {
				t.Errorf("embedded %s fails the load checks: %v", f.ID, err)
			}
			if a, d := f.Ascent(), f.Descent(); a < 0.7 || a > 1.3 || d < 0.05 || d > 0.5 {
				t.Errorf("%s ascent %.3f descent %.3f, want about 0.88/0.12 em", f.ID, a, d)
			}
		})
	}
	if s := EmbeddedSans(); s.ID != "SansRegular" || !s.Has('中') {
		t.Errorf("EmbeddedSans() = %q has 中 %v, want SansRegular with 中", s.ID, s.Has('中'))
	}
}

func TestHasAdvance(t *testing.T) {
	cases := []struct {
		face    *Face
		r       rune
		has     bool
		advance float64 // em; checked to ±0.02 when has
	}{
		{embedded(embSerifRegular), '中', true, 1.0},
		{embedded(embSerifRegular), '，', true, 1.0},
		{embedded(embSerifRegular), '䶮', true, 1.0},
		{embedded(embSerifRegular), 0x20BB7, false, 0},
		{embedded(embSerifBold), '国', true, 1.0},
		{embedded(embSerifBold), '丄', false, 0}, // outside the subset
		{embedded(embSansBold), '黑', true, 1.0},
		{embedded(embSansBold), 'i', true, 0.30},
		{embedded(embKai), '楷', true, 1.0},
		{embedded(embKai), '丄', false, 0},
		{embedded(embKai), '😀', false, 0},
	}
	for _, c := range cases {
		has, adv := c.face.Has(c.r), c.face.Advance(c.r)
		if has != c.has || (has && math.Abs(adv-c.advance) > 0.02) || (!has && adv != 0) {
			t.Errorf("%s %q (U+%04X): has %v advance %.3f, want has %v advance %.2f", c.face.ID, c.r, c.r, has, adv, c.has, c.advance)
		}
	}
}

func TestOutline(t *testing.T) {
	needFile(t, hanaB)
	f, err := loadFile(hanaB, false)
	if err != nil {
		t.Fatalf("load %s: %v", hanaB, err)
	}
	cases := []struct {
		r    rune
		want bool
	}{
		{0x20BB7, true}, // 𠮷
		{0x2003E, true}, // 𠀾
		{'😀', false},
	}
	for _, c := range cases {
		p, ok := f.Outline(c.r)
		if ok != c.want {
			t.Fatalf("Outline(U+%04X) ok = %v, want %v", c.r, ok, c.want)
		}
		if !ok {
			if p != nil {
				t.Errorf("Outline(U+%04X) = %d segments for a missing glyph, want none", c.r, len(p))
			}
			continue
		}
		if len(p) < 10 || p[0].Op != MoveTo || p[len(p)-1].Op != Close {
			t.Fatalf("Outline(U+%04X) = %d segments starting %v ending %v, want a closed outline of a complex glyph", c.r, len(p), p[0].Op, p[len(p)-1].Op)
		}
		minY, maxY := math.Inf(1), math.Inf(-1)
		for _, s := range p {
			for _, pt := range s.Pts[:pointsOf(s.Op)] {
				if pt.X < -0.05 || pt.X > 1.05 || pt.Y < -1.0 || pt.Y > 0.3 {
					t.Fatalf("Outline(U+%04X): point %v outside the em box (x 0..1, y -1..0.3 with y down)", c.r, pt)
				}
				minY, maxY = math.Min(minY, pt.Y), math.Max(maxY, pt.Y)
			}
		}
		if minY > -0.6 || maxY < 0 {
			t.Errorf("Outline(U+%04X): y spans %.2f..%.2f, want the ideograph to reach well above the baseline (y<-0.6) and below it (y>0)", c.r, minY, maxY)
		}
	}
}

// pointsOf is how many points a segment kind uses.
func pointsOf(op SegOp) int {
	switch op {
	case MoveTo, LineTo:
		return 1
	case QuadTo:
		return 2
	case CubeTo:
		return 3
	}
	return 0
}

// TestAdvanceMatchesFpdf checks the layout's widths are the ones fpdf draws
// with, so justified lines end where the layout says.
func TestAdvanceMatchesFpdf(t *testing.T) {
	for _, e := range []embeddedFont{embSerifRegular, embSerifBold, embSansBold, embKai} {
		f := embedded(e)
		pdf := fpdf.New("P", "pt", "A4", "")
		pdf.AddUTF8FontFromBytes(f.ID, "", f.Data())
		pdf.SetFont(f.ID, "", 1000)
		for _, r := range "中国，。A i1%—“" {
			if !f.Has(r) {
				continue
			}
			got, want := f.Advance(r), pdf.GetStringWidth(string(r))/1000
			if math.Abs(got-want) > 0.002 {
				t.Errorf("%s %q: Advance %.4f em, fpdf width %.4f em", f.ID, r, got, want)
			}
		}
		if err := pdf.Error(); err != nil {
			t.Fatalf("fpdf with %s: %v", f.ID, err)
		}
	}
}
