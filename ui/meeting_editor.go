package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// meetingEditor is the form of one meeting note.
type meetingEditor struct {
	win   fyne.Window
	store *model.Store

	orig   *model.Meeting // as loaded or saved; nil when nothing is open
	snap   *model.Meeting // the form's values as read right after orig was shown
	cases  []*model.Case  // the linked cases, in order, as edited
	loaded []*model.Case  // the linked cases as loaded, for 放弃修改

	heading                     *widget.Label
	name, place, host, recorder *widget.Entry
	typ                         *widget.SelectEntry
	when                        *dateField
	present, attending, absent  *widget.Entry
	topic, content              *longText
	decisions                   []*decisionRow
	decisionBox, caseBox        *fyne.Container
	addDecisionBtn, linkBtn     *widget.Button
	saveBtn, deleteBtn, newBtn  *widget.Button
	form, empty                 fyne.CanvasObject
	fields                      *widget.Form      // the fields, laid out again when rows change
	scroll                      *container.Scroll // around fields
	deptNames                   []string

	lastPrompt *unsavedPrompt
	lastDialog *formDialog
	picker     *casePicker
	bg         *tasks

	minutesBtn *widget.Button // 导出纪要 PDF (meeting_minutes.go)
	minutes    *minutesForm
	printer    *docPrinter

	onSaved   func(*model.Meeting)
	onDeleted func()
	onNew     func()
}

// decisionRow is one 议定事项 in the editor.
type decisionRow struct {
	text   *widget.Entry
	lead   *widget.SelectEntry
	due    *dateField
	remove *widget.Button
	box    fyne.CanvasObject
}

func newMeetingEditor(w fyne.Window, s *model.Store, bg *tasks) *meetingEditor {
	return &meetingEditor{win: w, store: s, bg: bg}
}

func (e *meetingEditor) buildUI() fyne.CanvasObject {
	e.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.name, e.place, e.host, e.recorder = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	e.name.SetPlaceHolder("必填")
	e.typ = widget.NewSelectEntry(model.MeetingTypes)
	e.when = newDateField(true)
	e.present, e.attending, e.absent = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	for _, p := range []*widget.Entry{e.present, e.attending, e.absent} {
		p.SetPlaceHolder("姓名以顿号分隔，如：张三、李四")
	}
	e.topic, e.content = newLongText(e.win, "议题", 2), newLongText(e.win, "会议内容", 6)
	e.decisionBox = container.NewVBox()
	e.caseBox = container.NewVBox()
	e.addDecisionBtn = widget.NewButtonWithIcon("添加议定事项", theme.ContentAddIcon(), func() { e.addDecision(model.Decision{}) })
	e.linkBtn = widget.NewButtonWithIcon("关联案件…", theme.SearchIcon(), e.onLinkCases)
	e.newBtn = widget.NewButtonWithIcon("新建", theme.ContentAddIcon(), func() { e.onNew() })
	e.saveBtn = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), func() { e.save(nil) })
	e.saveBtn.Importance = widget.HighImportance
	e.deleteBtn = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), e.onDelete)

	e.fields = widget.NewForm(
		widget.NewFormItem("会议名称", e.name), widget.NewFormItem("类型", e.typ),
		widget.NewFormItem("时间", container.NewHBox(e.when)), widget.NewFormItem("地点", e.place),
		widget.NewFormItem("主持人", e.host), widget.NewFormItem("出席", e.present),
		widget.NewFormItem("列席", e.attending), widget.NewFormItem("请假", e.absent),
		widget.NewFormItem("记录人", e.recorder), widget.NewFormItem("议题", e.topic),
		widget.NewFormItem("会议内容", e.content),
		widget.NewFormItem("议定事项", container.NewVBox(e.decisionBox, container.NewHBox(e.addDecisionBtn))),
		widget.NewFormItem("关联案件", container.NewVBox(e.caseBox, container.NewHBox(e.linkBtn))),
	)
	e.minutesBtn = widget.NewButtonWithIcon("导出纪要 PDF", theme.DocumentPrintIcon(), e.onExportMinutes)
	bar := container.NewHBox(e.newBtn, e.saveBtn, e.deleteBtn, e.minutesBtn)
	e.scroll = container.NewVScroll(container.NewPadded(e.fields))
	e.form = container.NewBorder(container.NewVBox(bar, e.heading), nil, nil, nil, e.scroll)
	hint := widget.NewLabel("在左侧选择会议纪要，或点「新建会议纪要」（Ctrl+N）。")
	e.empty = container.NewCenter(hint)
	e.form.Hide()
	return container.NewStack(e.empty, e.form)
}

// addDecision appends a 议定事项 row.
func (e *meetingEditor) addDecision(d model.Decision) *decisionRow {
	r := &decisionRow{text: widget.NewEntry(), lead: widget.NewSelectEntry(e.deptNames), due: newDateField(false)}
	r.text.SetPlaceHolder("事项")
	r.text.SetText(d.Text)
	r.lead.SetPlaceHolder("牵头单位")
	r.lead.SetText(d.Lead)
	r.due.SetDate(d.Due)
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.removeDecision(r) })
	r.box = container.NewBorder(nil, nil, nil, container.NewHBox(r.due, r.remove),
		container.NewGridWithColumns(2, r.text, r.lead))
	e.decisions = append(e.decisions, r)
	e.decisionBox.Add(r.box)
	e.relayout()
	return r
}

func (e *meetingEditor) removeDecision(r *decisionRow) {
	e.decisions = slices.DeleteFunc(e.decisions, func(x *decisionRow) bool { return x == r })
	e.decisionBox.Remove(r.box)
	e.relayout()
}

// relayout lays the form out again after rows were added or removed: a box's
// own refresh does not move what is below it, so the button under the rows
// would stay where it was, over the new ones.
func (e *meetingEditor) relayout() {
	if e.fields == nil {
		return
	}
	e.fields.Refresh()
	e.scroll.Refresh()
}

// showCases lists the linked cases, each with a button to unlink it.
func (e *meetingEditor) showCases() {
	e.caseBox.RemoveAll()
	for _, c := range e.cases {
		l := widget.NewLabel(c.Number + "　" + oneLine(c.Title))
		l.Truncation = fyne.TextTruncateEllipsis
		rm := widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
			e.cases = slices.DeleteFunc(e.cases, func(x *model.Case) bool { return x.ID == c.ID })
			e.showCases()
		})
		rm.Importance = widget.LowImportance
		e.caseBox.Add(container.NewBorder(nil, nil, nil, rm, l))
	}
	if len(e.cases) == 0 {
		e.caseBox.Add(widget.NewLabel("（无）"))
	}
	e.relayout()
}

// onLinkCases opens the case picker and adds the cases chosen.
func (e *meetingEditor) onLinkCases() {
	e.picker = newCasePicker(e.win, e.store, e.bg, func(picked []*model.Case) {
		for _, c := range picked {
			if !slices.ContainsFunc(e.cases, func(x *model.Case) bool { return x.ID == c.ID }) {
				e.cases = append(e.cases, c)
			}
		}
		e.showCases()
	})
}

// newMeeting shows an empty form.
func (e *meetingEditor) newMeeting() {
	e.loadDepartments()
	e.show(&model.Meeting{}, nil)
}

// open loads meeting id and its linked cases; false when they could not
// be read, and the form keeps what it showed.
func (e *meetingEditor) open(id int64) bool {
	ctx := context.Background()
	m, err := e.store.FindMeetingByID(ctx, id)
	if err != nil {
		showError(e.win, "读取会议纪要", err)
		return false
	}
	// A link that cannot be read stops the opening: a form showing fewer
	// cases would drop the others at the next save.
	var cases []*model.Case
	for _, cid := range m.CaseIDs {
		c, err := e.store.FindCaseByID(ctx, cid)
		if err != nil {
			showError(e.win, "读取会议纪要的关联案件", err)
			return false
		}
		cases = append(cases, c)
	}
	e.loadDepartments()
	e.show(m, cases)
	return true
}

// loadDepartments refreshes the choices of 牵头单位.
func (e *meetingEditor) loadDepartments() {
	depts, err := e.store.FindDepartments(context.Background())
	if err != nil {
		fyne.LogError("find departments", err)
		return
	}
	e.deptNames = e.deptNames[:0]
	for _, d := range depts {
		e.deptNames = append(e.deptNames, d.Name)
	}
}

func (e *meetingEditor) show(m *model.Meeting, cases []*model.Case) {
	e.orig, e.loaded, e.cases = m, cases, slices.Clone(cases)
	if m.ID == 0 {
		e.heading.SetText("新会议纪要（未保存）")
	} else {
		e.heading.SetText(m.Name)
	}
	e.name.SetText(m.Name)
	e.typ.SetText(m.Type)
	e.when.SetDate(m.Time)
	e.place.SetText(m.Place)
	e.host.SetText(m.Host)
	e.present.SetText(strings.Join(m.Present, "、"))
	e.attending.SetText(strings.Join(m.Attending, "、"))
	e.absent.SetText(strings.Join(m.Absent, "、"))
	e.recorder.SetText(m.Recorder)
	e.topic.setText(m.Topic)
	e.content.setText(m.Content)
	e.decisions = nil
	e.decisionBox.RemoveAll()
	for _, d := range m.Decisions {
		e.addDecision(d)
	}
	e.showCases()
	setEnabled(e.deleteBtn, m.ID != 0)
	e.empty.Hide()
	e.form.Show()
	e.snap, _, _ = e.read()
}

// splitNames reads a list of names separated by 、，, ; or spaces.
func splitNames(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("、，,；; \t\n\u3000", r)
	})
}

// read returns a copy of the open meeting with the form's values.
func (e *meetingEditor) read() (*model.Meeting, int, error) {
	m := *e.orig
	removed := 0
	text := func(s string, multiline bool) string {
		clean, n := model.CleanText(s, multiline)
		removed += n
		return clean
	}
	m.Name, m.Type, m.Place = text(e.name.Text, false), text(e.typ.Text, false), text(e.place.Text, false)
	m.Host, m.Recorder = text(e.host.Text, false), text(e.recorder.Text, false)
	m.Present = splitNames(text(e.present.Text, false))
	m.Attending = splitNames(text(e.attending.Text, false))
	m.Absent = splitNames(text(e.absent.Text, false))
	m.Topic, m.Content = text(e.topic.text(), true), text(e.content.text(), true)
	t, err := e.when.Date()
	if err != nil {
		return nil, 0, fmt.Errorf("时间：%v", err)
	}
	m.Time = t
	m.Decisions = nil
	for i, r := range e.decisions {
		due, err := r.due.Date()
		if err != nil {
			return nil, 0, fmt.Errorf("第 %d 项议定事项的时限：%v", i+1, err)
		}
		m.Decisions = append(m.Decisions, model.Decision{Text: text(r.text.Text, false), Lead: text(r.lead.Text, false), Due: due})
	}
	m.CaseIDs = nil
	for _, c := range e.cases {
		m.CaseIDs = append(m.CaseIDs, c.ID)
	}
	return &m, removed, nil
}

// sameMeeting compares the fields a user edits.
func sameMeeting(a, b *model.Meeting) bool {
	return a.Name == b.Name && a.Type == b.Type && a.Time.Equal(b.Time) && a.Place == b.Place &&
		a.Host == b.Host && a.Recorder == b.Recorder && a.Topic == b.Topic && a.Content == b.Content &&
		slices.Equal(a.Present, b.Present) && slices.Equal(a.Attending, b.Attending) &&
		slices.Equal(a.Absent, b.Absent) && slices.Equal(a.CaseIDs, b.CaseIDs) &&
		slices.EqualFunc(a.Decisions, b.Decisions, func(x, y model.Decision) bool {
			return x.Text == y.Text && x.Lead == y.Lead && x.Due.Equal(y.Due)
		})
}

// dirty reports whether the form holds unsaved edits: whether its values,
// as the form shows them (the time to the minute, text as it will be saved),
// differ from those it showed when the meeting was opened, started or saved.
func (e *meetingEditor) dirty() bool {
	if e.orig == nil {
		return false
	}
	m, _, err := e.read()
	return err != nil || e.snap == nil || !sameMeeting(e.snap, m)
}
