package model

import (
	"context"
	"os"
	"sync"
	"testing"
)

// BenchmarkPeriodReportYear: the year's figures of the 通报 and the 统计
// screen (this year and the year before, 附表, 重点 cases) on the generated
// database (-benchdb, 100,000 cases by default).
func BenchmarkPeriodReportYear(b *testing.B) { benchPeriodReport(b, benchDB(b)) }

// BenchmarkPeriodReportYearHandled: the same on a copy of the generated
// database whose cases were handled as in a real store (handledBenchDB):
// replies, closings, 回访 and a timeline, which the generated cases lack.
func BenchmarkPeriodReportYearHandled(b *testing.B) { benchPeriodReport(b, handledBenchDB(b)) }

func benchPeriodReport(b *testing.B, path string) {
	s := MustOpenStoreAt(b, path)
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

// handling makes the generated cases look handled: of the assigned, eight
// in ten replied 0–14 days later, half of those closed two days after, a
// quarter visited; every case has its 登记, an assigned one its 交办, a
// 催办 and a 交办单 (2.5 events a case), one in 50 was sent back.
const handling = `
INSERT INTO case_events (case_id, at, action, from_status, to_status) SELECT id, collected, '登记', '', '待研判' FROM cases;
INSERT INTO case_events (case_id, at, action, from_status, to_status)
	SELECT id, assigned_at, '交办', '待研判', '已交办' FROM cases WHERE assigned_at IS NOT NULL;
INSERT INTO case_events (case_id, at, action, note) SELECT id, assigned_at, '催办', '请尽快办理' FROM cases WHERE assigned_at IS NOT NULL;
INSERT INTO case_events (case_id, at, action, note) SELECT id, assigned_at, '交办单', '已印发' FROM cases WHERE assigned_at IS NOT NULL;
INSERT INTO case_events (case_id, at, action, note)
	SELECT id, assigned_at, '退回重办', '答复不完整' FROM cases WHERE id % 50 = 0 AND assigned_at IS NOT NULL;
UPDATE cases SET status = '已回复',
	replied_at = strftime('%Y-%m-%dT%H:%M:%S.000000000Z', assigned_at, '+' || (id % 15) || ' days')
	WHERE assigned_at IS NOT NULL AND id % 10 < 8;
UPDATE cases SET status = '已办结', closed_at = strftime('%Y-%m-%dT%H:%M:%S.000000000Z', replied_at, '+2 days')
	WHERE status = '已回复' AND id % 2 = 0;
UPDATE cases SET visit_result = '满意', visited_at = closed_at WHERE status = '已办结' AND id % 4 = 0;`

var (
	handledOnce sync.Once
	handledPath string
	handledErr  error
)

// handledBenchDB returns the path of the handled copy of the generated
// database, beside it (kept with -benchdb, and used as it is when it
// exists), built first.
func handledBenchDB(tb testing.TB) string {
	tb.Helper()
	src := benchDB(tb)
	handledOnce.Do(func() {
		handledPath = src + ".handled.db"
		if _, err := os.Stat(handledPath); err == nil {
			return
		}
		s, err := Open(src)
		if err != nil {
			handledErr = err
			return
		}
		_, handledErr = s.wdb.Exec(`VACUUM INTO ?`, handledPath)
		if err := s.Close(); handledErr == nil {
			handledErr = err
		}
		if handledErr != nil {
			return
		}
		if s, handledErr = Open(handledPath); handledErr != nil {
			return
		}
		_, handledErr = s.wdb.Exec(handling)
		if err := s.Close(); handledErr == nil {
			handledErr = err
		}
	})
	if handledErr != nil {
		os.Remove(handledPath)
		tb.Fatalf("handled benchmark database: %v", handledErr)
	}
	return handledPath
}
