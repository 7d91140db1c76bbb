package model

import (
	"context"
	"database/sql"
	"fmt"
	"math/big"
	"sort"
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
}

// MaxHighlights is how many cases PeriodFigures reads whole for 三、重点舆情.
const MaxHighlights = 20

// DepartmentRow is one row of the 附表 各责任单位办理情况统计表.
type DepartmentRow struct {
	Name             string
	Assigned         int // 交办
	Replied          int // 已回复 (closed ones too)
	OnTime           int // 按期回复
	OverdueUnreplied int // 逾期未回复
	Closed           int // 已办结
	Rank             int // 排名 by 按期回复率, ties share a rank; 0 = — (no reply due)
}

// OnTimeRate is the row's 按期回复率 = 按期回复 ÷ (已回复 + 逾期未回复).
func (d DepartmentRow) OnTimeRate() Rate { return Rate{d.OnTime, d.Replied + d.OverdueUnreplied} }

// RankText is the 排名 as printed: the number, or — when the rate is —.
func (d DepartmentRow) RankText() string {
	if d.Rank == 0 {
		return "—"
	}
	return fmt.Sprint(d.Rank)
}

// Total is the 合计 row of the 附表: each case once, however many departments
// it names (the department rows add up to more when cases have several).
func (f *PeriodFigures) TotalRow() DepartmentRow {
	h := f.Handling
	return DepartmentRow{Name: "合计", Assigned: h.Assigned, Replied: h.Replied, OnTime: h.OnTime,
		OverdueUnreplied: h.OverdueUnreplied, Closed: h.Closed}
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

// PeriodReport is a period's figures with those of the period before it.
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
	prev, err := s.PeriodFigures(ctx, p.Previous(), false)
	if err != nil {
		return nil, err
	}
	return &PeriodReport{Cur: cur, Prev: prev}, nil
}

// caseMark is what the 附表 needs of one case, as it stood at the end.
type caseMark struct {
	assigned, replied, onTime, overdue, closed bool
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
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id
		WHERE c.collected >= ? AND c.collected < ? AND e.action = ? AND e.at < ?`,
		dbTime(p.From), dbTime(p.End()), ActionReturn, dbTime(end)).Scan(&f.Returned); err != nil {
		return nil, fmt.Errorf("period figures: %w", err)
	}
	if highlights {
		const which = ` WHERE c.collected >= ? AND c.collected < ? AND (c.important = 1 OR c.risk IN ('较大', '重大', '特别重大'))`
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM cases c`+which, dbTime(p.From), dbTime(p.End())).Scan(&f.HighlightN); err != nil {
			return nil, fmt.Errorf("period figures: %w", err)
		}
		cs, err := queryCases(ctx, tx, `SELECT `+caseColumns+caseFrom+which+` ORDER BY c.important DESC,
			CASE c.risk WHEN '特别重大' THEN 0 WHEN '重大' THEN 1 WHEN '较大' THEN 2 ELSE 3 END, c.collected, c.id LIMIT ?`,
			dbTime(p.From), dbTime(p.End()), MaxHighlights)
		if err != nil {
			return nil, fmt.Errorf("period figures: %w", err)
		}
		for _, c := range cs {
			asOf(c, end)
		}
		f.Highlights = cs
	}
	return f, nil
}

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

// periodCases counts the period's cases in one pass and returns each
// case's marks for the 附表.
func periodCases(ctx context.Context, tx *sql.Tx, f *PeriodFigures, cal *Calendar, judged time.Time) (map[int64]caseMark, error) {
	p := f.Period
	rows, err := tx.QueryContext(ctx, `SELECT c.id, c.status, c.source, c.collected, c.due, c.kind, c.domain,
		c.area, c.risk, c.sentiment, c.assigned_at, c.replied_at, c.closed_at, c.original_due,
		c.visit_result, c.visited_at FROM cases c WHERE c.collected >= ? AND c.collected < ?`,
		dbTime(p.From), dbTime(p.End()))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	end := p.End()
	source, kind, domain, area, risk := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	day, month := map[string]int{}, map[string]int{}
	marks := map[int64]caseMark{}
	for rows.Next() {
		var c Case
		var collected, due, assigned, replied, closed, orig, visited sql.NullString
		if err := rows.Scan(&c.ID, &c.Status, &c.Source, &collected, &due, &c.Kind, &c.Domain, &c.Area,
			&c.Risk, &c.Sentiment, &assigned, &replied, &closed, &orig, &c.VisitResult, &visited); err != nil {
			return nil, err
		}
		var ts timeScanner
		c.Collected, c.Due, c.OriginalDue = ts.dt(collected), ts.date(due), ts.date(orig)
		c.AssignedAt, c.RepliedAt, c.ClosedAt, c.VisitedAt = ts.dt(assigned), ts.dt(replied), ts.dt(closed), ts.dt(visited)
		if ts.err != nil {
			return nil, ts.err
		}
		asOf(&c, end)
		f.Total++
		source[c.Source]++
		kind[c.Kind]++
		domain[c.Domain]++
		area[c.Area]++
		risk[c.Risk]++
		day[c.Collected.Format("2006-01-02")]++
		month[c.Collected.Format("2006-01")]++
		switch c.Risk {
		case "较大", "重大", "特别重大":
			f.HighRisk++
		}
		if c.Sentiment == "负面" {
			f.Negative++
		}
		f.Handling.add(&c, cal, judged)
		if c.Status != StatusPending {
			marks[c.ID] = caseMark{assigned: true, replied: c.Replied(), onTime: c.RepliedOnTime(),
				overdue: c.Overdue(judged), closed: c.Status == StatusClosed}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	most := func(a, b Count) bool { return a.N > b.N || a.N == b.N && a.Label < b.Label }
	f.BySource, f.ByKind = sortedCounts(source, most), sortedCounts(kind, most)
	f.ByDomain, f.ByArea = sortedCounts(domain, most), sortedCounts(area, most)
	for _, r := range RiskLevels {
		f.ByRisk = append(f.ByRisk, Count{r, risk[r]})
		delete(risk, r)
	}
	f.ByRisk = append(f.ByRisk, sortedCounts(risk, most)...)
	for d := Day(p.From); !d.After(p.To); d = d.AddDate(0, 0, 1) {
		f.ByDay = append(f.ByDay, Count{d.Format("2006-01-02"), day[d.Format("2006-01-02")]})
		if d.Day() == 1 || d.Equal(Day(p.From)) {
			f.ByMonth = append(f.ByMonth, Count{d.Format("2006-01"), month[d.Format("2006-01")]})
		}
	}
	return marks, nil
}

// periodDepartments fills the 附表: every department of the directory and
// every department named by a case of the period, ranked.
func periodDepartments(ctx context.Context, tx *sql.Tx, f *PeriodFigures, marks map[int64]caseMark) error {
	byName := map[string]*DepartmentRow{}
	var order []string
	row := func(name string) *DepartmentRow {
		if d := byName[name]; d != nil {
			return d
		}
		d := &DepartmentRow{Name: name}
		byName[name] = d
		order = append(order, name)
		return d
	}
	drows, err := tx.QueryContext(ctx, `SELECT name FROM departments ORDER BY name, id`)
	if err != nil {
		return err
	}
	for drows.Next() {
		var name string
		if err := drows.Scan(&name); err != nil {
			drows.Close()
			return err
		}
		row(name)
	}
	if err := drows.Err(); err != nil {
		return err
	}
	drows.Close()
	rows, err := tx.QueryContext(ctx, `SELECT d.case_id, d.name FROM case_departments d JOIN cases c ON c.id = d.case_id
		WHERE c.collected >= ? AND c.collected < ?`, dbTime(f.Period.From), dbTime(f.Period.End()))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		d := row(name)
		m, ok := marks[id]
		if !ok {
			continue
		}
		d.Assigned++
		d.Replied += b2i(m.replied)
		d.OnTime += b2i(m.onTime)
		d.OverdueUnreplied += b2i(m.overdue)
		d.Closed += b2i(m.closed)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, n := range order {
		f.Departments = append(f.Departments, *byName[n])
	}
	RankDepartments(f.Departments)
	return nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// RankDepartments ranks rows by 按期回复率, highest first; equal rates share
// a rank and the next rank skips (1, 1, 3); rows whose rate is — get no rank
// and go last. Rows of one rank, and those without, go by name.
func RankDepartments(rows []DepartmentRow) {
	cmp := func(a, b Rate) int { // compares a and b exactly
		x := new(big.Int).Mul(big.NewInt(int64(a.Num)), big.NewInt(int64(b.Den)))
		y := new(big.Int).Mul(big.NewInt(int64(b.Num)), big.NewInt(int64(a.Den)))
		return x.Cmp(y)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i].OnTimeRate(), rows[j].OnTimeRate()
		switch {
		case a.Den == 0 || b.Den == 0:
			if (a.Den == 0) != (b.Den == 0) {
				return b.Den == 0
			}
		default:
			if c := cmp(a, b); c != 0 {
				return c > 0
			}
		}
		return rows[i].Name < rows[j].Name
	})
	for i := range rows {
		r := rows[i].OnTimeRate()
		switch {
		case r.Den == 0:
			rows[i].Rank = 0
		case i > 0 && rows[i-1].Rank > 0 && cmp(r, rows[i-1].OnTimeRate()) == 0:
			rows[i].Rank = rows[i-1].Rank
		default:
			rows[i].Rank = i + 1
		}
	}
}
