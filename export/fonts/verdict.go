package fonts

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// trialRuns counts the fpdf trial runs made (tests).
var trialRuns atomic.Int32

// The fpdf trial run of a font file (pdfCheck) costs about 30 ms for a CJK
// font, and every process would pay it again for each office or user font:
// simfang.ttf, simkai.ttf, simhei.ttf and simsun.ttc at every `bulletin
// render` and every start of the program. A file that passed is remembered
// by the SHA-256 of its face's bytes (and the fpdf version that checked
// it) in the user's cache folder, so that the same bytes are trusted later
// wherever the file lies; a changed file has another hash and is checked
// again. Failures are not remembered: they are rare, and their message is
// made afresh. The embedded fonts are checked by the tests instead.

// verdictDir returns the folder of the remembered verdicts, "" for none.
// Tests point it at a temporary folder.
var verdictDir = func() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "bulletin", "fontcheck")
}

// checker names what the verdict depends on: the fpdf release that read the
// font. Another release checks every font again.
var checker = sync.OnceValue(func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == "codeberg.org/go-pdf/fpdf" {
				return "fpdf-" + m.Version
			}
		}
	}
	return "fpdf-unknown"
})

// verdictPath is the file that records that data passed, "" for none.
func verdictPath(data []byte) string {
	dir := verdictDir()
	if dir == "" {
		return ""
	}
	sum := sha256.Sum256(data)
	return filepath.Join(dir, checker()+"-"+hex.EncodeToString(sum[:]))
}

// passedBefore reports whether these bytes passed the trial run before.
func passedBefore(path string) bool {
	if path == "" {
		return false
	}
	_, err := os.Stat(path)
	return err == nil
}

// rememberPassed records that the bytes of path passed; a failure to write
// only means the check runs again next time.
func rememberPassed(path string) {
	if path == "" {
		return
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return
	}
	_ = os.WriteFile(path, []byte("fpdf trial run passed\n"), 0o644)
}
