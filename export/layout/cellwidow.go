package layout

// cellLines cuts a paragraph of a table cell into lines from x0 to x1, as
// lines does, except that its last line never holds one character alone
// (孤字, e.g. a title ending 回应网民 with 民 on a line of its own): the line
// before gives it one more, as 避头尾 moves characters, when that line stays
// within maxStretch.
func (e *engine) cellLines(rs []srune, st style, x0, x1 float64) [][]pglyph {
	tz := &tokenizer{m: e.m, st: st, width: x1 - x0}
	toks := tz.tokens(rs)
	avail := func(int) float64 { return x1 - x0 }
	spans := evenLines(toks, avail, st.cell, breakLines(toks, avail))
	spans = noLoneLast(toks, avail, st.cell, spans)
	out := make([][]pglyph, len(spans))
	for i, sp := range spans {
		out[i], _ = setLine(toks[sp.s:sp.e], x0, x1-x0, i < len(spans)-1)
	}
	return out
}

// minLastChars is the fewest characters (punctuation not counted) the last
// line of a wrapped cell holds.
const minLastChars = 2

// noLoneLast moves the last break of spans back until the last line holds
// minLastChars characters, at a legal break and without stretching the line
// before beyond maxStretch; spans stand when that cannot be done.
func noLoneLast(toks []token, avail func(int) float64, cell float64, spans []span) []span {
	n := len(spans)
	if n < 2 || wordChars(toks[spans[n-1].s:]) >= minLastChars {
		return spans
	}
	prev := spans[n-2]
	for k := spans[n-1].s - 1; k > prev.s; k-- {
		if !legal(toks, k) || toks[k].space {
			continue
		}
		if stretch(toks[prev.s:k], avail(n-2), cell) > maxStretch+eps || !fits(toks[k:], avail(n-1)) {
			break
		}
		if wordChars(toks[k:]) >= minLastChars {
			out := append([]span(nil), spans...)
			out[n-2].e, out[n-1].s = k, k
			return out
		}
	}
	return spans
}

// wordChars counts the characters of toks a reader counts on a line: not
// spaces, not punctuation that may not start or end a line.
func wordChars(toks []token) int {
	n := 0
	for _, t := range toks {
		if !t.space && !t.noStart && !t.noEnd {
			n += len(t.glyphs)
		}
	}
	return n
}
