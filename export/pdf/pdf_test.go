package pdf_test

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"bulletin/export/fonts"
	"bulletin/export/pdf"
	"bulletin/export/ttf"
)

// cutFont cuts the embedded 仿宋 face down to runes and returns it as a
// PDF font with the glyph of each rune.
func cutFont(tb testing.TB, name string, runes string) (*pdf.Font, map[rune]uint16) {
	tb.Helper()
	face := fonts.Embedded(fonts.RoleFangsong)
	t, err := ttf.Parse(face.Data())
	if err != nil {
		tb.Fatal(err)
	}
	var gids []int
	for _, r := range runes {
		gids = append(gids, face.GlyphIndex(r))
	}
	cut := t.Cut(gids)
	tables := t.CutTables(cut, "name", "OS/2")
	glyph := map[rune]uint16{}
	unicode := map[uint16]rune{}
	for _, r := range runes {
		g := uint16(cut.NewID[face.GlyphIndex(r)])
		glyph[r], unicode[g] = g, r
	}
	f, err := pdf.NewFont(name, ttf.Assemble(tables), unicode)
	if err != nil {
		tb.Fatal(err)
	}
	return f, glyph
}

// poppler runs a poppler tool on the PDF (the argument "{}") and returns its
// output; anything on its standard error (a syntax error, a font it cannot
// read) fails.
func poppler(tb testing.TB, data []byte, tool string, args ...string) string {
	tb.Helper()
	bin, err := exec.LookPath(tool)
	if err != nil {
		tb.Skipf("%s (poppler-utils) is not installed", tool)
	}
	path := filepath.Join(tb.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	for i, a := range args {
		if a == "{}" {
			args[i] = path
		}
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		tb.Fatalf("%s %v: %v\n%s", tool, args, err, stderr.String())
	}
	return stdout.String()
}

// TestDocReadsBack writes two pages with glyphs (plain, widened, emboldened,
// invisible), a rule, boxes and an outline inside an ActualText span, and
// reads them back with poppler: no syntax error, the font embedded as a
// subset with a ToUnicode map, every glyph's text at its place.
func TestDocReadsBack(t *testing.T) {
	const mm = 72 / 25.4
	f, glyph := cutFont(t, "ABCDEF+Test-Regular", "国务院报告\u3000")
	doc := pdf.New(210, 297)
	doc.Producer = "bulletin"
	doc.AddFont(f)
	p := doc.AddPage()
	p.SetStroke(255, 0, 0)
	p.SetLineWidth(0.5)
	p.Line(28, 50, 182, 50)
	p.SetFill(0, 0, 0)
	for i, r := range []rune("国务院") {
		p.Glyph(f, 16, glyph[r], 28+float64(i)*16/mm, 40, 1, pdf.Fill)
	}
	p.Rect(28, 60, 10, 5, true)
	p.Rect(40, 60, 10, 5, false)
	p.BeginSpan("𠮷")
	p.Glyph(f, 16, glyph['\u3000'], 28, 80, 1, pdf.Invisible)
	p.MoveTo(28, 80)
	p.QuadTo(31, 74, 34, 80)
	p.LineTo(28, 80)
	p.ClosePath()
	p.FillPath(false)
	p.EndSpan()
	p = doc.AddPage()
	p.SetLineWidth(0.2)
	p.Glyph(f, 16, glyph['报'], 100, 100, 0.8, pdf.FillStroke)
	p.Glyph(f, 16, glyph['告'], 105, 100, 1, pdf.Fill)

	var a, b bytes.Buffer
	if _, err := doc.WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	doc.WriteTo(&b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("two writes of the same document differ")
	}
	fontList := poppler(t, a.Bytes(), "pdffonts", "{}")
	if !regexp.MustCompile(`ABCDEF\+Test-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes`).MatchString(fontList) {
		t.Errorf("pdffonts:\n%s\nwant ABCDEF+Test-Regular, a CID TrueType font embedded as a subset with a ToUnicode map", fontList)
	}
	poppler(t, a.Bytes(), "pdftoppm", "-r", "30", "-png", "{}", filepath.Join(t.TempDir(), "page"))
	words := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>`).
		FindAllStringSubmatch(poppler(t, a.Bytes(), "pdftotext", "-bbox", "{}", "-"), -1)
	want := []struct {
		text string
		x, y float64 // mm: the first glyph's origin
	}{{"国务院", 28, 40}, {"𠮷", 28, 80}, {"报告", 100, 100}}
	if len(words) != len(want) {
		t.Fatalf("pdftotext -bbox: %q, want the words %v", words, want)
	}
	for i, w := range want {
		x, _ := strconv.ParseFloat(words[i][1], 64)
		yMax, _ := strconv.ParseFloat(words[i][2], 64)
		if words[i][3] != w.text || math.Abs(x-w.x*mm) > 0.3 || yMax < w.y*mm || yMax > w.y*mm+0.3*16 {
			t.Errorf("word %d: %q at x %.2f pt, bottom %.2f pt; want %q at x %.2f pt, bottom just below %.2f pt",
				i, words[i][3], x, yMax, w.text, w.x*mm, w.y*mm)
		}
	}
}

// TestFontWidths: /W lists the advance of each glyph that differs from the
// default width /DW, in 1/1000 em.
func TestFontWidths(t *testing.T) {
	f, glyph := cutFont(t, "ABCDEF+Test-Regular", "国A1")
	doc := pdf.New(210, 297)
	doc.AddFont(f)
	doc.AddPage()
	var buf bytes.Buffer
	doc.WriteTo(&buf)
	m := regexp.MustCompile(`/DW (\d+) /W \[(.*?)\]>>`).FindSubmatch(buf.Bytes())
	if m == nil {
		t.Fatalf("no /DW and /W in\n%s", buf.Bytes())
	}
	face := fonts.Embedded(fonts.RoleFangsong)
	dw, _ := strconv.Atoi(string(m[1]))
	if want := int(math.Round(face.Advance('国') * 1000)); dw != want {
		t.Errorf("/DW %d, want the ideograph's %d", dw, want)
	}
	list := " " + strings.NewReplacer("[", " ", "]", " ").Replace(string(m[2])) + " "
	for _, r := range "A1" {
		w := int(math.Round(face.Advance(r) * 1000))
		if !strings.Contains(list, " "+strconv.Itoa(w)+" ") {
			t.Errorf("/W [%s]: no width %d for %q (glyph %d)", m[2], w, r, glyph[r])
		}
	}
}
