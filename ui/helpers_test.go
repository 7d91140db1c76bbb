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
	sh := newShell(a, w, s, newTestTasks(tb))
	w.SetContent(sh.buildUI())
	sh.addShortcuts()
	sh.bg.settle()
	return sh, w
}

func init() { windowTasks = newQueuedTasks }

// newTestTasks returns tasks that queue their applies, as the real driver
// does, until the test settles them; the work still running is waited for
// (and its results dropped) before the test app goes.
func newTestTasks(tb testing.TB) *tasks {
	bg := newQueuedTasks()
	tb.Cleanup(bg.close)
	return bg
}

// wait lets the background work of the window finish and applies its results
// (tests); every screen of a window shares one tasks.
func (cs *casesScreen) wait()     { cs.bg.settle() }
func (ms *meetingsScreen) wait()  { ms.bg.settle() }
func (bs *bulletinsScreen) wait() { bs.bg.settle() }
func (ss *statsScreen) wait()     { ss.bg.settle() }
func (sh *shell) wait()           { sh.bg.settle() }

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
