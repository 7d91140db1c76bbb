package ui

import (
	"context"
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// openInViewer opens a file (or a folder) with the program the system uses
// for it. The error says no program opened it: then the user must be told
// where the file went. It may wait a few seconds: call it off the UI thread.
func openInViewer(path string) error {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios":
		u, err := url.Parse(storage.NewFileURI(path).String())
		if err != nil {
			return err
		}
		return fyne.CurrentApp().OpenURL(u)
	}
	// Fyne starts xdg-open and does not learn whether it found a program:
	// run it and wait for its answer. Still running after viewerWait means
	// it runs a viewer in the foreground: opened (the viewer is its child,
	// and outlives it).
	xdg, err := exec.LookPath("xdg-open")
	if err != nil {
		return model.Errorf(model.EINVALID, "没有找到用来打开文件的程序 xdg-open")
	}
	ctx, cancel := context.WithTimeout(context.Background(), viewerWait)
	defer cancel()
	cmd := exec.CommandContext(ctx, xdg, path)
	err = cmd.Run()
	if ctx.Err() != nil {
		return nil
	} else if ee, ok := err.(*exec.ExitError); ok {
		return model.Errorf(model.EINVALID, "系统没有能打开它的程序（xdg-open 返回 %d）", ee.ExitCode())
	} else if err != nil {
		return model.Errorf(model.EINVALID, "xdg-open 无法运行")
	}
	return nil
}

// viewerWait is how long openInViewer waits for xdg-open to say it failed.
const viewerWait = 5 * time.Second

// choosePDFFile asks where to save a PDF named like name; done gets the file
// chosen (a cancel does nothing).
func choosePDFFile(win fyne.Window, name string, done func(fyne.URIWriteCloser)) {
	chooseFile(win, name, ".pdf", done)
}

// openPDF opens an exported PDF with openURL in the background; when no
// viewer opens it, it says where the file went (showExported) and hands the
// notice to noted (may be nil).
func openPDF(win fyne.Window, bg *tasks, openURL func(string) error, path string, noted func(*exportedNotice)) {
	bg.run(func() func() {
		err := openURL(path)
		if err == nil {
			return nil
		}
		return func() {
			n := showExported(win, bg, openURL, path, err)
			if noted != nil {
				noted(n)
			}
		}
	})
}

// exportedNotice says where an exported PDF went when no viewer opened it.
type exportedNotice struct {
	d                *dialog.CustomDialog
	folderBtn, okBtn *widget.Button
}

// showExported tells that path was written but not opened (why: err), with
// 打开所在文件夹 and 确定.
func showExported(win fyne.Window, bg *tasks, openURL func(string) error, path string, err error) *exportedNotice {
	msg := wrapLabel(fmt.Sprintf("PDF 已导出到：\n%s\n\n没能自动打开它：%s。请到所在文件夹用 PDF 阅读程序打开，或直接打印。",
		path, model.ErrorMessage(err)))
	n := &exportedNotice{d: dialog.NewCustomWithoutButtons("已导出 PDF", sized(msg, 480), win)}
	n.okBtn = widget.NewButton("确定", n.d.Hide)
	n.okBtn.Importance = widget.HighImportance
	n.folderBtn = widget.NewButton("打开所在文件夹", func() {
		n.d.Hide()
		bg.run(func() func() {
			if err := openURL(filepath.Dir(path)); err != nil {
				return func() { showInfo(win, "没能打开文件夹："+model.ErrorMessage(err)+"\n文件在：\n"+path) }
			}
			return nil
		})
	})
	n.d.SetButtons([]fyne.CanvasObject{n.folderBtn, n.okBtn})
	n.d.Show()
	return n
}

// mastheadGaps names the 报头 fields of b left blank.
func mastheadGaps(b *model.Bulletin) []string {
	var gaps []string
	if strings.TrimSpace(b.Name) == "" {
		gaps = append(gaps, "刊名")
	}
	if strings.TrimSpace(b.Unit) == "" {
		gaps = append(gaps, "编印单位")
	}
	return gaps
}

// gapNote says what the 报头 prints instead of the blank field.
var gapNote = map[string]string{"刊名": "报头将印默认的「舆情专报」", "编印单位": "报头将没有编印单位"}

// checkMasthead runs next when the 报头 of b is complete; else it says which
// field is blank and where to fill it, and lets the user go on (goOn, e.g.
// 仍然导出) or stop to fill it in.
func (e *bulletinEditor) checkMasthead(b *model.Bulletin, goOn string, next func()) {
	gaps := mastheadGaps(b)
	if len(gaps) == 0 || b.Frozen() {
		next()
		return
	}
	var lines, fields []string
	for _, g := range gaps {
		lines = append(lines, "· 「"+g+"」为空，"+gapNote[g])
		fields = append(fields, "「"+g+"」")
	}
	msg := wrapLabel(fmt.Sprintf("%d年第%d期的报头不完整：\n%s。\n\n请在本期的%s栏填写后再%s；"+
		"今后新建的各期取自「设置 → 专报模板与字体」中的%s，也请在那里填好。",
		b.Year, b.Number, strings.Join(lines, "；\n"), strings.Join(fields, ""), strings.TrimPrefix(goOn, "仍然"),
		strings.Join(fields, "")))
	e.lastConfirm = newFormDialog(e.win, "报头不完整", goOn, sized(msg, 480), func() formResult {
		return closeThen(next)
	})
	e.lastConfirm.cancel.SetText("返回填写")
	e.lastConfirm.ok.Importance = widget.WarningImportance
}
