package layout

import (
	"math"
	"strings"
)

// Doc describes a document by its parts, top to bottom, set on the grid of
// the 版心 one after the other: each kind of document (会议纪要, 交办单, …) is
// a list of these shared blocks, not a layout of its own. The 报尾 or 版记
// (Foot, FootLeft, FootRight) is pinned to the bottom of the last page.
type Doc struct {
	Blocks    []Block
	Foot      []FootItem
	FootLeft  string // last line of the 版记, left: 印发单位, 签发 …
	FootRight string // and right: 印发日期, 印数
}

// Block is one part of a Doc.
type Block interface {
	place(e *engine) error
}

// LayoutDoc places a document on pages, with page numbers as the 专报's.
func LayoutDoc(d *Doc, m Metrics, o Options) ([]Page, *Report, error) {
	o, pitch, err := o.normalised()
	if err != nil {
		return nil, nil, err
	}
	e := &engine{m: m, o: o, c: &Content{}, pitch: pitch, nLines: int(Height/pitch + 0.05), unnumbered: map[int]bool{}}
	e.newPage()
	for _, b := range d.Blocks {
		if err := b.place(e); err != nil {
			return nil, nil, err
		}
	}
	e.tailOf(d.Foot, d.FootLeft, d.FootRight)
	e.pageNumbers()
	return e.pages, &e.rep, nil
}

// Mark is a document's name set like the 刊名 (the 纪要's
// 网络舆情工作会议纪要): centred, condensed when wider than the 版心, its
// top edge Top mm below the top of the 版心 (0 means 35). Size 0 is 二号.
// The grid resumes after one blank line below it.
type Mark struct {
	Text   string
	Top    float64
	Size   float64
	Colour Colour
}

func (b Mark) place(e *engine) error {
	top, size := b.Top, b.Size
	if top == 0 {
		top = 35
	}
	if size == 0 {
		size = SizeErhao
	}
	st := style{size: size, cell: em(size)}
	gs, w := e.single(runes(b.Text, Xiaobiaosong), st)
	e.put(gs, w, Left, Right, alignCentre, size, Top+top+ascent*st.cell, b.Colour, PartName, 1)
	e.line = min(int(math.Ceil((top+st.cell)/e.pitch-eps))+1, e.nLines)
	return nil
}

// Line is one line of text on the next grid line, aligned between the
// edges of the 版心 (Indent cells in from the aligned edge) and condensed
// when too wide. Role "" is 仿宋; Size 0 is 三号.
type Line struct {
	Text   string
	Role   Role
	Size   float64
	Align  Align
	Indent int
	Colour Colour
	Part   Part
}

func (b Line) place(e *engine) error {
	if strings.TrimSpace(b.Text) == "" {
		return nil
	}
	role, size := b.Role, b.Size
	if role == "" {
		role = Fangsong
	}
	if size == 0 {
		size = SizeSanhao
	}
	st := style{size: size, cell: em(size)}
	if size == SizeSanhao {
		st = body16
	}
	gs, w := e.single(runes(b.Text, role), st)
	in := float64(b.Indent) * st.cell
	band := e.nextLine()
	e.put(gs, w, Left+in, Right-in, int(b.Align), size, e.baseline(e.bandTop(band), size), b.Colour, b.Part, 1)
	return nil
}

// Pair is one grid line with a text on the left and one on the right (编号
// and 交办日期), each Indent cells in from its edge.
type Pair struct {
	Left, Right string
	Indent      int
	Part        Part
}

func (b Pair) place(e *engine) error {
	band := e.nextLine()
	y := e.baseline(e.bandTop(band), SizeSanhao)
	in := float64(b.Indent) * Cell
	rightEdge := Right - in
	if b.Right != "" {
		gs, w := e.single(runes(b.Right, Fangsong), body16)
		rightEdge = Right - in - w
		e.put(gs, w, Left+in, Right-in, alignRight, SizeSanhao, y, Black, b.Part, 2)
	}
	if b.Left != "" {
		gs, w := e.single(runes(b.Left, Fangsong), body16)
		e.put(gs, w, Left+in, max(Left+in+Cell, rightEdge-Cell), alignLeft, SizeSanhao, y, Black, b.Part, 1)
	}
	return nil
}

// UnitDate is the 专报's 编印单位 and date line on the next grid line, with
// the red rule below it when Rule is set.
type UnitDate struct {
	Unit, Date string
	Rule       bool
}

func (b UnitDate) place(e *engine) error {
	if b.Unit == "" && b.Date == "" && !b.Rule {
		return nil
	}
	if e.line >= e.nLines {
		e.newPage()
	}
	e.unitLine(e.line, b.Unit, b.Date, b.Rule)
	return nil
}

// Space leaves Lines grid lines blank (not at the top of a page).
type Space struct{ Lines int }

func (b Space) place(e *engine) error {
	e.skip(b.Lines)
	return nil
}

// Title is a title in 二号 小标宋, centred and balanced as the 专报's.
type Title struct {
	Text   string
	Colour Colour
}

func (b Title) place(e *engine) error {
	e.titleText(b.Text, b.Colour)
	return nil
}

// Body is body text as the 专报's: a paragraph a line, headings detected,
// two-character indent, 避头尾 and justification.
type Body struct {
	Text string
	Part Part
}

func (b Body) place(e *engine) error {
	part := b.Part
	if part == "" {
		part = PartBody
	}
	e.bodyText(b.Text, part)
	return nil
}

// Labelled is a label and its text on the grid (出席：张三、李四): the label
// in 黑体 at LabelX, the text in 仿宋 from TextX, its wrapped lines from
// TextX too. Nothing prints when Text is empty.
type Labelled struct {
	Label, Text   string
	LabelX, TextX float64
	Part          Part
}

func (b Labelled) place(e *engine) error {
	rs := runes(strings.TrimSpace(b.Text), Fangsong)
	if len(rs) == 0 {
		return nil
	}
	ls := e.lines(rs, body16, b.TextX, b.TextX, Right)
	for i, l := range ls {
		band := e.nextLine()
		y := e.baseline(e.bandTop(band), SizeSanhao)
		if i == 0 {
			gs, _ := e.single(runes(b.Label, Heiti), body16)
			e.emit(shift(gs, b.LabelX), SizeSanhao, y, Black, b.Part, 1)
		}
		e.emit(l, SizeSanhao, y, Black, b.Part, 2)
	}
	return nil
}

// TableBlock is a ruled table (see Table).
type TableBlock struct{ Table Table }

func (b TableBlock) place(e *engine) error { return e.table(b.Table) }

// Cut is a dashed cut line across the 版心 in the middle of the next grid
// line (the 回执 is cut off along it).
type Cut struct{}

func (Cut) place(e *engine) error {
	if e.line == 0 || e.line >= e.nLines {
		return nil // at the top of a page there is nothing to cut off
	}
	band := e.nextLine()
	y := e.bandTop(band) + e.pitch/2
	p := e.page()
	const dash, gap = 2.0, 1.5
	for x := Left; x < Right-eps; x += dash + gap {
		p.Rules = append(p.Rules, Rule{X1: x, Y1: y, X2: min(x+dash, Right), Y2: y, Width: 0.25, Colour: Black})
	}
	return nil
}

// Keep sets its blocks together: on the rest of the current page when they
// fit there, else from the top of a new page.
type Keep struct{ Blocks []Block }

func (b Keep) place(e *engine) error {
	pages, line, missing := len(e.pages), e.line, len(e.rep.Missing)
	runs, rules := len(e.page().Runs), len(e.page().Rules)
	for _, x := range b.Blocks {
		if err := x.place(e); err != nil {
			return err
		}
	}
	if len(e.pages) == pages || line == 0 {
		return nil
	}
	e.pages = e.pages[:pages]
	p := e.page()
	p.Runs, p.Rules = p.Runs[:runs], p.Rules[:rules]
	e.rep.Missing = e.rep.Missing[:missing]
	e.newPage()
	for _, x := range b.Blocks {
		if err := x.place(e); err != nil {
			return err
		}
	}
	return nil
}

// PageBreak starts a new page unless the current one is still empty.
type PageBreak struct{}

func (PageBreak) place(e *engine) error {
	if e.line > 0 {
		e.newPage()
	}
	return nil
}
