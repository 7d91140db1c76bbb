package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"bulletin/export"
	"bulletin/model"
)

// runExportAny is `bulletin export`: -issue exports a bulletin (runExport),
// -meeting a meeting's 纪要, -case with -department a case's 交办单.
func (m *Main) runExportAny(ctx context.Context, args []string) error {
	if hasFlag(args, "cases") {
		return m.runExportCases(ctx, args)
	}
	if !hasFlag(args, "meeting", "case", "department") {
		return m.runExport(ctx, args)
	}
	fs := m.flags("export")
	dbPath := dbFlag(fs)
	meeting := fs.Int64("meeting", 0, "会议编号（导出会议纪要）")
	caseNo := fs.String("case", "", "案件编号，如 2026-0042（导出交办单）")
	dept := fs.String("department", "", "承办单位（交办单）")
	out := fs.String("o", "", "输出的 PDF 文件")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 || (*meeting == 0) == (*caseNo == "") {
		fmt.Fprintf(m.Stderr, "请用 -meeting 编号 导出会议纪要，或用 -case 编号 -department 单位 导出交办单\n\n%s", usage)
		return errUsage
	}
	s, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	var pdf []byte
	var rep *export.Report
	var what string
	if *meeting != 0 {
		pdf, rep, what, err = exportMinutes(ctx, s, *meeting, out)
	} else {
		pdf, rep, what, err = exportNotice(ctx, s, *caseNo, *dept, out)
	}
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, pdf, 0o644); err != nil {
		return model.Errorf(model.EINVALID, "写入 %s 失败：%v", *out, err)
	}
	if s := rep.String(); s != "" {
		fmt.Fprint(m.Stderr, s)
	}
	fmt.Fprintf(m.Stdout, "已导出%s到 %s\n", what, *out)
	return nil
}

// hasFlag reports whether args name one of the flags (-x, --x, -x=…).
func hasFlag(args []string, names ...string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		a = strings.TrimLeft(a, "-")
		a, _, _ = strings.Cut(a, "=")
		for _, n := range names {
			if a == n {
				return true
			}
		}
	}
	return false
}

// exportMinutes prints the 纪要 of meeting id.
func exportMinutes(ctx context.Context, s *model.Store, id int64, out *string) ([]byte, *export.Report, string, error) {
	mt, err := s.FindMeetingByID(ctx, id)
	if err != nil {
		return nil, nil, "", err
	}
	pdf, rep, err := export.PrintMinutes(ctx, s, mt, "")
	if err != nil {
		return nil, nil, "", err
	}
	if *out == "" {
		*out = export.DocumentFileName(mt.Name, "纪要")
	}
	return pdf, rep, "会议纪要「" + mt.Name + "」", nil
}

// exportNotice prints the 交办单 of a case for one of its departments: the
// one printed before (same 交办编号 and bytes), else a new one.
func exportNotice(ctx context.Context, s *model.Store, number, dept string, out *string) ([]byte, *export.Report, string, error) {
	c, err := findCaseByNumber(ctx, s, number)
	if err != nil {
		return nil, nil, "", err
	}
	dept = strings.TrimSpace(dept)
	if dept == "" && len(c.Departments) == 1 {
		dept = c.Departments[0]
	}
	if dept != "" && len(c.Departments) > 0 && !slices.Contains(c.Departments, dept) {
		return nil, nil, "", model.Errorf(model.EINVALID, "%s 不是案件 %s 的责任单位（%s）", dept, c.Number, strings.Join(c.Departments, "、"))
	}
	if dept == "" {
		return nil, nil, "", model.Errorf(model.EINVALID, "请用 -department 指定承办单位（案件 %s 的责任单位：%s）", c.Number, strings.Join(c.Departments, "、"))
	}
	day := c.AssignedAt
	if day.IsZero() {
		day = time.Now()
	}
	pdf, rep, n, err := export.PrintNotice(ctx, s, export.NoticeRequest{Cases: []*model.Case{c}, Department: dept, Date: day, Due: c.Due})
	if err != nil {
		return nil, nil, "", err
	}
	if *out == "" {
		*out = export.DocumentFileName("交办单", n.Label(), dept)
	}
	return pdf, rep, "交办单 " + n.Label() + "（" + dept + "）", nil
}

// findCaseByNumber finds the case of a 编号 such as 2026-0042.
func findCaseByNumber(ctx context.Context, s *model.Store, number string) (*model.Case, error) {
	number = strings.TrimSpace(number)
	cs, _, err := s.FindCases(ctx, model.CaseFilter{Query: number})
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		if c.Number == number {
			return s.FindCaseByID(ctx, c.ID)
		}
	}
	return nil, model.Errorf(model.ENOTFOUND, "找不到编号为 %s 的案件", number)
}
