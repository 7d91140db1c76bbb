//go:build !windows && !darwin

package fynelocale_test

import (
	"os"
	"testing"

	"fyne.io/fyne/v2/lang"

	"bulletin/ui/fynelocale"
)

// TestRunsBeforeFyne checks that Fyne's lang package, initialised in the same
// binary, sees the language this package set.
func TestRunsBeforeFyne(t *testing.T) {
	if !fynelocale.Set || os.Getenv("LANGUAGE") != fynelocale.Language {
		t.Fatalf("LANGUAGE = %q (set %v), want %q", os.Getenv("LANGUAGE"), fynelocale.Set, fynelocale.Language)
	}
	loc := os.Getenv("LC_ALL")
	if loc == "" {
		loc = os.Getenv("LC_MESSAGES")
	}
	if loc == "" {
		loc = os.Getenv("LANG")
	}
	if loc == "C" || loc == "POSIX" {
		return // no language at all: Fyne falls back to its first translation, ours too
	}
	if got := lang.SystemLocale().LanguageString(); got != "zh-CN" {
		t.Errorf("with locale %q, lang.SystemLocale() = %q, want zh-CN", loc, got)
	}
}
