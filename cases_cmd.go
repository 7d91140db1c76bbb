package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"bulletin/model"
	"bulletin/model/casefile"
)

// runExportCases is `bulletin export -cases FILE`: every case with its
// handling (状态, 交办/回复/办结时间…) as .xlsx, or as .csv when FILE ends
// in .csv; `bulletin import` reads it back into the same figures.
func (m *Main) runExportCases(ctx context.Context, args []string) error {
	fs := m.flags("export")
	dbPath := dbFlag(fs)
	out := fs.String("cases", "", "导出全部案件到 .xlsx 或 .csv 文件")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		fmt.Fprintf(m.Stderr, "请用 -cases 文件.xlsx 指定导出的文件\n\n%s", usage)
		return errUsage
	}
	s, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	cases, _, err := s.FindCases(ctx, model.CaseFilter{})
	if err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return model.Errorf(model.EINVALID, "无法创建 %s：%v", *out, err)
	}
	write := casefile.WriteXLSX
	if strings.EqualFold(filepath.Ext(*out), ".csv") {
		write = casefile.WriteCSV
	}
	if err := write(f, cases); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", *out, err)
	}
	fmt.Fprintf(m.Stdout, "已导出 %d 件案件到 %s\n", len(cases), *out)
	return nil
}

// importProgress writes 已读 120,000 / 300,000 行 to standard error every
// 50,000 rows of a long import.
func (m *Main) importProgress() casefile.Progress {
	next := 50000
	return func(read, total int) {
		if read < next {
			return
		}
		next = read + 50000
		if total > 0 {
			fmt.Fprintf(m.Stderr, "已读 %d / %d 行\n", read, total)
		} else {
			fmt.Fprintf(m.Stderr, "已读 %d 行\n", read)
		}
	}
}
