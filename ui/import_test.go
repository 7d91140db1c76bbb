package ui

import (
	"context"
	"os"
	"path/filepath"
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
