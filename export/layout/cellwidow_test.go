package layout

import (
	"slices"
	"strings"
	"testing"
)

// TestCellNoLoneLast: a cell's last line never holds one character alone
// when the line before can give it one within maxStretch (a column of 21
// characters); in a column of four, where the line before would open by
// more than 80 %, the break stands. The text reads back whole either way.
func TestCellNoLoneLast(t *testing.T) {
	tests := []struct {
		name      string
		label     float64 // width of the first column, mm
		text      string
		wantLines []int // characters per line
	}{
		{"22 in 21", 30, strings.Repeat("国", 21) + "家", []int{20, 2}},
		{"43 in 21", 30, strings.Repeat("国", 42) + "家", []int{21, 20, 2}},
		{"closing punctuation", 30, strings.Repeat("国", 21) + "家。", []int{20, 3}},
		{"two already", 30, strings.Repeat("国", 21) + "家园", []int{21, 2}},
		{"narrow: stands", 126, "国家安全局", []int{4, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := Table{Columns: []Column{{Width: tt.label}, {}}, Rows: []Row{row("标题", tt.text)}}
			pages, _ := tableDoc(t, tab)
			var got []int
			var all strings.Builder
			for _, l := range textLines(pages, SizeSanhao) {
				n := 0
				for _, g := range l.gs {
					if g.X > Left+tt.label {
						all.WriteRune(g.R)
						n++
					}
				}
				if n > 0 {
					got = append(got, n)
				}
			}
			if !slices.Equal(got, tt.wantLines) || all.String() != tt.text {
				t.Errorf("%q: lines of %v characters (%q); want %v", tt.text, got, all.String(), tt.wantLines)
			}
		})
	}
}
