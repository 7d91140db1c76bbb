package export

import (
	"bytes"
	"fmt"

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
