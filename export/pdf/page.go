package pdf

import (
	"bytes"
	"strconv"
)

// Page is the content of one page. Its methods take mm from the top left
// corner, y down, and write PDF operators in pt from the bottom left.
type Page struct {
	h   float64 // page height, mm
	buf bytes.Buffer
	num []byte // scratch for numbers

	inText    bool
	font      *Font
	size      float64
	mode      int
	fill      [3]int
	stroke    [3]int
	fillSet   bool
	strokeSet bool
	lineWidth float64
	cx, cy    float64 // the current point of a path, mm
}

// n writes v with two decimals (as pt) and a space.
func (p *Page) n(v float64) {
	if v > -0.005 && v < 0.005 {
		v = 0 // no "-0.00"
	}
	p.num = strconv.AppendFloat(p.num[:0], v, 'f', 2, 64)
	p.buf.Write(p.num)
	p.buf.WriteByte(' ')
}

// xy writes a point in mm as pt from the bottom left.
func (p *Page) xy(x, y float64) {
	p.n(x * k)
	p.n((p.h - y) * k)
}

func (p *Page) op(s string) {
	p.buf.WriteString(s)
	p.buf.WriteByte('\n')
}

// endText closes an open text object before other drawing.
func (p *Page) endText() {
	if p.inText {
		p.op("ET")
		p.inText = false
	}
}

// SetFill sets the colour of fills and of text.
func (p *Page) SetFill(r, g, b int) {
	if p.fillSet && p.fill == [3]int{r, g, b} {
		return
	}
	p.fill, p.fillSet = [3]int{r, g, b}, true
	p.colour(p.fill)
	p.op("rg")
}

// SetStroke sets the colour of lines and outlines.
func (p *Page) SetStroke(r, g, b int) {
	if p.strokeSet && p.stroke == [3]int{r, g, b} {
		return
	}
	p.stroke, p.strokeSet = [3]int{r, g, b}, true
	p.colour(p.stroke)
	p.op("RG")
}

func (p *Page) colour(c [3]int) {
	for _, v := range c {
		p.num = strconv.AppendFloat(p.num[:0], float64(v)/255, 'f', 3, 64)
		p.buf.Write(p.num)
		p.buf.WriteByte(' ')
	}
}

// SetLineWidth sets the width of lines and outlines in mm.
func (p *Page) SetLineWidth(mm float64) {
	if p.lineWidth == mm {
		return
	}
	p.lineWidth = mm
	p.n(mm * k)
	p.op("w")
}

// Line strokes a line.
func (p *Page) Line(x1, y1, x2, y2 float64) {
	p.endText()
	p.xy(x1, y1)
	p.buf.WriteString("m ")
	p.xy(x2, y2)
	p.op("l S")
}

// Rect fills (fill) or strokes a rectangle whose top left corner is x, y.
func (p *Page) Rect(x, y, w, h float64, fill bool) {
	p.endText()
	p.xy(x, y)
	p.n(w * k)
	p.n(-h * k)
	if fill {
		p.op("re f")
	} else {
		p.op("re S")
	}
}

// Text render modes.
const (
	Fill       = 0
	FillStroke = 2
	Invisible  = 3
)

// Glyph sets glyph gid of f at size pt with its origin at x, y, widened by
// scaleX (1 for none), in render mode mode.
func (p *Page) Glyph(f *Font, size float64, gid uint16, x, y, scaleX float64, mode int) {
	if !p.inText {
		p.op("BT")
		p.inText = true
	}
	if f != p.font || size != p.size {
		p.font, p.size = f, size
		p.buf.WriteString("/" + f.res + " ")
		p.n(size)
		p.op("Tf")
	}
	if mode != p.mode {
		p.mode = mode
		p.op(strconv.Itoa(mode) + " Tr")
	}
	if scaleX == 1 {
		p.buf.WriteString("1 0 0 1 ")
	} else {
		p.num = strconv.AppendFloat(p.num[:0], scaleX, 'f', 4, 64)
		p.buf.Write(p.num)
		p.buf.WriteString(" 0 0 1 ")
	}
	p.xy(x, y)
	p.buf.WriteString("Tm <")
	p.num = appendHex4(p.num[:0], gid)
	p.buf.Write(p.num)
	p.op("> Tj")
}

// MoveTo starts a path at x, y.
func (p *Page) MoveTo(x, y float64) {
	p.endText()
	p.xy(x, y)
	p.op("m")
	p.cx, p.cy = x, y
}

// LineTo adds a straight segment.
func (p *Page) LineTo(x, y float64) {
	p.xy(x, y)
	p.op("l")
	p.cx, p.cy = x, y
}

// QuadTo adds a quadratic Bézier segment (as the cubic it equals).
func (p *Page) QuadTo(x1, y1, x, y float64) {
	p.CubeTo(p.cx+2*(x1-p.cx)/3, p.cy+2*(y1-p.cy)/3, x+2*(x1-x)/3, y+2*(y1-y)/3, x, y)
}

// CubeTo adds a cubic Bézier segment.
func (p *Page) CubeTo(x1, y1, x2, y2, x, y float64) {
	p.xy(x1, y1)
	p.xy(x2, y2)
	p.xy(x, y)
	p.op("c")
	p.cx, p.cy = x, y
}

// ClosePath closes the current subpath.
func (p *Page) ClosePath() { p.op("h") }

// FillPath fills the path (nonzero winding), and strokes it too with stroke.
func (p *Page) FillPath(stroke bool) {
	if stroke {
		p.op("B")
	} else {
		p.op("f")
	}
}

// BeginSpan starts a marked-content span whose text, for extraction and
// copying, is actual instead of what it draws.
func (p *Page) BeginSpan(actual string) {
	p.endText()
	p.op("/Span <</ActualText <FEFF" + UTF16Hex(actual) + ">>> BDC")
}

// EndSpan ends the span BeginSpan started.
func (p *Page) EndSpan() {
	p.endText()
	p.op("EMC")
}
