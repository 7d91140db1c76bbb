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
		end := e // trailing spaces hang: they count for nothing
		for end > 0 && toks[end-1].space {
			end--
		}
		var w, shrink float64 // of toks[s:end], grown leftwards
		widening := 0         // places justification may widen in toks[s:end]
		for s := e - 1; s >= 0; s-- {
			if s < end {
				w += toks[s].w
				shrink += toks[s].shrinkL + toks[s].shrinkR
				if s+1 < end && !toks[s+1].joined {
					widening++
				}
			}
			a := avail(min(s, 1))
			if w-shrink > a+eps {
				break
			}
			if math.IsInf(best[s], 1) && s > 0 {
				continue
			}
			c := 0.0
			if e < n {
				c = stretchCost(stretchOf(w, a, cell, widening, end-s), w, a, cell)
			}
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

// stretchCost is the cost of a justified line of natural width w set to
// width a with the given stretch.
func stretchCost(st, w, a, cell float64) float64 {
	switch {
	case st < 0:
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
	n := 0
	for i := 1; i < end; i++ {
		if !toks[i].joined {
			n++
		}
	}
	return stretchOf(w, a, cell, n, end)
}

// stretchOf is stretch for a line of natural width w with widening places
// where justification may add space, out of count tokens.
func stretchOf(w, a, cell float64, widening, count int) float64 {
	if w >= a-eps {
		return (a - w) / cell
	}
	if widening == 0 && count > 1 {
		return 0 // an address alone is set at its natural width, not spread
	}
	if widening <= 0 {
		return math.Inf(1)
	}
	return (a - w) / float64(widening) / cell
}

// worstStretch is the largest stretch of the justified lines of spans.
func worstStretch(toks []token, avail func(int) float64, cell float64, spans []span) float64 {
	worst := 0.0
	for i, sp := range spans[:len(spans)-1] {
		worst = max(worst, stretch(toks[sp.s:sp.e], avail(i), cell))
	}
	return worst
}
