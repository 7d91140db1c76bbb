package model

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
)

// What recording a 批示 with 交办 does to one linked case (CaseEffect.Effect).
const (
	EffectAssign  = "交办"     // a case 待研判 is assigned to the departments with the 时限
	EffectAddDept = "增加责任单位" // a case already assigned gets the departments it lacks
	EffectMoveDue = "调整时限"   // a case already assigned gets the new 时限 (only when asked)
	EffectKeep    = "保持不变"   // a case already assigned to every department named
	EffectSkip    = "跳过"     // a case replied or closed is not assigned again
)

// effectOrder is the order in which a summary counts the effects.
var effectOrder = []string{EffectAssign, EffectAddDept, EffectMoveDue, EffectKeep, EffectSkip}

// AssignOptions say whether and how a 批示 assigns (交办) its linked cases.
type AssignOptions struct {
	Assign bool // assign the linked cases to in.Departments
	// MoveDue sets in.Due on cases already assigned. Without it they keep
	// their own 时限, even a past one: a 批示 must not quietly end an overdue.
	MoveDue bool
}

// CaseEffect is what recording a 批示 does, or would do, to one linked case.
type CaseEffect struct {
	CaseID int64
	Number string
	Title  string
	Status CaseStatus // before the 批示

	Effect      string    // one of the Effect constants
	Reason      string    // why kept or skipped, e.g. 已回复，不再交办
	Departments []string  // 责任单位 after
	Added       []string  // the departments added
	Due         time.Time // 时限 after
	OldDue      time.Time // 时限 before (zero for a case not yet assigned)
	Overdue     bool      // past its 时限 after the 批示, as of the day it is recorded
}

// Changes reports whether the effect writes to the case (beyond the 已批示 mark).
func (ce CaseEffect) Changes() bool {
	return ce.Effect == EffectAssign || ce.Effect == EffectAddDept || ce.Effect == EffectMoveDue
}

// Line says in Chinese what happens to the case, for the confirmation and
// the case's timeline: 交办 / 增加责任单位 / 保持不变 / 跳过 and why, with the 时限.
func (ce CaseEffect) Line() string {
	var parts []string
	switch ce.Effect {
	case EffectAssign:
		parts = append(parts, "交办给"+strings.Join(ce.Departments, "、"))
	case EffectAddDept:
		parts = append(parts, "增加责任单位"+strings.Join(ce.Added, "、"))
	case EffectSkip, EffectKeep:
		parts = append(parts, ce.Effect+"："+ce.Reason)
	case EffectMoveDue:
		parts = append(parts, "调整时限")
	}
	switch {
	case ce.Effect == EffectSkip || ce.Due.IsZero():
		return parts[0]
	case ce.OldDue.IsZero():
		parts = append(parts, "时限 "+ce.Due.Format(DateLayout))
	case ce.Due.Equal(ce.OldDue):
		parts = append(parts, "时限仍为 "+ce.Due.Format(DateLayout))
	default:
		parts = append(parts, "时限由 "+ce.OldDue.Format(DateLayout)+" 改为 "+ce.Due.Format(DateLayout))
	}
	if ce.Overdue {
		parts[len(parts)-1] += "（已逾期）"
	}
	return strings.Join(parts, "，")
}

// PlanCaseEffect says what a 批示 in recorded on day today with opt does to
// case c. Without opt.Assign nothing is assigned: the effect is 保持不变.
func PlanCaseEffect(c *Case, in *Instruction, opt AssignOptions, today time.Time) CaseEffect {
	ce := CaseEffect{CaseID: c.ID, Number: c.Number, Title: c.Title, Status: c.Status,
		Departments: slices.Clone(c.Departments), Due: c.Due, OldDue: c.Due}
	switch {
	case !opt.Assign:
		ce.Effect, ce.Reason = EffectKeep, "不交办"
	case c.Status == StatusPending:
		ce.Effect, ce.OldDue = EffectAssign, time.Time{}
		ce.Departments, ce.Due = slices.Clone(in.Departments), Day(in.Due)
	case c.Status == StatusAssigned:
		for _, d := range in.Departments {
			if !slices.Contains(ce.Departments, d) {
				ce.Added = append(ce.Added, d)
				ce.Departments = append(ce.Departments, d)
			}
		}
		if opt.MoveDue && !in.Due.IsZero() {
			ce.Due = Day(in.Due)
		}
		switch {
		case len(ce.Added) > 0:
			ce.Effect = EffectAddDept
		case !ce.Due.Equal(ce.OldDue):
			ce.Effect = EffectMoveDue
		default:
			ce.Effect, ce.Reason = EffectKeep, "已交办给所选单位"
		}
	default: // 已回复, 已办结
		ce.Effect = EffectSkip
		ce.Reason = string(c.Status) + "，不再交办"
	}
	after := *c
	after.Due = ce.Due
	if ce.Effect == EffectAssign {
		after.Status = StatusAssigned
	}
	ce.Overdue = ce.Effect != EffectSkip && after.Overdue(today)
	return ce
}

// SummarizeEffects counts the effects as the list of 批示 shows them:
// 交办 2 件，增加责任单位 1 件，跳过 1 件（已回复）.
func SummarizeEffects(effects []CaseEffect) string {
	var parts []string
	for _, kind := range effectOrder {
		n := 0
		var why []string
		for _, ce := range effects {
			if ce.Effect != kind {
				continue
			}
			n++
			if kind == EffectSkip && !slices.Contains(why, string(ce.Status)) {
				why = append(why, string(ce.Status))
			}
		}
		if n == 0 {
			continue
		}
		p := fmt.Sprintf("%s %d 件", kind, n)
		if len(why) > 0 {
			p += "（" + strings.Join(why, "、") + "）"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "，")
}

// PlanInstruction says, case by case, what CreateInstruction(ctx, in, opt)
// would do to the cases linked to in.BulletinID now, without changing anything.
func (s *Store) PlanInstruction(ctx context.Context, in *Instruction, opt AssignOptions) ([]CaseEffect, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("plan instruction: %w", err)
	}
	defer tx.Rollback()
	b, err := findBulletinByID(ctx, tx, in.BulletinID)
	if err != nil {
		return nil, err
	}
	return planCases(ctx, tx, b, in, opt, s.now())
}

// planCases plans the effect of in on each case linked to b.
func planCases(ctx context.Context, tx *sql.Tx, b *Bulletin, in *Instruction, opt AssignOptions, now time.Time) ([]CaseEffect, error) {
	var out []CaseEffect
	for _, cid := range b.CaseIDs {
		c, err := findCaseByID(ctx, tx, cid)
		if err != nil {
			return nil, err
		}
		out = append(out, PlanCaseEffect(c, in, opt, now))
	}
	return out, nil
}

// applyEffect writes ce to its case in tx: 交办 goes through the case's
// status table; 增加责任单位 and 调整时限 keep the date it was first assigned
// (按时回复率 counts from it) and the 时限 unless ce moves it.
func applyEffect(ctx context.Context, tx *sql.Tx, ce CaseEffect, in *Instruction, now time.Time) error {
	note := "根据" + in.Leader + "批示"
	switch ce.Effect {
	case EffectAssign:
		t := Transition{Action: ActionAssign, Departments: ce.Departments, Due: ce.Due, At: now, Note: note + "交办"}
		if _, err := transitionCase(ctx, tx, ce.CaseID, t, now); err != nil {
			if e, ok := err.(*Error); ok {
				return Errorf(e.Code, "案件 %s 不能交办：%s", ce.Number, e.Message)
			}
			return fmt.Errorf("case %d: %w", ce.CaseID, err)
		}
	case EffectAddDept, EffectMoveDue:
		c, err := findCaseByID(ctx, tx, ce.CaseID)
		if err != nil {
			return err
		}
		before := searchFields(c)
		c.Departments, c.Due, c.UpdatedAt = slices.Clone(ce.Departments), ce.Due, now
		if err := updateCase(ctx, tx, c, before); err != nil {
			return fmt.Errorf("case %d: %w", ce.CaseID, err)
		}
		ev := &CaseEvent{CaseID: c.ID, At: now, Action: ActionAssign, From: c.Status, To: c.Status,
			Note: ce.Line() + "；" + note}
		if err := appendCaseEvent(ctx, tx, ev); err != nil {
			return fmt.Errorf("case %d: %w", ce.CaseID, err)
		}
	}
	return nil
}
