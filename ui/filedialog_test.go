package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// shownTexts returns every text drawn in o, reached through the renderers as
// Fyne draws them (list rows and button labels included).
func shownTexts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch o := o.(type) {
		case *canvas.Text:
			out = append(out, o.Text)
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			if r := test.WidgetRenderer(o); r != nil {
				for _, c := range r.Objects() {
					walk(c)
				}
			}
		}
	}
	walk(o)
	return out
}

// latinWord is two or more Latin letters: an English word in a dialog.
var latinWord = regexp.MustCompile(`[A-Za-z]{2,}`)

// englishIn returns the texts of the top overlay of w that hold an English
// word, leaving out the folder names of dir's path (the breadcrumb).
func englishIn(w fyne.Window, dir string) []string {
	path := map[string]bool{}
	for _, p := range strings.Split(filepath.ToSlash(dir), "/") {
		path[p] = true
	}
	var bad []string
	for _, s := range shownTexts(w.Canvas().Overlays().Top()) {
		if latinWord.MatchString(s) && !path[s] {
			bad = append(bad, s)
		}
	}
	return bad
}

// findButton returns the button labelled text in the top overlay of w.
func findButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widget.Button:
			if o.Text == text {
				found = o
			}
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(o).Objects() {
				walk(c)
			}
		}
	}
	walk(w.Canvas().Overlays().Top())
	if found == nil {
		t.Fatalf("no button %q in %q", text, shownTexts(w.Canvas().Overlays().Top()))
	}
	return found
}

// TestFileDialogsSpeakChinese shows each kind of file dialog and checks that
// no English word is drawn (Home, Computer, Save File, Cancel, …), that the
// title reads as ours, and that replacing a file asks in Chinese with 是/否.
func TestFileDialogsSpeakChinese(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("底"))
	w.Resize(fyne.NewSize(1280, 800))
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "已有文件"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "子文件夹"), 0o755); err != nil {
		t.Fatal(err)
	}
	loc, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		t.Fatal(err)
	}
	var saved fyne.URIWriteCloser
	dialogs := []struct {
		name, title, confirm string
		d                    *fileDialog
	}{
		{"open", "打开文件", "打开", newFileOpen(func(fyne.URIReadCloser, error) {}, w)},
		{"save", "保存文件", "保存", newFileSave(func(wc fyne.URIWriteCloser, _ error) { saved = wc }, w)},
		{"folder", "选择文件夹", "选择", newFolderOpen(func(fyne.ListableURI, error) {}, w)},
	}
	for _, tc := range dialogs {
		t.Run(tc.name, func(t *testing.T) {
			tc.d.SetLocation(loc)
			tc.d.Resize(fyne.NewSize(900, 600))
			tc.d.Show()
			texts := shownTexts(w.Canvas().Overlays().Top())
			if bad := englishIn(w, dir); len(bad) > 0 {
				t.Errorf("%s dialog shows English %q (all texts %q)", tc.name, bad, texts)
			}
			for _, want := range []string{tc.title, tc.confirm, "取消", "主文件夹"} {
				if !contains(texts, want) {
					t.Errorf("%s dialog: no %q among %q", tc.name, want, texts)
				}
			}
			if tc.name != "save" {
				tc.d.Hide()
			}
		})
	}

	// Save over 已有文件: the question is ours, and 是 replaces the file.
	top := w.Canvas().Overlays().Top()
	name := findEntry(top)
	if name == nil {
		t.Fatal("save dialog has no file name entry")
	}
	name.SetText("已有文件")
	test.Tap(findButton(t, w, "保存"))
	q := w.Canvas().Overlays().Top()
	if q == top {
		t.Fatal("saving over 已有文件 did not ask")
	}
	texts := shownTexts(q)
	if bad := englishIn(w, dir); len(bad) > 0 {
		t.Errorf("the question before replacing shows English %q (all %q)", bad, texts)
	}
	for _, want := range []string{"覆盖文件", "已有文件“已有文件”，要替换它吗？", "是", "否"} {
		if !contains(texts, want) {
			t.Errorf("the question before replacing: no %q among %q", want, texts)
		}
	}
	test.Tap(findButton(t, w, "是"))
	if saved == nil {
		t.Fatal("是 did not save")
	}
	saved.Close()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// findEntry returns the first entry in o.
func findEntry(o fyne.CanvasObject) *widget.Entry {
	switch o := o.(type) {
	case *widget.Entry:
		return o
	case *fyne.Container:
		for _, c := range o.Objects {
			if e := findEntry(c); e != nil {
				return e
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			if e := findEntry(c); e != nil {
				return e
			}
		}
	}
	return nil
}
