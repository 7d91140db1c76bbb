package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// A file that is not a database opens a window that explains, and the file is
// left exactly as it was.
func TestCreateWithCorruptDatabase(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "bulletin.db")
	junk := bytes.Repeat([]byte("这不是数据库文件"), 512)
	if err := os.WriteFile(path, junk, 0o644); err != nil {
		t.Fatal(err)
	}
	Create(a, path)
	w := lastWindow(a)
	if w == nil || w.Title() != appTitle || w.Content() == nil {
		t.Fatal("no window explains the failed open")
	}
	if w.MainMenu() != nil {
		t.Error("the main window opened on a corrupt file")
	}
	got, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, junk) {
		t.Errorf("the corrupt file was changed (%d bytes, %v)", len(got), err)
	}
}

func TestCreateOpensMainWindow(t *testing.T) {
	a := test.NewTempApp(t)
	Create(a, filepath.Join(t.TempDir(), "sub", "bulletin.db"))
	w := lastWindow(a)
	if w == nil || w.MainMenu() == nil {
		t.Fatal("no main window with its menu")
	}
	w.Close()
}

// lastWindow is the window opened last.
func lastWindow(a fyne.App) fyne.Window {
	wins := a.Driver().AllWindows()
	if len(wins) == 0 {
		return nil
	}
	return wins[len(wins)-1]
}
