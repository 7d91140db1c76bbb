package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

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
	fd := confirmRestore(w, s, backup)
	if fd == nil || fd.ok.Text != "恢复" || fd.cancel.Text != "取消" {
		t.Fatalf("restore question %+v, want our dialog with 恢复 and 取消", fd)
	}
	test.Tap(fd.ok)
	restored, err := model.Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	if n := countCases(t, restored); n != 0 {
		t.Errorf("restored database holds %d cases, want the 0 of the backup", n)
	}
	if fd := confirmRestore(w, restored, filepath.Join(t.TempDir(), "不存在.db")); fd != nil {
		t.Error("a missing backup file was offered for restore")
	}
}
