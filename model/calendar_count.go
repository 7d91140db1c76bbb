package model

import (
	"sort"
	"time"
)

// The working days between two dates are counted without walking the days:
// Monday to Friday by arithmetic, then corrected by the rows of the holiday
// table that change a day (a 休 on a weekday, a 班 on a weekend), found by
// binary search. The 统计 and the 通报 count them for every reply of a
// period (the average working days to a reply), which day by day took a
// fifth of a year's figures.

// calendarShifts are the rows of the holiday table that change a day, by
// civil day number (civilDay), and the running sum of their changes.
type calendarShifts struct {
	days []int // sorted
	sum  []int // sum[i] = the changes of days[:i]; one longer than days
}

// newCalendarShifts keeps of days those that make a weekday off (-1) or a
// weekend day worked (+1).
func newCalendarShifts(days map[dayKey]DayKind) calendarShifts {
	change := map[int]int{}
	for k, kind := range days {
		n := civilDay(int(k)/10000, time.Month(int(k)/100%100), int(k)%100)
		weekday := isMonFri(n)
		switch {
		case kind == DayOff && weekday:
			change[n] = -1
		case kind == DayWorking && !weekday:
			change[n] = 1
		}
	}
	s := calendarShifts{sum: []int{0}}
	for n := range change {
		s.days = append(s.days, n)
	}
	sort.Ints(s.days)
	for _, n := range s.days {
		s.sum = append(s.sum, s.sum[len(s.sum)-1]+change[n])
	}
	return s
}

// between is the sum of the changes of the days first to last, inclusive.
func (s calendarShifts) between(first, last int) int {
	i, j := sort.SearchInts(s.days, first), sort.SearchInts(s.days, last+1)
	return s.sum[j] - s.sum[i]
}

// aMonday is the civil day number of Monday 1970-01-05.
var aMonday = civilDay(1970, time.January, 5)

// isMonFri reports whether civil day n is Monday to Friday.
func isMonFri(n int) bool { return floorMod(n-aMonday, 7) < 5 }

// monFriBefore counts the days Monday to Friday from aMonday up to n, not
// included (negative before aMonday).
func monFriBefore(n int) int {
	k := n - aMonday
	return 5*floorDiv(k, 7) + min(floorMod(k, 7), 5)
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func floorMod(a, b int) int { return a - b*floorDiv(a, b) }

// workdaysAfter is WorkdaysAfter for from and to in one location: the
// working days of the dates after from's up to to's, by arithmetic.
func (c *Calendar) workdaysAfter(from, to time.Time) int {
	fy, fm, fd := from.Date()
	ty, tm, td := to.Date()
	first, last := civilDay(fy, fm, fd)+1, civilDay(ty, tm, td)
	if last < first {
		return 0
	}
	return monFriBefore(last+1) - monFriBefore(first) + c.shifts.between(first, last)
}
