package ui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"bulletin/model"
	"bulletin/model/casefile"
)

// TestWriteCases exports the cases of a filter to .xlsx and .csv and reads
// the files back: exactly the filtered cases, every one of them.
func TestWriteCases(t *testing.T) {
	test.NewTempApp(t)
	s := mustOpenStore(t)
	ctx := context.Background()
	for i, src := range []string{"微博", "抖音", "微博"} {
		if err := s.CreateCase(ctx, &model.Case{Title: "案件" + string(rune('甲'+i)), Source: src}); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"导出.xlsx", "导出.csv"} {
		path := filepath.Join(t.TempDir(), name)
		w, err := storage.Writer(storage.NewFileURI(path))
		if err != nil {
			t.Fatal(err)
		}
		n, err := writeCases(s, model.CaseFilter{Source: "微博", Limit: 1}, w)
		if err != nil || n != 2 {
			t.Fatalf("%s: wrote %d cases, %v; want 2", name, n, err)
		}
		res, err := casefile.ReadFile(path, "")
		if err != nil {
			t.Fatal(err)
		}
		if got := len(res.Cases()); got != 2 || res.Cases()[0].Source != "微博" {
			t.Errorf("%s holds %d cases (%+v), want the 2 from 微博", name, got, res.Rows)
		}
	}
}
