package casefile

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"bulletin/model"
)

var bomUTF8 = []byte{0xEF, 0xBB, 0xBF}

// decode returns the text of a CSV file and the encoding found. The encoding
// is detected, not asked: a UTF-16 or UTF-8 byte order mark, else valid UTF-8,
// else GB18030 (a superset of GBK, which Chinese Excel writes).
func decode(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return string(data[3:]), "UTF-8 BOM", nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		b, err := dec.Bytes(data)
		if err != nil {
			return "", "", model.Errorf(model.EINVALID, "文件不是有效的 UTF-16 文本：%v", err)
		}
		return string(b), "UTF-16", nil
	case utf8.Valid(data):
		return string(data), "UTF-8", nil
	}
	b, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", model.Errorf(model.EINVALID, "无法识别文件的编码：请在 Excel 中另存为“CSV UTF-8”后再导入")
	}
	return string(b), "GB18030", nil
}

// delimiter guesses the separator from the first line: comma, or tab for
// Excel's "Unicode text", or semicolon.
func delimiter(text string) rune {
	line, _, _ := strings.Cut(text, "\n")
	best, n := ',', strings.Count(line, ",")
	for _, r := range []rune{'\t', ';'} {
		if c := strings.Count(line, string(r)); c > n {
			best, n = r, c
		}
	}
	return best
}

// ReadCSV reads cases from CSV data in any of the encodings Chinese offices
// produce. A row the CSV reader cannot parse is reported like any bad row.
// The data is held in memory: a file is read with Open, row by row.
func ReadCSV(r io.Reader) (*Result, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read csv: %w", err)
	}
	rd, err := openCSV(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	return readAll(rd)
}

// formulaStart reports whether Excel would take s as a formula when it opens
// a CSV file (=, +, -, @, possibly after apostrophes we added).
func formulaStart(s string) bool {
	s = strings.TrimLeft(s, "'")
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}

// escapeFormula prefixes an apostrophe to text Excel would run as a formula
// (CSV injection); unescapeFormula undoes it, so the text round trips.
func escapeFormula(s string) string {
	if formulaStart(s) {
		return "'" + s
	}
	return s
}

func unescapeFormula(s string) string {
	if strings.HasPrefix(s, "'") && formulaStart(s) {
		return s[1:]
	}
	return s
}

// WriteCSV writes cases as CSV in UTF-8 with a byte order mark and CRLF line
// ends, so that Excel opens it in Chinese, with the headers ReadCSV reads.
func WriteCSV(w io.Writer, cases []*model.Case) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.Write(bomUTF8); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := cw.Write(Headers()); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	rec := make([]string, len(columns))
	for _, c := range cases {
		for i, col := range columns {
			rec[i] = escapeFormula(cellText(c, col))
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// cellText is the text of one field as written on export.
func cellText(c *model.Case, col column) string {
	switch col.kind {
	case kindReadOnly:
		return col.show(c)
	case kindList:
		return strings.Join(*col.list(c), "、")
	case kindNumberID, kindStatus:
		return *col.text(c)
	case kindTime, kindDate:
		return formatTime(*col.time(c), col.kind == kindDate)
	case kindNumber:
		if !c.Engagement.Counted() {
			return ""
		}
		return strconv.Itoa(*col.num(c))
	case kindFlag:
		if *col.flag(c) {
			return "是"
		}
		return ""
	}
	return *col.text(c)
}

// DecodeText returns the text of a small CSV file in any of the encodings
// decode detects (UTF-8 with or without BOM, UTF-16, GB18030 as Chinese
// Excel saves it), for other tables kept in CSV such as the holiday list.
func DecodeText(data []byte) (string, error) {
	text, _, err := decode(data)
	return text, err
}
