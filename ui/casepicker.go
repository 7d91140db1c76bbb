package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// pickerLimit is how many matching cases the picker lists.
const pickerLimit = 50

// casePicker is a dialog to choose cases by searching the case list and
// filtering it by 状态, 责任单位 and 来源, as on the 案件 screen.
type casePicker struct {
	win                  fyne.Window
	store                *model.Store
	search               *widget.Entry
	status, dept, source *widget.Select
	list                 *widget.List
	note                 *widget.Label
	found                []*model.Case
	picked               map[int64]*model.Case
	dlg                  *formDialog
	gen                  int
	bg                   *tasks
}

// newCasePicker shows the picker; onPick receives the cases ticked.
func newCasePicker(w fyne.Window, s *model.Store, bg *tasks, onPick func([]*model.Case)) *casePicker {
	p := &casePicker{win: w, store: s, picked: map[int64]*model.Case{}, bg: bg}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("输入标题、原文或编号中的文字")
	p.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	p.search.OnChanged = func(string) { p.find() }
	p.status = filterSelect(anyStatus, statusNames(), p.find)
	p.dept = filterSelect(anyDept, nil, p.find)
	p.source = filterSelect(anySource, model.Sources, p.find)
	p.loadDepartments()
	p.note = widget.NewLabel("")
	p.note.Importance = widget.LowImportance
	p.list = widget.NewList(func() int { return len(p.found) },
		func() fyne.CanvasObject {
			c := widget.NewCheck("", nil)
			return c
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c, ok := at(p.found, i)
			if !ok {
				return
			}
			chk := o.(*widget.Check)
			chk.OnChanged = nil
			chk.SetText(c.Number + "　" + caseListStatus(c) + "　" + truncate(oneLine(c.Title), 34))
			chk.SetChecked(p.picked[c.ID] != nil)
			chk.OnChanged = func(on bool) { p.toggle(c, on) }
		})
	top := container.NewVBox(p.search, container.NewGridWithColumns(3, p.status, p.dept, p.source))
	body := container.NewBorder(top, p.note, nil, nil, p.list)
	sized := container.NewGridWrap(fyne.NewSize(640, 460), body)
	p.dlg = newFormDialog(w, "选择关联案件", "确定", sized, func() formResult {
		var out []*model.Case
		for _, c := range p.found {
			if p.picked[c.ID] != nil {
				out = append(out, c)
				delete(p.picked, c.ID)
			}
		}
		for _, c := range p.picked { // ticked under an earlier search
			out = append(out, c)
		}
		return closeThen(func() { onPick(out) })
	})
	p.find()
	w.Canvas().Focus(p.search)
	return p
}

func (p *casePicker) toggle(c *model.Case, on bool) {
	if on {
		p.picked[c.ID] = c
	} else {
		delete(p.picked, c.ID)
	}
}

// find runs the search in the background.
func (p *casePicker) find() {
	p.gen++
	gen := p.gen
	f := model.CaseFilter{Query: strings.TrimSpace(p.search.Text), Sort: model.SortCollected, Desc: true, Limit: pickerLimit}
	if p.status.SelectedIndex() > 0 {
		f.Status = model.CaseStatus(p.status.Selected)
	}
	if p.dept.SelectedIndex() > 0 {
		f.Department = p.dept.Selected
	}
	if p.source.SelectedIndex() > 0 {
		f.Source = p.source.Selected
	}
	p.bg.run(func() func() {
		cases, total, err := p.store.FindCases(context.Background(), f)
		return func() {
			if gen != p.gen {
				return
			}
			if err != nil {
				showError(p.win, "查询案件", err)
				return
			}
			p.found = cases
			if total > len(cases) {
				p.note.SetText("共 " + strconv.Itoa(total) + " 件，仅列出最近的 " + strconv.Itoa(len(cases)) + " 件，请输入文字或选择条件缩小范围。")
			} else {
				p.note.SetText("共 " + strconv.Itoa(total) + " 件")
			}
			p.list.Refresh()
		}
	})
}

// loadDepartments offers the departments of the directory in the 责任单位 filter.
func (p *casePicker) loadDepartments() {
	p.bg.run(func() func() {
		depts, err := p.store.FindDepartments(context.Background())
		return func() {
			if err != nil {
				showError(p.win, "读取责任单位", err)
				return
			}
			opts := []string{anyDept}
			for _, d := range depts {
				opts = append(opts, d.Name)
			}
			p.dept.Options = opts
			p.dept.Refresh()
		}
	})
}

// filterSelect is a filter choice whose first option, any, is selected and
// means no filter; onChange runs after each later choice.
func filterSelect(any string, options []string, onChange func()) *widget.Select {
	s := widget.NewSelect(append([]string{any}, options...), nil)
	s.PlaceHolder = "请选择"
	s.SetSelectedIndex(0)
	s.OnChanged = func(string) { onChange() }
	return s
}

// truncate shortens s to n characters with an ellipsis.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
