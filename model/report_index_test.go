package model

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// queryPlan is the EXPLAIN QUERY PLAN of q, one line a step.
func queryPlan(t *testing.T, s *Store, q string, args ...any) []string {
	t.Helper()
	rows, err := s.rdb.Query(`EXPLAIN QUERY PLAN `+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	return plan
}

// TestPeriodQueriesUseTheirIndexes: the period's cases are read from the
// index cases_period alone (its expression is periodCaseText): no row of
// the table, no format per case; a change to either side that broke the
// match would leave the figures right but several times slower. The 退回重办
// are read from their partial index, not looked up for each case.
func TestPeriodQueriesUseTheirIndexes(t *testing.T) {
	s := MustOpenStore(t)
	plan := queryPlan(t, s, periodCasesQuery, "2026-01-01", "2027-01-01")
	if len(plan) != 1 || !strings.Contains(plan[0], "USING COVERING INDEX cases_period (collected>? AND collected<?)") {
		t.Errorf("cases: plan %q, want one search of cases_period as a covering index", plan)
	}
	plan = queryPlan(t, s, returnedQuery, "2026-01-01", "2027-01-01", "2027-01-01")
	if len(plan) == 0 || !strings.HasPrefix(plan[0], "SCAN e USING ") || !strings.HasSuffix(plan[0], "INDEX case_events_return") {
		t.Errorf("退回重办: plan %q, want the scan of case_events_return first", plan)
	}
	var calls int // functions the query calls per row: none, format is the index's
	ops, err := s.rdb.Query(`EXPLAIN `+periodCasesQuery, "2026-01-01", "2027-01-01")
	if err != nil {
		t.Fatal(err)
	}
	defer ops.Close()
	for ops.Next() {
		var addr, p1, p2, p3, p5 int
		var op string
		var p4, comment any
		if err := ops.Scan(&addr, &op, &p1, &p2, &p3, &p4, &p5, &comment); err != nil {
			t.Fatal(err)
		}
		if (op == "Function" || op == "PureFunc") && !strings.HasPrefix(fmt.Sprint(p4), "char(") {
			calls++
			t.Logf("%d %s %v", addr, op, p4)
		}
	}
	if calls != 0 {
		t.Errorf("%d function calls in the query, want none (the index holds the text)", calls)
	}
}

// TestPeriodFiguresMatchEveryCase compares PeriodFigures with the figures
// counted from every case read whole, on 600 generated cases in every
// state (imported without times, closed without a reply time, replies,
// closings and 回访 after the end, 延期, several departments), some
// changed after they were written, over periods that cut months, weeks and
// the day at midnight.
func TestPeriodFiguresMatchEveryCase(t *testing.T) {
	s := MustOpenStore(t)
	now := date(2026, 12, 10).Add(10 * time.Hour)
	s.SetNow(func() time.Time { return now })
	ctx := context.Background()
	for _, name := range []string{"县住建局", "县交通局", "县民政局"} {
		if err := s.CreateDepartment(ctx, &Department{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	writeRandomCases(t, s, 600)
	cs, _, err := s.FindCases(ctx, CaseFilter{Status: StatusAssigned, Limit: 30})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cs { // answered and sent back after they were written
		if c.AssignedAt.After(now) {
			continue
		}
		tr := Transition{Action: ActionReply, Reply: "已处理", At: now.Add(-time.Duration(i) * time.Minute)}
		if _, err := s.TransitionCase(ctx, c.ID, tr); err != nil {
			t.Fatalf("reply %d: %v", c.ID, err)
		}
		if i%3 == 0 {
			if _, err := s.TransitionCase(ctx, c.ID, Transition{Action: ActionReturn, Note: "不完整", At: tr.At.Add(time.Hour)}); err != nil {
				t.Fatalf("return %d: %v", c.ID, err)
			}
		}
	}
	w48, _ := ParsePeriod(PeriodWeek, "2026-W48")
	q4, _ := ParsePeriod(PeriodQuarter, "2026Q4")
	r, err := RangePeriod(date(2026, 10, 28), date(2026, 11, 3))
	if err != nil {
		t.Fatal(err)
	}
	returned := 0
	for _, p := range []Period{YearPeriod(2026), q4, MonthPeriod(2026, 10), MonthPeriod(2026, 11), MonthPeriod(2026, 12),
		MonthPeriod(2026, 8), w48, r} {
		got, err := s.PeriodFigures(ctx, p, true)
		if err != nil {
			t.Fatal(err)
		}
		want := referenceFigures(t, s, p)
		if want.Total == 0 && p.Kind != PeriodMonth {
			t.Fatalf("%s: no cases, the test counts nothing", p.Name())
		}
		compareFigures(t, p.Name(), got, want)
		returned += want.Returned
	}
	if returned == 0 {
		t.Error("no 退回重办 counted in any period: the test checks nothing of them")
	}
}

// writeRandomCases writes n cases in random states with the store's bulk
// writer, as an import does: any state, times or none.
func writeRandomCases(t *testing.T, s *Store, n int) {
	t.Helper()
	ctx := context.Background()
	r := rand.New(rand.NewPCG(13, 14))
	pick := func(a ...string) string { return a[r.IntN(len(a))] }
	maybe := func(pct int) bool { return r.IntN(100) < pct }
	tx, err := s.beginWrite(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	w := newCaseWriter(tx)
	start := date(2026, 9, 25)
	for i := 0; i < n; i++ {
		collected := start.Add(time.Duration(r.IntN(86*24*60)) * time.Minute)
		switch i % 40 { // the edges of days and months
		case 1:
			collected = date(2026, 11, 1)
		case 2:
			collected = date(2026, 11, 1).Add(-time.Nanosecond)
		case 3:
			collected = date(2026, 12, 1).Add(-time.Millisecond)
		}
		c := Case{Title: fmt.Sprintf("案件 %d", i), Collected: collected, CreatedAt: collected, UpdatedAt: collected,
			Source: pick(Sources...), Kind: pick("", "投诉", "求助", "咨询"), Domain: pick("城建", "交通", "教育", ""),
			Area: pick("城关镇", "河西乡", "", "南山镇"), Risk: pick("", "一般", "较大", "重大", "特别重大"),
			Sentiment: pick("", "正面", "中性", "负面"), Important: maybe(10), Status: StatusPending}
		if maybe(5) {
			c.Departments = []string{"县教育局"} // 待研判 with a department named (an import)
		}
		if maybe(75) {
			c.Status = StatusAssigned
			c.Departments = nil
			for _, d := range []string{"县住建局", "县交通局", "县教育局", "县卫健局"} {
				if maybe(35) || d == "县卫健局" && len(c.Departments) == 0 {
					c.Departments = append(c.Departments, d)
				}
			}
			if !maybe(10) { // imported: no 交办时间
				c.AssignedAt = collected.Add(time.Duration(r.IntN(72)) * time.Hour)
			}
			c.Due = Day(collected.Add(72*time.Hour)).AddDate(0, 0, r.IntN(18))
			if maybe(15) {
				c.OriginalDue, c.Due = c.Due, c.Due.AddDate(0, 0, 1+r.IntN(10))
			}
			answered := collected.Add(time.Duration(24+r.IntN(30*24)) * time.Hour)
			if maybe(60) {
				c.Status, c.Reply, c.ReplyDept = StatusReplied, "已处理", c.Departments[0]
				if !maybe(10) {
					c.RepliedAt = answered
				}
				if maybe(50) {
					c.Status = StatusClosed
					if maybe(10) || !c.RepliedAt.IsZero() && maybe(80) {
						c.ClosedAt = answered.Add(time.Duration(r.IntN(10*24)) * time.Hour)
					}
					if maybe(10) {
						c.RepliedAt = time.Time{} // closed without a reply time: the closing answered
					}
					if maybe(50) {
						c.VisitResult = pick(VisitSatisfied, VisitFairlySatisfied, VisitDissatisfied, VisitNone)
						if !maybe(10) {
							c.VisitedAt = answered.Add(time.Duration(r.IntN(20*24)) * time.Hour)
						}
					}
				}
			}
		}
		if err := w.create(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.flush(ctx); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// referenceFigures counts p the plain way: every case of the period read
// whole and turned back to where it stood at the end.
func referenceFigures(t *testing.T, s *Store, p Period) *PeriodFigures {
	t.Helper()
	ctx := context.Background()
	tx, err := s.beginRead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	cal, err := loadCalendar(ctx, tx)
	if err != nil {
		t.Fatal(err)
	}
	end, judged, day := p.End(), p.End(), Day(p.To)
	if today := Day(s.now()); today.Before(judged) {
		judged, day = today, today
	}
	cs, err := queryCases(ctx, tx, `SELECT `+caseColumns+caseFrom+` WHERE c.collected >= ? AND c.collected < ? ORDER BY c.id`,
		dbTime(p.From), dbTime(end))
	if err != nil {
		t.Fatal(err)
	}
	f := &PeriodFigures{Period: p, AsOf: day}
	source, kind, domain, area, risk, days, months := map[string]int{}, map[string]int{}, map[string]int{},
		map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	depts := map[string]*DepartmentRow{}
	names, err := s.FindDepartments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range names {
		depts[d.Name] = &DepartmentRow{Name: d.Name}
	}
	var high []*Case
	for _, c := range cs {
		asOf(c, end)
		f.Total++
		source[c.Source]++
		kind[c.Kind]++
		domain[c.Domain]++
		area[c.Area]++
		risk[c.Risk]++
		days[c.Collected.Format("2006-01-02")]++
		months[c.Collected.Format("2006-01")]++
		if riskRank(c.Risk) >= 0 {
			f.HighRisk++
		}
		if c.Important || riskRank(c.Risk) >= 0 {
			high = append(high, c)
		}
		if c.Sentiment == "负面" {
			f.Negative++
		}
		f.Handling.add(c, cal, judged)
		for _, name := range c.Departments {
			d := depts[name]
			if d == nil {
				d = &DepartmentRow{Name: name}
				depts[name] = d
			}
			if c.Status == StatusPending {
				continue
			}
			d.Assigned++
			d.Replied += b2i(c.Replied())
			d.OnTime += b2i(c.RepliedOnTime())
			d.OverdueUnreplied += b2i(c.Overdue(judged))
			d.Closed += b2i(c.Status == StatusClosed)
		}
		var returned int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM case_events WHERE case_id = ? AND action = ? AND at < ?`,
			c.ID, ActionReturn, dbTime(end)).Scan(&returned); err != nil {
			t.Fatal(err)
		}
		f.Returned += returned
	}
	most := func(a, b Count) bool { return a.N > b.N || a.N == b.N && a.Label < b.Label }
	f.BySource, f.ByKind, f.ByDomain, f.ByArea = sortedCounts(source, most), sortedCounts(kind, most), sortedCounts(domain, most), sortedCounts(area, most)
	for _, r := range RiskLevels {
		f.ByRisk = append(f.ByRisk, Count{r, risk[r]})
		delete(risk, r)
	}
	f.ByRisk = append(f.ByRisk, sortedCounts(risk, most)...)
	for d := p.From; !d.After(p.To); d = d.AddDate(0, 0, 1) {
		f.ByDay = append(f.ByDay, Count{d.Format("2006-01-02"), days[d.Format("2006-01-02")]})
		if d.Equal(p.From) || d.Day() == 1 {
			f.ByMonth = append(f.ByMonth, Count{d.Format("2006-01"), months[d.Format("2006-01")]})
		}
	}
	for _, d := range depts {
		f.Departments = append(f.Departments, *d)
	}
	sort.Slice(f.Departments, func(i, j int) bool { return f.Departments[i].Name < f.Departments[j].Name })
	RankDepartments(f.Departments)
	mark := func(c *Case) highlight {
		r := riskRank(c.Risk)
		if r < 0 {
			r = 3
		}
		return highlight{c.ID, c.Important, r, c.Collected}
	}
	sort.Slice(high, func(i, j int) bool { return mark(high[i]).before(mark(high[j])) })
	f.HighlightN = len(high)
	f.Highlights = high[:min(len(high), MaxHighlights)]
	return f
}

// compareFigures reports each figure of got that differs from want.
func compareFigures(t *testing.T, name string, got, want *PeriodFigures) {
	t.Helper()
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"total", got.Total, want.Total}, {"as of", got.AsOf, want.AsOf},
		{"by source", got.BySource, want.BySource}, {"by kind", got.ByKind, want.ByKind},
		{"by domain", got.ByDomain, want.ByDomain}, {"by area", got.ByArea, want.ByArea},
		{"by risk", got.ByRisk, want.ByRisk}, {"by day", got.ByDay, want.ByDay}, {"by month", got.ByMonth, want.ByMonth},
		{"handling", got.Handling, want.Handling}, {"high risk", got.HighRisk, want.HighRisk},
		{"negative", got.Negative, want.Negative}, {"returned", got.Returned, want.Returned},
		{"departments", got.Departments, want.Departments}, {"highlights", got.HighlightN, want.HighlightN},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: %s\n got %+v\nwant %+v", name, c.what, c.got, c.want)
		}
	}
	var g, w []string
	for _, c := range got.Highlights {
		g = append(g, fmt.Sprintf("%d %s", c.ID, c.Status))
	}
	for _, c := range want.Highlights {
		w = append(w, fmt.Sprintf("%d %s", c.ID, c.Status))
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("%s: highlights\n got %v\nwant %v", name, g, w)
	}
}

// TestCaseMarksFind: marks are found by id whether the ids are close
// together (a table by id) or far apart (in id order), added in any order.
func TestCaseMarksFind(t *testing.T) {
	for _, tt := range []struct {
		name string
		ids  []int64
	}{
		{"close", []int64{7, 3, 5, 4, 9}},
		{"far apart", []int64{1 << 40, 3, 1 << 20, 12, 1<<62 + 5}},
	} {
		var m caseMarks
		for i, id := range tt.ids {
			m.add(id, caseMark{assigned: true, replied: i%2 == 0})
		}
		m.index()
		for i, id := range tt.ids {
			if k, ok := m.find(id); !ok || !k.assigned || k.replied != (i%2 == 0) {
				t.Errorf("%s: find(%d) = %+v, %v", tt.name, id, k, ok)
			}
		}
		for _, id := range []int64{0, 2, 6, 8, 10, 1<<40 + 1, -1} {
			if k, ok := m.find(id); ok {
				t.Errorf("%s: find(%d) = %+v, want none", tt.name, id, k)
			}
		}
	}
}
