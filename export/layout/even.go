package layout

import "math"

// maxStretch is how far a justified line may open its characters, as a part
// of a cell: beyond about 10 % the line reads as loose.
const maxStretch = 0.10

// Costs of evenLines, in stretch² × 100 units.
const (
	evenLoose    = 1000.0 // a line stretched beyond maxStretch
	evenLine     = 50.0   // each line: keep the greedy count of lines
	evenSqueeze  = 0.5    // a line whose punctuation is compressed, per cell
	evenStretchK = 100.0
)

// evenLines re-breaks a paragraph whose greedy lines (spans) include one
// stretched beyond maxStretch, because what follows it could not be split
// (23.4%……, a long number): it chooses the breaks that keep every line
// within maxStretch where it can, carrying characters down from the lines
// before, which take the slack a little each, or pulling the run up by
// compressing punctuation. Otherwise the greedy lines stand.
func evenLines(toks []token, avail func(int) float64, cell float64, spans []span) []span {
	if cell <= 0 || len(spans) < 2 || worstStretch(toks, avail, cell, spans) <= maxStretch+eps {
		return spans
	}
	n := len(toks)
	best := make([]float64, n+1)
	from := make([]int, n+1)
	for e := 1; e <= n; e++ {
		best[e] = math.Inf(1)
		if e < n && (!legal(toks, e) || toks[e].space) {
			continue
		}
		for s := e - 1; s >= 0; s-- {
			if math.IsInf(best[s], 1) && s > 0 {
				continue
			}
			a := avail(min(s, 1))
			if !fits(toks[s:e], a) {
				break
			}
			c := lineCost(toks[s:e], a, cell, e == n)
			if v := best[s] + c + evenLine; v < best[e] {
				best[e], from[e] = v, s
			}
		}
	}
	if math.IsInf(best[n], 1) {
		return spans
	}
	var out []span
	for e := n; e > 0; e = from[e] {
		out = append([]span{{from[e], e}}, out...)
	}
	if worstStretch(toks, avail, cell, out) >= worstStretch(toks, avail, cell, spans) {
		return spans
	}
	return out
}

// lineCost is the cost of setting toks as one justified line of width a
// (the last line of a paragraph is not justified and costs nothing).
func lineCost(toks []token, a, cell float64, last bool) float64 {
	if last {
		return 0
	}
	st := stretch(toks, a, cell)
	switch {
	case st < 0:
		w, _ := natural(toks)
		return evenSqueeze * (w - a) / cell
	case st > maxStretch+eps:
		return evenLoose + evenStretchK*st*st
	}
	return evenStretchK * st * st
}

// stretch is how far justifying toks to width a opens each gap between
// them, in cells; negative when the line is compressed instead.
func stretch(toks []token, a, cell float64) float64 {
	end := len(toks)
	for end > 0 && toks[end-1].space {
		end--
	}
	w, _ := natural(toks[:end])
	if w >= a-eps {
		return (a - w) / cell
	}
	n := gaps(toks[:end])
	if n == 0 {
		return math.Inf(1)
	}
	return (a - w) / float64(n) / cell
}

// worstStretch is the largest stretch of the justified lines of spans.
func worstStretch(toks []token, avail func(int) float64, cell float64, spans []span) float64 {
	worst := 0.0
	for i, sp := range spans[:len(spans)-1] {
		worst = max(worst, stretch(toks[sp.s:sp.e], avail(i), cell))
	}
	return worst
}
