package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"bulletin/export/fonts"
)

// The PDF file as a whole: the same bytes each time, small, read cleanly by
// poppler, few allocations, the text read back as typed.

// TestDeterministic renders the same document twice and compares the bytes.
func TestDeterministic(t *testing.T) {
	for _, path := range []string{samplePath, "testdata/hard.json"} {
		doc := mustDoc(t, path)
		a, _ := render(t, doc)
		b, _ := render(t, doc)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ (%d and %d bytes)", path, len(a), len(b))
		}
		if !bytes.Contains(a, []byte("D:2026")) {
			t.Errorf("%s: no creation date from the document date", path)
		}
	}
}

// TestRenderSize checks that fonts are embedded as subsets.
func TestRenderSize(t *testing.T) {
	pdf, rep := render(t, mustSample(t))
	if len(pdf) > 400_000 {
		t.Errorf("sample: %d bytes for %d pages, want a few hundred KB at most", len(pdf), rep.Pages)
	}
}

// TestRenderReadsCleanly: poppler reads the sample and hard.json without a
// syntax error or a font it cannot load, and lists every font as embedded,
// subset, with a ToUnicode map.
func TestRenderReadsCleanly(t *testing.T) {
	for _, path := range []string{samplePath, "testdata/hard.json"} {
		pdf, _ := render(t, mustDoc(t, path))
		file := filepath.Join(t.TempDir(), "doc.pdf")
		os.WriteFile(file, pdf, 0o644)
		for _, args := range [][]string{{"pdffonts", file}, {"pdftoppm", "-r", "20", "-png", file, filepath.Join(t.TempDir(), "p")}} {
			if _, err := exec.LookPath(args[0]); err != nil {
				t.Skipf("%s (poppler-utils) is not installed", args[0])
			}
			var stdout, stderr bytes.Buffer
			cmd := exec.Command(args[0], args[1:]...)
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil || stderr.Len() > 0 {
				t.Errorf("%s: %s: %v\n%s", path, args[0], err, stderr.String())
			}
			if args[0] != "pdffonts" {
				continue
			}
			rows := strings.Split(strings.TrimSpace(stdout.String()), "\n")[2:]
			if len(rows) != 4 {
				t.Errorf("%s: %d fonts, want 4:\n%s", path, len(rows), stdout.String())
			}
			for _, row := range rows {
				if !strings.Contains(row, "CID TrueType      Identity-H       yes yes yes") {
					t.Errorf("%s: font %q, want a CID TrueType subset, embedded, with a ToUnicode map", path, row)
				}
			}
		}
	}
}

// TestRenderAllocations: typesetting and writing the sample stays within
// what fpdf needs for it: 26 MB measured, of which fpdf's own work is about
// 25 (a fresh 1.1 MB compressor for each of the 14 streams; per font a
// 65,536-entry width table, its JSON hashed for the font's ID, a 128 KB CID
// map), which a one-shot `bulletin render` pays in page faults. The limit
// catches a new cost of a few MB on our side, not fpdf's own.
func TestRenderAllocations(t *testing.T) {
	doc := mustSample(t)
	render(t, doc) // fonts parsed once per process
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	render(t, doc)
	runtime.ReadMemStats(&after)
	mb := float64(after.TotalAlloc-before.TotalAlloc) / (1 << 20)
	t.Logf("rendering the sample allocated %.1f MB", mb)
	if mb > 32 {
		t.Errorf("rendering the sample allocated %.1f MB, want at most 32", mb)
	}
}

// TestRenderSharedGlyphs: characters the font draws with one glyph (一 and
// the radical ⼀, 丨 and ⼁) come back out of the PDF as typed.
func TestRenderSharedGlyphs(t *testing.T) {
	doc := &Document{Title: "标题", Body: "一⼀丨⼁一", Date: "2026-01-02"}
	pdf, rep := render(t, doc)
	if len(rep.Missing) > 0 {
		t.Fatalf("missing %v", rep.Missing)
	}
	if got := squeeze(pdfText(t, pdf)); !strings.Contains(got, "一⼀丨⼁一") {
		t.Errorf("pdftotext: %q, want it to contain 一⼀丨⼁一", got)
	}
}

// TestRenderSampleBytes: the sample prints to the very bytes it printed with
// fpdf at 9fe3598 (and hard.json to those of 7170cac, after d60abe2's layout
// change), embedded fonts only. A stored document's preview says "changed
// since" when its pages no longer give the stored PDF's bytes, so a change
// here is one every office would see: change the hashes only for a change
// of the print that is meant (a template or layout rule, a new fpdf).
func TestRenderSampleBytes(t *testing.T) {
	builtin := fonts.Config{}
	for _, r := range fonts.Roles {
		builtin[r] = fonts.Builtin
	}
	for _, c := range []struct{ path, sha string }{
		{samplePath, "a1746163682e3d3164d5cae969720c6c474be7bd066feced6aeced5fe2f97469"},
		{"testdata/hard.json", "1ec8431de3e66d3c90d6d4c272de3df0a1ecd14751e31aca80100dab6045796a"},
	} {
		var buf bytes.Buffer
		if _, err := Render(&buf, mustDoc(t, c.path), Options{Fonts: builtin}); err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		sum := sha256.Sum256(buf.Bytes())
		if got := hex.EncodeToString(sum[:]); got != c.sha {
			t.Errorf("%s: SHA-256 of the PDF %s, want %s", c.path, got, c.sha)
		}
	}
}
