package ui

import (
	"context"
	"fmt"

	"bulletin/export"
	"bulletin/model"
)

// openDepartment is a tap on a row of the 附表: the cases of the period
// assigned to that department.
func (sp *statsPeriod) openDepartment(i int) {
	if i > 0 && i <= len(sp.rows) {
		name := sp.rows[i-1].Name
		sp.ss.openWith(func(f *model.CaseFilter) bool { sp.ss.assignedTo(f, name); return true })
	}
}

// docs is the part's PDF printer, made when first used.
func (sp *statsPeriod) docs() *docPrinter {
	if sp.printer == nil {
		sp.printer = newDocPrinter(sp.ss.win, sp.ss.bg)
	}
	return sp.printer
}

// onPrint typesets the tables shown (the 附表 and the breakdowns, as the
// .xlsx holds them) with the document fonts of 设置 and writes the PDF.
func (sp *statsPeriod) onPrint() {
	r := sp.report
	if r == nil {
		return
	}
	doc := export.StatsTablesOf(r.Cur, sp.ss.store.Now())
	store := sp.ss.store
	sp.docs().print(fmt.Sprintf("统计表_%s.pdf", r.Cur.Period.Code()), "统计表", func() ([]byte, *export.Report, error) {
		kv, err := store.FindSettings(context.Background())
		if err != nil {
			return nil, nil, err
		}
		return export.PrintedPDF(doc, kv)
	}, nil)
}
