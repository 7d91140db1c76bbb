package casefile

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

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

// countingReader counts the bytes read since the last reset, and fails a
// record longer than MaxRecordBytes.
type countingReader struct {
	r     io.Reader
	since int
}

var errRecordTooLong = errors.New("record too long")

func (c *countingReader) Read(p []byte) (int, error) {
	if c.since > MaxRecordBytes {
		return 0, errRecordTooLong
	}
	n, err := c.r.Read(p)
	c.since += n
	return n, err
}

// openCSV detects the encoding of f (a first pass checks the whole file is
// UTF-8, and counts its records for the progress), then reads its header.
func openCSV(f io.ReadSeeker) (*Reader, error) {
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	var enc string
	var skip int64
	switch {
	case bytes.HasPrefix(head, bomUTF8):
		enc, skip = "UTF-8 BOM", 3
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		enc = "UTF-16"
	default:
		valid, err := validUTF8(f)
		if err != nil {
			return nil, fmt.Errorf("read csv: %w", err)
		}
		enc = "UTF-8"
		if !valid {
			enc = "GB18030"
		}
	}
	open := func() (io.Reader, error) {
		if _, err := f.Seek(skip, io.SeekStart); err != nil {
			return nil, fmt.Errorf("read csv: %w", err)
		}
		br := bufio.NewReaderSize(f, 64<<10)
		switch enc {
		case "UTF-16":
			return transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()), nil
		case "GB18030":
			return transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder()), nil
		}
		return br, nil
	}
	src, err := open()
	if err != nil {
		return nil, err
	}
	first, err := bufio.NewReader(src).ReadString('\n')
	if err != nil && err != io.EOF {
		return nil, model.Errorf(model.EINVALID, "无法读取文件：%v", err)
	}
	comma := delimiter(first)
	r := &Reader{Encoding: enc, unescape: true}
	if r.Total, err = countRecords(open, comma); err != nil {
		return nil, err
	}
	if src, err = open(); err != nil {
		return nil, err
	}
	cnt := &countingReader{r: src}
	cr := csv.NewReader(cnt)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = false
	r.next = func() ([]string, error) {
		cnt.since = 0
		rec, err := cr.Read()
		var pe *csv.ParseError
		switch {
		case err == nil, err == io.EOF:
			return rec, err
		case errors.Is(err, errRecordTooLong):
			return nil, recordTooLong(r.line + 1)
		case errors.As(err, &pe) && !errors.Is(pe.Err, errRecordTooLong):
			return rec, &badRecord{fmt.Sprintf("该行的引号不配对，无法读取（文件第 %d 行）", pe.StartLine)}
		case errors.As(err, &pe):
			return nil, recordTooLong(r.line + 1)
		}
		return nil, fmt.Errorf("read csv: %w", err)
	}
	if err := r.readHeader("文件"); err != nil {
		return nil, err
	}
	return r, nil
}

func recordTooLong(line int) error {
	return model.Errorf(model.EINVALID, "第 %d 行超过 %d MB，无法导入：多半是某个单元格的引号不配对，把后面的行都算进了这一格。请在 Excel 中检查该行后另存为 CSV 再导入", line, MaxRecordBytes>>20)
}

// validUTF8 reads f through and reports whether it is all UTF-8.
func validUTF8(f io.ReadSeeker) (bool, error) {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return false, err
	}
	buf := make([]byte, 256<<10)
	carry := 0
	for {
		n, err := f.Read(buf[carry:])
		n += carry
		end := n
		if err == nil { // keep a rune cut at the end of the buffer for the next read
			for i := 1; i <= utf8.UTFMax && i <= n; i++ {
				if utf8.RuneStart(buf[n-i]) {
					if !utf8.FullRune(buf[n-i : n]) {
						end = n - i
					}
					break
				}
			}
		}
		if !utf8.Valid(buf[:end]) {
			return false, nil
		}
		carry = copy(buf, buf[end:n])
		if err == io.EOF {
			return carry == 0, nil
		}
		if err != nil {
			return false, err
		}
	}
}

// countRecords counts the CSV records of the file (the header and title rows
// included), for the progress shown while reading.
func countRecords(open func() (io.Reader, error), comma rune) (int, error) {
	src, err := open()
	if err != nil {
		return 0, err
	}
	cnt := &countingReader{r: src}
	cr := csv.NewReader(cnt)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	n := 0
	for {
		cnt.since = 0
		_, err := cr.Read()
		if err == io.EOF {
			return n, nil
		}
		if errors.Is(err, errRecordTooLong) {
			return 0, recordTooLong(n + 1)
		}
		var pe *csv.ParseError
		if err != nil && !errors.As(err, &pe) {
			return 0, fmt.Errorf("read csv: %w", err)
		}
		n++
	}
}

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
