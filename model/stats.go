package model

import (
	"context"
	"fmt"
	"sort"
	"time"
)

// Stats are the figures of the 统计 screen over the cases collected in a
// period.
type Stats struct {
	Total       int
	ByStatus    []Count           // the four statuses, in order
	Overdue     int               // past due and not replied, as of Now
	BySource    []Count           // most first
	ByMonth     []Count           // "2026-11", in order, months with cases only
	Departments []DepartmentStats // by name

	Handling    Handling // 回复率, 按期回复率, 办结率, 满意率 and their counts, each case once
	BySentiment []Count  // 正面, 中性, 负面, then 未标注
	ByKind      []Count  // 诉求类型, most first; "" for none
}

// DepartmentStats are one department's figures. A reply is on time when its
// day is not after the due date.
type DepartmentStats struct {
	Name     string
	Assigned int // cases assigned to it (a case may name several departments)
	Replied  int // of those, replied or closed
	OnTime   int // of those replied, on time
	Overdue  int // past due and not replied
}

// ReplyDue is how many of its cases owe a reply by now (应回复): those
// replied and those overdue without a reply. A case still within its time
// limit and unanswered owes none yet.
func (d DepartmentStats) ReplyDue() int { return d.Replied + d.Overdue }

// OnTimeRate is OnTime/ReplyDue (按时回复率), or 0 when no reply is due.
// Dividing by the replies alone would read 100% while many cases are
// overdue and unanswered.
func (d DepartmentStats) OnTimeRate() float64 {
	if d.ReplyDue() == 0 {
		return 0
	}
	return float64(d.OnTime) / float64(d.ReplyDue())
}

// StatsFilter chooses the period by 收集时间, inclusive days; zero = open.
type StatsFilter struct {
	From, To time.Time
	Now      time.Time // "today" for overdue; zero = the store's clock
	// AsOf counts the cases as they stood at this instant, as the 通报 does
	// at its period's end: a 交办, reply, 办结 or 回访 at or after it is
	// undone, and overdue is judged at it (or at Now, when earlier). Zero
	// counts them as they are now.
	AsOf time.Time
}

// FindStats counts the cases of a period by status, source, month and
// department. Months are calendar months in local time. The cases are read
// as the 通报 reads them (eachCollectedCase: from the index cases_period,
// no row of the table), and each case's departments as PeriodFigures reads
// them.
func (s *Store) FindStats(ctx context.Context, f StatsFilter) (*Stats, error) {
	if f.Now.IsZero() {
		f.Now = s.now()
	}
	var from, to time.Time // as caseWhere bounds 收集时间
	if !f.From.IsZero() {
		from = Day(f.From)
	}
	if !f.To.IsZero() {
		to = Day(f.To).AddDate(0, 0, 1)
	}
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find stats: %w", err)
	}
	defer tx.Rollback()
	st := &Stats{}
	cal, err := loadCalendar(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("find stats: %w", err)
	}
	judged := Day(f.Now)
	if !f.AsOf.IsZero() && f.AsOf.Before(judged) {
		judged = f.AsOf
	}
	t := newStatsTally(st, cal, f.AsOf, judged)
	if err := eachCollectedCase(ctx, tx, from, to, t.add); err != nil {
		return nil, fmt.Errorf("find stats: %w", err)
	}
	t.finish()
	if err := departmentStats(ctx, tx, st, from, to, &t.marks); err != nil {
		return nil, fmt.Errorf("find stats: %w", err)
	}
	return st, nil
}

// sortedCounts turns a map into counts sorted by less.
func sortedCounts(m map[string]int, less func(a, b Count) bool) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{k, n})
	}
	sort.Slice(out, func(i, j int) bool { return less(out[i], out[j]) })
	return out
}
