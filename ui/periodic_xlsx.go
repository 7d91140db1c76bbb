package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"bulletin/export"
	"bulletin/model"
)

// onXLSX writes the 附表 of the period as an .xlsx file: for an issued
// 通报 the rows it was issued with.
func (ps *periodicScreen) onXLSX() {
	if ps.cur == nil {
		return
	}
	it := ps.edited()
	fd := newFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(ps.win, "选择文件", err)
			return
		}
		if w == nil {
			return
		}
		ps.bg.run(func() func() {
			data, err := periodicXLSX(ps.store, it)
			if err == nil {
				_, err = w.Write(data)
			}
			if cerr := w.Close(); err == nil && cerr != nil {
				err = cerr
			}
			if err != nil {
				_ = storage.Delete(w.URI())
			}
			return func() {
				if err != nil {
					showError(ps.win, "导出附表", err)
					return
				}
				showInfo(ps.win, "附表已导出到：\n"+w.URI().Path())
			}
		})
	}, ps.win)
	fd.SetFileName(export.PeriodicFileName(it.Period, "_附表.xlsx"))
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	fd.Resize(fyne.NewSize(900, 600))
	fd.Show()
}

// periodicXLSX is the 附表 of it: the frozen rows of an issued 通报, else
// the figures now.
func periodicXLSX(s *model.Store, it *model.PeriodicIssue) ([]byte, error) {
	ctx := context.Background()
	var doc *export.Periodic
	if it.Issued() && it.ID != 0 {
		full, err := s.FindPeriodic(ctx, it.ID)
		if err != nil {
			return nil, err
		}
		v, err := export.ParsePrinted(strings.NewReader(string(full.Doc)))
		if err != nil {
			return nil, err
		}
		doc = v.(*export.Periodic)
	} else {
		d, _, err := export.PeriodicOf(ctx, s, it, time.Now())
		if err != nil {
			return nil, err
		}
		doc = d
	}
	return export.PeriodicXLSX(doc.Title+"·附表 "+export.PeriodicTableTitle, doc.Span, doc.Rows)
}
