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

// instructionForm is the dialog that records one 批示 on an issued bulletin.
type instructionForm struct {
	leader   *widget.SelectEntry
	position *widget.Entry
	date     *dateField
	text     *widget.Entry
	kind     *widget.RadioGroup
	depts    *widget.CheckGroup
	due      *dateField
	assign   *widget.Check
	dlg      *formDialog

	leaders []*model.Leader
}

// leaderLabel is how a leader is offered in the picker.
func leaderLabel(l *model.Leader) string { return l.Name }

// onInstruction opens the 批示 form for the open (issued) bulletin.
func (e *bulletinEditor) onInstruction() {
	b := e.orig
	if b == nil || !b.Frozen() {
		return
	}
	ctx := context.Background()
	leaders, err := e.store.FindLeaders(ctx)
	if err != nil {
		showError(e.win, "读取领导名单", err)
		return
	}
	depts, err := e.store.FindDepartments(ctx)
	if err != nil {
		showError(e.win, "读取责任单位", err)
		return
	}
	f := &instructionForm{leaders: leaders}
	var names []string
	for _, l := range leaders {
		names = append(names, leaderLabel(l))
	}
	f.leader = widget.NewSelectEntry(names)
	f.leader.SetPlaceHolder("从名录选择或输入姓名")
	f.position = widget.NewEntry()
	f.leader.OnChanged = func(s string) {
		if l := f.findLeader(s); l != nil {
			f.position.SetText(l.Position)
		}
	}
	f.date = newDateField(false)
	f.date.SetDate(model.Day(time.Now()))
	f.text = multiLine(4)
	f.text.SetPlaceHolder("照录领导批示原文")
	f.kind = widget.NewRadioGroup(model.InstructionKinds, nil)
	f.kind.Horizontal = true
	f.kind.SetSelected("转办")
	var deptNames []string
	for _, d := range depts {
		deptNames = append(deptNames, d.Name)
	}
	f.depts = widget.NewCheckGroup(deptNames, nil)
	deptScroll := container.NewVScroll(f.depts)
	deptScroll.SetMinSize(fyne.NewSize(300, 190))
	f.due = newDateField(false)
	f.assign = widget.NewCheck(fmt.Sprintf("同时交办关联案件（%d 件）给所选责任单位，按上面的办理时限", len(b.CaseIDs)), nil)
	f.assign.SetChecked(len(b.CaseIDs) > 0)
	if len(b.CaseIDs) == 0 {
		f.assign.Disable()
	}
	form := widget.NewForm(
		widget.NewFormItem("批示领导", f.leader), widget.NewFormItem("职务", f.position),
		widget.NewFormItem("批示日期", container.NewHBox(f.date)), widget.NewFormItem("批示内容", f.text),
		widget.NewFormItem("类型", f.kind), widget.NewFormItem("责任单位", deptScroll),
		widget.NewFormItem("办理时限", container.NewHBox(f.due)), widget.NewFormItem("", f.assign),
	)
	e.instrForm = f
	f.dlg = newFormDialog(e.win, fmt.Sprintf("登记批示：%d年第%d期", b.Year, b.Number), "登记", sized(form, 620), func() formResult {
		return e.saveInstruction(b, f)
	})
}

// findLeader returns the directory leader named s, or nil.
func (f *instructionForm) findLeader(s string) *model.Leader {
	s = strings.TrimSpace(s)
	for _, l := range f.leaders {
		if leaderLabel(l) == s {
			return l
		}
	}
	return nil
}

// saveInstruction records the form's 批示, or keeps the form open with a
// message saying what to fix.
func (e *bulletinEditor) saveInstruction(b *model.Bulletin, f *instructionForm) formResult {
	date, err := f.date.Date()
	if err != nil {
		showInfo(e.win, "批示日期："+err.Error())
		return keepOpen
	}
	due, err := f.due.Date()
	if err != nil {
		showInfo(e.win, "办理时限："+err.Error())
		return keepOpen
	}
	in := &model.Instruction{BulletinID: b.ID, Leader: strings.TrimSpace(f.leader.Text),
		Position: strings.TrimSpace(f.position.Text), Date: date, Text: strings.TrimSpace(f.text.Text),
		Kind: f.kind.Selected, Departments: append([]string(nil), f.depts.Selected...), Due: due}
	if l := f.findLeader(in.Leader); l != nil {
		in.LeaderID = l.ID
	}
	in.Clean()
	_, err = e.store.CreateInstruction(context.Background(), in, model.AssignOptions{Assign: f.assign.Checked})
	if err != nil && model.ErrorCode(err) != model.EINTERNAL {
		showError(e.win, "登记批示", err) // above the form: the input needs fixing
		return keepOpen
	}
	return closeThen(func() {
		if err != nil {
			showError(e.win, "登记批示", err)
			return
		}
		e.open(b.ID)
		e.onChanged()
	})
}

// showInstructions lists the 批示 recorded, each with a delete button.
func (e *bulletinEditor) showInstructions() {
	e.instrBox.RemoveAll()
	for _, in := range e.instructions {
		who := in.Leader
		if in.Position != "" {
			who += "（" + in.Position + "）"
		}
		head := widget.NewLabelWithStyle(fmt.Sprintf("%s　%s　%s", formatDate(in.Date, false), who, in.Kind),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		text := widget.NewLabel("“" + in.Text + "”")
		text.Wrapping = fyne.TextWrapWord
		var detail []string
		if len(in.Departments) > 0 {
			detail = append(detail, "责任单位："+strings.Join(in.Departments, "、"))
		}
		if !in.Due.IsZero() {
			detail = append(detail, "时限："+formatDate(in.Due, false))
		}
		if in.Assign {
			detail = append(detail, "已交办关联案件")
		}
		more := widget.NewLabel(strings.Join(detail, "；"))
		more.Wrapping = fyne.TextWrapWord
		more.Importance = widget.LowImportance
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.onDeleteInstruction(in) })
		del.Importance = widget.LowImportance
		e.instrBox.Add(container.NewBorder(nil, nil, nil, del, container.NewVBox(head, text, more)))
	}
	if len(e.instructions) == 0 {
		hint := "（尚无批示）"
		if e.orig != nil && !e.orig.Frozen() {
			hint = "（印发后可登记领导批示）"
		}
		e.instrBox.Add(widget.NewLabel(hint))
	}
	e.relayoutLinks()
}

// onDeleteInstruction deletes a 批示 recorded by mistake, after confirmation.
func (e *bulletinEditor) onDeleteInstruction(in *model.Instruction) {
	msg := widget.NewLabel(fmt.Sprintf("删除%s的这条批示？只用于更正登记错误；已据此交办的案件保留交办记录。", in.Leader))
	msg.Wrapping = fyne.TextWrapWord
	e.lastConfirm = newFormDialog(e.win, "删除批示", "删除", sized(msg, 420), func() formResult {
		err := e.store.DeleteInstruction(context.Background(), in.ID)
		return closeThen(func() {
			if err != nil {
				showError(e.win, "删除批示", err)
				return
			}
			e.open(in.BulletinID)
			e.onChanged()
		})
	})
	e.lastConfirm.ok.Importance = widget.DangerImportance
}
