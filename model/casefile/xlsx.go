package casefile

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"bulletin/model"
)

// cellLimit is how many UTF-16 units we put in one .xlsx cell. Excel holds at
// most 32,767; longer text goes on in “（续N）” columns instead of being cut.
const cellLimit = 32000

// Sheets returns the names of the sheets of an .xlsx file, in order.
func Sheets(path string) ([]string, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, xlsxError(err)
	}
	defer f.Close()
	return f.GetSheetList(), nil
}

// ReadXLSX reads cases from an .xlsx workbook: the named sheet, or the first
// one when sheet is "". Dates may be real Excel dates or text.
func ReadXLSX(r io.Reader, sheet string) (*Result, error) {
	rd, err := openXLSX(r, -1, sheet)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	return readAll(rd)
}

// xlsxError explains a workbook that cannot be opened.
func xlsxError(err error) error {
	if os.IsNotExist(err) {
		return model.Errorf(model.EINVALID, "找不到文件：%v", err)
	}
	if strings.Contains(err.Error(), "encrypt") || strings.Contains(err.Error(), "password") {
		return model.Errorf(model.EINVALID, "工作簿设有密码，请先在 Excel 中取消密码后再导入")
	}
	return model.Errorf(model.EINVALID, "无法读取 .xlsx 文件（%v）：文件可能已损坏，或不是 Excel 工作簿", err)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// WriteXLSX writes cases to an .xlsx workbook with the headers ReadXLSX reads.
// All cells are text, so nothing is reinterpreted by Excel; text longer than
// an Excel cell holds continues in “（续N）” columns.
func WriteXLSX(w io.Writer, cases []*model.Case) error {
	parts := make([]int, len(columns)) // how many cells each column needs
	for _, c := range cases {
		for i, col := range columns {
			if n := len(chunks(cellText(c, col))); n > parts[i] {
				parts[i] = n
			}
		}
	}
	var header []any
	for i, col := range columns {
		header = append(header, col.header)
		for p := 1; p < parts[i]; p++ {
			header = append(header, fmt.Sprintf("%s（续%d）", col.header, p))
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "案件"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if err := sw.SetColWidth(1, len(header), 16); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if err := sw.SetRow("A1", header); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	row := make([]any, len(header))
	for n, c := range cases {
		k := 0
		for i, col := range columns {
			cs := chunks(cellText(c, col))
			for p := 0; p < max(parts[i], 1); p++ {
				row[k] = ""
				if p < len(cs) {
					row[k] = cs[p]
				}
				k++
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := sw.SetRow(cell, row); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

// chunks splits s into pieces of at most cellLimit UTF-16 units, never inside
// a character. An empty string is no piece.
func chunks(s string) []string {
	var out []string
	start, units := 0, 0
	for i, r := range s {
		n := utf16.RuneLen(r)
		if n < 0 {
			n = 1
		}
		if units+n > cellLimit {
			out = append(out, s[start:i])
			start, units = i, 0
		}
		units += n
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
