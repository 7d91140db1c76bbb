package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// caseEditor is the form of one case: its fields in four groups, the timeline
// and the buttons that move the case through its handling.
type caseEditor struct {
	win   fyne.Window
	store *model.Store
	bg    *tasks // the window's background work
	now   func() time.Time

	orig   *model.Case // as last loaded or saved; nil when nothing is open
	snap   caseFormState
	events []*model.CaseEvent

	heading, overdueMark          *widget.Label
	title, url, poster, area      *widget.Entry
	source, domain                *widget.SelectEntry
	kind, risk                    *widget.Select
	posted, collected, due        *dateField
	content                       *longText
	spread, summary               *longText
	assessment, proposal          *longText
	handling, reply, remarks      *longText
	depts, assignedAt, repliedAt  *widget.Label
	closedAt                      *widget.Label
	timeline                      *timeline
	tabs                          *container.AppTabs
	pages                         []*container.Scroll // the form of each tab but 办理记录
	fields                        []caseField
	newBtn, saveBtn, deleteBtn    *widget.Button
	assignBtn, replyBtn, closeBtn *widget.Button
	returnBtn, extendBtn, urgeBtn *widget.Button
	reportFields                                 // 重点, 情感倾向, 传播 numbers, 回访 (case_report.go)
	docs                          *caseDocuments // 交办单, 催办单 (case_documents.go)
	form                          fyne.CanvasObject
	empty                         fyne.CanvasObject

	// lastPrompt and lastDialog are the dialogs shown last (for tests).
	lastPrompt *unsavedPrompt
	lastDialog *formDialog
	action     *actionForm

	calendar  func() *model.Calendar // the list's, for 即将到期 and 逾期 n 个工作日
	onSaved   func(*model.Case)
	onDeleted func()
	onNew     func()
}

// caseField is one field of the form, where a message naming it can find it.
type caseField struct {
	name string
	tab  int
	obj  fyne.CanvasObject
}

func newCaseEditor(w fyne.Window, s *model.Store, bg *tasks, now func() time.Time) *caseEditor {
	return &caseEditor{win: w, store: s, bg: bg, now: now}
}

func multiLine(rows int) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}

func (e *caseEditor) buildUI() fyne.CanvasObject {
	e.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.overdueMark = widget.NewLabelWithStyle("逾期", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.overdueMark.Importance = widget.DangerImportance
	e.title, e.url, e.poster, e.area = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	e.title.SetPlaceHolder("必填")
	e.source, e.domain = widget.NewSelectEntry(model.Sources), widget.NewSelectEntry(model.Domains)
	e.kind, e.risk = widget.NewSelect(model.Kinds, nil), widget.NewSelect(model.RiskLevels, nil)
	e.kind.PlaceHolder, e.risk.PlaceHolder = "请选择", "请选择"
	e.posted, e.collected, e.due = newDateField(true), newDateField(true), newDateField(false)
	e.posted.now, e.collected.now = e.now, e.now
	e.content = newLongText(e.win, "原文内容", 8)
	e.spread, e.summary = newLongText(e.win, "传播情况", 3), newLongText(e.win, "摘要", 3)
	e.assessment, e.proposal = newLongText(e.win, "研判意见", 3), newLongText(e.win, "处置建议", 3)
	e.handling, e.reply, e.remarks = newLongText(e.win, "办理情况", 3), newLongText(e.win, "回复内容", 3), newLongText(e.win, "备注", 2)
	e.depts, e.assignedAt, e.repliedAt, e.closedAt = widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
	e.depts.Wrapping = fyne.TextWrapWord
	e.timeline = newTimeline()
	e.buildReportFields()

	e.newBtn = widget.NewButtonWithIcon("新建", theme.ContentAddIcon(), func() { e.onNew() })
	e.saveBtn = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), func() { e.save(nil) })
	e.saveBtn.Importance = widget.HighImportance
	e.deleteBtn = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), e.onDelete)
	e.assignBtn = widget.NewButton(model.ActionAssign, e.onAssign)
	e.replyBtn = widget.NewButton(model.ActionReply, e.onReply)
	e.closeBtn = widget.NewButton(model.ActionClose, e.onClose)
	e.returnBtn = widget.NewButton(model.ActionReturn, e.onReturn)
	e.extendBtn = widget.NewButton(model.ActionExtend, e.onExtend)
	e.urgeBtn = widget.NewButton(model.ActionRemind, e.onRemind)
	e.docs = newCaseDocuments(e)

	groups := []struct {
		tab   string
		items []caseField
	}{
		{"基本信息", []caseField{{"标题", 0, e.title}, {"涉及地域", 0, e.area}, {"领域", 0, e.domain},
			{"诉求类型", 0, e.kind}, {"风险等级", 0, e.risk}, {"重点", 0, e.important}, {"备注", 0, e.remarks}}},
		{"来源", []caseField{{"来源平台", 1, e.source}, {"原文链接", 1, e.url}, {"网民昵称", 1, e.poster},
			{"发布时间", 1, e.posted}, {"收集时间", 1, e.collected}, {"传播情况", 1, e.spread},
			{countNames[0], 1, countBox(e.views)}, {countNames[1], 1, countBox(e.reposts)},
			{countNames[2], 1, countBox(e.comments)}, {countNames[3], 1, countBox(e.likes)},
			{"统计时间", 1, container.NewHBox(e.countedAt)}, {"原文内容", 1, e.content}}},
		{"研判", []caseField{{"情感倾向", 2, e.sentiment}, {"摘要", 2, e.summary}, {"研判意见", 2, e.assessment},
			{"处置建议", 2, e.proposal}}},
		{"办理", []caseField{{"责任单位", 3, e.depts}, {"交办时间", 3, e.assignedAt},
			{"办理时限", 3, container.NewHBox(e.due)}, {"原定时限", 3, e.originalDue}, {"催办", 3, e.reminders},
			{"办理情况", 3, e.handling}, {"回复内容", 3, e.reply}, {"回复时间", 3, e.repliedAt},
			{"回复单位", 3, e.replyDept}, {"办结时间", 3, e.closedAt},
			{"回访结果", 3, e.visit}, {"回访时间", 3, container.NewHBox(e.visitedAt)}}},
	}
	e.tabs = container.NewAppTabs()
	e.fields = nil
	for _, g := range groups {
		items := make([]*widget.FormItem, len(g.items))
		for i, f := range g.items {
			items[i] = widget.NewFormItem(f.name, f.obj)
			if h, ok := f.obj.(*fyne.Container); ok && len(h.Objects) == 1 {
				f.obj = h.Objects[0] // the date inside its box
			}
			e.fields = append(e.fields, f)
		}
		page := container.NewVScroll(container.NewPadded(widget.NewForm(items...)))
		e.pages = append(e.pages, page)
		e.tabs.Append(container.NewTabItem(g.tab, page))
	}
	e.tabs.Append(container.NewTabItem("办理记录", e.timeline))
	bar := container.NewHBox(e.newBtn, e.saveBtn, e.deleteBtn)
	head := container.NewHBox(e.heading, e.overdueMark)
	moves := container.NewHBox(e.assignBtn, e.extendBtn, e.urgeBtn, e.replyBtn, e.closeBtn, e.returnBtn,
		e.docs.noticeBtn, e.docs.remindBtn)
	e.form = container.NewBorder(container.NewVBox(bar, widget.NewSeparator(), head, moves), nil, nil, nil, e.tabs)
	hint := widget.NewLabel("在左侧选择案件，或点「新建」（Ctrl+N）登记新案件。")
	hint.Alignment = fyne.TextAlignCenter
	e.empty = container.NewCenter(container.NewVBox(hint, container.NewCenter(
		widget.NewButtonWithIcon("新建案件", theme.ContentAddIcon(), func() { e.onNew() }))))
	e.form.Hide()
	return container.NewStack(e.empty, e.form)
}

// newCase shows an empty form for a new case, collected now, on the first
// tab: a new record starts from the zero value, whatever was open before.
func (e *caseEditor) newCase() {
	y, m, d := e.now().Date()
	hh, mm, _ := e.now().Clock()
	e.show(&model.Case{Collected: time.Date(y, m, d, hh, mm, 0, 0, time.Local)}, nil)
	e.tabs.SelectIndex(0)
	for _, p := range e.pages {
		p.ScrollToTop()
	}
}

// open loads case id with its timeline.
func (e *caseEditor) open(id int64) {
	ctx := context.Background()
	c, err := e.store.FindCaseByID(ctx, id)
	if err != nil {
		showError(e.win, "读取案件", err)
		return
	}
	evs, err := e.store.FindCaseEvents(ctx, id)
	if err != nil {
		showError(e.win, "读取办理记录", err)
	}
	e.show(c, evs)
}

// show fills every widget of the form from c, then takes the snapshot that
// "unsaved" is measured against.
func (e *caseEditor) show(c *model.Case, evs []*model.CaseEvent) {
	e.orig, e.events = c, evs
	e.title.SetText(c.Title)
	e.area.SetText(c.Area)
	e.domain.SetText(c.Domain)
	setChoice(e.kind, c.Kind)
	setChoice(e.risk, c.Risk)
	e.remarks.setText(c.Remarks)
	e.source.SetText(c.Source)
	e.url.SetText(c.URL)
	e.poster.SetText(c.Poster)
	e.posted.SetDate(c.Posted)
	e.collected.SetDate(c.Collected)
	e.spread.setText(c.Spread)
	e.content.setText(c.Content)
	e.summary.setText(c.Summary)
	e.assessment.setText(c.Assessment)
	e.proposal.setText(c.Proposal)
	e.due.SetDate(c.Due)
	e.handling.setText(c.Handling)
	e.reply.setText(c.Reply)
	e.showReport(c)
	e.snap = e.state()
	e.timeline.setEvents(evs)
	e.showStatus()
	e.empty.Hide()
	e.form.Show()
}

// setChoice shows v in s; "" clears it (SetSelected("") would keep the
// choice of the case shown before).
func setChoice(s *widget.Select, v string) {
	if v == "" {
		s.ClearSelected()
		return
	}
	s.Selected = v // also a value no longer among the options, kept as stored
	s.Refresh()
}

// showStatus updates the heading, the read-only handling fields and which
// buttons are enabled.
func (e *caseEditor) showStatus() {
	c := e.orig
	if c.ID == 0 {
		e.heading.SetText("新案件（未保存）")
	} else {
		e.heading.SetText(c.Number + "　" + caseStatusText(c, " · "))
	}
	e.showDue()
	e.depts.SetText(orDash(strings.Join(c.Departments, "、")))
	e.assignedAt.SetText(orDash(formatDate(c.AssignedAt, true)))
	e.showHandlingFacts(c)
	e.closedAt.SetText(orDash(formatDate(c.ClosedAt, true)))
	can := allowedActions(c)
	setEnabled(e.deleteBtn, c.ID != 0)
	setEnabled(e.assignBtn, can[model.ActionAssign])
	setEnabled(e.replyBtn, can[model.ActionReply])
	setEnabled(e.closeBtn, can[model.ActionClose])
	setEnabled(e.returnBtn, can[model.ActionReturn])
	setEnabled(e.extendBtn, can[model.ActionExtend] && !c.Due.IsZero())
	setEnabled(e.urgeBtn, can[model.ActionRemind])
	if c.Replied() { // its 时限 judges the reply: the store refuses a change
		e.due.Disable()
	} else {
		e.due.Enable()
	}
	e.docs.update(c, e.events)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// allowedActions are the moves offered for c, from the store's one table of
// allowed moves.
func allowedActions(c *model.Case) map[string]bool {
	can := map[string]bool{}
	if c != nil && c.ID != 0 {
		for _, a := range model.AllowedActions(c.Status) {
			can[a] = true
		}
	}
	return can
}

// confirmLeave runs next when nothing is unsaved, else asks 保存/放弃/取消.
func (e *caseEditor) confirmLeave(next func()) {
	if !e.dirty() {
		next()
		return
	}
	e.lastPrompt = askUnsaved(e.win, "当前案件", e.save, func() { e.show(e.orig, e.events) }, next)
}

// onDelete deletes the open case after confirmation.
func (e *caseEditor) onDelete() {
	c := e.orig
	if c == nil || c.ID == 0 {
		return
	}
	e.lastDialog = confirmDelete(e.win, "删除案件",
		fmt.Sprintf("删除案件 %s「%s」及其办理记录？此操作不能撤销。", c.Number, c.Title),
		func() error { return e.store.DeleteCase(context.Background(), c.ID) },
		func() {
			e.orig, e.events = nil, nil
			e.form.Hide()
			e.empty.Show()
			e.onDeleted()
		})
}

// showSanitized tells the user which fields lost invisible characters.
func (e *caseEditor) showSanitized(notes []string) {
	if len(notes) > 0 {
		showInfo(e.win, strings.Join(notes, "；\n")+"。\n（这些不可见字符常见于从网页或文档复制的文字。）")
	}
}
