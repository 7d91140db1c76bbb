package fonts

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"bulletin/assets"
	"golang.org/x/image/font/sfnt"
)

// benchText returns about n runes of bulletin text: the sample body repeated,
// with a few rare characters mixed in.
func benchText(tb testing.TB, n int) []rune {
	tb.Helper()
	raw, err := os.ReadFile("../../../shared/samples/bulletin-sample.json")
	body := "一、基本情况\n3月2日至8日，县委网信办共监测到涉我县供水问题信息1,286条，同比上升18.6%。"
	if err == nil {
		var doc struct{ Body string }
		if json.Unmarshal(raw, &doc) == nil && doc.Body != "" {
			body = doc.Body
		}
	}
	body += "䶮堃體𠮷😀"
	var sb strings.Builder
	for sb.Len() < 4*n {
		sb.WriteString(body)
	}
	return []rune(sb.String())[:n]
}

func BenchmarkNewSetDefaults(b *testing.B) {
	for b.Loop() {
		if _, err := NewSet(nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkResolve5000 resolves a 5,000-character text for the body role on
// a fresh Set each time (the faces' glyph caches stay warm, as in the
// program after the first export).
func BenchmarkResolve5000(b *testing.B) {
	text := benchText(b, 5000)
	for b.Loop() {
		b.StopTimer()
		s, err := NewSet(nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for _, r := range text {
			s.Resolve(RoleFangsong, r)
		}
	}
}

// BenchmarkResolve5000Warm is the same on one Set (its rune cache warm).
func BenchmarkResolve5000Warm(b *testing.B) {
	text := benchText(b, 5000)
	s, err := NewSet(nil)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for _, r := range text {
			s.Resolve(RoleFangsong, r)
		}
	}
}

// BenchmarkLoadNotoSerif is an uncached Load of the 15 MB Noto Serif SC:
// table checks, sfnt parse and the fpdf trial run.
func BenchmarkLoadNotoSerif(b *testing.B) {
	for b.Loop() {
		if _, err := parseFace(assets.SerifRegular, 0, "serif", true); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPDFCheckNotoSerif is the fpdf trial run alone.
func BenchmarkPDFCheckNotoSerif(b *testing.B) {
	f := embedded(embSerifRegular)
	for b.Loop() {
		if err := pdfCheck(f); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadCachedFile is a repeated Load of the same file.
func BenchmarkLoadCachedFile(b *testing.B) {
	path := writeFile(b, "serif.ttf", assets.SerifRegular)
	if _, err := Load(path); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Load(path); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseEmbedded is what the first NewSet of a process pays: parsing
// the four embedded role faces.
func BenchmarkParseEmbedded(b *testing.B) {
	for b.Loop() {
		for _, data := range [][]byte{assets.SerifRegular, assets.SerifBold, assets.SansBold, assets.Kai} {
			f, err := sfnt.Parse(data)
			if err != nil {
				b.Fatal(err)
			}
			newFace(data, f)
		}
	}
}

// BenchmarkCheckUnknownRuneCold is the first report of a rune no font has,
// with every system fallback of this PC scanned (cmap ranges not cached).
func BenchmarkCheckUnknownRuneCold(b *testing.B) {
	b.ReportMetric(float64(len(SystemFallbacks())), "files")
	for b.Loop() {
		coverMu.Lock()
		coverCache = map[coverKey]coverage{}
		coverMu.Unlock()
		s, err := NewSet(nil)
		if err != nil {
			b.Fatal(err)
		}
		if m := s.Check("\U0001FAE8"); len(m) != 1 {
			b.Fatalf("Check = %v, want one missing", m)
		}
	}
}
