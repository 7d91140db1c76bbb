package layout

import "math"

// A long 刊名 must still read as a 刊名: it is condensed to fit the 版心,
// but no further than minNameScale; beyond that it is set smaller, down to
// minNameSize; beyond that it goes on two lines, balanced and broken between
// words as a title is, at the size that lets the longer line fit condensed
// no further than minNameScale (and, only for a name no two lines can hold,
// condensed further).
const (
	minNameScale = 0.75
	minNameSize  = 30.0 // pt: well above the 二号 title
	nameLeading  = 1.15 // line pitch of a two-line 刊名, in ems
)

// name sets the red 刊名 with its top edge at top and returns where its
// last line ends.
func (e *engine) name(top float64) float64 {
	size := e.o.NameSize
	if e.c.Name == "" {
		return top + em(size)
	}
	_, w := e.single(runes(e.c.Name, Xiaobiaosong), style{size: size, cell: em(size)})
	if w*minNameScale > Width+eps {
		size = max(minNameSize, size*Width/(w*minNameScale))
	}
	st := style{size: size, cell: em(size)}
	gs, w := e.single(runes(e.c.Name, Xiaobiaosong), st)
	if w*minNameScale <= Width+eps {
		e.put(gs, w, Left, Right, alignCentre, size, top+ascent*st.cell, e.o.Red, PartName, 1)
		return top + st.cell
	}
	return e.twoLineName(top)
}

// twoLineName sets the 刊名 on two lines and returns where the second ends.
func (e *engine) twoLineName(top float64) float64 {
	size := e.o.NameSize
	st := style{size: size, cell: em(size)}
	tz := &tokenizer{m: e.m, st: st, width: math.Inf(1)}
	toks := tz.tokens(runes(e.c.Name, Xiaobiaosong))
	spans := nameSpans(toks, st.cell)
	widest := 0.0
	for _, sp := range spans {
		w, _ := natural(toks[sp.s:sp.e])
		widest = max(widest, w)
	}
	scale := min(1, Width/(widest*minNameScale)) // of the size
	size = max(minNameSize, math.Floor(size*scale*10)/10)
	st = style{size: size, cell: em(size)}
	y := top
	for _, sp := range spans {
		line := nameRunes(toks[sp.s:sp.e])
		gs, w := e.single(runes(line, Xiaobiaosong), st)
		e.put(gs, w, Left, Right, alignCentre, size, y+ascent*st.cell, e.o.Red, PartName, 1)
		y += st.cell * nameLeading
	}
	return y - st.cell*(nameLeading-1)
}

// nameSpans cuts the 刊名's tokens into two lines, as a title's are cut
// (between words, 上短下长), at a width that does not limit them.
func nameSpans(toks []token, cell float64) []span {
	total, _ := natural(toks)
	limit := total*0.6 + cell
	if ws, ok := shapedSpans(toks, cell, limit, 2); ok && len(ws) == 2 {
		return ws
	}
	return balancedSpans(toks, 2, limit)
}

// nameRunes returns the text of tokens.
func nameRunes(toks []token) string {
	rs, _ := tokenRunes(toks)
	return string(rs)
}
