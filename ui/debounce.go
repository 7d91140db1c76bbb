package ui

// debouncer runs a function on the UI thread a moment (searchDelay) after the
// last of a burst of calls, such as keystrokes. The pending run is counted by
// the tasks, so that waiting for a window's background work includes it.
type debouncer struct {
	stop func() bool
}

// schedule replaces any pending run with f.
func (d *debouncer) schedule(bg *tasks, f func()) {
	if d.stop != nil {
		d.stop()
	}
	d.stop = bg.later(searchDelay, f)
}
