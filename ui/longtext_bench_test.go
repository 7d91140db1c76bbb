package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// BenchmarkWrappedEntryTyping is one keystroke in a wrapped multi-line Entry
// holding n characters without a line break (para 0) or in paragraphs: the
// cost that longText keeps a text of away from the Entry (fyne-io/fyne#5297).
// The 20,000-character case takes seconds a keystroke: run it with
// -benchtime 3x.
func BenchmarkWrappedEntryTyping(b *testing.B) {
	for _, c := range []struct{ n, para int }{{800, 0}, {1000, 0}, {5000, 0}, {5000, 100}, {20000, 0}} {
		b.Run(fmt.Sprintf("%d/para%d", c.n, c.para), func(b *testing.B) {
			a := test.NewTempApp(b)
			a.Settings().SetTheme(newOfficeTheme())
			e := widget.NewMultiLineEntry()
			e.Wrapping = fyne.TextWrapWord
			w := test.NewTempWindow(b, e)
			w.Resize(fyne.NewSize(500, 400))
			e.SetText(postText(c.n, c.para))
			b.ResetTimer()
			for range b.N {
				e.TypedRune('字')
			}
		})
	}
}

// BenchmarkLongTextShow is showing a text of n characters in a field 500 px
// wide: cutting it into parts and wrapping every line (what a paste, opening
// a case and a change of width cost).
func BenchmarkLongTextShow(b *testing.B) {
	for _, c := range []struct{ n, para int }{{20000, 0}, {100000, 0}, {100000, 300}, {1000000, 300}} {
		b.Run(fmt.Sprintf("%d/para%d", c.n, c.para), func(b *testing.B) {
			a := test.NewTempApp(b)
			a.Settings().SetTheme(newOfficeTheme())
			lt := newLongText(nil, "原文内容", 8)
			w := test.NewTempWindow(b, lt)
			w.Resize(fyne.NewSize(500, 400))
			s := postText(c.n, c.para)
			b.ResetTimer()
			for range b.N {
				lt.setText("")
				lt.setText(s)
			}
		})
	}
}

// BenchmarkLongTextTypingInPart is one keystroke in the dialog that edits one
// part (at most chunkRunes characters) of a long text.
func BenchmarkLongTextTypingInPart(b *testing.B) {
	for _, n := range []int{20000, 100000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			a := test.NewTempApp(b)
			a.Settings().SetTheme(newOfficeTheme())
			lt := newLongText(nil, "原文内容", 8)
			w := test.NewTempWindow(b, lt)
			lt.win = w
			w.Resize(fyne.NewSize(800, 600))
			lt.setText(postText(n, 0))
			lt.editPart(len(lt.parts) / 2)
			b.ResetTimer()
			for range b.N {
				lt.editEntry.TypedRune('字')
			}
		})
	}
}
