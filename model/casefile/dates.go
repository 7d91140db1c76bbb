package casefile

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"bulletin/model"
)

// errDate is returned for text that is not a date in any form we read.
var errDate = errors.New("unreadable date")

// dateReplacer turns the separators offices use into one form:
// 2026年3月4日 8时12分, 2026/3/4, 2026.3.4 and full-width digits all become
// 2026-3-4 8:12.
var dateReplacer = strings.NewReplacer(
	"年", "-", "月", "-", "日", " ", "号", " ",
	"时", ":", "点", ":", "分", "", "秒", "",
	"/", "-", ".", "-", "T", " ", "：", ":", "　", " ",
	"０", "0", "１", "1", "２", "2", "３", "3", "４", "4",
	"５", "5", "６", "6", "７", "7", "８", "8", "９", "9",
)

// ParseTime reads a date or date-time in local time. It accepts
// 2026-03-04 08:12(:05), 2026-03-04, 2026/3/4, 2026/3/4 8:12, 2026年3月4日,
// 2026年3月4日 8时12分, 2026.3.4, 20260304 and Excel serial dates (46085 or
// 46085.34). Empty text gives the zero time and no error.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if t, ok := parseSerial(s); ok {
		return t, nil
	}
	if len(s) == 8 && allDigits(s) { // 20260304
		s = s[:4] + "-" + s[4:6] + "-" + s[6:]
	}
	s = strings.TrimSpace(dateReplacer.Replace(s))
	datePart, timePart, _ := strings.Cut(s, " ")
	timePart = strings.TrimSpace(timePart)
	ymd := strings.Split(datePart, "-")
	if len(ymd) != 3 || len(ymd[0]) != 4 {
		return time.Time{}, errDate
	}
	var n [3]int
	for i, p := range ymd {
		v, err := strconv.Atoi(p)
		if err != nil || p == "" || len(p) > 4 || v < 0 {
			return time.Time{}, errDate
		}
		n[i] = v
	}
	y, m, d := n[0], n[1], n[2]
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return time.Time{}, errDate
	}
	hh, mm, ss, err := parseClock(timePart)
	if err != nil {
		return time.Time{}, err
	}
	return time.Date(y, time.Month(m), d, hh, mm, ss, 0, time.Local), nil
}

// parseClock reads 8:12, 08:12:05 or 8: (from 8时) into hours, minutes, seconds.
func parseClock(s string) (hh, mm, ss int, err error) {
	if s == "" {
		return 0, 0, 0, nil
	}
	parts := strings.Split(strings.TrimSuffix(s, ":"), ":")
	if len(parts) > 3 {
		return 0, 0, 0, errDate
	}
	var v [3]int
	for i, p := range parts {
		if i == 2 { // seconds may carry a fraction: 05.000
			p, _, _ = strings.Cut(p, "-")
		}
		n, e := strconv.Atoi(p)
		if e != nil || p == "" || len(p) > 2 {
			return 0, 0, 0, errDate
		}
		v[i] = n
	}
	if v[0] > 23 || v[1] > 59 || v[2] > 59 {
		return 0, 0, 0, errDate
	}
	return v[0], v[1], v[2], nil
}

// parseSerial reads an Excel serial date (days since 1899-12-30, the fraction
// being the time of day). Only 10000–99999 are taken as serials (1927–2173),
// so that a bare year or a count is not mistaken for a date.
func parseSerial(s string) (time.Time, bool) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 10000 || f >= 100000 || math.IsNaN(f) {
		return time.Time{}, false
	}
	days := math.Floor(f)
	secs := math.Round((f - days) * 86400)
	t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.Local).AddDate(0, 0, int(days))
	return t.Add(time.Duration(secs) * time.Second), true
}

// daysIn returns the number of days of month m in year y.
func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// formatTime writes a time as 2026-03-04 08:12 (with seconds only when set)
// and a day as 2026-03-04; the zero time is an empty cell.
func formatTime(t time.Time, dateOnly bool) string {
	switch {
	case t.IsZero():
		return ""
	case dateOnly:
		return t.Format(model.DateLayout)
	case t.Second() != 0:
		return t.Format(model.DateLayout + " 15:04:05")
	}
	return t.Format(model.DateLayout + " 15:04")
}
