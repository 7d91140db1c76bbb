package ui

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
	"bulletin/model/casefile"
)

// holidaySection is the 节假日 tab of 设置: the holiday table a year at a
// time (休: a public holiday, 班: a weekend day that is worked), which every
// 时限 is counted on. Staff add next year's days each winter, when the State
// Council's notice comes out, by hand or from a CSV `日期,类型,名称`.
type holidaySection struct {
	win   fyne.Window
	store *model.Store
	bg    *tasks

	year    int
	rows    []*model.Holiday
	years   []int // years with rows, for the note under the title
	list    *widget.List
	title   *widget.Label
	summary *widget.Label // the year's working days, or the warning for a year without rows
	known   *widget.Label // which years have rows
	empty   *widget.Label
	prev    *widget.Button
	next    *widget.Button
	addBtn  *widget.Button
	impBtn  *widget.Button

	// The dialog shown last and its fields (tests).
	lastDialog *formDialog
	date       *dateField
	kind       *widget.RadioGroup
	name       *widget.Entry
}

// weekdayNames are the weekdays as the list writes them (周四).
var weekdayNames = []string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"}

func newHolidaySection(w fyne.Window, s *model.Store, bg *tasks) *holidaySection {
	return &holidaySection{win: w, store: s, bg: bg, year: s.Now().Year()}
}

func (hs *holidaySection) buildUI() fyne.CanvasObject {
	hs.title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	hs.prev = widget.NewButtonWithIcon("上一年", theme.NavigateBackIcon(), func() { hs.showYear(hs.year - 1) })
	hs.next = widget.NewButtonWithIcon("下一年", theme.NavigateNextIcon(), func() { hs.showYear(hs.year + 1) })
	hs.next.IconPlacement = widget.ButtonIconTrailingText
	hs.summary = widget.NewLabel("")
	hs.summary.Wrapping = fyne.TextWrapWord
	hs.known = widget.NewLabel("")
	hs.known.Importance = widget.LowImportance
	hs.known.Wrapping = fyne.TextWrapWord
	hs.empty = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{}) // one line: centred, a wrapped label would get no width
	hs.list = widget.NewList(func() int { return len(hs.rows) }, newHolidayRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		if h, ok := at(hs.rows, i); ok {
			setHolidayRow(o, h, func() { hs.onEdit(h) }, func() { hs.onDelete(h) })
		}
	})
	hs.addBtn = widget.NewButtonWithIcon("添加日期", theme.ContentAddIcon(), func() {
		hs.onEdit(&model.Holiday{Kind: model.DayOff, Date: time.Date(hs.year, 1, 1, 0, 0, 0, 0, time.Local)})
	})
	hs.impBtn = widget.NewButtonWithIcon("导入 CSV…", theme.FolderOpenIcon(), hs.onImport)
	head := container.NewBorder(nil, nil, hs.prev, hs.next, hs.title)
	help := widget.NewLabel("“休”是放假的日子（含周一至周五的法定节假日），“班”是调休上班的周六、周日；其余周一至周五为工作日，周六、周日休息。" +
		"CSV 每行：日期,类型,名称，如 2027-10-01,休,国庆节。")
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	top := container.NewVBox(head, hs.summary, hs.known)
	bottom := container.NewVBox(help, container.NewHBox(hs.addBtn, hs.impBtn))
	body := container.NewStack(hs.list, container.NewCenter(hs.empty))
	hs.reload()
	return container.NewBorder(top, bottom, nil, nil, body)
}

// newHolidayRow is a list row: date and weekday, 休/班, name, 修改 and 删除.
func newHolidayRow() fyne.CanvasObject {
	date := widget.NewLabel("2026-10-01 周四")
	kind := widget.NewLabelWithStyle("休", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	edit := widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), nil)
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), nil)
	edit.Importance, del.Importance = widget.LowImportance, widget.LowImportance
	return container.NewBorder(nil, nil, container.NewHBox(date, kind), container.NewHBox(edit, del), name)
}

func setHolidayRow(o fyne.CanvasObject, h *model.Holiday, onEdit, onDelete func()) {
	row := o.(*fyne.Container)
	left := row.Objects[1].(*fyne.Container)
	left.Objects[0].(*widget.Label).SetText(h.Date.Format(model.DateLayout) + " " + weekdayNames[h.Date.Weekday()])
	kind := left.Objects[1].(*widget.Label)
	kind.SetText(string(h.Kind))
	kind.Importance = widget.DangerImportance // 休 in red as on wall calendars
	if h.Kind == model.DayWorking {
		kind.Importance = widget.MediumImportance
	}
	kind.Refresh()
	row.Objects[0].(*widget.Label).SetText(h.Name)
	buttons := row.Objects[2].(*fyne.Container)
	buttons.Objects[0].(*widget.Button).OnTapped = onEdit
	buttons.Objects[1].(*widget.Button).OnTapped = onDelete
}

// showYear shows another year.
func (hs *holidaySection) showYear(y int) {
	if y < 1900 || y > 9999 {
		return
	}
	hs.year = y
	hs.reload()
}

// reload reads the year's rows and the calendar in the background.
func (hs *holidaySection) reload() {
	year := hs.year
	hs.title.SetText(fmt.Sprintf("%d年", year))
	hs.bg.run(func() func() {
		ctx := context.Background()
		rows, err := hs.store.FindHolidays(ctx, year)
		var cal *model.Calendar
		var all []*model.Holiday
		if err == nil {
			all, err = hs.store.FindHolidays(ctx, 0)
			cal = model.NewCalendar(all)
		}
		return func() {
			if err != nil {
				showError(hs.win, "读取节假日", err)
				return
			}
			if year != hs.year {
				return // another year was asked for meanwhile
			}
			hs.show(rows, cal, all)
		}
	})
}

// show puts the rows of the year into the list, with its working days or the
// warning that the year has no rows.
func (hs *holidaySection) show(rows []*model.Holiday, cal *model.Calendar, all []*model.Holiday) {
	hs.rows = rows
	hs.years = nil
	seen := map[int]bool{}
	for _, h := range all {
		if y := h.Date.Year(); !seen[y] {
			seen[y] = true
			hs.years = append(hs.years, y)
		}
	}
	off, worked := 0, 0
	for _, h := range rows {
		if h.Kind == model.DayOff {
			off++
		} else {
			worked++
		}
	}
	if len(rows) == 0 {
		hs.summary.SetText(fmt.Sprintf("⚠ %d年的节假日尚未录入，落在这一年的时限只按周末计算。请在国务院办公厅发布放假安排后添加或导入。", hs.year))
		hs.summary.Importance = widget.DangerImportance
		hs.empty.SetText("这一年还没有节假日。点击「添加日期」逐日录入，或「导入 CSV…」。")
	} else {
		hs.summary.SetText(fmt.Sprintf("休 %d 天、班（调休上班）%d 天；全年共 %d 个工作日。", off, worked, cal.WorkdaysInYear(hs.year)))
		hs.summary.Importance = widget.MediumImportance
		hs.empty.SetText("")
	}
	hs.summary.Refresh()
	hs.known.SetText(hs.knownText())
	hs.list.Refresh()
	hs.list.ScrollToTop()
}

// knownText names the years with rows, and warns when the coming year has none.
func (hs *holidaySection) knownText() string {
	if len(hs.years) == 0 {
		return "节假日表是空的：所有时限只按周末计算。"
	}
	names := make([]string, len(hs.years))
	has := map[int]bool{}
	for i, y := range hs.years {
		names[i], has[y] = strconv.Itoa(y), true
	}
	text := "已录入：" + strings.Join(names, "、") + "年。"
	if next := hs.store.Now().Year() + 1; !has[next] {
		text += fmt.Sprintf("%d年尚未录入。", next)
	}
	return text
}

// onEdit adds a row (h.Name empty and a fresh date) or changes one, in a dialog.
func (hs *holidaySection) onEdit(h *model.Holiday) {
	isNew := !hs.hasRow(h)
	hs.date = newDateField(false)
	hs.date.SetPlaceHolder("如 2027-10-01")
	hs.kind = widget.NewRadioGroup([]string{string(model.DayOff), string(model.DayWorking)}, nil)
	hs.kind.Horizontal = true
	hs.kind.SetSelected(string(h.Kind))
	hs.name = widget.NewEntry()
	hs.name.SetPlaceHolder("如 国庆节")
	hs.name.SetText(h.Name)
	title := "添加节假日"
	if !isNew {
		hs.date.SetDate(h.Date)
		hs.date.Disable() // another date is another row: delete this one and add it
		title = "修改节假日"
	}
	form := widget.NewForm(widget.NewFormItem("日期", hs.date),
		widget.NewFormItem("类型", container.NewHBox(hs.kind, widget.NewLabel("（休：放假；班：调休上班）"))),
		widget.NewFormItem("名称", hs.name))
	hs.lastDialog = newFormDialog(hs.win, title, "保存", sized(form, 440), func() formResult {
		d, err := hs.date.Date()
		if err != nil {
			showInfo(hs.win, "日期："+err.Error())
			return keepOpen
		}
		if d.IsZero() {
			showInfo(hs.win, "请填写日期，如 2027-10-01。")
			return keepOpen
		}
		row := &model.Holiday{Date: d, Kind: model.DayKind(hs.kind.Selected), Name: strings.TrimSpace(hs.name.Text)}
		if err := hs.store.SaveHoliday(context.Background(), row); err != nil {
			showError(hs.win, "保存节假日", err)
			return keepOpen
		}
		return closeThen(func() { hs.showYear(d.Year()) })
	})
	if isNew {
		hs.win.Canvas().Focus(hs.date.entry)
	}
}

// hasRow reports whether h is a row of the list (and not a new one).
func (hs *holidaySection) hasRow(h *model.Holiday) bool {
	for _, r := range hs.rows {
		if r == h {
			return true
		}
	}
	return false
}

// onDelete removes a row after asking.
func (hs *holidaySection) onDelete(h *model.Holiday) {
	what := string(h.Kind)
	if h.Name != "" {
		what += "，" + h.Name // no space: the label would wrap there
	}
	msg := fmt.Sprintf("删除%s（%s）？删除后这一天按普通的%s计算。", h.Date.Format(model.DateLayout), what, plainDay(h.Date))
	hs.lastDialog = confirmDelete(hs.win, "删除节假日", msg, func() error {
		return hs.store.DeleteHoliday(context.Background(), h.Date)
	}, hs.reload)
}

// plainDay says what a date is without a row: 工作日 or 周末.
func plainDay(d time.Time) string {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return "周末"
	}
	return "工作日"
}

// onImport asks for a CSV file and imports it.
func (hs *holidaySection) onImport() {
	d := newFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			showError(hs.win, "选择文件", err)
			return
		}
		path := r.URI().Path()
		r.Close()
		hs.importFile(path)
	}, hs.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".txt"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// importFile imports the rows of the CSV file at path in the background; all
// or none, a bad row named by its line.
func (hs *holidaySection) importFile(path string) {
	hs.impBtn.Disable()
	hs.bg.run(func() func() {
		n, year, err := importHolidayFile(hs.store, path)
		return func() {
			hs.impBtn.Enable()
			if err != nil {
				showError(hs.win, "导入节假日", err)
				return
			}
			if year != 0 {
				hs.year = year
			}
			hs.reload()
			showInfo(hs.win, fmt.Sprintf("已导入 %d 天。", n))
		}
	})
}

// importHolidayFile imports path and returns how many rows it saved and the
// year of its first row.
func importHolidayFile(s *model.Store, path string) (int, int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, model.Errorf(model.EINVALID, "无法读取文件 %s：%v", path, err)
	}
	text, err := casefile.DecodeText(data) // Excel in Chinese saves CSV in GBK
	if err != nil {
		return 0, 0, err
	}
	ctx := context.Background()
	before, err := s.FindHolidays(ctx, 0)
	if err != nil {
		return 0, 0, err
	}
	n, err := s.ImportHolidays(ctx, strings.NewReader(text))
	if err != nil {
		return 0, 0, err
	}
	after, err := s.FindHolidays(ctx, 0)
	if err != nil {
		return n, 0, err
	}
	old := map[string]bool{}
	for _, h := range before {
		old[h.Date.Format(model.DateLayout)+string(h.Kind)+h.Name] = true
	}
	for _, h := range after {
		if !old[h.Date.Format(model.DateLayout)+string(h.Kind)+h.Name] {
			return n, h.Date.Year(), nil
		}
	}
	return n, 0, nil
}
