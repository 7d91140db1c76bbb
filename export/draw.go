package export

import (
	"fmt"
	"io"
	"math"
	"sort"
	"sync"
	"time"

	"bulletin/export/fonts"
	"bulletin/export/layout"
	"bulletin/export/pdf"
)

// mmPerPt converts font sizes to page units.
const mmPerPt = 25.4 / 72

// draw writes laid-out pages as a PDF. Every glyph is placed by itself at the
// position the layout chose; runes above U+FFFF are painted from their
// outlines (a glyph code of the subset's cmap is 16 bits), and runes no font
// has become a placeholder box.
func draw(w io.Writer, pages []layout.Page, created time.Time) error {
	doc := pdf.New(layout.PageW, layout.PageH)
	doc.Created, doc.Producer = created, "bulletin"
	ft, err := registerFonts(doc, pages)
	if err != nil {
		return err
	}
	for _, p := range pages {
		pg := doc.AddPage()
		for _, r := range p.Rules {
			drawRule(pg, r)
		}
		for _, r := range p.Runs {
			drawRun(pg, r, ft)
		}
	}
	if _, err := doc.WriteTo(w); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}

// face returns the fonts.Face of a glyph, nil for a placeholder.
func face(g layout.Glyph) *fonts.Face {
	f, _ := g.Font.(*fonts.Face)
	return f
}

// registerFonts cuts down each face used as text to the runes it prints
// (side by side) and adds them to the document in ID order. It returns the
// fonts by face ID and the face for the invisible text under outline glyphs.
func registerFonts(doc *pdf.Doc, pages []layout.Page) (*fontTable, error) {
	used := make(map[string]*fonts.Face)
	runes := make(map[string]map[rune]bool)
	for _, p := range pages {
		for _, r := range p.Runs {
			for _, g := range r.Glyphs {
				if f := face(g); f != nil && g.R <= 0xFFFF {
					used[f.ID] = f
					if runes[f.ID] == nil {
						runes[f.ID] = map[rune]bool{'\u3000': true}
					}
					runes[f.ID][g.R] = true
				}
			}
		}
	}
	ids := make([]string, 0, len(used))
	for id := range used {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	ft := &fontTable{fonts: map[string]*pdfFont{}}
	cut := make([]*pdfFont, len(ids))
	errs := make([]error, len(ids))
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Go(func() { cut[i], errs[i] = newPDFFont(used[id], runes[id]) })
	}
	wg.Wait()
	for i, id := range ids {
		if errs[i] != nil {
			return nil, errs[i]
		}
		doc.AddFont(cut[i].pdf)
		ft.fonts[id] = cut[i]
	}
	for _, id := range ids {
		if used[id].Has('\u3000') {
			ft.hidden = ft.fonts[id]
			break
		}
	}
	return ft, nil
}

// newPDFFont cuts the face down to the runes used and names it.
func newPDFFont(f *fonts.Face, used map[rune]bool) (*pdfFont, error) {
	t, err := parsedTTF(f.ID, f.Data())
	if err != nil {
		return nil, fmt.Errorf("字体 %s 无法嵌入：%w", f.Name, err)
	}
	rs := make([]rune, 0, len(used))
	for r := range used {
		rs = append(rs, r)
	}
	pf, cmap, err := pdf.CutFont(pdfFontName(f, used), t, rs, f.GlyphIndex)
	if err != nil {
		return nil, fmt.Errorf("字体 %s 无法嵌入：%w", f.Name, err)
	}
	return &pdfFont{pdf: pf, glyph: cmap}, nil
}

func drawRule(pg *pdf.Page, r layout.Rule) {
	pg.SetStroke(r.Colour.R, r.Colour.G, r.Colour.B)
	pg.SetLineWidth(r.Width)
	pg.Line(r.X1, r.Y1, r.X2, r.Y2)
}

// drawRun places the glyphs of one run.
func drawRun(pg *pdf.Page, r layout.Run, ft *fontTable) {
	c := r.Colour
	pg.SetFill(c.R, c.G, c.B)
	pg.SetStroke(c.R, c.G, c.B)
	scale := r.ScaleX
	if scale == 0 {
		scale = 1
	}
	for _, g := range r.Glyphs {
		f := face(g)
		switch {
		case f == nil:
			placeholder(pg, g, r)
		case g.R > 0xFFFF:
			outline(pg, f, g, r, scale, ft.hidden)
		case g.Hidden || g.DashW > 0:
			ft.text(pg, f, g, r, scale, pdf.Invisible)
			if g.DashW > 0 {
				dash(pg, f, g, r, scale)
			}
		case g.Embolden:
			pg.SetLineWidth(emboldenStroke * r.Size * mmPerPt)
			ft.text(pg, f, g, r, scale, pdf.FillStroke)
		default:
			ft.text(pg, f, g, r, scale, pdf.Fill)
		}
	}
}

// emboldenStroke is the outline stroke, in em, that thickens a regular
// glyph to about the weight of a bold one beside it (fill and stroke).
const emboldenStroke = 0.035

// dash paints a glyph as one unbroken bar g.DashW long from g.X, at
// the height and thickness of the font's own dash (its outline's ink), so
// that a 破折号 has no notch and a 一字线 is one character long.
func dash(pg *pdf.Page, f *fonts.Face, g layout.Glyph, r layout.Run, scale float64) {
	em := r.Size * mmPerPt
	top, bottom := -0.40, -0.35 // em, y down: used when the outline cannot be read
	if path, ok := f.Outline(g.R); ok && len(path) > 0 {
		top, bottom = math.Inf(1), math.Inf(-1)
		for _, s := range path {
			if s.Op != fonts.Close {
				top, bottom = math.Min(top, s.Pts[0].Y), math.Max(bottom, s.Pts[0].Y)
			}
		}
	}
	pg.Rect(g.X, r.Y+top*em, g.DashW*scale, (bottom-top)*em, true)
}

// placeholder draws a box in the glyph's cell for a rune no font has.
func placeholder(pg *pdf.Page, g layout.Glyph, r layout.Run) {
	em := r.Size * mmPerPt
	w := g.W * 0.8
	pg.SetLineWidth(0.2)
	pg.Rect(g.X+(g.W-w)/2, r.Y-0.8*em, w, 0.9*em, false)
}

// outline paints a glyph from its outline, as a glyph code of the subset
// reaches U+FFFF only. A marked-content span carries the rune as ActualText
// over an invisible ideographic space in the hidden face, so that text
// extraction (pdftotext, copy and paste) still returns the rune at its place.
func outline(pg *pdf.Page, f *fonts.Face, g layout.Glyph, r layout.Run, scale float64, hidden *pdfFont) {
	path, ok := f.Outline(g.R)
	if !ok {
		placeholder(pg, g, r)
		return
	}
	em := r.Size * mmPerPt
	pt := func(p fonts.Point) (float64, float64) { return g.X + p.X*em*scale, r.Y + p.Y*em }
	pg.BeginSpan(string(g.R))
	if hidden != nil {
		pg.Glyph(hidden.pdf, r.Size, uint16(hidden.glyph['\u3000']), g.X, r.Y, 1, pdf.Invisible)
	}
	drawn := false
	for _, s := range path {
		x, y := pt(s.Pts[0])
		switch s.Op {
		case fonts.MoveTo:
			pg.MoveTo(x, y)
			drawn = true
		case fonts.LineTo:
			pg.LineTo(x, y)
		case fonts.QuadTo:
			x2, y2 := pt(s.Pts[1])
			pg.QuadTo(x, y, x2, y2)
		case fonts.CubeTo:
			x2, y2 := pt(s.Pts[1])
			x3, y3 := pt(s.Pts[2])
			pg.CubeTo(x, y, x2, y2, x3, y3)
		case fonts.Close:
			pg.ClosePath()
		}
	}
	if drawn && g.Embolden {
		pg.SetLineWidth(emboldenStroke * em)
		pg.FillPath(true)
	} else if drawn {
		pg.FillPath(false)
	}
	pg.EndSpan()
}
