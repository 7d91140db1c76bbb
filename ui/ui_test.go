package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
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
	Create(a, path, "1.2.3")
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
	Create(a, filepath.Join(t.TempDir(), "sub", "bulletin.db"), "1.2.3")
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
	sh := newShell(a, w, s, newTestTasks(t))
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

// menuItem returns the item labelled label in menu menuLabel of the shell's menu.
func menuItem(tb testing.TB, sh *shell, menuLabel, label string) *fyne.MenuItem {
	tb.Helper()
	for _, m := range sh.buildMenu().Items {
		for _, it := range m.Items {
			if m.Label == menuLabel && it.Label == label {
				return it
			}
		}
	}
	tb.Fatalf("no menu item %s → %s", menuLabel, label)
	return nil
}

// The menu's 导出 PDF (Ctrl+P, which works while a text field has the focus)
// exports the issue open in the composer and only says where it works elsewhere.
func TestMenuExportPDF(t *testing.T) {
	s := mustOpenStore(t)
	b := storeDraft(t, s, 1, "正文。")
	sh, bs, w := openBulletinsScreen(t, s)
	h := hookExport(t, bs.ed, t.TempDir())
	it := menuItem(t, sh, "文件", "导出 PDF")
	sc, ok := it.Shortcut.(*desktop.CustomShortcut)
	if !ok || sc.KeyName != fyne.KeyP || sc.Modifier != fyne.KeyModifierShortcutDefault {
		t.Fatalf("导出 PDF shortcut = %#v, want Ctrl+P", it.Shortcut)
	}
	it.Action() // on the list
	if !dialogShowing(w) || len(h.opened) != 0 {
		t.Fatalf("导出 PDF on the list: dialog %v, %d exports; want a message and no export", dialogShowing(w), len(h.opened))
	}
	w.Canvas().Overlays().Top().Hide()
	bs.open(b.ID)
	w.Canvas().Focus(bs.ed.title) // a text field has the focus, as when typing
	it.Action()
	bs.wait()
	if len(h.opened) != 1 {
		t.Fatalf("导出 PDF in the composer exported %d times, want 1", len(h.opened))
	}
}

func TestMenuAboutShowsVersion(t *testing.T) {
	s := mustOpenStore(t)
	sh, w := newTestShell(t, s)
	sh.version = "1.2.3"
	menuItem(t, sh, "帮助", "关于").Action()
	if !dialogShowing(w) {
		t.Fatal("帮助 → 关于 shows nothing")
	}
	if got := sh.aboutText(); !strings.Contains(got, "版本：1.2.3") || !strings.Contains(got, s.Path()) {
		t.Errorf("关于 says %q, want the version 1.2.3 and the data file %s", got, s.Path())
	}
}
