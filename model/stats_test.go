package model

import (
	"context"
	"reflect"
	"testing"
	"time"
)

func TestFindStats(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	mk := func(title, source string, collected time.Time) *Case {
		return mustCreateCase(t, s, Case{Title: title, Source: source, Collected: collected})
	}
	move := func(c *Case, tr Transition) {
		t.Helper()
		if _, err := s.TransitionCase(ctx, c.ID, tr); err != nil {
			t.Fatalf("%s %s: %v", tr.Action, c.Title, err)
		}
	}
	oct := date(2026, 10, 31).Add(23 * time.Hour) // local month boundary
	a := mk("准时回复", "微博", oct)
	b := mk("逾期回复", "微博", date(2026, 11, 2))
	c := mk("逾期未回", "12345", date(2026, 11, 3))
	d := mk("期限内未回", "微博", date(2026, 11, 25))
	mk("待研判", "抖音", date(2026, 11, 20))
	mk("范围外", "微博", date(2026, 9, 1))
	move(a, Transition{Action: ActionAssign, Departments: []string{"县住建局", "城关镇"}, Due: date(2026, 11, 10), At: date(2026, 11, 1)})
	move(a, Transition{Action: ActionReply, Reply: "已处理", At: date(2026, 11, 10).Add(17 * time.Hour)})
	move(b, Transition{Action: ActionAssign, Departments: []string{"县住建局"}, Due: date(2026, 11, 5), At: date(2026, 11, 2)})
	move(b, Transition{Action: ActionReply, Reply: "已处理", At: date(2026, 11, 8)})
	move(b, Transition{Action: ActionClose, At: date(2026, 11, 9)})
	move(c, Transition{Action: ActionAssign, Departments: []string{"城关镇"}, Due: date(2026, 11, 20), At: date(2026, 11, 3)})
	move(d, Transition{Action: ActionAssign, Departments: []string{"城关镇"}, Due: date(2026, 12, 10), At: date(2026, 11, 25)})

	st, err := s.FindStats(ctx, StatsFilter{From: date(2026, 10, 1), To: date(2026, 11, 30)})
	if err != nil {
		t.Fatal(err)
	}
	if st.Total != 5 || st.Overdue != 1 {
		t.Errorf("total %d overdue %d; want 5, 1", st.Total, st.Overdue)
	}
	if want := []Count{{"待研判", 1}, {"已交办", 2}, {"已回复", 1}, {"已办结", 1}}; !reflect.DeepEqual(st.ByStatus, want) {
		t.Errorf("by status %v, want %v", st.ByStatus, want)
	}
	if want := []Count{{"微博", 3}, {"12345", 1}, {"抖音", 1}}; !reflect.DeepEqual(st.BySource, want) {
		t.Errorf("by source %v, want %v", st.BySource, want)
	}
	if want := []Count{{"2026-10", 1}, {"2026-11", 4}}; !reflect.DeepEqual(st.ByMonth, want) {
		t.Errorf("by month %v, want %v (local months)", st.ByMonth, want)
	}
	want := []DepartmentStats{
		{Name: "县住建局", Assigned: 2, Replied: 2, OnTime: 1},
		{Name: "城关镇", Assigned: 3, Replied: 1, OnTime: 1, Overdue: 1},
	}
	if !reflect.DeepEqual(st.Departments, want) {
		t.Errorf("departments %+v, want %+v", st.Departments, want)
	}
	// 城关镇: one reply on time, one overdue unanswered, one still within
	// its limit: 1 of 2 due, not 1 of 1 replied.
	for _, d := range st.Departments {
		if r := d.OnTimeRate(); r != 0.5 {
			t.Errorf("%s on-time rate %v, want 0.5", d.Name, r)
		}
	}
}

// The on-time rate counts the overdue unanswered cases as late, and not yet
// the cases still within their time limit.
func TestDepartmentOnTimeRate(t *testing.T) {
	tests := []struct {
		name     string
		d        DepartmentStats
		replyDue int
		rate     float64
	}{
		{"all replied", DepartmentStats{Assigned: 2, Replied: 2, OnTime: 1}, 2, 0.5},
		{"one on time, one overdue, one within its limit", DepartmentStats{Assigned: 3, Replied: 1, OnTime: 1, Overdue: 1}, 2, 0.5},
		{"only overdue", DepartmentStats{Assigned: 2, Overdue: 2}, 2, 0},
		{"nothing due yet", DepartmentStats{Assigned: 4}, 0, 0},
		{"three of four on time", DepartmentStats{Assigned: 5, Replied: 3, OnTime: 3, Overdue: 1}, 4, 0.75},
	}
	for _, tt := range tests {
		if got := tt.d.ReplyDue(); got != tt.replyDue {
			t.Errorf("%s: %+v.ReplyDue() = %d, want %d", tt.name, tt.d, got, tt.replyDue)
		}
		if got := tt.d.OnTimeRate(); got != tt.rate {
			t.Errorf("%s: %+v.OnTimeRate() = %v, want %v", tt.name, tt.d, got, tt.rate)
		}
	}
}
