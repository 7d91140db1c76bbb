package export

import (
	"bytes"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// word is a word of `pdftotext -bbox`, coordinates in pt from the top left.
type word struct {
	xMin, yMin, xMax, yMax float64
	text                   string
}

var (
	pageRE = regexp.MustCompile(`<page width=`)
	wordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>|<page width=`)
)

// pdfWords extracts the words of each page with poppler's pdftotext -bbox.
// It skips the test when pdftotext is not installed.
func pdfWords(tb testing.TB, pdf []byte) [][]word {
	tb.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		tb.Skip("pdftotext (poppler-utils) is not installed: cannot read the PDF back")
	}
	path := filepath.Join(tb.TempDir(), "out.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		tb.Fatal(err)
	}
	out, err := exec.Command(bin, "-bbox", path, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext -bbox: %v", err)
	}
	var pages [][]word
	for _, m := range wordRE.FindAllStringSubmatch(string(out), -1) {
		if pageRE.MatchString(m[0]) {
			pages = append(pages, nil)
			continue
		}
		w := word{text: html.UnescapeString(m[5])}
		w.xMin, _ = strconv.ParseFloat(m[1], 64)
		w.yMin, _ = strconv.ParseFloat(m[2], 64)
		w.xMax, _ = strconv.ParseFloat(m[3], 64)
		w.yMax, _ = strconv.ParseFloat(m[4], 64)
		pages[len(pages)-1] = append(pages[len(pages)-1], w)
	}
	return pages
}

// pdfText runs pdftotext with extra arguments and returns the text.
func pdfText(tb testing.TB, pdf []byte, args ...string) string {
	tb.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		tb.Skip("pdftotext (poppler-utils) is not installed: cannot read the PDF back")
	}
	path := filepath.Join(tb.TempDir(), "out.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		tb.Fatal(err)
	}
	out, err := exec.Command(bin, append(args, path, "-")...).Output()
	if err != nil {
		tb.Fatalf("pdftotext %v: %v", args, err)
	}
	return string(out)
}

// squeeze removes all white space.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// joined returns the squeezed text of all words in page order, leaving out
// the page numbers below the 版心.
func joined(pages [][]word) string {
	var b strings.Builder
	for _, p := range pages {
		for _, w := range p {
			if w.yMin > pt(262) {
				continue
			}
			b.WriteString(squeeze(w.text))
		}
	}
	return b.String()
}

// render renders doc with the default options and fails the test on error.
func render(tb testing.TB, doc *Document) ([]byte, *Report) {
	tb.Helper()
	var buf bytes.Buffer
	rep, err := Render(&buf, doc, Options{})
	if err != nil {
		tb.Fatalf("Render: %v", err)
	}
	return buf.Bytes(), rep
}

func pt(mm float64) float64 { return mm * 72 / 25.4 }
