package layout

import "math"

// A long title wraps into balanced lines without splitting a word. Each place
// between two tokens gets a cost: nothing after punctuation, little after the
// words that end phrases in official titles, more between two ordinary words,
// much before 的 (it stays with what precedes it), and no break at all inside
// a lexicon word or a Latin run. Dynamic programming then picks the lines that
// minimise the squared distance of each line from the balanced width plus
// these costs. Costs are in the unit of that distance: characters squared.
const (
	costPunct    = 0.0  // after ，、：； or a closing bracket, before an opening one
	costFunction = 4.0  // after 的, 及, 关于 …, which end a phrase
	costWord     = 8.0  // between two words
	costSingles  = 12.0 // between two characters no word covers: maybe one unknown word
	costBeforeDe = 20.0 // before 的, 等, 之: they belong to what precedes them
	costBracket  = 10.0 // added inside brackets or quotes
	costLine     = 10.0 // each line, so that a title takes no more lines than it needs
	// maxDeviation is how far, in characters, a line may be from the balanced
	// width before the word-aware breaks give way to plain balancing.
	maxDeviation = 4.0
	// maxTitleTokens bounds the work: no real title comes near it.
	maxTitleTokens = 400
)

var forbidden = math.Inf(1)

// phraseEnd holds the punctuation after which a title breaks best.
var phraseEnd = setOf("，。、；：？！…—）］〕】》〉」』”’")

// functionEnd holds the words and characters that end a phrase in a title.
var functionEnd = lexicon("的 及 和 与 暨 等 对 并 或 及其 关于 有关 对于 针对 围绕 涉及 进一步")

// clingsLeft holds the characters a line should not start with.
var clingsLeft = setOf("的等之")

// titleSpans cuts a title paragraph into lines at most Width wide: as few as
// fit, balanced, broken between words. cell is the title's character width.
func titleSpans(toks []token, cell float64) []span {
	spans := breakLines(toks, fixedWidth(Width))
	k := len(spans)
	if k < 2 {
		return spans
	}
	if len(toks) <= maxTitleTokens {
		if ws, ok := wordSpans(toks, cell, k); ok {
			return ws
		}
	}
	return balancedSpans(toks, k)
}

func fixedWidth(w float64) func(int) float64 { return func(int) float64 { return w } }

// balancedSpans cuts tokens into k lines as narrow as possible, with no regard
// for words: the narrowest width that still needs no more than k lines.
func balancedSpans(toks []token, k int) []span {
	lo, hi := Width/float64(k)-eps, Width
	for range 30 {
		mid := (lo + hi) / 2
		if len(breakLines(toks, fixedWidth(mid))) <= k {
			hi = mid
		} else {
			lo = mid
		}
	}
	return breakLines(toks, fixedWidth(hi))
}

// wordSpans chooses the breaks by dynamic programming over the allowed
// places. It fails when no choice keeps to k or k+1 lines, each within
// maxDeviation characters of the balanced width, and no line of one or two
// characters.
func wordSpans(toks []token, cell float64, k int) ([]span, bool) {
	n := len(toks)
	costs := breakCosts(toks)
	total, _ := natural(toks)
	target := total / cell / float64(k)
	best := make([]float64, n+1)
	from := make([]int, n+1)
	for e := 1; e <= n; e++ {
		best[e] = forbidden
		if costs[e] == forbidden {
			continue
		}
		for s := e - 1; s >= 0; s-- {
			if !fits(toks[s:e], Width) {
				break
			}
			if best[s] == forbidden {
				continue
			}
			w, _ := natural(toks[s:e])
			c := w / cell
			if c < 2.5 && (s > 0 || e < n) {
				continue // no line of one or two lone characters
			}
			d := c - target
			if v := best[s] + d*d + costLine + costs[e]; v < best[e] {
				best[e], from[e] = v, s
			}
		}
	}
	if best[n] == forbidden {
		return nil, false
	}
	var spans []span
	for e := n; e > 0; e = from[e] {
		spans = append([]span{{from[e], e}}, spans...)
	}
	if len(spans) > k+1 {
		return nil, false
	}
	even := total / cell / float64(len(spans))
	for _, sp := range spans {
		w, _ := natural(toks[sp.s:sp.e])
		if math.Abs(w/cell-even) > maxDeviation {
			return nil, false
		}
	}
	return spans, true
}

// breakCosts returns the cost of a break before each token, 0 at both ends.
func breakCosts(toks []token) []float64 {
	rs, off := tokenRunes(toks)
	start, single := segment(rs)
	depth := bracketDepth(rs)
	costs := make([]float64, len(toks)+1)
	for k := 1; k < len(toks); k++ {
		i := off[k]
		switch {
		case !legal(toks, k) || toks[k].space || (latinToken(toks[k-1]) && latinToken(toks[k])):
			costs[k] = forbidden
			continue
		case !start[i]:
			costs[k] = forbidden // inside a word
			continue
		case phraseEnd[rs[i-1]] || toks[k-1].space || halfLeft[rs[i]]:
			costs[k] = costPunct
		case functionEnd[string(rs[wordStart(start, i-1):i])]:
			costs[k] = costFunction
		case clingsLeft[rs[i]]:
			costs[k] = costBeforeDe
		case single[i-1] && single[i]:
			costs[k] = costSingles
		default:
			costs[k] = costWord
		}
		if depth[i] > 0 {
			costs[k] += costBracket
		}
	}
	return costs
}

// tokenRunes returns the runes of the tokens, a space for a space token, and
// where each token starts among them.
func tokenRunes(toks []token) (rs []rune, off []int) {
	off = make([]int, len(toks)+1)
	for k, t := range toks {
		off[k] = len(rs)
		if t.space {
			rs = append(rs, ' ')
		}
		for _, g := range t.glyphs {
			rs = append(rs, g.R)
		}
	}
	off[len(toks)] = len(rs)
	return rs, off
}

// latinToken reports whether t is (part of) a run of half-width characters.
func latinToken(t token) bool {
	return !t.space && len(t.glyphs) > 0 && !fullWidth(t.glyphs[0].R)
}

// wordStart returns where the word holding rune i begins.
func wordStart(start []bool, i int) int {
	for i > 0 && !start[i] {
		i--
	}
	return i
}

// bracketDepth returns, for each rune, how many brackets or quotes are open
// just before it.
func bracketDepth(rs []rune) []int {
	depth := make([]int, len(rs)+1)
	d := 0
	for i, r := range rs {
		depth[i] = d
		switch {
		case halfLeft[r]:
			d++
		case closers[r]:
			d = max(0, d-1)
		}
	}
	depth[len(rs)] = d
	return depth
}

// closers holds the closing brackets and quotes.
var closers = setOf("）］〕】》〉」』”’｝〗〙")
