package ui

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Work runs off the UI thread and its result is applied only when the queue
// is run (as the real driver runs fyne.Do later on its main goroutine); after
// close, results are dropped and later work is not started.
func TestTasksApplyLaterAndNotAfterClose(t *testing.T) {
	bg := newQueuedTasks()
	var applied, worked atomic.Int32
	release := make(chan struct{})
	bg.run(func() func() {
		<-release
		worked.Add(1)
		return func() { applied.Add(1) }
	})
	close(release)
	waitFor(t, func() bool { return worked.Load() == 1 })
	if applied.Load() != 0 {
		t.Fatal("the result was applied before the queue ran (the real driver queues it)")
	}
	bg.settle()
	if applied.Load() != 1 {
		t.Fatalf("applied %d times after settle, want 1", applied.Load())
	}

	// An apply that starts more work: settle runs both.
	bg.run(func() func() {
		return func() { bg.run(func() func() { return func() { applied.Add(1) } }) }
	})
	bg.settle()
	if applied.Load() != 2 {
		t.Fatalf("applied %d after a chained run, want 2", applied.Load())
	}

	// A debounced run replaces the pending one.
	var d debouncer
	d.schedule(bg, func() { applied.Add(10) })
	d.schedule(bg, func() { applied.Add(100) })
	bg.settle()
	if applied.Load() != 102 {
		t.Fatalf("after two debounced calls applied = %d, want 102 (only the last one runs)", applied.Load())
	}

	bg.run(func() func() { return func() { applied.Add(1000) } })
	bg.close()
	bg.settle()
	bg.run(func() func() { t.Error("work started after close"); return nil })
	if applied.Load() != 102 {
		t.Errorf("applied = %d after close, want 102 (results after close are dropped)", applied.Load())
	}
}

// waitFor polls cond for up to ten seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatal("timed out")
}

// Closing the window while an import runs asks first: 继续等待 keeps the
// window and the import, 停止并退出 cancels the import and closes the store.
func TestCloseAsksDuringLongWork(t *testing.T) {
	s := mustOpenStore(t)
	a := test.NewTempApp(t)
	w := test.NewWindow(nil) // closed by the test itself
	w.Resize(fyne.NewSize(1280, 800))
	sh := newShell(a, w, s, newTestTasks(t))
	w.SetContent(sh.buildUI())
	sh.bg.settle()
	stopped := make(chan struct{})
	sh.bg.runLong("导入案件", func(ctx context.Context) func() {
		<-ctx.Done()
		close(stopped)
		return nil
	})
	sh.onClose()
	if sh.lastClose == nil || !strings.Contains(overlayTexts(t, w), "导入案件还没有完成") {
		t.Fatalf("closing during an import shows %q, want a question about the import", overlayTexts(t, w))
	}
	test.Tap(sh.lastClose.cancel) // 继续等待
	if _, err := s.FindDepartments(context.Background()); err != nil {
		t.Fatalf("the store was closed after 继续等待: %v", err)
	}
	sh.onClose()
	test.Tap(sh.lastClose.ok) // 停止并退出
	select {
	case <-stopped:
	case <-time.After(10 * time.Second):
		t.Fatal("the import was not cancelled")
	}
	if _, err := s.FindDepartments(context.Background()); err == nil {
		t.Error("the store is still open after 停止并退出")
	}
}
