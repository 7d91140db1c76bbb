package layout

import (
	"fmt"
	"strings"
)

// The 版心 (type area) of LAYOUT.md, in mm.
const (
	Left   = 28.0
	Right  = 184.0
	Top    = 37.0
	Bottom = 262.0
	Width  = Right - Left
	Height = Bottom - Top
	// PageW and PageH are the A4 paper size.
	PageW = 210.0
	PageH = 297.0
	// Cell is the character pitch of the 28-character grid.
	Cell = Width / 28
	// DefaultPitch is the line pitch of the 22-line grid.
	DefaultPitch = Height / 22
	// A pitch may overrun the 版心 by 5% of a line (29 pt × 22 = 225.07 mm)
	// before a page holds one line less; glyphs are centred in their bands.
	// ascent is where the baseline sits in the ideographic em box.
	ascent = 0.88
)

// Sizes in pt (号).
const (
	SizeErhao  = 22.0 // 二号
	SizeSanhao = 16.0 // 三号
	SizeSihao  = 14.0 // 四号
)

// Options are the template settings of the layout. The zero value is the
// default template.
type Options struct {
	LinePitch     float64 // pt; 0 means 225/22 mm. 27–30 pt are accepted.
	Red           Colour  // the 报头 red; the zero value means 255,0,0
	NameSize      float64 // 刊名 size in pt; 0 means 48
	NameOffset    float64 // mm from the 版心 top to the top of the 刊名; 0 means 20
	NoPageNumbers bool
	Cover         bool // add the 阅批单 as the first sheet
	// SingleSided sets the bulletin for 单面印刷: the 报尾 follows the body
	// directly. By default (双面印刷) it sits on the last even face, and the
	// 阅批单 gets a blank back.
	SingleSided bool
}

func (o Options) normalised() (Options, float64, error) {
	pitch := DefaultPitch
	if o.LinePitch != 0 {
		if o.LinePitch < 27 || o.LinePitch > 30 {
			return o, 0, fmt.Errorf("行距 %.2f 磅超出范围（应在 27–30 磅之间，如 28、28.95、29、29.45）", o.LinePitch)
		}
		pitch = o.LinePitch * 25.4 / 72
	}
	if o.Red == (Colour{}) {
		o.Red = Red
	}
	if o.NameSize == 0 {
		o.NameSize = 48
	}
	if o.NameSize < 10 || o.NameSize > 100 {
		return o, 0, fmt.Errorf("刊名字号 %.1f 磅超出范围（10–100 磅）", o.NameSize)
	}
	if o.NameOffset == 0 {
		o.NameOffset = 20
	}
	if o.NameOffset < 0 || o.NameOffset > 100 {
		return o, 0, fmt.Errorf("刊名位置 %.1f 毫米超出范围（0–100 毫米）", o.NameOffset)
	}
	return o, pitch, nil
}

// Content is the text of a bulletin as the layout needs it, already formatted
// (期号 line, date in Chinese).
type Content struct {
	Name, Marking, Issue, Unit, Date string
	Title, EditorNote, Body          string
	Bao, Song, Fa                    string
	Copies                           int
	Signer, Editor                   string
}

// engine holds the state of one layout: the pages made so far and the next
// free grid line on the last one.
type engine struct {
	m      Metrics
	o      Options
	c      *Content
	pitch  float64
	nLines int
	pages  []Page
	line   int
	rep    Report
	// unnumbered holds the pages that carry no page number: a blank page
	// before the 报尾 and the 报尾 page after it.
	unnumbered map[int]bool
}

// Layout places a bulletin on pages. The result is deterministic and depends only
// on the content, the metrics and the options.
func Layout(c *Content, m Metrics, o Options) ([]Page, *Report, error) {
	o, pitch, err := o.normalised()
	if err != nil {
		return nil, nil, err
	}
	e := &engine{m: m, o: o, c: c, pitch: pitch, nLines: int(Height/pitch + 0.05), unnumbered: map[int]bool{}}
	e.newPage()
	e.head()
	e.title()
	e.note()
	e.body()
	e.tail()
	e.pageNumbers()
	pages := e.pages
	if o.Cover {
		// 双面印刷: the 阅批单's back stays blank, so that the red 报头
		// does not print behind it.
		front := []Page{e.cover()}
		if !o.SingleSided {
			front = append(front, Page{})
		}
		pages = append(front, pages...)
		for i := range e.rep.Missing {
			if e.rep.Missing[i].Part != PartCover {
				e.rep.Missing[i].Page += len(front)
			}
		}
	}
	return pages, &e.rep, nil
}

func (e *engine) newPage() {
	e.pages = append(e.pages, Page{})
	e.line = 0
}

func (e *engine) page() *Page { return &e.pages[len(e.pages)-1] }

// bandTop is the top of grid line i.
func (e *engine) bandTop(i int) float64 { return Top + float64(i)*e.pitch }

// baseline centres an em box of size pt in the band starting at top.
func (e *engine) baseline(top, size float64) float64 {
	em := size * 25.4 / 72
	return top + (e.pitch-em)/2 + ascent*em
}

// runes turns a paragraph into styled runes, dropping control characters but
// keeping the source index of each rune. Leading spaces are dropped: the layout
// makes the indent.
func runes(p string, role Role) []srune {
	var out []srune
	i := 0
	for _, r := range p {
		i++
		if dropped(r) || (len(out) == 0 && (isSpace(r) || r == '\u3000')) {
			continue
		}
		if r == '\t' {
			r = ' '
		}
		out = append(out, srune{r: r, role: role, idx: i})
	}
	return out
}

// paragraphs splits text into lines, normalising line ends.
func paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	return strings.Split(text, "\n")
}

// emit adds glyphs as runs on the current page, one run per role, and reports
// the glyphs no font has.
func (e *engine) emit(gs []pglyph, size, y float64, col Colour, part Part, para int) {
	p := e.page()
	for i := 0; i < len(gs); {
		j := i
		for j < len(gs) && gs[j].role == gs[i].role {
			j++
		}
		run := Run{Role: gs[i].role, Size: size, Y: y, Colour: col, ScaleX: 1}
		for _, g := range gs[i:j] {
			run.Glyphs = append(run.Glyphs, g.Glyph)
			if g.Font == nil {
				e.rep.Missing = append(e.rep.Missing, Missing{Part: part, Para: para, Index: g.idx, R: g.R, Page: len(e.pages)})
			}
		}
		p.Runs = append(p.Runs, run)
		i = j
	}
}

// rule adds a horizontal rule across the 版心 on the current page.
func (e *engine) rule(y, w float64, col Colour) {
	p := e.page()
	p.Rules = append(p.Rules, Rule{X1: Left, Y1: y, X2: Right, Y2: y, Width: w, Colour: col})
}

// nextLine returns the next free grid line, starting a page when full.
func (e *engine) nextLine() int {
	if e.line >= e.nLines {
		e.newPage()
	}
	e.line++
	return e.line - 1
}

// skip leaves n grid lines blank, except at the top of a page.
func (e *engine) skip(n int) {
	if e.line > 0 {
		e.line = min(e.line+n, e.nLines)
	}
}
