package model

import (
	"context"
	"sync"
	"testing"
)

// BenchmarkFindStatsYear: the 统计 screen's upper part (tiles, charts, the
// department table) for a year of the generated database, counted as at the
// year's end as the screen does (StatsFilter.AsOf); the 通报口径 part is
// BenchmarkPeriodReportYear.
func BenchmarkFindStatsYear(b *testing.B) { benchStats(b, benchDB(b), true) }

// BenchmarkFindStatsYearHandled: the same on the handled copy of the
// generated database (handledBenchDB: replies, closings, 回访, a timeline).
func BenchmarkFindStatsYearHandled(b *testing.B) { benchStats(b, handledBenchDB(b), true) }

// BenchmarkFindStatsYearNow: the same counted as the cases are now (全部时间
// and before AsOf), for comparison.
func BenchmarkFindStatsYearNow(b *testing.B) { benchStats(b, benchDB(b), false) }

// BenchmarkFindStatsAll: every case of the store (全部时间), as they are now.
func BenchmarkFindStatsAll(b *testing.B) {
	s := MustOpenStoreAt(b, benchDB(b))
	ctx := context.Background()
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for i := 0; i < b.N; i++ {
		st, err := s.FindStats(ctx, StatsFilter{})
		if err != nil || st.Total == 0 {
			b.Fatalf("%v, %+v", err, st)
		}
	}
}

func benchStats(b *testing.B, path string, asOf bool) {
	s := MustOpenStoreAt(b, path)
	ctx := context.Background()
	p := YearPeriod(2026)
	f := StatsFilter{From: p.From, To: p.To}
	if asOf {
		f.AsOf = p.End()
	}
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for i := 0; i < b.N; i++ {
		st, err := s.FindStats(ctx, f)
		if err != nil || st.Total == 0 {
			b.Fatalf("%v, %+v", err, st)
		}
	}
}

// BenchmarkStatsScreenYear: what the 统计 screen waits for when 年报 2026
// is chosen, FindStats as at the year's end and PeriodReport, run side by
// side as the screen runs them (two background tasks).
func BenchmarkStatsScreenYear(b *testing.B) {
	s := MustOpenStoreAt(b, benchDB(b))
	ctx := context.Background()
	p := YearPeriod(2026)
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for i := 0; i < b.N; i++ {
		var wg sync.WaitGroup
		var err1, err2 error
		wg.Add(2)
		go func() {
			defer wg.Done()
			_, err1 = s.FindStats(ctx, StatsFilter{From: p.From, To: p.To, AsOf: p.End()})
		}()
		go func() { defer wg.Done(); _, err2 = s.PeriodReport(ctx, p) }()
		wg.Wait()
		if err1 != nil || err2 != nil {
			b.Fatal(err1, err2)
		}
	}
}
