package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/export"
	"bulletin/export/chart"
	"bulletin/model"
)

// statsPeriod is the part of the 统计 screen that shows a period as the
// 通报 counts it (DOCUMENTS.md §5): the same period picker, the figures as
// they stood at the period's end with 环比, the breakdowns by 领域, 诉求类型,
// 涉及地域 and 风险等级 (the charts of package chart, as in the PDF), the
// 附表 with its ranking, and 导出表格 .xlsx.
type statsPeriod struct {
	ss      *statsScreen
	picker  *periodPicker
	summary *widget.Label
	domain  *barChart
	kind    *barChart
	area    *barChart
	risk    *barChart
	table   *fyne.Container
	export  *widget.Button
	print   *widget.Button  // 打印表格: the tables as a PDF (stats_print.go)
	content *fyne.Container // the charts and tables, hidden while there is no period
	box     fyne.CanvasObject

	breakdowns []*statsBreakdown // 按来源 … 按月份 (stats_breakdown.go)
	tableRows  []*tableRow       // the 附表's rows drawn; a tap opens the department's cases
	printer    *docPrinter

	report *model.PeriodReport // the figures shown; nil before the first load
	rows   []export.PeriodicRow
	gen    int
}

func newStatsPeriod(ss *statsScreen, p model.Period) *statsPeriod {
	sp := &statsPeriod{ss: ss}
	sp.picker = newPeriodPicker(p)
	sp.picker.OnChanged = func(p model.Period) { sp.choose(p) }
	sp.summary = widget.NewLabel("")
	sp.summary.Wrapping = fyne.TextWrapWord
	sp.domain, sp.kind, sp.area, sp.risk = newBarChart(false), newBarChart(false), newBarChart(false), newBarChart(false)
	sp.table = container.NewVBox()
	sp.export = widget.NewButton("导出表格 .xlsx", sp.onExport)
	sp.print = widget.NewButtonWithIcon("打印表格（PDF）", theme.DocumentPrintIcon(), sp.onPrint)
	sp.breakdowns = newBreakdowns()
	sp.tapCharts()
	sp.content = container.NewVBox(
		container.NewGridWithColumns(2, panel(panelTitle("按领域"), sp.domain), panel(panelTitle("按诉求类型"), sp.kind)),
		container.NewGridWithColumns(2, panel(panelTitle("按涉及地域"), sp.area), panel(panelTitle("按风险等级"), sp.risk)),
		panel(panelTitle("附表 "+export.PeriodicTableTitle), sp.table),
		wrapLabel(export.PeriodicDefinitions), // wrapped: one line of it would widen the whole screen
		breakdownsBox(sp.breakdowns))
	sp.content.Hide() // until a period is counted
	sp.box = panel(panelTitle("通报口径（截至统计期末，与通报相同）"), container.NewVBox(
		sp.summary, sp.content, container.NewHBox(sp.export, sp.print)))
	return sp
}

// choose sets the screen's 收集时间 to the period and counts both parts.
func (sp *statsPeriod) choose(p model.Period) {
	ss := sp.ss
	ss.quiet = true
	ss.from.SetText(p.From.Format(model.DateLayout))
	ss.to.SetText(p.To.Format(model.DateLayout))
	ss.quiet = false
	ss.load()
}

// load counts the period of the screen's dates as the 通报 does; with an
// open date there is no period and the part says so.
func (sp *statsPeriod) load() {
	from, to, err := sp.ss.period()
	sp.gen++
	gen := sp.gen
	if err != nil || from.IsZero() || to.IsZero() || to.Before(from) {
		sp.report = nil
		sp.summary.SetText("选择统计时段（或填写起止日期）后，这里按通报的口径统计。")
		sp.export.Disable()
		sp.print.Disable()
		sp.content.Hide() // the figures of a period chosen before would disagree with the dates
		sp.picker.unused("未选用：现统计全部案件")
		return
	}
	p, err := sp.picker.Period()
	if err != nil || !p.From.Equal(model.Day(from)) || !p.To.Equal(model.Day(to)) {
		sp.picker.unused("未选用：按下面填写的收集时间统计")
		if p, err = model.RangePeriod(from, to); err != nil {
			return
		}
	} else {
		sp.picker.span.SetText(p.Span())
	}
	sp.summary.SetText("正在统计…")
	sp.ss.bg.run(func() func() {
		r, err := sp.ss.store.PeriodReport(context.Background(), p)
		return func() {
			if gen != sp.gen {
				return
			}
			if err != nil {
				showError(sp.ss.win, "统计", err)
				return
			}
			sp.show(r)
		}
	})
}

// show puts the figures of r into the part.
func (sp *statsPeriod) show(r *model.PeriodReport) {
	sp.report = r
	f, h := r.Cur, r.Cur.Handling
	sp.summary.SetText(fmt.Sprintf("%s（%s，截至 %s）：案件 %d 件，较%s%s；已交办 %d，已回复 %d，按期回复 %d，逾期未回复 %d，已办结 %d；回复率 %s，按期回复率 %s，办结率 %s，满意率 %s。",
		f.Period.Name(), f.Period.Span(), f.AsOf.Format(model.DateLayout), f.Total, f.Period.Kind.PreviousName(), r.Change().Text(),
		h.Assigned, h.Replied, h.OnTime, h.OverdueUnreplied, h.Closed,
		h.ReplyRate().Text(), h.OnTimeRate().Text(), h.CloseRate().Text(), h.SatisfactionRate().Text()))
	sp.domain.SetChart(chart.Top("", chartCounts(f.ByDomain), 10))
	sp.kind.SetChart(chart.Top("", chartCounts(f.ByKind), 10))
	sp.area.SetChart(chart.Top("", chartCounts(f.ByArea), 10))
	sp.risk.SetChart(chart.Of("", chartCounts(f.ByRisk)))
	sp.rows = export.PeriodicRows(f)
	rows := [][]string{export.PeriodicHeader}
	for _, r := range sp.rows {
		rows = append(rows, r.Cells())
	}
	sp.tableRows = fillTable(sp.table, rows, 4, sp.openDepartment)
	sp.showBreakdowns(f)
	sp.export.Enable()
	sp.print.Enable()
	sp.content.Show()
}

func chartCounts(cs []model.Count) []chart.Count {
	out := make([]chart.Count, len(cs))
	for i, c := range cs {
		out[i] = chart.Count{Label: c.Label, N: c.N}
	}
	return out
}

// onExport writes the tables of the period as an .xlsx file.
func (sp *statsPeriod) onExport() {
	r := sp.report
	if r == nil {
		return
	}
	f := r.Cur
	rows := sp.rows
	saveFileAs(sp.ss.win, sp.ss.bg, fmt.Sprintf("统计_%s.xlsx", f.Period.Code()), ".xlsx", "导出表格", "统计表已导出到",
		func() ([]byte, error) { return statsXLSX(f, rows) })
}

// statsXLSX is the workbook of the period's tables.
func statsXLSX(f *model.PeriodFigures, rows []export.PeriodicRow) ([]byte, error) {
	return export.StatsXLSX(f.Period.Name()+" "+export.PeriodicTableTitle, f.Period.Span(), rows, export.StatsSheets(f))
}
