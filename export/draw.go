package export

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"bulletin/export/fonts"
	"bulletin/export/layout"
)

// mmPerPt converts font sizes to page units.
const mmPerPt = 25.4 / 72

// draw writes laid-out pages as a PDF. Every glyph is placed by its own Text
// call at the position the layout chose (fpdf's wrapping cells drop CJK
// characters); runes above U+FFFF are painted from their outlines because fpdf
// cannot take them as text, and runes no font has become a placeholder box.
func draw(w io.Writer, pages []layout.Page, created time.Time) error {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetProducer("bulletin", false)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	ft := registerFonts(pdf, pages)
	for _, p := range pages {
		pdf.AddPage()
		for _, r := range p.Rules {
			drawRule(pdf, r)
		}
		for _, r := range p.Runs {
			drawRun(pdf, r, ft)
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	ft.rename(buf.Bytes())
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}

// face returns the fonts.Face of a glyph, nil for a placeholder.
func face(g layout.Glyph) *fonts.Face {
	f, _ := g.Font.(*fonts.Face)
	return f
}

// registerFonts adds each face used as text to the PDF once, in ID order.
// fpdf embeds only the glyphs used (subset). It returns the families the
// faces are registered under and the face for the invisible text under
// outline glyphs.
func registerFonts(pdf *fpdf.Fpdf, pages []layout.Page) *fontTable {
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
	ft := &fontTable{family: map[string]string{}}
	// The faces are cut down side by side, and fpdf takes each in order as
	// soon as it is cut (its own work on a font, a few times the cut's, is
	// one after the other).
	cut := make([]chan []byte, len(ids))
	for i, id := range ids {
		cut[i] = make(chan []byte, 1)
		go func() { cut[i] <- subsetData(used[id], runes[id]) }()
	}
	for i, id := range ids {
		fam, name := pdfFontName(i, used[id], runes[id])
		ft.family[id] = fam
		ft.names = append(ft.names, [2]string{"/utf8" + fam, "/" + name})
		pdf.AddUTF8FontFromBytes(fam, "", <-cut[i])
	}
	for _, id := range ids {
		if used[id].Has('\u3000') {
			ft.hidden = ft.family[id]
			break
		}
	}
	return ft
}

// subsetData returns the face cut down to the runes used, or the whole face
// when it cannot be cut (fpdf then subsets it itself, only slower).
func subsetData(f *fonts.Face, used map[rune]bool) []byte {
	t, err := parsedTTF(f.ID, f.Data())
	if err != nil {
		return f.Data()
	}
	rs := make([]rune, 0, len(used))
	for r := range used {
		rs = append(rs, r)
	}
	data, _ := t.Subset(rs, f.GlyphIndex)
	return data
}

func drawRule(pdf *fpdf.Fpdf, r layout.Rule) {
	pdf.SetDrawColor(r.Colour.R, r.Colour.G, r.Colour.B)
	pdf.SetLineWidth(r.Width)
	pdf.Line(r.X1, r.Y1, r.X2, r.Y2)
}

// drawRun places the glyphs of one run.
func drawRun(pdf *fpdf.Fpdf, r layout.Run, ft *fontTable) {
	c := r.Colour
	pdf.SetTextColor(c.R, c.G, c.B)
	pdf.SetFillColor(c.R, c.G, c.B)
	pdf.SetDrawColor(c.R, c.G, c.B)
	scale := r.ScaleX
	if scale == 0 {
		scale = 1
	}
	for _, g := range r.Glyphs {
		f := face(g)
		switch {
		case f == nil:
			placeholder(pdf, g, r)
		case g.R > 0xFFFF:
			outline(pdf, f, g, r, scale, ft.hidden)
		case g.Hidden || g.DashW > 0:
			invisibleText(pdf, ft.family[f.ID], g, r, scale)
			if g.DashW > 0 {
				dash(pdf, f, g, r, scale)
			}
		default:
			pdf.SetFont(ft.family[f.ID], "", r.Size)
			if scale != 1 {
				pdf.TransformBegin()
				pdf.TransformScale(scale*100, 100, g.X, r.Y)
			}
			if g.Embolden {
				pdf.SetLineWidth(emboldenStroke * r.Size * mmPerPt)
				pdf.SetTextRenderingMode(2)
			}
			pdf.Text(g.X, r.Y, string(g.R))
			if g.Embolden {
				pdf.SetTextRenderingMode(0)
			}
			if scale != 1 {
				pdf.TransformEnd()
			}
		}
	}
}

// emboldenStroke is the outline stroke, in em, that thickens a regular
// glyph to about the weight of a bold one beside it (fill and stroke).
const emboldenStroke = 0.035

// invisibleText writes the glyph's character in text render mode 3 (no
// ink), so that text extraction still finds it where it is drawn otherwise.
func invisibleText(pdf *fpdf.Fpdf, family string, g layout.Glyph, r layout.Run, scale float64) {
	pdf.SetFont(family, "", r.Size)
	pdf.SetTextRenderingMode(3)
	if scale != 1 {
		pdf.TransformBegin()
		pdf.TransformScale(scale*100, 100, g.X, r.Y)
	}
	pdf.Text(g.X, r.Y, string(g.R))
	if scale != 1 {
		pdf.TransformEnd()
	}
	pdf.SetTextRenderingMode(0)
}

// dash paints a glyph as one unbroken bar g.DashW long from g.X, at
// the height and thickness of the font's own dash (its outline's ink), so
// that a 破折号 has no notch and a 一字线 is one character long.
func dash(pdf *fpdf.Fpdf, f *fonts.Face, g layout.Glyph, r layout.Run, scale float64) {
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
	pdf.Rect(g.X, r.Y+top*em, g.DashW*scale, (bottom-top)*em, "F")
}

// placeholder draws a box in the glyph's cell for a rune no font has.
func placeholder(pdf *fpdf.Fpdf, g layout.Glyph, r layout.Run) {
	em := r.Size * mmPerPt
	w := g.W * 0.8
	pdf.SetLineWidth(0.2)
	pdf.Rect(g.X+(g.W-w)/2, r.Y-0.8*em, w, 0.9*em, "D")
}

// outline paints a glyph from its outline, as fpdf cannot write runes above
// U+FFFF as text. A marked-content span carries the rune as ActualText over an
// invisible ideographic space in the hidden face, so that text extraction
// (pdftotext, copy and paste) still returns the rune at its place.
func outline(pdf *fpdf.Fpdf, f *fonts.Face, g layout.Glyph, r layout.Run, scale float64, hidden string) {
	path, ok := f.Outline(g.R)
	if !ok {
		placeholder(pdf, g, r)
		return
	}
	em := r.Size * mmPerPt
	pt := func(p fonts.Point) (float64, float64) { return g.X + p.X*em*scale, r.Y + p.Y*em }
	pdf.RawWriteStr(fmt.Sprintf("/Span <</ActualText <FEFF%s>>> BDC\n", utf16Hex(g.R)))
	if hidden != "" {
		pdf.SetFont(hidden, "", r.Size)
		pdf.SetTextRenderingMode(3)
		pdf.Text(g.X, r.Y, "\u3000")
		pdf.SetTextRenderingMode(0)
	}
	drawn := false
	for _, s := range path {
		x, y := pt(s.Pts[0])
		switch s.Op {
		case fonts.MoveTo:
			pdf.MoveTo(x, y)
			drawn = true
		case fonts.LineTo:
			pdf.LineTo(x, y)
		case fonts.QuadTo:
			x2, y2 := pt(s.Pts[1])
			pdf.CurveTo(x, y, x2, y2)
		case fonts.CubeTo:
			x2, y2 := pt(s.Pts[1])
			x3, y3 := pt(s.Pts[2])
			pdf.CurveBezierCubicTo(x, y, x2, y2, x3, y3)
		case fonts.Close:
			pdf.ClosePath()
		}
	}
	if drawn && g.Embolden {
		pdf.SetLineWidth(emboldenStroke * em)
		pdf.DrawPath("FD")
	} else if drawn {
		pdf.DrawPath("f")
	}
	pdf.RawWriteStr("EMC\n")
}

// utf16Hex returns r in UTF-16BE as hex digits.
func utf16Hex(r rune) string {
	var b strings.Builder
	for _, u := range []rune{r} {
		if u > 0xFFFF {
			u -= 0x10000
			fmt.Fprintf(&b, "%04X%04X", 0xD800+(u>>10), 0xDC00+(u&0x3FF))
		} else {
			fmt.Fprintf(&b, "%04X", u)
		}
	}
	return b.String()
}
