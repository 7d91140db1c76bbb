package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
	"bulletin/model/casefile"
)

// showPreview builds the dialog for a dry-run report.
func (im *importDialog) showPreview(rep *casefile.Report) {
	im.preview = rep
	im.summary = widget.NewLabel("")
	im.summary.Wrapping = fyne.TextWrapWord
	im.depts = widget.NewCheckGroup(rep.Store.CreatedDepartments, nil)
	im.depts.SetSelected(rep.Store.CreatedDepartments) // offered ticked: the usual wish
	im.depts.OnChanged = func([]string) { im.refresh() }
	im.table = widget.NewTableWithHeaders(im.tableSize, newPreviewCell, im.updateCell)
	im.table.ShowHeaderColumn = false
	im.table.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	im.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(previewColumns[id.Col].title)
		}
	}
	for i, c := range previewColumns {
		im.table.SetColumnWidth(i, c.width)
	}
	im.detail = widget.NewLabel("点选一行可查看完整的检查结果。")
	im.detail.Wrapping = fyne.TextWrapWord
	im.table.OnSelected = im.onRowSelected
	top := container.NewVBox(widget.NewLabelWithStyle(im.fileLine(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if names := im.sheetNames(); len(names) > 1 {
		im.sheets = widget.NewSelect(names, nil)
		im.sheets.PlaceHolder = "请选择工作表"
		im.sheets.SetSelected(rep.Read.Sheet)
		im.sheets.OnChanged = func(name string) { im.d.Hide(); im.load(im.path, name) }
		top.Add(container.NewHBox(widget.NewLabel("工作表"), im.sheets))
	}
	top.Add(im.summary)
	if n := len(rep.Store.CreatedDepartments); n > 0 {
		all := widget.NewButton("全选", func() { im.depts.SetSelected(rep.Store.CreatedDepartments) })
		none := widget.NewButton("全不选", func() { im.depts.SetSelected(nil) })
		top.Add(container.NewBorder(nil, nil, nil, container.NewHBox(all, none),
			widget.NewLabel(fmt.Sprintf("以下 %d 个责任单位不在名录中。勾选的将在导入时新建，未勾选的相关行不导入：", n))))
		var scroll fyne.CanvasObject
		scroll, im.deptChecks = deptScroll(im.depts, n)
		top.Add(scroll)
	}
	im.progress = widget.NewProgressBar()
	im.progress.Hide()
	im.rowsRead = widget.NewLabel("")
	im.rowsRead.Hide()
	body := container.NewBorder(top, container.NewVBox(im.detail, im.rowsRead, im.progress), nil, nil, im.table)
	im.d = dialog.NewCustomWithoutButtons("导入案件", body, im.win)
	im.cancelBtn = widget.NewButton("取消", im.onCancel)
	im.otherBtn = widget.NewButton("选择其他文件…", func() { im.d.Hide(); showImportDialog(im.win, im.store, im.bg, im.onDone) })
	im.importBtn = widget.NewButton("", im.onImport)
	im.importBtn.Importance = widget.HighImportance
	im.d.SetButtons([]fyne.CanvasObject{im.cancelBtn, im.otherBtn, im.importBtn})
	im.refresh()
	im.d.Resize(fyne.NewSize(1100, 680))
	im.d.Show()
}

// deptScroll shows the new departments' checkboxes in columns that wrap
// with the names' length, in a scroll of at most four lines, so that every
// one can be seen and unticked however many there are.
func deptScroll(g *widget.CheckGroup, n int) (fyne.CanvasObject, []*widget.Check) {
	g.Horizontal = false
	grid := container.NewGridWrap(fyne.NewSize(240, 36))
	var checks []*widget.Check
	for _, name := range g.Options {
		check := widget.NewCheck(name, nil)
		check.SetChecked(slices.Contains(g.Selected, name))
		check.OnChanged = func(on bool) {
			sel := slices.DeleteFunc(slices.Clone(g.Selected), func(s string) bool { return s == name })
			if on {
				sel = append(sel, name)
			}
			g.SetSelected(sel)
		}
		grid.Add(check)
		checks = append(checks, check)
	}
	prev := g.OnChanged
	g.OnChanged = func(sel []string) { // keep the checks in step when the group changes (全选, tests)
		for i, o := range grid.Objects {
			c := o.(*widget.Check)
			if on := slices.Contains(sel, g.Options[i]); c.Checked != on {
				c.Checked = on
				c.Refresh()
			}
		}
		if prev != nil {
			prev(sel)
		}
	}
	scroll := container.NewVScroll(grid)
	lines := min((n+3)/4, 4) // four to a line at the dialog's width
	scroll.SetMinSize(fyne.NewSize(960, float32(lines)*38))
	return scroll, checks
}

// sheetNames lists the sheets of an .xlsx file; a CSV file has none.
func (im *importDialog) sheetNames() []string {
	if im.preview.Read.Sheet == "" {
		return nil
	}
	names, _ := casefile.Sheets(im.path)
	return names
}

func (im *importDialog) fileLine() string {
	s := fmt.Sprintf("%s（%s", filepath.Base(im.path), im.preview.Read.Encoding)
	if im.preview.Read.Sheet != "" {
		s += "，工作表 " + im.preview.Read.Sheet
	}
	return s + "）"
}

// refresh recomputes which rows will be imported, given the ticked
// departments, and updates the summary, the table and the button.
func (im *importDialog) refresh() {
	rep := im.preview
	im.reasons = map[int]string{}
	for _, row := range rep.Rejected() {
		im.reasons[row.Line] = row.Reason
	}
	lost := 0
	for _, d := range rep.Store.CreatedDepartments {
		if slices.Contains(im.depts.Selected, d) {
			continue
		}
		for _, line := range rep.DepartmentLines[d] {
			if im.reasons[line] == "" {
				im.reasons[line] = fmt.Sprintf("责任单位“%s”不在单位名录中（未勾选新建）", d)
				lost++
			}
		}
	}
	ok := rep.Importable() - lost
	text := fmt.Sprintf("共 %s 行：可导入 %s 行，不能导入 %s 行（红色标出，原因见“检查结果”列）。",
		thousands(rep.Rows), thousands(ok), thousands(rep.Rows-ok))
	if d := rep.Duplicates(); d > 0 {
		text += fmt.Sprintf("其中 %s 行是重复的（已有或在文件中出现过）。", thousands(d))
	}
	if kept := rep.Read.Kept(); slices.Contains(kept, "状态") {
		text += "按文件中的“状态”和交办、回复、办结时间导入办理情况。"
	} else {
		text += "文件中没有“状态”列：案件均导入为待研判。"
	}
	if len(rep.Read.Unknown) > 0 || len(rep.Read.Ignored) > 0 {
		text += "忽略的列：" + strings.Join(append(slices.Clone(rep.Read.Unknown), rep.Read.Ignored...), "、") + "。"
	}
	if rep.Rows > len(rep.Read.Rows) {
		text += fmt.Sprintf("下表只列出前 %s 行，全部结果见导入后的报告。", thousands(len(rep.Read.Rows)))
	}
	if n := len(rep.Notes()); n > 0 {
		text += fmt.Sprintf("有 %s 行带提示（点选该行查看）。", thousands(n))
	}
	im.summary.SetText(text)
	im.importBtn.SetText("导入 " + thousands(ok) + " 行")
	if ok == 0 {
		im.importBtn.Disable()
	} else {
		im.importBtn.Enable()
	}
	im.table.Refresh()
}

// onRowSelected shows the selected row's whole reason, which the table cuts.
func (im *importDialog) onRowSelected(id widget.TableCellID) {
	row := im.preview.Read.Rows[id.Row]
	text := fmt.Sprintf("第 %d 行：", row.Line)
	if r := im.reasons[row.Line]; r != "" {
		text += r
	} else {
		text += "可导入"
	}
	for _, n := range row.Notes {
		text += "；" + n
	}
	for _, nr := range im.preview.Notes() {
		if nr.Line == row.Line && len(nr.Notes) > len(row.Notes) {
			for _, n := range nr.Notes[len(row.Notes):] {
				text += "；" + n
			}
		}
	}
	im.detail.SetText(text)
}

// previewColumns are the columns of the preview table.
var previewColumns = []struct {
	title string
	width float32
}{{"行号", 50}, {"检查结果", 310}, {"标题", 220}, {"来源平台", 100}, {"发布时间", 130}, {"责任单位", 150}, {"诉求类型", 70}}

func (im *importDialog) tableSize() (int, int) { return len(im.preview.Read.Rows), len(previewColumns) }

func newPreviewCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (im *importDialog) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	row := im.preview.Read.Rows[id.Row]
	reason := im.reasons[row.Line]
	l.Importance = widget.MediumImportance
	if reason != "" {
		l.Importance = widget.DangerImportance
	}
	l.SetText(previewText(row, reason, id.Col))
}

// previewText is the text of one preview cell. A row rejected while reading
// has no case: its raw cells are shown under 标题.
func previewText(row casefile.Row, reason string, col int) string {
	switch col {
	case 0:
		return fmt.Sprint(row.Line)
	case 1:
		if reason == "" {
			return "可导入"
		}
		return reason
	}
	c := row.Case
	if c == nil { // rejected while reading: show the row's cells as they are
		if col == 2 {
			return oneLine(strings.Join(row.Cells, " | "))
		}
		return ""
	}
	switch col {
	case 2:
		return oneLine(c.Title)
	case 3:
		return c.Source
	case 4:
		if c.Posted.IsZero() {
			return ""
		}
		return c.Posted.Format(model.TimeLayout)
	case 5:
		return strings.Join(c.Departments, "、")
	}
	return c.Kind
}
