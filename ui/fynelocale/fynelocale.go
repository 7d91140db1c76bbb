// Package fynelocale makes Fyne's language lookup read Chinese on Linux and
// the BSDs, before Fyne's lang package reads the environment in its init.
//
// Fyne takes the user's language from LC_ALL, LC_MESSAGES or LANG, then
// LANGUAGE, and parses it as a BCP 47 tag. "C.UTF-8" (Debian's default) reads as
// the tag "C", which does not parse: every command then printed
// "Fyne error: Error parsing user locale C" on stderr, from an init that runs
// before main. The program speaks Chinese whatever the system language, so this
// package sets LANGUAGE=zh_CN, which Fyne reads whenever the locale is not
// exactly "C" or "POSIX" (those mean no language and parse cleanly).
//
// Import it (for its side effect) from every package that uses Fyne: Go
// initialises the packages that are ready in the order of their import paths,
// and "bulletin/ui/fynelocale" needs only the standard library and sorts
// before "fyne.io/fyne/v2/lang", whose imports it shares, so it always runs
// first. TestRunsBeforeFyne checks that.
//
// On Windows and macOS Fyne asks the system, whose answer always parses; there
// the Chinese strings come from the translations the ui package adds.
package fynelocale

import (
	"os"
	"runtime"
)

// Language is the value of LANGUAGE that Fyne reads.
const Language = "zh_CN"

// Set is true once the environment has been set (false on Windows and macOS).
var Set bool

func init() {
	switch runtime.GOOS {
	case "windows", "darwin", "ios", "android", "js":
		return
	}
	Set = os.Setenv("LANGUAGE", Language) == nil
}
