package model

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestFastTimeEveryDay: timeScanner.fast, which reads every time of the
// 统计 and the 通报, gives the time and location that time.Parse gives
// (through dt) for 200,000 random instants from year 1 to 9999, every
// day's edges, and the days that are not (2026-02-30, 2026-04-31), which
// fast, as before, carries over into the next month as time.Date does.
func TestFastTimeEveryDay(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 2))
	check := func(v string, want time.Time) {
		t.Helper()
		var ts timeScanner
		got := ts.fast(v)
		if ts.err != nil || got != want {
			t.Fatalf("%q: fast %v (%v), want %v", v, got, ts.err, want)
		}
	}
	lo, hi := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Unix(), time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC).Unix()
	for i := 0; i < 200000; i++ {
		u := time.Unix(lo+r.Int64N(hi-lo), r.Int64N(1e9)).UTC()
		if i%4 == 0 { // midnight and the nanosecond before it
			y, m, d := u.Date()
			u = time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Add(-time.Duration(i % 8 / 4))
		}
		v := u.Format(dbTimeLayout)
		var ts timeScanner
		check(v, ts.dt(ns(v)))
	}
	for _, v := range []string{"2026-02-30T10:00:00.000000000Z", "2026-04-31T00:00:00.000000000Z", "2024-02-29T23:59:60.000000000Z"} {
		y, mo, d, h, mi, se := digits(v[0:4]), digits(v[5:7]), digits(v[8:10]), digits(v[11:13]), digits(v[14:16]), digits(v[17:19])
		check(v, time.Date(y, time.Month(mo), d, h, mi, se, 0, time.UTC).Local())
	}
}
