package model

import (
	"context"
	"reflect"
	"testing"
	"time"
)

func TestParsePeriod(t *testing.T) {
	for _, tt := range []struct {
		kind       PeriodKind
		in         string
		from, to   string
		prev, name string
	}{
		{PeriodWeek, "2026-W48", "2026-11-23", "2026-11-29", "2026-11-16", "2026年第48周"},
		{PeriodWeek, "2026-W01", "2025-12-29", "2026-01-04", "2025-12-22", "2026年第1周"},
		{PeriodWeek, "2026-W53", "2026-12-28", "2027-01-03", "2026-12-21", "2026年第53周"},
		{PeriodMonth, "2026-03", "2026-03-01", "2026-03-31", "2026-02-01", "2026年3月"},
		{PeriodQuarter, "2026Q1", "2026-01-01", "2026-03-31", "2025-10-01", "2026年第一季度"},
		{PeriodQuarter, "2026q4", "2026-10-01", "2026-12-31", "2026-07-01", "2026年第四季度"},
		{PeriodYear, "2026", "2026-01-01", "2026-12-31", "2025-01-01", "2026年"},
	} {
		p, err := ParsePeriod(tt.kind, tt.in)
		if err != nil {
			t.Fatalf("%s %s: %v", tt.kind, tt.in, err)
		}
		if got := p.From.Format("2006-01-02") + " " + p.To.Format("2006-01-02"); got != tt.from+" "+tt.to {
			t.Errorf("%s: %s, want %s %s", tt.in, got, tt.from, tt.to)
		}
		if got := p.Previous().From.Format("2006-01-02"); got != tt.prev {
			t.Errorf("%s: previous from %s, want %s", tt.in, got, tt.prev)
		}
		if p.Name() != tt.name {
			t.Errorf("%s: name %s, want %s", tt.in, p.Name(), tt.name)
		}
		if p.Previous().Kind != p.Kind || p.Previous().To.AddDate(0, 0, 1) != p.From {
			t.Errorf("%s: previous %+v does not end the day before", tt.in, p.Previous())
		}
	}
	for _, bad := range []struct {
		kind PeriodKind
		in   string
	}{{PeriodWeek, "2025-W53"}, {PeriodWeek, "2026-48"}, {PeriodMonth, "2026-13"}, {PeriodQuarter, "2026Q5"}, {PeriodYear, "26"}} {
		if _, err := ParsePeriod(bad.kind, bad.in); ErrorCode(err) != EINVALID {
			t.Errorf("%s %s: %v, want EINVALID", bad.kind, bad.in, err)
		}
	}
	r, err := RangePeriod(date(2026, 11, 3), date(2026, 11, 20))
	if err != nil {
		t.Fatal(err)
	}
	if p := r.Previous(); p.From != date(2026, 10, 16) || p.To != date(2026, 11, 2) || r.Days() != 18 {
		t.Errorf("range previous %v–%v, days %d", p.From, p.To, r.Days())
	}
	if got := YearPeriod(2026).Span(); got != "2026年1月1日—12月31日" {
		t.Errorf("span %s", got)
	}
}

func TestChangeText(t *testing.T) {
	for _, tt := range []struct {
		c    Change
		want string
	}{{Change{7, 5}, "增加 40.0%"}, {Change{97, 100}, "减少 3.0%"}, {Change{5, 5}, "持平"}, {Change{3, 0}, "—"}} {
		if got := tt.c.Text(); got != tt.want {
			t.Errorf("%+v: %s, want %s", tt.c, got, tt.want)
		}
	}
}

// reportFixture stores the hand-counted month of TestPeriodReport: five
// cases in October 2026 and eight in November, the clock at 2026-12-10.
func reportFixture(t *testing.T) *Store {
	t.Helper()
	ctx := context.Background()
	s := MustOpenStore(t)
	s.SetNow(func() time.Time { return date(2026, 12, 10).Add(10 * time.Hour) })
	for _, name := range []string{"县住建局", "县交通局", "县教育局", "县卫健局"} {
		if err := s.CreateDepartment(ctx, &Department{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	move := func(c *Case, tr Transition) {
		t.Helper()
		if _, err := s.TransitionCase(ctx, c.ID, tr); err != nil {
			t.Fatalf("%s %s: %v", tr.Action, c.Title, err)
		}
	}
	at := func(m time.Month, d int) time.Time { return date(2026, m, d).Add(9 * time.Hour) }
	assign := func(c Case, day int, due time.Time, depts ...string) *Case {
		c.Collected = at(11, day)
		cs := mustCreateCase(t, s, c)
		move(cs, Transition{Action: ActionAssign, Departments: depts, Due: due, At: at(11, day)})
		return cs
	}
	reply := func(c *Case, on time.Time, dept string) {
		move(c, Transition{Action: ActionReply, Reply: "已处理", RepliedOn: on, ReplyDept: dept, At: on.Add(10 * time.Hour)})
	}
	visit := func(c *Case, result string, on time.Time) {
		t.Helper()
		if _, err := s.UpdateCase(ctx, c.ID, CaseUpdate{VisitResult: &result, VisitedAt: &on}); err != nil {
			t.Fatal(err)
		}
	}
	for d := 1; d <= 5; d++ { // October: five cases, left 待研判
		mustCreateCase(t, s, Case{Title: "十月", Source: "微博", Collected: at(10, d*5)})
	}
	// c1 住建: replied on time, closed in the month, 满意.
	c1 := assign(Case{Title: "c1", Source: "微博", Kind: "投诉", Domain: "城建", Area: "城关镇"}, 2, date(2026, 11, 10), "县住建局")
	reply(c1, date(2026, 11, 9), "县住建局")
	move(c1, Transition{Action: ActionClose, At: at(11, 12)})
	visit(c1, VisitSatisfied, date(2026, 11, 20))
	// c2 住建 and 交通: replied late; its 不满意 回访 on 12-05 is after the end.
	c2 := assign(Case{Title: "c2", Source: "微博", Kind: "投诉", Domain: "交通", Area: "城关镇"}, 3, date(2026, 11, 6), "县住建局", "县交通局")
	reply(c2, date(2026, 11, 9), "县交通局")
	visit(c2, VisitDissatisfied, date(2026, 12, 5))
	// c3 交通: replied, 退回重办, overdue since 11-13.
	c3 := assign(Case{Title: "c3", Source: "12345", Kind: "求助", Domain: "交通", Area: "河西乡"}, 4, date(2026, 11, 13), "县交通局")
	reply(c3, date(2026, 11, 6), "")
	move(c3, Transition{Action: ActionReturn, Note: "答复不完整", At: at(11, 8)})
	// c4 教育: replied and closed in December, so overdue and unanswered at the end.
	c4 := assign(Case{Title: "c4", Source: "12345", Kind: "咨询", Domain: "教育", Area: "河西乡"}, 5, date(2026, 11, 20), "县教育局")
	reply(c4, date(2026, 12, 2), "")
	move(c4, Transition{Action: ActionClose, At: at(12, 3)})
	// c5 教育: within its 时限 at the end.
	assign(Case{Title: "c5", Source: "抖音", Kind: "咨询", Domain: "教育", Area: "城关镇"}, 25, date(2026, 12, 5), "县教育局")
	// c6: 待研判, 负面, 较大, 重点.
	mustCreateCase(t, s, Case{Title: "c6", Source: "抖音", Kind: "投诉", Domain: "城建", Area: "城关镇",
		Sentiment: "负面", Risk: "较大", Important: true, Collected: at(11, 26)})
	// c7: collected in November, assigned in December: 待研判 at the end.
	c7 := mustCreateCase(t, s, Case{Title: "c7", Source: "微博", Kind: "建议", Domain: "三农", Area: "河西乡", Collected: at(11, 29)})
	move(c7, Transition{Action: ActionAssign, Departments: []string{"县教育局"}, Due: date(2026, 12, 15), At: at(12, 1)})
	// c8: 30 November, no department yet.
	mustCreateCase(t, s, Case{Title: "c8", Source: "微博", Kind: "建议", Domain: "三农", Area: "河西乡", Collected: at(11, 30)})
	return s
}

// TestPeriodReport checks November 2026 of reportFixture against figures
// counted by hand.
func TestPeriodReport(t *testing.T) {
	s := reportFixture(t)
	r, err := s.PeriodReport(context.Background(), MonthPeriod(2026, 11))
	if err != nil {
		t.Fatal(err)
	}
	f := r.Cur
	if f.Total != 8 || r.Prev.Total != 5 || r.Change().Text() != "增加 60.0%" {
		t.Errorf("total %d, previous %d, 环比 %s; want 8, 5, 增加 60.0%%", f.Total, r.Prev.Total, r.Change().Text())
	}
	h := f.Handling
	h.replyDays, h.replyTimed = 0, 0
	// c1–c5 assigned (c7 only in December); c1, c2 replied (c4's reply is
	// after the end, c3's was sent back); c1 on time; c3, c4 overdue; c1
	// closed; c1's 满意 the only 回访 by the end.
	want := Handling{Assigned: 5, Replied: 2, OnTime: 1, Late: 1, OverdueUnreplied: 2, Closed: 1, Visited: 1, Satisfied: 1,
		OnTimeOriginal: 1, OverdueOriginal: 2}
	if h != want {
		t.Errorf("handling %+v\n want %+v", h, want)
	}
	for _, c := range []struct{ name, got, want string }{
		{"回复率 2/5", f.Handling.ReplyRate().Text(), "40.0%"},
		{"按期回复率 1/(2+2)", f.Handling.OnTimeRate().Text(), "25.0%"},
		{"办结率 1/5", f.Handling.CloseRate().Text(), "20.0%"},
		{"满意率 1/1", f.Handling.SatisfactionRate().Text(), "100.0%"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %s, want %s", c.name, c.got, c.want)
		}
	}
	if f.HighRisk != 1 || f.Negative != 1 || f.Returned != 1 || len(f.Highlights) != 1 || f.Highlights[0].Title != "c6" {
		t.Errorf("high risk %d, negative %d, returned %d, highlights %d", f.HighRisk, f.Negative, f.Returned, len(f.Highlights))
	}
	wantSource := []Count{{"微博", 4}, {"12345", 2}, {"抖音", 2}}
	if !reflect.DeepEqual(f.BySource, wantSource) {
		t.Errorf("by source %v, want %v", f.BySource, wantSource)
	}
	wantKind := []Count{{"投诉", 3}, {"咨询", 2}, {"建议", 2}, {"求助", 1}}
	if !reflect.DeepEqual(f.ByKind, wantKind) {
		t.Errorf("by kind %v, want %v", f.ByKind, wantKind)
	}
	if len(f.ByDay) != 30 || f.ByDay[1] != (Count{"2026-11-02", 1}) || len(f.ByMonth) != 1 || f.ByMonth[0].N != 8 {
		t.Errorf("by day %v, by month %v", f.ByDay, f.ByMonth)
	}
	// 住建 c1, c2: 1/(2+0) 50%; 交通 c2, c3: 0/(1+1); 教育 c4, c5: 0/(0+1):
	// 交通 and 教育 tie at 0.0% for 2nd; 卫健 has nothing assigned: —.
	wantRows := []DepartmentRow{
		{Name: "县住建局", Assigned: 2, Replied: 2, OnTime: 1, Closed: 1, Rank: 1},
		{Name: "县交通局", Assigned: 2, Replied: 1, OverdueUnreplied: 1, Rank: 2},
		{Name: "县教育局", Assigned: 2, OverdueUnreplied: 1, Rank: 2},
		{Name: "县卫健局", Rank: 0},
	}
	if !reflect.DeepEqual(f.Departments, wantRows) {
		t.Errorf("departments\n %+v\nwant %+v", f.Departments, wantRows)
	}
	for i, w := range []string{"50.0%", "0.0%", "0.0%", "—"} {
		if got := f.Departments[i].OnTimeRate().Text(); got != w {
			t.Errorf("%s rate %s, want %s", f.Departments[i].Name, got, w)
		}
	}
	if f.Departments[3].RankText() != "—" || f.Departments[2].RankText() != "2" {
		t.Errorf("rank texts %s %s", f.Departments[2].RankText(), f.Departments[3].RankText())
	}
	if tot := f.TotalRow(); tot.Assigned != 5 || tot.Replied != 2 || tot.OnTime != 1 || tot.OverdueUnreplied != 2 || tot.Closed != 1 {
		t.Errorf("合计 %+v (each case once)", tot)
	}
	// The same month a week later in December counts c4's reply no more.
	dec, err := s.PeriodFigures(context.Background(), MonthPeriod(2026, 12), false)
	if err != nil {
		t.Fatal(err)
	}
	if dec.Total != 0 || !dec.AsOf.Equal(date(2026, 12, 10)) {
		t.Errorf("December: %d cases as of %v", dec.Total, dec.AsOf)
	}
}

func TestRankDepartmentsTies(t *testing.T) {
	rows := []DepartmentRow{
		{Name: "丁", OnTime: 1, Replied: 3},                      // 1/3
		{Name: "甲", OnTime: 2, Replied: 6},                      // 2/6 = 1/3
		{Name: "乙", OnTime: 3, Replied: 3},                      // 1
		{Name: "丙"},                                             // —
		{Name: "戊", OnTime: 0, Replied: 1},                      // 0
		{Name: "己", OnTime: 1, Replied: 2, OverdueUnreplied: 4}, // 1/6
	}
	RankDepartments(rows)
	var got []string
	for _, r := range rows {
		got = append(got, r.Name+r.RankText())
	}
	want := []string{"乙1", "丁2", "甲2", "己4", "戊5", "丙—"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ranks %v, want %v", got, want)
	}
}

func TestFastTime(t *testing.T) {
	for _, v := range []string{"2026-11-28T01:30:05.123456789Z", "2026-02-28T23:59:59.000000000Z", "", "2026-11-28 01:30"} {
		var a, b timeScanner
		got, want := a.fast(v), b.dt(ns(v))
		if !got.Equal(want) || got.Location() != want.Location() || (a.err == nil) != (b.err == nil) {
			t.Errorf("%q: fast %v (%v), dt %v (%v)", v, got, a.err, want, b.err)
		}
	}
}
