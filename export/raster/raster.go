// Package raster draws laid-out pages ([]layout.Page, the value the PDF
// writer draws) into images for the on-screen preview: every glyph from its
// outline in the same font file the PDF embeds, every rule and box at its
// place, so that what the screen shows is what prints.
//
// It draws only what a page holds (runs of glyphs, rules), so any document
// the layout produces previews without code of its own. A Drawer keeps a
// cache of rasterised glyphs, bounded in size; it is safe for use by one
// goroutine at a time per Drawer (the preview draws its pages one by one).
package raster

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"

	"bulletin/export/fonts"
	"bulletin/export/layout"
)

// Paper is the size of the pages in mm (A4).
const (
	PaperW = 210.0
	PaperH = 297.0
)

const mmPerPt = 25.4 / 72

// emboldenStroke matches the PDF drawer: the outline stroke, in em, that
// thickens a regular glyph borrowed by a bold role.
const emboldenStroke = 0.035

// Size returns the pixel size of a page drawn at scale pixels per mm.
func Size(scale float64) image.Point {
	// Rounded up, as pdftoppm does: the last row or column is partly paper.
	return image.Pt(int(math.Ceil(PaperW*scale-1e-9)), int(math.Ceil(PaperH*scale-1e-9)))
}

// ScaleForDPI is the scale (pixels per mm) of a resolution in dots per inch.
func ScaleForDPI(dpi float64) float64 { return dpi / 25.4 }

// glyphKey identifies one rasterised glyph: the face, the rune, its size in
// 1/64 px, its horizontal scale and the sub-pixel phase of its origin.
type glyphKey struct {
	face     *fonts.Face
	r        rune
	size64   int32
	scale    int32 // ScaleX × 1000
	fx, fy   uint8 // origin phase in quarter pixels
	embolden bool
}

// mask is a rasterised glyph: its coverage and where its top-left corner
// sits relative to the pixel holding the glyph origin.
type mask struct {
	img *image.Alpha
	off image.Point
}

// maxCacheBytes bounds the glyph cache; it is emptied when it grows past it.
const maxCacheBytes = 24 << 20

// Drawer rasterises pages, caching glyph images across pages and redraws.
type Drawer struct {
	cache      map[glyphKey]mask
	cacheBytes int
	ras        vector.Rasterizer
}

// NewDrawer returns a Drawer with an empty glyph cache.
func NewDrawer() *Drawer { return &Drawer{cache: make(map[glyphKey]mask)} }

// CachedGlyphs reports how many glyph images the cache holds (for tests).
func (d *Drawer) CachedGlyphs() int { return len(d.cache) }

// Draw rasterises page p at scale pixels per mm onto a new white image.
func (d *Drawer) Draw(p layout.Page, scale float64) *image.RGBA {
	sz := Size(scale)
	img := image.NewRGBA(image.Rect(0, 0, sz.X, sz.Y))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	d.DrawInto(img, p, scale)
	return img
}

// DrawInto rasterises page p at scale pixels per mm over dst, whose origin is
// the top-left corner of the paper.
func (d *Drawer) DrawInto(dst draw.Image, p layout.Page, scale float64) {
	for _, r := range p.Rules {
		d.rule(dst, r, scale)
	}
	for _, r := range p.Runs {
		d.run(dst, r, scale)
	}
}

func rgba(c layout.Colour) *image.Uniform {
	return image.NewUniform(color.RGBA{uint8(c.R), uint8(c.G), uint8(c.B), 255})
}

// rule paints a line of r.Width mm with butt ends, as the PDF draws it.
func (d *Drawer) rule(dst draw.Image, r layout.Rule, scale float64) {
	dx, dy := r.X2-r.X1, r.Y2-r.Y1
	l := math.Hypot(dx, dy)
	if l == 0 || r.Width <= 0 {
		return
	}
	// The normal, half the width long.
	nx, ny := -dy/l*r.Width/2, dx/l*r.Width/2
	d.polygon(dst, rgba(r.Colour), scale, [][2]float64{
		{r.X1 + nx, r.Y1 + ny}, {r.X2 + nx, r.Y2 + ny}, {r.X2 - nx, r.Y2 - ny}, {r.X1 - nx, r.Y1 - ny},
	})
}

// rect fills a rectangle given in mm.
func (d *Drawer) rect(dst draw.Image, src image.Image, scale, x, y, w, h float64) {
	d.polygon(dst, src, scale, [][2]float64{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}})
}

// polygon fills a convex polygon given in mm, anti-aliased.
func (d *Drawer) polygon(dst draw.Image, src image.Image, scale float64, pts [][2]float64) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pts {
		minX, maxX = math.Min(minX, p[0]*scale), math.Max(maxX, p[0]*scale)
		minY, maxY = math.Min(minY, p[1]*scale), math.Max(maxY, p[1]*scale)
	}
	b := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX)), int(math.Ceil(maxY)))
	b = b.Intersect(dst.Bounds())
	if b.Empty() {
		return
	}
	d.ras.Reset(b.Dx(), b.Dy())
	ox, oy := float64(b.Min.X), float64(b.Min.Y)
	for i, p := range pts {
		x, y := float32(p[0]*scale-ox), float32(p[1]*scale-oy)
		if i == 0 {
			d.ras.MoveTo(x, y)
		} else {
			d.ras.LineTo(x, y)
		}
	}
	d.ras.ClosePath()
	d.ras.Draw(dst, b, src, image.Point{})
}

// run paints the glyphs of one run.
func (d *Drawer) run(dst draw.Image, r layout.Run, scale float64) {
	src := rgba(r.Colour)
	sx := r.ScaleX
	if sx == 0 {
		sx = 1
	}
	em := r.Size * mmPerPt // mm
	for _, g := range r.Glyphs {
		f, _ := g.Font.(*fonts.Face)
		switch {
		case f == nil:
			d.placeholder(dst, src, g, r, scale)
		case g.DashW > 0:
			top, bottom := -0.40, -0.35
			if path, ok := f.Outline(g.R); ok && len(path) > 0 {
				top, bottom = math.Inf(1), math.Inf(-1)
				for _, s := range path {
					if s.Op != fonts.Close {
						top, bottom = math.Min(top, s.Pts[0].Y), math.Max(bottom, s.Pts[0].Y)
					}
				}
			}
			d.rect(dst, src, scale, g.X, r.Y+top*em, g.DashW*sx, (bottom-top)*em)
		case g.Hidden:
		default:
			d.glyph(dst, src, f, g, r, em, sx, scale)
		}
	}
}

// placeholder draws the box the PDF prints for a rune no font has.
func (d *Drawer) placeholder(dst draw.Image, src image.Image, g layout.Glyph, r layout.Run, scale float64) {
	em := r.Size * mmPerPt
	w, h := g.W*0.8, 0.9*em
	x, y := g.X+(g.W-w)/2, r.Y-0.8*em
	const t = 0.2 // line width, centred on the box edge
	d.rect(dst, src, scale, x-t/2, y-t/2, w+t, t)
	d.rect(dst, src, scale, x-t/2, y+h-t/2, w+t, t)
	d.rect(dst, src, scale, x-t/2, y+t/2, t, h-t)
	d.rect(dst, src, scale, x+w-t/2, y+t/2, t, h-t)
}

// glyph paints one glyph from the cache, rasterising it on first use.
func (d *Drawer) glyph(dst draw.Image, src image.Image, f *fonts.Face, g layout.Glyph, r layout.Run, em, sx, scale float64) {
	ox, oy := g.X*scale, r.Y*scale
	ix, iy := math.Floor(ox), math.Floor(oy)
	fx, fy := uint8((ox-ix)*4), uint8((oy-iy)*4)
	emPx := em * scale
	key := glyphKey{face: f, r: g.R, size64: int32(math.Round(emPx * 64)), scale: int32(math.Round(sx * 1000)),
		fx: fx, fy: fy, embolden: g.Embolden}
	m, ok := d.cache[key]
	if !ok {
		m = d.rasterise(f, g.R, emPx, sx, float64(fx)/4, float64(fy)/4, g.Embolden)
		if d.cacheBytes > maxCacheBytes {
			clear(d.cache)
			d.cacheBytes = 0
		}
		d.cache[key] = m
		if m.img != nil {
			d.cacheBytes += len(m.img.Pix) + 64
		}
	}
	if m.img == nil {
		return
	}
	at := image.Pt(int(ix)+m.off.X, int(iy)+m.off.Y)
	rect := m.img.Bounds().Add(at)
	draw.DrawMask(dst, rect, src, image.Point{}, m.img, image.Point{}, draw.Over)
}

// pointCount is the number of points each segment kind uses.
var pointCount = [...]int{fonts.MoveTo: 1, fonts.LineTo: 1, fonts.QuadTo: 2, fonts.CubeTo: 3, fonts.Close: 0}

// rasterise renders the outline of r at emPx pixels per em, its origin at
// (px, py) within the pixel (0, 0).
func (d *Drawer) rasterise(f *fonts.Face, r rune, emPx, sx, px, py float64, bold bool) mask {
	path, ok := f.Outline(r)
	if !ok || len(path) == 0 {
		return mask{}
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, s := range path {
		for _, p := range s.Pts[:pointCount[s.Op]] {
			x, y := px+p.X*emPx*sx, py+p.Y*emPx
			minX, maxX = math.Min(minX, x), math.Max(maxX, x)
			minY, maxY = math.Min(minY, y), math.Max(maxY, y)
		}
	}
	if math.IsInf(minX, 0) {
		return mask{}
	}
	pad := 1
	var stroke float64
	if bold {
		stroke = emboldenStroke * emPx / 2
		pad += int(math.Ceil(stroke))
	}
	x0, y0 := int(math.Floor(minX))-pad, int(math.Floor(minY))-pad
	w, h := int(math.Ceil(maxX))+pad-x0, int(math.Ceil(maxY))+pad-y0
	if w <= 0 || h <= 0 || w > 4096 || h > 4096 {
		return mask{}
	}
	img := image.NewAlpha(image.Rect(0, 0, w, h))
	fill := func(dx, dy float64) {
		d.ras.Reset(w, h)
		pt := func(p fonts.Point) (float32, float32) {
			return float32(px + p.X*emPx*sx - float64(x0) + dx), float32(py + p.Y*emPx - float64(y0) + dy)
		}
		for _, s := range path {
			switch s.Op {
			case fonts.MoveTo:
				d.ras.MoveTo(pt(s.Pts[0]))
			case fonts.LineTo:
				d.ras.LineTo(pt(s.Pts[0]))
			case fonts.QuadTo:
				ax, ay := pt(s.Pts[0])
				bx, by := pt(s.Pts[1])
				d.ras.QuadTo(ax, ay, bx, by)
			case fonts.CubeTo:
				ax, ay := pt(s.Pts[0])
				bx, by := pt(s.Pts[1])
				cx, cy := pt(s.Pts[2])
				d.ras.CubeTo(ax, ay, bx, by, cx, cy)
			case fonts.Close:
				d.ras.ClosePath()
			}
		}
		d.ras.Draw(img, img.Bounds(), image.Opaque, image.Point{})
	}
	fill(0, 0)
	if stroke > 0 {
		// Fill and stroke, as the PDF does: approximated by the outline
		// filled again, shifted by half the stroke each way.
		for _, o := range [][2]float64{{-stroke, 0}, {stroke, 0}, {0, -stroke}, {0, stroke}} {
			fill(o[0], o[1])
		}
	}
	return mask{img: img, off: image.Pt(x0, y0)}
}
