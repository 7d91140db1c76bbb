package ui

import (
	"context"
	"fmt"
	"image/color"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// statsScreen is the 统计 screen: the cases of a period (by 收集时间) counted
// by status, source, department and month, and each department's on-time
// replies, as tiles, bar charts and a table. It only reads.
type statsScreen struct {
	win   fyne.Window
	store *model.Store

	from, to   *dateField
	refreshBtn *widget.Button
	clearBtn   *widget.Button
	scope      *widget.Label // the period shown, or why nothing is
	asOf       *widget.Label // as at which day every figure of the screen stands

	total, pending, working, closed, overdue, extended *statTile
	rate                                               *statTile      // 按期回复率, in the handling row
	handling                                           *handlingTiles // 回复率, 按期回复率, 办结率, 满意率…

	byKind, bySentiment *barChart

	byStatus, bySource, byDept, byMonth *barChart
	monthTitle                          *widget.Label
	deptRows                            [][]string  // the table as shown, header first, 合计 last
	deptTable                           []*tableRow // its rows drawn; a tap opens the department's cases
	table                               *fyne.Container
	rateDef                             *widget.Label   // under the table: what 按时回复率 counts
	body                                *fyne.Container // the charts and table, or the empty message
	charts                              fyne.CanvasObject
	empty                               *widget.Label // why there is nothing to draw
	emptyBox                            fyne.CanvasObject
	root                                fyne.CanvasObject

	byPeriod  *statsPeriod           // the period as the 通报 counts it
	openCases func(model.CaseFilter) // shows the cases behind a bar (set by the shell)
	last      *model.Stats           // the figures shown, for a tap on a bar
	lastFirst time.Time              // the first month of the month chart

	gen   int // bumped by every query; late answers of old ones are dropped
	dates debouncer
	bg    *tasks
	quiet bool // true while the dates are changed by code
}

// Figures of the charts.
const (
	statsTopDepartments = 10 // departments drawn one by one; the rest are 其他
	statsMonths         = 12
)

// Colours of the four statuses in the status chart.
var statusColors = map[string]color.Color{
	string(model.StatusPending):  color.NRGBA{R: 0x94, G: 0xa3, B: 0xb3, A: 0xff},
	string(model.StatusAssigned): color.NRGBA{R: 0xd9, G: 0x8b, B: 0x2b, A: 0xff},
	string(model.StatusReplied):  color.NRGBA{R: 0x2f, G: 0x7e, B: 0xc1, A: 0xff},
	string(model.StatusClosed):   color.NRGBA{R: 0x3b, G: 0x8e, B: 0x5a, A: 0xff},
}

func newStatsScreen(w fyne.Window, s *model.Store, bg *tasks) *statsScreen {
	return &statsScreen{win: w, store: s, bg: bg}
}

// content builds the screen once and returns it.
func (ss *statsScreen) content() fyne.CanvasObject {
	if ss.root == nil {
		ss.root = ss.buildUI()
	}
	return ss.root
}

func (ss *statsScreen) buildUI() fyne.CanvasObject {
	ss.from, ss.to = newDateField(false), newDateField(false)
	ss.from.OnChanged, ss.to.OnChanged = ss.scheduleReload, ss.scheduleReload
	ss.from.SetPlaceHolder("起始日期")
	ss.to.SetPlaceHolder("截止日期")
	ss.refreshBtn = widget.NewButtonWithIcon("刷新", theme.ViewRefreshIcon(), ss.onRefresh)
	ss.refreshBtn.Importance = widget.HighImportance
	ss.clearBtn = widget.NewButton("全部时间", ss.onClear)
	ss.scope = widget.NewLabel("")
	ss.scope.Importance = widget.LowImportance
	ss.scope.Truncation = fyne.TextTruncateEllipsis
	filters := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("收集时间"), ss.from,
		widget.NewLabel("至"), ss.to, ss.refreshBtn, ss.clearBtn), nil, ss.scope)
	ss.byPeriod = newStatsPeriod(ss, model.MonthPeriod(time.Now().Year(), time.Now().Month()))
	filters = container.NewVBox(container.NewHBox(widget.NewLabel("统计时段"), ss.byPeriod.picker.box), filters)

	ss.total, ss.pending, ss.working = newStatTile("案件总数"), newStatTile("待研判"), newStatTile("办理中")
	ss.closed, ss.overdue, ss.extended = newStatTile("已办结"), newStatTile("逾期"), newStatTile("延期")
	tiles := container.NewGridWithColumns(6, ss.total.box, ss.pending.box, ss.working.box,
		ss.closed.box, ss.overdue.box, ss.extended.box)
	ss.handling = newHandlingTiles()
	ss.rate = ss.handling.onTime

	ss.byStatus, ss.bySource = newBarChart(false), newBarChart(false)
	ss.byDept, ss.byMonth = newBarChart(false), newBarChart(true)
	ss.byKind, ss.bySentiment = newBarChart(false), newBarChart(false)
	ss.monthTitle = panelTitle("按月份")
	ss.tapBars()
	ss.table, ss.rateDef = container.NewVBox(), rateNote()
	ss.charts = container.NewVBox(
		container.NewGridWithColumns(2,
			panel(panelTitle("按状态"), ss.byStatus), panel(ss.monthTitle, ss.byMonth)),
		container.NewGridWithColumns(2, panel(panelTitle("按来源"), ss.bySource),
			panel(panelTitle(fmt.Sprintf("按责任单位（交办数前 %d）", statsTopDepartments)), ss.byDept)),
		container.NewGridWithColumns(2, panel(panelTitle("按诉求类型"), ss.byKind),
			panel(panelTitle("按情感倾向"), ss.bySentiment)),
		panel(panelTitle("各责任单位按期回复情况"), container.NewVBox(ss.table, ss.rateDef)),
	)
	ss.empty = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	ss.emptyBox = panel(widget.NewLabelWithStyle("暂无数据", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		container.NewStack(minHeight(120), container.NewCenter(ss.empty)))
	ss.body = container.NewStack(ss.charts)
	ss.asOf = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ss.asOf.Wrapping = fyne.TextWrapWord
	page := container.NewVBox(filters, ss.asOf, tiles, ss.handling.box, ss.body, ss.byPeriod.box)
	return container.NewVScroll(container.NewPadded(page))
}

// reload counts again when the screen is shown: cases may have changed.
func (ss *statsScreen) reload() { ss.load() }

// onRefresh counts again, first checking the dates typed.
func (ss *statsScreen) onRefresh() {
	if _, _, err := ss.period(); err != nil {
		showInfo(ss.win, err.Error())
		return
	}
	ss.load()
}

// onClear empties the dates: all cases are counted.
func (ss *statsScreen) onClear() {
	ss.quiet = true
	ss.from.SetText("")
	ss.to.SetText("")
	ss.quiet = false
	ss.load()
}

// scheduleReload counts again a moment after the last keystroke in a date,
// once both dates are valid; the field itself marks a wrong one.
func (ss *statsScreen) scheduleReload() {
	if _, _, err := ss.period(); ss.quiet || err != nil {
		return
	}
	ss.dates.schedule(ss.bg, ss.load)
}

// period reads the two dates; zero means open.
func (ss *statsScreen) period() (from, to time.Time, err error) {
	if from, err = ss.from.Date(); err != nil {
		return from, to, fmt.Errorf("开始日期：%v", err)
	}
	if to, err = ss.to.Date(); err != nil {
		return from, to, fmt.Errorf("结束日期：%v", err)
	}
	return from, to, nil
}

// load runs FindStats in the background and shows the answer.
func (ss *statsScreen) load() {
	if ss.root == nil {
		return
	}
	from, to, err := ss.period()
	if err != nil {
		return
	}
	ss.byPeriod.load()
	ss.gen++
	gen, now := ss.gen, ss.store.Now()
	ss.refreshBtn.Disable()
	ss.scope.SetText("正在统计…")
	ss.bg.run(func() func() {
		st, err := ss.store.FindStats(context.Background(), model.StatsFilter{From: from, To: to, Now: now, AsOf: asOfEnd(to)})
		return func() {
			if gen != ss.gen {
				return
			}
			ss.refreshBtn.Enable()
			if err != nil {
				showError(ss.win, "统计", err)
				return
			}
			ss.show(st, from, to, now)
		}
	})
}

// show puts the figures of st into the tiles, charts and table.
func (ss *statsScreen) show(st *model.Stats, from, to, now time.Time) {
	ss.scope.SetText(scopeText(from, to, now))
	ss.asOf.SetText(asOfText(to, now))
	ss.showTiles(st)
	if st.Total == 0 {
		ss.empty.SetText(emptyText(from, to))
		ss.body.Objects = []fyne.CanvasObject{ss.emptyBox}
		ss.relayout()
		return
	}
	ss.byStatus.SetBars(statusBars(st))
	ss.bySource.SetBars(countBars(st.BySource))
	ss.byDept.SetBars(departmentBars(st.Departments, statsTopDepartments))
	first, bars := monthBars(st.ByMonth, from, to, now)
	ss.last, ss.lastFirst = st, first
	ss.monthTitle.SetText(fmt.Sprintf("按月份（%s 至 %s，共 %d 个月）", first.Format("2006-01"),
		first.AddDate(0, len(bars)-1, 0).Format("2006-01"), len(bars)))
	ss.byMonth.SetBars(bars)
	ss.byKind.SetBars(countBars(st.ByKind))
	ss.bySentiment.SetBars(sentimentBars(st.BySentiment))
	ss.deptRows = departmentRows(st.Departments, st.Handling)
	ss.deptTable = fillTable(ss.table, ss.deptRows, 4, ss.openDepartment)
	ss.body.Objects = []fyne.CanvasObject{ss.charts}
	ss.relayout()
}

// relayout sizes the page again: the charts and the table are taller or
// shorter with other figures.
func (ss *statsScreen) relayout() {
	ss.body.Refresh()
	ss.root.Refresh()
}

// showTiles fills the summary row.
func (ss *statsScreen) showTiles(st *model.Stats) {
	n := map[string]int{}
	for _, c := range st.ByStatus {
		n[c.Label] = c.N
	}
	assigned, replied := n[string(model.StatusAssigned)], n[string(model.StatusReplied)]
	ss.total.set(fmt.Sprint(st.Total), "", false)
	ss.pending.set(fmt.Sprint(n[string(model.StatusPending)]), "尚未交办", false)
	ss.working.set(fmt.Sprint(assigned+replied), fmt.Sprintf("已交办 %d · 已回复 %d", assigned, replied), false)
	ss.closed.set(fmt.Sprint(n[string(model.StatusClosed)]), "", false)
	ss.overdue.set(fmt.Sprint(st.Overdue), "超过时限未回复", st.Overdue > 0)
	extNote := "时限延长过的案件"
	if h := st.Handling; h.Extended > 0 {
		extNote = "按原定时限，按期回复率 " + h.OriginalOnTimeRate().Text()
	}
	ss.extended.set(fmt.Sprint(st.Handling.Extended), extNote, false)
	ss.handling.show(st.Handling)
}

// Colours of the 情感倾向 bars.
var sentimentColors = map[string]color.Color{
	"正面":  color.NRGBA{R: 0x3b, G: 0x8e, B: 0x5a, A: 0xff},
	"中性":  color.NRGBA{R: 0x94, G: 0xa3, B: 0xb3, A: 0xff},
	"负面":  color.NRGBA{R: 0xc6, G: 0x3d, B: 0x3d, A: 0xff},
	"未标注": colorDisabled,
}

// sentimentBars are the 情感倾向 counts in their order, in their colours.
func sentimentBars(cs []model.Count) []chartBar {
	out := make([]chartBar, 0, len(cs))
	for _, c := range cs {
		out = append(out, chartBar{Label: c.Label, N: c.N, Color: sentimentColors[c.Label]})
	}
	return out
}

// statusBars are the four statuses in their order, in their colours.
func statusBars(st *model.Stats) []chartBar {
	var out []chartBar
	for _, c := range st.ByStatus {
		out = append(out, chartBar{Label: c.Label, N: c.N, Color: statusColors[c.Label]})
	}
	return out
}

// countBars draws counts as they come.
func countBars(cs []model.Count) []chartBar {
	out := make([]chartBar, 0, len(cs))
	for _, c := range cs {
		label := c.Label
		if label == "" {
			label = "（未填）"
		}
		out = append(out, chartBar{Label: label, N: c.N})
	}
	return out
}

// byAssigned sorts departments by cases assigned, most first, then by name.
func byAssigned(ds []model.DepartmentStats) []model.DepartmentStats {
	out := append([]model.DepartmentStats(nil), ds...)
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].Assigned > out[j].Assigned || out[i].Assigned == out[j].Assigned && out[i].Name < out[j].Name
	})
	return out
}

// departmentBars are the top departments by cases assigned, the rest summed
// as 其他.
func departmentBars(ds []model.DepartmentStats, top int) []chartBar {
	var out []chartBar
	rest, others := 0, 0
	for i, d := range byAssigned(ds) {
		if i < top {
			out = append(out, chartBar{Label: d.Name, N: d.Assigned})
			continue
		}
		rest += d.Assigned
		others++
	}
	if others > 0 {
		out = append(out, chartBar{Label: fmt.Sprintf("其他 %d 个单位", others), N: rest, Color: colorDisabled})
	}
	return out
}

// monthBars are the twelve months up to the end of the period (or now), or
// fewer when the period starts later; months without cases are zeros. It
// returns the first month too.
func monthBars(counts []model.Count, from, to, now time.Time) (time.Time, []chartBar) {
	month := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.Local) }
	last := month(now)
	if !to.IsZero() {
		last = month(to)
	}
	// The whole period: from its first month, or, when open, the last
	// twelve months and any earlier month with cases.
	first := last.AddDate(0, 1-statsMonths, 0)
	if !from.IsZero() {
		first = month(from)
	} else if len(counts) > 0 {
		if t, err := time.ParseInLocation("2006-01", counts[0].Label, time.Local); err == nil && t.Before(first) {
			first = t
		}
	}
	if first.After(last) {
		first = last
	}
	n := map[string]int{}
	for _, c := range counts {
		n[c.Label] = c.N
	}
	var out []chartBar
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		b := chartBar{Label: fmt.Sprintf("%d月", m.Month()), N: n[m.Format("2006-01")]}
		if m.Equal(first) || m.Month() == time.January {
			b.Sub = fmt.Sprint(m.Year())
		}
		out = append(out, b)
	}
	return first, out
}

// onNew does nothing: the screen has nothing to create.
func (ss *statsScreen) onNew() {}

// onSave does nothing: the screen only reads.
func (ss *statsScreen) onSave() {}

// onFind puts the cursor in the first date, the screen's only filter.
func (ss *statsScreen) onFind() {
	if ss.from != nil {
		ss.win.Canvas().Focus(ss.from.entry)
	}
}

// confirmLeave implements screen: nothing is ever unsaved here.
func (ss *statsScreen) confirmLeave(next func()) { next() }

// wait blocks until the queries started so far have been shown (for tests).
