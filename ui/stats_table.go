package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// The table of the 统计 screen: each department's replies and its 按时回复率.

// totalOf sums the figures of all departments.
func totalOf(ds []model.DepartmentStats) model.DepartmentStats {
	sum := model.DepartmentStats{Name: "合计"}
	for _, d := range ds {
		sum.Assigned += d.Assigned
		sum.Replied += d.Replied
		sum.OnTime += d.OnTime
		sum.Overdue += d.Overdue
	}
	return sum
}

// rateText is the on-time rate with one decimal, or — when no reply is due.
func rateText(d model.DepartmentStats) string {
	if d.ReplyDue() == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", d.OnTimeRate()*100)
}

// departmentRows is the table: a header, one row per department (most
// assigned first) and the 合计.
func departmentRows(ds []model.DepartmentStats) [][]string {
	rows := [][]string{{"责任单位", "交办数", "已回复", "按时回复", "逾期未回复", "按时回复率"}}
	row := func(d model.DepartmentStats) []string {
		return []string{d.Name, fmt.Sprint(d.Assigned), fmt.Sprint(d.Replied), fmt.Sprint(d.OnTime),
			fmt.Sprint(d.Overdue), rateText(d)}
	}
	for _, d := range byAssigned(ds) {
		rows = append(rows, row(d))
	}
	return append(rows, row(totalOf(ds)))
}

// rateNote defines the rate under the table: the overdue unanswered count
// as late, so that the rate cannot read 100% while cases are overdue.
func rateNote() *widget.Label {
	l := widget.NewLabel("按时回复率 = 按时回复 ÷（已回复 + 逾期未回复）；未到时限、尚未回复的不计入。")
	l.Importance = widget.LowImportance
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}
