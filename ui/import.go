package ui

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
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
