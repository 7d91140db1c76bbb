package ui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bulletin/model"
)

// mustOpenStore opens a fresh store in a temp dir with two departments.
func mustOpenStore(tb testing.TB) *model.Store {
	tb.Helper()
	s, err := model.Open(filepath.Join(tb.TempDir(), "bulletin.db"))
	if err != nil {
		tb.Fatalf("open store: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	for _, name := range []string{"县住房和城乡建设局", "城关镇人民政府"} {
		if err := s.CreateDepartment(context.Background(), &model.Department{Name: name}); err != nil {
			tb.Fatalf("create department: %v", err)
		}
	}
	return s
}

// newTestShell shows the main window headless on store s.
func newTestShell(tb testing.TB, s *model.Store) (*shell, fyne.Window) {
	tb.Helper()
	a := test.NewTempApp(tb)
	w := test.NewTempWindow(tb, nil)
	w.Resize(fyne.NewSize(1280, 800))
	sh := newShell(a, w, s)
	w.SetContent(sh.buildUI())
	sh.addShortcuts()
	sh.cases.wait()
	tb.Cleanup(func() { // before the app goes: late answers would draw without a theme
		sh.stop()
	})
	return sh, w
}

// countCases returns how many cases the store holds.
func countCases(tb testing.TB, s *model.Store) int {
	tb.Helper()
	_, n, err := s.FindCases(context.Background(), model.CaseFilter{Limit: 1})
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// topOverlay reports whether a dialog is showing.
func dialogShowing(w fyne.Window) bool { return w.Canvas().Overlays().Top() != nil }

// waitShell waits until the background work of every screen is done.
func waitShell(sh *shell) { sh.wait() }
