package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
	"bulletin/model/casefile"
)

// importDialog is the 导入 dialog: the chosen file is read and checked without
// writing (a dry run), every row is previewed with the rejected ones and their
// reasons in red, unknown departments are offered for creation, and then the
// valid rows are imported in one transaction, in a goroutine.
type importDialog struct {
	win    fyne.Window
	store  *model.Store
	bg     *tasks
	onDone func()

	path    string
	sheet   string
	preview *casefile.Report // the dry run
	reasons map[int]string   // row number → why it will not be imported

	d          *dialog.CustomDialog
	summary    *widget.Label
	detail     *widget.Label // the full reason of the selected row
	table      *widget.Table
	depts      *widget.CheckGroup // the new departments ticked (its checks are deptChecks)
	deptChecks []*widget.Check    // one per new department, wrapping in a scroll of bounded height
	sheets     *widget.Select
	importBtn  *widget.Button
	cancelBtn  *widget.Button
	otherBtn   *widget.Button      // 选择其他文件…, disabled while importing
	progress   *widget.ProgressBar // rows read of the file while importing
	rowsRead   *widget.Label       // 已读 120,000 / 300,000 行
	stop       context.CancelFunc  // cancels the running read or import (取消); nil when none
	// done is called with the finished report (tests wait on it).
	done func(*casefile.Report, error)
}

// showImportDialog asks for a .csv or .xlsx file and shows its preview.
// onDone runs after an import that saved something.
func showImportDialog(win fyne.Window, s *model.Store, bg *tasks, onDone func()) {
	fd := newFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(win, "选择文件", err)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		rememberDir(prefImportDir, path)
		newImportDialog(win, s, bg, onDone).load(path, "")
	}, win)
	startIn(fd, prefImportDir)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".xlsx", ".CSV", ".XLSX"}))
	fd.Resize(fyne.NewSize(900, 600))
	fd.Show()
}

// prefImportDir and prefExportDir remember the folders last used, so that
// the file dialogs open there rather than in the home folder.
const (
	prefImportDir = "import.lastDir"
	prefExportDir = "export.lastDir"
)

// startIn opens a file dialog in the folder remembered under key, if any.
func startIn(fd *fileDialog, key string) {
	a := fyne.CurrentApp()
	if a == nil {
		return
	}
	dir := a.Preferences().String(key)
	if dir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		fd.SetLocation(l)
	}
}

// rememberDir keeps the folder of path under key.
func rememberDir(key, path string) {
	if a := fyne.CurrentApp(); a != nil {
		a.Preferences().SetString(key, filepath.Dir(path))
	}
}

func newImportDialog(win fyne.Window, s *model.Store, bg *tasks, onDone func()) *importDialog {
	return &importDialog{win: win, store: s, bg: bg, onDone: onDone}
}

// load reads and checks the file in the background (a dry run), showing the
// rows read, then shows the preview. 取消 stops the reading.
func (im *importDialog) load(path, sheet string) {
	im.path, im.sheet = path, sheet
	bar := widget.NewProgressBar()
	label := widget.NewLabel("正在读取 " + filepath.Base(path) + "…")
	var wait *dialog.CustomDialog
	ctx, stop := context.WithCancel(context.Background())
	cancel := widget.NewButton("取消", func() { stop(); wait.Hide() })
	wait = dialog.NewCustomWithoutButtons("正在读取", container.NewVBox(label, bar), im.win)
	wait.SetButtons([]fyne.CanvasObject{cancel})
	wait.Resize(fyne.NewSize(420, 160))
	wait.Show()
	im.bg.runLong("读取导入文件", func(wctx context.Context) func() {
		defer stop()
		defer context.AfterFunc(wctx, stop)()
		rep, err := casefile.ImportFileProgress(ctx, im.store, path, sheet,
			model.ImportOptions{DryRun: true, CreateDepartments: true}, im.progressTo(label, bar, "正在检查"))
		cancelled := ctx.Err() != nil // read now: the deferred stop cancels ctx once the work returns
		return func() {
			wait.Hide()
			if cancelled {
				return // 取消: nothing to say
			}
			if err != nil {
				showError(im.win, "读取 "+filepath.Base(path), err)
				return
			}
			im.showPreview(rep)
		}
	})
}

// progressTo returns the progress of a read or import, shown on label and bar
// at most ten times a second (off the UI thread, through the tasks).
func (im *importDialog) progressTo(label *widget.Label, bar *widget.ProgressBar, what string) casefile.Progress {
	var last time.Time
	return func(read, total int) {
		if time.Since(last) < 100*time.Millisecond {
			return
		}
		last = time.Now()
		text := what + "：" + rowsText(read, total)
		im.bg.apply(func() {
			label.SetText(text)
			if total > 0 && read <= total {
				bar.SetValue(float64(read) / float64(total))
			} else {
				bar.Hide() // the file does not say how many rows it has
			}
		})
	}
}

// rowsText is 已读 120,000 / 300,000 行 (or 已读 120,000 行 when the total is
// not known).
func rowsText(read, total int) string {
	if total <= 0 || read > total {
		return "已读 " + thousands(read) + " 行"
	}
	return "已读 " + thousands(read) + " / " + thousands(total) + " 行"
}

// thousands writes n with a comma every three digits: 120,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

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

// onImport reads the file again and imports its valid rows in the
// background, in one transaction, showing the rows read; 取消 (or closing
// the window) stops it with nothing imported. The report is written next to
// the imported file.
func (im *importDialog) onImport() {
	im.importBtn.Disable()
	im.otherBtn.Disable()
	im.progress.SetValue(0)
	im.progress.Show()
	im.rowsRead.SetText("正在导入…")
	im.rowsRead.Show()
	opt := model.ImportOptions{NewDepartments: im.depts.Selected}
	path, sheet := im.path, im.preview.Read.Sheet
	ctx, stop := context.WithCancel(context.Background())
	im.stop = stop
	progress := im.progressTo(im.rowsRead, im.progress, "正在导入")
	im.bg.runLong("导入案件", func(wctx context.Context) func() {
		defer stop()
		defer context.AfterFunc(wctx, stop)() // closing the window cancels too
		rep, err := casefile.ImportFileProgress(ctx, im.store, path, sheet, opt, progress)
		var reportPath string
		if err == nil {
			reportPath = casefile.ReportPath(path)
			if werr := os.WriteFile(reportPath, []byte("\ufeff"+rep.Text()), 0o644); werr != nil {
				reportPath = ""
			}
		}
		cancelled := ctx.Err() != nil && err != nil
		return func() { im.finish(rep, reportPath, err, cancelled) }
	})
}

// onCancel stops a running import (nothing is saved) or closes the dialog.
func (im *importDialog) onCancel() {
	if im.stop != nil {
		im.stop()
		im.rowsRead.SetText("正在取消…")
		return
	}
	im.d.Hide()
}

// finish reports the outcome of the import.
func (im *importDialog) finish(rep *casefile.Report, reportPath string, err error, cancelled bool) {
	im.stop = nil
	im.otherBtn.Enable()
	im.progress.Hide()
	im.rowsRead.Hide()
	if im.done != nil {
		defer im.done(rep, err)
	}
	if cancelled {
		im.importBtn.Enable()
		im.detail.SetText("导入已取消，没有导入任何案件。")
		return
	}
	if err != nil {
		im.importBtn.Enable()
		showError(im.win, "导入", err) // nothing was saved: the transaction rolled back
		return
	}
	im.d.Hide()
	msg := "导入完成。" + rep.Summary()
	if reportPath != "" {
		msg += "\n导入报告已保存在：" + reportPath
	} else {
		msg += "\n（导入报告未能写入文件所在的文件夹。）"
	}
	showMessage(im.win, "导入案件", msg)
	if rep.Store.Count > 0 && im.onDone != nil {
		im.onDone()
	}
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
