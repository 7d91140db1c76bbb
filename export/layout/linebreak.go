package layout

const eps = 1e-6

// span is a line: tokens [s, e) of a paragraph.
type span struct{ s, e int }

// breakLines cuts tokens into lines; avail(i) is the width of line i in mm.
// It fills each line greedily, then applies 避头尾: a forbidden line start is
// first pulled back onto the line by compressing its punctuation, otherwise
// characters are carried down until the break is legal.
func breakLines(toks []token, avail func(line int) float64) []span {
	var lines []span
	for s := 0; s < len(toks); {
		a := avail(len(lines))
		j, w := s, 0.0
		for j < len(toks) && w+toks[j].w <= a+eps {
			w += toks[j].w
			j++
		}
		for j < len(toks) && toks[j].space { // spaces hang at the end
			j++
		}
		if j == s {
			j = s + 1 // a single token wider than the line
		}
		if j < len(toks) {
			j = legalBreak(toks, s, j, a)
		}
		lines = append(lines, span{s, j})
		s = j
	}
	return lines
}

// legal reports whether a line may break before token k.
func legal(toks []token, k int) bool {
	return k >= len(toks) || (!toks[k].noStart && !toks[k-1].noEnd)
}

// legalBreak moves a greedy break before j to a legal place for a line
// starting at s.
func legalBreak(toks []token, s, j int, avail float64) int {
	if legal(toks, j) {
		return j
	}
	if toks[j].noStart {
		k := j
		for k < len(toks) && toks[k].noStart && fits(toks[s:k+1], avail) {
			k++
		}
		if k > j && legal(toks, k) {
			return k
		}
	}
	for k := j - 1; k > s; k-- {
		if legal(toks, k) {
			return k
		}
	}
	return j
}

// natural returns the width of a line at natural size, hanging spaces
// excluded, and how much it can be compressed.
func natural(toks []token) (w, shrink float64) {
	end := len(toks)
	for end > 0 && toks[end-1].space {
		end--
	}
	for _, t := range toks[:end] {
		w += t.w
		shrink += t.shrinkL + t.shrinkR
	}
	return w, shrink
}

// fits reports whether toks fit in avail once punctuation is compressed.
func fits(toks []token, avail float64) bool {
	w, shrink := natural(toks)
	return w-shrink <= avail+eps
}

// setLine places a line's tokens from x0. A justified line ends exactly at
// x0+avail: missing width is spread evenly between the tokens, excess width is
// taken from compressible punctuation. It returns the glyphs and the width used.
func setLine(toks []token, x0, avail float64, justify bool) ([]pglyph, float64) {
	end := len(toks)
	for end > 0 && toks[end-1].space {
		end--
	}
	toks = toks[:end]
	w, shrink := natural(toks)
	ratio := 0.0
	if w > avail+eps && shrink > 0 {
		ratio = min(1, (w-avail)/shrink)
		w -= ratio * shrink
	}
	if onlyAddress(toks) {
		justify = false // spread, an address would read as if it had spaces
	}
	gap := 0.0
	if n := gaps(toks); justify && w < avail-eps && n > 0 {
		gap = (avail - w) / float64(n)
	}
	var out []pglyph
	x := x0
	for i, t := range toks {
		l, r := t.shrinkL*ratio, t.shrinkR*ratio
		for _, g := range t.glyphs {
			g.X += x - l
			out = append(out, g)
		}
		x += t.w - l - r
		if i < len(toks)-1 && !toks[i+1].joined {
			x += gap
		}
	}
	return out, x - x0
}

// gaps counts the places between tokens that justification may widen: not
// inside an address cut into joined tokens.
func gaps(toks []token) int {
	n := 0
	for i := 1; i < len(toks); i++ {
		if !toks[i].joined {
			n++
		}
	}
	return n
}

// onlyAddress reports a line of more than one token that is all one cut
// address (or Latin run without spaces): it is set at its natural width,
// never justified.
func onlyAddress(toks []token) bool {
	if len(toks) < 2 {
		return false
	}
	for _, t := range toks[1:] {
		if !t.joined {
			return false
		}
	}
	return true
}
