package ui

import (
	"context"

	"fyne.io/fyne/v2/widget"

	"bulletin/export"
	"bulletin/model"
)

// caseDocuments prints a case's 交办单 (after 交办, or again: same 交办编号
// and bytes) and its 催办单 (a 催办 recorded in the timeline, then the
// sheet), from the case editor.
type caseDocuments struct {
	e                    *caseEditor
	noticeBtn, remindBtn *widget.Button
	printer              *docPrinter

	// The dialogs shown last and what was printed, for tests.
	dlg        *formDialog
	depts      *widget.RadioGroup
	note       *widget.Entry
	lastNotice string // 交办编号 and department of the last 交办单
}

func newCaseDocuments(e *caseEditor) *caseDocuments {
	d := &caseDocuments{e: e, printer: newDocPrinter(e.win, e.bg)}
	d.noticeBtn = widget.NewButton("交办单", d.onNotice)
	d.remindBtn = widget.NewButton("催办单", d.onRemind)
	return d
}

// update enables the buttons for c: a 交办单 once it is assigned, a 催办单
// while it waits for the reply. Until the 交办单 of the latest 交办 is
// printed (evs, the timeline, has no 交办单 after it), its button stands
// out and says so.
func (d *caseDocuments) update(c *model.Case, evs []*model.CaseEvent) {
	assigned := c.ID != 0 && len(c.Departments) > 0 && c.Status != model.StatusPending
	setEnabled(d.noticeBtn, assigned)
	setEnabled(d.remindBtn, assigned && c.Status == model.StatusAssigned)
	due := false
	for _, ev := range evs {
		switch ev.Action {
		case model.ActionAssign:
			due = true
		case model.ActionNotice:
			due = false
		}
	}
	d.noticeBtn.Importance, d.noticeBtn.Text = widget.MediumImportance, "交办单"
	if assigned && due {
		d.noticeBtn.Importance, d.noticeBtn.Text = widget.HighImportance, "打印交办单"
	}
	d.noticeBtn.Refresh()
}

// onNotice prints the 交办单 of the open case for one of its departments,
// asking which when it has several.
func (d *caseDocuments) onNotice() {
	d.e.beforeMove(func() {
		c := d.e.orig
		d.pickDepartment("打印交办单", "打印交办单", c, nil, func(dept string) { d.printNotice(c, dept) })
	})
}

// pickDepartment runs next with the case's department, asking which when
// there are several; extra is shown under the choice.
func (d *caseDocuments) pickDepartment(title, okText string, c *model.Case, extra *widget.Entry, next func(dept string)) {
	if len(c.Departments) == 1 && extra == nil {
		next(c.Departments[0])
		return
	}
	d.depts = widget.NewRadioGroup(c.Departments, nil)
	d.depts.SetSelected(c.Departments[0])
	items := []*widget.FormItem{widget.NewFormItem("承办单位", d.depts)}
	if extra != nil {
		items = append(items, widget.NewFormItem("催办说明", extra))
	}
	d.dlg = newFormDialog(d.e.win, title+" "+c.Number, okText, sized(widget.NewForm(items...), 440), func() formResult {
		if d.depts.Selected == "" {
			showInfo(d.e.win, "请选择承办单位。")
			return keepOpen
		}
		dept := d.depts.Selected
		return closeThen(func() { next(dept) })
	})
}

// printNotice prints (or reprints) the case's 交办单 for dept, then shows
// the timeline entry.
func (d *caseDocuments) printNotice(c *model.Case, dept string) {
	var label string
	d.printer.print(export.DocumentFileName("交办单", c.Number, dept), "交办单", func() ([]byte, *export.Report, error) {
		day := c.AssignedAt
		if day.IsZero() {
			day = d.e.now()
		}
		pdf, rep, n, err := export.PrintNotice(context.Background(), d.e.store, export.NoticeRequest{
			Cases: []*model.Case{c}, Department: dept, Date: day, Due: c.Due})
		if n != nil {
			label = n.Label()
		}
		return pdf, rep, err
	}, func() {
		d.lastNotice = label + " " + dept
		if d.e.orig != nil && d.e.orig.ID == c.ID && !d.e.dirty() {
			d.e.reload(c.ID) // the timeline shows the 交办单
		}
	})
}

// onRemind records a 催办 of the open case (the timeline counts it) and
// prints the 催办单: the 交办编号 and date, the 时限, the working days it is
// overdue and the day a reply is asked for. A 催办 already recorded today
// (with the 催办 button) is printed, not counted a second time.
func (d *caseDocuments) onRemind() {
	d.e.beforeMove(func() {
		c := d.e.orig
		if d.remindedToday() {
			d.pickDepartment("打印催办单", "打印", c, nil, func(dept string) { d.printReminder(c, dept) })
			return
		}
		d.note = widget.NewEntry()
		d.note.SetPlaceHolder("可选，如：电话催办，对方称正在核实")
		d.pickDepartment("催办", "催办并打印催办单", c, d.note, func(dept string) {
			note := "向" + dept + "催办"
			if s, _ := model.CleanText(d.note.Text, false); s != "" {
				note += "：" + s
			}
			moved, err := d.e.store.TransitionCase(context.Background(), c.ID, model.Transition{Action: model.ActionRemind, Note: note})
			if err != nil {
				showError(d.e.win, "催办", err)
				return
			}
			d.e.reload(moved.ID)
			d.e.onSaved(moved)
			d.printReminder(moved, dept)
		})
	})
}

// remindedToday reports whether the open case's timeline has a 催办 today.
func (d *caseDocuments) remindedToday() bool {
	today := model.Day(d.e.now())
	for _, ev := range d.e.events {
		if ev.Action == model.ActionRemind && model.Day(ev.At).Equal(today) {
			return true
		}
	}
	return false
}

// printReminder prints the 催办单 of c for dept as of today.
func (d *caseDocuments) printReminder(c *model.Case, dept string) {
	today := model.Day(d.e.now())
	d.printer.print(export.DocumentFileName("催办单", c.Number, dept, today.Format("20060102")), "催办单", func() ([]byte, *export.Report, error) {
		ctx := context.Background()
		kv, err := d.e.store.FindSettings(ctx)
		if err != nil {
			return nil, nil, err
		}
		cal, err := d.e.store.Calendar(ctx)
		if err != nil {
			return nil, nil, err
		}
		ns, err := d.e.store.FindNotices(ctx, model.NoticeFilter{CaseID: c.ID, Department: dept})
		if err != nil {
			return nil, nil, err
		}
		var n *model.Notice
		if len(ns) > 0 {
			n = ns[len(ns)-1]
		}
		return export.PrintedPDF(export.ReminderFrom(c, dept, n, today, cal, export.NoticeSettingsFrom(kv)), kv)
	}, nil)
}
