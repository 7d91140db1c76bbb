package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// autoBackupDelay is how long after the window is shown the day's automatic
// backup starts. Copying a database of 100,000 cases takes seconds of CPU and
// disk; started with the program it held the first window back by some 3 s
// on a two-core PC. Waiting for the first screen to load first costs nothing:
// the backup is of the data as it is when it runs.
const autoBackupDelay = 2 * time.Second

// newBackupStatus is the status line of the automatic backup, below the
// navigation: small and quiet, since it only says that all is well, and no
// wider than the navigation (lines of at most five characters), so that the
// screens do not move when it changes.
func newBackupStatus() *widget.Label {
	l := widget.NewLabel("")
	l.SizeName = theme.SizeNameCaptionText
	l.Importance = widget.LowImportance
	l.Alignment = fyne.TextAlignCenter
	return l
}

// startAutoBackup makes the day's automatic backup of the store's database
// in the background, after delay, saying so in status: 正在自动备份…, then
// when the day's backup was made; done (if any) runs after it on the UI
// thread. A failure is also shown in a dialog, once, since it means the
// backups are not being made. Closing the window stops the wait and the
// backup: the next start makes it.
func startAutoBackup(win fyne.Window, s *model.Store, prefs fyne.Preferences, bg *tasks, status *widget.Label, delay time.Duration, done func()) {
	bg.run(func() func() {
		select {
		case <-bg.ctx.Done():
			return nil
		case <-time.After(delay):
		}
		return func() {
			status.SetText("正在自动\n备份…")
			bg.run(func() func() {
				path, err := autoBackup(bg.ctx, s, prefs)
				return func() {
					showAutoBackup(win, s, status, path, err)
					if done != nil {
						done()
					}
				}
			})
		}
	})
}

// autoBackup makes the day's backup of s unless it has one.
func autoBackup(ctx context.Context, s *model.Store, prefs fyne.Preferences) (string, error) {
	bs, err := loadBackupSettings(ctx, s, prefs)
	if err != nil {
		return "", err
	}
	rememberBackupDir(prefs, s.Path(), bs.folder(s.Path()))
	path, _, err := s.AutoBackup(ctx, bs.folder(s.Path()), bs.keep)
	return path, err
}

// showAutoBackup says how the automatic backup went.
func showAutoBackup(win fyne.Window, s *model.Store, status *widget.Label, path string, err error) {
	if err != nil {
		status.SetText("自动备份\n失败")
		showError(win, "自动备份", err)
		return
	}
	at := s.Now()
	if b, ok := model.ParseBackup(path); ok {
		at = b.Time
	}
	status.SetText("今日已备份\n（" + at.Format("15:04") + "）")
}

// backupSection is the 备份与恢复 part of the settings screen.
type backupSection struct {
	win   fyne.Window
	store *model.Store
	bg    *tasks
	prefs fyne.Preferences

	dir      *widget.Entry
	keep     *widget.Entry
	list     *widget.List
	status   *widget.Label
	listHead *widget.Label
	backups  []model.BackupInfo // this database's, newest first, then the others
	own      int                // how many of backups are this database's
	backup   *widget.Button
	restore  *widget.Button
	chosen   int // index in backups, -1 = none
	settings backupSettings

	lastRestore *formDialog // the restore question shown last (tests)
}

// newBackupTab builds the 备份与恢复 tab of the settings screen: backup folder
// and keep count (saved in the store), 立即备份, 备份到其他位置…, the list of
// backups and 恢复…. The section is kept in ss.backup.
func (ss *settingsScreen) newBackupTab(prefs fyne.Preferences) fyne.CanvasObject {
	ss.backup = &backupSection{win: ss.win, store: ss.store, bg: ss.bg, prefs: prefs, chosen: -1}
	return ss.backup.buildUI()
}

func (b *backupSection) buildUI() fyne.CanvasObject {
	var err error
	b.settings, err = loadBackupSettings(context.Background(), b.store, b.prefs)
	if err != nil {
		showError(b.win, "读取备份设置", err)
	}
	b.dir = widget.NewEntry()
	b.dir.SetText(b.settings.folder(b.store.Path()))
	b.dir.OnSubmitted = func(string) { b.onDirChanged() }
	pick := widget.NewButtonWithIcon("选择…", theme.FolderOpenIcon(), b.onPickDir)
	b.keep = widget.NewEntry()
	b.keep.SetText(strconv.Itoa(b.settings.keep))
	b.keep.OnChanged = b.onKeepChanged
	b.list = widget.NewList(func() int { return len(b.backups) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			bk, ok := at(b.backups, i)
			if !ok {
				return
			}
			o.(*widget.Label).SetText(b.rowText(i, bk))
		})
	b.list.OnSelected = func(i widget.ListItemID) { b.chosen = i }
	b.list.OnUnselected = func(widget.ListItemID) { b.chosen = -1 }
	b.status = widget.NewLabel("")
	b.status.Wrapping = fyne.TextWrapWord
	b.backup = widget.NewButtonWithIcon("立即备份", theme.DocumentSaveIcon(), b.onBackupNow)
	b.backup.Importance = widget.HighImportance
	elsewhere := widget.NewButton("备份到其他位置…", b.onBackupElsewhere)
	b.restore = widget.NewButtonWithIcon("恢复…", theme.HistoryIcon(), b.onRestore)
	form := widget.NewForm(
		widget.NewFormItem("备份文件夹", container.NewBorder(nil, nil, nil, pick, b.dir)),
		widget.NewFormItem("保留份数", container.NewHBox(fixedWidth(b.keep, 80), widget.NewLabel("份（本数据库超出的最旧备份会被删除）"))),
	)
	hint := widget.NewLabel("程序每天启动后在后台自动备份一次（进度显示在左下角），每个数据库只保留自己最新的若干份。恢复前会先检查备份文件；被替换的数据库会改名保留在原处。")
	hint.Wrapping = fyne.TextWrapWord
	b.listHead = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(form, container.NewHBox(b.backup, elsewhere, b.restore), hint, b.status, b.listHead)
	b.reload()
	return widget.NewCard("备份与恢复", "", container.NewBorder(top, nil, nil, nil, b.list))
}

func sizeText(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}

// reload lists the backups of this database in the folder, newest first,
// then those of other databases, marked: a folder may hold the backups of
// several databases.
func (b *backupSection) reload() {
	list, err := model.FindBackups(b.dir.Text)
	if err != nil {
		b.status.SetText(model.ErrorMessage(err))
	}
	own, other := model.BackupsOf(list, b.store.Ref())
	b.backups, b.own = append(own, other...), len(own)
	switch {
	case len(own) == 0 && len(other) == 0:
		b.listHead.SetText("备份文件夹中还没有备份")
	case len(other) == 0:
		b.listHead.SetText(fmt.Sprintf("本数据库已有 %d 份备份（选中一份再点“恢复…”即用它恢复；不选则可挑选其他文件）", len(own)))
	case len(own) == 0:
		b.listHead.SetText(fmt.Sprintf("本数据库在这个文件夹中还没有备份；另有 %d 份不属于本数据库的备份，已标明", len(other)))
	default:
		b.listHead.SetText(fmt.Sprintf("本数据库已有 %d 份备份；文件夹中另有 %d 份不属于本数据库的备份，列在后面并已标明", len(own), len(other)))
	}
	b.chosen = -1
	b.list.UnselectAll()
	b.list.Refresh()
}

// rowText is one row of the list: time, size and file, and for a backup
// that is not of this database, whose it is.
func (b *backupSection) rowText(i int, bk model.BackupInfo) string {
	row := fmt.Sprintf("%s　%s　%s", bk.Time.Format("2006-01-02 15:04:05"), sizeText(bk.Size), filepath.Base(bk.Path))
	if i >= b.own {
		row = "〔" + otherBackupText(bk) + "〕" + row
	}
	return row
}

// otherBackupText says whose a backup that is not of this database is.
func otherBackupText(bk model.BackupInfo) string {
	if bk.DBID == "" {
		return "旧版本所做，未记录属于哪个数据库"
	}
	return "其他数据库 " + bk.DBName + ".db"
}

// onDirChanged saves the folder typed or chosen; the default folder is saved
// as "" so that it follows the database when the data folder is moved.
func (b *backupSection) onDirChanged() {
	dir := strings.TrimSpace(b.dir.Text)
	if dir == model.DefaultBackupDir(b.store.Path()) {
		dir = ""
	}
	if err := saveBackupSetting(b.store, b.prefs, model.SettingBackupDir, dir); err != nil {
		showError(b.win, "保存备份文件夹", err)
		return
	}
	b.settings.dir = dir
	rememberBackupDir(b.prefs, b.store.Path(), b.settings.folder(b.store.Path()))
	b.reload()
}

func (b *backupSection) onPickDir() {
	d := newFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			showError(b.win, "选择文件夹", err)
			return
		}
		b.dir.SetText(u.Path())
		b.onDirChanged()
	}, b.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func (b *backupSection) onKeepChanged(s string) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		b.status.SetText("保留份数应为正整数")
		return
	}
	b.status.SetText("")
	if err := saveBackupSetting(b.store, b.prefs, model.SettingBackupKeep, strconv.Itoa(n)); err != nil {
		showError(b.win, "保存保留份数", err)
		return
	}
	b.settings.keep = n
}

// onBackupNow makes a backup in the folder in a goroutine.
func (b *backupSection) onBackupNow() {
	if strings.TrimSpace(b.dir.Text) != b.settings.folder(b.store.Path()) {
		b.onDirChanged() // typed without Enter: the folder backed up to is the one kept
	}
	b.backup.Disable()
	b.status.SetText("正在备份…")
	dir, keep := b.settings.folder(b.store.Path()), b.settings.keep
	b.bg.run(func() func() {
		path, err := b.store.BackupNow(context.Background(), dir, keep)
		return func() {
			b.backup.Enable()
			if err != nil {
				b.status.SetText("")
				showError(b.win, "备份", err)
				return
			}
			b.status.SetText("已备份到 " + path)
			b.reload()
		}
	})
}

// onBackupElsewhere saves a backup where the user says (a USB stick).
func (b *backupSection) onBackupElsewhere() {
	d := newFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			showError(b.win, "选择文件", err)
			return
		}
		path := w.URI().Path()
		w.Close()
		b.status.SetText("正在备份…")
		b.bg.run(func() func() {
			err := b.store.Backup(context.Background(), path)
			return func() {
				if err != nil {
					b.status.SetText("")
					showError(b.win, "备份", err)
					return
				}
				b.status.SetText("已备份到 " + path)
			}
		})
	}, b.win)
	d.SetFileName("舆情专报数据-" + b.store.Now().Format("20060102") + ".db")
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// onRestore restores the backup chosen in the list, or asks for a file.
func (b *backupSection) onRestore() {
	if bk, ok := at(b.backups, b.chosen); ok {
		b.askRestore(bk.Path)
		return
	}
	d := newFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			showError(b.win, "选择文件", err)
			return
		}
		path := r.URI().Path()
		r.Close()
		b.askRestore(path)
	}, b.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// askRestore asks whether to restore from src, keeping the question for tests.
func (b *backupSection) askRestore(src string) {
	confirmRestore(b.win, b.store, b.bg, src, func(fd *formDialog) { b.lastRestore = fd })
}

// confirmRestore checks the backup, asks, then closes the store, restores
// and quits: every screen holds the old store, so the program restarts. The
// check reads the whole backup (seconds for a large database), so it runs in
// the background behind a message that keeps the window still. The question
// is ours, with 恢复 and 取消, not Fyne's Yes/No in the system language, and
// it says so when the backup is another database's; asked gets it. A backup
// that is not usable is reported instead, and nothing changes.
func confirmRestore(win fyne.Window, s *model.Store, bg *tasks, src string, asked func(*formDialog)) {
	checking := dialog.NewCustomWithoutButtons("恢复数据库", widget.NewLabel("正在检查备份文件 "+filepath.Base(src)+" …"), win)
	checking.Show()
	bg.run(func() func() {
		ctx := context.Background()
		err := model.VerifyBackup(ctx, src)
		id, idErr := model.ReadDatabaseID(ctx, src)
		return func() {
			checking.Hide()
			if err != nil {
				showError(win, "检查备份", err) // nothing has changed
				return
			}
			text := fmt.Sprintf("用备份 %s 替换当前数据库？\n\n当前数据库会改名保留在原处。恢复后程序将关闭，请重新启动。", filepath.Base(src))
			if idErr == nil && id != s.ID() {
				whose := "它没有记录属于哪个数据库（旧版本所做）"
				if id != "" {
					whose = "它是另一个数据库的备份"
				}
				text = "注意：" + whose + "，不是当前数据库的备份。\n\n" + text
			}
			msg := widget.NewLabel(text)
			msg.Wrapping = fyne.TextWrapBreak
			fd := newFormDialog(win, "恢复数据库", "恢复", sized(msg, 440), func() formResult {
				return closeThen(func() { restoreNow(win, s, bg, src) })
			})
			fd.danger() // the dialog is showing already
			if asked != nil {
				asked(fd)
			}
		}
	})
}

// restoreNow closes the store and swaps the files in the background, then
// says what happened; the program quits when the message is closed. The
// screens, which hold the closed store, are taken out of the window first:
// nothing can be typed that could not be saved, and should the quit not
// happen, the window still says to start the program again.
func restoreNow(win fyne.Window, s *model.Store, bg *tasks, src string) {
	quit := func() {
		if a := fyne.CurrentApp(); a != nil {
			a.Quit()
		}
	}
	page := newStartupPage("正在恢复数据库…", []string{"用备份 " + src + " 恢复，请稍候。"})
	win.SetContent(page.content)
	bg.run(func() func() {
		kept, err := s.Restore(src)
		return func() {
			title, text := "已恢复数据库", "已恢复。原来的数据库保留为：\n"+kept+"\n\n程序将关闭，请重新启动。"
			if err != nil {
				title, text = "恢复失败", "恢复失败："+model.ErrorMessage(err)+"\n数据库未被替换。程序将关闭，请重新启动。"
			}
			done := newStartupPage(title, []string{text, "数据文件：" + s.Path()}, widget.NewButton("退出", quit))
			win.SetContent(done.content)
			showMessage(win, "恢复数据库", text).SetOnClosed(quit)
		}
	})
}

// backupMade lists the day's automatic backup in 备份与恢复, when that has
// been opened before the backup was made.
func (sh *shell) backupMade() {
	if b := sh.settings.backup; b != nil {
		b.reload()
	}
}
