package layout

import "testing"

// TestDashes: a 破折号 —— is one unbroken dash two cells long (its first
// glyph draws it across both cells, the second is kept for the text layer
// only), and each 一字线 of the page number is one 四号 character long.
func TestDashes(t *testing.T) {
	pages, _ := mustLayout(t, bodyOnly("这说明——群众关切度很高。"), Options{})
	var dashes []Glyph
	for _, l := range textLines(pages, SizeSanhao) {
		for _, g := range l.gs {
			if g.R == '—' {
				dashes = append(dashes, g)
			}
		}
	}
	if len(dashes) != 2 {
		t.Fatalf("found %d — glyphs in the body, want 2", len(dashes))
	}
	first, second := dashes[0], dashes[1]
	cellLeft := Left + 2*Cell + 3*Cell // after the indent and 这说明
	if !near(first.X, cellLeft) || !near(first.DashW, 2*Cell) {
		t.Errorf("破折号 drawn from %.3f mm, %.3f mm long; want from %.3f mm, %.3f mm (two cells) long",
			first.X, first.DashW, cellLeft, 2*Cell)
	}
	if !second.Hidden || second.DashW != 0 || first.Hidden {
		t.Errorf("破折号 halves: first hidden %v, second hidden %v dash %.2f; want the second kept for the text layer only", first.Hidden, second.Hidden, second.DashW)
	}
	var number []Glyph
	for _, r := range pages[0].Runs {
		if r.Y > Bottom {
			number = append(number, r.Glyphs...)
		}
	}
	n := 0
	for _, g := range number {
		if g.R != '—' {
			continue
		}
		n++
		if !near(g.DashW, em(SizeSihao)) {
			t.Errorf("page number 一字线 drawn %.3f mm long, want one 四号 character, %.3f mm", g.DashW, em(SizeSihao))
		}
	}
	if n != 2 {
		t.Errorf("page number has %d dashes, want 2: %+v", n, number)
	}
}
