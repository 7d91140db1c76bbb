package ui

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"bulletin/export"
	"bulletin/model"
)

// newBulletin shows a new issue: the next numbers of this year and the
// defaults of the template settings. It reports false when they could not
// be read.
func (e *bulletinEditor) newBulletin() bool {
	ctx := context.Background()
	now := time.Now()
	number, serial, err := e.store.NextBulletinNumbers(ctx, now.Year())
	if err != nil {
		showError(e.win, "建议期号", err)
		return false
	}
	kv, err := e.store.FindSettings(ctx)
	if err != nil {
		showError(e.win, "读取模板设置", err)
		return false
	}
	copies, _ := strconv.Atoi(kv[model.SettingCopies])
	b := &model.Bulletin{Year: now.Year(), Number: number, Serial: serial, Date: model.Day(now),
		Name: kv[model.SettingName], Unit: kv[model.SettingUnit], Marking: kv[model.SettingMarking],
		Bao: kv[model.SettingBao], Song: kv[model.SettingSong], Fa: kv[model.SettingFa], Copies: copies,
		Signer: kv[model.SettingSigner], Editor: kv[model.SettingEditor], Cover: kv[model.SettingCover] != "0",
		Status: model.BulletinDraft}
	e.show(b, nil, nil, nil)
	return true
}

// open loads issue id with its cases, meetings and 批示 in one read; false
// on failure, when the composer keeps what it showed: showing fewer links
// than the issue has would drop the others at the next save.
func (e *bulletinEditor) open(id int64) bool {
	bl, err := e.store.FindBulletinWithLinks(context.Background(), id)
	if err != nil {
		showError(e.win, "读取专报及其关联案件", err)
		return false
	}
	e.show(bl.Bulletin, bl.Cases, bl.Meetings, bl.Instructions)
	return true
}

// close forgets the open issue.
func (e *bulletinEditor) close() {
	e.orig, e.snap, e.cases, e.meetings, e.instructions = nil, nil, nil, nil, nil
}

// save writes the composer to the store (Ctrl+S); done, when not nil, learns
// whether the issue is now saved.
func (e *bulletinEditor) save(done func(ok bool)) {
	finish := func(ok bool) {
		if done != nil {
			done(ok)
		}
	}
	if e.orig == nil || e.frozen() {
		finish(true)
		return
	}
	b, removed, err := e.read()
	if err != nil {
		showInfo(e.win, err.Error())
		finish(false)
		return
	}
	if b.ID != 0 && removed == 0 && e.snap != nil && sameBulletin(e.snap, b) {
		finish(true)
		return
	}
	ctx := context.Background()
	if b.ID == 0 {
		err = e.store.CreateBulletin(ctx, b)
	} else {
		err = e.store.UpdateBulletin(ctx, b)
	}
	if err != nil {
		showError(e.win, "保存专报", err)
		finish(false)
		return
	}
	if !e.open(b.ID) {
		// Saved, but not read back: what the form shows is what was saved.
		e.orig, e.snap = b, b
		e.showState()
	}
	e.onChanged()
	if removed > 0 {
		showInfo(e.win, "已删除不可见的控制字符（常见于从网页或文档复制的文字）。")
	}
	finish(true)
}

// confirmLeave runs next when nothing is unsaved, else asks 保存/放弃/取消.
func (e *bulletinEditor) confirmLeave(next func()) {
	if !e.dirty() {
		next()
		return
	}
	e.lastPrompt = askUnsaved(e.win, "当前这期专报", e.save, func() {
		if e.orig.ID == 0 || !e.open(e.orig.ID) {
			e.close()
		}
	}, next)
}

// onDelete deletes the open draft after confirmation.
func (e *bulletinEditor) onDelete() {
	b := e.orig
	if b == nil || b.ID == 0 || b.Frozen() {
		return
	}
	e.lastConfirm = confirmDelete(e.win, "删除专报",
		fmt.Sprintf("删除 %d年第%d期「%s」？此操作不能撤销，期号可以再用。", b.Year, b.Number, b.Title),
		func() error { return e.store.DeleteBulletin(context.Background(), b.ID) },
		func() {
			e.close()
			e.onDeleted()
		})
}

// onDraft writes a first body from the linked cases and meetings, asking
// before it replaces a body already written.
func (e *bulletinEditor) onDraft() {
	if e.orig == nil || e.frozen() {
		return
	}
	if len(e.cases) == 0 && len(e.meetings) == 0 {
		showInfo(e.win, "请先点「选择案件…」或「选择会议纪要…」，再据案件起草。")
		return
	}
	ctx := context.Background()
	var cases []*model.Case
	for _, c := range e.cases {
		if fresh, err := e.store.FindCaseByID(ctx, c.ID); err == nil {
			c = fresh
		}
		cases = append(cases, c)
	}
	text := export.DraftBody(cases, e.meetings)
	if strings.TrimSpace(e.body.Text) == "" {
		e.body.SetText(text)
		return
	}
	msg := widget.NewLabel("正文已有内容。用据案件生成的初稿替换现有正文吗？替换后可按「放弃修改」找回已保存的正文。")
	msg.Wrapping = fyne.TextWrapWord
	e.lastConfirm = newFormDialog(e.win, "替换正文", "替换", sized(msg, 420), func() formResult {
		return closeThen(func() { e.body.SetText(text) })
	})
}

// onPickCases opens the case picker and links the cases chosen.
func (e *bulletinEditor) onPickCases() {
	e.picker = newCasePicker(e.win, e.store, e.bg, func(picked []*model.Case) {
		for _, c := range picked {
			if !slices.ContainsFunc(e.cases, func(x *model.Case) bool { return x.ID == c.ID }) {
				e.cases = append(e.cases, c)
			}
		}
		e.showLinks()
		e.showLinksTab()
	})
}

// onPickMeetings opens the meeting picker and links the meetings chosen.
func (e *bulletinEditor) onPickMeetings() {
	e.mpicker = newMeetingPicker(e.win, e.store, func(picked []*model.Meeting) {
		for _, m := range picked {
			if !slices.ContainsFunc(e.meetings, func(x *model.Meeting) bool { return x.ID == m.ID }) {
				e.meetings = append(e.meetings, m)
			}
		}
		e.showLinks()
		e.showLinksTab()
	})
}
