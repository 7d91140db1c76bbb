package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// The case picker narrows its list by 状态, 责任单位 and 来源 as well as by text.
func TestCasePickerFilters(t *testing.T) {
	s := mustOpenStore(t)
	ctx := context.Background()
	add := func(title, source, dept string) *model.Case {
		t.Helper()
		c := &model.Case{Title: title, Source: source}
		if err := s.CreateCase(ctx, c); err != nil {
			t.Fatal(err)
		}
		if dept != "" {
			if _, err := s.TransitionCase(ctx, c.ID, model.Transition{Action: model.ActionAssign,
				Departments: []string{dept}, Due: model.Day(time.Now().AddDate(0, 0, 7))}); err != nil {
				t.Fatal(err)
			}
		}
		return c
	}
	weibo := add("小区停车难", "微博", "")
	street := add("道路积水", "12345", "城关镇人民政府")
	housing := add("楼道漏水", "12345", "县住房和城乡建设局")

	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	var picked []*model.Case
	p := newCasePicker(w, s, newTestTasks(t), func(cs []*model.Case) { picked = cs })
	p.bg.settle()
	if len(p.dept.Options) != 3 {
		t.Fatalf("责任单位 choices %v, want 全部 and the two departments", p.dept.Options)
	}
	tests := []struct {
		name                 string
		status, dept, source string
		want                 []int64
	}{
		{"all", anyStatus, anyDept, anySource, []int64{housing.ID, street.ID, weibo.ID}},
		{"status", string(model.StatusPending), anyDept, anySource, []int64{weibo.ID}},
		{"source", anyStatus, anyDept, "12345", []int64{housing.ID, street.ID}},
		{"department", anyStatus, "城关镇人民政府", anySource, []int64{street.ID}},
		{"source and status", string(model.StatusPending), anyDept, "12345", nil},
	}
	for _, tt := range tests {
		// One at a time: the test driver runs fyne.Do at once, in the
		// goroutine, so overlapping searches would race.
		for _, set := range []struct {
			sel *widget.Select
			v   string
		}{{p.status, tt.status}, {p.dept, tt.dept}, {p.source, tt.source}} {
			set.sel.SetSelected(set.v)
			p.bg.settle()
		}
		var got []int64
		for _, c := range p.found {
			got = append(got, c.ID)
		}
		if !equalIDs(got, tt.want) {
			t.Errorf("%s: 状态 %s, 责任单位 %s, 来源 %s: found %v, want %v", tt.name, tt.status, tt.dept, tt.source, got, tt.want)
		}
	}
	p.status.SetSelected(anyStatus) // 12345 is still chosen
	p.bg.settle()
	for _, c := range p.found {
		p.toggle(c, true)
	}
	test.Tap(p.dlg.ok)
	if len(picked) != 2 {
		t.Errorf("picked %d cases of the %d listed, want the 2 from 12345", len(picked), len(p.found))
	}
}

// equalIDs reports whether a and b hold the same ids in the same order.
func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
