package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"bulletin/model"
)

// runCalendar prints a year's holiday rows and its count of working days, or
// with -add DATE N the date N working days after DATE:
//
//	bulletin calendar [-db PATH] [-year 2026]
//	bulletin calendar [-db PATH] -add 2026-09-24 5 [-same-day]
func (m *Main) runCalendar(ctx context.Context, args []string) error {
	fs := m.flags("calendar")
	dbPath := dbFlag(fs)
	year := fs.Int("year", 0, "年份（默认今年）")
	add := fs.String("add", "", "起算日期，如 2026-09-24，后跟工作日数")
	sameDay := fs.Bool("same-day", false, "当日起算（默认次日起算）")
	if err := parse(fs, args); err != nil {
		return err
	}
	var n int
	if *add != "" {
		if fs.NArg() != 1 {
			return model.Errorf(model.EINVALID, "-add 后应写起算日期和工作日数，如 -add 2026-09-24 5")
		}
		var err error
		if n, err = strconv.Atoi(strings.TrimSpace(fs.Arg(0))); err != nil || n < 0 || n > 3650 {
			return model.Errorf(model.EINVALID, "工作日数“%s”应为 0 到 3650 的整数", fs.Arg(0))
		}
	} else if fs.NArg() > 0 {
		return model.Errorf(model.EINVALID, "多余的参数：%s", strings.Join(fs.Args(), " "))
	}
	s, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	cal, err := s.Calendar(ctx)
	if err != nil {
		return err
	}
	if *add != "" {
		start, err := time.ParseInLocation(model.DateLayout, strings.TrimSpace(*add), time.Local)
		if err != nil {
			return model.Errorf(model.EINVALID, "日期“%s”格式应为 2026-09-24", *add)
		}
		due := cal.AddWorkdays(start, n, !*sameDay)
		fmt.Fprintln(m.Stdout, due.Format(model.DateLayout))
		if note := cal.MissingYearNote(due); note != "" {
			fmt.Fprintln(m.Stderr, "注意：", note)
		}
		return nil
	}
	if *year == 0 {
		*year = s.Now().Year()
	}
	if *year < 1900 || *year > 9999 {
		return model.Errorf(model.EINVALID, "年份“%d”不对", *year)
	}
	rows, err := s.FindHolidays(ctx, *year)
	if err != nil {
		return err
	}
	m.printYear(*year, rows, cal)
	return nil
}

// printYear writes the rows of year, one per line, and its working days.
func (m *Main) printYear(year int, rows []*model.Holiday, cal *model.Calendar) {
	weekdays := []string{"日", "一", "二", "三", "四", "五", "六"}
	for _, h := range rows {
		fmt.Fprintf(m.Stdout, "%s 周%s  %s  %s\n", h.Date.Format(model.DateLayout), weekdays[h.Date.Weekday()], h.Kind, h.Name)
	}
	if len(rows) == 0 {
		fmt.Fprintf(m.Stdout, "%d年的节假日尚未录入，以下按周末计算。\n", year)
	}
	fmt.Fprintf(m.Stdout, "%d年共 %d 个工作日\n", year, cal.WorkdaysInYear(year))
}
