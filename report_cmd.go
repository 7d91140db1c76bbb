package main

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"bulletin/export"
	"bulletin/model"
)

// runReport is `bulletin report`: typesets a draft 通报 of a period from
// the store (it stores nothing), or with -xlsx writes its 附表.
func (m *Main) runReport(ctx context.Context, args []string) error {
	fs := m.flags("report")
	dbPath := dbFlag(fs)
	week := fs.String("week", "", "周报，如 2026-W48")
	month := fs.String("month", "", "月报，如 2026-11")
	quarter := fs.String("quarter", "", "季报，如 2026Q4")
	year := fs.String("year", "", "年报，如 2026")
	from := fs.String("from", "", "自定义时段起始日期，如 2026-11-03")
	to := fs.String("to", "", "自定义时段结束日期")
	out := fs.String("o", "", "输出的 PDF 文件（默认 通报_时段.pdf）")
	xlsx := fs.String("xlsx", "", "改为把附表写入该 .xlsx 文件")
	if err := parse(fs, args); err != nil {
		return err
	}
	var chosen []string
	for _, v := range []string{*week, *month, *quarter, *year} {
		if v != "" {
			chosen = append(chosen, v)
		}
	}
	ranged := *from != "" || *to != ""
	if fs.NArg() > 0 || len(chosen)+b2i(ranged) != 1 {
		fmt.Fprintf(m.Stderr, "请用 -week、-month、-quarter、-year 或 -from/-to 中的一种指定统计时段\n\n%s", usage)
		return errUsage
	}
	var p model.Period
	var err error
	switch {
	case *week != "":
		p, err = model.ParsePeriod(model.PeriodWeek, *week)
	case *month != "":
		p, err = model.ParsePeriod(model.PeriodMonth, *month)
	case *quarter != "":
		p, err = model.ParsePeriod(model.PeriodQuarter, *quarter)
	case *year != "":
		p, err = model.ParsePeriod(model.PeriodYear, *year)
	default:
		var f, t time.Time
		if f, err = time.ParseInLocation("2006-01-02", strings.TrimSpace(*from), time.Local); err != nil {
			return model.Errorf(model.EINVALID, "-from %q 无效，应为 2026-11-03 这样的日期", *from)
		}
		if t, err = time.ParseInLocation("2006-01-02", strings.TrimSpace(*to), time.Local); err != nil {
			return model.Errorf(model.EINVALID, "-to %q 无效，应为 2026-11-20 这样的日期", *to)
		}
		p, err = model.RangePeriod(f, t)
	}
	if err != nil {
		return err
	}
	debug.SetGCPercent(-1) // one document, then exit (as render)
	debug.SetMemoryLimit(512 << 20)
	s, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	rep, err := s.PeriodReport(ctx, p)
	if err != nil {
		return err
	}
	kv, err := s.FindSettings(ctx)
	if err != nil {
		return err
	}
	doc := export.PeriodicFrom(rep, time.Now(), export.PeriodicSettingsFrom(kv))
	if *xlsx != "" {
		data, err := export.PeriodicXLSX(doc.Title+"·附表 "+export.PeriodicTableTitle, doc.Span, doc.Rows)
		if err != nil {
			return err
		}
		if err := os.WriteFile(*xlsx, data, 0o644); err != nil {
			return model.Errorf(model.EINVALID, "写入 %s 失败：%v", *xlsx, err)
		}
		fmt.Fprintf(m.Stdout, "已导出%s附表到 %s\n", p.Name(), *xlsx)
		return nil
	}
	if *out == "" {
		*out = export.PeriodicFileName(p, ".pdf")
	}
	pdf, r, err := export.PrintedPDF(doc, kv)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, pdf, 0o644); err != nil {
		return model.Errorf(model.EINVALID, "写入 %s 失败：%v", *out, err)
	}
	if s := r.String(); s != "" {
		fmt.Fprint(m.Stderr, s)
	}
	fmt.Fprintf(m.Stdout, "已生成%s通报草稿 %s（%d 页，%d 件案件）\n", p.Name(), *out, r.Pages, rep.Cur.Total)
	return nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
