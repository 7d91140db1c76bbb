package model

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"
)

// createInstruction records in with the assigning it asks for.
func createInstruction(s *Store, ctx context.Context, in *Instruction) error {
	_, err := s.CreateInstruction(ctx, in, AssignOptions{Assign: in.Assign})
	return err
}

// overdueCase is a case assigned on 2026-11-01 to 县住建局 with a 时限 of
// 2026-11-20, so overdue on testNow (2026-11-28).
func overdueCase(tb testing.TB, s *Store) *Case {
	tb.Helper()
	c := mustCreateCase(tb, s, Case{Title: "小区电梯停运逾期未回复"})
	c, err := s.TransitionCase(context.Background(), c.ID, Transition{Action: ActionAssign,
		At: date(2026, 11, 1), Departments: []string{"县住建局"}, Due: date(2026, 11, 20)})
	if err != nil {
		tb.Fatal(err)
	}
	if !c.Overdue(testNow) {
		tb.Fatalf("case due %v is not overdue on %v", c.Due, testNow)
	}
	return c
}

// A 批示 with 交办 on a mix of cases: the plan says case by case what will
// happen, the store does just that, and an overdue case stays overdue with
// its 责任单位 added to, not replaced, unless the 时限 is moved on purpose.
func TestInstructionPlanMixedCases(t *testing.T) {
	for _, tc := range []struct {
		name       string
		moveDue    bool
		wantDue    time.Time // of the overdue case after
		wantLine   string    // of the overdue case
		wantOutcom string
	}{
		{"keep due", false, date(2026, 11, 20),
			"增加责任单位城关镇，时限仍为 2026-11-20（已逾期）",
			"交办 1 件，增加责任单位 1 件，保持不变 1 件，跳过 1 件（已回复）"},
		{"move due", true, date(2026, 12, 10),
			"增加责任单位城关镇，时限由 2026-11-20 改为 2026-12-10",
			"交办 1 件，增加责任单位 1 件，调整时限 1 件，跳过 1 件（已回复）"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			s := MustOpenStore(t)
			pending := mustCreateCase(t, s, Case{Title: "待研判案件"})
			overdue := overdueCase(t, s)
			both := mustCreateCase(t, s, Case{Title: "已交办给两个单位"})
			both, err := s.TransitionCase(ctx, both.ID, Transition{Action: ActionAssign, At: date(2026, 11, 27),
				Departments: []string{"城关镇", "县住建局"}, Due: date(2026, 12, 1)})
			if err != nil {
				t.Fatal(err)
			}
			replied := caseInStatus(t, s, StatusReplied)
			b := mustCreateBulletin(t, s, 2026, pending.ID, overdue.ID, both.ID, replied.ID)
			if _, err := s.IssueBulletin(ctx, b.ID, fakePDF); err != nil {
				t.Fatal(err)
			}
			in := &Instruction{BulletinID: b.ID, Leader: "王书记", Date: testNow, Text: "请城关镇牵头处置。",
				Kind: "督办", Departments: []string{"城关镇"}, Due: date(2026, 12, 10)}
			opt := AssignOptions{Assign: true, MoveDue: tc.moveDue}

			plan, err := s.PlanInstruction(ctx, in, opt)
			if err != nil {
				t.Fatal(err)
			}
			var effects []string
			for _, ce := range plan {
				effects = append(effects, ce.Effect)
			}
			wantEffects := []string{EffectAssign, EffectAddDept, EffectKeep, EffectSkip}
			if tc.moveDue {
				wantEffects[2] = EffectMoveDue
			}
			if !reflect.DeepEqual(effects, wantEffects) {
				t.Errorf("plan effects %v, want %v", effects, wantEffects)
			}
			if got := plan[1].Line(); got != tc.wantLine {
				t.Errorf("overdue case: plan says %q, want %q", got, tc.wantLine)
			}
			if got, want := plan[3].Line(), "跳过：已回复，不再交办"; got != want {
				t.Errorf("replied case: plan says %q, want %q", got, want)
			}

			done, err := s.CreateInstruction(ctx, in, opt)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(done, plan) {
				t.Errorf("store did\n %+v\nplan said\n %+v", done, plan)
			}
			if in.Outcome != tc.wantOutcom {
				t.Errorf("outcome %q, want %q", in.Outcome, tc.wantOutcom)
			}
			ins, _ := s.FindInstructions(ctx, b.ID)
			if len(ins) != 1 || ins[0].Outcome != tc.wantOutcom {
				t.Errorf("outcome read back: %+v", ins)
			}

			got, _ := s.FindCaseByID(ctx, overdue.ID)
			if !reflect.DeepEqual(got.Departments, []string{"县住建局", "城关镇"}) || !got.Due.Equal(tc.wantDue) ||
				!got.AssignedAt.Equal(overdue.AssignedAt) {
				t.Errorf("overdue case after: departments %v, due %v, assigned %v; want 县住建局、城关镇, %v, %v",
					got.Departments, got.Due, got.AssignedAt, tc.wantDue, overdue.AssignedAt)
			}
			if got.Overdue(testNow) == tc.moveDue {
				t.Errorf("overdue case: overdue %v after the 批示 (move due %v)", got.Overdue(testNow), tc.moveDue)
			}
			evs, _ := s.FindCaseEvents(ctx, overdue.ID)
			if last := evs[len(evs)-1]; last.Action != ActionAssign || !strings.Contains(last.Note, tc.wantLine) {
				t.Errorf("overdue case: last event %s %q, want 交办 saying %q", last.Action, last.Note, tc.wantLine)
			}
			if got, _ := s.FindCaseByID(ctx, replied.ID); got.Status != StatusReplied || !got.Due.Equal(replied.Due) {
				t.Errorf("replied case after: %s due %v; want it untouched", got.Status, got.Due)
			}
			if got, _ := s.FindCaseByID(ctx, both.ID); !reflect.DeepEqual(got.Departments, both.Departments) {
				t.Errorf("case already assigned to 城关镇: departments %v, want %v", got.Departments, both.Departments)
			}
		})
	}
}

// Without 交办 a 批示 only marks the cases, and says nothing was assigned.
func TestInstructionWithoutAssign(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	pending := mustCreateCase(t, s, Case{Title: "待研判案件"})
	b := mustCreateBulletin(t, s, 2026, pending.ID)
	if _, err := s.IssueBulletin(ctx, b.ID, fakePDF); err != nil {
		t.Fatal(err)
	}
	in := &Instruction{BulletinID: b.ID, Leader: "王书记", Date: testNow, Text: "阅。", Kind: "阅知"}
	effects, err := s.CreateInstruction(ctx, in, AssignOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(effects) != 1 || effects[0].Effect != EffectKeep || in.Outcome != "" {
		t.Errorf("effects %+v, outcome %q; want 保持不变 and no outcome", effects, in.Outcome)
	}
	if got, _ := s.FindCaseByID(ctx, pending.ID); got.Status != StatusPending || !got.Instructed {
		t.Errorf("case after: %s, instructed %v", got.Status, got.Instructed)
	}
}

func TestSummarizeEffects(t *testing.T) {
	for _, tc := range []struct {
		name    string
		effects []CaseEffect
		want    string
	}{
		{"none", nil, ""},
		{"two skipped for two reasons", []CaseEffect{{Effect: EffectAssign}, {Effect: EffectSkip, Status: StatusReplied},
			{Effect: EffectSkip, Status: StatusClosed}, {Effect: EffectAssign}},
			"交办 2 件，跳过 2 件（已回复、已办结）"},
	} {
		if got := SummarizeEffects(tc.effects); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
