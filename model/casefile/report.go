package casefile

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"bulletin/model"
)

// Report is the outcome of importing one file: what was read from it and what
// the store did with the valid rows. It holds the rows not imported and a
// line per imported case, never the cases themselves, so that its size stays
// small for a file of any length.
type Report struct {
	File     string             // the imported file
	Read     *Result            // the file's header; Rows holds the preview (PreviewRows first rows)
	Rows     int                // data rows read (blank rows left out)
	Store    model.ImportResult // what the store did (departments, Count); Imported and Skipped empty
	Imported []ImportedRow      // the cases created, in file order (a dry run: none)
	At       time.Time          // when the import ran
	DryRun   bool               // a preview: nothing was written
	// DepartmentLines maps each department a dry run would create to the
	// rows, otherwise importable, that name it: a preview that does not
	// create it loses those rows.
	DepartmentLines map[string][]int

	rejected   []Row // rows not imported, file order: Line, Reason (Cells for the first ones)
	notes      []Row // rows with notes: Line, Notes
	duplicates int
	unlisted   int // rows not imported beyond MaxListed
	notesMore  int // rows with notes beyond MaxListed
	failed     int // rows not imported
}

// ImportedRow is one created case: its row, 编号 and title (clipped).
type ImportedRow struct {
	Line   int
	Number string
	Title  string
}

// PreviewRows is how many rows a report keeps whole, for the dialog's table.
const PreviewRows = 1000

// The rows a report lists, so that its size stays bounded: the first
// MaxListed rows not imported (and rows with remarks), and the first
// MaxListedImported imported ones; the others are counted.
const (
	MaxListed         = 100000
	MaxListedImported = 10000
)

// BatchSize is how many rows are read, checked and written at a time.
const BatchSize = 500

// Importer is the part of the store an import needs.
type Importer interface {
	BeginImport(ctx context.Context, opt model.ImportOptions) (*model.CaseImport, error)
}

// Progress is told the rows read so far and the rows of the file (0 when
// not known), after each batch.
type Progress func(read, total int)

// ImportFile reads path (sheet "" = the first one) batch by batch and imports
// its valid rows in one transaction: all of them or, when ctx is cancelled
// or anything fails, none. opt.Lines and opt.SourceFile are filled in here.
// With opt.DryRun nothing is written: the report is a preview. Memory stays
// bounded whatever the file's length.
func ImportFile(ctx context.Context, s Importer, path, sheet string, opt model.ImportOptions) (*Report, error) {
	return ImportFileProgress(ctx, s, path, sheet, opt, nil)
}

// ImportFileProgress is ImportFile telling progress after each batch.
func ImportFileProgress(ctx context.Context, s Importer, path, sheet string, opt model.ImportOptions, progress Progress) (*Report, error) {
	r, err := Open(path, sheet)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	opt.SourceFile = filepath.Base(path)
	opt.Lines = nil
	opt.Light = true
	ci, err := s.BeginImport(ctx, opt)
	if err != nil {
		return nil, err
	}
	defer ci.Rollback()
	rep := &Report{File: path, DryRun: opt.DryRun, DepartmentLines: map[string][]int{},
		Read: &Result{Encoding: r.Encoding, Sheet: r.Sheet, Header: r.Header, Unknown: r.Unknown, Ignored: r.Ignored}}
	var batch []Row
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := rep.addBatch(ctx, ci, batch, opt.DryRun)
		batch = batch[:0]
		if progress != nil {
			progress(r.Line(), r.Total)
		}
		return err
	}
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		rep.Rows++
		if len(rep.Read.Rows) < PreviewRows {
			rep.Read.Rows = append(rep.Read.Rows, row)
		}
		if len(row.Notes) > 0 {
			rep.addNotes(row.Line, row.Notes)
		}
		if row.Case == nil {
			rep.reject(row, row.Reason)
			continue
		}
		batch = append(batch, row)
		if len(batch) == BatchSize {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	res, err := ci.Commit(ctx)
	if err != nil {
		return nil, err
	}
	rep.Store = res
	rep.At = time.Now()
	return rep, nil
}

// addBatch imports one batch of valid rows and notes what became of each.
func (rep *Report) addBatch(ctx context.Context, ci *model.CaseImport, batch []Row, dryRun bool) error {
	cases := make([]*model.Case, len(batch))
	lines := make([]int, len(batch))
	for i, row := range batch {
		cp := *row.Case // the store fills in ID, 编号 and status: keep the row as read
		cases[i], lines[i] = &cp, row.Line
	}
	br, err := ci.Add(ctx, cases, lines)
	if err != nil {
		return err
	}
	skipped := map[int]bool{}
	for _, sk := range br.Skipped {
		skipped[sk.Index] = true
		if sk.Duplicate {
			rep.duplicates++
		}
		rep.reject(batch[sk.Index], sk.Reason)
	}
	for _, n := range br.Notes {
		rep.note(batch[n.Index].Line, n.Reason)
	}
	created := map[string]bool{}
	for _, d := range ci.Created() {
		created[d] = true
	}
	for i, row := range batch {
		if skipped[i] {
			continue
		}
		if dryRun {
			for _, d := range cases[i].Departments {
				if created[d] {
					rep.DepartmentLines[d] = append(rep.DepartmentLines[d], row.Line)
				}
			}
			continue
		}
		if len(rep.Imported) < MaxListedImported {
			rep.Imported = append(rep.Imported, ImportedRow{Line: row.Line, Number: cases[i].Number, Title: clip(cases[i].Title)})
		}
	}
	return nil
}

// reject notes a row not imported; its cells are kept for the first rows.
func (rep *Report) reject(row Row, reason string) {
	rep.failed++
	if len(rep.rejected) >= MaxListed {
		rep.unlisted++
		return
	}
	r := Row{Line: row.Line, Reason: reason}
	if len(rep.rejected) < PreviewRows {
		r.Cells = row.Cells
		r.Case = nil
	}
	rep.rejected = append(rep.rejected, r)
}

// note adds a remark to a row.
func (rep *Report) note(line int, n string) {
	for k := len(rep.notes) - 1; k >= 0 && k >= len(rep.notes)-BatchSize; k-- {
		if rep.notes[k].Line == line {
			rep.notes[k].Notes = append(slices.Clone(rep.notes[k].Notes), n)
			return
		}
	}
	rep.addNotes(line, []string{n})
}

// addNotes lists a row's remarks, the first MaxListed rows.
func (rep *Report) addNotes(line int, notes []string) {
	if len(rep.notes) >= MaxListed {
		rep.notesMore++
		return
	}
	rep.notes = append(rep.notes, Row{Line: line, Notes: notes})
}

// Failed is how many rows were not imported (listed or not).
func (r *Report) Failed() int { return r.failed }

// Lines returns the row numbers of Cases(), in the same order.
func (r *Result) Lines() []int {
	var ls []int
	for _, row := range r.Rows {
		if row.Case != nil {
			ls = append(ls, row.Line)
		}
	}
	return ls
}

// Rejected returns every row not imported, whether the file or the store
// rejected it, by row number, with its reason.
func (r *Report) Rejected() []Row {
	rows := slices.Clone(r.rejected)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Line < rows[j].Line })
	return rows
}

// Duplicates returns how many rows were skipped as duplicates.
func (r *Report) Duplicates() int { return r.duplicates }

// Notes returns the rows with remarks (Line, Notes), in row order.
func (r *Report) Notes() []Row {
	rows := slices.Clone(r.notes)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Line < rows[j].Line })
	return rows
}

// Importable is how many rows are (or, for a dry run, would be) imported.
func (r *Report) Importable() int { return r.Store.Count }

// Summary is one line: how many rows were read, imported and skipped.
func (r *Report) Summary() string {
	s := fmt.Sprintf("共 %d 行：导入 %d 行，未导入 %d 行", r.Rows, r.Store.Count, r.failed)
	if d := r.duplicates; d > 0 {
		s += fmt.Sprintf("（其中重复 %d 行）", d)
	}
	return s + "。"
}

// Text is the report written next to the imported file and printed by
// `bulletin import`.
func (r *Report) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "导入报告\r\n文件：%s\r\n时间：%s\r\n", r.File, r.At.Format(model.TimeLayout))
	fmt.Fprintf(&b, "格式：%s", r.Read.Encoding)
	if r.Read.Sheet != "" {
		fmt.Fprintf(&b, "，工作表：%s", r.Read.Sheet)
	}
	fmt.Fprintf(&b, "\r\n%s\r\n", r.Summary())
	list := func(title string, items []string) {
		if len(items) > 0 {
			fmt.Fprintf(&b, "%s：%s\r\n", title, strings.Join(items, "、"))
		}
	}
	list("未识别的列（已忽略）", r.Read.Unknown)
	list("不导入的列（已忽略，由程序计算）", r.Read.Ignored)
	list("导入的列", r.Read.Kept())
	list("新建的责任单位", r.Store.CreatedDepartments)
	list("名录中没有的责任单位（相关行未导入，可在导入时勾选新建，或用 -create-departments）", r.Store.UnknownDepartments)
	if rej := r.Rejected(); len(rej) > 0 {
		b.WriteString("\r\n未导入的行：\r\n")
		for _, row := range rej {
			fmt.Fprintf(&b, "第 %d 行：%s\r\n", row.Line, row.Reason)
		}
		if r.unlisted > 0 {
			fmt.Fprintf(&b, "……另有 %d 行未导入，未逐行列出\r\n", r.unlisted)
		}
	}
	notes := r.Notes()
	if len(notes) > 0 {
		b.WriteString("\r\n修改说明：\r\n")
	}
	for _, row := range notes {
		for _, n := range row.Notes {
			fmt.Fprintf(&b, "第 %d 行：%s\r\n", row.Line, n)
		}
	}
	if r.notesMore > 0 {
		fmt.Fprintf(&b, "……另有 %d 行带修改说明，未逐行列出\r\n", r.notesMore)
	}
	if len(r.Imported) > 0 && !r.DryRun {
		b.WriteString("\r\n导入的案件：\r\n")
		for _, im := range r.Imported {
			fmt.Fprintf(&b, "第 %d 行 → %s %s\r\n", im.Line, im.Number, im.Title)
		}
		if more := r.Store.Count - len(r.Imported); more > 0 {
			fmt.Fprintf(&b, "……另有 %d 件，未逐行列出（见案件列表）\r\n", more)
		}
	}
	return b.String()
}

// ReportPath is where the report of importing path is written: beside it,
// as “FILE.导入报告.txt”.
func ReportPath(path string) string { return path + ".导入报告.txt" }
