package layout

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzLayout lays out arbitrary text as title, 编者按 and body: it never
// panics, nothing leaves the 版心, and every printable input rune is placed
// (with a font or as a reported placeholder).
func FuzzLayout(f *testing.F) {
	for _, s := range []string{
		"一、基本情况\n（一）明确主体责任。按照……",
		"网民“城关老李”：“停水两天！！！”……——3.5万、18.6%",
		"𠮷😀\t\r\n\u3000\u200d\ufe0f" + strings.Repeat("W", 200),
		"（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（（",
		"。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。。",
		"", "\n\n\n", " ", "a b c", "\n0", "\u3000", strings.Repeat("0", 52),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := &Content{Title: s, EditorNote: s, Body: s}
		pages, rep, err := Layout(c, fakeMetrics{}, Options{Cover: true})
		if err != nil {
			t.Fatalf("Layout(%q): %v", s, err)
		}
		want := 3*printable(s) + 4 // title, note and body text, 编者按：
		got, missing := 0, 0
		for _, p := range pages[1:] {
			for _, r := range p.Runs {
				if r.Y > Bottom {
					continue
				}
				for _, g := range r.Glyphs {
					got++
					if g.Font == nil {
						missing++
					}
					if inkLeft(g) < Left-1e-6 || g.X+ink(g, r.Size) > Right+1e-6 {
						t.Fatalf("input %q: glyph %q at x=%.3f w=%.3f outside the 版心", s, g.R, g.X, g.W)
					}
				}
				if r.Y < Top || r.Y > Bottom {
					t.Fatalf("input %q: run at y=%.3f outside the 版心", s, r.Y)
				}
			}
		}
		if printable(s) == 0 {
			want -= 4 // no 编者按
		}
		if got != want {
			t.Fatalf("input %q: placed %d glyphs, want %d", s, got, want)
		}
		reported := 0
		for _, m := range rep.Missing {
			if m.Part != PartCover {
				reported++
			}
		}
		if reported != missing {
			t.Fatalf("input %q: %d placeholders, %d reported", s, missing, reported)
		}
	})
}

// printable counts the runes of s the layout prints: not spaces, not control
// or format characters, not the spaces that start a paragraph.
func printable(s string) int {
	n := 0
	for _, p := range paragraphs(s) {
		p = strings.TrimLeftFunc(p, func(r rune) bool { return unicode.IsSpace(r) || dropped(r) })
		for _, r := range p {
			if Printable(r) {
				n++
			}
		}
	}
	return n
}

// ink is the width a glyph's ink may take: half the cell for compressible
// closing punctuation, the grid cell for 三号 CJK (set tighter than its em).
func ink(g Glyph, size float64) float64 {
	w := g.W
	if size == SizeSanhao && fullWidth(g.R) {
		w = min(w, Cell)
	}
	if halfRight[g.R] {
		w /= 2
	}
	return w
}

// inkLeft is where a glyph's ink may start: opening punctuation has its ink
// in the right half of its cell.
func inkLeft(g Glyph) float64 {
	if halfLeft[g.R] {
		return g.X + g.W/2
	}
	return g.X
}
