package ui

import (
	"time"

	"bulletin/model"
)

// What the 统计 screen counts, and as at which day. Every figure of the
// screen (the tiles, the charts, the tables and the 通报口径 part) stands as
// at the end of the 截止日期, as the 通报 counts its period (DOCUMENTS.md
// §5); with no 截止日期, or one not yet past, as at today. One day for all
// of them: two numbers of the screen never disagree for want of a label.

// asOfEnd is the instant the figures are counted at (model.StatsFilter.AsOf):
// the end of the day to, as PeriodFigures takes its period's end (a period
// still running is judged today by the model), or zero (as the cases are
// now) with no 截止日期.
func asOfEnd(to time.Time) time.Time {
	if to.IsZero() {
		return time.Time{}
	}
	return model.Day(to).AddDate(0, 0, 1)
}

// asOfText says as at which day the figures stand, above the tiles.
func asOfText(to, now time.Time) string {
	today := model.Day(now)
	if to.IsZero() || !model.Day(to).Before(today) {
		return "以下各项数字截至今天（" + today.Format(model.DateLayout) + "），逾期按今天判断。"
	}
	return "以下各项数字截至统计期末 " + to.Format(model.DateLayout) +
		"：此后的交办、回复、办结和回访不计入，逾期按期末判断，与通报的口径相同。"
}

// scopeText says which cases are counted.
func scopeText(from, to, now time.Time) string {
	d := func(t time.Time) string { return t.Format(model.DateLayout) }
	switch {
	case from.IsZero() && to.IsZero():
		return "统计全部案件"
	case from.IsZero():
		return "统计 " + d(to) + " 及以前收集的案件"
	case to.IsZero():
		return "统计 " + d(from) + " 起收集的案件"
	case from.After(to):
		return "开始日期晚于结束日期"
	}
	return "统计 " + d(from) + " 至 " + d(to) + " 收集的案件"
}

// emptyText explains an empty count and what to do.
func emptyText(from, to time.Time) string {
	if from.IsZero() && to.IsZero() {
		return "还没有登记任何案件。在「案件」中登记或导入案件后，这里会显示统计图表。"
	}
	return "所选时间段内没有收集的案件。请调整收集时间，或点击「全部时间」。"
}
