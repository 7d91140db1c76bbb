package ui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"bulletin/export"
	"bulletin/model"
)

// docPrinter writes the office's documents (纪要, 交办单, 催办单, 批示抄清)
// as the 专报's 导出 PDF does: it asks where to save first, typesets in the
// background, reports the characters no font prints, then opens the PDF or,
// when no viewer opens it, says where it went with 打开所在文件夹.
type docPrinter struct {
	win fyne.Window
	bg  *tasks

	// The hooks tests replace, and what the last export did.
	chooseFile   func(name string, done func(fyne.URIWriteCloser))
	openURL      func(path string) error
	lastExport   string // path of the last PDF written
	lastReport   string // unprintable characters of the last export
	lastExported *dialog.CustomDialog
}

func newDocPrinter(w fyne.Window, bg *tasks) *docPrinter {
	p := &docPrinter{win: w, bg: bg, openURL: openInViewer}
	p.chooseFile = p.chooseFileDialog
	return p
}

// print asks for a file named like name, then runs typeset off the UI thread
// and writes what it returns; done (may be nil) runs on the UI thread after
// a successful write, before the PDF is opened.
func (p *docPrinter) print(name, what string, typeset func() ([]byte, *export.Report, error), done func()) {
	p.chooseFile(name, func(w fyne.URIWriteCloser) {
		prog := dialog.NewCustomWithoutButtons("请稍候", container.NewVBox(widget.NewLabel("正在生成"+what+"……"), widget.NewProgressBarInfinite()), p.win)
		prog.Show()
		p.bg.run(func() func() {
			pdf, rep, err := typeset()
			if err == nil {
				_, err = w.Write(pdf)
			}
			if cerr := w.Close(); err == nil && cerr != nil {
				err = model.Errorf(model.EINVALID, "写入 %s 失败：%v", w.URI().Path(), cerr)
			}
			if err != nil {
				_ = storage.Delete(w.URI()) // no empty or partial PDF left behind
			}
			return func() {
				prog.Hide()
				if err != nil {
					showError(p.win, "导出"+what, err)
					return
				}
				p.lastExport, p.lastReport = w.URI().Path(), rep.String()
				if done != nil {
					done()
				}
				if p.lastReport != "" {
					showLongInfo(p.win, "有字符无法打印", p.lastReport)
				}
				p.open(p.lastExport)
			}
		})
	})
}

// chooseFileDialog asks where to save the PDF.
func (p *docPrinter) chooseFileDialog(name string, done func(fyne.URIWriteCloser)) {
	fd := newFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(p.win, "选择文件", err)
			return
		}
		if w != nil {
			done(w)
		}
	}, p.win)
	fd.SetFileName(name)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	fd.Resize(fyne.NewSize(900, 600))
	fd.Show()
}

// open opens path in the PDF viewer in the background; when none opens it,
// it says where the file is, with 打开所在文件夹.
func (p *docPrinter) open(path string) {
	p.bg.run(func() func() {
		err := p.openURL(path)
		if err == nil {
			return nil
		}
		return func() { p.showExported(path, err) }
	})
}

func (p *docPrinter) showExported(path string, err error) {
	msg := wrapLabel(fmt.Sprintf("PDF 已导出到：\n%s\n\n没能自动打开它：%s。请到所在文件夹用 PDF 阅读程序打开，或直接打印。",
		path, model.ErrorMessage(err)))
	d := dialog.NewCustomWithoutButtons("已导出 PDF", sized(msg, 480), p.win)
	ok := widget.NewButton("确定", d.Hide)
	ok.Importance = widget.HighImportance
	folder := widget.NewButton("打开所在文件夹", func() {
		d.Hide()
		dir := filepath.Dir(path)
		p.bg.run(func() func() {
			if err := p.openURL(dir); err != nil {
				return func() { showInfo(p.win, "没能打开文件夹："+model.ErrorMessage(err)+"\n文件在：\n"+path) }
			}
			return nil
		})
	})
	d.SetButtons([]fyne.CanvasObject{folder, ok})
	d.Show()
	p.lastExported = d
}
