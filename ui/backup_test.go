package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bulletin/model"
)

func TestBackupSection(t *testing.T) {
	s := mustOpenStore(t)
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(900, 600))
	dir := filepath.Join(t.TempDir(), "备份")
	a.Preferences().SetString(prefBackupDir, dir)
	b := &backupSection{win: w, store: s, bg: newTestTasks(t), prefs: a.Preferences(), chosen: -1}
	w.SetContent(b.buildUI())
	test.Tap(b.backup)
	b.bg.settle() // the backup runs in the background
	if len(b.backups) != 1 || filepath.Dir(b.backups[0].Path) != dir {
		t.Fatalf("backups listed after 立即备份: %+v", b.backups)
	}
	if err := model.VerifyBackup(context.Background(), b.backups[0].Path); err != nil {
		t.Errorf("the backup does not verify: %v", err)
	}
	test.Type(b.keep, "x")
	if b.status.Text != "保留份数应为正整数" {
		t.Errorf("status after a bad keep count: %q", b.status.Text)
	}
}

func TestDamagedDBContent(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	dir := t.TempDir()
	path := filepath.Join(dir, "bulletin.db")
	s, err := model.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupNow(context.Background(), "", 0); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.WriteFile(path, append([]byte("SQLite format 3\x00"), make([]byte, 8192)...), 0o644); err != nil {
		t.Fatal(err)
	}
	_, openErr := model.Open(path)
	if c := damagedDBContent(a, w, path, openErr, func() {}); c == nil {
		t.Errorf("no restore offer for a damaged database (%v) with a backup", openErr)
	}
	if c := damagedDBContent(a, w, path, model.Errorf(model.ECONFLICT, "数据库正被另一个程序使用"), func() {}); c != nil {
		t.Error("a restore offer for a database in use")
	}
}

// The backup folder and keep count live in the store, so that they travel
// with the data; values an earlier version kept in the preferences are taken
// over once.
func TestBackupSettingsInStore(t *testing.T) {
	s := mustOpenStore(t)
	ctx := context.Background()
	a := test.NewTempApp(t)
	old := filepath.Join(t.TempDir(), "旧备份")
	a.Preferences().SetString(prefBackupDir, old)
	a.Preferences().SetInt(prefBackupKeep, 7)
	w := test.NewTempWindow(t, nil)
	b := &backupSection{win: w, store: s, bg: newTestTasks(t), prefs: a.Preferences(), chosen: -1}
	w.SetContent(b.buildUI())
	if b.dir.Text != old || b.keep.Text != "7" {
		t.Errorf("section shows %q, %q; want the old preferences %q, 7", b.dir.Text, b.keep.Text, old)
	}
	for key, want := range map[string]string{model.SettingBackupDir: old, model.SettingBackupKeep: "7"} {
		if v, ok, err := s.StoredSetting(ctx, key); err != nil || !ok || v != want {
			t.Errorf("store %s = %q (stored %v, %v), want %q taken over from the preferences", key, v, ok, err, want)
		}
	}

	// Changes go to the store (and the preferences' copy).
	newDir := filepath.Join(t.TempDir(), "U盘备份")
	b.dir.SetText(newDir)
	b.onDirChanged()
	b.keep.SetText("12")
	if v, _ := s.GetSetting(ctx, model.SettingBackupDir); v != newDir {
		t.Errorf("store 备份文件夹 = %q, want %q", v, newDir)
	}
	if v, _ := s.GetSetting(ctx, model.SettingBackupKeep); v != "12" {
		t.Errorf("store 保留份数 = %q, want 12", v)
	}
	if a.Preferences().String(prefBackupDir) != newDir {
		t.Errorf("preferences' copy of the folder = %q, want %q", a.Preferences().String(prefBackupDir), newDir)
	}

	// Another PC (no preferences) opening the same data uses the store's values.
	other := test.NewTempApp(t)
	got, err := loadBackupSettings(ctx, s, other.Preferences())
	if err != nil || got.dir != newDir || got.keep != 12 {
		t.Errorf("on another PC: %+v, %v; want %s and 12 from the store", got, err, newDir)
	}

	// 立即备份 keeps a folder typed without Enter, and backs up there.
	typed := filepath.Join(t.TempDir(), "未回车的文件夹")
	b.dir.SetText(typed)
	test.Tap(b.backup)
	b.bg.settle()
	if v, _ := s.GetSetting(ctx, model.SettingBackupDir); v != typed || len(b.backups) != 1 || filepath.Dir(b.backups[0].Path) != typed {
		t.Errorf("立即备份 with a typed folder: stored %q, backups %+v; want %q kept and used", v, b.backups, typed)
	}

	// The default folder is stored as "": it follows the data when moved.
	b.dir.SetText(model.DefaultBackupDir(s.Path()))
	b.onDirChanged()
	if v, ok, _ := s.StoredSetting(ctx, model.SettingBackupDir); !ok || v != "" {
		t.Errorf("default folder stored as %q (%v), want \"\"", v, ok)
	}
}

// 恢复… asks in our own dialog (恢复 / 取消, not Fyne's Yes/No in the system
// language), then puts the backup in place of the database.
func TestRestoreAsksAndRestores(t *testing.T) {
	s := mustOpenStore(t)
	ctx := context.Background()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(900, 600))
	backup, err := s.BackupNow(ctx, filepath.Join(t.TempDir(), "备份"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateCase(ctx, &model.Case{Title: "备份之后登记的案件"}); err != nil {
		t.Fatal(err)
	}
	bg := newTestTasks(t)
	var fd *formDialog
	confirmRestore(w, s, bg, backup, func(d *formDialog) { fd = d })
	if got := overlayTexts(t, w); !strings.Contains(got, "正在检查备份文件") {
		t.Errorf("while the backup is checked the window shows %q, want a message saying so", got)
	}
	bg.settle()
	if fd == nil || fd.ok.Text != "恢复" || fd.cancel.Text != "取消" {
		t.Fatalf("restore question %+v, want our dialog with 恢复 and 取消", fd)
	}
	test.Tap(fd.ok)
	bg.settle()
	restored, err := model.Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	if n := countCases(t, restored); n != 0 {
		t.Errorf("restored database holds %d cases, want the 0 of the backup", n)
	}
	fd = nil
	confirmRestore(w, restored, bg, filepath.Join(t.TempDir(), "不存在.db"), func(d *formDialog) { fd = d })
	bg.settle()
	if fd != nil || !strings.Contains(overlayTexts(t, w), "找不到文件") {
		t.Errorf("a missing backup file: question %v, message %q; want no question, the message", fd, overlayTexts(t, w))
	}
}

// 设置 → 备份与恢复 → 恢复… → 恢复, with the real dialog: once the question
// has closed, the result is on screen (the form once took it away with it, and
// the program went on with a closed store), the screens that held the old
// store are gone from the window, and the old store answers every call, a
// save included, with why it cannot: a backup was restored, start again.
func TestRestoreFromSettings(t *testing.T) {
	s := mustOpenStore(t)
	ctx := context.Background()
	backup, err := s.BackupNow(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	sh, w := newTestShell(t, s)
	sh.onNavigate(navSettings)
	sh.wait()
	b := sh.settings.backup
	if len(b.backups) != 1 || b.backups[0].Path != backup {
		t.Fatalf("备份与恢复 lists %+v, want the backup %s", b.backups, backup)
	}
	b.list.Select(0)
	test.Tap(b.restore)
	sh.wait()
	if b.lastRestore == nil {
		t.Fatal("恢复… asked nothing")
	}
	test.Tap(b.lastRestore.ok)
	sh.wait()
	if got := overlayTexts(t, w); !strings.Contains(got, "已恢复。原来的数据库保留为") {
		t.Fatalf("after 恢复 the top overlay shows %q, want the restore's result", got)
	}
	if n := len(w.Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d overlays after 恢复, want only the message (the question closed)", n)
	}
	if page := labelsIn(t, w.Content()); !strings.Contains(page, "请重新启动") || strings.Contains(page, "舆情专报\n工作台") {
		t.Errorf("window shows %q after the restore; want a page saying to start again, not the screens on the closed store", page)
	}
	if _, err := s.FindDepartments(ctx); model.ErrorMessage(err) != "数据库已关闭（已恢复备份），请重新启动程序。" {
		t.Errorf("store after the restore: %v; want the closed store's message", err)
	}

	// Should a case be saved all the same, the user is told why it is not.
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	ed := sh.cases.ed
	test.Tap(ed.newBtn)
	sh.wait()
	test.Type(ed.title, "恢复之后录入的案件")
	test.Tap(ed.saveBtn)
	sh.wait()
	if got := overlayTexts(t, w); !strings.Contains(got, "数据库已关闭（已恢复备份），请重新启动程序。") {
		t.Errorf("saving a case after the restore shows %q, want the closed store's message", got)
	}
}

// The settings list shows this database's backups first; another
// database's backups in the same folder come after, marked as such, and a
// restore from one says so before it is done.
func TestBackupListMarksOtherDatabases(t *testing.T) {
	ctx := context.Background()
	a := test.NewTempApp(t)
	dir := t.TempDir()
	s, err := model.Open(filepath.Join(dir, "bulletin.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := model.Open(filepath.Join(dir, "试用.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	later := func() time.Time { return time.Now().Add(time.Hour) } // newer than this database's
	other.SetNow(later)
	own, err := s.BackupNow(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	foreign, err := other.BackupNow(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1100, 700))
	ss := newSettingsScreen(w, s, newTestTasks(t))
	w.SetContent(ss.newBackupTab(a.Preferences()))
	b := ss.backup
	if len(b.backups) != 2 || b.backups[0].Path != own || b.backups[1].Path != foreign {
		t.Fatalf("listed %+v; want %s first, then %s", b.backups, own, foreign)
	}
	if row := b.rowText(1, b.backups[1]); !strings.Contains(row, "其他数据库 试用.db") {
		t.Errorf("row of the other database's backup %q, want it marked", row)
	}
	if row := b.rowText(0, b.backups[0]); strings.Contains(row, "其他") {
		t.Errorf("row of this database's backup %q is marked as another's", row)
	}
	b.list.Select(1)
	test.Tap(b.restore)
	b.bg.settle()
	if b.lastRestore == nil || !strings.Contains(overlayTexts(t, w), "另一个数据库的备份") {
		t.Errorf("restoring another database's backup asks %q; want it to say whose the backup is", overlayTexts(t, w))
	}
}

// The automatic backup runs in the background and says so below the
// navigation; a second database in the same folder gets its own.
func TestAutoBackupStatus(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	for _, name := range []string{"bulletin.db", "第二个.db"} {
		s, err := model.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		w := test.NewTempWindow(t, nil)
		status := newBackupStatus()
		bg := newTestTasks(t)
		startAutoBackup(w, s, a.Preferences(), bg, status, 0, nil)
		if status.Text != "" {
			t.Errorf("%s: status %q before the backup started", name, status.Text)
		}
		bg.settle()
		own, _, err := s.FindBackupsOf(model.DefaultBackupDir(s.Path()))
		if err != nil || len(own) != 1 {
			t.Fatalf("%s: %d backups of its own (%v), want the day's one", name, len(own), err)
		}
		if want := "今日已备份\n（" + own[0].Time.Format("15:04") + "）"; status.Text != want {
			t.Errorf("%s: status %q, want %q", name, status.Text, want)
		}
	}
}

// The status line fits the navigation column in every state: the screens
// beside it do not move when it changes.
func TestAutoBackupStatusFitsNavigation(t *testing.T) {
	sh, _ := newTestShell(t, mustOpenStore(t))
	nav := sh.navBtns[navMeetings].MinSize().Width // the widest name
	for _, text := range []string{"正在自动\n备份…", "今日已备份\n（23:59）", "自动备份\n失败"} {
		sh.backupStatus.SetText(text)
		if w := sh.backupStatus.MinSize().Width; w > nav {
			t.Errorf("status %q is %.0f wide, wider than the navigation (%.0f)", text, w, nav)
		}
	}
}

// 备份与恢复, opened before the day's backup was made (the program starts on
// 设置), lists it once it is made.
func TestAutoBackupListed(t *testing.T) {
	s := mustOpenStore(t)
	sh, w := newTestShell(t, s)
	sh.onNavigate(navSettings)
	sh.wait()
	if n := len(sh.settings.backup.backups); n != 0 {
		t.Fatalf("%d backups listed before any was made", n)
	}
	startAutoBackup(w, s, sh.app.Preferences(), sh.bg, sh.backupStatus, 0, sh.backupMade)
	sh.wait()
	if n := len(sh.settings.backup.backups); n != 1 {
		t.Errorf("%d backups listed after the automatic backup, want the day's one", n)
	}
}
