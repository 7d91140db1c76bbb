package model

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// ImportOptions say how ImportCases treats what it does not know.
type ImportOptions struct {
	// CreateDepartments creates every 责任单位 not yet in the directory.
	CreateDepartments bool
	// NewDepartments creates only these unknown departments (the ones ticked
	// in the import dialog); cases naming other unknown ones are skipped.
	NewDepartments []string
	// SourceFile is the imported file's name, noted in each case's timeline.
	SourceFile string
	// Lines are the row numbers of the cases in the file, used in messages
	// ("与第 3 行重复"); optional.
	Lines []int
	// DryRun checks everything and writes nothing: the preview of the dialog.
	// The cases get no ID or 编号.
	DryRun bool
	// Light keeps no list of the imported cases in the result (only Count):
	// an import of a large file, whose caller keeps what it needs per batch.
	Light bool
}

// ImportSkip is one case that was not imported.
type ImportSkip struct {
	Index     int    // index into the cases given to ImportCases
	Reason    string // in Chinese
	Duplicate bool   // already in the database, or earlier in the same file
}

// ImportResult says what ImportCases did.
type ImportResult struct {
	Imported           []*Case      // created, with their ID and 编号 (empty with Light)
	Count              int          // how many were created (accepted, in a dry run)
	Skipped            []ImportSkip // in input order
	CreatedDepartments []string     // sorted
	UnknownDepartments []string     // sorted; not created, their cases skipped
}

// Duplicates returns how many cases were skipped as duplicates.
func (r ImportResult) Duplicates() int {
	n := 0
	for _, s := range r.Skipped {
		if s.Duplicate {
			n++
		}
	}
	return n
}

// Fingerprint identifies a case for import: two cases with the same 标题,
// 发布时间, 网民昵称 and 来源平台 (spaces around them ignored) are the same case.
// A rerun of an import, or a file exported from this program, therefore adds
// nothing that is already there.
func Fingerprint(c *Case) string {
	posted, _ := dbTime(c.Posted).(string)
	return fingerprintOf(c.Title, posted, c.Poster, c.Source)
}

func fingerprintOf(title, posted, poster, source string) string {
	h := sha256.New()
	for _, s := range []string{title, posted, poster, source} {
		h.Write([]byte(strings.TrimSpace(s)))
		h.Write([]byte{0x1f})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// ActionImport begins the action of the one timeline event of an imported
// case (ImportAction): 导入（原状态：已回复）, instead of a made-up history
// of 交办 and 回复.
const ActionImport = "导入"

// ImportCases creates the valid, new cases among cs in ONE transaction: either
// all of them are saved or none. Invalid cases, duplicates (see Fingerprint)
// and cases naming unknown departments are skipped with a Chinese reason.
// Only departments named by cases that are imported are created. Each
// created case gets one "导入" timeline event naming its state and the file.
// A large file is imported with BeginImport, batch by batch.
func (s *Store) ImportCases(ctx context.Context, cs []*Case, opt ImportOptions) (ImportResult, error) {
	ci, err := s.BeginImport(ctx, opt)
	if err != nil {
		return ImportResult{}, err
	}
	defer ci.Rollback()
	if _, err := ci.Add(ctx, cs, opt.Lines); err != nil {
		return ImportResult{}, err
	}
	return ci.Commit(ctx)
}

// CaseImport is an import in progress: one write transaction to which cases
// are added batch by batch (Add), so that a file of any length is read with
// bounded memory, and which is committed whole (Commit) or not at all
// (Rollback, or a cancelled context). Only one may be open at a time: it
// holds the store's write transaction.
type CaseImport struct {
	im *importer
}

// BatchResult is what Add did with one batch; indexes are into the batch.
type BatchResult struct {
	Imported []*Case      // created (a dry run: accepted), with their 编号
	Skipped  []ImportSkip // in batch order
	Notes    []ImportSkip // cases imported with a remark (Reason): a 编号 not kept
}

// BeginImport starts an import. opt.Lines is ignored: Add takes the lines of
// each batch.
func (s *Store) BeginImport(ctx context.Context, opt ImportOptions) (*CaseImport, error) {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("import cases: %w", err)
	}
	im := &importer{tx: tx, w: newCaseWriter(tx), opt: opt, now: s.now(), want: map[string]bool{}, unknown: map[string]bool{},
		file: opt.SourceFile, taken: map[[2]int32]bool{}, rows: map[fingerprint]int32{}}
	for _, n := range opt.NewDepartments {
		im.want[strings.TrimSpace(n)] = true
	}
	if im.known, err = queryNameSet(ctx, tx, `SELECT name FROM departments`); err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("import cases: %w", err)
	}
	if im.seen, err = existingFingerprints(ctx, tx); err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("import cases: %w", err)
	}
	im.w.keepNumbers = true
	return &CaseImport{im: im}, nil
}

// Add checks and (unless a dry run) creates the cases of one batch. lines
// are their row numbers in the file, for messages; nil is allowed. The
// cases are changed in place: status, ID and 编号. Anything but a skipped
// case is an error that leaves the import to be rolled back.
func (ci *CaseImport) Add(ctx context.Context, cs []*Case, lines []int) (BatchResult, error) {
	im := ci.im
	var br BatchResult
	for i, c := range cs {
		if err := ctx.Err(); err != nil {
			return BatchResult{}, err
		}
		im.line = 0
		if i < len(lines) {
			im.line = lines[i]
		}
		skip, note, err := im.importOne(ctx, c, i)
		if err != nil { // a full disk, say: nothing is saved
			return BatchResult{}, fmt.Errorf("import cases: %w", translate(err))
		}
		if skip != nil {
			br.Skipped = append(br.Skipped, *skip)
			if !im.opt.Light {
				im.res.Skipped = append(im.res.Skipped, ImportSkip{Index: im.index + i, Reason: skip.Reason, Duplicate: skip.Duplicate})
			}
			continue
		}
		if note != "" {
			br.Notes = append(br.Notes, ImportSkip{Index: i, Reason: note})
		}
		br.Imported = append(br.Imported, c)
		im.count++
		if !im.opt.Light {
			im.res.Imported = append(im.res.Imported, c)
		}
	}
	im.index += len(cs)
	if !im.opt.DryRun {
		if err := im.w.flush(ctx); err != nil {
			return BatchResult{}, fmt.Errorf("import cases: %w", err)
		}
	}
	return br, nil
}

// Commit saves everything added (nothing for a dry run) and says what was
// done. With opt.Light, Result.Imported is empty: Count says how many.
func (ci *CaseImport) Commit(ctx context.Context) (ImportResult, error) {
	im := ci.im
	if err := ctx.Err(); err != nil {
		return ImportResult{}, err
	}
	im.res.UnknownDepartments = sortedKeys(im.unknown)
	sort.Strings(im.res.CreatedDepartments)
	im.res.Count = im.count
	if im.opt.DryRun {
		return im.res, nil
	}
	if err := im.w.flush(ctx); err != nil {
		return ImportResult{}, fmt.Errorf("import cases: %w", err)
	}
	if err := commit(im.tx); err != nil {
		return ImportResult{}, fmt.Errorf("import cases: %w", err)
	}
	return im.res, nil
}

// Created returns the departments created (a dry run: to be created) so far.
func (ci *CaseImport) Created() []string { return ci.im.res.CreatedDepartments }

// Rollback abandons the import; after Commit it does nothing.
func (ci *CaseImport) Rollback() { ci.im.tx.Rollback() }

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

// existingFingerprints returns the fingerprints of every case in the database
// and of every case imported before (even if since deleted or edited), each
// with a Chinese description for the duplicate message.
func existingFingerprints(ctx context.Context, tx *sql.Tx) (map[fingerprint]string, error) {
	seen := map[fingerprint]string{}
	rows, err := tx.QueryContext(ctx, `SELECT f.fingerprint, c.number FROM case_fingerprints f
		LEFT JOIN cases c ON c.id = f.case_id`)
	if err != nil {
		return nil, fmt.Errorf("read fingerprints: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var fp string
		var number sql.NullString
		if err := rows.Scan(&fp, &number); err != nil {
			return nil, fmt.Errorf("read fingerprints: %w", err)
		}
		seen[fingerprintKey(fp)] = number.String
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read fingerprints: %w", err)
	}
	rows, err = tx.QueryContext(ctx, `SELECT number, title, coalesce(posted, ''), poster, source FROM cases`)
	if err != nil {
		return nil, fmt.Errorf("read cases: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var number, title, posted, poster, source string
		if err := rows.Scan(&number, &title, &posted, &poster, &source); err != nil {
			return nil, fmt.Errorf("read cases: %w", err)
		}
		seen[fingerprintKey(fingerprintOf(title, posted, poster, source))] = number
	}
	return seen, rows.Err()
}

// queryNameSet returns the strings a one-column query yields, as a set.
func queryNameSet(ctx context.Context, tx *sql.Tx, q string) (map[string]bool, error) {
	var names []string
	if err := queryStrings(ctx, tx, &names, q); err != nil {
		return nil, err
	}
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return set, nil
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// fingerprint is a Fingerprint as 16 bytes, the key of the duplicate map: a
// million rows cost 16 bytes each, not a string each.
type fingerprint [16]byte

func fingerprintKey(fp string) fingerprint {
	var k fingerprint
	hex.Decode(k[:], []byte(fp))
	return k
}

// dupOf is what a fingerprint is a duplicate of: a row of the file (line >
// 0, or 0 when unknown), or an existing case (line -1; number "" when the
// case was deleted after being imported).
type dupOf struct {
	line   int32
	number string
}

func (d dupOf) String() string {
	switch {
	case d.line > 0:
		return fmt.Sprintf("与本文件第 %d 行相同", d.line)
	case d.line == 0:
		return "与本文件中前面的一行相同"
	case d.number == "":
		return "以前已导入过（案件已删除）"
	}
	return "与已有案件 " + d.number + " 相同"
}
