package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

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

// Preference key prefixes that remember, per database file on this PC, its
// identity and its backup folder: for when the file is damaged or missing,
// so that only its own backups are offered.
const (
	prefDatabaseID  = "database.id:"        // + path
	prefDatabaseDir = "database.backupDir:" // + path
)

// rememberDatabase notes the identity of the database open in s.
func rememberDatabase(prefs fyne.Preferences, s *model.Store) {
	if prefs != nil && s.ID() != "" {
		prefs.SetString(prefDatabaseID+s.Path(), s.ID())
	}
}

// rememberBackupDir notes the backup folder of the database at dbPath.
func rememberBackupDir(prefs fyne.Preferences, dbPath, dir string) {
	if prefs != nil {
		prefs.SetString(prefDatabaseDir+dbPath, dir)
	}
}

// startupBackups finds the backups of the database at dbPath, which cannot
// be opened (damaged or missing), newest first: in its own backup folder as
// last used on this PC, the folder last set and the default folder. They are
// picked by its identity as remembered on this PC or read from the file,
// else by the database name each backup records; another database's backup
// is never among them. unsure counts the backups of earlier versions,
// which do not say whose they are.
func startupBackups(prefs fyne.Preferences, dbPath string) (own []model.BackupInfo, unsure int) {
	ref := model.DatabaseRef{Path: dbPath}
	dirs := []string{model.DefaultBackupDir(dbPath), backupDir(prefs, dbPath)}
	if prefs != nil {
		ref.ID = prefs.String(prefDatabaseID + dbPath)
		if d := prefs.String(prefDatabaseDir + dbPath); d != "" {
			dirs = append([]string{d}, dirs...)
		}
	}
	if ref.ID == "" {
		ref.ID, _ = model.ReadDatabaseID(context.Background(), dbPath) // a damaged file may still tell
	}
	seen := map[string]bool{}
	for _, dir := range dirs {
		if seen[dir] {
			continue
		}
		seen[dir] = true
		list, err := model.FindBackups(dir)
		if err != nil {
			continue
		}
		mine, other := model.BackupsOf(list, ref)
		own = append(own, mine...)
		for _, b := range other {
			if b.DBID == "" {
				unsure++
			}
		}
	}
	sort.SliceStable(own, func(i, j int) bool { return own[i].Time.After(own[j].Time) })
	return own, unsure
}

// unsureText mentions the backups of earlier versions, not offered since
// they may be another database's, and how to use one all the same.
func unsureText(n int, dbPath string) []string {
	if n == 0 {
		return nil
	}
	return []string{fmt.Sprintf("备份文件夹中另有 %d 份旧版本程序所做的备份，没有记录属于哪个数据库，所以不在这里提供。"+
		"如确定其中一份属于本数据库，可在命令行用 bulletin restore -db \"%s\" 备份文件 恢复。", n, dbPath)}
}

// damagedDBContent is shown instead of the main window when the database
// is damaged and a backup of it exists: it offers to restore its newest
// backup, keeping the damaged file beside it, and then opens the program
// again. It returns nil for other errors or when there is no backup of this
// database.
func damagedDBContent(a fyne.App, w fyne.Window, dbPath string, openErr error, reopen func()) *startupPage {
	if !model.IsDamaged(openErr) {
		return nil
	}
	list, unsure := startupBackups(a.Preferences(), dbPath)
	if len(list) == 0 {
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
	return newStartupPage("数据库文件已损坏", append([]string{
		model.ErrorMessage(openErr),
		"损坏的文件不会被覆盖。可以用本数据库最新的备份（" + newest.Time.Format("2006-01-02 15:04") +
			"，" + filepath.Base(newest.Path) + "）恢复：损坏的文件会改名保留在原处，之后的修改需要重新录入。",
		"数据文件：" + dbPath,
	}, unsureText(unsure, dbPath)...), restore, widget.NewButton("退出", a.Quit))
}

// askMissingDB handles a database file that is missing while backups of it
// exist (moved, deleted, a USB stick in another slot): rather than silently
// starting empty, it asks whether to restore its newest backup or start a
// new database, then calls again. It returns false when there is nothing to
// ask: no backup of this database, whatever other databases' backups the
// folder holds.
func askMissingDB(a fyne.App, dbPath string, again func()) bool {
	if _, err := os.Stat(dbPath); !errors.Is(err, os.ErrNotExist) {
		return false
	}
	list, unsure := startupBackups(a.Preferences(), dbPath)
	if len(list) == 0 {
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
	page := newStartupPage("找不到数据库文件", append([]string{
		"数据文件：" + dbPath,
		fmt.Sprintf("备份文件夹里有本数据库的 %d 份备份，最新的是 %s（%s）。文件可能被移动或删除了（例如 U 盘插在了别的接口）。",
			len(list), newest.Time.Format("2006-01-02 15:04"), filepath.Base(newest.Path)),
	}, unsureText(unsure, dbPath)...), restore, fresh, widget.NewButton("退出", a.Quit))
	w.SetContent(page.content)
	w.Resize(fyne.NewSize(640, 300))
	w.CenterOnScreen()
	w.Show()
	return true
}
