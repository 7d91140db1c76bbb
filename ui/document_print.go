package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"bulletin/export"
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
	lastExported *exportedNotice
}

func newDocPrinter(w fyne.Window, bg *tasks) *docPrinter {
	p := &docPrinter{win: w, bg: bg, openURL: openInViewer}
	p.chooseFile = func(name string, done func(fyne.URIWriteCloser)) { choosePDFFile(w, name, done) }
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
			err = writeAll(w, pdf, err)
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
				openPDF(p.win, p.bg, p.openURL, p.lastExport, func(n *exportedNotice) { p.lastExported = n })
			}
		})
	})
}
