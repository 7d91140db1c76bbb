package raster_test

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"bulletin/export"
	"bulletin/export/layout"
	"bulletin/export/raster"
)

func loadDoc(t testing.TB, name string) *export.Document {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := export.ParseDocument(f)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// gray returns the luminance of img, blurred with a 3×3 box (a small blur:
// both renderers anti-alias edges a little differently).
func gray(img image.Image) [][]float64 {
	b := img.Bounds()
	g := make([][]float64, b.Dy())
	for y := range g {
		g[y] = make([]float64, b.Dx())
		for x := range g[y] {
			r, gg, bb, _ := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
			g[y][x] = (0.299*float64(r) + 0.587*float64(gg) + 0.114*float64(bb)) / 257
		}
	}
	out := make([][]float64, len(g))
	for y := range g {
		out[y] = make([]float64, len(g[y]))
		for x := range g[y] {
			sum, n := 0.0, 0
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					yy, xx := y+dy, x+dx
					if yy >= 0 && yy < len(g) && xx >= 0 && xx < len(g[y]) {
						sum += g[yy][xx]
						n++
					}
				}
			}
			out[y][x] = sum / float64(n)
		}
	}
	return out
}

// redness is how much more red than green a pixel is (0 for grey), so that a
// wrong red shows even where the luminance agrees.
func redness(img image.Image, x, y int) float64 {
	r, g, _, _ := img.At(x, y).RGBA()
	return (float64(r) - float64(g)) / 257
}

// agreement compares two page images: the share of pixels whose blurred
// luminance differs by at most tol (of 255), and whose redness agrees too.
func agreement(a, b image.Image, tol float64) float64 {
	ga, gb := gray(a), gray(b)
	h, w := min(len(ga), len(gb)), min(len(ga[0]), len(gb[0]))
	ok := 0
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			d := ga[y][x] - gb[y][x]
			dr := redness(a, a.Bounds().Min.X+x, a.Bounds().Min.Y+y) - redness(b, b.Bounds().Min.X+x, b.Bounds().Min.Y+y)
			if d <= tol && d >= -tol && dr <= 2*tol && dr >= -2*tol {
				ok++
			}
		}
	}
	return float64(ok) / float64(w*h)
}

// TestAgreesWithPDF rasterises each page of the sample and the hard documents
// at 100 dpi and compares it with pdftoppm's rendering of the exported PDF.
func TestAgreesWithPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Fatal("pdftoppm (poppler-utils) is needed: apt-get install poppler-utils")
	}
	for _, name := range []string{"sample.json", "hard.json"} {
		t.Run(name, func(t *testing.T) {
			doc := loadDoc(t, name)
			opt := export.Options{}
			pages, _, err := export.Layout(doc, opt)
			if err != nil {
				t.Fatal(err)
			}
			var pdf bytes.Buffer
			if _, err := export.Render(&pdf, doc, opt); err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			in := filepath.Join(dir, "doc.pdf")
			if err := os.WriteFile(in, pdf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command("pdftoppm", "-r", "100", "-png", in, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v\n%s", err, out)
			}
			d := raster.NewDrawer()
			scale := raster.ScaleForDPI(100)
			for i, p := range pages {
				want := readPNG(t, dir, i+1, len(pages))
				got := d.Draw(p, scale)
				if got.Bounds().Size() != want.Bounds().Size() {
					t.Errorf("page %d: %v pixels, pdftoppm gives %v", i+1, got.Bounds().Size(), want.Bounds().Size())
				}
				a := agreement(got, want, 64)
				t.Logf("%s page %d: agreement %.1f %%", name, i+1, a*100)
				if a < 0.99 {
					t.Errorf("page %d: only %.1f %% of pixels agree with pdftoppm", i+1, a*100)
					if os.Getenv("RASTER_KEEP") != "" {
						savePNG(t, fmt.Sprintf("/tmp/raster-%s-%d.png", name, i+1), got)
						savePNG(t, fmt.Sprintf("/tmp/raster-%s-%d-pdf.png", name, i+1), want)
					}
				}
				if ink(got) == 0 && len(p.Runs) > 0 {
					t.Errorf("page %d: nothing drawn", i+1)
				}
			}
		})
	}
}

// ink counts the pixels that are not white.
func ink(img *image.RGBA) int {
	n := 0
	for i := 0; i < len(img.Pix); i += 4 {
		if img.Pix[i] < 200 || img.Pix[i+1] < 200 || img.Pix[i+2] < 200 {
			n++
		}
	}
	return n
}

func readPNG(t *testing.T, dir string, page, pages int) image.Image {
	t.Helper()
	// pdftoppm pads the page number to the width of the last one.
	name := fmt.Sprintf("p-%0*d.png", len(fmt.Sprint(pages)), page)
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func savePNG(t *testing.T, path string, img image.Image) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_ = png.Encode(f, img)
}

// TestRedIsTheTemplateRed: the 刊名 and the red rule are painted in the red
// of the layout, not some other red.
func TestRedIsTheTemplateRed(t *testing.T) {
	doc := loadDoc(t, "sample.json")
	pages, _, err := export.Layout(doc, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	first := pages[0]
	for _, p := range pages {
		if p.Number == 1 {
			first = p
			break
		}
	}
	var rule layout.Rule
	for _, r := range first.Rules {
		if r.Colour == layout.Red {
			rule = r
			break
		}
	}
	if rule.Width == 0 {
		t.Fatal("no red rule on the first page of the body")
	}
	scale := raster.ScaleForDPI(300)
	img := raster.NewDrawer().Draw(first, scale)
	c := img.RGBAAt(int((rule.X1+rule.X2)/2*scale), int(rule.Y1*scale))
	if c.R != 255 || c.G != 0 || c.B != 0 {
		t.Errorf("middle of the red rule is %v, want 255,0,0", c)
	}
}

// BenchmarkDrawPage1280 rasterises page — 2 — of the sample (a full page of body) at the size the
// preview shows it in a 1280×800 window (fit width, about 600 px wide),
// the glyph cache warm as when scrolling or redrawing after typing.
func BenchmarkDrawPage1280(b *testing.B) {
	doc := loadDoc(b, "sample.json")
	pages, _, err := export.Layout(doc, export.Options{})
	if err != nil {
		b.Fatal(err)
	}
	p := numbered(b, pages, 2)
	scale := 600 / raster.PaperW
	d := raster.NewDrawer()
	d.Draw(p, scale)
	b.ResetTimer()
	for b.Loop() {
		d.Draw(p, scale)
	}
}

// BenchmarkDrawPage1280Cold is the same with an empty glyph cache (the first
// page shown, or after a zoom).
func BenchmarkDrawPage1280Cold(b *testing.B) {
	doc := loadDoc(b, "sample.json")
	pages, _, err := export.Layout(doc, export.Options{})
	if err != nil {
		b.Fatal(err)
	}
	p := numbered(b, pages, 2)
	scale := 600 / raster.PaperW
	for b.Loop() {
		raster.NewDrawer().Draw(p, scale)
	}
}

// numbered returns the page printed with number n.
func numbered(t testing.TB, pages []layout.Page, n int) layout.Page {
	for _, p := range pages {
		if p.Number == n {
			return p
		}
	}
	t.Fatalf("no page numbered %d", n)
	return layout.Page{}
}
