package model

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// transitionFor returns a valid Transition for action, at testNow.
func transitionFor(action string) Transition {
	t := Transition{Action: action, At: testNow}
	switch action {
	case ActionAssign:
		t.Departments, t.Due = []string{"县住建局"}, date(2026, 12, 5)
	case ActionReply:
		t.Reply = "已督促物业维修，电梯恢复运行。"
	case ActionReturn:
		t.Note = "回复未说明维修时间"
	case ActionExtend:
		t.Due, t.Note = date(2026, 12, 8), "需协调供电部门"
	case ActionRemind:
		t.Note = "电话催办"
	}
	return t
}

// caseInStatus creates a case and moves it to st along the normal path.
func caseInStatus(tb testing.TB, s *Store, st CaseStatus) *Case {
	tb.Helper()
	c := mustCreateCase(tb, s, Case{Title: "电梯停运"})
	path := map[CaseStatus][]string{
		StatusPending:  nil,
		StatusAssigned: {ActionAssign},
		StatusReplied:  {ActionAssign, ActionReply},
		StatusClosed:   {ActionAssign, ActionReply, ActionClose},
	}[st]
	for _, a := range path {
		var err error
		if c, err = s.TransitionCase(context.Background(), c.ID, transitionFor(a)); err != nil {
			tb.Fatalf("%s: %v", a, err)
		}
	}
	return c
}

func TestTransitionTable(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	statuses := []CaseStatus{StatusPending, StatusAssigned, StatusReplied, StatusClosed}
	actions := []string{ActionAssign, ActionReply, ActionClose, ActionReturn, ActionExtend, ActionRemind, ActionReport, ActionInstruct}
	allowed := map[CaseStatus]map[string]CaseStatus{
		StatusPending: {ActionAssign: StatusAssigned},
		StatusAssigned: {ActionAssign: StatusAssigned, ActionReply: StatusReplied,
			ActionExtend: StatusAssigned, ActionRemind: StatusAssigned},
		StatusReplied: {ActionClose: StatusClosed, ActionReturn: StatusAssigned},
		StatusClosed:  {},
	}
	for _, from := range statuses {
		for _, action := range actions {
			t.Run(string(from)+"→"+action, func(t *testing.T) {
				c := caseInStatus(t, s, from)
				before, _ := s.FindCaseEvents(ctx, c.ID)
				got, err := s.TransitionCase(ctx, c.ID, transitionFor(action))
				after, _ := s.FindCaseEvents(ctx, c.ID)
				want, ok := allowed[from][action]
				if !ok {
					if ErrorCode(err) != EINVALID {
						t.Fatalf("%s from %s: err %v, want EINVALID", action, from, err)
					}
					if stored, _ := s.FindCaseByID(ctx, c.ID); stored.Status != from || len(after) != len(before) {
						t.Errorf("illegal move changed the case: status %s, events %d→%d", stored.Status, len(before), len(after))
					}
					return
				}
				if err != nil {
					t.Fatalf("%s from %s: %v", action, from, err)
				}
				if got.Status != want {
					t.Errorf("%s from %s: status %s, want %s", action, from, got.Status, want)
				}
				if len(after) != len(before)+1 {
					t.Fatalf("events %d→%d, want one more", len(before), len(after))
				}
				ev := after[len(after)-1]
				if ev.Action != action || ev.From != from || ev.To != want || !ev.At.Equal(testNow) {
					t.Errorf("event %+v, want %s %s→%s at %v", ev, action, from, want, testNow)
				}
			})
		}
	}
	for st, m := range allowed {
		var want []string
		for _, a := range actions {
			if _, ok := m[a]; ok {
				want = append(want, a)
			}
		}
		if got := AllowedActions(st); !reflect.DeepEqual(got, want) {
			t.Errorf("AllowedActions(%s) = %v, want %v", st, got, want)
		}
	}
}

func TestTransitionFields(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	c := mustCreateCase(t, s, Case{Title: "道路积水"})
	at := testNow.Add(-time.Hour)
	c, err := s.TransitionCase(ctx, c.ID, Transition{Action: ActionAssign, Departments: []string{"县住建局", "县城管局"},
		Due: date(2026, 12, 5), At: at, Note: "请三日内回复"})
	if err != nil {
		t.Fatal(err)
	}
	if !c.AssignedAt.Equal(at) || !c.Due.Equal(date(2026, 12, 5)) || !reflect.DeepEqual(c.Departments, []string{"县住建局", "县城管局"}) {
		t.Errorf("after 交办: assigned %v due %v departments %v", c.AssignedAt, c.Due, c.Departments)
	}
	c, err = s.TransitionCase(ctx, c.ID, Transition{Action: ActionReply, Reply: "第一次回复", At: testNow})
	if err != nil || c.Reply != "第一次回复" || !c.RepliedAt.Equal(testNow) {
		t.Fatalf("after 登记回复: %+v, %v", c, err)
	}
	c, err = s.TransitionCase(ctx, c.ID, Transition{Action: ActionReturn, Note: "未说明时间", Due: date(2026, 12, 10)})
	if err != nil || !c.RepliedAt.IsZero() || !c.Due.Equal(date(2026, 12, 10)) {
		t.Fatalf("after 退回重办: replied %v due %v, %v", c.RepliedAt, c.Due, err)
	}
	c, _ = s.TransitionCase(ctx, c.ID, Transition{Action: ActionReply, Reply: "第二次回复"})
	c, err = s.TransitionCase(ctx, c.ID, Transition{Action: ActionClose})
	if err != nil || c.Status != StatusClosed || c.ClosedAt.IsZero() {
		t.Fatalf("after 办结: %+v, %v", c, err)
	}
	evs, _ := s.FindCaseEvents(ctx, c.ID)
	var actions []string
	for _, ev := range evs {
		actions = append(actions, ev.Action)
	}
	want := []string{ActionCreate, ActionAssign, ActionReply, ActionReturn, ActionReply, ActionClose}
	if !reflect.DeepEqual(actions, want) {
		t.Errorf("timeline %v, want %v", actions, want)
	}
	// The first reply, replaced by the second, is still in the timeline.
	if !strings.Contains(evs[2].Note, "第一次回复") || !strings.Contains(evs[1].Note, "县住建局、县城管局") ||
		!strings.Contains(evs[3].Note, "未说明时间") {
		t.Errorf("timeline notes lost details: %q | %q | %q", evs[1].Note, evs[2].Note, evs[3].Note)
	}
}

func TestTransitionRejects(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	for _, tc := range []struct {
		name string
		from CaseStatus
		t    Transition
		want string
	}{
		{"assign without departments", StatusPending, Transition{Action: ActionAssign, Due: date(2026, 12, 1)}, "请选择责任单位"},
		{"assign without due", StatusPending, Transition{Action: ActionAssign, Departments: []string{"a"}}, "请填写办理时限"},
		{"due before assignment", StatusPending, Transition{Action: ActionAssign, Departments: []string{"a"}, Due: date(2026, 11, 27)}, "办理时限早于交办时间"},
		{"reply without text", StatusAssigned, Transition{Action: ActionReply, Reply: " "}, "回复内容不能为空"},
		{"return without reason", StatusReplied, Transition{Action: ActionReturn}, "退回重办的原因不能为空"},
		{"close pending", StatusPending, Transition{Action: ActionClose}, "当前状态为「待研判」，不能办结"},
		{"unknown action", StatusPending, Transition{Action: "作废"}, "未知的操作"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := caseInStatus(t, s, tc.from)
			_, err := s.TransitionCase(ctx, c.ID, tc.t)
			if err == nil || !strings.Contains(ErrorMessage(err), tc.want) {
				t.Errorf("TransitionCase(%+v) from %s = %v, want message containing %q", tc.t, tc.from, err, tc.want)
			}
			if got, _ := s.FindCaseByID(ctx, c.ID); got.Status != tc.from {
				t.Errorf("status changed to %s by a rejected move", got.Status)
			}
		})
	}
}

func TestTimelineAppendOnly(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	c := caseInStatus(t, s, StatusAssigned)
	_, err := s.wdb.ExecContext(ctx, `UPDATE case_events SET note = 'changed' WHERE case_id = ?`, c.ID)
	if err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Errorf("UPDATE case_events: err %v, want append-only abort", err)
	}
	_, err = s.wdb.ExecContext(ctx, `DELETE FROM case_events WHERE case_id = ?`, c.ID)
	if err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Errorf("DELETE case_events: err %v, want append-only abort", err)
	}
	evs, _ := s.FindCaseEvents(ctx, c.ID)
	if len(evs) != 2 || slices.ContainsFunc(evs, func(e *CaseEvent) bool { return e.Note == "changed" }) {
		t.Errorf("events changed: %d events, want the 2 written", len(evs))
	}
	// Deleting the case takes its timeline with it.
	if err := s.DeleteCase(ctx, c.ID); err != nil {
		t.Fatalf("DeleteCase: %v", err)
	}
}

func TestOverdue(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    Case
		want bool
	}{
		{"assigned past due", Case{Status: StatusAssigned, Due: date(2026, 11, 27)}, true},
		{"assigned due today", Case{Status: StatusAssigned, Due: date(2026, 11, 28)}, false},
		{"replied past due", Case{Status: StatusReplied, Due: date(2026, 11, 1)}, false},
		{"no due", Case{Status: StatusAssigned}, false},
	} {
		if got := tc.c.Overdue(testNow); got != tc.want {
			t.Errorf("%s: Overdue(%v) with status %s due %v = %v, want %v", tc.name, testNow, tc.c.Status, tc.c.Due, got, tc.want)
		}
	}
}
