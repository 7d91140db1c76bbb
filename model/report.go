package model

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// PeriodFigures are the figures of the cases collected in a period as they
// stood at its end (DOCUMENTS.md §5): a 交办, reply, 办结 or 回访 after the
// period's last day does not count, and 逾期未回复 is judged on that day. For
// the period still running, "the end" is today.
type PeriodFigures struct {
	Period Period
	AsOf   time.Time // the day the figures describe: the period's last day, or today when earlier

	Total    int
	BySource []Count // most first, then by name
	ByKind   []Count // 诉求类型 ("" for none)
	ByDomain []Count // 领域
	ByArea   []Count // 涉及地域 (乡镇)
	ByRisk   []Count // 风险等级 in their order, then others
	ByDay    []Count // "2026-11-23", every day of the period (zeros too)
	ByMonth  []Count // "2026-11", every month of the period (zeros too)

	Handling Handling // each case once
	HighRisk int      // 较大 and above
	Negative int      // 情感倾向 负面
	Returned int      // 退回重办 in the period's cases up to its end

	Departments []DepartmentRow // ranked: see RankDepartments
	Highlights  []*Case         // 重点, or 较大 and above: 重点 first, then by risk and 收集时间, at most MaxHighlights
	HighlightN  int             // how many cases are 重点 or 较大 and above

	top []highlight // the first MaxHighlights of them, in order
}

// Change is a 环比: this period's figure against the previous one's.
type Change struct{ Cur, Prev int }

// Text prints 增加 12.5%, 减少 3.0%, 持平, or — when the previous is 0.
func (c Change) Text() string {
	switch {
	case c.Prev == 0:
		return "—"
	case c.Cur == c.Prev:
		return "持平"
	case c.Cur > c.Prev:
		return fmt.Sprintf("增加 %.1f%%", float64(c.Cur-c.Prev)*100/float64(c.Prev))
	}
	return fmt.Sprintf("减少 %.1f%%", float64(c.Prev-c.Cur)*100/float64(c.Prev))
}

// PeriodReport is a period's figures with the number of cases of the period
// before it (Prev holds its Period and Total only).
type PeriodReport struct {
	Cur, Prev *PeriodFigures
}

// Change is the 环比 of the number of cases.
func (r *PeriodReport) Change() Change { return Change{r.Cur.Total, r.Prev.Total} }

// PeriodReport computes the figures of p and of the period before it.
func (s *Store) PeriodReport(ctx context.Context, p Period) (*PeriodReport, error) {
	cur, err := s.PeriodFigures(ctx, p, true)
	if err != nil {
		return nil, err
	}
	prev, err := s.periodTotal(ctx, p.Previous())
	if err != nil {
		return nil, err
	}
	return &PeriodReport{Cur: cur, Prev: prev}, nil
}

// periodTotal is the figures of p that 环比 needs: the number of cases.
func (s *Store) periodTotal(ctx context.Context, p Period) (*PeriodFigures, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("period total: %w", err)
	}
	defer tx.Rollback()
	f := &PeriodFigures{Period: p, AsOf: Day(p.To)}
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE collected >= ? AND collected < ?`,
		dbTime(p.From), dbTime(p.End())).Scan(&f.Total); err != nil {
		return nil, fmt.Errorf("period total: %w", err)
	}
	return f, nil
}

// PeriodFigures computes the figures of p. highlights reads the 重点 and
// 较大-and-above cases whole (for the 通报's 三、重点舆情).
func (s *Store) PeriodFigures(ctx context.Context, p Period, highlights bool) (*PeriodFigures, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("period figures: %w", err)
	}
	defer tx.Rollback()
	cal, err := loadCalendar(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("period figures: %w", err)
	}
	f := &PeriodFigures{Period: p, AsOf: Day(p.To)}
	judged := p.End() // 逾期 is judged at the end of the period's last day,
	if today := Day(s.now()); today.Before(judged) {
		judged = today // or, while it runs, as the 统计 screen judges it today
		f.AsOf = today
	}
	marks, err := periodCases(ctx, tx, f, cal, judged)
	if err != nil {
		return nil, fmt.Errorf("period figures: %w", err)
	}
	if err := periodDepartments(ctx, tx, f, marks); err != nil {
		return nil, fmt.Errorf("period figures: %w", err)
	}
	end := p.End()
	if err := tx.QueryRowContext(ctx, returnedQuery, dbTime(p.From), dbTime(p.End()), dbTime(end)).Scan(&f.Returned); err != nil {
		return nil, fmt.Errorf("period figures: %w", err)
	}
	if highlights && len(f.top) > 0 {
		ids := make([]string, len(f.top))
		for i, h := range f.top {
			ids[i] = fmt.Sprint(h.id)
		}
		cs, err := queryCases(ctx, tx, `SELECT `+caseColumns+caseFrom+` WHERE c.id IN (`+strings.Join(ids, ",")+`)`)
		if err != nil {
			return nil, fmt.Errorf("period figures: %w", err)
		}
		byID := map[int64]*Case{}
		for _, c := range cs {
			asOf(c, end)
			byID[c.ID] = c
		}
		for _, h := range f.top {
			if c := byID[h.id]; c != nil {
				f.Highlights = append(f.Highlights, c)
			}
		}
	}
	f.top = nil
	return f, nil
}

// returnedQuery counts the 退回重办 of the cases collected in [?1, ?2)
// before ?3: the few 退回重办 from the partial index case_events_return
// (migration 0032), which only a query naming the action as this literal
// can use, each case looked up by id (CROSS JOIN keeps that order rather
// than a look-up in the index for each case of the period).
const returnedQuery = `SELECT count(*) FROM case_events e CROSS JOIN cases c ON c.id = e.case_id
	WHERE e.action = '` + ActionReturn + `' AND c.collected >= ?1 AND c.collected < ?2 AND e.at < ?3`

// asOf turns c back to where it stood before end: a 交办, reply, 办结 or
// 回访 at or after end is undone. A time not recorded (an imported case)
// is taken as before end.
func asOf(c *Case, end time.Time) {
	after := func(t time.Time) bool { return !t.IsZero() && !t.Before(end) }
	if after(c.VisitedAt) {
		c.VisitResult, c.VisitedAt = "", time.Time{}
	}
	if c.Status == StatusClosed && after(c.ClosedAt) {
		c.Status, c.ClosedAt = StatusReplied, time.Time{}
		if c.RepliedAt.IsZero() { // closed without a reply time: the closing was the answer
			c.Status = StatusAssigned
		}
	}
	if c.Replied() && after(c.RepliedAt) {
		c.Status, c.RepliedAt, c.ClosedAt, c.Reply = StatusAssigned, time.Time{}, time.Time{}, ""
		c.VisitResult, c.VisitedAt = "", time.Time{}
	}
	if c.Status != StatusPending && after(c.AssignedAt) {
		c.Status, c.AssignedAt = StatusPending, time.Time{}
	}
}
