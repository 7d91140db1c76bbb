package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// casePageSize is how many cases one query loads: the table asks for rows as
// they scroll into view, so 100,000 cases are never in memory at once.
const casePageSize = 100

// maxCachedPages bounds the pages kept while scrolling far.
const maxCachedPages = 12

// searchDelay is the pause after typing before the search runs.
const searchDelay = 250 * time.Millisecond

// Filter choices meaning "any".
const (
	anyStatus = "全部状态"
	anyDept   = "全部责任单位"
	anySource = "全部来源"
	anyMood   = "全部倾向"
)

// caseColumn is one column of the case table.
type caseColumn struct {
	title string
	width float32
	sort  model.CaseSort // "" = not sortable
}

// caseColumns fit the list at 1280×800 beside the editor (about 660 px): each
// is as wide as its longest usual text or its header with the sort arrow
// (test), and 标题 takes what they leave (fitColumns).
var caseColumns = []caseColumn{
	{"编号", 84, model.SortNumber},
	{"标题", minCaseTitleWidth, model.SortTitle},
	{"来源", 72, ""},                    // four characters; 人民网领导留言板 is cut
	{"收集时间", 90, model.SortCollected}, // 2026-11-28, and the header with ▼
	{"责任单位", 86, ""},                  // four characters and …
	{"状态", 90, model.SortStatus},      // 已交办 批示
	{"时限", 92, model.SortDue},         // 2027-01-05, 逾期3日 催2, 即将到期
}

// caseTitleColumn takes the width the other columns leave.
const caseTitleColumn = 1

// minCaseTitleWidth is the narrowest 标题: in a narrower list the table
// scrolls sideways rather than show a few characters of each title.
const minCaseTitleWidth = 96

// casesScreen is the 案件 screen: the filtered, paged table of cases on the
// left and the editor of the selected case on the right.
type casesScreen struct {
	win   fyne.Window
	store *model.Store
	now   func() time.Time

	search               *widget.Entry
	status, dept, source *widget.Select
	sentiment            *widget.Select
	from, to             *dateField
	overdue, dueSoon     *widget.Check
	important            *widget.Check
	count                *widget.Label
	emptyNote            *widget.Label // over the table when no case is listed
	table                *widget.Table
	ed                   *caseEditor
	split                *container.Split
	root                 fyne.CanvasObject
	colWidths            []float32 // the widths set on the table, for its width now

	sort     model.CaseSort
	desc     bool
	filter   model.CaseFilter // the current query, without paging
	cal      *model.Calendar  // for 即将到期 and 逾期 n 个工作日; read again with each new query
	note     string           // what the count line adds: a date filter not used
	total    int
	pages    map[int][]*model.Case
	loading  map[int]bool
	gen      int // bumped by every new query; late answers of old ones are dropped
	debounce debouncer
	bg       *tasks
	quiet    bool // true while the table selection is changed by code

	breakdown *breakdownFilter // 领域, 诉求类型, 涉及地域 or 风险等级, set by the 统计 screen
}

func newCasesScreen(w fyne.Window, s *model.Store, bg *tasks) *casesScreen {
	cs := &casesScreen{win: w, store: s, bg: bg, now: time.Now,
		sort: model.SortCollected, desc: true,
		pages: map[int][]*model.Case{}, loading: map[int]bool{}}
	if p := fyne.CurrentApp(); p != nil {
		cs.sort = model.CaseSort(p.Preferences().StringWithFallback(prefCaseSort, string(model.SortCollected)))
		cs.desc = p.Preferences().BoolWithFallback(prefCaseDesc, true)
	}
	cs.ed = newCaseEditor(w, s, bg, func() time.Time { return cs.now() })
	cs.ed.calendar = cs.calendar
	cs.ed.onSaved = cs.onEditorSaved
	cs.ed.onDeleted = cs.onEditorDeleted
	cs.ed.onNew = cs.onNew
	return cs
}

// content builds the screen once and returns it.
func (cs *casesScreen) content() fyne.CanvasObject {
	if cs.root == nil {
		cs.root = cs.buildUI()
		cs.reloadList()
	}
	return cs.root
}

func (cs *casesScreen) buildUI() fyne.CanvasObject {
	cs.search = widget.NewEntry()
	cs.search.SetPlaceHolder("搜索标题、原文、摘要、网民昵称、回复内容或编号（Ctrl+F）")
	cs.search.OnChanged = func(string) { cs.scheduleReload() }
	cs.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	cs.status = filterSelect(anyStatus, statusNames(), cs.reloadList)
	cs.dept = filterSelect(anyDept, nil, cs.reloadList)
	cs.source = filterSelect(anySource, model.Sources, cs.reloadList)
	cs.from, cs.to = newDateField(false), newDateField(false)
	cs.from.SetPlaceHolder("起始日期")
	cs.to.SetPlaceHolder("截止日期")
	cs.from.OnChanged, cs.to.OnChanged = cs.scheduleReload, cs.scheduleReload
	cs.overdue = widget.NewCheck("仅看逾期", func(bool) { cs.reloadList() })
	cs.dueSoon = widget.NewCheck("即将到期", func(bool) { cs.reloadList() })
	cs.important = widget.NewCheck("重点", func(bool) { cs.reloadList() })
	cs.sentiment = filterSelect(anyMood, model.Sentiments, cs.reloadList)
	cs.count = widget.NewLabel("")
	clear := widget.NewButton("清除条件", cs.onClearFilters)
	cs.breakdown = newBreakdownFilter(cs.reloadList)

	cs.table = widget.NewTableWithHeaders(cs.tableSize, newCaseCell, cs.updateCell)
	cs.table.ShowHeaderColumn = false
	cs.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		return b
	}
	cs.table.UpdateHeader = cs.updateHeader
	for i, c := range caseColumns {
		cs.table.SetColumnWidth(i, c.width)
	}
	cs.table.OnSelected = cs.onRowSelected

	filters := container.NewVBox(
		cs.search,
		container.NewBorder(nil, nil, nil, container.NewHBox(cs.overdue, cs.dueSoon, cs.important),
			container.NewGridWithColumns(3, cs.status, cs.dept, cs.source)),
		container.NewHBox(widget.NewLabel("收集时间"), cs.from, widget.NewLabel("至"), cs.to,
			container.NewGridWrap(fyne.NewSize(116, cs.sentiment.MinSize().Height), cs.sentiment), clear),
		cs.breakdown.box,
	)
	importBtn := widget.NewButtonWithIcon("导入…", theme.DownloadIcon(), cs.onImport)
	exportBtn := widget.NewButtonWithIcon("导出…", theme.UploadIcon(), cs.onExport)
	importBtn.Importance, exportBtn.Importance = widget.LowImportance, widget.LowImportance
	bottom := container.NewBorder(nil, nil, cs.count, container.NewHBox(importBtn, exportBtn))
	cs.emptyNote = widget.NewLabel("")
	cs.emptyNote.Alignment = fyne.TextAlignCenter
	cs.emptyNote.Importance = widget.LowImportance
	cs.emptyNote.Hide()
	list := container.New(caseTableLayout{cs}, cs.table, container.NewCenter(cs.emptyNote))
	left := container.NewBorder(filters, bottom, nil, nil, list)
	cs.split = newSavedSplit(prefCaseSplit, defaultCaseSplit, left, cs.ed.buildUI())
	return cs.split
}

func statusNames() []string {
	return []string{string(model.StatusPending), string(model.StatusAssigned), string(model.StatusReplied), string(model.StatusClosed)}
}

// reload refreshes the department choices when the screen is shown, since
// they may have been edited in 设置.
func (cs *casesScreen) reload() {
	cs.bg.run(func() func() {
		depts, err := cs.store.FindDepartments(context.Background())
		return func() {
			if err != nil {
				showError(cs.win, "读取责任单位", err)
				return
			}
			opts := []string{anyDept}
			for _, d := range depts {
				opts = append(opts, d.Name)
			}
			cs.dept.Options = opts
			cs.dept.Refresh()
		}
	})
}

func (cs *casesScreen) onClearFilters() {
	cs.quiet = true
	cs.search.SetText("")
	cs.status.SetSelectedIndex(0)
	cs.dept.SetSelectedIndex(0)
	cs.source.SetSelectedIndex(0)
	cs.from.SetText("")
	cs.to.SetText("")
	cs.overdue.SetChecked(false)
	cs.dueSoon.SetChecked(false)
	cs.important.SetChecked(false)
	cs.sentiment.SetSelectedIndex(0)
	cs.breakdown.set(model.CaseFilter{})
	cs.quiet = false
	cs.reloadList()
}

// scheduleReload runs the query a moment after the last keystroke.
func (cs *casesScreen) scheduleReload() {
	if cs.quiet {
		return
	}
	cs.debounce.schedule(cs.bg, cs.reloadList)
}

// currentFilter reads the filter widgets. A date filter that is not a date is
// not used: dateNote marks it and says so in the count line.
func (cs *casesScreen) currentFilter() model.CaseFilter {
	f := model.CaseFilter{Query: strings.TrimSpace(cs.search.Text), Sort: cs.sort, Desc: cs.desc,
		Overdue: cs.overdue.Checked, DueSoon: cs.dueSoon.Checked, Important: cs.important.Checked, Now: cs.now()}
	if cs.sentiment.SelectedIndex() > 0 {
		f.Sentiment = cs.sentiment.Selected
	}
	if cs.status.SelectedIndex() > 0 {
		f.Status = model.CaseStatus(cs.status.Selected)
	}
	if cs.dept.SelectedIndex() > 0 {
		f.Department = cs.dept.Selected
	}
	if cs.source.SelectedIndex() > 0 {
		f.Source = cs.source.Selected
	}
	f.From, _ = cs.from.Date()
	f.To, _ = cs.to.Date()
	cs.breakdown.apply(&f)
	return f
}

// reloadList starts a new query from the first page.
func (cs *casesScreen) reloadList() {
	if cs.quiet || cs.table == nil {
		return
	}
	cs.gen++
	cs.filter = cs.currentFilter()
	cs.note = cs.dateNote()
	cs.pages = map[int][]*model.Case{}
	cs.loading = map[int]bool{}
	cs.loadPage(0)
}

// loadPage fetches page p in the background.
func (cs *casesScreen) loadPage(p int) {
	if cs.loading[p] {
		return
	}
	cs.loading[p] = true
	gen, f := cs.gen, cs.filter
	f.Offset, f.Limit = p*casePageSize, casePageSize
	cs.bg.run(func() func() {
		cases, total, err := cs.store.FindCases(context.Background(), f)
		var cal *model.Calendar
		if p == 0 && err == nil { // the 设置 page may have changed the holidays
			cal, err = cs.store.Calendar(context.Background())
		}
		return func() {
			if gen != cs.gen {
				return
			}
			delete(cs.loading, p)
			if err != nil {
				showError(cs.win, "查询案件", err)
				return
			}
			if cal != nil {
				cs.cal = cal
				cs.ed.showDue()
			}
			cs.evict(p)
			cs.pages[p] = cases
			cs.total = total
			cs.showCount()
			cs.showEmpty()
			cs.table.Refresh()
		}
	})
}

// dateNote marks the date filters whose text is not a date, which the query
// leaves out, and says so for the count line ("" when both are fine).
func (cs *casesScreen) dateNote() string {
	var bad []string
	used := false
	for _, d := range []struct {
		name string
		f    *dateField
	}{{"起始日期", cs.from}, {"截止日期", cs.to}} {
		switch {
		case d.f.invalid():
			d.f.markInvalid()
			bad = append(bad, d.name)
		case strings.TrimSpace(d.f.Text()) != "":
			used = true
		}
	}
	switch {
	case len(bad) == 0:
		return ""
	case used:
		return bad[0] + "格式不对，未按" + bad[0] + "筛选"
	}
	return strings.Join(bad, "、") + "格式不对，未按日期筛选"
}

// showCount writes how many cases match, and which date filter was not used.
func (cs *casesScreen) showCount() {
	text := fmt.Sprintf("共 %d 件", cs.total)
	cs.count.Importance = widget.MediumImportance
	if cs.note != "" {
		text += "（" + cs.note + "）"
		cs.count.Importance = widget.DangerImportance
	}
	cs.count.SetText(text)
}

// evict drops the cached pages farthest from p when there are too many.
func (cs *casesScreen) evict(p int) {
	for len(cs.pages) >= maxCachedPages {
		far, dist := -1, -1
		for q := range cs.pages {
			if d := max(q-p, p-q); d > dist {
				far, dist = q, d
			}
		}
		delete(cs.pages, far)
	}
}

// calendar is the working-day calendar read with the list, or one of
// weekends alone until it is in.
func (cs *casesScreen) calendar() *model.Calendar {
	if cs.cal == nil {
		cs.cal = model.NewCalendar(nil)
	}
	return cs.cal
}

// caseAt returns the case shown in row, or nil while its page is loading.
func (cs *casesScreen) caseAt(row int) *model.Case {
	p := row / casePageSize
	page, ok := cs.pages[p]
	if !ok {
		cs.loadPage(p)
		return nil
	}
	if i := row % casePageSize; i < len(page) {
		return page[i]
	}
	return nil
}

func (cs *casesScreen) tableSize() (int, int) { return cs.total, len(caseColumns) }

func (cs *casesScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 {
		return
	}
	col := caseColumns[id.Col]
	text := col.title
	if col.sort != "" && col.sort == cs.sort {
		text += map[bool]string{true: " ▼", false: " ▲"}[cs.desc]
	}
	b.SetText(text)
	b.OnTapped = func() { cs.onSortColumn(col.sort) }
}

// onSortColumn sorts by a column; a second tap reverses the order.
func (cs *casesScreen) onSortColumn(s model.CaseSort) {
	if s == "" {
		return
	}
	if s == cs.sort {
		cs.desc = !cs.desc
	} else {
		cs.sort, cs.desc = s, s == model.SortCollected || s == model.SortNumber
	}
	if p := fyne.CurrentApp(); p != nil {
		p.Preferences().SetString(prefCaseSort, string(cs.sort))
		p.Preferences().SetBool(prefCaseDesc, cs.desc)
	}
	cs.reloadList()
}
