package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// actionForm holds the widgets of the dialog of a move (交办, 登记回复, 办结,
// 退回重办), kept for tests.
type actionForm struct {
	dlg   *formDialog
	depts *widget.CheckGroup
	due   *dateField
	text  *widget.Entry

	day       *dateField     // 回复日期, 催办日期
	replyDept *widget.Select // 回复单位, when the case has several departments
	hint      *widget.Label  // where the 时限 comes from, a 延期's limit
	proposal  model.DueProposal
}

// beforeMove saves pending edits first, so that a move never drops them.
func (e *caseEditor) beforeMove(next func()) {
	if e.orig == nil || e.orig.ID == 0 {
		return
	}
	if !e.dirty() {
		next()
		return
	}
	e.save(func(ok bool) {
		if ok {
			next()
		}
	})
}

// move runs t on the open case; a refused move shows the store's message and
// keeps the dialog open.
func (e *caseEditor) move(t model.Transition) formResult {
	c, err := e.store.TransitionCase(context.Background(), e.orig.ID, t)
	if model.ErrorCode(err) == model.EINVALID {
		showError(e.win, t.Action, err) // above the form: the input needs fixing
		return keepOpen
	}
	return closeThen(func() {
		if err != nil {
			showError(e.win, t.Action, err)
			return
		}
		e.reload(c.ID)
		e.onSaved(c)
	})
}

// onAssign asks for the departments and the due date and assigns the case.
func (e *caseEditor) onAssign() {
	e.beforeMove(func() {
		depts, err := e.store.FindDepartments(context.Background())
		if err != nil {
			showError(e.win, "读取责任单位", err)
			return
		}
		if len(depts) == 0 {
			showInfo(e.win, "还没有责任单位。请先在「设置」→「责任单位」中添加。")
			return
		}
		names := make([]string, len(depts))
		for i, d := range depts {
			names[i] = d.Name
		}
		f := &actionForm{depts: widget.NewCheckGroup(names, nil), due: newDateField(false), text: widget.NewEntry()}
		f.depts.Selected = append([]string(nil), e.orig.Departments...)
		e.proposeDue(f)
		f.text.SetPlaceHolder("可选")
		if e.orig.Status == model.StatusAssigned {
			f.text.SetPlaceHolder("可选；改到更晚的时限即为延期，须写明原因")
		}
		list := container.NewVScroll(f.depts)
		list.SetMinSize(fyne.NewSize(360, 220))
		form := widget.NewForm(widget.NewFormItem("责任单位", list),
			widget.NewFormItem("办理时限", container.NewHBox(f.due)), widget.NewFormItem("", f.hint),
			widget.NewFormItem("交办说明", f.text))
		f.dlg = newFormDialog(e.win, "交办 "+e.orig.Number, "交办", form, func() formResult {
			due, err := f.due.Date()
			if err != nil {
				showInfo(e.win, "办理时限："+err.Error())
				return keepOpen
			}
			return e.move(model.Transition{Action: model.ActionAssign, Departments: f.depts.Selected, Due: due, Note: f.text.Text})
		})
		e.action = f
	})
}

// onReply records the reply of the responsible department.
func (e *caseEditor) onReply() {
	e.beforeMove(func() {
		f := &actionForm{text: multiLine(6)}
		f.text.SetText(e.orig.Reply)
		f.text.SetPlaceHolder("责任单位的回复内容")
		f.dlg = newFormDialog(e.win, "登记回复 "+e.orig.Number, "登记", e.replyForm(f), func() formResult {
			reply, _ := model.CleanText(f.text.Text, true)
			t := model.Transition{Action: model.ActionReply, Reply: reply}
			if !e.readReplyForm(f, &t) {
				return keepOpen
			}
			return e.move(t)
		})
		e.action = f
	})
}

// onClose closes the case, with an optional note.
func (e *caseEditor) onClose() {
	e.beforeMove(func() {
		f := &actionForm{text: widget.NewEntry()}
		f.text.SetPlaceHolder("办结说明（可选）")
		msg := widget.NewLabel(fmt.Sprintf("确认案件 %s 已办结？", e.orig.Number))
		f.dlg = newFormDialog(e.win, "办结", "办结", container.NewVBox(msg, f.text), func() formResult {
			return e.move(model.Transition{Action: model.ActionClose, Note: f.text.Text})
		})
		e.action = f
	})
}

// onReturn sends the case back to the department, with the reason.
func (e *caseEditor) onReturn() {
	e.beforeMove(func() {
		f := &actionForm{text: multiLine(3)}
		f.text.SetPlaceHolder("退回原因，例如：回复未说明整改时限")
		f.dlg = newFormDialog(e.win, "退回重办 "+e.orig.Number, "退回", textBox(f.text), func() formResult {
			if f.text.Text == "" {
				showInfo(e.win, "请填写退回原因。")
				return keepOpen
			}
			return e.move(model.Transition{Action: model.ActionReturn, Note: f.text.Text})
		})
		e.action = f
	})
}

// textBox gives a multi-line entry a comfortable size inside a dialog.
func textBox(t *widget.Entry) fyne.CanvasObject {
	box := container.NewStack(t)
	return container.NewGridWrap(fyne.NewSize(460, t.MinSize().Height), box)
}
