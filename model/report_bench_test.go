package model

import (
	"context"
	"testing"
)

// BenchmarkPeriodReportYear: the year's figures of the 通报 and the 统计
// screen (this year and the year before, 附表, 重点 cases) on the generated
// database (-benchdb, 100,000 cases by default).
func BenchmarkPeriodReportYear(b *testing.B) {
	s := MustOpenStoreAt(b, benchDB(b))
	ctx := context.Background()
	p := YearPeriod(2026)
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for i := 0; i < b.N; i++ {
		r, err := s.PeriodReport(ctx, p)
		if err != nil || r.Cur.Total == 0 {
			b.Fatalf("%v, %+v", err, r)
		}
	}
}
