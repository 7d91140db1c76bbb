package fonts

import (
	"path/filepath"
	"strings"

	"golang.org/x/image/font/sfnt"
)

// PostScriptName returns the face's PostScript name (name ID 6), such as
// NotoSerifSC-Regular or SimFang, reduced to the characters a PDF font
// name may hold; the file name when the face has none.
func (f *Face) PostScriptName() string {
	var name string
	if f.font != nil {
		f.mu.Lock()
		name, _ = f.font.Name(&f.buf, sfnt.NameIDPostScript)
		f.mu.Unlock()
	}
	if name = psClean(name); name == "" {
		base := filepath.Base(f.Path)
		if f.Path == "" {
			base = f.ID
		}
		name = psClean(strings.TrimSuffix(base, filepath.Ext(base)))
	}
	if name == "" {
		name = "Font"
	}
	return name
}

// psClean keeps the printable ASCII a PDF name takes without escapes.
func psClean(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > ' ' && r < 0x7F && !strings.ContainsRune("()<>[]{}/%#", r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
