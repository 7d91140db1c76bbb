package fonts

import (
	"os"
	"path/filepath"
	"testing"

	"bulletin/assets"
)

// The tests remember no verdict unless they ask to: they must not write to
// the user's cache folder.
func init() { verdictDir = func() string { return "" } }

// TestVerdictRemembered: a font file that passed the fpdf trial run is not
// run through it again in a later process (a fresh load of the same bytes,
// under another name); a changed file is.
func TestVerdictRemembered(t *testing.T) {
	dir := t.TempDir()
	verdictDir = func() string { return dir }
	t.Cleanup(func() { verdictDir = func() string { return "" } })

	first := writeFile(t, "simfang.ttf", assets.Kai)
	before := trialRuns.Load()
	if _, err := Load(first); err != nil {
		t.Fatal(err)
	}
	if n := trialRuns.Load() - before; n != 1 {
		t.Fatalf("first load: %d trial runs, want 1", n)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("%d verdicts remembered, want 1", len(entries))
	}

	// The same bytes elsewhere (another process would see them as new).
	again := filepath.Join(t.TempDir(), "copy.ttf")
	if err := os.WriteFile(again, assets.Kai, 0o644); err != nil {
		t.Fatal(err)
	}
	before = trialRuns.Load()
	f, err := Load(again)
	if err != nil {
		t.Fatal(err)
	}
	if n := trialRuns.Load() - before; n != 0 || !f.PDFText() {
		t.Errorf("same bytes again: %d trial runs (want 0), text %v", n, f.PDFText())
	}

	// Other bytes: checked.
	other := writeFile(t, "simhei.ttf", assets.SansBold)
	before = trialRuns.Load()
	if _, err := Load(other); err != nil {
		t.Fatal(err)
	}
	if n := trialRuns.Load() - before; n != 1 {
		t.Errorf("another font: %d trial runs, want 1", n)
	}
}

// BenchmarkVerdictPath is what a remembered verdict costs a load instead of
// the trial run (BenchmarkPDFCheckNotoSerif): hashing the face's bytes.
func BenchmarkVerdictPath(b *testing.B) {
	verdictDir = func() string { return b.TempDir() }
	defer func() { verdictDir = func() string { return "" } }()
	b.SetBytes(int64(len(assets.SerifRegular)))
	for b.Loop() {
		passedBefore(verdictPath(assets.SerifRegular))
	}
}
