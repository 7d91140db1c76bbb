package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bulletin/model"
	"bulletin/model/casefile"
)

// previewOf reads a CSV into a dry-run preview, as the dialog's load does.
func previewOf(t *testing.T, s *model.Store, csv string) (string, *casefile.Report) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "导入.csv")
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := casefile.ImportFile(context.Background(), s, path, "", model.ImportOptions{DryRun: true, CreateDepartments: true})
	if err != nil {
		t.Fatal(err)
	}
	return path, rep
}

func TestImportDialog(t *testing.T) {
	s := mustOpenStore(t)
	if err := s.CreateCase(context.Background(), &model.Case{Title: "已有的案件", Source: "微博"}); err != nil {
		t.Fatal(err)
	}
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	path, rep := previewOf(t, s, "标题,来源平台,责任单位,发布时间\n"+
		"好的一行,抖音,城关镇人民政府,2026-03-04 08:12\n"+ // 2
		",微博,,\n"+ // 3
		"新单位的一行,微信,县新单位,2026/3/5\n"+ // 4
		"已有的案件,微博,,\n") // 5
	done := make(chan *casefile.Report, 1)
	imported := false
	bg := newTestTasks(t)
	im := newImportDialog(w, s, bg, func() { imported = true })
	im.path = path
	im.done = func(r *casefile.Report, err error) {
		if err != nil {
			t.Errorf("import: %v", err)
		}
		done <- r
	}
	im.showPreview(rep)

	check := func(step string, wantButton string, wantReasons map[int]string) {
		t.Helper()
		if im.importBtn.Text != wantButton {
			t.Errorf("%s: button %q, want %q", step, im.importBtn.Text, wantButton)
		}
		if len(im.reasons) != len(wantReasons) {
			t.Errorf("%s: reasons %v, want %v", step, im.reasons, wantReasons)
		}
		for line, want := range wantReasons {
			if im.reasons[line] != want {
				t.Errorf("%s: row %d reason %q, want %q", step, line, im.reasons[line], want)
			}
		}
	}
	check("preview", "导入 2 行", map[int]string{3: "标题不能为空", 5: "重复：与已有案件 2026-0001 相同"})
	if got := previewText(im.preview.Read.Rows[1], im.reasons[3], 1); got != "标题不能为空" {
		t.Errorf("reason cell of row 3 = %q", got)
	}

	im.depts.SetSelected(nil) // untick 县新单位
	check("unticked", "导入 1 行", map[int]string{3: "标题不能为空", 4: "责任单位“县新单位”不在单位名录中（未勾选新建）",
		5: "重复：与已有案件 2026-0001 相同"})
	im.depts.SetSelected([]string{"县新单位"})

	test.Tap(im.importBtn)
	bg.settle()
	var r *casefile.Report
	select {
	case r = <-done:
	case <-time.After(time.Minute):
		t.Fatal("the import did not report within a minute")
	}
	if r.Store.Count != 2 || countCases(t, s) != 3 || !imported {
		t.Errorf("imported %d, store has %d cases, onDone called %v; want 2, 3, true", r.Store.Count, countCases(t, s), imported)
	}
	if _, err := os.Stat(casefile.ReportPath(path)); err != nil {
		t.Errorf("no report file: %v", err)
	}
	if depts, _ := s.FindDepartments(context.Background()); len(depts) != 3 {
		t.Errorf("departments after import: %d, want 3", len(depts))
	}
}

// TestImportDialogManyDepartments: with 10 new departments at 1280×800 every
// checkbox lies inside the dialog, wrapping in a scroll, and unticking each
// one takes its row out of the import.
func TestImportDialogManyDepartments(t *testing.T) {
	s := mustOpenStore(t)
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	csv := "标题,责任单位\n"
	for i := range 10 {
		csv += fmt.Sprintf("第%d件,县第%d个很长名字的新单位\n", i, i)
	}
	path, rep := previewOf(t, s, csv)
	im := newImportDialog(w, s, newTestTasks(t), nil)
	im.path = path
	im.showPreview(rep)
	if len(im.deptChecks) != 10 || im.importBtn.Text != "导入 10 行" {
		t.Fatalf("%d checks, button %q", len(im.deptChecks), im.importBtn.Text)
	}
	win := w.Canvas().Size()
	for i, c := range im.deptChecks {
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c)
		if !c.Visible() || pos.X < 0 || pos.X+c.Size().Width > win.Width || pos.Y < 0 || c.Size().Width == 0 {
			t.Errorf("check %d (%s) at %v size %v: outside the %v window", i, c.Text, pos, c.Size(), win)
		}
	}
	for i, c := range im.deptChecks {
		test.Tap(c)
		if want := fmt.Sprintf("导入 %d 行", 9-i); im.importBtn.Text != want {
			t.Errorf("after unticking %d: button %q, want %q", i+1, im.importBtn.Text, want)
		}
	}
	if !im.importBtn.Disabled() || len(im.depts.Selected) != 0 {
		t.Errorf("all unticked: button disabled %v, selected %q", im.importBtn.Disabled(), im.depts.Selected)
	}
}

// TestImportDialogCancel: 取消 during an import stops it with nothing
// imported, and says so in the dialog.
func TestImportDialogCancel(t *testing.T) {
	s := mustOpenStore(t)
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	csv := "标题,发布时间\n"
	for i := range 20 * casefile.BatchSize {
		csv += fmt.Sprintf("第%d件,2026-03-04 08:12\n", i)
	}
	path, rep := previewOf(t, s, csv)
	bg := newTestTasks(t)
	im := newImportDialog(w, s, bg, nil)
	im.path = path
	var gotErr error
	im.done = func(_ *casefile.Report, err error) { gotErr = err }
	im.showPreview(rep)
	test.Tap(im.importBtn)
	test.Tap(im.cancelBtn)
	bg.settle()
	if !errors.Is(gotErr, context.Canceled) || countCases(t, s) != 0 {
		t.Errorf("cancelled import: %v, %d cases; want context.Canceled and none", gotErr, countCases(t, s))
	}
	if im.detail.Text != "导入已取消，没有导入任何案件。" || im.importBtn.Disabled() {
		t.Errorf("after 取消: detail %q, import button disabled %v", im.detail.Text, im.importBtn.Disabled())
	}
}

func TestRowsText(t *testing.T) {
	for _, tt := range []struct {
		read, total int
		want        string
	}{{120000, 300000, "已读 120,000 / 300,000 行"}, {999, 0, "已读 999 行"}, {1000001, 1000000, "已读 1,000,001 行"}} {
		if got := rowsText(tt.read, tt.total); got != tt.want {
			t.Errorf("rowsText(%d, %d) = %q, want %q", tt.read, tt.total, got, tt.want)
		}
	}
}

// TestImportDialogLoad: choosing a file reads it in the background and shows
// its preview (the context of the reading is done by then: that is not a 取消).
func TestImportDialogLoad(t *testing.T) {
	s := mustOpenStore(t)
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	path := filepath.Join(t.TempDir(), "导入.csv")
	if err := os.WriteFile(path, []byte("标题,状态\n一件,待研判\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bg := newTestTasks(t)
	im := newImportDialog(w, s, bg, nil)
	im.load(path, "")
	bg.settle()
	if im.preview == nil || im.importBtn == nil || im.importBtn.Text != "导入 1 行" {
		t.Fatalf("no preview after loading %s", path)
	}
	if !strings.Contains(im.summary.Text, "按文件中的“状态”和交办、回复、办结时间导入办理情况") {
		t.Errorf("summary %q does not say 状态 is used", im.summary.Text)
	}
}
