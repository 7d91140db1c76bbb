package casefile

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"bulletin/model"
)

// Report is the outcome of importing one file: what was read from it and what
// the store did with the valid rows.
type Report struct {
	File   string             // the imported file
	Read   *Result            // rows as read
	Store  model.ImportResult // what the store did with the valid rows
	At     time.Time          // when the import ran
	DryRun bool               // a preview: nothing was written
}

// Importer is the part of the store an import needs.
type Importer interface {
	ImportCases(ctx context.Context, cs []*model.Case, opt model.ImportOptions) (model.ImportResult, error)
}

// ImportFile reads path (sheet "" = the first one) and imports its valid rows
// in one transaction. opt.Lines and opt.SourceFile are filled in here. With
// opt.DryRun nothing is written: the report is a preview.
func ImportFile(ctx context.Context, s Importer, path, sheet string, opt model.ImportOptions) (*Report, error) {
	res, err := ReadFile(path, sheet)
	if err != nil {
		return nil, err
	}
	return ImportResult(ctx, s, path, res, opt)
}

// ImportResult imports rows already read (the dialog reads once for its
// preview, then imports).
func ImportResult(ctx context.Context, s Importer, path string, res *Result, opt model.ImportOptions) (*Report, error) {
	opt.Lines = res.Lines()
	opt.SourceFile = filepath.Base(path)
	cases := res.Cases()
	for i, c := range cases { // the store fills in ID, 编号 and status: keep res as read
		cp := *c
		cases[i] = &cp
	}
	imp, err := s.ImportCases(ctx, cases, opt)
	if err != nil {
		return nil, err
	}
	return &Report{File: path, Read: res, Store: imp, At: time.Now(), DryRun: opt.DryRun}, nil
}

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
	rows := r.Read.Rejected()
	lines := r.Read.Lines()
	valid := map[int]Row{}
	for _, row := range r.Read.Rows {
		if row.Case != nil {
			valid[row.Line] = row
		}
	}
	for _, sk := range r.Store.Skipped {
		row := valid[lines[sk.Index]]
		row.Case, row.Reason = nil, sk.Reason
		rows = append(rows, row)
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Line < rows[j].Line })
	return rows
}

// Summary is one line: how many rows were read, imported and skipped.
func (r *Report) Summary() string {
	rej := r.Rejected()
	s := fmt.Sprintf("共 %d 行：导入 %d 行，未导入 %d 行", len(r.Read.Rows), len(r.Store.Imported), len(rej))
	if d := r.Store.Duplicates(); d > 0 {
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
	list("新建的责任单位", r.Store.CreatedDepartments)
	list("名录中没有的责任单位（相关行未导入，可在导入时勾选新建，或用 -create-departments）", r.Store.UnknownDepartments)
	if rej := r.Rejected(); len(rej) > 0 {
		b.WriteString("\r\n未导入的行：\r\n")
		for _, row := range rej {
			fmt.Fprintf(&b, "第 %d 行：%s\r\n", row.Line, row.Reason)
		}
	}
	notes := false
	for _, row := range r.Read.Rows {
		for _, n := range row.Notes {
			if !notes {
				b.WriteString("\r\n修改说明：\r\n")
				notes = true
			}
			fmt.Fprintf(&b, "第 %d 行：%s\r\n", row.Line, n)
		}
	}
	if len(r.Store.Imported) > 0 && !r.DryRun {
		b.WriteString("\r\n导入的案件：\r\n")
		skipped := map[int]bool{}
		for _, sk := range r.Store.Skipped {
			skipped[sk.Index] = true
		}
		lines, k := r.Read.Lines(), 0
		for i, line := range lines {
			if skipped[i] {
				continue
			}
			c := r.Store.Imported[k]
			k++
			fmt.Fprintf(&b, "第 %d 行 → %s %s\r\n", line, c.Number, clip(c.Title))
		}
	}
	return b.String()
}

// ReportPath is where the report of importing path is written: beside it,
// as “FILE.导入报告.txt”.
func ReportPath(path string) string { return path + ".导入报告.txt" }
