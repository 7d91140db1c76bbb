package model

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"sort"
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
}

// ImportSkip is one case that was not imported.
type ImportSkip struct {
	Index     int    // index into the cases given to ImportCases
	Reason    string // in Chinese
	Duplicate bool   // already in the database, or earlier in the same file
}

// ImportResult says what ImportCases did.
type ImportResult struct {
	Imported           []*Case      // created, with their ID and 编号
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

// ImportCases creates the valid, new cases among cs in ONE transaction: either
// all of them are saved or none. Invalid cases, duplicates (see Fingerprint)
// and cases naming unknown departments are skipped with a Chinese reason.
// Only departments named by cases that are imported are created. Each
// created case gets a "登记" timeline event naming the file.
func (s *Store) ImportCases(ctx context.Context, cs []*Case, opt ImportOptions) (ImportResult, error) {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return ImportResult{}, fmt.Errorf("import cases: %w", err)
	}
	defer tx.Rollback()
	im := &importer{tx: tx, w: newCaseWriter(tx), opt: opt, now: s.now(), want: map[string]bool{}, unknown: map[string]bool{}, note: "导入"}
	for _, n := range opt.NewDepartments {
		im.want[strings.TrimSpace(n)] = true
	}
	if opt.SourceFile != "" {
		im.note = "从 " + opt.SourceFile + " 导入"
	}
	if im.known, err = queryNameSet(ctx, tx, `SELECT name FROM departments`); err != nil {
		return ImportResult{}, fmt.Errorf("import cases: %w", err)
	}
	if im.seen, err = existingFingerprints(ctx, tx); err != nil {
		return ImportResult{}, fmt.Errorf("import cases: %w", err)
	}
	for i, c := range cs {
		skip, err := im.importOne(ctx, c, i)
		if err != nil { // a full disk, say: nothing is saved
			return ImportResult{}, fmt.Errorf("import cases: %w", translate(err))
		}
		if skip != nil {
			im.res.Skipped = append(im.res.Skipped, *skip)
			continue
		}
		im.res.Imported = append(im.res.Imported, c)
	}
	im.res.UnknownDepartments = sortedKeys(im.unknown)
	sort.Strings(im.res.CreatedDepartments)
	if opt.DryRun {
		return im.res, nil
	}
	if err := im.w.flush(ctx); err != nil {
		return ImportResult{}, fmt.Errorf("import cases: %w", err)
	}
	if err := commit(tx); err != nil {
		return ImportResult{}, fmt.Errorf("import cases: %w", err)
	}
	return im.res, nil
}

// importer is the state of one ImportCases call.
type importer struct {
	tx      *sql.Tx
	w       *caseWriter // creates the cases
	opt     ImportOptions
	now     time.Time
	note    string            // for the timeline
	known   map[string]bool   // departments in the directory (or created)
	want    map[string]bool   // opt.NewDepartments
	unknown map[string]bool   // departments not created: their cases skipped
	seen    map[string]string // fingerprint → what it is a duplicate of
	res     ImportResult
}

// importOne creates one case, or says why it is skipped.
func (im *importer) importOne(ctx context.Context, c *Case, i int) (*ImportSkip, error) {
	c.Status = StatusPending
	if c.Collected.IsZero() {
		c.Collected = im.now
	}
	if err := c.Validate(); err != nil {
		return &ImportSkip{Index: i, Reason: ErrorMessage(err)}, nil
	}
	fp := Fingerprint(c)
	if what, ok := im.seen[fp]; ok {
		return &ImportSkip{Index: i, Reason: "重复：" + what, Duplicate: true}, nil
	}
	for _, d := range c.Departments {
		if ok, err := im.department(ctx, d); err != nil {
			return nil, err
		} else if !ok {
			return &ImportSkip{Index: i, Reason: fmt.Sprintf("责任单位“%s”不在单位名录中", d)}, nil
		}
	}
	if i < len(im.opt.Lines) {
		im.seen[fp] = fmt.Sprintf("与本文件第 %d 行相同", im.opt.Lines[i])
	} else {
		im.seen[fp] = "与本文件中前面的一行相同"
	}
	if im.opt.DryRun {
		return nil, nil
	}
	c.CreatedAt, c.UpdatedAt = im.now, im.now
	if err := im.w.create(ctx, c); err != nil {
		return nil, err
	}
	ev := &CaseEvent{CaseID: c.ID, At: im.now, Action: ActionCreate, To: StatusPending, Note: im.note}
	if err := appendCaseEvent(ctx, im.w.tx, ev); err != nil {
		return nil, err
	}
	_, err := im.w.tx.ExecContext(ctx, `INSERT INTO case_fingerprints (fingerprint, case_id, source_file, imported_at)
		VALUES (?, ?, ?, ?)`, fp, c.ID, im.opt.SourceFile, dbTime(im.now))
	return nil, translate(err)
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
func existingFingerprints(ctx context.Context, tx *sql.Tx) (map[string]string, error) {
	seen := map[string]string{}
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
		seen[fp] = "以前已导入过（案件已删除）"
		if number.Valid {
			seen[fp] = "与已有案件 " + number.String + " 相同"
		}
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
		seen[fingerprintOf(title, posted, poster, source)] = "与已有案件 " + number + " 相同"
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
