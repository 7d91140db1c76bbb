package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"bulletin/model"
	"bulletin/model/casefile"
)

// exportCases asks where to save, then writes the cases matching f (all of
// them, not one page) to .xlsx, or to .csv when that name is chosen, in a
// goroutine. The file has the headers the importer reads.
func exportCases(win fyne.Window, s *model.Store, bg *tasks, f model.CaseFilter) {
	fd := newFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(win, "选择文件", err)
			return
		}
		if w == nil {
			return // cancelled
		}
		rememberDir(prefExportDir, w.URI().Path())
		bg.run(func() func() {
			n, err := writeCases(s, f, w)
			return func() {
				if err != nil {
					showError(win, "导出", err)
					return
				}
				showMessage(win, "导出案件", fmt.Sprintf("已导出 %d 件案件到\n%s", n, w.URI().Path()))
			}
		})
	}, win)
	startIn(fd, prefExportDir)
	fd.SetFileName("案件导出-" + time.Now().Format("20060102") + ".xlsx")
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".csv"}))
	fd.Resize(fyne.NewSize(900, 600))
	fd.Show()
}

// writeCases finds every case matching f and writes them to w, as CSV when
// its name ends in .csv and as .xlsx otherwise. It closes w.
func writeCases(s *model.Store, f model.CaseFilter, w fyne.URIWriteCloser) (int, error) {
	f.Offset, f.Limit = 0, 0
	cases, _, err := s.FindCases(context.Background(), f)
	if err != nil {
		w.Close()
		return 0, err
	}
	write := casefile.WriteXLSX
	if strings.EqualFold(w.URI().Extension(), ".csv") {
		write = casefile.WriteCSV
	}
	if err := write(w, cases); err != nil {
		w.Close()
		return 0, err
	}
	if err := w.Close(); err != nil {
		return 0, fmt.Errorf("close %s: %w", w.URI().Path(), err)
	}
	return len(cases), nil
}
