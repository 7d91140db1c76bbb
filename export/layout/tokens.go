package layout

// srune is a rune of a paragraph with its font role and its 1-based index in
// the source paragraph, for the report.
type srune struct {
	r    rune
	role Role
	idx  int
}

// pglyph is a glyph placed on a line, with what the page assembly needs.
type pglyph struct {
	Glyph
	role Role
	idx  int
}

// token is an unbreakable unit of a line: one full-width character, a doubled
// …… or ——, a Latin/digit run or a space. Glyph X values are relative to the
// token's left edge before compression.
type token struct {
	glyphs  []pglyph
	w       float64 // natural width, mm
	shrinkL float64 // compressible on the left (opening punctuation), mm
	shrinkR float64 // compressible on the right (closing punctuation), mm
	space   bool
	noStart bool
	noEnd   bool
	// joined continues the Latin run of the token before (a long web or
	// e-mail address cut after / ? & @ - _): a line may break before it,
	// but justification adds no space there.
	joined bool
}

// style is the size of a text and the width of its full-width cell.
type style struct {
	size float64 // pt
	cell float64 // mm
}

func (s style) em() float64 { return s.size * 25.4 / 72 }

// tokenizer resolves fonts and cuts a paragraph into tokens.
type tokenizer struct {
	m     Metrics
	st    style
	width float64 // longest line, mm: longer Latin runs are cut
}

// glyph resolves the font of r and returns its advance in mm.
func (tz *tokenizer) glyph(s srune) pglyph {
	f, ok := tz.m.Resolve(s.role, s.r)
	g := pglyph{Glyph: Glyph{R: s.r}, role: s.role, idx: s.idx}
	switch {
	case ok && f != nil:
		g.Font = f
		g.W = f.Advance(s.r) * tz.st.em()
	case fullWidth(s.r):
		g.W = tz.st.cell
	default:
		g.W = tz.st.em() / 2
	}
	return g
}

// tokens cuts runes into tokens.
func (tz *tokenizer) tokens(rs []srune) []token {
	var out []token
	for i := 0; i < len(rs); {
		r := rs[i].r
		switch {
		case isSpace(r):
			g := tz.glyph(srune{r: ' ', role: rs[i].role, idx: rs[i].idx})
			out = append(out, token{w: g.W, space: true})
			i++
		case !fullWidth(r):
			j := i
			for j < len(rs) && !fullWidth(rs[j].r) && !isSpace(rs[j].r) {
				j++
			}
			out = append(out, tz.latin(rs[i:j])...)
			i = j
		case pairable(r) && i+1 < len(rs) && rs[i+1].r == r:
			out = append(out, tz.wide(rs[i:i+2]))
			i += 2
		default:
			out = append(out, tz.wide(rs[i:i+1]))
			i++
		}
	}
	return out
}

// wide makes the token of one full-width character, or of a doubled …… or ——,
// each on its own cell.
func (tz *tokenizer) wide(rs []srune) token {
	cell := tz.st.cell
	t := token{w: cell * float64(len(rs))}
	for k, s := range rs {
		g := tz.glyph(s)
		x := float64(k) * cell
		narrow := g.Font != nil && g.W < 0.8*tz.st.em()
		switch {
		case len(rs) == 2 && k == 0:
			x = cell - g.W // a doubled dash or ellipsis meets in the middle
		case narrow && halfLeft[s.r]:
			x += cell - g.W
		case narrow && !halfRight[s.r]:
			x += (cell - g.W) / 2
		}
		g.X = x
		t.glyphs = append(t.glyphs, g)
	}
	r := rs[0].r
	if len(rs) == 2 && isDash(r) && t.glyphs[0].Font != nil && t.glyphs[1].Font != nil {
		// One unbroken dash across both cells, not two glyphs with a notch.
		// Its text (invisible) starts at the token's left edge with the bar.
		t.glyphs[0].X, t.glyphs[0].DashW = 0, t.w
		t.glyphs[1].Hidden = true
	}
	t.noStart = noStartSet[r]
	t.noEnd = noEndSet[r]
	if len(rs) == 1 {
		if halfRight[r] {
			t.shrinkR = cell / 2
		}
		if halfLeft[r] {
			t.shrinkL = cell / 2
		}
	}
	return t
}

// latin makes the token of a run of half-width characters at natural width.
// A run longer than a third of a line (a web or e-mail address) is cut after
// / ? & @ - _ and . into joined tokens, so that a line can break there and
// never before / or inside id=123; a piece still longer than a line is cut
// into one token per character.
func (tz *tokenizer) latin(rs []srune) []token {
	whole := tz.run(rs)
	if whole.w <= tz.width/3 {
		whole.noStart = noStartSet[rs[0].r]
		whole.noEnd = noEndSet[rs[len(rs)-1].r]
		return []token{whole}
	}
	var out []token
	for _, seg := range urlPieces(rs) {
		t := tz.run(seg)
		if t.w <= tz.width {
			out = append(out, t)
			continue
		}
		for _, g := range t.glyphs {
			g.X = 0
			out = append(out, token{glyphs: []pglyph{g}, w: g.W})
		}
	}
	for i := 1; i < len(out); i++ {
		out[i].joined = true
	}
	out[0].noStart = noStartSet[rs[0].r]
	out[len(out)-1].noEnd = noEndSet[rs[len(rs)-1].r]
	return out
}

// run measures half-width runes as one token at natural width.
func (tz *tokenizer) run(rs []srune) token {
	var t token
	for _, s := range rs {
		g := tz.glyph(s)
		g.X = t.w
		t.w += g.W
		t.glyphs = append(t.glyphs, g)
	}
	return t
}

// urlBreakAfter holds the characters an address may break after.
var urlBreakAfter = setOf("/?&@-_.")

// digitDot reports a decimal point (3.14): no break after it.
func digitDot(rs []srune, i int) bool {
	return rs[i].r == '.' && i > 0 && i+1 < len(rs) && isDigit(rs[i-1].r) && isDigit(rs[i+1].r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// urlPieces cuts a run after each character of urlBreakAfter (after the
// last of a row, so that // stays with https:).
func urlPieces(rs []srune) [][]srune {
	var out [][]srune
	start := 0
	for i := range rs {
		if urlBreakAfter[rs[i].r] && i+1 < len(rs) && rs[i+1].r != rs[i].r && !digitDot(rs, i) {
			out = append(out, rs[start:i+1])
			start = i + 1
		}
	}
	return append(out, rs[start:])
}
