package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// startAutoBackup makes the day's automatic backup in a goroutine, so that
// the window opens at once. A failure is shown once, since it means the
// backups are not being made.
func startAutoBackup(win fyne.Window, s *model.Store, prefs fyne.Preferences, bg *tasks) {
	bg.run(func() func() {
		ctx := context.Background()
		bs, err := loadBackupSettings(ctx, s, prefs)
		if err == nil {
			_, _, err = s.AutoBackup(ctx, bs.folder(s.Path()), bs.keep)
		}
		if err != nil {
			return func() { showError(win, "自动备份", err) }
		}
		return nil
	})
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
	backups  []model.BackupInfo
	backup   *widget.Button
	restore  *widget.Button
	chosen   int // index in backups, -1 = none
	settings backupSettings
}

// newBackupSection returns the 备份与恢复 section: backup folder and keep
// count (saved in the store), 立即备份, 备份到其他位置…, the list of backups and
// 恢复….
func newBackupSection(win fyne.Window, s *model.Store, prefs fyne.Preferences, bg *tasks) fyne.CanvasObject {
	b := &backupSection{win: win, store: s, bg: bg, prefs: prefs, chosen: -1}
	return b.buildUI()
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
			o.(*widget.Label).SetText(fmt.Sprintf("%s　%s　%s", bk.Time.Format("2006-01-02 15:04:05"), sizeText(bk.Size), filepath.Base(bk.Path)))
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
		widget.NewFormItem("保留份数", container.NewHBox(fixedWidth(b.keep, 80), widget.NewLabel("份（备份文件夹中超出的最旧备份会被删除）"))),
	)
	hint := widget.NewLabel("程序每天启动时自动备份一次，只保留最新的若干份。恢复前会先检查备份文件；被替换的数据库会改名保留在原处。")
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

// reload lists the backups of the folder.
func (b *backupSection) reload() {
	list, err := model.FindBackups(b.dir.Text)
	if err != nil {
		b.status.SetText(model.ErrorMessage(err))
	}
	b.backups = list
	if len(list) == 0 {
		b.listHead.SetText("备份文件夹中还没有备份")
	} else {
		b.listHead.SetText(fmt.Sprintf("已有 %d 份备份（选中一份再点“恢复…”即用它恢复；不选则可挑选其他文件）", len(list)))
	}
	b.chosen = -1
	b.list.UnselectAll()
	b.list.Refresh()
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
	b.reload()
}

func (b *backupSection) onPickDir() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
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
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
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
	if b.chosen >= 0 && b.chosen < len(b.backups) {
		confirmRestore(b.win, b.store, b.backups[b.chosen].Path)
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			showError(b.win, "选择文件", err)
			return
		}
		path := r.URI().Path()
		r.Close()
		confirmRestore(b.win, b.store, path)
	}, b.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// confirmRestore checks the backup, asks, then closes the store, restores
// and quits: every screen holds the old store, so the program restarts. The
// question is ours, with 恢复 and 取消, not Fyne's Yes/No in the system
// language. It returns the question, or nil when the backup is not usable.
func confirmRestore(win fyne.Window, s *model.Store, src string) *formDialog {
	if err := model.VerifyBackup(context.Background(), src); err != nil {
		showError(win, "检查备份", err) // nothing has changed
		return nil
	}
	msg := widget.NewLabel(fmt.Sprintf("用备份 %s 替换当前数据库？\n\n当前数据库会改名保留在原处。恢复后程序将关闭，请重新启动。", filepath.Base(src)))
	msg.Wrapping = fyne.TextWrapBreak
	fd := newFormDialog(win, "恢复数据库", "恢复", sized(msg, 440), func() formResult {
		return closeThen(func() { restoreNow(win, s, src) })
	})
	fd.ok.Importance = widget.DangerImportance
	return fd
}

// restoreNow closes the store, swaps the files and says so; the program quits
// when the message is closed, so nothing works on with the closed store.
func restoreNow(win fyne.Window, s *model.Store, src string) {
	dbPath := s.Path()
	if err := s.Close(); err != nil {
		fyne.LogError("close store before restore", err)
	}
	kept, err := model.Restore(dbPath, src)
	text := "已恢复。原来的数据库保留为：\n" + kept + "\n\n请重新启动程序。"
	if err != nil {
		text = "恢复失败：" + model.ErrorMessage(err) + "\n数据库未被替换。请重新启动程序。"
	}
	showMessage(win, "恢复数据库", text).SetOnClosed(func() {
		if a := fyne.CurrentApp(); a != nil {
			a.Quit()
		}
	})
}
