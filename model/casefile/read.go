package casefile

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"bulletin/model"
)

// Row is one data row of a file: a case, or the reason it was rejected.
type Row struct {
	Line   int         // row number as Excel shows it (the header is usually row 1)
	Case   *model.Case // nil when the row was rejected
	Reason string      // why it was rejected, in Chinese; "" when Case is set
	Notes  []string    // what was changed, e.g. control characters removed
	Cells  []string    // the cells as read, for a preview
}

// Result is what a file holds.
type Result struct {
	Encoding string   // "UTF-8", "UTF-8 BOM", "GB18030", "UTF-16" or "xlsx"
	Sheet    string   // the sheet read, for .xlsx
	Header   []string // the header row as in the file
	Unknown  []string // header names not recognised, ignored
	Rows     []Row    // data rows in file order; blank rows are left out
}

// Cases returns the cases of the valid rows, in file order.
func (r *Result) Cases() []*model.Case {
	var cs []*model.Case
	for _, row := range r.Rows {
		if row.Case != nil {
			cs = append(cs, row.Case)
		}
	}
	return cs
}

// Rejected returns the rows that were rejected, in file order.
func (r *Result) Rejected() []Row {
	var rs []Row
	for _, row := range r.Rows {
		if row.Case == nil {
			rs = append(rs, row)
		}
	}
	return rs
}

// ReadFile reads cases from a .csv or .xlsx file. sheet names the .xlsx sheet
// to read; "" means the first one.
func ReadFile(path, sheet string) (*Result, error) {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".csv", ".txt":
	case ".xlsx", ".xlsm":
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
	defer f.Close()
	if ext == ".csv" || ext == ".txt" {
		return ReadCSV(f)
	}
	return ReadXLSX(f, sheet)
}

// mapping says which known column each file column feeds.
type mapping struct {
	col  []int // index into columns, -1 when unknown
	part []int // 0 for the column itself, N for “（续N）” continuation columns
}

// continuation matches the continuation headers written for cells longer than
// Excel's 32,767 characters: 原文内容（续1）.
var continuation = regexp.MustCompile(`^(.+?)[（(]续(\d+)[）)]$`)

// maxParts bounds the continuation columns read (100 × 32,000 characters).
const maxParts = 100

// findHeader returns the index of the header row among the first rows: the
// first one naming the 标题 column. Title rows above it are skipped.
func findHeader(rows [][]string) int {
	title := headerIndex[normHeader("标题")]
	for i := 0; i < len(rows) && i < 20; i++ {
		for _, cell := range rows[i] {
			if j, ok := headerIndex[normHeader(cell)]; ok && j == title {
				return i
			}
		}
	}
	return -1
}

// mapHeader matches a header row to the known columns. A repeated column is
// reported as unknown, so that no cell silently overrides another.
func mapHeader(header []string) (mapping, []string) {
	m := mapping{col: make([]int, len(header)), part: make([]int, len(header))}
	var unknown []string
	seen := map[[2]int]bool{}
	for i, h := range header {
		name, part := strings.TrimSpace(h), 0
		if sm := continuation.FindStringSubmatch(name); sm != nil {
			name = sm[1]
			var err error
			if part, err = strconv.Atoi(sm[2]); err != nil || part < 1 || part > maxParts {
				name = "" // not one of ours: reported as unknown
			}
		}
		j, ok := headerIndex[normHeader(name)]
		switch {
		case strings.TrimSpace(h) == "":
			m.col[i] = -1
		case !ok:
			m.col[i] = -1
			unknown = append(unknown, h)
		case seen[[2]int{j, part}]:
			m.col[i] = -1
			unknown = append(unknown, h+"（重复的列）")
		default:
			seen[[2]int{j, part}] = true
			m.col[i], m.part[i] = j, part
		}
	}
	return m, unknown
}

// convert turns the data rows below the header into Rows. raw holds Excel's
// raw cell values (serial numbers for dates) and may be nil; bad holds rows
// (by index) that could not be parsed at all, with the reason.
func convert(res *Result, rows, raw [][]string, headerRow int, unescape bool, bad map[int]string) {
	header := rows[headerRow]
	res.Header = header
	m, unknown := mapHeader(header)
	res.Unknown = unknown
	for i := headerRow + 1; i < len(rows); i++ {
		if reason, ok := bad[i]; ok {
			res.Rows = append(res.Rows, Row{Line: i + 1, Reason: reason, Cells: rows[i]})
			continue
		}
		if blank(rows[i]) {
			continue
		}
		var rawRow []string
		if i < len(raw) {
			rawRow = raw[i]
		}
		res.Rows = append(res.Rows, buildRow(m, rows[i], rawRow, i+1, unescape))
	}
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// buildRow makes a case from one row's cells, or says why it cannot.
func buildRow(m mapping, cells, raw []string, line int, unescape bool) Row {
	row := Row{Line: line, Cells: cells}
	texts := make([][]string, len(columns)) // per column, its parts in order
	var reasons []string
	for i, cell := range cells {
		if unescape {
			cell = unescapeFormula(cell)
		}
		if i >= len(m.col) {
			if strings.TrimSpace(cell) != "" {
				reasons = append(reasons, fmt.Sprintf("第 %d 列有内容但没有列名", i+1))
			}
			continue
		}
		j := m.col[i]
		if j < 0 {
			continue
		}
		if columns[j].kind == kindTime || columns[j].kind == kindDate {
			if i < len(raw) && raw[i] != cell {
				if _, ok := parseSerial(raw[i]); ok {
					cell = raw[i]
				}
			}
		}
		for len(texts[j]) <= m.part[i] {
			texts[j] = append(texts[j], "")
		}
		texts[j][m.part[i]] = cell
	}
	c := &model.Case{}
	for j, parts := range texts {
		if parts == nil {
			continue
		}
		text, removed := model.CleanText(strings.Join(parts, ""), columns[j].long || columns[j].kind == kindList)
		if removed > 0 {
			row.Notes = append(row.Notes, fmt.Sprintf("已从「%s」中删除 %d 个控制字符或换行", columns[j].header, removed))
		}
		if r := setField(c, columns[j], text); r != "" {
			reasons = append(reasons, r)
		}
	}
	if c.Engagement.Counted() && c.CountedAt.IsZero() && !c.Collected.IsZero() {
		c.CountedAt = c.Collected
		row.Notes = append(row.Notes, "传播数据未填统计时间，按收集时间记")
	}
	if c.Title == "" {
		reasons = append([]string{"标题不能为空"}, reasons...)
	} else if len(reasons) == 0 {
		v := *c
		v.Status = model.StatusPending // what the store gives a new case
		if err := v.Validate(); err != nil {
			reasons = append(reasons, model.ErrorMessage(err))
		}
	}
	if len(reasons) > 0 {
		row.Reason = strings.Join(reasons, "；")
		return row
	}
	row.Case = c
	return row
}

// setField stores one cell in its field and returns a Chinese reason when the
// value is not acceptable.
func setField(c *model.Case, col column, s string) string {
	switch col.kind {
	case kindReadOnly:
		return ""
	case kindNumber:
		n, ok := parseCount(s)
		if !ok {
			return fmt.Sprintf("%s“%s”应为不小于 0 的数字，如 12000 或 1.2万", col.header, clip(s))
		}
		*col.num(c) = n
		return ""
	case kindFlag:
		v, ok := parseFlag(s)
		if !ok {
			return fmt.Sprintf("%s“%s”应为“是”或“否”", col.header, clip(s))
		}
		*col.flag(c) = v
		return ""
	case kindList:
		*col.list(c) = splitDepartments(s)
		return ""
	case kindTime, kindDate:
		t, err := ParseTime(s)
		if err != nil {
			return fmt.Sprintf("%s“%s”无法识别，应写成 2026-03-04 08:12、2026/3/4 或 2026年3月4日", col.header, clip(s))
		}
		if col.kind == kindDate && !t.IsZero() {
			y, mo, d := t.Date()
			t = time.Date(y, mo, d, 0, 0, 0, 0, time.Local)
		}
		*col.time(c) = t
		return ""
	}
	if !col.long { // long text is kept exactly; one-line fields lose stray spaces
		s = strings.TrimSpace(s)
	}
	switch {
	case col.header == "风险等级" && s != "" && !slices.Contains(model.RiskLevels, s):
		return fmt.Sprintf("风险等级“%s”应为%s之一", clip(s), strings.Join(model.RiskLevels, "、"))
	case col.header == "诉求类型" && s != "" && !slices.Contains(model.Kinds, s):
		return fmt.Sprintf("诉求类型“%s”应为%s之一", clip(s), strings.Join(model.Kinds, "、"))
	}
	*col.text(c) = s
	return ""
}

// clip shortens a value quoted in a message.
func clip(s string) string {
	r := []rune(s)
	if len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}
