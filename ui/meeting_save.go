package ui

import (
	"context"
	"fmt"
	"slices"
)

// save writes the form to the store (Ctrl+S); done, when not nil, learns
// whether the meeting is now saved.
func (e *meetingEditor) save(done func(ok bool)) {
	finish := func(ok bool) {
		if done != nil {
			done(ok)
		}
	}
	if e.orig == nil {
		finish(true)
		return
	}
	m, removed, err := e.read()
	if err != nil {
		showInfo(e.win, err.Error())
		finish(false)
		return
	}
	if m.ID != 0 && e.snap != nil && sameMeeting(e.snap, m) && removed == 0 {
		finish(true)
		return
	}
	ctx := context.Background()
	if m.ID == 0 {
		err = e.store.CreateMeeting(ctx, m)
	} else {
		err = e.store.UpdateMeeting(ctx, m)
	}
	if err != nil {
		showError(e.win, "保存会议纪要", err)
		finish(false)
		return
	}
	if !e.open(m.ID) {
		// Saved, but not read back: what the form shows is what was saved.
		e.orig, e.loaded, e.snap = m, slices.Clone(e.cases), m
		e.heading.SetText(m.Name)
		setEnabled(e.deleteBtn, true)
	}
	e.onSaved(m)
	if removed > 0 {
		showInfo(e.win, fmt.Sprintf("已删除 %d 个不可见的控制字符（常见于从网页或文档复制的文字）。", removed))
	}
	finish(true)
}

// confirmLeave runs next when nothing is unsaved, else asks 保存/放弃/取消.
func (e *meetingEditor) confirmLeave(next func()) {
	if !e.dirty() {
		next()
		return
	}
	orig, cases := e.orig, e.loaded
	e.lastPrompt = askUnsaved(e.win, "当前会议纪要", e.save, func() { e.show(orig, cases) }, next)
}

// onDelete deletes the open meeting note after confirmation.
func (e *meetingEditor) onDelete() {
	m := e.orig
	if m == nil || m.ID == 0 {
		return
	}
	e.lastDialog = confirmDelete(e.win, "删除会议纪要", fmt.Sprintf("删除会议纪要「%s」？此操作不能撤销。", m.Name),
		func() error { return e.store.DeleteMeeting(context.Background(), m.ID) },
		func() {
			e.orig, e.cases = nil, nil
			e.form.Hide()
			e.empty.Show()
			e.onDeleted()
		})
}
