package ui

import (
	"errors"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// startupPage is what the window shows instead of the main screens when the
// data file cannot be opened as it is: a title, text that wraps and scrolls
// in whatever room there is, and the buttons below it, never over it.
type startupPage struct {
	content fyne.CanvasObject
	body    *container.Scroll
	buttons *fyne.Container
}

// newStartupPage lays out title, the paragraphs and the buttons.
func newStartupPage(title string, paragraphs []string, buttons ...fyne.CanvasObject) *startupPage {
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text := container.NewVBox()
	for _, p := range paragraphs {
		l := widget.NewLabel(p)
		l.Wrapping = fyne.TextWrapBreak // paths have no spaces to break at
		text.Add(l)
	}
	p := &startupPage{body: container.NewVScroll(text)}
	p.buttons = container.NewHBox(append([]fyne.CanvasObject{layout.NewSpacer()}, buttons...)...)
	p.content = container.NewPadded(container.NewBorder(head, p.buttons, nil, nil, p.body))
	return p
}

// openErrorContent explains that the data file could not be opened.
// A file in use by another copy of the program gets no advice beyond the
// error's own (close the other window).
func openErrorContent(path string, err error, a fyne.App) *startupPage {
	hint := "原文件未作任何改动。请检查文件所在文件夹是否可写、文件是否被其他程序占用，或用 -db 指定其他数据文件后重新启动。"
	if model.ErrorCode(err) == model.ECONFLICT {
		hint = "原文件未作任何改动。"
	}
	return newStartupPage("无法打开数据文件", []string{model.ErrorMessage(err), "数据文件：" + path, hint},
		widget.NewButton("退出", a.Quit))
}

// damagedDBContent is shown instead of the main window when the database
// is damaged and a backup exists: it offers to restore the newest backup,
// keeping the damaged file beside it, and then opens the program again. It
// returns nil for other errors or when there is no backup.
func damagedDBContent(a fyne.App, w fyne.Window, dbPath string, openErr error, reopen func()) *startupPage {
	if !model.IsDamaged(openErr) {
		return nil
	}
	list, err := model.FindBackups(backupDir(a.Preferences(), dbPath))
	if err != nil || len(list) == 0 {
		return nil
	}
	newest := list[0]
	restore := widget.NewButtonWithIcon("从最新的备份恢复", theme.HistoryIcon(), func() {
		if _, err := model.Restore(dbPath, newest.Path); err != nil {
			showError(w, "恢复", err)
			return
		}
		reopen() // the new window first: closing the last one would end the program
		w.Close()
	})
	restore.Importance = widget.HighImportance
	return newStartupPage("数据库文件已损坏", []string{
		model.ErrorMessage(openErr),
		"损坏的文件不会被覆盖。可以用最新的备份（" + newest.Time.Format("2006-01-02 15:04") +
			"）恢复：损坏的文件会改名保留在原处，之后的修改需要重新录入。",
		"数据文件：" + dbPath,
	}, restore, widget.NewButton("退出", a.Quit))
}

// askMissingDB handles a database file that is missing while backups of it
// exist (moved, deleted, a USB stick in another slot): rather than silently
// starting empty, it asks whether to restore the newest backup or start a new
// database, then calls again. It returns false when there is nothing to ask.
func askMissingDB(a fyne.App, dbPath string, again func()) bool {
	if _, err := os.Stat(dbPath); !errors.Is(err, os.ErrNotExist) {
		return false
	}
	list, err := model.FindBackups(backupDir(a.Preferences(), dbPath))
	if err != nil || len(list) == 0 {
		return false
	}
	newest := list[0]
	a.Settings().SetTheme(newOfficeTheme())
	w := a.NewWindow(appTitle)
	restore := widget.NewButtonWithIcon("从最新的备份恢复", theme.HistoryIcon(), func() {
		if _, err := model.Restore(dbPath, newest.Path); err != nil {
			showError(w, "恢复", err)
			return
		}
		again()
		w.Close()
	})
	restore.Importance = widget.HighImportance
	fresh := widget.NewButton("新建空的数据库", func() {
		s, err := model.Open(dbPath) // creates the file, so that the question is not asked again
		if err != nil {
			showError(w, "新建数据库", err)
			return
		}
		s.Close()
		again()
		w.Close()
	})
	page := newStartupPage("找不到数据库文件", []string{
		"数据文件：" + dbPath,
		fmt.Sprintf("备份文件夹里有 %d 份备份，最新的是 %s。文件可能被移动或删除了（例如 U 盘插在了别的接口）。",
			len(list), newest.Time.Format("2006-01-02 15:04")),
	}, restore, fresh, widget.NewButton("退出", a.Quit))
	w.SetContent(page.content)
	w.Resize(fyne.NewSize(640, 300))
	w.CenterOnScreen()
	w.Show()
	return true
}
