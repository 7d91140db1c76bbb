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
	b := &backupSection{win: w, store: s, prefs: a.Preferences(), chosen: -1}
	w.SetContent(b.buildUI())
	done := make(chan struct{})
	b.afterBackup = func() { close(done) }
	test.Tap(b.backup)
	<-done // the backup runs in a goroutine
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
