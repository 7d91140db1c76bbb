package model

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// The deadline work of a case, as the case screen uses it:
//
//   - 交办 form: ProposeCaseDue(ctx, id, assignedAt) (or ProposeDue with the
//     form's 诉求类型 and 风险等级) fills the 时限 and says where it comes from
//     (DueProposal.Describe) and any warning (Note); TransitionCase with
//     ActionAssign records it, naming the rule when its date was kept. A later
//     时限 on a case already 已交办 needs Transition.Note (the reason) and
//     the rule's limit: it is a 延期.
//   - 延期: CaseExtension(ctx, id) for the form (Describe: 最长延期 … 最晚可延至
//     …); TransitionCase{Action: ActionExtend, Due, Note}.
//   - 催办: TransitionCase{Action: ActionRemind, At: the day, Note}; the
//     count is Case.Reminders, read by FindCases with Brief too.
//   - 登记回复: TransitionCase{Action: ActionReply, Reply, RepliedOn, ReplyDept}.
//   - The list and the editor: Case.DueState/DueLabel (即将到期, 逾期 n 个工作日)
//     with Store.Calendar, Case.ReplyLabel (12-01 逾期回复), RepliedLate,
//     Extended, OriginalDue, Reminders; CaseFilter.DueSoon, Overdue,
//     Sentiment, Important.

// DefaultMaxExtension is the longest extension, in working days in all, of a
// case whose 诉求类型 no rule covers (the defaults of DEADLINES.md).
const DefaultMaxExtension = 15

// DueProposal is the 时限 the rules and the calendar give a case assigned on
// a day: what the 交办 form fills in, for the user to keep or change.
type DueProposal struct {
	Due  time.Time     // the proposed 时限 (a date); zero when no rule matches
	Rule *DeadlineRule // the rule that gave Due; nil when none matches
	Note string        // a warning to show next to the date, or ""
}

// Describe says where the date comes from, for the form and the timeline:
// 依据规则：投诉 15 个工作日（次日起算）; "" without a rule.
func (p DueProposal) Describe() string {
	if p.Rule == nil {
		return ""
	}
	return "依据规则：" + p.Rule.Describe()
}

// Extension is how far a case's 时限 may still be extended (延期): the rule's
// longest extension counted in working days from the 时限 first set.
type Extension struct {
	OriginalDue time.Time     // 原定时限
	Due         time.Time     // the 时限 in force
	Used        int           // working days already extended
	Max         int           // the longest extension in all
	Latest      time.Time     // the latest 时限 a 延期 may give
	Rule        *DeadlineRule // nil when no rule covers the case (then Max is DefaultMaxExtension)
	Note        string        // MissingYearNote of Latest, or ""
}

// Describe says the limit in words: 最长延期 15 个工作日，已延期 5 个，最晚可延至 2026-10-30.
func (e Extension) Describe() string {
	return fmt.Sprintf("最长延期 %d 个工作日，已延期 %d 个，最晚可延至 %s", e.Max, e.Used, e.Latest.Format(DateLayout))
}

// deadlines is what deadline decisions read inside a transaction: the
// calendar, the rules and today.
type deadlines struct {
	cal   *Calendar
	rules []*DeadlineRule
	today time.Time
}

// loadDeadlines reads the calendar and the rules inside tx.
func loadDeadlines(ctx context.Context, tx *sql.Tx, now time.Time) (*deadlines, error) {
	cal, err := loadCalendar(ctx, tx)
	if err != nil {
		return nil, err
	}
	rules, err := findDeadlineRules(ctx, tx)
	if err != nil {
		return nil, err
	}
	return &deadlines{cal: cal, rules: rules, today: Day(now)}, nil
}

// propose gives the 时限 of a case of kind and risk assigned at assigned.
func (d *deadlines) propose(kind, risk string, assigned time.Time) DueProposal {
	r := RuleFor(d.rules, kind, risk)
	if r == nil {
		if kind == "" {
			return DueProposal{Note: "未选择诉求类型，无法按规则计算时限"}
		}
		return DueProposal{Note: fmt.Sprintf("没有“%s”的办理时限规则，请在设置中添加或手动填写", kind)}
	}
	due := r.Due(d.cal, assigned)
	return DueProposal{Due: due, Rule: r, Note: d.cal.MissingYearNote(due)}
}

// extension says how far c's 时限 may be extended.
func (d *deadlines) extension(c *Case) Extension {
	e := Extension{OriginalDue: Day(c.OriginalDue), Due: Day(c.Due), Max: DefaultMaxExtension,
		Rule: RuleFor(d.rules, c.Kind, c.Risk)}
	if e.OriginalDue.IsZero() {
		e.OriginalDue = e.Due
	}
	if e.Rule != nil {
		e.Max = e.Rule.MaxExtension
	}
	e.Used = d.cal.WorkdaysAfter(e.OriginalDue, e.Due)
	e.Latest = d.cal.AddWorkdays(e.OriginalDue, e.Max, true)
	e.Note = d.cal.MissingYearNote(e.Latest)
	return e
}

// checkExtension refuses a new 时限 beyond the longest extension, with a
// message that says the limit.
func (d *deadlines) checkExtension(c *Case, due time.Time) (Extension, error) {
	e := d.extension(c)
	if Day(due).After(e.Latest) {
		who := "未设规则的案件"
		if e.Rule != nil {
			who = e.Rule.Kind
			if e.Rule.Risk != "" {
				who += "（" + e.Rule.Risk + "）"
			}
		}
		return e, Errorf(EINVALID, "延期超过上限：%s最多延期 %d 个工作日（原定时限 %s，最晚可延至 %s），不能延至 %s",
			who, e.Max, e.OriginalDue.Format(DateLayout), e.Latest.Format(DateLayout), Day(due).Format(DateLayout))
	}
	return e, nil
}

// ProposeDue returns the 时限 the rules and the calendar give a case of kind
// (诉求类型) and risk (风险等级) assigned at assigned. Without a matching rule
// the proposal has no date and its Note says why.
func (s *Store) ProposeDue(ctx context.Context, kind, risk string, assigned time.Time) (DueProposal, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return DueProposal{}, fmt.Errorf("propose due: %w", err)
	}
	defer tx.Rollback()
	d, err := loadDeadlines(ctx, tx, s.now())
	if err != nil {
		return DueProposal{}, fmt.Errorf("propose due: %w", err)
	}
	return d.propose(kind, risk, assigned), nil
}

// ProposeCaseDue is ProposeDue for the stored case id (its 诉求类型 and 风险等级).
func (s *Store) ProposeCaseDue(ctx context.Context, id int64, assigned time.Time) (DueProposal, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return DueProposal{}, fmt.Errorf("propose due: %w", err)
	}
	defer tx.Rollback()
	c, err := findCaseByID(ctx, tx, id)
	if err != nil {
		return DueProposal{}, fmt.Errorf("propose due: %w", err)
	}
	d, err := loadDeadlines(ctx, tx, s.now())
	if err != nil {
		return DueProposal{}, fmt.Errorf("propose due: %w", err)
	}
	return d.propose(c.Kind, c.Risk, assigned), nil
}

// CaseExtension says how far the 时限 of case id may still be extended, for
// the 延期 form (最晚可延至 …).
func (s *Store) CaseExtension(ctx context.Context, id int64) (Extension, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return Extension{}, fmt.Errorf("case extension: %w", err)
	}
	defer tx.Rollback()
	c, err := findCaseByID(ctx, tx, id)
	if err != nil {
		return Extension{}, fmt.Errorf("case extension: %w", err)
	}
	if c.Due.IsZero() {
		return Extension{}, Errorf(EINVALID, "案件 %s 还没有办理时限，不能延期", c.Number)
	}
	d, err := loadDeadlines(ctx, tx, s.now())
	if err != nil {
		return Extension{}, fmt.Errorf("case extension: %w", err)
	}
	return d.extension(c), nil
}
