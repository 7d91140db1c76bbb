package layout

import (
	"math"
	"strconv"
	"strings"
)

// PartPageNumber names the page numbers in the Report.
const PartPageNumber Part = "页码"

func em(size float64) float64 { return size * 25.4 / 72 }

// body16 is 三号 text on the 28-character grid.
var body16 = style{size: SizeSanhao, cell: Cell}

// lines cuts styled runes into set lines: the first starts at x0First, the
// others at x0Rest, all end by right; every line but the last is justified.
func (e *engine) lines(rs []srune, st style, x0First, x0Rest, right float64) [][]pglyph {
	// A Latin run longer than the shortest line is cut: it could never fit.
	tz := &tokenizer{m: e.m, st: st, width: right - max(x0First, x0Rest)}
	toks := tz.tokens(rs)
	x0 := func(i int) float64 {
		if i == 0 {
			return x0First
		}
		return x0Rest
	}
	avail := func(i int) float64 { return right - x0(i) }
	spans := evenLines(toks, avail, st.cell, breakLines(toks, avail))
	out := make([][]pglyph, len(spans))
	for i, sp := range spans {
		out[i], _ = setLine(toks[sp.s:sp.e], x0(i), right-x0(i), i < len(spans)-1)
	}
	return out
}

// flow sets lines on the next free grid lines, page after page. The last
// line of a paragraph never starts a page alone: when it would, the line
// before it goes to the new page too (widow control).
func (e *engine) flow(ls [][]pglyph, st style, part Part, para int) {
	for i, l := range ls {
		if i == len(ls)-2 && e.line == e.nLines-1 {
			e.newPage()
		}
		band := e.nextLine()
		e.emit(l, st.size, e.baseline(e.bandTop(band), st.size), Black, part, para)
	}
}

// single sets one unwrapped line at natural width from x = 0.
func (e *engine) single(rs []srune, st style) ([]pglyph, float64) {
	tz := &tokenizer{m: e.m, st: st, width: math.Inf(1)}
	toks := tz.tokens(rs)
	return setLine(toks, 0, math.Inf(1), false)
}

func shift(gs []pglyph, dx float64) []pglyph {
	for i := range gs {
		gs[i].X += dx
	}
	return gs
}

// Alignment of a one-line text between two edges.
const (
	alignLeft = iota
	alignCentre
	alignRight
)

// put emits a one-line text set from x = 0 with natural width w between left
// and right, condensed horizontally when it is wider than that.
func (e *engine) put(gs []pglyph, w, left, right float64, align int, size, y float64, col Colour, part Part, para int) {
	scale := 1.0
	if w > right-left+eps {
		scale = (right - left) / w
	}
	x := left
	switch align {
	case alignCentre:
		x = left + (right-left-w*scale)/2
	case alignRight:
		x = right - w*scale
	}
	for i := range gs {
		gs[i].X = x + gs[i].X*scale
		gs[i].W *= scale
	}
	n := len(e.page().Runs)
	e.emit(gs, size, y, col, part, para)
	for i := n; i < len(e.page().Runs); i++ {
		e.page().Runs[i].ScaleX = scale
	}
}

// head sets the 报头 of page 1: marking, red 刊名, 期号, 编印单位 and date, and
// the red rule; the title starts two blank lines below the rule.
func (e *engine) head() {
	c := e.c
	y0 := e.baseline(e.bandTop(0), SizeSanhao)
	if c.Marking != "" {
		gs, w := e.single(runes(c.Marking, Heiti), body16)
		e.put(gs, w, Left, Right, alignLeft, SizeSanhao, y0, Black, PartMarking, 1)
	}
	bottom := e.name(Top + e.o.NameOffset)
	i := int(math.Ceil((bottom-Top)/e.pitch-eps)) + 1
	if c.Issue != "" {
		gs, w := e.single(runes(c.Issue, Kaiti), body16)
		e.put(gs, w, Left, Right, alignCentre, SizeSanhao, e.baseline(e.bandTop(i), SizeSanhao), Black, PartIssue, 1)
		i++
	}
	e.unitLine(i, c.Unit, c.Date, true)
	e.line += 2
}

// unitLine sets the 编印单位 (one character in from the left) and the date
// (one character in from the right) on grid line i and, when rule is set,
// the red rule 4 mm below; the grid resumes on the line after them.
func (e *engine) unitLine(i int, unit, date string, rule bool) {
	y := e.baseline(e.bandTop(i), SizeSanhao)
	dateLeft := Right - Cell
	if date != "" {
		gs, w := e.single(runes(date, Fangsong), body16)
		dateLeft = Right - Cell - w
		e.put(gs, w, Left+Cell, Right-Cell, alignRight, SizeSanhao, y, Black, PartUnit, 2)
	}
	if unit != "" {
		gs, w := e.single(runes(unit, Fangsong), body16)
		e.put(gs, w, Left+Cell, max(Left+Cell+Cell, dateLeft-Cell), alignLeft, SizeSanhao, y, Black, PartUnit, 1)
	}
	bottom := e.bandTop(i) + (e.pitch+em(SizeSanhao))/2
	if rule {
		bottom += 4
		e.rule(bottom, 0.5, e.o.Red)
		bottom += 0.25
	}
	e.line = int(math.Ceil((bottom-Top)/e.pitch - eps))
}

// title sets the title in 二号 小标宋, centred, wrapped into balanced lines
// that keep words whole (titleSpans).
func (e *engine) title() { e.titleText(e.c.Title, Black) }

// titleText sets a title in 二号 小标宋 in the given colour.
func (e *engine) titleText(text string, col Colour) {
	st := style{size: SizeErhao, cell: em(SizeErhao)}
	for n, p := range paragraphs(text) {
		tz := &tokenizer{m: e.m, st: st, width: Width}
		toks := tz.tokens(runes(p, Xiaobiaosong))
		spans := titleSpans(toks, st.cell)
		for _, sp := range spans {
			gs, w := setLine(toks[sp.s:sp.e], 0, Width, false)
			band := e.nextLine()
			e.emit(shift(gs, Left+(Width-w)/2), st.size, e.baseline(e.bandTop(band), st.size), col, PartTitle, n+1)
		}
	}
}

// note sets the 编者按: 编者按： in 黑体, the text in 楷体, indented two characters.
func (e *engine) note() {
	if strings.TrimSpace(e.c.EditorNote) == "" {
		return
	}
	e.skip(1)
	first := true
	for n, p := range paragraphs(e.c.EditorNote) {
		rs := runes(p, Kaiti)
		if len(rs) == 0 {
			continue
		}
		if first {
			first = false
			rs = append(runes("编者按：", Heiti), rs...)
			for i := range 4 {
				rs[i].idx = 0
			}
		}
		e.flow(e.lines(rs, body16, Left+2*Cell, Left, Right), body16, PartNote, n+1)
	}
}

// body sets the body paragraphs with their heading fonts; a run of blank lines
// is kept as one empty grid line.
func (e *engine) body() {
	e.skip(1)
	e.bodyText(e.c.Body, PartBody)
}

// bodyText sets paragraphs of body text as the body is set.
func (e *engine) bodyText(text string, part Part) {
	blank := true // leading blank lines add nothing
	for n, p := range paragraphs(text) {
		rs := runes(p, Fangsong)
		if len(rs) == 0 {
			if !blank {
				e.skip(1)
			}
			blank = true
			continue
		}
		blank = false
		level, k := HeadingLevel(strings.TrimLeft(p, " \u3000\t"))
		for i := range rs[:min(k, len(rs))] {
			rs[i].role = headingRole(level)
		}
		ls := e.lines(rs, body16, Left+2*Cell, Left, Right)
		if level > 0 && k >= len(rs) && len(ls) == 1 && e.line == e.nLines-1 {
			e.newPage() // a heading on its own never ends a page
		}
		e.flow(ls, body16, part, n+1)
	}
}

// pageNumbers adds — n — below the 版心: odd pages right, even pages left.
func (e *engine) pageNumbers() {
	if e.o.NoPageNumbers {
		return
	}
	st := style{size: SizeSihao, cell: em(SizeSihao)}
	y := Bottom + 7 + ascent*st.cell
	for i := range e.pages {
		n := i + 1
		if e.unnumbered[i] {
			continue
		}
		gs, w := e.natural(runes("— "+strconv.Itoa(n)+" —", Songti), st)
		x := Left + st.cell
		if n%2 == 1 {
			x = Right - st.cell - w
		}
		p := &e.pages[i]
		p.Number = n
		p.Runs = append(p.Runs, Run{Role: Songti, Size: st.size, Y: y, Colour: Black, ScaleX: 1})
		r := &p.Runs[len(p.Runs)-1]
		for _, g := range shift(gs, x) {
			r.Glyphs = append(r.Glyphs, g.Glyph)
			if g.Font == nil {
				e.rep.Missing = append(e.rep.Missing, Missing{Part: PartPageNumber, Para: n, Index: g.idx, R: g.R, Page: n})
			}
		}
	}
}

// natural sets runes one after the other at their own advances, with no grid:
// the page number, whose em dashes are narrower than a cell in most fonts.
func (e *engine) natural(rs []srune, st style) ([]pglyph, float64) {
	tz := &tokenizer{m: e.m, st: st}
	var out []pglyph
	x := 0.0
	for _, s := range rs {
		g := tz.glyph(s)
		g.X = x
		if isDash(s.r) && g.Font != nil {
			g.DashW = g.W // the 一字线: as long as one character, not its narrower ink
		}
		x += g.W
		if !isSpace(s.r) {
			out = append(out, g)
		}
	}
	return out, x
}
