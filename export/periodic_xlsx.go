package export

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"bulletin/model"
)

// PeriodicXLSX writes the 附表 of a 通报 as an .xlsx workbook: a title row,
// the 统计时间, the header, the rows with 合计 last (numbers as numbers, the
// rates and ranks as printed) and the definitions below.
func PeriodicXLSX(title, span string, rows []PeriodicRow) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "附表"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	set := func(row int, vals ...any) error {
		cell, err := excelize.CoordinatesToCellName(1, row)
		if err != nil {
			return err
		}
		return f.SetSheetRow(sheet, cell, &vals)
	}
	if err := set(1, title); err != nil {
		return nil, err
	}
	if err := set(2, "统计时间："+span); err != nil {
		return nil, err
	}
	head := make([]any, len(PeriodicHeader))
	for i, h := range PeriodicHeader {
		head[i] = h
	}
	if err := set(3, head...); err != nil {
		return nil, err
	}
	for i, r := range rows {
		if err := set(4+i, r.Name, r.Assigned, r.Replied, r.OnTime, r.Overdue, r.Closed, r.Rate, r.Rank); err != nil {
			return nil, err
		}
	}
	if err := set(5+len(rows), PeriodicDefinitions); err != nil {
		return nil, err
	}
	_ = f.SetColWidth(sheet, "A", "A", 24)
	_ = f.SetColWidth(sheet, "B", "H", 11)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, model.Errorf(model.EINVALID, "生成 .xlsx 失败：%v", err)
	}
	return buf.Bytes(), nil
}

// PeriodicFileName is the default file name of a 通报 draft: 通报_2026-11.pdf.
func PeriodicFileName(p model.Period, ext string) string {
	return fmt.Sprintf("通报_%s%s", p.Code(), ext)
}

// Sheet is a named table of counts for StatsXLSX.
type Sheet struct {
	Name   string
	Counts []model.Count
}

// StatsXLSX writes the 统计 screen's tables: the 附表 first, then one sheet
// per breakdown (label, 件数, 占比).
func StatsXLSX(title, span string, rows []PeriodicRow, sheets []Sheet) ([]byte, error) {
	data, err := PeriodicXLSX(title, span, rows)
	if err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	for _, s := range sheets {
		if _, err := f.NewSheet(s.Name); err != nil {
			return nil, err
		}
		if err := f.SetSheetRow(s.Name, "A1", &[]any{s.Name, "件数", "占比"}); err != nil {
			return nil, err
		}
		for i, r := range BreakdownRows(s.Counts) { // as the 统计 screen and its printout: 合计 last
			n, _ := strconv.Atoi(r[1])
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			if err := f.SetSheetRow(s.Name, cell, &[]any{r[0], n, r[2]}); err != nil {
				return nil, err
			}
		}
		_ = f.SetColWidth(s.Name, "A", "A", 24)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, model.Errorf(model.EINVALID, "生成 .xlsx 失败：%v", err)
	}
	return buf.Bytes(), nil
}
