package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
)

// prefImportDir and prefExportDir remember the folders last used, so that
// the file dialogs open there rather than in the home folder.
const (
	prefImportDir = "import.lastDir"
	prefExportDir = "export.lastDir"
)

// startIn opens a file dialog in the folder remembered under key, if any.
func startIn(fd *fileDialog, key string) {
	a := fyne.CurrentApp()
	if a == nil {
		return
	}
	dir := a.Preferences().String(key)
	if dir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		fd.SetLocation(l)
	}
}

// rememberDir keeps the folder of path under key.
func rememberDir(key, path string) {
	if a := fyne.CurrentApp(); a != nil {
		a.Preferences().SetString(key, filepath.Dir(path))
	}
}
