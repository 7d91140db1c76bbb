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
	moveDue  *widget.Check   // also move the 时限 of cases already assigned
	plan     *fyne.Container // case by case, what 登记 will do to the linked cases
	dlg      *formDialog

	leaders []*model.Leader
	cases   []*model.Case // the linked cases, read when the form opened
	effects []model.CaseEffect
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
	// The cases as they are now, to say what 交办 will do to each.
	bl, err := e.store.FindBulletinWithLinks(ctx, b.ID)
	if err != nil {
		showError(e.win, "读取关联案件", err)
		return
	}
	f := &instructionForm{leaders: leaders, cases: bl.Cases}
	e.instrForm = f
	f.dlg = newFormDialog(e.win, fmt.Sprintf("登记批示：%d年第%d期", b.Year, b.Number), "登记",
		sized(f.buildUI(depts), 720), func() formResult { return e.saveInstruction(b, f) })
}

// buildUI lays the form out; depts are the departments offered.
func (f *instructionForm) buildUI(depts []*model.Department) fyne.CanvasObject {
	var names []string
	for _, l := range f.leaders {
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
	f.text = multiLine(3)
	f.text.SetPlaceHolder("照录领导批示原文")
	f.kind = widget.NewRadioGroup(model.InstructionKinds, nil)
	f.kind.Horizontal = true
	f.kind.SetSelected("转办")
	var deptNames []string
	for _, d := range depts {
		deptNames = append(deptNames, d.Name)
	}
	f.depts = widget.NewCheckGroup(deptNames, func([]string) { f.showPlan() })
	deptScroll := container.NewVScroll(f.depts)
	deptScroll.SetMinSize(fyne.NewSize(300, 130))
	f.due = newDateField(false)
	f.due.OnChanged = f.showPlan
	f.assign = widget.NewCheck(fmt.Sprintf("同时交办关联案件（%d 件）给所选责任单位", len(f.cases)), func(bool) { f.showPlan() })
	f.assign.SetChecked(len(f.cases) > 0)
	if len(f.cases) == 0 {
		f.assign.Disable()
	}
	f.moveDue = widget.NewCheck("已交办案件的时限也改为上面的办理时限（不勾选则保留原时限）", func(bool) { f.showPlan() })
	f.plan = container.NewVBox()
	planScroll := container.NewVScroll(f.plan)
	planScroll.SetMinSize(fyne.NewSize(600, 130))
	f.showPlan()
	return widget.NewForm(
		widget.NewFormItem("批示领导", f.leader), widget.NewFormItem("职务", f.position),
		widget.NewFormItem("批示日期", container.NewHBox(f.date)), widget.NewFormItem("批示内容", f.text),
		widget.NewFormItem("类型", f.kind), widget.NewFormItem("责任单位", deptScroll),
		widget.NewFormItem("办理时限", container.NewHBox(f.due)),
		widget.NewFormItem("", container.NewVBox(f.assign, f.moveDue)),
		widget.NewFormItem("关联案件", planScroll),
	)
}

// options are the assigning the form asks for.
func (f *instructionForm) options() model.AssignOptions {
	return model.AssignOptions{Assign: f.assign.Checked, MoveDue: f.assign.Checked && f.moveDue.Checked}
}

// showPlan says, case by case, what 登记 will do: 交办, 增加责任单位, 保持不变
// or 跳过 and why, with the 时限 each case will have.
func (f *instructionForm) showPlan() {
	if f.plan == nil || f.moveDue == nil {
		return
	}
	opt := f.options()
	if opt.Assign {
		f.moveDue.Enable()
	} else {
		f.moveDue.Disable()
	}
	f.plan.RemoveAll()
	f.effects = nil
	due, dueErr := f.due.Date()
	switch {
	case len(f.cases) == 0:
		f.plan.Add(lowLabel("本期没有关联案件。"))
	case opt.Assign && (len(f.depts.Selected) == 0 || due.IsZero() || dueErr != nil):
		f.plan.Add(lowLabel("选择责任单位、填写办理时限后，这里逐件列出交办后各案件的情况。"))
	default:
		in := &model.Instruction{Departments: f.depts.Selected, Due: due}
		for _, c := range f.cases {
			ce := model.PlanCaseEffect(c, in, opt, time.Now())
			f.effects = append(f.effects, ce)
			head := widget.NewLabel(c.Number + "　" + string(c.Status))
			l := wrapLabel(ce.Line())
			if ce.Effect == model.EffectSkip || !opt.Assign {
				l.Importance = widget.LowImportance
			} else if ce.Overdue {
				l.Importance = widget.DangerImportance
			}
			f.plan.Add(container.NewBorder(nil, nil, head, nil, l))
		}
	}
	f.plan.Refresh()
}

// lowLabel is a grey note.
func lowLabel(s string) *widget.Label {
	l := wrapLabel(s)
	l.Importance = widget.LowImportance
	return l
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
	_, err = e.store.CreateInstruction(context.Background(), in, f.options())
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
		if in.Outcome != "" {
			showInfo(e.win, "已登记批示。关联案件："+in.Outcome+"。")
		}
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
		switch {
		case in.Outcome != "":
			detail = append(detail, "关联案件："+in.Outcome)
		case in.Assign:
			detail = append(detail, "已交办关联案件") // recorded before outcomes were kept
		}
		more := widget.NewLabel(strings.Join(detail, "；"))
		more.Wrapping = fyne.TextWrapWord
		more.Importance = widget.LowImportance
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.onDeleteInstruction(in) })
		del.Importance = widget.LowImportance
		e.instrBox.Add(container.NewBorder(nil, nil, nil, del, container.NewVBox(head, text, more, e.instructionButtons(in))))
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
	e.lastConfirm.danger()
}
