package model

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
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
