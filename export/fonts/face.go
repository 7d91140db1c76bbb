package fonts

import (
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Face is one loaded TrueType face.
type Face struct {
	ID       string // short unique ASCII id, usable as an fpdf font family name
	Name     string // display name: file name (with #N for a collection face) or the assets *Name constant
	Path     string // file path; "" for embedded
	Embedded bool

	data    []byte // standalone TrueType bytes (extracted when from a .ttc)
	font    *sfnt.Font
	upem    float64
	ascent  float64
	descent float64
	cmap4   bool // has the format 4 cmap fpdf reads

	pdfOnce sync.Once // the fpdf trial run, done on first need
	pdfErr  error

	weightCache

	mu     sync.Mutex // guards buf and glyphs: sfnt.Buffer is not safe for concurrent use
	buf    sfnt.Buffer
	glyphs map[rune]glyph
}

// glyph is the cached lookup result for one rune.
type glyph struct {
	index   sfnt.GlyphIndex
	advance float64 // em
}

// newFace wraps parsed TrueType bytes and reads the vertical metrics.
func newFace(data []byte, f *sfnt.Font) *Face {
	fc := &Face{data: data, font: f, glyphs: make(map[rune]glyph)}
	fc.upem = float64(f.UnitsPerEm())
	if fc.upem <= 0 {
		fc.upem = 1000
	}
	m, err := f.Metrics(&fc.buf, fixed.I(int(fc.upem)), font.HintingNone)
	if err == nil {
		fc.ascent = fromFixed(m.Ascent, fc.upem)
		fc.descent = fromFixed(m.Descent, fc.upem)
	}
	if fc.ascent <= 0 {
		fc.ascent, fc.descent = 0.88, 0.12
	}
	return fc
}

// fromFixed converts a 26.6 value measured at ppem = unitsPerEm to em.
func fromFixed(v fixed.Int26_6, upem float64) float64 {
	return float64(v) / 64 / upem
}

// Data returns the TrueType bytes fpdf can read (AddUTF8FontFromBytes). The
// slice is shared: do not modify it.
func (f *Face) Data() []byte { return f.data }

// PDFText reports whether fpdf can take this face's runes up to U+FFFF as
// text. It is always true for faces from Load and Embedded; a system fallback
// face without it (one lacking the cmap fpdf reads, or failing the fpdf
// trial run) still gives outlines for runes above U+FFFF.
func (f *Face) PDFText() bool { return f.checkPDF() == nil }

// checkPDF runs the fpdf trial run once and returns its result.
func (f *Face) checkPDF() error {
	f.pdfOnce.Do(func() {
		if !f.cmap4 {
			f.pdfErr = ErrNoCmap
			return
		}
		known := verdictPath(f.data) // the same bytes passed in an earlier run
		if passedBefore(known) {
			return
		}
		trialRuns.Add(1)
		f.pdfErr = pdfCheck(f)
		if f.pdfErr == nil {
			rememberPassed(known)
		}
	})
	return f.pdfErr
}

// markChecked records that the face passed the fpdf trial run elsewhere (the
// embedded faces are checked by the tests).
func (f *Face) markChecked() { f.pdfOnce.Do(func() {}) }

// lookup returns the cached glyph for r (index 0 when missing).
func (f *Face) lookup(r rune) glyph {
	if f == nil || f.font == nil {
		return glyph{}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if g, ok := f.glyphs[r]; ok {
		return g
	}
	var g glyph
	idx, err := f.font.GlyphIndex(&f.buf, r)
	if err == nil && idx != 0 {
		adv, err := f.font.GlyphAdvance(&f.buf, idx, fixed.I(int(f.upem)), font.HintingNone)
		if err == nil {
			g = glyph{index: idx, advance: fromFixed(adv, f.upem)}
		}
	}
	f.glyphs[r] = g
	return g
}

// Has reports whether the face has a glyph for r.
func (f *Face) Has(r rune) bool { return f.lookup(r).index != 0 }

// GlyphIndex returns the number of r's glyph in Data, 0 when the face has
// none. It is cached with Has and Advance, so a subsetter asking for the runes
// a layout measured parses nothing again.
func (f *Face) GlyphIndex(r rune) int { return int(f.lookup(r).index) }

// Advance returns the advance width of r in em (1.0 = font size); 0 when the
// face has no glyph for r.
func (f *Face) Advance(r rune) float64 { return f.lookup(r).advance }

// Ascent returns the ascent above the baseline in em.
func (f *Face) Ascent() float64 { return f.ascent }

// Descent returns the descent below the baseline in em, as a positive number.
func (f *Face) Descent() float64 { return f.descent }

// SegOp is the kind of a path segment.
type SegOp int

// Path segment kinds. MoveTo and LineTo use Pts[0]; QuadTo uses Pts[0] (control)
// and Pts[1]; CubeTo uses all three; Close uses none.
const (
	MoveTo SegOp = iota
	LineTo
	QuadTo
	CubeTo
	Close
)

// Point is a point in em units, y pointing down.
type Point struct{ X, Y float64 }

// Segment is one drawing step of a glyph outline.
type Segment struct {
	Op  SegOp
	Pts [3]Point
}

// Path is a glyph outline.
type Path []Segment

// Outline returns the outline of r in em units, y pointing down, origin at the
// start of the baseline. It lets the drawer paint runes above U+FFFF that fpdf
// cannot take as text. Each contour ends with Close. ok is false when the face
// has no glyph for r.
func (f *Face) Outline(r rune) (Path, bool) {
	g := f.lookup(r)
	if g.index == 0 {
		return nil, false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	segs, err := f.font.LoadGlyph(&f.buf, g.index, fixed.I(int(f.upem)), nil)
	if err != nil {
		return nil, false
	}
	pt := func(p fixed.Point26_6) Point {
		return Point{fromFixed(p.X, f.upem), fromFixed(p.Y, f.upem)}
	}
	path := make(Path, 0, len(segs)+8)
	open := false
	for _, s := range segs {
		var seg Segment
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			if open {
				path = append(path, Segment{Op: Close})
			}
			open = true
			seg = Segment{Op: MoveTo, Pts: [3]Point{pt(s.Args[0])}}
		case sfnt.SegmentOpLineTo:
			seg = Segment{Op: LineTo, Pts: [3]Point{pt(s.Args[0])}}
		case sfnt.SegmentOpQuadTo:
			seg = Segment{Op: QuadTo, Pts: [3]Point{pt(s.Args[0]), pt(s.Args[1])}}
		case sfnt.SegmentOpCubeTo:
			seg = Segment{Op: CubeTo, Pts: [3]Point{pt(s.Args[0]), pt(s.Args[1]), pt(s.Args[2])}}
		}
		path = append(path, seg)
	}
	if open {
		path = append(path, Segment{Op: Close})
	}
	return path, true
}
