package model

import (
	"context"
	"reflect"
	"sort"
	"testing"
	"time"
)

// TestFindStatsMatchEveryCase compares FindStats with the figures counted
// from every case read whole (queryCases, the departments of each case), on
// the 600 random cases of TestPeriodFiguresMatchEveryCase (every state,
// times or none, 延期, several departments, 待研判 naming one) and a few
// outside them, counted as they are now and as at the period's end, over a
// year, months, days cut at midnight (read by the join of the departments,
// the months by their lists), periods open at either end or both, and a
// "today" before the period's end.
func TestFindStatsMatchEveryCase(t *testing.T) {
	s := MustOpenStore(t)
	now := date(2026, 12, 10).Add(10 * time.Hour)
	s.SetNow(func() time.Time { return now })
	ctx := context.Background()
	writeRandomCases(t, s, 600)
	for _, c := range []*Case{ // far from the others: the open ends reach them
		{Title: "早年案件", Collected: date(2019, 3, 4).Add(8 * time.Hour), Source: "网络", Status: StatusPending},
		{Title: "明年案件", Collected: date(2027, 2, 1), Source: "来信", Status: StatusPending},
	} {
		c.CreatedAt, c.UpdatedAt = c.Collected, c.Collected
		if err := s.CreateCase(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	year := YearPeriod(2026)
	filters := map[string]StatsFilter{
		"全年":       {From: year.From, To: year.To},
		"全年·期末":    {From: year.From, To: year.To, AsOf: year.End()},
		"全部时间":     {},
		"全部时间·此刻":  {AsOf: now},
		"自十一月起":    {From: date(2026, 11, 1)},
		"至十月底·期末":  {To: date(2026, 10, 31), AsOf: date(2026, 11, 1)},
		"十一月三日":    {From: date(2026, 11, 3), To: date(2026, 11, 3), AsOf: date(2026, 11, 4)},
		"跨月两天":     {From: date(2026, 10, 31), To: date(2026, 11, 1)},
		"十二月·早于期末": {From: date(2026, 12, 1), To: date(2026, 12, 31), AsOf: date(2027, 1, 1), Now: date(2026, 12, 5)},
	}
	for _, m := range []time.Month{9, 10, 11, 12} {
		p := MonthPeriod(2026, m)
		filters[p.Name()] = StatsFilter{From: p.From, To: p.To, AsOf: p.End()}
	}
	for name, f := range filters {
		got, err := s.FindStats(ctx, f)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := referenceStats(t, s, f)
		if want.Total == 0 {
			t.Fatalf("%s: no cases, the test counts nothing", name)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", name, got, want)
		}
	}
}

// referenceStats counts f the plain way: every case of the period read
// whole, turned back to where it stood at f.AsOf when set.
func referenceStats(t *testing.T, s *Store, f StatsFilter) *Stats {
	t.Helper()
	ctx := context.Background()
	if f.Now.IsZero() {
		f.Now = s.now()
	}
	tx, err := s.beginRead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	cal, err := loadCalendar(ctx, tx)
	if err != nil {
		t.Fatal(err)
	}
	today := Day(f.Now)
	if !f.AsOf.IsZero() && f.AsOf.Before(today) {
		today = f.AsOf
	}
	where, args := caseWhere(CaseFilter{From: f.From, To: f.To})
	cs, err := queryCases(ctx, tx, `SELECT `+caseColumns+caseFrom+where+` ORDER BY c.id`, args...)
	if err != nil {
		t.Fatal(err)
	}
	st := &Stats{}
	status, source, month, kind, sentiment := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	depts := map[string]*DepartmentStats{}
	for _, c := range cs {
		if !f.AsOf.IsZero() {
			asOf(c, f.AsOf)
		}
		st.Total++
		status[string(c.Status)]++
		source[c.Source]++
		month[c.Collected.Format("2006-01")]++
		kind[c.Kind]++
		sentiment[c.Sentiment]++
		if c.Overdue(today) {
			st.Overdue++
		}
		st.Handling.add(c, cal, today)
		if !f.AsOf.IsZero() && c.Status == StatusPending {
			continue
		}
		for _, name := range c.Departments {
			d := depts[name]
			if d == nil {
				d = &DepartmentStats{Name: name}
				depts[name] = d
			}
			d.Assigned++
			if c.Status == StatusReplied || c.Status == StatusClosed {
				d.Replied++
				at := c.RepliedAt
				if at.IsZero() {
					at = c.ClosedAt
				}
				if c.Due.IsZero() || !Day(at).After(c.Due) {
					d.OnTime++
				}
			}
			if c.Overdue(today) {
				d.Overdue++
			}
		}
	}
	for _, s := range []CaseStatus{StatusPending, StatusAssigned, StatusReplied, StatusClosed} {
		st.ByStatus = append(st.ByStatus, Count{string(s), status[string(s)]})
	}
	most := func(a, b Count) bool { return a.N > b.N || a.N == b.N && a.Label < b.Label }
	st.BySource = sortedCounts(source, most)
	st.ByMonth = sortedCounts(month, func(a, b Count) bool { return a.Label < b.Label })
	st.ByKind = sortedCounts(kind, most)
	st.BySentiment = sentimentCounts(sentiment)
	names := make([]string, 0, len(depts))
	for n := range depts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		st.Departments = append(st.Departments, *depts[n])
	}
	return st
}
