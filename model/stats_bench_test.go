package model

import (
	"context"
	"testing"
)

// BenchmarkFindStatsYear: the 统计 screen's upper part (tiles, charts, the
// department table) for a year of the generated database, counted as at the
// year's end as the screen does (StatsFilter.AsOf); the 通报口径 part is
// BenchmarkPeriodReportYear.
func BenchmarkFindStatsYear(b *testing.B) { benchStats(b, true) }

// BenchmarkFindStatsYearNow: the same counted as the cases are now (全部时间
// and before AsOf), for comparison.
func BenchmarkFindStatsYearNow(b *testing.B) { benchStats(b, false) }

func benchStats(b *testing.B, asOf bool) {
	s := MustOpenStoreAt(b, benchDB(b))
	ctx := context.Background()
	p := YearPeriod(2026)
	f := StatsFilter{From: p.From, To: p.To}
	if asOf {
		f.AsOf = p.End()
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st, err := s.FindStats(ctx, f)
		if err != nil || st.Total == 0 {
			b.Fatalf("%v, %+v", err, st)
		}
	}
}
