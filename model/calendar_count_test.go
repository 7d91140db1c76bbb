package model

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestWorkdaysAfterMatchesTheWalk: WorkdaysAfter by arithmetic equals the
// count of every day walked one by one (IsWorkday), on the seeded calendar
// (2025–2027 holidays and 调休) and on one with random 休 and 班 rows, for
// 20,000 random pairs of times from 2023 to 2029, in either order, at any
// time of day, and for dates far apart and before 1970.
func TestWorkdaysAfterMatchesTheWalk(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	var rows []*Holiday
	for i := 0; i < 200; i++ {
		kind := DayOff
		if i%2 == 1 {
			kind = DayWorking
		}
		rows = append(rows, &Holiday{Date: date(2023, 1, 1).AddDate(0, 0, r.IntN(7*365)), Kind: kind, Name: "测试"})
	}
	walk := func(c *Calendar, from, to time.Time) int {
		a, b := midnight(from), midnight(to)
		n := 0
		for d := a.AddDate(0, 0, 1); !d.After(b); d = d.AddDate(0, 0, 1) {
			if c.IsWorkday(d) {
				n++
			}
		}
		return n
	}
	base := date(2023, 1, 1)
	at := func() time.Time {
		return base.Add(time.Duration(r.Int64N(int64(7 * 365 * 24 * time.Hour))))
	}
	_, seeded := mustCalendar(t)
	for name, c := range map[string]*Calendar{"seeded": seeded, "random rows": NewCalendar(rows), "no rows": NewCalendar(nil)} {
		for i := 0; i < 20000; i++ {
			from := at()
			to := from.Add(time.Duration(r.Int64N(int64(40 * 24 * time.Hour))))
			if i%4 == 0 {
				to = at()
			}
			if got, want := c.WorkdaysAfter(from, to), walk(c, from, to); got != want {
				t.Fatalf("%s: WorkdaysAfter(%s, %s) = %d, the walk %d", name, from, to, got, want)
			}
		}
		for _, p := range [][2]time.Time{
			{date(1960, 2, 27), date(1971, 3, 1)},
			{date(1969, 12, 31), date(1970, 1, 5)},
			{date(2026, 9, 30), date(2026, 10, 9)}, // 国庆
			{date(2026, 1, 1), date(2026, 1, 1)},
			{date(2026, 1, 2), date(2026, 1, 1)},
		} {
			if got, want := c.WorkdaysAfter(p[0], p[1]), walk(c, p[0], p[1]); got != want {
				t.Errorf("%s: WorkdaysAfter(%s, %s) = %d, the walk %d", name, p[0], p[1], got, want)
			}
		}
	}
}

// BenchmarkWorkdaysAfter: a reply 10 days after its 交办.
func BenchmarkWorkdaysAfter(b *testing.B) {
	_, c := mustCalendar(b)
	from := date(2026, 9, 28).Add(10 * time.Hour)
	to := from.AddDate(0, 0, 10)
	for i := 0; i < b.N; i++ {
		c.WorkdaysAfter(from, to)
	}
}
