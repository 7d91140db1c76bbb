package casefile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"bulletin/model"
)

// The bounds that keep an import's memory flat whatever the file's length:
// rows are read one at a time, so only one row (and a batch of cases) is in
// memory. What cannot be read that way is refused with a message.
const (
	// MaxRecordBytes is the longest CSV row read: 16 MB, room for the longest
	// texts (a 原文内容 of a million characters). A longer one is most often an
	// unmatched quote that would swallow the rest of the file.
	MaxRecordBytes = 16 << 20
	// MaxXLSXBytes is the largest .xlsx file read: the library holds the
	// compressed workbook in memory (the sheets themselves are streamed from
	// a temporary file).
	MaxXLSXBytes = 100 << 20
	// xlsxUnzipLimit is the largest uncompressed workbook read (excelize's
	// UnzipSizeLimit): a zip bomb is refused.
	xlsxUnzipLimit = 4 << 30
	// xlsxMemLimit is the largest sheet or shared-strings part kept in memory;
	// larger ones are read from a temporary file.
	xlsxMemLimit = 8 << 20
)

// Reader reads the rows of a .csv or .xlsx file one by one (Next), after its
// header; Open finds the header and the encoding.
type Reader struct {
	Encoding string   // "UTF-8", "UTF-8 BOM", "GB18030", "UTF-16" or "xlsx"
	Sheet    string   // the sheet read, for .xlsx
	Header   []string // the header row as in the file
	Unknown  []string // header names not recognised, ignored
	Ignored  []string // known columns not imported (催办次数), ignored
	Total    int      // data rows in the file, as far as known beforehand (0: unknown); may count blank rows

	m        mapping
	unescape bool
	next     func() ([]string, error) // the next record; io.EOF at the end
	line     int                      // row number of the last record read
	nextLine int                      // row number of the record next gave, when it knows it (.xlsx)
	ahead    [][]string               // records read while looking for the header
	aheadLn  []int                    // their row numbers
	aheadAt  int
	closers  []func() error

	sheetIndex int // of the sheet read among the workbook's sheets
	headerLine int // row number of the header
}

// Open opens path (.csv or .xlsx; sheet "" = the first one) and reads up to
// its header.
func Open(path, sheet string) (*Reader, error) {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".csv", ".txt", ".xlsx", ".xlsm":
	case ".xls", ".et", ".wps":
		return nil, model.Errorf(model.EINVALID, "不支持 %s 格式：请在 Excel 或 WPS 中“另存为” .xlsx 或 .csv 后再导入", ext)
	default:
		return nil, model.Errorf(model.EINVALID, "不支持的文件类型“%s”：请选择 .csv 或 .xlsx 文件", ext)
	}
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, model.Errorf(model.EINVALID, "找不到文件 %s", path)
		}
		return nil, fmt.Errorf("open import file: %w", err)
	}
	var r *Reader
	if ext == ".csv" || ext == ".txt" {
		r, err = openCSV(f)
	} else {
		var size int64 = -1
		if st, err := f.Stat(); err == nil {
			size = st.Size()
		}
		r, err = openXLSX(f, size, sheet)
		if err == nil {
			r.Total = xlsxRows(f, size, r.sheetIndex)
			if r.Total > r.headerLine {
				r.Total -= r.headerLine
			}
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	r.closers = append(r.closers, f.Close)
	return r, nil
}

// Close releases the file.
func (r *Reader) Close() error {
	var first error
	for i := len(r.closers) - 1; i >= 0; i-- {
		if err := r.closers[i](); err != nil && first == nil {
			first = err
		}
	}
	r.closers = nil
	return first
}

// Line is the row number of the last row read: the rows read so far.
func (r *Reader) Line() int { return r.line }

// Next returns the next data row (blank rows are left out); io.EOF at the
// end. An error other than io.EOF means the file cannot be read on.
func (r *Reader) Next() (Row, error) {
	for {
		rec, err := r.record()
		var bad *badRecord
		if errors.As(err, &bad) {
			return Row{Line: r.line, Reason: bad.reason, Cells: rec}, nil
		}
		if err != nil {
			return Row{}, err
		}
		if blank(rec) {
			continue
		}
		return buildRow(r.m, rec, nil, r.line, r.unescape), nil
	}
}

// record returns the next record, from those read ahead first.
func (r *Reader) record() ([]string, error) {
	if r.aheadAt < len(r.ahead) {
		rec := r.ahead[r.aheadAt]
		r.ahead[r.aheadAt] = nil
		r.line = r.aheadLn[r.aheadAt]
		r.aheadAt++
		return rec, nil
	}
	r.nextLine = 0
	rec, err := r.next()
	if err == nil || errors.As(err, new(*badRecord)) {
		r.line++
		if r.nextLine > 0 {
			r.line = r.nextLine
		}
	}
	return rec, err
}

// badRecord is a row that could not be parsed; reading goes on after it.
type badRecord struct{ reason string }

func (b *badRecord) Error() string { return b.reason }

// readHeader reads records until the header (the first row naming 标题,
// among the first 20) and maps it.
func (r *Reader) readHeader(where string) error {
	for len(r.ahead) < 20 {
		r.nextLine = 0
		rec, err := r.next()
		if err == io.EOF {
			break
		}
		if err != nil && !errors.As(err, new(*badRecord)) {
			return err
		}
		r.ahead = append(r.ahead, rec)
		ln := len(r.aheadLn) + 1
		if r.nextLine > 0 {
			ln = r.nextLine
		}
		r.aheadLn = append(r.aheadLn, ln)
		if findHeader(r.ahead[len(r.ahead)-1:]) == 0 {
			break
		}
	}
	h := findHeader(r.ahead)
	if h < 0 {
		return model.Errorf(model.EINVALID, "%s中找不到表头：第一行应是列名，其中必须有“标题”", where)
	}
	r.Header = r.ahead[h]
	r.m, r.Unknown = mapHeader(r.Header)
	r.unescape = r.unescape && exported(r.Header)
	for _, j := range r.m.col {
		if j >= 0 && columns[j].kind == kindReadOnly {
			r.Ignored = append(r.Ignored, columns[j].header)
		}
	}
	r.aheadAt = h + 1
	r.line = r.aheadLn[h]
	r.headerLine = r.line
	if r.Total > h+1 { // CSV: records counted beforehand
		r.Total -= h + 1
	}
	return nil
}

// exported reports whether a header is that of a file this program wrote
// (编号, 标题, 来源平台 first, in its words): only there was an apostrophe
// put before text Excel would take as a formula, to be taken off again. In
// anyone else's file a leading apostrophe is the user's own and is kept.
func exported(header []string) bool {
	h := Headers()
	if len(header) < 3 {
		return false
	}
	for i := range 3 {
		if strings.TrimSpace(strings.TrimPrefix(header[i], "\ufeff")) != h[i] {
			return false
		}
	}
	return true
}

// readAll reads every row of r into a Result (small files: tests, and the
// callers that want the rows in memory).
func readAll(r *Reader) (*Result, error) {
	res := &Result{Encoding: r.Encoding, Sheet: r.Sheet, Header: r.Header, Unknown: r.Unknown, Ignored: r.Ignored}
	for {
		row, err := r.Next()
		if err == io.EOF {
			return res, nil
		}
		if err != nil {
			return nil, err
		}
		res.Rows = append(res.Rows, row)
	}
}
