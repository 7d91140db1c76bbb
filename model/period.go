package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// PeriodKind is the kind of a 通报's period (DOCUMENTS.md §5).
type PeriodKind string

// The kinds of period: 周报 (Monday–Sunday), 月报, 季报, 年报 and a free range.
const (
	PeriodWeek    PeriodKind = "week"
	PeriodMonth   PeriodKind = "month"
	PeriodQuarter PeriodKind = "quarter"
	PeriodYear    PeriodKind = "year"
	PeriodRange   PeriodKind = "range"
)

// PreviousName is how a text names the period of kind k before the one at
// hand: 上周, 上月, 上季度, 上年, 上一同期.
func (k PeriodKind) PreviousName() string {
	switch k {
	case PeriodWeek:
		return "上周"
	case PeriodMonth:
		return "上月"
	case PeriodQuarter:
		return "上季度"
	case PeriodYear:
		return "上年"
	}
	return "上一同期"
}

// PeriodKinds in the order offered.
var PeriodKinds = []PeriodKind{PeriodWeek, PeriodMonth, PeriodQuarter, PeriodYear, PeriodRange}

// Name is the kind in Chinese: 周报, 月报, 季报, 年报, 专题（自定义时段）.
func (k PeriodKind) Name() string {
	switch k {
	case PeriodWeek:
		return "周报"
	case PeriodMonth:
		return "月报"
	case PeriodQuarter:
		return "季报"
	case PeriodYear:
		return "年报"
	}
	return "自定义时段"
}

// Period is the days From to To (inclusive, local midnights) of a 通报.
type Period struct {
	Kind     PeriodKind
	From, To time.Time
}

// WeekPeriod is ISO week w of year y (Monday to Sunday).
func WeekPeriod(y, w int) Period {
	// The Monday of week 1 is the Monday of the week holding 4 January.
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.Local)
	mon := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	from := mon.AddDate(0, 0, 7*(w-1))
	return Period{PeriodWeek, from, from.AddDate(0, 0, 6)}
}

// WeekOf is the week (Monday–Sunday) holding day t.
func WeekOf(t time.Time) Period {
	d := Day(t)
	from := d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
	return Period{PeriodWeek, from, from.AddDate(0, 0, 6)}
}

// MonthPeriod is month m of year y.
func MonthPeriod(y int, m time.Month) Period {
	from := time.Date(y, m, 1, 0, 0, 0, 0, time.Local)
	return Period{PeriodMonth, from, from.AddDate(0, 1, -1)}
}

// QuarterPeriod is quarter q (1–4) of year y.
func QuarterPeriod(y, q int) Period {
	from := time.Date(y, time.Month(3*(q-1)+1), 1, 0, 0, 0, 0, time.Local)
	return Period{PeriodQuarter, from, from.AddDate(0, 3, -1)}
}

// YearPeriod is the year y.
func YearPeriod(y int) Period {
	from := time.Date(y, 1, 1, 0, 0, 0, 0, time.Local)
	return Period{PeriodYear, from, from.AddDate(1, 0, -1)}
}

// RangePeriod is the days from to to, inclusive.
func RangePeriod(from, to time.Time) (Period, error) {
	from, to = Day(from), Day(to)
	if from.IsZero() || to.IsZero() {
		return Period{}, Errorf(EINVALID, "请填写统计时段的起止日期")
	}
	if to.Before(from) {
		return Period{}, Errorf(EINVALID, "统计时段的结束日期 %s 早于开始日期 %s", to.Format("2006-01-02"), from.Format("2006-01-02"))
	}
	if to.Sub(from) > 3700*24*time.Hour {
		return Period{}, Errorf(EINVALID, "统计时段超过十年")
	}
	return Period{PeriodRange, from, to}, nil
}

// ParsePeriod reads a period of kind k: 2026-W48, 2026-11, 2026Q4, 2026.
func ParsePeriod(k PeriodKind, s string) (Period, error) {
	s = strings.TrimSpace(s)
	bad := func(example string) (Period, error) {
		return Period{}, Errorf(EINVALID, "%s「%s」无效，应为 %s 这样的格式", k.Name(), s, example)
	}
	year := func(v string) (int, bool) {
		y, err := strconv.Atoi(v)
		return y, err == nil && y >= 1900 && y <= 9999 && len(v) == 4
	}
	switch k {
	case PeriodWeek:
		ys, ws, ok := strings.Cut(strings.ToUpper(s), "-W")
		y, yok := year(ys)
		w, err := strconv.Atoi(ws)
		if !ok || !yok || err != nil || w < 1 || w > 53 {
			return bad("2026-W48")
		}
		p := WeekPeriod(y, w)
		if iy, iw := p.From.ISOWeek(); iy != y || iw != w {
			return Period{}, Errorf(EINVALID, "%d 年没有第 %d 周", y, w)
		}
		return p, nil
	case PeriodMonth:
		t, err := time.ParseInLocation("2006-01", s, time.Local)
		if err != nil {
			return bad("2026-11")
		}
		return MonthPeriod(t.Year(), t.Month()), nil
	case PeriodQuarter:
		ys, qs, ok := strings.Cut(strings.ToUpper(s), "Q")
		y, yok := year(ys)
		q, err := strconv.Atoi(qs)
		if !ok || !yok || err != nil || q < 1 || q > 4 {
			return bad("2026Q4")
		}
		return QuarterPeriod(y, q), nil
	case PeriodYear:
		y, ok := year(s)
		if !ok {
			return bad("2026")
		}
		return YearPeriod(y), nil
	}
	return Period{}, Errorf(EINVALID, "未知的通报类型 %q", k)
}

// Previous is the period of the same kind before p (for 环比): the week,
// month, quarter or year before, or the same number of days before a range.
func (p Period) Previous() Period {
	switch p.Kind {
	case PeriodWeek:
		return Period{p.Kind, p.From.AddDate(0, 0, -7), p.From.AddDate(0, 0, -1)}
	case PeriodMonth:
		return MonthPeriod(p.From.AddDate(0, -1, 0).Year(), p.From.AddDate(0, -1, 0).Month())
	case PeriodQuarter:
		f := p.From.AddDate(0, -3, 0)
		return QuarterPeriod(f.Year(), int(f.Month()-1)/3+1)
	case PeriodYear:
		return YearPeriod(p.From.Year() - 1)
	}
	n := p.Days()
	return Period{p.Kind, p.From.AddDate(0, 0, -n), p.From.AddDate(0, 0, -1)}
}

// Days is the number of days of the period.
func (p Period) Days() int {
	return int(Day(p.To).Sub(Day(p.From)).Hours()/24+0.5) + 1
}

// End is the first instant after the period (its 统计截止时间).
func (p Period) End() time.Time { return Day(p.To).AddDate(0, 0, 1) }

// Code is the period as the command line writes it: 2026-W48, 2026-11,
// 2026Q4, 2026, or 2026-11-03~2026-11-20.
func (p Period) Code() string {
	switch p.Kind {
	case PeriodWeek:
		y, w := p.From.ISOWeek()
		return fmt.Sprintf("%d-W%02d", y, w)
	case PeriodMonth:
		return p.From.Format("2006-01")
	case PeriodQuarter:
		return fmt.Sprintf("%dQ%d", p.From.Year(), int(p.From.Month()-1)/3+1)
	case PeriodYear:
		return strconv.Itoa(p.From.Year())
	}
	return p.From.Format("2006-01-02") + "~" + p.To.Format("2006-01-02")
}

// Name is the period in Chinese: 2026年第48周, 2026年11月, 2026年第四季度,
// 2026年, 2026年11月3日—11月20日.
func (p Period) Name() string {
	switch p.Kind {
	case PeriodWeek:
		y, w := p.From.ISOWeek()
		return fmt.Sprintf("%d年第%d周", y, w)
	case PeriodMonth:
		return fmt.Sprintf("%d年%d月", p.From.Year(), int(p.From.Month()))
	case PeriodQuarter:
		return fmt.Sprintf("%d年第%s季度", p.From.Year(), []string{"一", "二", "三", "四"}[int(p.From.Month()-1)/3])
	case PeriodYear:
		return fmt.Sprintf("%d年", p.From.Year())
	}
	return p.Span()
}

// Span is the days of the period as printed under the title:
// 2026年11月1日—11月30日 (the year again when it changes).
func (p Period) Span() string {
	f, t := p.From, p.To
	right := fmt.Sprintf("%d月%d日", int(t.Month()), t.Day())
	if t.Year() != f.Year() {
		right = fmt.Sprintf("%d年", t.Year()) + right
	}
	return fmt.Sprintf("%d年%d月%d日—", f.Year(), int(f.Month()), f.Day()) + right
}

// Year is the year the period's 期号 counts in: the year of its last day.
func (p Period) Year() int { return p.To.Year() }
