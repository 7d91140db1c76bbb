package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bulletin/model"
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

func TestCloseAsksAboutUnsavedEdits(t *testing.T) {
	s := mustOpenStore(t)
	a := test.NewTempApp(t)
	w := a.NewWindow(appTitle) // not a temp window: the test closes it itself
	sh := newShell(a, w, s)
	w.SetContent(sh.buildUI())
	cs := sh.cases
	cs.wait()
	test.Tap(cs.ed.newBtn)
	test.Type(cs.ed.title, "关闭窗口前未保存的案件")
	sh.onClose()
	if cs.ed.lastPrompt == nil {
		t.Fatal("closing the window did not ask about the unsaved case")
	}
	test.Tap(cs.ed.lastPrompt.cancel)
	// 取消 keeps the program and its store working.
	if got := countCases(t, s); got != 0 {
		t.Errorf("store holds %d cases, want 0", got)
	}
	cs.ed.lastPrompt = nil
	sh.onClose()
	test.Tap(cs.ed.lastPrompt.save)
	if _, n, err := s.FindCases(context.Background(), model.CaseFilter{}); err == nil || n != 0 {
		t.Errorf("store still open after 保存 and close (%d cases, %v)", n, err)
	}
}
