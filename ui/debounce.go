package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// debouncer runs a function on the UI thread a moment (searchDelay) after the
// last of a burst of calls, such as keystrokes. The pending run is counted in
// busy, so that waiting for a screen's background work includes it.
type debouncer struct {
	timer *time.Timer
}

// schedule replaces any pending run with f.
func (d *debouncer) schedule(busy *sync.WaitGroup, f func()) {
	if d.timer != nil && d.timer.Stop() {
		busy.Done()
	}
	busy.Add(1)
	d.timer = time.AfterFunc(searchDelay, func() {
		fyne.Do(func() {
			f()
			busy.Done()
		})
	})
}
