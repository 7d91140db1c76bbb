package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// TestStatsTablesKeepTheirRows: counting another period keeps the rows of
// the 统计 screen's tables and changes their texts, instead of building
// every row again (the rebuild was most of the time the screen took on the
// UI thread); a row whose cells changed shows the new ones.
func TestStatsTablesKeepTheirRows(t *testing.T) {
	sh, _ := newTestShell(t, mustBreakdownStore(t))
	ss := statsFor(t, sh, model.MonthPeriod(2026, 11))
	dept, period := ss.deptTable[1], ss.byPeriod.tableRows[1]
	ss = statsFor(t, sh, model.YearPeriod(2026))
	if ss.deptTable[1] != dept || ss.byPeriod.tableRows[1] != period {
		t.Errorf("the rows of the department table and the 附表 were built again")
	}
	for i, r := range ss.deptTable {
		for j, l := range r.labels {
			if l.label.Text != ss.deptRows[i][j] {
				t.Errorf("row %d cell %d shows %q, want %q", i, j, l.label.Text, ss.deptRows[i][j])
			}
		}
	}
}

// TestTableCellTruncatesOnlyWhatDoesNotFit: a cell truncates with … only
// when its text is wider than the cell, and is as large as a truncating
// label whatever its text.
func TestTableCellTruncatesOnlyWhatDoesNotFit(t *testing.T) {
	newTestShell(t, mustOpenStore(t))
	ref := widget.NewLabel("市生态环境局本县分局")
	ref.Truncation = fyne.TextTruncateEllipsis
	for _, tc := range []struct {
		name  string
		text  string
		width float32
		want  fyne.TextTruncation
	}{
		{"short text in a wide cell", "合计", 200, fyne.TextTruncateOff},
		{"long name in a narrow cell", "市生态环境局本县分局", 60, fyne.TextTruncateEllipsis},
		{"long name in a wide cell", "市生态环境局本县分局", 400, fyne.TextTruncateOff},
	} {
		c := newTableCell()
		c.set(tc.text, false, widget.MediumImportance)
		c.Resize(fyne.NewSize(tc.width, 36))
		if c.label.Truncation != tc.want {
			t.Errorf("%s: %q at %.0f wide truncates %v, want %v", tc.name, tc.text, tc.width, c.label.Truncation, tc.want)
		}
		if c.MinSize() != ref.MinSize() {
			t.Errorf("%s: MinSize %v, a truncating label's is %v", tc.name, c.MinSize(), ref.MinSize())
		}
	}
}
