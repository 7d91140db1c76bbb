package layout

import "math"

// A long title wraps into lines that keep words whole, in the shapes GB/T
// 9704 7.3.1 asks: a 梯形 (each line no longer than the next, 上短下长) or a
// 菱形 (longer in the middle than at both ends), never an hourglass or an
// inverted trapezoid, and no line longer than maxTitleCells characters, so
// that a title keeps some space at its sides. Each place between two tokens
// gets a cost: nothing after punctuation, little after 的 (关于……的 /
// 文种) and before 和 及 与, more between two ordinary words, much before 的
// (it stays with what precedes it), and no break at all inside a dictionary
// word or a Latin run. Every choice of breaks that gives a shaped title is
// weighed by these costs plus how unequal its lines are; the cheapest wins.
// Costs are in the unit of that inequality: characters squared.
const (
	costPunct    = 0.0  // after ，、：； or a closing bracket, before an opening one
	costFunction = 2.0  // after 的, 及, 关于 …, which end a phrase; before 和 及 与
	costWord     = 10.0 // between two words
	costSingles  = 14.0 // between two characters no word covers: maybe one unknown word
	costBeforeDe = 30.0 // before 的, 等, 之: they belong to what precedes them
	costBracket  = 10.0 // added inside brackets or quotes
	costLine     = 10.0 // each line, so that a title takes no more lines than it needs
	// maxTitleCells is the longest title line, in characters: a full line of
	// 二号 holds 20, and a title should not touch the edges of the 版心.
	maxTitleCells = 18.0
	// minTitleCells is the shortest line of a wrapped title: no line of one
	// or two lone characters.
	minTitleCells = 2.5
	// shapeTolerance is how much longer, in characters, a line may be than
	// the next in a 梯形: Latin runs and punctuation do not come in whole cells.
	shapeTolerance = 0.3
	// maxTitleTokens bounds the work: no real title comes near it.
	maxTitleTokens = 400
	// maxShapeSteps bounds the search of shapedSpans.
	maxShapeSteps = 400000
)

var forbidden = math.Inf(1)

// phraseEnd holds the punctuation after which a title breaks best.
var phraseEnd = setOf("，。、；：？！…—）］〕】》〉」』”’")

// functionEnd holds the words and characters that end a phrase in a title.
var functionEnd = lexicon("的 及 和 与 暨 等 对 并 或 及其 关于 有关 对于 针对 围绕 涉及 进一步")

// conjunctions hold the characters a line may start with at little cost.
var conjunctions = setOf("和及与暨并")

// clingsLeft holds the characters a line should not start with.
var clingsLeft = setOf("的等之")

// headNouns are the words that close a noun phrase (环境污染问题, 处置情况):
// a line had better not start with them.
var headNouns = lexicon("问题 情况 工作 事件 现象 行为")

// costHeadNoun is the cost of a break before one of headNouns.
const costHeadNoun = 16.0

// unitAfterNumber holds the characters that stay with the number before
// them: 2026年, 3季度, 15份.
var unitAfterNumber = setOf("年月日号期次届季个元万亿岁名件起份条户人家")

// clingsRight holds the characters a line should not end with: they belong
// to the word after them (某小区, 各部门, 该公司).
var clingsRight = setOf("某各该每涉")

// titleSpans cuts a title paragraph into lines: as few as fit in
// maxTitleCells characters, shaped and broken between words when that can
// be done, else balanced. cell is the title's character width.
func titleSpans(toks []token, cell float64) []span {
	limit := math.Min(Width, maxTitleCells*cell+eps)
	spans := breakLines(toks, fixedWidth(limit))
	k := len(spans)
	if k < 2 {
		return spans
	}
	if len(toks) <= maxTitleTokens {
		if ws, ok := shapedSpans(toks, cell, limit, k); ok {
			return ws
		}
	}
	return balancedSpans(toks, k, limit)
}

func fixedWidth(w float64) func(int) float64 { return func(int) float64 { return w } }

// balancedSpans cuts tokens into k lines as narrow as possible, with no regard
// for words: the narrowest width that still needs no more than k lines.
func balancedSpans(toks []token, k int, limit float64) []span {
	lo, hi := limit/float64(k)-eps, limit
	if len(breakLines(toks, fixedWidth(hi))) > k {
		hi = Width
	}
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

// shapeSearch is the state of shapedSpans' search over the breaks.
type shapeSearch struct {
	toks   []token
	cell   float64
	limit  float64
	costs  []float64
	widths []float64 // of the lines so far, in characters
	ends   []int
	best   float64
	found  []int
	steps  int
}

// shapedSpans tries k and then k+1 lines and returns the cheapest shaped
// choice of breaks; false when none keeps words whole.
func shapedSpans(toks []token, cell, limit float64, k int) ([]span, bool) {
	s := &shapeSearch{toks: toks, cell: cell, limit: limit, costs: breakCosts(toks), best: forbidden}
	for lines := k; lines <= k+1; lines++ {
		s.search(0, lines, 0)
	}
	if s.found == nil {
		return nil, false
	}
	var spans []span
	from := 0
	for _, e := range s.found {
		spans = append(spans, span{from, e})
		from = e
	}
	return spans, true
}

// search places the line starting at token from, with lines left to place
// and the break costs so far.
func (s *shapeSearch) search(from, lines int, cost float64) {
	n := len(s.toks)
	if s.steps++; s.steps > maxShapeSteps || cost >= s.best {
		return
	}
	if lines == 0 {
		if from == n {
			s.finish(cost)
		}
		return
	}
	for e := from + 1; e <= n; e++ {
		if !fits(s.toks[from:e], s.limit) {
			break
		}
		if s.costs[e] == forbidden {
			continue
		}
		if (lines == 1) != (e == n) {
			continue
		}
		w, _ := natural(s.toks[from:e])
		c := w / s.cell
		if c < minTitleCells {
			continue
		}
		s.widths = append(s.widths, c)
		s.ends = append(s.ends, e)
		s.search(e, lines-1, cost+s.costs[e])
		s.widths = s.widths[:len(s.widths)-1]
		s.ends = s.ends[:len(s.ends)-1]
	}
}

// finish scores a complete choice of lines and keeps it when shaped and
// cheaper than the best so far.
func (s *shapeSearch) finish(cost float64) {
	if !shaped(s.widths) {
		return
	}
	mean := 0.0
	for _, w := range s.widths {
		mean += w
	}
	mean /= float64(len(s.widths))
	for _, w := range s.widths {
		cost += (w - mean) * (w - mean)
	}
	cost += costLine * float64(len(s.widths))
	if cost < s.best {
		s.best = cost
		s.found = append(s.found[:0], s.ends...)
	}
}

// shaped reports whether line widths (in characters) make a 梯形 (none
// longer than the next) or a 菱形 (rising to a middle line clearly longer
// than the first, then falling).
func shaped(w []float64) bool {
	peak := 0
	for i := 1; i < len(w); i++ {
		if w[i] >= w[peak]-shapeTolerance {
			peak = i
		}
	}
	for i := 0; i < peak; i++ {
		if w[i] > w[i+1]+shapeTolerance {
			return false
		}
	}
	if peak == len(w)-1 {
		return true // 梯形
	}
	for i := peak; i+1 < len(w); i++ {
		if w[i+1] > w[i]+shapeTolerance {
			return false
		}
	}
	return w[0] < w[peak]-1 // 菱形: the top line clearly shorter than the middle
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
		case !legal(toks, k) || toks[k].space || (latinToken(toks[k-1]) && (latinToken(toks[k]) || unitAfterNumber[rs[i]])):
			costs[k] = forbidden
			continue
		case !start[i]:
			costs[k] = forbidden // inside a word
			continue
		case phraseEnd[rs[i-1]] || toks[k-1].space || halfLeft[rs[i]]:
			costs[k] = costPunct
		case functionEnd[string(rs[wordStart(start, i-1):i])] || conjunctions[rs[i]]:
			costs[k] = costFunction
		case clingsLeft[rs[i]] || clingsRight[rs[i-1]]:
			costs[k] = costBeforeDe
		case headNouns[string(rs[i:min(i+2, len(rs))])] && start[min(i+2, len(rs))]:
			costs[k] = costHeadNoun
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
