package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

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

	d         *dialog.CustomDialog
	summary   *widget.Label
	detail    *widget.Label // the full reason of the selected row
	table     *widget.Table
	depts     *widget.CheckGroup
	sheets    *widget.Select
	importBtn *widget.Button
	cancelBtn *widget.Button
	progress  *widget.ProgressBarInfinite
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

// load reads and checks the file in a goroutine, then shows the preview.
func (im *importDialog) load(path, sheet string) {
	im.path, im.sheet = path, sheet
	wait := dialog.NewCustomWithoutButtons("正在读取", widget.NewProgressBarInfinite(), im.win)
	wait.Show()
	im.bg.run(func() func() {
		rep, err := casefile.ImportFile(context.Background(), im.store, path, sheet,
			model.ImportOptions{DryRun: true, CreateDepartments: true})
		return func() {
			wait.Hide()
			if err != nil {
				showError(im.win, "读取 "+filepath.Base(path), err)
				return
			}
			im.showPreview(rep)
		}
	})
}

// showPreview builds the dialog for a dry-run report.
func (im *importDialog) showPreview(rep *casefile.Report) {
	im.preview = rep
	im.summary = widget.NewLabel("")
	im.summary.Wrapping = fyne.TextWrapWord
	im.depts = widget.NewCheckGroup(rep.Store.CreatedDepartments, nil)
	im.depts.Horizontal = true
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
	if len(rep.Store.CreatedDepartments) > 0 {
		top.Add(widget.NewLabel("以下责任单位不在名录中。勾选的将在导入时新建，未勾选的相关行不导入："))
		top.Add(im.depts)
	}
	im.progress = widget.NewProgressBarInfinite()
	im.progress.Hide()
	im.progress.Stop()
	body := container.NewBorder(top, container.NewVBox(im.detail, im.progress), nil, nil, im.table)
	im.d = dialog.NewCustomWithoutButtons("导入案件", body, im.win)
	im.cancelBtn = widget.NewButton("取消", im.d.Hide)
	other := widget.NewButton("选择其他文件…", func() { im.d.Hide(); showImportDialog(im.win, im.store, im.bg, im.onDone) })
	im.importBtn = widget.NewButton("", im.onImport)
	im.importBtn.Importance = widget.HighImportance
	im.d.SetButtons([]fyne.CanvasObject{im.cancelBtn, other, im.importBtn})
	im.refresh()
	im.d.Resize(fyne.NewSize(1100, 680))
	im.d.Show()
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
	for _, row := range rep.Read.Rows {
		if row.Case == nil || im.reasons[row.Line] != "" {
			continue
		}
		for _, d := range row.Case.Departments {
			if slices.Contains(rep.Store.CreatedDepartments, d) && !slices.Contains(im.depts.Selected, d) {
				im.reasons[row.Line] = fmt.Sprintf("责任单位“%s”不在单位名录中（未勾选新建）", d)
				break
			}
		}
	}
	ok := len(rep.Read.Rows) - len(im.reasons)
	text := fmt.Sprintf("共 %d 行：可导入 %d 行，不能导入 %d 行（红色标出，原因见“检查结果”列）。", len(rep.Read.Rows), ok, len(im.reasons))
	if d := rep.Store.Duplicates(); d > 0 {
		text += fmt.Sprintf("其中 %d 行是重复的（已有或在文件中出现过）。", d)
	}
	if len(rep.Read.Unknown) > 0 {
		text += "未识别的列（将忽略）：" + strings.Join(rep.Read.Unknown, "、") + "。"
	}
	im.summary.SetText(text)
	im.importBtn.SetText(fmt.Sprintf("导入 %d 行", ok))
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
	im.detail.SetText(text)
}

// onImport imports the valid rows in a goroutine and writes the report file
// next to the imported one.
func (im *importDialog) onImport() {
	im.importBtn.Disable()
	im.cancelBtn.Disable()
	im.progress.Show()
	im.progress.Start()
	opt := model.ImportOptions{NewDepartments: im.depts.Selected}
	read := im.preview.Read
	im.bg.runLong("导入案件", func(ctx context.Context) func() {
		rep, err := casefile.ImportResult(ctx, im.store, im.path, read, opt)
		var reportPath string
		if err == nil {
			reportPath = casefile.ReportPath(im.path)
			if werr := os.WriteFile(reportPath, []byte("\ufeff"+rep.Text()), 0o644); werr != nil {
				reportPath = ""
			}
		}
		return func() { im.finish(rep, reportPath, err) }
	})
}

// finish reports the outcome of the import.
func (im *importDialog) finish(rep *casefile.Report, reportPath string, err error) {
	im.progress.Stop()
	im.progress.Hide()
	im.cancelBtn.Enable()
	if im.done != nil {
		defer im.done(rep, err)
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
	if len(rep.Store.Imported) > 0 && im.onDone != nil {
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
