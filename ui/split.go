package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// Preference keys of the divider positions, as fractions of the width.
const (
	prefCaseSplit    = "ui.cases.split"
	prefMeetingSplit = "ui.meetings.split"
)

// Default divider positions. The case list gets what its filters need at
// 1280×800 and the editor the rest, so that its form is not cramped.
const (
	defaultCaseSplit    = 0.56
	defaultMeetingSplit = 0.3
)

// newSavedSplit is a horizontal split whose divider starts where the user
// left it last time (saveSplit), else at def.
func newSavedSplit(key string, def float64, leading, trailing fyne.CanvasObject) *container.Split {
	s := container.NewHSplit(leading, trailing)
	s.Offset = def
	if a := fyne.CurrentApp(); a != nil {
		if v := a.Preferences().FloatWithFallback(key, def); v >= 0.15 && v <= 0.85 {
			s.Offset = v
		}
	}
	return s
}

// saveSplit remembers where the divider of s is.
func saveSplit(s *container.Split, key string) {
	if a := fyne.CurrentApp(); a != nil && s != nil {
		a.Preferences().SetFloat(key, s.Offset)
	}
}
