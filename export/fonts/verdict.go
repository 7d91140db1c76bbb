package fonts

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sync/atomic"

	"bulletin/export/pdf"
)

// trialRuns counts the trial runs made (tests).
var trialRuns atomic.Int32

// The trial run of a font file through the PDF writer (pdfCheck) would be
// paid again by every process for each office or user font: simfang.ttf,
// simkai.ttf, simhei.ttf and simsun.ttc at every `bulletin render` and every
// start of the program. A file that passed is remembered by the SHA-256 of
// its face's bytes (and the writer's version that checked it) in the user's
// cache folder, so that the same bytes are trusted later wherever the file
// lies; a changed file has another hash and is checked again. Failures are
// not remembered: they are rare, and their message is made afresh. The
// embedded fonts are checked by the tests instead.

// verdictDir returns the folder of the remembered verdicts, "" for none.
// Tests point it at a temporary folder.
var verdictDir = func() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "bulletin", "fontcheck")
}

// checker names what the verdict depends on: the PDF writer's version.
// Verdicts of the fpdf releases used before are left unread.
func checker() string { return "pdf-" + pdf.Version }

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
	_ = os.WriteFile(path, []byte("trial run through the PDF writer passed\n"), 0o644)
}
