package ui

import (
	"time"

	"fyne.io/fyne/v2"

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

// tapBars makes the 统计 screen's charts open the cases behind a bar: the
// 案件 screen with the same 收集时间 and the bar's status, source,
// department or month.
func (ss *statsScreen) tapBars() {
	open := func(f func(*model.CaseFilter) bool) {
		if ss.openCases == nil || ss.last == nil {
			return
		}
		cf := model.CaseFilter{}
		cf.From, cf.To, _ = ss.period()
		if f(&cf) {
			ss.openCases(cf)
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
			f.Department = d.Name
			return ok && i < statsTopDepartments
		})
	}
	ss.byMonth.OnTapped = func(i int) {
		open(func(f *model.CaseFilter) bool {
			m := ss.lastFirst.AddDate(0, i, 0)
			end := m.AddDate(0, 1, -1)
			if f.From.IsZero() || f.From.Before(m) {
				f.From = m
			}
			if f.To.IsZero() || f.To.After(end) {
				f.To = end
			}
			return !f.To.Before(f.From)
		})
	}
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
// 收集时间; the others cleared) and runs the query.
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
