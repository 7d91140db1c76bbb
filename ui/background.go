package ui

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
)

// tasks is the one way the screens run slow work: the work runs in a
// goroutine, and what it returns is applied on the UI thread afterwards. Every
// screen, dialog and picker of a window shares one tasks, so that closing the
// window can wait for all of it and tests can let it finish.
//
// The real driver queues what fyne.Do is given and runs it later on its main
// goroutine; Fyne's test driver would run it at once on the calling goroutine,
// concurrently with the test. Tests therefore build their tasks with
// newQueuedTasks, which queues applies until the test calls settle: the
// program and the tests then follow the same order (work, then later its
// apply, with user actions possibly in between), and every widget is touched
// by one goroutine only, so the race detector can watch the UI too.
type tasks struct {
	do     func(func()) // fyne.Do, or the test queue
	work   sync.WaitGroup
	closed atomic.Bool
	ctx    context.Context // cancelled by close: long work stops early
	cancel context.CancelFunc

	long atomic.Value // string: what the long work running now is, for the close prompt

	mu      sync.Mutex
	pending []func() // applies waiting for settle (tests only)
}

// windowTasks makes the tasks of a new main window: newTasks in the program;
// the tests make it newQueuedTasks, so that no test relies on the test
// driver running fyne.Do at once.
var windowTasks = newTasks

// newTasks returns the tasks of a window in the running program.
func newTasks() *tasks {
	t := &tasks{do: fyne.Do}
	t.ctx, t.cancel = context.WithCancel(context.Background())
	return t
}

// newQueuedTasks returns tasks whose applies wait in a queue for settle, as
// they wait in the real driver's queue for the main goroutine.
func newQueuedTasks() *tasks {
	t := &tasks{}
	t.ctx, t.cancel = context.WithCancel(context.Background())
	t.do = func(f func()) {
		t.mu.Lock()
		t.pending = append(t.pending, f)
		t.mu.Unlock()
	}
	return t
}

// run runs work off the UI thread, then the func it returns (if any) on the
// UI thread. After close, work still finishes but nothing is applied: the
// window, and perhaps the store, are gone.
func (t *tasks) run(work func() (apply func())) {
	if t.closed.Load() {
		return
	}
	t.work.Add(1)
	go func() {
		defer t.work.Done()
		apply := work()
		if apply != nil {
			t.apply(apply)
		}
	}()
}

// runLong is run for work that may take minutes, such as an import: what
// names it in the question asked when the window is closed meanwhile
// (正在导入案件…), and work gets a context that closing cancels, so that it
// stops early and writes nothing half-done.
func (t *tasks) runLong(what string, work func(ctx context.Context) (apply func())) {
	t.long.Store(what)
	t.run(func() func() {
		defer t.long.Store("")
		return work(t.ctx)
	})
}

// longWork says what long work is running, or "".
func (t *tasks) longWork() string {
	s, _ := t.long.Load().(string)
	return s
}

// apply runs f on the UI thread unless the tasks are closed by then.
func (t *tasks) apply(f func()) {
	t.do(func() {
		if !t.closed.Load() {
			f()
		}
	})
}

// later runs f on the UI thread after d, counted as work until then. The
// returned stop cancels it if it has not started; it reports whether it did.
func (t *tasks) later(d time.Duration, f func()) (stop func() bool) {
	t.work.Add(1)
	var once sync.Once
	done := func() { once.Do(t.work.Done) }
	timer := time.AfterFunc(d, func() {
		t.apply(f)
		done()
	})
	return func() bool {
		if timer.Stop() {
			done()
			return true
		}
		return false
	}
}

// close stops applying results and waits for the work in flight. It is called
// on the UI thread when the window closes, so it must not wait for applies
// (they would need the UI thread): they are dropped instead.
func (t *tasks) close() {
	t.closed.Store(true)
	t.cancel()
	t.work.Wait()
}

// settle (tests) runs work and applies until nothing is left: an apply may
// start more work, such as a list reload after a save.
func (t *tasks) settle() {
	for {
		t.work.Wait()
		t.mu.Lock()
		p := t.pending
		t.pending = nil
		t.mu.Unlock()
		if len(p) == 0 {
			return
		}
		for _, f := range p {
			f()
		}
	}
}
