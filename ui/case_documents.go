package ui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2/widget"

	"bulletin/export"
	"bulletin/export/layout"
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
	preview    *documentPreview
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

// onNotice shows the 交办单 of the open case as it will print, for one of
// its departments (a choice when it has several); 打印交办单 prints it.
func (d *caseDocuments) onNotice() {
	d.e.beforeMove(func() {
		c := d.e.orig
		d.depts = departmentChoice(c.Departments)
		store := d.e.store
		var btn noticeButton
		d.preview = showDocumentPreview(d.e.win, store, d.e.bg, "打印交办单 "+c.Number, "打印交办单",
			widget.NewForm(widget.NewFormItem("承办单位", d.depts)),
			func() (previewJob, string) {
				req, reprint := d.noticeRequest(c, d.depts.Selected), btn.next()
				return func() ([]layout.Page, []pageNotes, string, error) { return noticePreviewOf(store, req, reprint) }, ""
			},
			func() formResult {
				dept := d.depts.Selected
				return closeThen(func() { d.printNotice(c, dept) })
			})
		btn.follow(d.preview)
		d.depts.OnChanged = func(string) { d.preview.pane.changed() }
		d.dlg = d.preview.dlg
	})
}

// noticeRequest is the 交办单 of c for dept: dated the day it was assigned.
func (d *caseDocuments) noticeRequest(c *model.Case, dept string) export.NoticeRequest {
	day := c.AssignedAt
	if day.IsZero() {
		day = d.e.now()
	}
	return export.NoticeRequest{Cases: []*model.Case{c}, Department: dept, Date: day, Due: c.Due}
}

// printNotice prints (or reprints) the case's 交办单 for dept, then shows
// the timeline entry.
func (d *caseDocuments) printNotice(c *model.Case, dept string) {
	var label string
	req := d.noticeRequest(c, dept)
	d.printer.print(export.DocumentFileName("交办单", c.Number, dept), "交办单", func() ([]byte, *export.Report, error) {
		pdf, rep, n, err := export.PrintNotice(context.Background(), d.e.store, req)
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

// onRemind shows the 催办单 of the open case as it will print today: the
// 交办编号 and date, the 时限, the working days it is overdue and the day a
// reply is asked for. 催办并打印催办单 records a 催办 (the timeline counts
// it) and prints the sheet; a 催办 already recorded today (with the 催办
// button) is printed, not counted a second time.
func (d *caseDocuments) onRemind() {
	d.e.beforeMove(func() {
		c := d.e.orig
		again := d.remindedToday()
		today := model.Day(d.e.now())
		d.depts = departmentChoice(c.Departments)
		form := widget.NewForm(widget.NewFormItem("承办单位", d.depts))
		title, okText := "催办 "+c.Number, "催办并打印催办单"
		if again {
			title, okText = "打印催办单 "+c.Number, "打印催办单"
		} else {
			d.note = widget.NewEntry()
			d.note.SetPlaceHolder("可选，如：电话催办，对方称正在核实")
			form.Append("催办说明", d.note)
		}
		store := d.e.store
		d.preview = showDocumentPreview(d.e.win, store, d.e.bg, title, okText, form,
			func() (previewJob, string) {
				dept := d.depts.Selected
				return func() ([]layout.Page, []pageNotes, string, error) {
					doc, _, err := reminderDoc(store, c, dept, today)
					if err != nil {
						return nil, nil, "", err
					}
					pages, notes, note, err := printedPreview(store, doc, nil)
					return pages, notes, joinNotes(reminderNote(c, doc, again), note), err
				}, ""
			},
			func() formResult {
				dept := d.depts.Selected
				if again {
					return closeThen(func() { d.printReminder(c, dept) })
				}
				return closeThen(func() { d.remind(c, dept) })
			})
		d.depts.OnChanged = func(string) { d.preview.pane.changed() }
		d.dlg = d.preview.dlg
	})
}

// reminderNote says what 催办 and printing do, and when the 催办单 has no
// 交办编号 to quote.
func reminderNote(c *model.Case, doc *export.Reminder, again bool) string {
	note := "催办单不存档，每次按打印当天（" + doc.Date + "）排出。"
	if !again {
		note = fmt.Sprintf("将先记第 %d 次催办（记入办理记录），再打印。", c.Reminders+1) + note
	}
	if doc.Number == "" {
		note += "\n还没有给" + doc.Department + "打印过这件案件的交办单，催办单上的交办编号空着；可先打印交办单。"
	}
	return note
}

// remind records a 催办 of c to dept with the note typed, then prints the
// 催办单.
func (d *caseDocuments) remind(c *model.Case, dept string) {
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
	store := d.e.store
	d.printer.print(export.DocumentFileName("催办单", c.Number, dept, today.Format("20060102")), "催办单", func() ([]byte, *export.Report, error) {
		doc, kv, err := reminderDoc(store, c, dept, today)
		if err != nil {
			return nil, nil, err
		}
		return export.PrintedPDF(doc, kv)
	}, nil)
}

// reminderDoc is the 催办单 of c for dept on day, with the 交办编号 of the
// last 交办单 printed for it and the working days of the calendar, and the
// settings it is typeset with.
func reminderDoc(store *model.Store, c *model.Case, dept string, day time.Time) (*export.Reminder, map[string]string, error) {
	ctx := context.Background()
	kv, err := store.FindSettings(ctx)
	if err != nil {
		return nil, nil, err
	}
	cal, err := store.Calendar(ctx)
	if err != nil {
		return nil, nil, err
	}
	ns, err := store.FindNotices(ctx, model.NoticeFilter{CaseID: c.ID, Department: dept})
	if err != nil {
		return nil, nil, err
	}
	var n *model.Notice
	if len(ns) > 0 {
		n = ns[len(ns)-1]
	}
	return export.ReminderFrom(c, dept, n, day, cal, export.NoticeSettingsFrom(kv)), kv, nil
}
