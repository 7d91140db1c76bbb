package casefile

import (
	"archive/zip"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"bulletin/model"
)

// openXLSX opens a workbook with its sheets streamed from temporary files
// and reads the header of the sheet.
func openXLSX(f io.Reader, size int64, sheet string) (*Reader, error) {
	if size > MaxXLSXBytes {
		return nil, model.Errorf(model.EINVALID, "工作簿有 %d MB，超过 .xlsx 导入的上限 %d MB：请在 Excel 中另存为 CSV（CSV 不限大小）后再导入，或分成几个文件", size>>20, MaxXLSXBytes>>20)
	}
	wb, err := excelize.OpenReader(f, excelize.Options{UnzipSizeLimit: xlsxUnzipLimit, UnzipXMLSizeLimit: xlsxMemLimit})
	if err != nil {
		if strings.Contains(err.Error(), "size limit") {
			return nil, model.Errorf(model.EINVALID, "工作簿解压后超过 %d GB，无法导入：请另存为 CSV 后再导入", xlsxUnzipLimit>>30)
		}
		return nil, xlsxError(err)
	}
	r := &Reader{Encoding: "xlsx"}
	r.closers = append(r.closers, wb.Close)
	list := wb.GetSheetList()
	if sheet == "" && len(list) > 0 {
		sheet = list[0]
	}
	if !containsString(list, sheet) {
		wb.Close()
		return nil, model.Errorf(model.EINVALID, "文件中没有名为“%s”的工作表，现有的工作表：%s", sheet, strings.Join(list, "、"))
	}
	r.Sheet = sheet
	r.sheetIndex = slices.Index(list, sheet)
	rows, err := wb.Rows(sheet)
	if err != nil {
		wb.Close()
		return nil, fmt.Errorf("read sheet %q: %w", sheet, err)
	}
	r.closers = append(r.closers, rows.Close)
	r.next = func() ([]string, error) {
		if !rows.Next() {
			if err := rows.Error(); err != nil {
				return nil, fmt.Errorf("read sheet %q: %w", sheet, err)
			}
			return nil, io.EOF
		}
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("read sheet %q: %w", sheet, err)
		}
		return cells, nil
	}
	if err := r.readHeader("工作表“" + sheet + "”"); err != nil {
		r.Close()
		return nil, err
	}
	return r, nil
}

var (
	cellRef   = regexp.MustCompile(`\d+$`)
	dimension = regexp.MustCompile(`<dimension ref="([^"]+)"`)
)

// xlsxRows reads the rows of the index-th sheet from its <dimension> element,
// at the start of the sheet's XML, without reading the sheet: the total shown
// with the progress. 0 when it cannot tell (sheets not named sheetN.xml).
func xlsxRows(ra io.ReaderAt, size int64, index int) int {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return 0
	}
	name := fmt.Sprintf("xl/worksheets/sheet%d.xml", index+1)
	for _, zf := range zr.File {
		if zf.Name != name {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return 0
		}
		defer rc.Close()
		head := make([]byte, 16<<10)
		n, _ := io.ReadFull(rc, head)
		if m := dimension.FindSubmatch(head[:n]); m != nil && lastRow(string(m[1])) > 1 {
			return lastRow(string(m[1])) // Excel writes it; some writers leave "A1"
		}
	}
	return 0
}

// lastRow reads the last row of a dimension such as "A1:AH1000001".
func lastRow(dim string) int {
	_, last, _ := strings.Cut(dim, ":")
	if last == "" {
		last = dim
	}
	n, _ := strconv.Atoi(cellRef.FindString(last))
	return n
}
