package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
