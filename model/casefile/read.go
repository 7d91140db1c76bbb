package casefile

import (
	"fmt"
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
	Ignored  []string // known columns not imported (催办次数), ignored
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

// ReadFile reads cases from a .csv or .xlsx file into memory. sheet names
// the .xlsx sheet to read; "" means the first one. A large file is read with
// Open, row by row.
func ReadFile(path, sheet string) (*Result, error) {
	r, err := Open(path, sheet)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return readAll(r)
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
	reasons = checkDates(c, &row, reasons)
	if c.Title == "" {
		reasons = append([]string{"标题不能为空"}, reasons...)
	} else if len(reasons) == 0 {
		v := *c
		if v.Status == "" {
			v.Status = model.StatusPending // what the store gives a new case
		}
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
	case kindNumberID:
		c.Number = strings.TrimSpace(s)
		return ""
	case kindStatus:
		st := model.CaseStatus(strings.TrimSpace(s))
		switch st {
		case "":
		case model.StatusPending, model.StatusAssigned, model.StatusReplied, model.StatusClosed:
			c.Status = st
		default:
			return fmt.Sprintf("状态“%s”无法识别，应为待研判、已交办、已回复、已办结之一", clip(string(st)))
		}
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

// now is the clock of the future-date warning (tests set it).
var now = time.Now

// checkDates looks at the times of a row as a person would: a 收集时间 given
// as a day only is not earlier than a 发布时间 on that day (it is taken as
// the 发布时间, with a note); a 发布时间 after the 收集时间 is named with both
// values; the order of 交办, 回复 and 办结 is named with both values too; a
// 收集时间 in the future is a warning.
func checkDates(c *model.Case, row *Row, reasons []string) []string {
	if !c.Posted.IsZero() && !c.Collected.IsZero() && c.Posted.After(c.Collected) {
		if midnight(c.Collected) && model.Day(c.Posted).Equal(model.Day(c.Collected)) {
			c.Collected = c.Posted
			row.Notes = append(row.Notes, "收集时间只有日期，与发布时间同一天，按发布时间 "+formatTime(c.Posted, false)+" 记")
		} else {
			reasons = append(reasons, fmt.Sprintf("发布时间 %s 晚于收集时间 %s", formatTime(c.Posted, midnight(c.Posted)), formatTime(c.Collected, midnight(c.Collected))))
		}
	}
	order := []struct {
		a, b         string
		early, later time.Time
	}{
		{"交办时间", "回复时间", c.AssignedAt, c.RepliedAt},
		{"交办时间", "办结时间", c.AssignedAt, c.ClosedAt},
		{"回复时间", "办结时间", c.RepliedAt, c.ClosedAt},
	}
	for _, o := range order {
		if !o.early.IsZero() && !o.later.IsZero() && model.Day(o.later).Before(model.Day(o.early)) {
			reasons = append(reasons, fmt.Sprintf("%s %s 早于%s %s", o.b, formatTime(o.later, midnight(o.later)), o.a, formatTime(o.early, midnight(o.early))))
		}
	}
	if t := now(); c.Collected.After(t) {
		row.Notes = append(row.Notes, "收集时间 "+formatTime(c.Collected, midnight(c.Collected))+" 晚于现在，请核对")
	}
	return reasons
}

// midnight reports whether t is a day without a time (00:00:00).
func midnight(t time.Time) bool {
	return t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0
}

// Kept returns the header names of the file's columns that are imported.
func (r *Result) Kept() []string {
	m, _ := mapHeader(r.Header)
	var out []string
	for i, j := range m.col {
		if j >= 0 && columns[j].kind != kindReadOnly && m.part[i] == 0 {
			out = append(out, columns[j].header)
		}
	}
	return out
}
