package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bulletin/export"
	"bulletin/export/layout"
	"bulletin/model"
)

// minutesForm is the dialog of 导出纪要 PDF: the 纪要's body, drafted from
// the meeting record (导语, 会议内容, 议定事项 with 牵头单位 and 时限) or as
// last edited, to edit before it is typeset, beside its pages as they will
// print.
type minutesForm struct {
	body    *widget.Entry
	redraft *widget.Button
	preview *previewPane
	dlg     *formDialog
	drafted string // the draft of the record, kept as "" when not edited
}

// docs returns the editor's document printer, made at first use.
func (e *meetingEditor) docs() *docPrinter {
	if e.printer == nil {
		e.printer = newDocPrinter(e.win, e.bg)
	}
	return e.printer
}

// onExportMinutes (导出纪要 PDF) saves the meeting when needed, then shows
// the 纪要's body to edit and typesets it with the meeting's 期号.
func (e *meetingEditor) onExportMinutes() {
	if e.orig == nil {
		return
	}
	if e.orig.ID != 0 && !e.dirty() {
		e.editMinutes(e.orig)
		return
	}
	e.save(func(ok bool) {
		if ok && e.orig != nil && e.orig.ID != 0 {
			e.editMinutes(e.orig)
		}
	})
}

// editMinutes reads the body last saved in the background, then shows it.
func (e *meetingEditor) editMinutes(m *model.Meeting) {
	e.bg.run(func() func() {
		body, err := e.store.FindMinutesBody(context.Background(), m.ID)
		return func() {
			if err != nil {
				showError(e.win, "读取纪要", err)
				return
			}
			e.showMinutesForm(m, body)
		}
	})
}

func (e *meetingEditor) showMinutesForm(m *model.Meeting, saved string) {
	f := &minutesForm{body: multiLine(16), drafted: export.MinutesBody(m)}
	f.body.SetText(f.drafted)
	if strings.TrimSpace(saved) != "" {
		f.body.SetText(saved)
	}
	f.redraft = widget.NewButton("按会议记录重新起草", func() { f.body.SetText(f.drafted) })
	hint := wrapLabel("纪要正文按会议记录起草，可在此修改；议定事项以“一、”“二、”开头，第一句用黑体。出席、请假、列席名单取自会议记录。")
	hint.Importance = widget.LowImportance
	form := container.NewBorder(container.NewVBox(hint, container.NewHBox(f.redraft)), nil, nil, nil, f.body)
	store := e.store
	f.preview = newPreviewPane(e.win, store, e.bg, func() (previewJob, string) {
		body := f.text()
		if strings.TrimSpace(body) == "" {
			return nil, "纪要正文为空，没有可显示的版面。可点「按会议记录重新起草」。"
		}
		return func() ([]layout.Page, []pageNotes, string, error) { return minutesPreview(store, m, body) }, ""
	})
	f.body.OnChanged = func(string) { f.preview.changed() }
	f.dlg = newFormDialog(e.win, "导出纪要 PDF："+m.Name, "导出 PDF", withPreview(e.win, form, "纪要正文", f.preview), func() formResult {
		body := f.text()
		if strings.TrimSpace(body) == "" {
			showInfo(e.win, "纪要正文不能为空。可点「按会议记录重新起草」。")
			return keepOpen
		}
		keep := body
		if body == f.drafted {
			keep = "" // not edited: the 纪要 follows the record
		}
		return closeThen(func() { e.printMinutes(m, body, keep) })
	})
	f.dlg.fillWindow()
	f.preview.now()
	e.minutes = f
}

// text is the body as it will be typeset.
func (f *minutesForm) text() string {
	body, _ := model.CleanText(f.body.Text, true)
	return body
}

// printMinutes typesets the 纪要 with body and keeps keep as its edited body
// ("" when it follows the record). The body is passed even when it is the
// record's draft: typesetting "" would print the body saved before, which
// 按会议记录重新起草 has just replaced.
func (e *meetingEditor) printMinutes(m *model.Meeting, body, keep string) {
	e.docs().print(export.DocumentFileName(m.Name, "纪要"), "会议纪要", func() ([]byte, *export.Report, error) {
		ctx := context.Background()
		pdf, rep, err := export.PrintMinutes(ctx, e.store, m, body)
		if err != nil {
			return nil, nil, err
		}
		if err := e.store.SetMinutesBody(ctx, m.ID, keep); err != nil {
			return nil, nil, err
		}
		return pdf, rep, nil
	}, nil)
}
