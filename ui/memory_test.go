package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// No screen wraps widgets in container.NewThemeOverride: Fyne parses the
// whole UI font again for every override scope and keeps it for the rest of
// the run (~5 MB each), so an override in a table cell or a date field took
// the program from 190 MB to over 1.1 GB after a few clicks. Colours the
// screens need belong in officeTheme.
func TestNoThemeOverrides(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if strings.Contains(line, "NewThemeOverride(") && !strings.HasPrefix(strings.TrimSpace(line), "//") {
				t.Errorf("%s:%d uses container.NewThemeOverride; put the colour in officeTheme instead", f, i+1)
			}
		}
	}
}
