package layout

import (
	"fmt"
	"math"
)

// Align places a cell's lines between its padding.
type Align int

// Cell alignments. A centred cell is centred vertically in its row too (a
// label); the others start at the row's top.
const (
	AlignLeft Align = iota
	AlignCentre
	AlignRight
)

// Column is a column of a ruled table: Width mm when it is not 0, else a
// share (Weight, 0 meaning 1) of what the fixed columns leave of the 版心.
type Column struct {
	Width  float64
	Weight float64
}

// TableCell is the text of one cell; its paragraphs (lines of Text) wrap with
// 避头尾, every line but a paragraph's last justified. Role "" is 仿宋.
type TableCell struct {
	Text  string
	Role  Role
	Align Align
	Span  int // columns covered, 0 meaning 1
}

// Row is a row of cells. MinHeight (mm) leaves room to write by hand. A Keep
// row is moved whole to the next page rather than split, when it fits there
// (a blank space to write in); other rows taller than the space left on a
// page are split between their lines.
type Row struct {
	Cells     []TableCell
	MinHeight float64
	Keep      bool
}

// Table is a ruled table across the 版心. Zero values take the defaults:
// 三号 text, 2 mm padding, 0.25 mm inner and 0.35 mm outer rules.
type Table struct {
	Columns []Column
	Rows    []Row
	Size    float64 // pt
	Pad     float64 // mm, left and right inside a cell
	Rule    float64 // mm
	Frame   float64 // mm
	Part    Part
	Header  int // the first Header rows are set again below （续表） on every new page
}

// Continued is printed above a table's continuation on a new page.
const Continued = "（续表）"

// PartContinued names the 续表 line in the Report.
const PartContinued Part = "续表"

// edges returns the x of each column rule, from Left to Right.
func (t *Table) edges() ([]float64, error) {
	fixed, weights := 0.0, 0.0
	for _, c := range t.Columns {
		if c.Width < 0 || c.Weight < 0 {
			return nil, fmt.Errorf("表格列宽不能为负数")
		}
		if c.Width > 0 {
			fixed += c.Width
		} else {
			weights += max(c.Weight, 0) + b2f(c.Weight == 0)
		}
	}
	rest := Width - fixed
	if len(t.Columns) == 0 || rest < -eps || (weights > 0 && rest <= eps) {
		return nil, fmt.Errorf("表格列宽之和超出版心（%.1f 毫米）", Width)
	}
	xs := []float64{Left}
	x := Left
	for _, c := range t.Columns {
		w := c.Width
		if w == 0 {
			w = rest * (c.Weight + b2f(c.Weight == 0)) / weights
		}
		x += w
		xs = append(xs, x)
	}
	xs[len(xs)-1] = min(xs[len(xs)-1], Right)
	return xs, nil
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// normalised fills in the defaults and checks that every column can hold
// two characters (a —— or …… is never split).
func (t Table) normalised() (Table, []float64, error) {
	if t.Size == 0 {
		t.Size = SizeSanhao
	}
	if t.Pad == 0 {
		t.Pad = 2
	}
	if t.Rule == 0 {
		t.Rule = 0.25
	}
	if t.Frame == 0 {
		t.Frame = 0.35
	}
	xs, err := t.edges()
	if err != nil {
		return t, nil, err
	}
	for i := 1; i < len(xs); i++ {
		if xs[i]-xs[i-1]-2*t.Pad < 2*em(t.Size)-eps {
			return t, nil, fmt.Errorf("表格第 %d 列太窄，放不下两个字", i)
		}
	}
	return t, xs, nil
}

// setCell is a cell cut into lines, with where it sits.
type setCell struct {
	lines  [][]pglyph
	x0, x1 float64 // inner edges, padding excluded
	align  Align
	first  int // column index
	last   int // column index after the span
}

// setRow is a row of set cells; next is the first line not yet placed.
type setRow struct {
	cells []setCell
	row   Row
	next  int
	used  float64 // height placed on earlier pages
}

func (r *setRow) lines() int {
	n := 1
	for _, c := range r.cells {
		n = max(n, len(c.lines))
	}
	return n
}

// restHeight is what is left of the row to place.
func (r *setRow) restHeight(lineH float64) float64 {
	return max(float64(r.lines()-r.next)*lineH, r.row.MinHeight-r.used)
}

// tableLineH is the line pitch inside a table: the grid's for 三号, smaller
// in proportion for smaller text, never under 1.2 em.
func (e *engine) tableLineH(size float64) float64 {
	return max(e.pitch*size/SizeSanhao, 1.2*em(size))
}

// prepare cuts every cell into lines.
func (e *engine) prepare(t *Table, xs []float64) []*setRow {
	st := style{size: t.Size, cell: em(t.Size)}
	if t.Size == SizeSanhao {
		st = body16
	}
	var rows []*setRow
	for _, r := range t.Rows {
		sr := &setRow{row: r}
		col := 0
		for _, c := range r.Cells {
			if col >= len(xs)-1 {
				break
			}
			span := max(c.Span, 1)
			last := min(col+span, len(xs)-1)
			sc := setCell{x0: xs[col] + t.Pad, x1: xs[last] - t.Pad, align: c.Align, first: col, last: last}
			role := c.Role
			if role == "" {
				role = Fangsong
			}
			for _, p := range paragraphs(c.Text) {
				rs := runes(p, role)
				if len(rs) == 0 {
					continue
				}
				sc.lines = append(sc.lines, e.cellLines(rs, st, sc.x0, sc.x1)...)
			}
			sr.cells = append(sr.cells, sc)
			col = last
		}
		rows = append(rows, sr)
	}
	return rows
}

// table sets a ruled table from the next free grid line. Rows that do not
// fit the page are split between lines (or moved whole when Keep); the
// continuation starts below （续表） on the next page. The grid resumes on
// the first line below the table.
func (e *engine) table(t Table) error {
	t, xs, err := t.normalised()
	if err != nil {
		return err
	}
	rows := e.prepare(&t, xs)
	lineH := e.tableLineH(t.Size)
	if e.line >= e.nLines {
		e.newPage()
	}
	y := e.bandTop(e.line)
	segTop := y
	placed := false // some of the table is on a page: a new page says 续表
	fresh := false  // nothing of the table on this page yet, after a page break
	for ri, r := range rows {
		for {
			room := Bottom - y
			h := r.restHeight(lineH)
			if h <= room+eps {
				e.rowPart(&t, xs, r, ri, y, h, r.lines(), lineH)
				y += h
				placed, fresh = true, false
				break
			}
			left := r.lines() - r.next
			k := min(int(math.Floor((room+eps)/lineH)), left)
			if !fresh {
				// A short row, a Keep row and a row that would leave one
				// line behind or carry one line over go whole to the next
				// page when they fit there; a long row is split.
				if k < left && left-k < 2 {
					k = left - 2
				}
				fitsFresh := h <= Bottom-e.bandTop(1)+eps
				if fitsFresh && (r.row.Keep || left <= 3 || k < 2 || k == left) || k < 1 {
					if placed {
						e.closeTable(&t, segTop, y)
						y, segTop = e.continuedHead(&t, xs, lineH, ri)
					} else {
						e.newPage()
						y, segTop = Top, Top
					}
					fresh = true
					continue
				}
			}
			e.rowPart(&t, xs, r, ri, y, room, r.next+k, lineH)
			r.used += room
			e.closeTable(&t, segTop, Bottom)
			y, segTop = e.continuedHead(&t, xs, lineH, ri)
			placed, fresh = true, true
		}
	}
	e.closeTable(&t, segTop, y)
	e.line = min(int(math.Ceil((y-Top)/e.pitch-eps)), e.nLines)
	return nil
}

// continued starts a new page with （续表） on its first grid line and
// returns where the table goes on.
func (e *engine) continued(size float64) (y, top float64) {
	e.newPage()
	gs, w := e.single(runes(Continued, Fangsong), style{size: size, cell: em(size)})
	e.put(gs, w, Left, Right, alignLeft, size, e.baseline(e.bandTop(0), size), Black, PartContinued, len(e.pages))
	e.line = 1
	return e.bandTop(1), e.bandTop(1)
}

// continuedHead is continued, then the table's header rows again when the
// row that goes on (ri) is below them.
func (e *engine) continuedHead(t *Table, xs []float64, lineH float64, ri int) (y, top float64) {
	y, top = e.continued(t.Size)
	if t.Header <= 0 || ri < t.Header {
		return y, top
	}
	h := *t
	h.Rows = t.Rows[:min(t.Header, len(t.Rows))]
	for i, r := range e.prepare(&h, xs) {
		rh := r.restHeight(lineH)
		e.rowPart(t, xs, r, i, y, rh, r.lines(), lineH)
		y += rh
	}
	return y, top
}

// rowPart places lines [r.next, upto) of every cell of a row in a band h mm
// tall from y, with the rule above it and the column rules beside it.
func (e *engine) rowPart(t *Table, xs []float64, r *setRow, ri int, y, h float64, upto int, lineH float64) {
	p := e.page()
	p.Rules = append(p.Rules, Rule{X1: Left, Y1: y, X2: Right, Y2: y, Width: t.Rule, Colour: Black})
	for _, c := range r.cells {
		if c.last < len(xs)-1 {
			x := xs[c.last]
			p.Rules = append(p.Rules, Rule{X1: x, Y1: y, X2: x, Y2: y + h, Width: t.Rule, Colour: Black})
		}
		from, to := min(r.next, len(c.lines)), min(upto, len(c.lines))
		top := y
		if c.align == AlignCentre && r.next == 0 {
			top = y + (h-float64(to-from)*lineH)/2
		}
		for k, l := range c.lines[from:to] {
			gs := append([]pglyph(nil), l...)
			if c.align != AlignLeft && len(gs) > 0 {
				last := gs[len(gs)-1]
				w := last.X + last.W - c.x0
				dx := c.x1 - c.x0 - w
				if c.align == AlignCentre {
					dx /= 2
				}
				gs = shift(gs, max(dx, 0))
			}
			band := top + float64(k)*lineH
			e.emit(gs, t.Size, band+(lineH-em(t.Size))/2+ascent*em(t.Size), Black, t.Part, ri+1)
		}
	}
	r.next = upto
}

// closeTable draws the frame of the part of a table between top and bottom
// on the current page.
func (e *engine) closeTable(t *Table, top, bottom float64) {
	if bottom <= top+eps {
		return
	}
	p := e.page()
	p.Rules = append(p.Rules,
		Rule{X1: Left, Y1: top, X2: Right, Y2: top, Width: t.Frame, Colour: Black},
		Rule{X1: Left, Y1: bottom, X2: Right, Y2: bottom, Width: t.Frame, Colour: Black},
		Rule{X1: Left, Y1: top, X2: Left, Y2: bottom, Width: t.Frame, Colour: Black},
		Rule{X1: Right, Y1: top, X2: Right, Y2: bottom, Width: t.Frame, Colour: Black},
	)
}
