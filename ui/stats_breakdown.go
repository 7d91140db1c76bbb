package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bulletin/export"
	"bulletin/export/chart"
	"bulletin/model"
)

// The 通报口径 part's tables by 来源, 领域, 诉求类型, 涉及地域, 风险等级 and
// 月份: the rows the .xlsx and the printout hold (export.StatsSheets,
// export.BreakdownRows), each row opening its cases.

// statsBreakdown is one such table.
type statsBreakdown struct {
	name   string // 按来源 … as export.StatsSheets names it
	table  *fyne.Container
	counts []model.Count
	rows   [][]string  // as shown, header first, 合计 last
	drawn  []*tableRow // the rows drawn
	box    fyne.CanvasObject
}

// newBreakdowns are the empty tables in the order of export.StatsSheets.
func newBreakdowns() []*statsBreakdown {
	var out []*statsBreakdown
	for _, s := range export.StatsSheets(&model.PeriodFigures{}) {
		b := &statsBreakdown{name: s.Name, table: container.NewVBox()}
		b.box = panel(panelTitle(s.Name), b.table)
		out = append(out, b)
	}
	return out
}

// breakdownsBox lays the tables out three abreast, with how to use them.
func breakdownsBox(bs []*statsBreakdown) fyne.CanvasObject {
	grid := container.NewGridWithColumns(3)
	for _, b := range bs {
		grid.Add(b.box)
	}
	hint := widget.NewLabel("点击表格中的一行，即可查看这些案件（收集时间同上）。")
	hint.Importance = widget.LowImportance
	return container.NewVBox(grid, hint)
}

// showBreakdowns fills the tables from f; a tap on a row opens its cases.
func (sp *statsPeriod) showBreakdowns(f *model.PeriodFigures) {
	for i, s := range export.StatsSheets(f) {
		b := sp.breakdowns[i]
		b.counts = s.Counts
		b.rows = append([][]string{{s.Name[len("按"):], "件数", "占比"}}, export.BreakdownRows(s.Counts)...)
		b.drawn = fillTable(b.table, b.rows, -1, func(row int) { sp.openBreakdown(b.name, b.counts, row-1) })
	}
}

// openBreakdown opens the cases of the i-th count of the breakdown by.
func (sp *statsPeriod) openBreakdown(by string, counts []model.Count, i int) {
	c, ok := at(counts, i)
	if !ok {
		return
	}
	sp.ss.openWith(func(f *model.CaseFilter) bool { return filterBy(by, c.Label, f) })
}

// tapCharts makes the part's charts open the cases behind a bar, as the
// tables' rows do; 其他 (what chart.Top merged) opens nothing.
func (sp *statsPeriod) tapCharts() {
	for _, c := range []struct {
		chart  *barChart
		by     string
		counts func(*model.PeriodFigures) []model.Count
		top    int
	}{
		{sp.domain, "按领域", func(f *model.PeriodFigures) []model.Count { return f.ByDomain }, 10},
		{sp.kind, "按诉求类型", func(f *model.PeriodFigures) []model.Count { return f.ByKind }, 10},
		{sp.area, "按涉及地域", func(f *model.PeriodFigures) []model.Count { return f.ByArea }, 10},
		{sp.risk, "按风险等级", func(f *model.PeriodFigures) []model.Count { return f.ByRisk }, 0},
	} {
		c.chart.OnTapped = func(i int) {
			if sp.report == nil {
				return
			}
			m := periodChart(c.counts(sp.report.Cur), c.top)
			if i < 0 || i >= len(m.Labels) || m.Note != "" && i == len(m.Labels)-1 {
				return // 其他, the labels chart.Top merged
			}
			sp.ss.openWith(func(f *model.CaseFilter) bool { return filterBy(c.by, m.Labels[i], f) })
		}
	}
}

// periodChart is the chart of counts as the part draws it: the first top
// and 其他, or all of them when top is 0.
func periodChart(counts []model.Count, top int) chart.Chart {
	if top == 0 {
		return chart.Of("", chartCounts(counts))
	}
	return chart.Top("", chartCounts(counts), top)
}
