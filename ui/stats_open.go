package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"bulletin/model"
)

// Tapped implements fyne.Tappable: a tap on a bar (its row in a horizontal
// chart, its column in a vertical one) calls OnTapped with its index.
func (c *barChart) Tapped(ev *fyne.PointEvent) {
	if c.OnTapped == nil || c.empty() || len(c.bars) == 0 {
		return
	}
	i := int(ev.Position.Y / chartRow)
	if c.vertical {
		i = int(ev.Position.X / (c.Size().Width / float32(len(c.bars))))
	}
	if i >= 0 && i < len(c.bars) {
		c.OnTapped(i)
	}
}

// Cursor implements desktop.Cursorable: a hand over a chart whose bars open
// the cases behind them.
func (c *barChart) Cursor() desktop.Cursor {
	if c.OnTapped != nil && !c.empty() {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// openWith opens the 案件 screen with the screen's 收集时间 narrowed by f;
// f returns false when what was tapped is no single value (其他, 未填写).
func (ss *statsScreen) openWith(f func(*model.CaseFilter) bool) {
	if ss.openCases == nil {
		return
	}
	cf := model.CaseFilter{}
	cf.From, cf.To, _ = ss.period()
	if f(&cf) {
		ss.openCases(cf)
	}
}

// tapBars makes the 统计 screen's charts open the cases behind a bar: the
// 案件 screen with the same 收集时间 and the bar's status, source,
// department, month or 诉求类型.
func (ss *statsScreen) tapBars() {
	open := func(f func(*model.CaseFilter) bool) {
		if ss.last != nil {
			ss.openWith(f)
		}
	}
	ss.byStatus.OnTapped = func(i int) {
		open(func(f *model.CaseFilter) bool {
			c, ok := at(ss.last.ByStatus, i)
			f.Status = model.CaseStatus(c.Label)
			return ok
		})
	}
	ss.bySource.OnTapped = func(i int) {
		open(func(f *model.CaseFilter) bool {
			c, ok := at(ss.last.BySource, i)
			f.Source = c.Label
			return ok && c.Label != ""
		})
	}
	ss.byDept.OnTapped = func(i int) {
		open(func(f *model.CaseFilter) bool {
			d, ok := at(byAssigned(ss.last.Departments), i)
			ss.assignedTo(f, d.Name)
			return ok && i < statsTopDepartments
		})
	}
	ss.byMonth.OnTapped = func(i int) {
		open(func(f *model.CaseFilter) bool { return inMonth(f, ss.lastFirst.AddDate(0, i, 0)) })
	}
	ss.byKind.OnTapped = func(i int) {
		open(func(f *model.CaseFilter) bool {
			c, ok := at(ss.last.ByKind, i)
			f.Kind = c.Label
			return ok && c.Label != ""
		})
	}
}

// inMonth narrows f's 收集时间 to month m; false when nothing is left.
func inMonth(f *model.CaseFilter, m time.Time) bool {
	end := m.AddDate(0, 1, -1)
	if f.From.IsZero() || f.From.Before(m) {
		f.From = m
	}
	if f.To.IsZero() || f.To.After(end) {
		f.To = end
	}
	return !f.To.Before(f.From)
}

// openDepartment is a tap on a row of the department table: the cases
// assigned to it.
func (ss *statsScreen) openDepartment(i int) {
	if i > 0 && i < len(ss.deptRows) {
		name := ss.deptRows[i][0]
		ss.openWith(func(f *model.CaseFilter) bool { ss.assignedTo(f, name); return true })
	}
}

// assignedTo narrows f to the cases a department's 交办 counts: those of
// the department assigned by the end of the 截止日期 (asOfEnd), or by today
// while the period runs (the list then says 截至 today, as the tiles do),
// not one assigned later or still 待研判.
func (ss *statsScreen) assignedTo(f *model.CaseFilter, department string) {
	f.Department = department
	f.AssignedBefore = asOfEnd(f.To)
	if tomorrow := model.Day(ss.store.Now()).AddDate(0, 0, 1); f.AssignedBefore.After(tomorrow) {
		f.AssignedBefore = tomorrow
	}
}

// filterBy sets the field of f that the breakdown by counts (按来源 …
// 按月份) to label; false when the label is no single value.
func filterBy(by, label string, f *model.CaseFilter) bool {
	if strings.TrimSpace(label) == "" || label == "未填写" {
		return false
	}
	switch by {
	case "按来源":
		f.Source = label
	case "按领域":
		f.Domain = label
	case "按诉求类型":
		f.Kind = label
	case "按涉及地域":
		f.Area = label
	case "按风险等级":
		f.Risk = label
	case "按月份":
		m, err := time.ParseInLocation("2006-01", label, time.Local)
		return err == nil && inMonth(f, m)
	default:
		return false
	}
	return true
}

// openCases shows the 案件 screen filtered as f (leaving this screen as
// the navigation does).
func (sh *shell) openCases(f model.CaseFilter) {
	sh.saveLayout()
	sh.screens[sh.current].confirmLeave(func() {
		sh.show(navCases)
		sh.app.Preferences().SetString(prefLastScreen, navCases)
		sh.cases.showFilter(f)
	})
}

// showFilter sets the list's filters to f (status, department, source,
// 收集时间, and 领域, 诉求类型, 涉及地域 or 风险等级; the others cleared)
// and runs the query.
func (cs *casesScreen) showFilter(f model.CaseFilter) {
	if cs.table == nil {
		return
	}
	cs.quiet = true
	cs.search.SetText("")
	cs.overdue.SetChecked(false)
	cs.dueSoon.SetChecked(false)
	cs.important.SetChecked(false)
	cs.sentiment.SetSelectedIndex(0)
	pick := func(s interface {
		SetSelectedIndex(int)
		SetSelected(string)
	}, options *[]string, v string) {
		if v == "" {
			s.SetSelectedIndex(0)
			return
		}
		found := false
		for _, o := range *options {
			found = found || o == v
		}
		if !found {
			*options = append(*options, v)
		}
		s.SetSelected(v)
	}
	pick(cs.status, &cs.status.Options, string(f.Status))
	pick(cs.dept, &cs.dept.Options, f.Department)
	pick(cs.source, &cs.source.Options, f.Source)
	cs.breakdown.set(f)
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(model.DateLayout)
	}
	cs.from.SetText(day(f.From))
	cs.to.SetText(day(f.To))
	cs.quiet = false
	cs.reloadList()
}
