package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// The deadline side of the case's moves (issue 11): the 时限 the rules
// propose on 交办, 延期, 催办 and the date and department of 登记回复.

// proposeDue fills the 交办 form's 时限: the case's own when it has one,
// else the rules' for a 交办 today, and says under the date where it comes
// from, and that a later date on a case already assigned is a 延期.
func (e *caseEditor) proposeDue(f *actionForm) {
	f.hint = widget.NewLabel("")
	f.hint.Wrapping = fyne.TextWrapWord
	p, err := e.store.ProposeCaseDue(context.Background(), e.orig.ID, e.now())
	if err != nil {
		fyne.LogError("propose due", err) // the form works without a proposal
	}
	f.proposal = p
	if e.orig.Due.IsZero() {
		f.due.SetDate(p.Due)
	} else {
		f.due.SetDate(e.orig.Due)
	}
	f.due.OnChanged = func() { e.assignHint(f) }
	e.assignHint(f)
}

// assignHint writes what the 交办 form says under the date.
func (e *caseEditor) assignHint(f *actionForm) {
	p := f.proposal
	due, err := f.due.Date()
	var lines []string
	switch {
	case !e.orig.Due.IsZero(): // assigned again: the 时限 in force stays unless changed
		lines = append(lines, "现有时限 "+formatDate(e.orig.Due, false))
	case p.Rule == nil:
		lines = append(lines, "没有适用的办理时限规则，请填写时限（可在「设置」→「办理时限规则」中添加）。")
	case err == nil && due.Equal(p.Due):
		lines = append(lines, p.Describe())
	default:
		lines = append(lines, fmt.Sprintf("按规则应为 %s（%s）", formatDate(p.Due, false), p.Describe()))
	}
	if p.Note != "" && e.orig.Due.IsZero() {
		lines = append(lines, p.Note)
	}
	f.hint.Importance = widget.LowImportance
	if old := e.orig.Due; e.orig.Status == model.StatusAssigned && !old.IsZero() && err == nil && due.After(old) {
		lines = append(lines, "晚于现有时限，即为延期：请在交办说明中写明延期原因。")
		f.hint.Importance = widget.WarningImportance
	}
	f.hint.SetText(strings.Join(lines, "\n"))
}

// replyForm is the 登记回复 form: the reply, the day the department
// replied (today unless changed) and, for a case of several departments,
// which one replied.
func (e *caseEditor) replyForm(f *actionForm) fyne.CanvasObject {
	f.day = newDateField(false)
	f.day.SetDate(e.today())
	items := []*widget.FormItem{widget.NewFormItem("回复内容", textBox(f.text)),
		widget.NewFormItem("回复日期", container.NewHBox(f.day))}
	if len(e.orig.Departments) > 1 {
		f.replyDept = widget.NewSelect(e.orig.Departments, nil)
		f.replyDept.PlaceHolder = "请选择回复的单位"
		items = append(items, widget.NewFormItem("回复单位", f.replyDept))
	}
	return widget.NewForm(items...)
}

// readReplyForm puts the form's date and department into t, or says what
// to fix and returns false.
func (e *caseEditor) readReplyForm(f *actionForm, t *model.Transition) bool {
	day, err := f.day.Date()
	if err == nil && day.IsZero() {
		err = fmt.Errorf("请填写部门回复的日期")
	}
	if err != nil {
		showInfo(e.win, "回复日期："+err.Error())
		return false
	}
	t.RepliedOn = day
	if f.replyDept != nil {
		if f.replyDept.Selected == "" {
			showInfo(e.win, "本案有多个责任单位，请选择回复的单位。")
			return false
		}
		t.ReplyDept = f.replyDept.Selected
	}
	return true
}

// onExtend asks for the new 时限 and the reason of a 延期, saying how far
// the rules allow.
func (e *caseEditor) onExtend() {
	e.beforeMove(func() {
		ext, err := e.store.CaseExtension(context.Background(), e.orig.ID)
		if err != nil {
			showError(e.win, model.ActionExtend, err)
			return
		}
		f := &actionForm{due: newDateField(false), text: multiLine(3)}
		now := "现有时限 " + formatDate(ext.Due, false)
		if !ext.OriginalDue.IsZero() && !ext.OriginalDue.Equal(ext.Due) {
			now += "（原定时限 " + formatDate(ext.OriginalDue, false) + "）"
		}
		lines := []string{now, ext.Describe()}
		if ext.Note != "" {
			lines = append(lines, ext.Note)
		}
		f.hint = widget.NewLabel(strings.Join(lines, "\n"))
		f.hint.Wrapping = fyne.TextWrapWord
		f.due.SetPlaceHolder("新的办理时限")
		f.text.SetPlaceHolder("延期原因，例如：涉及多个部门，需现场核实")
		form := widget.NewForm(widget.NewFormItem("", f.hint),
			widget.NewFormItem("延至", container.NewHBox(f.due)), widget.NewFormItem("延期原因", textBox(f.text)))
		f.dlg = newFormDialog(e.win, "延期 "+e.orig.Number, "延期", form, func() formResult {
			due, err := f.due.Date()
			if err == nil && due.IsZero() {
				err = fmt.Errorf("请填写新的办理时限")
			}
			if err != nil {
				showInfo(e.win, "延至："+err.Error())
				return keepOpen
			}
			note, _ := model.CleanText(f.text.Text, true)
			return e.move(model.Transition{Action: model.ActionExtend, Due: due, Note: note})
		})
		e.action = f
	})
}

// onRemind records a 催办: the day (today unless changed) and what was
// said. The list counts them (催2).
func (e *caseEditor) onRemind() {
	e.beforeMove(func() {
		f := &actionForm{day: newDateField(false), text: widget.NewEntry()}
		f.day.SetDate(e.today())
		f.text.SetPlaceHolder("方式和内容，例如：电话催办，要求三日内回复")
		info := "时限 " + orDash(formatDate(e.orig.Due, false))
		if e.orig.Reminders > 0 {
			info += fmt.Sprintf("，已催办 %d 次", e.orig.Reminders)
		}
		if l := e.orig.DueLabel(e.cal(), e.now()); l != "" {
			info += "，" + l
		}
		f.hint = widget.NewLabel(info)
		form := widget.NewForm(widget.NewFormItem("", f.hint), widget.NewFormItem("催办日期", container.NewHBox(f.day)),
			widget.NewFormItem("催办说明", sized(f.text, 420)))
		f.dlg = newFormDialog(e.win, "催办 "+e.orig.Number, "催办", form, func() formResult {
			day, err := f.day.Date()
			if err == nil && day.IsZero() {
				err = fmt.Errorf("请填写催办日期")
			}
			if as := model.Day(e.orig.AssignedAt); err == nil && day.Before(as) {
				err = fmt.Errorf("%s 早于交办日期 %s", formatDate(day, false), formatDate(as, false))
			}
			if err != nil {
				showInfo(e.win, "催办日期："+err.Error())
				return keepOpen
			}
			t := model.Transition{Action: model.ActionRemind, Note: strings.TrimSpace(f.text.Text)}
			if !day.Equal(e.today()) {
				t.At = day // an earlier day; today's is stamped with the time
			}
			return e.move(t)
		})
		e.action = f
	})
}
