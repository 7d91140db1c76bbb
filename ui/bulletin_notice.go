package ui

import (
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// openInViewer opens a file (or a folder) with the program the system uses
// for it. The error says no program could be started: then the user must be
// told where the file went.
func openInViewer(path string) error {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios":
	default:
		// Fyne starts xdg-open and does not report that it is missing.
		if _, err := exec.LookPath("xdg-open"); err != nil {
			return model.Errorf(model.EINVALID, "没有找到用来打开文件的程序 xdg-open")
		}
	}
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err != nil {
		return err
	}
	return fyne.CurrentApp().OpenURL(u)
}

// exportedNotice says where an exported PDF went when no viewer opened it.
type exportedNotice struct {
	d                *dialog.CustomDialog
	folderBtn, okBtn *widget.Button
}

// showExported tells that path was written but not opened (why: err), with
// 打开所在文件夹 and 确定.
func (e *bulletinEditor) showExported(path string, err error) {
	msg := wrapLabel(fmt.Sprintf("PDF 已导出到：\n%s\n\n没能自动打开它（%s）。请到所在文件夹用 PDF 阅读程序打开，或直接打印。",
		path, model.ErrorMessage(err)))
	n := &exportedNotice{d: dialog.NewCustomWithoutButtons("已导出 PDF", sized(msg, 480), e.win)}
	n.okBtn = widget.NewButton("确定", n.d.Hide)
	n.okBtn.Importance = widget.HighImportance
	n.folderBtn = widget.NewButton("打开所在文件夹", func() {
		n.d.Hide()
		if err := e.openURL(filepath.Dir(path)); err != nil {
			showInfo(e.win, "没能打开文件夹："+model.ErrorMessage(err)+"\n文件在：\n"+path)
		}
	})
	n.d.SetButtons([]fyne.CanvasObject{n.folderBtn, n.okBtn})
	n.d.Show()
	e.lastExported = n
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
