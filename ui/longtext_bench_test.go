package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// chineseText is n characters of Chinese, without a space (Fyne's word wrap
// is slowest there), with a line break every para characters (0: none).
func chineseText(n, para int) string {
	src := []rune("网民反映某小区停车难，消防通道被占用，夜间车辆停满道路，救护车无法通行。希望有关部门尽快协调解决！")
	out := make([]rune, n)
	for i := range out {
		out[i] = src[i%len(src)]
		if para > 0 && i%para == para-1 {
			out[i] = '\n'
		}
	}
	return string(out)
}

// BenchmarkWrappedEntryTyping is one keystroke in a wrapped multi-line Entry
// holding n characters of Chinese without a line break (para 0) or in
// paragraphs: the cost that longText keeps a long text away from the Entry
// for (fyne-io/fyne#5297). 20,000 characters take seconds a keystroke: run
// it with -benchtime 3x.
func BenchmarkWrappedEntryTyping(b *testing.B) {
	for _, c := range []struct{ n, para int }{{800, 0}, {1000, 0}, {5000, 0}, {5000, 100}, {20000, 0}} {
		b.Run(fmt.Sprintf("%d/para%d", c.n, c.para), func(b *testing.B) {
			a := test.NewTempApp(b)
			a.Settings().SetTheme(newOfficeTheme())
			e := widget.NewMultiLineEntry()
			e.Wrapping = fyne.TextWrapWord
			w := test.NewTempWindow(b, e)
			w.Resize(fyne.NewSize(500, 400))
			e.SetText(chineseText(c.n, c.para))
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
			s := chineseText(c.n, c.para)
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
			lt.setText(chineseText(n, 0))
			lt.editPart(len(lt.parts) / 2)
			b.ResetTimer()
			for range b.N {
				lt.editEntry.TypedRune('字')
			}
		})
	}
}
