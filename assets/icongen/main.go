// Command icongen draws the application icon of 舆情专报工作台: a white bulletin
// sheet with a red masthead bar and the red rule of an official document
// (红头文件), on a red rounded square. Run from the assets folder:
//
//	go run ./icongen -o icon.png -size 256
//
// The shapes are few and thick so that the icon still reads at 16 px: a red
// square, a white sheet, one red bar and grey lines.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"

	"golang.org/x/image/vector"
)

// The design is drawn on a 256-unit grid and scaled to the output size.
const grid = 256

var (
	redTop    = color.RGBA{0xD8, 0x2A, 0x2A, 0xFF}
	redBottom = color.RGBA{0xA8, 0x14, 0x14, 0xFF}
	shadow    = color.RGBA{0x5A, 0x00, 0x00, 0x60}
	paper     = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	dogEar    = color.RGBA{0xE3, 0xD6, 0xD6, 0xFF}
	ink       = color.RGBA{0xC8, 0x10, 0x10, 0xFF}
	textGrey  = color.RGBA{0x8A, 0x8A, 0x8A, 0xFF}
)

func main() {
	out := flag.String("o", "icon.png", "output PNG file")
	size := flag.Int("size", 256, "width and height in pixels")
	flag.Parse()
	if err := write(*out, Draw(*size)); err != nil {
		fmt.Fprintln(os.Stderr, "icongen:", err)
		os.Exit(1)
	}
}

func write(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Draw returns the icon at size×size pixels.
func Draw(size int) *image.NRGBA {
	c := &canvas{img: image.NewNRGBA(image.Rect(0, 0, size, size)), k: float32(size) / grid}
	c.background()
	c.sheet()
	c.masthead()
	c.textLines()
	return c.img
}

// canvas fills anti-aliased polygons given in grid units.
type canvas struct {
	img *image.NRGBA
	k   float32 // pixels per grid unit
}

// fill paints the closed path traced by path with src.
func (c *canvas) fill(src image.Image, path func(r *vector.Rasterizer)) {
	b := c.img.Bounds()
	r := vector.NewRasterizer(b.Dx(), b.Dy())
	path(r)
	r.Draw(c.img, b, src, image.Point{})
}

func (c *canvas) poly(src image.Image, pts ...float32) {
	c.fill(src, func(r *vector.Rasterizer) {
		r.MoveTo(pts[0]*c.k, pts[1]*c.k)
		for i := 2; i < len(pts); i += 2 {
			r.LineTo(pts[i]*c.k, pts[i+1]*c.k)
		}
		r.ClosePath()
	})
}

func (c *canvas) rect(src image.Image, x0, y0, x1, y1 float32) {
	c.poly(src, x0, y0, x1, y0, x1, y1, x0, y1)
}

// roundRect traces a rectangle with quarter-circle corners of radius rad.
func (c *canvas) roundRect(src image.Image, x0, y0, x1, y1, rad float32) {
	k := c.k
	c.fill(src, func(r *vector.Rasterizer) {
		const steps = 12
		corner := func(cx, cy float32, from float64) {
			for i := 0; i <= steps; i++ {
				a := from + float64(i)*math.Pi/2/steps
				x := cx + rad*float32(math.Cos(a))
				y := cy + rad*float32(math.Sin(a))
				if i == 0 && from == math.Pi {
					r.MoveTo(x*k, y*k)
				} else {
					r.LineTo(x*k, y*k)
				}
			}
		}
		corner(x0+rad, y0+rad, math.Pi)
		corner(x1-rad, y0+rad, 3*math.Pi/2)
		corner(x1-rad, y1-rad, 0)
		corner(x0+rad, y1-rad, math.Pi/2)
		r.ClosePath()
	})
}

// background is the red rounded square, a little lighter at the top.
func (c *canvas) background() {
	c.roundRect(&gradient{top: redTop, bottom: redBottom, h: c.img.Bounds().Dy()}, 8, 8, 248, 248, 44)
}

// Sheet outline: a portrait page whose top right corner is folded.
const (
	sheetX0, sheetY0 = 58, 34
	sheetX1, sheetY1 = 198, 222
	fold             = 40
)

func (c *canvas) sheet() {
	sh := image.NewUniform(shadow)
	c.poly(sh, sheetX0+6, sheetY0+8, sheetX1-fold+6, sheetY0+8, sheetX1+6, sheetY0+fold+8, sheetX1+6, sheetY1+8, sheetX0+6, sheetY1+8)
	c.poly(image.NewUniform(paper), sheetX0, sheetY0, sheetX1-fold, sheetY0, sheetX1, sheetY0+fold, sheetX1, sheetY1, sheetX0, sheetY1)
	c.poly(image.NewUniform(dogEar), sheetX1-fold, sheetY0, sheetX1-fold, sheetY0+fold, sheetX1, sheetY0+fold)
}

// masthead is the bold red title bar and, below it, the red rule broken by a star,
// as on the head of a Chinese official document.
func (c *canvas) masthead() {
	red := image.NewUniform(ink)
	c.rect(red, 78, 58, 152, 88)
	const ruleY0, ruleY1 = 104, 112
	c.rect(red, 78, ruleY0, 114, ruleY1)
	c.rect(red, 142, ruleY0, 178, ruleY1)
	c.star(red, 128, (ruleY0+ruleY1)/2, 12)
}

// star fills a five-pointed star of outer radius rad centred on (cx, cy).
func (c *canvas) star(src image.Image, cx, cy, rad float32) {
	pts := make([]float32, 0, 20)
	for i := 0; i < 10; i++ {
		r := rad
		if i%2 == 1 {
			r = rad * 0.40
		}
		a := -math.Pi/2 + float64(i)*math.Pi/5
		pts = append(pts, cx+r*float32(math.Cos(a)), cy+r*float32(math.Sin(a)))
	}
	c.poly(src, pts...)
}

// textLines are the body of the bulletin: three thick grey lines, the last short.
func (c *canvas) textLines() {
	grey := image.NewUniform(textGrey)
	c.rect(grey, 78, 132, 178, 144)
	c.rect(grey, 78, 160, 178, 172)
	c.rect(grey, 78, 188, 144, 200)
}

// gradient is a vertical linear gradient from top to bottom over h pixels.
type gradient struct {
	top, bottom color.RGBA
	h           int
}

func (g *gradient) ColorModel() color.Model { return color.RGBAModel }
func (g *gradient) Bounds() image.Rectangle {
	return image.Rect(-1e9, -1e9, 1e9, 1e9)
}

func (g *gradient) At(_, y int) color.Color {
	t := float64(y) / float64(g.h)
	t = math.Max(0, math.Min(1, t))
	mix := func(a, b uint8) uint8 { return uint8(float64(a)*(1-t) + float64(b)*t + 0.5) }
	return color.RGBA{mix(g.top.R, g.bottom.R), mix(g.top.G, g.bottom.G), mix(g.top.B, g.bottom.B), 0xFF}
}
