package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// The table of the 统计 screen: each department's replies and its 按期回复率,
// and the tiles of the handling rates.

// totalOf is the 合计 row: each case once (a case may name several
// departments, and DOCUMENTS.md §5 counts it once in the total), from the
// handling figures of the whole period.
func totalOf(h model.Handling) model.DepartmentStats {
	return model.DepartmentStats{Name: "合计", Assigned: h.Assigned, Replied: h.Replied,
		OnTime: h.OnTime, Overdue: h.OverdueUnreplied}
}

// rateText is the on-time rate with one decimal, or — when no reply is due.
func rateText(d model.DepartmentStats) string {
	return model.Rate{Num: d.OnTime, Den: d.ReplyDue()}.Text()
}

// departmentRows is the table: a header, one row per department (most
// assigned first) and the 合计, which counts each case once.
func departmentRows(ds []model.DepartmentStats, h model.Handling) [][]string {
	rows := [][]string{{"责任单位", "交办数", "已回复", "按期回复", "逾期未回复", "按期回复率"}}
	row := func(d model.DepartmentStats) []string {
		return []string{d.Name, fmt.Sprint(d.Assigned), fmt.Sprint(d.Replied), fmt.Sprint(d.OnTime),
			fmt.Sprint(d.Overdue), rateText(d)}
	}
	for _, d := range byAssigned(ds) {
		rows = append(rows, row(d))
	}
	return append(rows, row(totalOf(h)))
}

// rateNote defines the rate under the table: the overdue unanswered count
// as late, so that the rate cannot read 100% while cases are overdue.
func rateNote() *widget.Label {
	l := widget.NewLabel("按期回复率 = 按期回复 ÷（已回复 + 逾期未回复）；未到时限、尚未回复的不计入；合计中每件案件只计一次。点击一行可查看该单位交办的案件。")
	l.Importance = widget.LowImportance
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// handlingTiles are the second row of the screen: the rates of DOCUMENTS.md
// §5 with their counts, the average time to reply and the late replies.
type handlingTiles struct {
	reply, onTime, closed, satisfied, avgDays, late *statTile
	box                                             fyne.CanvasObject
}

func newHandlingTiles() *handlingTiles {
	h := &handlingTiles{reply: newStatTile("回复率"), onTime: newStatTile("按期回复率"),
		closed: newStatTile("办结率"), satisfied: newStatTile("满意率"),
		avgDays: newStatTile("平均回复用时"), late: newStatTile("逾期回复")}
	h.box = container.NewGridWithColumns(6, h.reply.box, h.onTime.box, h.closed.box,
		h.satisfied.box, h.avgDays.box, h.late.box)
	return h
}

// show fills the tiles from h.
func (t *handlingTiles) show(h model.Handling) {
	rate := func(tile *statTile, r model.Rate, num, den string) {
		note := fmt.Sprintf("%s %d / %s %d", num, r.Num, den, r.Den)
		if r.Den == 0 {
			note = "尚无" + den + "的案件"
		}
		tile.set(r.Text(), note, false)
	}
	rate(t.reply, h.ReplyRate(), "已回复", "已交办")
	rate(t.onTime, h.OnTimeRate(), "按期", "应回复")
	rate(t.closed, h.CloseRate(), "已办结", "已交办")
	rate(t.satisfied, h.SatisfactionRate(), "满意", "已回访")
	avg := "尚无回复"
	if _, ok := h.AvgReplyWorkdays(); ok {
		avg = "个工作日（交办至回复）"
	}
	t.avgDays.set(h.AvgReplyText(), avg, false)
	t.late.set(fmt.Sprint(h.Late), "超过时限才回复", h.Late > 0)
}
