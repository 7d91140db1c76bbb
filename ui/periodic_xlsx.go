package ui

import (
	"context"
	"strings"
	"time"

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
	saveFileAs(ps.win, ps.bg, export.PeriodicFileName(it.Period, "_附表.xlsx"), ".xlsx", "导出附表", "附表已导出到",
		func() ([]byte, error) { return periodicXLSX(ps.store, it) })
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
