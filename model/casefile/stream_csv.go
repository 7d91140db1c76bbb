package casefile

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"bulletin/model"
)

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
