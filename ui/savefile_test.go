package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

// TestWriteFile: the bytes made go into the file and the message says where;
// when making them fails, the file chosen is removed (no empty .xlsx left
// behind) and the message says what failed, in Chinese.
func TestWriteFile(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	bg := newTestTasks(t)
	dir := t.TempDir()

	open := func(name string) fyne.URIWriteCloser {
		wc, err := storage.Writer(storage.NewFileURI(filepath.Join(dir, name)))
		if err != nil {
			t.Fatal(err)
		}
		return wc
	}
	writeFile(w, bg, open("好.xlsx"), "导出表格", "统计表已导出到", func() ([]byte, error) { return []byte("表格"), nil })
	bg.settle()
	if data, err := os.ReadFile(filepath.Join(dir, "好.xlsx")); err != nil || string(data) != "表格" {
		t.Errorf("written %q, %v", data, err)
	}
	if got := overlayTexts(t, w); !strings.Contains(got, "统计表已导出到") || !strings.Contains(got, "好.xlsx") {
		t.Errorf("message %q", got)
	}

	writeFile(w, bg, open("坏.xlsx"), "导出表格", "统计表已导出到", func() ([]byte, error) {
		return nil, errors.New("磁盘已满")
	})
	bg.settle()
	if _, err := os.Stat(filepath.Join(dir, "坏.xlsx")); !os.IsNotExist(err) {
		t.Errorf("a failed write left its file: %v", err)
	}
	if got := overlayTexts(t, w); !strings.Contains(got, "导出表格") || !strings.Contains(got, "磁盘已满") {
		t.Errorf("message %q", got)
	}
}
