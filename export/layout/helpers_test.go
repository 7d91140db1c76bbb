package layout

import (
	"math"
	"sort"
	"strings"
	"testing"
)

// fakeFont is a fixed-width font: full-width runes 1 em, others 0.5 em.
type fakeFont struct{}

func (fakeFont) Advance(r rune) float64 {
	if fullWidth(r) {
		return 1
	}
	return 0.5
}

// fakeMetrics has every rune but those from U+1F000 up (emoji).
type fakeMetrics struct{}

func (fakeMetrics) Resolve(_ Role, r rune) (Font, bool) {
	if r >= 0x1F000 {
		return nil, false
	}
	return fakeFont{}, true
}

// line is one laid-out line of text: its page (0-based), baseline and glyphs
// in x order with their roles.
type line struct {
	page  int
	y     float64
	gs    []Glyph
	roles []Role
}

func (l line) text() string {
	var b strings.Builder
	for _, g := range l.gs {
		b.WriteRune(g.R)
	}
	return b.String()
}

// mustLayout lays out c with the fake metrics.
func mustLayout(tb testing.TB, c *Content, o Options) ([]Page, *Report) {
	tb.Helper()
	pages, rep, err := Layout(c, fakeMetrics{}, o)
	if err != nil {
		tb.Fatalf("Layout: %v", err)
	}
	return pages, rep
}

// textLines returns the lines of runs of the given size, page by page, top to
// bottom, skipping page numbers.
func textLines(pages []Page, size float64) []line {
	var out []line
	for pi, p := range pages {
		byY := map[float64]*line{}
		for _, r := range p.Runs {
			if r.Size != size || r.Y > Bottom {
				continue
			}
			l := byY[r.Y]
			if l == nil {
				l = &line{page: pi, y: r.Y}
				byY[r.Y] = l
			}
			for _, g := range r.Glyphs {
				l.gs = append(l.gs, g)
				l.roles = append(l.roles, r.Role)
			}
		}
		var ls []line
		for _, l := range byY {
			idx := make([]int, len(l.gs))
			for i := range idx {
				idx[i] = i
			}
			sort.SliceStable(idx, func(a, b int) bool { return l.gs[idx[a]].X < l.gs[idx[b]].X })
			sorted := line{page: l.page, y: l.y}
			for _, i := range idx {
				sorted.gs = append(sorted.gs, l.gs[i])
				sorted.roles = append(sorted.roles, l.roles[i])
			}
			ls = append(ls, sorted)
		}
		sort.Slice(ls, func(a, b int) bool { return ls[a].y < ls[b].y })
		out = append(out, ls...)
	}
	return out
}

// bodyOnly is content with a one-line title and the given body.
func bodyOnly(body string) *Content {
	return &Content{Title: "标题", Body: body}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// inkRight is where a glyph's ink ends at most: half a cell for closing
// punctuation (compressible), a cell for other full-width runes, the advance
// for half-width ones.
func inkRight(g Glyph) float64 {
	switch {
	case halfRight[g.R]:
		return g.X + Cell/2
	case fullWidth(g.R):
		return g.X + Cell
	}
	return g.X + g.W
}
