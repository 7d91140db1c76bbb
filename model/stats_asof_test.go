package model

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestFindStatsAsOf: the 统计 screen's figures of November 2026 counted as
// at the period's end (StatsFilter.AsOf) are the 通报's: the same total,
// the same handling figures each case once, and each department's 交办,
// 已回复, 按期回复 and 逾期未回复 those of the 附表. Counted as now they are
// not (c4 was replied in December, c7 assigned in December).
func TestFindStatsAsOf(t *testing.T) {
	ctx := context.Background()
	s := reportFixture(t)
	nov := MonthPeriod(2026, 11)
	pf, err := s.PeriodFigures(ctx, nov, false)
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.FindStats(ctx, StatsFilter{From: nov.From, To: nov.To, AsOf: nov.End()})
	if err != nil {
		t.Fatal(err)
	}
	if st.Total != pf.Total || st.Handling != pf.Handling {
		t.Errorf("as at the end: total %d, handling %+v\nthe 通报's: total %d, handling %+v", st.Total, st.Handling, pf.Total, pf.Handling)
	}
	if st.Overdue != pf.Handling.OverdueUnreplied {
		t.Errorf("overdue %d, the 通报's 逾期未回复 %d", st.Overdue, pf.Handling.OverdueUnreplied)
	}
	if got, want := deptLine(st.Departments), rowLine(pf.Departments); got != want {
		t.Errorf("departments as at the end\n %s\nthe 附表's\n %s", got, want)
	}
	// 待研判 c6, c7 (assigned in December), c8; 已交办 c3 (sent back), c4
	// (replied in December), c5; 已回复 c2; 已办结 c1.
	if got := st.ByStatus; got[0].N != 3 || got[1].N != 3 || got[2].N != 1 || got[3].N != 1 {
		t.Errorf("by status %v, want 3 3 1 1", got)
	}

	now, err := s.FindStats(ctx, StatsFilter{From: nov.From, To: nov.To})
	if err != nil {
		t.Fatal(err)
	}
	if now.Handling == pf.Handling {
		t.Error("counted as now, the figures equal those at the end: the fixture does not test AsOf")
	}
}

// deptLine writes the departments with something assigned, by name.
func deptLine(ds []DepartmentStats) string {
	var out []string
	for _, d := range ds {
		if d.Assigned > 0 {
			out = append(out, d.Name+" "+strings.Join([]string{strconv.Itoa(d.Assigned), strconv.Itoa(d.Replied), strconv.Itoa(d.OnTime), strconv.Itoa(d.Overdue)}, "/"))
		}
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

// rowLine writes the 附表's rows the same way.
func rowLine(rs []DepartmentRow) string {
	var out []string
	for _, d := range rs {
		if d.Assigned > 0 {
			out = append(out, d.Name+" "+strings.Join([]string{strconv.Itoa(d.Assigned), strconv.Itoa(d.Replied), strconv.Itoa(d.OnTime), strconv.Itoa(d.OverdueUnreplied)}, "/"))
		}
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

// TestFindCasesByBreakdown: the 统计 screen's rows of 领域, 诉求类型, 涉及地域
// and 风险等级 open the case list with that filter: exactly the cases of
// that value; a department's row, the cases it had been assigned by the
// period's end.
func TestFindCasesByBreakdown(t *testing.T) {
	s := reportFixture(t)
	nov := MonthPeriod(2026, 11)
	for _, tt := range []struct {
		name string
		f    CaseFilter
		want string
	}{
		{"领域 交通", CaseFilter{Domain: "交通"}, "c2 c3"},
		{"诉求类型 咨询", CaseFilter{Kind: "咨询"}, "c4 c5"},
		{"涉及地域 河西乡", CaseFilter{Area: "河西乡"}, "c3 c4 c7 c8"},
		{"风险等级 较大", CaseFilter{Risk: "较大"}, "c6"},
		{"领域 三农 and 诉求类型 建议", CaseFilter{Domain: "三农", Kind: "建议"}, "c7 c8"},
		{"领域 城建 and 收集时间 November", CaseFilter{Domain: "城建", From: nov.From, To: nov.To}, "c1 c6"},
		// The 附表 counts 县教育局 2 (c7 was assigned in December); the list of the row says the same.
		{"县教育局, November", CaseFilter{Department: "县教育局", From: nov.From, To: nov.To}, "c4 c5 c7"},
		{"县教育局, November, assigned by its end", CaseFilter{Department: "县教育局", From: nov.From, To: nov.To, AssignedBefore: nov.End()}, "c4 c5"},
	} {
		tt.f.Sort = SortTitle
		cs, n, err := s.FindCases(context.Background(), tt.f)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var got []string
		for _, c := range cs {
			got = append(got, c.Title)
		}
		if strings.Join(got, " ") != tt.want || n != len(got) {
			t.Errorf("%s: %v (total %d), want %s", tt.name, got, n, tt.want)
		}
	}
}
