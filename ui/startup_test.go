package ui

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bulletin/model"
)

// On a small window the text of the open-error page wraps and scrolls above
// the 退出 button instead of running under it.
func TestOpenErrorPageButtonsBelowText(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	long := errors.New(strings.Repeat("数据库文件无法打开，", 12))
	path := filepath.Join(`D:\单位资料\网信办\舆情专报工作台\data`, strings.Repeat("很长的文件夹名称", 4), "bulletin.db")
	p := openErrorContent(path, long, a)
	w.SetContent(p.content)
	for _, size := range []fyne.Size{{Width: 640, Height: 360}, {Width: 420, Height: 260}} {
		w.Resize(size)
		textBottom := p.body.Position().Y + p.body.Size().Height
		if p.buttons.Position().Y < textBottom {
			t.Errorf("%v window: buttons at y=%.0f overlap the text ending at y=%.0f", size, p.buttons.Position().Y, textBottom)
		}
		if bottom := p.buttons.Position().Y + p.buttons.Size().Height; bottom > size.Height {
			t.Errorf("%v window: buttons end at y=%.0f, below the window", size, bottom)
		}
	}
}

// A missing database with backups asks in one window; no other window is
// made and left unshown.
func TestCreateMissingDBOneWindow(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "bulletin.db")
	s, err := model.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.BackupNow(context.Background(), "", 0); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	before := len(a.Driver().AllWindows()) // the test driver may hold one already
	Create(a, path, "1.2.3")
	wins := a.Driver().AllWindows()
	if len(wins) != before+1 {
		t.Fatalf("Create on a missing database made %d windows, want the one that asks", len(wins)-before)
	}
	asks := wins[len(wins)-1]
	if asks.MainMenu() != nil || asks.Content() == nil {
		t.Error("the main window opened although the database is missing")
	}
	asks.Close()
}

// A new database in a folder where another database keeps its backups is
// not offered that database's backup: it starts empty. A missing database
// is offered its own newest backup, not the newer one of its neighbour.
func TestMissingDBOffersOnlyItsOwnBackups(t *testing.T) {
	a := test.NewTempApp(t)
	dir := t.TempDir()
	main := filepath.Join(dir, "bulletin.db")
	s, err := model.Open(main)
	if err != nil {
		t.Fatal(err)
	}
	own, err := s.BackupNow(context.Background(), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	rememberDatabase(a.Preferences(), s)
	s.Close()

	if askMissingDB(a, filepath.Join(dir, "新建的库.db"), func() {}) {
		t.Error("a new database was offered another database's backup")
	}

	other, err := model.Open(filepath.Join(dir, "试用.db"))
	if err != nil {
		t.Fatal(err)
	}
	other.SetNow(func() time.Time { return time.Now().Add(time.Hour) })
	if _, err := other.BackupNow(context.Background(), "", 0); err != nil {
		t.Fatal(err)
	}
	other.Close()
	removeDB(t, main)
	before := len(a.Driver().AllWindows())
	if !askMissingDB(a, main, func() {}) {
		t.Fatal("a missing database with a backup of its own was not asked about")
	}
	wins := a.Driver().AllWindows()
	if len(wins) != before+1 {
		t.Fatalf("%d windows opened, want the one that asks", len(wins)-before)
	}
	asks := wins[len(wins)-1]
	defer asks.Close()
	if page := labelsIn(t, asks.Content()); !strings.Contains(page, filepath.Base(own)) || !strings.Contains(page, "1 份备份") {
		t.Errorf("the page says %q; want it to offer %s, the only backup of this database", page, filepath.Base(own))
	}
}

// A damaged database is offered its own newest backup, found by its
// identity remembered on this PC, even when another database's backup in
// the folder is newer; with only another database's backups, none is
// offered.
func TestDamagedDBOffersOnlyItsOwnBackups(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	dir := t.TempDir()
	path := filepath.Join(dir, "bulletin.db")
	other, err := model.Open(filepath.Join(dir, "试用.db"))
	if err != nil {
		t.Fatal(err)
	}
	other.SetNow(func() time.Time { return time.Now().Add(time.Hour) })
	if _, err := other.BackupNow(context.Background(), "", 0); err != nil {
		t.Fatal(err)
	}
	other.Close()

	s, err := model.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	rememberDatabase(a.Preferences(), s)
	s.Close()
	damage := func() error {
		if err := os.WriteFile(path, append([]byte("SQLite format 3\x00"), make([]byte, 8192)...), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := model.Open(path)
		return err
	}
	if c := damagedDBContent(a, w, path, damage(), func() {}); c != nil {
		t.Errorf("a damaged database without a backup of its own was offered another's: %q", labelsIn(t, c.content))
	}

	os.Remove(path)
	s, err = model.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	rememberDatabase(a.Preferences(), s)
	own, err := s.BackupNow(context.Background(), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	openErr := damage()
	before, _ := os.ReadFile(path)
	c := damagedDBContent(a, w, path, openErr, func() {})
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("looking for the damaged database's backups changed the file")
	}
	if c == nil {
		t.Fatal("no restore offer for a damaged database with a backup of its own")
	}
	if page := labelsIn(t, c.content); !strings.Contains(page, filepath.Base(own)) {
		t.Errorf("the page says %q; want it to offer %s", page, filepath.Base(own))
	}
}

// removeDB deletes a database file with its -wal and -shm files.
func removeDB(tb testing.TB, path string) {
	tb.Helper()
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			tb.Fatal(err)
		}
	}
}
