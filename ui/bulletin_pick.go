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

// meetingPicker is a dialog to choose meeting notes by searching them.
type meetingPicker struct {
	win    fyne.Window
	store  *model.Store
	search *widget.Entry
	list   *widget.List
	note   *widget.Label
	found  []*model.Meeting
	picked map[int64]*model.Meeting
	order  []int64 // ids in the order ticked
	dlg    *formDialog
}

// newMeetingPicker shows the picker; onPick receives the meetings ticked.
func newMeetingPicker(w fyne.Window, s *model.Store, onPick func([]*model.Meeting)) *meetingPicker {
	p := &meetingPicker{win: w, store: s, picked: map[int64]*model.Meeting{}}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("输入会议名称、议题或内容中的文字")
	p.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	p.search.OnChanged = func(string) { p.find() }
	p.note = widget.NewLabel("")
	p.note.Importance = widget.LowImportance
	p.list = widget.NewList(func() int { return len(p.found) },
		func() fyne.CanvasObject { return widget.NewCheck("", nil) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			m, ok := at(p.found, i)
			if !ok {
				return
			}
			chk := o.(*widget.Check)
			chk.OnChanged = nil
			chk.SetText(formatDate(m.Time, false) + "　" + truncate(oneLine(m.Name), 40))
			chk.SetChecked(p.picked[m.ID] != nil)
			chk.OnChanged = func(on bool) { p.toggle(m, on) }
		})
	body := container.NewBorder(p.search, p.note, nil, nil, p.list)
	p.dlg = newFormDialog(w, "选择关联会议纪要", "确定", container.NewGridWrap(fyne.NewSize(600, 420), body), func() formResult {
		var out []*model.Meeting
		for _, id := range p.order {
			out = append(out, p.picked[id])
		}
		return closeThen(func() { onPick(out) })
	})
	p.find()
	w.Canvas().Focus(p.search)
	return p
}

func (p *meetingPicker) toggle(m *model.Meeting, on bool) {
	if on && p.picked[m.ID] == nil {
		p.picked[m.ID] = m
		p.order = append(p.order, m.ID)
		return
	}
	if !on {
		delete(p.picked, m.ID)
		for i, id := range p.order {
			if id == m.ID {
				p.order = append(p.order[:i], p.order[i+1:]...)
				break
			}
		}
	}
}

// find lists the meetings matching the search (meeting notes are few).
func (p *meetingPicker) find() {
	ms, err := p.store.FindMeetings(context.Background(), model.MeetingFilter{Query: strings.TrimSpace(p.search.Text), Limit: pickerLimit})
	if err != nil {
		showError(p.win, "查询会议纪要", err)
		return
	}
	p.found = ms
	p.note.SetText("列出 " + strconv.Itoa(len(ms)) + " 份")
	p.list.Refresh()
}
