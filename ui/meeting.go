package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// meetingsScreen is the 会议纪要 screen: the list of meeting notes on the left,
// the editor on the right.
type meetingsScreen struct {
	win   fyne.Window
	store *model.Store

	search *widget.Entry
	list   *widget.List
	items  []*model.Meeting
	count  *widget.Label
	empty  *widget.Label // over the empty list: none yet, or none found
	ed     *meetingEditor
	split  *container.Split
	root   fyne.CanvasObject
	gen    int
	bg     *tasks
	quiet  bool
}

func newMeetingsScreen(w fyne.Window, s *model.Store, bg *tasks) *meetingsScreen {
	ms := &meetingsScreen{win: w, store: s, bg: bg}
	ms.ed = newMeetingEditor(w, s, bg)
	ms.ed.onSaved = func(*model.Meeting) { ms.reload() }
	ms.ed.onDeleted = ms.reload
	ms.ed.onNew = ms.onNew
	return ms
}

// content builds the screen once and returns it.
func (ms *meetingsScreen) content() fyne.CanvasObject {
	if ms.root == nil {
		ms.root = ms.buildUI()
	}
	return ms.root
}

func (ms *meetingsScreen) buildUI() fyne.CanvasObject {
	ms.search = widget.NewEntry()
	ms.search.SetPlaceHolder("搜索会议名称、议题、内容")
	ms.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	ms.search.OnChanged = func(string) { ms.reload() }
	ms.count = widget.NewLabel("")
	ms.list = widget.NewList(func() int { return len(ms.items) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("")
			sub.Truncation = fyne.TextTruncateEllipsis
			sub.Importance = widget.LowImportance
			return container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*2), name, sub)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			m, ok := at(ms.items, i)
			if !ok {
				return
			}
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(m.Name)
			box.Objects[1].(*widget.Label).SetText(strings.TrimSpace(formatDate(m.Time, true) + "　" + m.Type + "　" + m.Place))
		})
	ms.list.OnSelected = ms.onSelected
	newBtn := widget.NewButtonWithIcon("新建会议纪要", theme.ContentAddIcon(), ms.onNew)
	ms.empty = widget.NewLabel("")
	ms.empty.Alignment = fyne.TextAlignCenter
	ms.empty.Wrapping = fyne.TextWrapWord
	ms.empty.Importance = widget.LowImportance
	ms.empty.Hide()
	left := container.NewBorder(container.NewVBox(ms.search, newBtn), ms.count, nil, nil,
		container.NewStack(ms.list, container.NewVBox(ms.empty)))
	ms.split = newSavedSplit(prefMeetingSplit, defaultMeetingSplit, left, ms.ed.buildUI())
	return ms.split
}

// reload lists the meetings matching the search, in the background.
func (ms *meetingsScreen) reload() {
	if ms.list == nil {
		return
	}
	ms.gen++
	gen, q := ms.gen, strings.TrimSpace(ms.search.Text)
	ms.bg.run(func() func() {
		items, err := ms.store.FindMeetings(context.Background(), model.MeetingFilter{Query: q})
		return func() {
			if gen != ms.gen {
				return
			}
			if err != nil {
				showError(ms.win, "查询会议纪要", err)
				return
			}
			ms.items = items
			ms.count.SetText(fmt.Sprintf("共 %d 份", len(items)))
			ms.showEmpty(q)
			ms.list.Refresh()
			ms.selectOpen()
		}
	})
}

// showEmpty says why the list is empty: nothing recorded yet, or nothing
// matching the search q.
func (ms *meetingsScreen) showEmpty(q string) {
	switch {
	case len(ms.items) > 0:
		ms.empty.Hide()
		return
	case q == "":
		ms.empty.SetText("还没有会议纪要。\n点「新建会议纪要」（Ctrl+N）开始记录。")
	default:
		ms.empty.SetText("没有找到含「" + q + "」的会议纪要。")
	}
	ms.empty.Show()
}

func (ms *meetingsScreen) onSelected(i widget.ListItemID) {
	if ms.quiet || i >= len(ms.items) {
		return
	}
	m := ms.items[i]
	if ms.ed.orig != nil && ms.ed.orig.ID == m.ID {
		return
	}
	ms.ed.confirmLeave(func() {
		ms.ed.open(m.ID)
		ms.selectOpen()
	})
	ms.selectOpen() // the user may choose 取消: keep the open meeting highlighted
}

// selectOpen highlights the meeting open in the editor.
func (ms *meetingsScreen) selectOpen() {
	ms.quiet = true
	ms.list.UnselectAll()
	for i, m := range ms.items {
		if ms.ed.orig != nil && m.ID == ms.ed.orig.ID {
			ms.list.Select(i)
		}
	}
	ms.quiet = false
}

// onNew starts a new meeting note (Ctrl+N).
func (ms *meetingsScreen) onNew() {
	ms.ed.confirmLeave(func() {
		ms.ed.newMeeting()
		ms.selectOpen()
		ms.win.Canvas().Focus(ms.ed.name)
	})
}

// onSave saves the open meeting note (Ctrl+S).
func (ms *meetingsScreen) onSave() { ms.ed.save(nil) }

// onFind focuses the search box (Ctrl+F).
func (ms *meetingsScreen) onFind() { ms.win.Canvas().Focus(ms.search) }

// saveLayout remembers where the divider between list and editor is.
func (ms *meetingsScreen) saveLayout() { saveSplit(ms.split, prefMeetingSplit) }

// confirmLeave implements screen.
func (ms *meetingsScreen) confirmLeave(next func()) { ms.ed.confirmLeave(next) }

// wait blocks until the queries started so far have been shown (for tests).
