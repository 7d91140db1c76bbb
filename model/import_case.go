package model

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// importer is the state of one import.
type importer struct {
	tx      *sql.Tx
	w       *caseWriter // creates the cases
	opt     ImportOptions
	now     time.Time
	file    string
	known   map[string]bool        // departments in the directory (or created)
	want    map[string]bool        // opt.NewDepartments
	unknown map[string]bool        // departments not created: their cases skipped
	seen    map[fingerprint]string // existing cases: fingerprint → 编号 ("" when deleted since)
	rows    map[fingerprint]int32  // cases of this import: fingerprint → row number (0 when unknown)
	taken   map[[2]int32]bool      // 编号 (year, seq) kept by cases of this import
	line    int                    // row number of the case being imported, 0 when unknown
	index   int                    // cases added in earlier batches
	count   int                    // cases imported
	res     ImportResult
}

// importOne creates one case, or says why it is skipped. note says what was
// changed (a 编号 already taken).
func (im *importer) importOne(ctx context.Context, c *Case, i int) (*ImportSkip, string, error) {
	if c.Status == "" {
		c.Status = StatusPending
	}
	if c.Collected.IsZero() {
		c.Collected = im.now
	}
	if err := c.Validate(); err != nil {
		return &ImportSkip{Index: i, Reason: ErrorMessage(err)}, "", nil
	}
	if r := historyProblem(c); r != "" {
		return &ImportSkip{Index: i, Reason: r}, "", nil
	}
	fp := Fingerprint(c)
	key := fingerprintKey(fp)
	if number, ok := im.seen[key]; ok {
		return &ImportSkip{Index: i, Reason: "重复：" + dupOf{line: -1, number: number}.String(), Duplicate: true}, "", nil
	}
	if line, ok := im.rows[key]; ok {
		return &ImportSkip{Index: i, Reason: "重复：" + dupOf{line: line}.String(), Duplicate: true}, "", nil
	}
	for _, d := range c.Departments {
		if ok, err := im.department(ctx, d); err != nil {
			return nil, "", err
		} else if !ok {
			return &ImportSkip{Index: i, Reason: fmt.Sprintf("责任单位“%s”不在单位名录中", d)}, "", nil
		}
	}
	im.rows[key] = int32(im.line)
	note, err := im.keepNumber(ctx, c)
	if err != nil {
		return nil, "", err
	}
	if im.opt.DryRun {
		return nil, note, nil
	}
	c.CreatedAt, c.UpdatedAt = im.now, im.now
	if c.Status != StatusPending && c.OriginalDue.IsZero() {
		c.OriginalDue = c.Due
	}
	if err := im.w.create(ctx, c); err != nil {
		return nil, "", err
	}
	ev := &CaseEvent{CaseID: c.ID, At: im.now, Action: ImportAction(c.Status), To: c.Status, Note: ImportNote(im.file)}
	if err := appendCaseEvent(ctx, im.w.tx, ev); err != nil {
		return nil, "", err
	}
	_, err = im.w.tx.ExecContext(ctx, `INSERT INTO case_fingerprints (fingerprint, case_id, source_file, imported_at)
		VALUES (?, ?, ?, ?)`, fp, c.ID, im.opt.SourceFile, dbTime(im.now))
	return nil, note, translate(err)
}

// ImportAction is the action of an imported case's one event, naming the
// state it had in the file: 导入（原状态：已回复）.
func ImportAction(st CaseStatus) string { return ActionImport + "（原状态：" + string(st) + "）" }

// ImportNote is the note of that event: 从 台账.xlsx 导入 ("" without a file).
func ImportNote(file string) string {
	if file == "" {
		return ""
	}
	return "从 " + file + " 导入"
}

// historyProblem says why a case's state does not agree with its times, or "".
func historyProblem(c *Case) string {
	switch {
	case c.Status == StatusClosed && c.ClosedAt.IsZero():
		return "状态为已办结，但没有办结时间"
	case (c.Status == StatusReplied || c.Status == StatusClosed) && c.RepliedAt.IsZero() && c.ClosedAt.IsZero():
		return "状态为" + string(c.Status) + "，但没有回复时间"
	case c.Status == StatusPending && (!c.RepliedAt.IsZero() || !c.ClosedAt.IsZero()):
		return "状态为待研判，却有回复时间或办结时间"
	case c.Status != StatusClosed && !c.ClosedAt.IsZero():
		return "状态为" + string(c.Status) + "，却有办结时间"
	}
	return ""
}

// keepNumber keeps the case's 编号 from the file (2026-0042) when it is free
// in its year, else clears it so that the writer gives the next one; it then
// says so. A kept number moves the year's counter past it.
func (im *importer) keepNumber(ctx context.Context, c *Case) (string, error) {
	if c.Number == "" {
		return "", nil
	}
	want := c.Number
	c.Number = ""
	year, seq, ok := ParseCaseNumber(want)
	if !ok {
		return fmt.Sprintf("编号“%s”不是“2026-0042”的形式，已重新编号", want), nil
	}
	if im.taken[[2]int32{int32(year), int32(seq)}] {
		return fmt.Sprintf("编号 %s 在本文件中已用过，已重新编号", want), nil
	}
	var n int
	if err := im.w.tx.QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE year = ? AND seq = ?`, year, seq).Scan(&n); err != nil {
		return "", fmt.Errorf("check case number: %w", translate(err))
	}
	if n > 0 {
		return fmt.Sprintf("编号 %s 已被已有案件占用，已重新编号", want), nil
	}
	im.taken[[2]int32{int32(year), int32(seq)}] = true
	c.Number = want
	return "", im.w.reserve(ctx, year, seq)
}

// ParseCaseNumber reads a 编号 as CaseNumber writes it: 2026-0042.
func ParseCaseNumber(s string) (year, seq int, ok bool) {
	y, n, found := strings.Cut(strings.TrimSpace(s), "-")
	if !found || len(y) != 4 || len(n) < 1 || len(n) > 6 {
		return 0, 0, false
	}
	year, err1 := strconv.Atoi(y)
	seq, err2 := strconv.Atoi(n)
	if err1 != nil || err2 != nil || year < 1900 || year > 2200 || seq < 1 || strings.HasPrefix(n, "+") {
		return 0, 0, false
	}
	return year, seq, true
}

// department reports whether a case may name department d: it is in the
// directory, or the options ask for it to be created, which is done here.
func (im *importer) department(ctx context.Context, name string) (bool, error) {
	if im.known[name] {
		return true, nil
	}
	if !im.opt.CreateDepartments && !im.want[name] || (&Department{Name: name}).Validate() != nil {
		im.unknown[name] = true
		return false, nil
	}
	if !im.opt.DryRun {
		if _, err := im.tx.ExecContext(ctx, `INSERT INTO departments (name, contact, phone, created_at, updated_at)
			VALUES (?, '', '', ?, ?)`, name, dbTime(im.now), dbTime(im.now)); err != nil {
			return false, departmentError(name, err)
		}
	}
	im.known[name] = true
	im.res.CreatedDepartments = append(im.res.CreatedDepartments, name)
	return true, nil
}
