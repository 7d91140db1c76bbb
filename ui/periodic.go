package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bulletin/export"
	"bulletin/model"
)

// periodicScreen is the 通报 screen (DOCUMENTS.md §5): choose a period and
// draft a 通报 from its cases, edit its 刊名, title and body, export the PDF
// or the 附表, and issue it: the 期号 of its kind and year is given and the
// 通报 is frozen (the same PDF ever after).
type periodicScreen struct {
	win   fyne.Window
	store *model.Store
	bg    *tasks
	print *docPrinter

	picker  *periodPicker
	draft   *widget.Button
	list    *widget.List
	items   []*model.PeriodicIssue
	cur     *model.PeriodicIssue // the one in the editor; nil for none
	name    *widget.Entry
	title   *widget.Entry
	body    *widget.Entry
	state   *widget.Label
	save    *widget.Button
	pdf     *widget.Button
	xlsx    *widget.Button
	issue   *widget.Button
	del     *widget.Button
	preview *previewPane    // the pages as they will print, beside the editor
	figures periodicFigures // the draft's 附表 and charts, counted once per period
	root    fyne.CanvasObject
	dirty   bool
	loading bool

	lastConfirm *formDialog // the 印发 question last shown (tests)
}

func newPeriodicScreen(w fyne.Window, s *model.Store, bg *tasks) *periodicScreen {
	return &periodicScreen{win: w, store: s, bg: bg, print: newDocPrinter(w, bg)}
}

func (ps *periodicScreen) content() fyne.CanvasObject {
	if ps.root == nil {
		ps.root = ps.buildUI()
		ps.reload()
	}
	return ps.root
}

func (ps *periodicScreen) buildUI() fyne.CanvasObject {
	now := time.Now()
	ps.picker = newPeriodPicker(model.MonthPeriod(now.AddDate(0, -1, 0).Year(), now.AddDate(0, -1, 0).Month()))
	ps.draft = widget.NewButton("按此时段起草通报", ps.onNew)
	ps.draft.Importance = widget.HighImportance
	top := container.NewVBox(container.NewHBox(widget.NewLabel("统计时段"), ps.picker.box), container.NewHBox(ps.draft), widget.NewSeparator())

	ps.list = widget.NewList(func() int { return len(ps.items) },
		func() fyne.CanvasObject { return widget.NewLabel("2026年第48周 周报（草稿）") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if it, ok := at(ps.items, i); ok {
				o.(*widget.Label).SetText(it.Label())
			}
		})
	ps.list.OnSelected = func(i widget.ListItemID) {
		if it, ok := at(ps.items, i); ok {
			ps.open(it)
		}
	}
	ps.name, ps.title = widget.NewEntry(), widget.NewEntry()
	ps.body = widget.NewMultiLineEntry()
	ps.body.Wrapping = fyne.TextWrapWord
	ps.body.SetMinRowsVisible(18)
	for _, e := range []*widget.Entry{ps.name, ps.title, ps.body} {
		e.OnChanged = func(string) {
			if !ps.loading {
				ps.dirty = true
				ps.preview.changed()
			}
		}
	}
	ps.state = widget.NewLabel("")
	ps.state.Wrapping = fyne.TextWrapWord
	ps.save = widget.NewButton("保存", ps.onSave)
	ps.pdf = widget.NewButton("导出 PDF", ps.onPDF)
	ps.xlsx = widget.NewButton("导出附表 .xlsx", ps.onXLSX)
	ps.issue = widget.NewButton("印发（编期号并定稿）", ps.onIssue)
	ps.issue.Importance = widget.HighImportance
	ps.del = widget.NewButton("删除草稿", ps.onDelete)
	form := widget.NewForm(widget.NewFormItem("刊名", ps.name), widget.NewFormItem("标题", ps.title))
	editor := container.NewBorder(container.NewVBox(ps.state, form,
		widget.NewLabel("正文（一至五部分由程序按统计数据起草；附表和图表在排版时按数据生成）")),
		container.NewHBox(ps.save, ps.pdf, ps.xlsx, ps.issue, ps.del), nil, nil, ps.body)
	ps.preview = newPreviewPane(ps.win, ps.store, ps.bg, ps.previewSource)
	pages := container.NewHSplit(editor, ps.preview.content())
	pages.Offset = 0.5
	split := container.NewHSplit(container.NewBorder(widget.NewLabel("已存通报"), nil, nil, nil, ps.list), pages)
	split.Offset = 0.17 // the list's labels (2026年11月 月报 第1期) are short: the width goes to the text and the pages
	ps.show(nil)
	return container.NewBorder(top, nil, nil, nil, split)
}

// reload lists the stored 通报 again.
func (ps *periodicScreen) reload() {
	if ps.root == nil {
		return
	}
	ps.bg.run(func() func() {
		items, err := ps.store.FindPeriodics(context.Background())
		return func() {
			if err != nil {
				showError(ps.win, "读取通报", err)
				return
			}
			ps.items = items
			ps.list.Refresh()
		}
	})
}

// show puts it into the editor (nil: nothing chosen).
func (ps *periodicScreen) show(it *model.PeriodicIssue) {
	ps.cur = it
	ps.loading = true
	defer func() { ps.loading = false }()
	defer ps.showPages()
	if it == nil {
		ps.name.SetText("")
		ps.title.SetText("")
		ps.body.SetText("")
		ps.state.SetText("选择统计时段后点击「按此时段起草通报」，或在左侧选择已存的通报。")
		for _, b := range []*widget.Button{ps.save, ps.pdf, ps.xlsx, ps.issue, ps.del} {
			b.Disable()
		}
		ps.dirty = false
		return
	}
	ps.name.SetText(it.Name)
	ps.title.SetText(it.Title)
	ps.body.SetText(it.Body)
	ps.dirty = it.ID == 0
	ps.pdf.Enable()
	ps.xlsx.Enable()
	if it.Issued() {
		ps.state.SetText(fmt.Sprintf("%s，统计时间 %s。已于 %s 印发，第%d期，内容已定稿，导出的是印发时的原件。",
			it.Period.Kind.Name(), it.Period.Span(), it.IssuedAt.Format(model.DateLayout), it.Number))
		for _, e := range []*widget.Entry{ps.name, ps.title, ps.body} {
			e.Disable()
		}
		ps.save.Disable()
		ps.issue.Disable()
		ps.del.Disable()
		return
	}
	what := "草稿"
	if it.ID == 0 {
		what = "新起草，尚未保存"
	}
	ps.state.SetText(fmt.Sprintf("%s，统计时间 %s（%s）。印发时编期号，附表和图表按当时的数据生成并随之定稿。",
		it.Period.Kind.Name(), it.Period.Span(), what))
	for _, e := range []*widget.Entry{ps.name, ps.title, ps.body} {
		e.Enable()
	}
	ps.save.Enable()
	ps.issue.Enable()
	ps.del.Enable()
}

// showPages lays out the 通报 shown now, with the figures of its period
// counted again: opening a 通报 shows the data as they are then.
func (ps *periodicScreen) showPages() {
	ps.figures.reset()
	if ps.cur == nil {
		_, hint := ps.previewSource()
		ps.preview.clear(hint)
		return
	}
	ps.preview.now()
}

// open shows a stored 通报, asking first about unsaved edits.
func (ps *periodicScreen) open(it *model.PeriodicIssue) {
	if ps.cur != nil && ps.cur.ID == it.ID {
		return
	}
	ps.confirmLeave(func() { ps.show(it) })
}

// edited is the issue in the editor with the fields as typed.
func (ps *periodicScreen) edited() *model.PeriodicIssue {
	it := *ps.cur
	it.Name, it.Title, it.Body = strings.TrimSpace(ps.name.Text), strings.TrimSpace(ps.title.Text), ps.body.Text
	return &it
}

// onNew drafts a 通报 of the period chosen from its figures.
func (ps *periodicScreen) onNew() {
	if ps.root == nil {
		return
	}
	p, err := ps.picker.Period()
	if err != nil {
		showInfo(ps.win, model.ErrorMessage(err))
		return
	}
	ps.confirmLeave(func() {
		ps.draft.Disable()
		ps.bg.run(func() func() {
			it, err := export.DraftPeriodic(context.Background(), ps.store, p)
			return func() {
				ps.draft.Enable()
				if err != nil {
					showError(ps.win, "起草通报", err)
					return
				}
				ps.list.UnselectAll()
				ps.show(it)
			}
		})
	})
}

// onSave stores the draft (created the first time).
func (ps *periodicScreen) onSave() { ps.saveThen(nil) }

func (ps *periodicScreen) saveThen(next func(*model.PeriodicIssue)) {
	if ps.cur == nil || ps.cur.Issued() {
		if next != nil && ps.cur != nil {
			next(ps.cur)
		}
		return
	}
	it := ps.edited()
	if strings.TrimSpace(it.Body) == "" {
		showInfo(ps.win, "通报正文不能为空")
		return
	}
	ps.bg.run(func() func() {
		var err error
		if it.ID == 0 {
			err = ps.store.CreatePeriodic(context.Background(), it)
		} else {
			err = ps.store.UpdatePeriodic(context.Background(), it)
		}
		return func() {
			if err != nil {
				showError(ps.win, "保存通报", err)
				return
			}
			ps.show(it)
			ps.reload()
			if next != nil {
				next(it)
			}
		}
	})
}

// onPDF exports the PDF: an issued 通报's original, a draft as typed now.
func (ps *periodicScreen) onPDF() {
	if ps.cur == nil {
		return
	}
	ps.saveThen(func(it *model.PeriodicIssue) {
		ps.print.print(export.PeriodicFileName(it.Period, ".pdf"), "通报", func() ([]byte, *export.Report, error) {
			return export.PrintPeriodic(context.Background(), ps.store, it.ID)
		}, nil)
	})
}

// onIssue asks, saves, then issues the draft.
func (ps *periodicScreen) onIssue() {
	if ps.cur == nil || ps.cur.Issued() {
		return
	}
	msg := wrapLabel(fmt.Sprintf("印发后将编排%d年%s的下一个期号，附表和图表按现在的数据生成，通报定稿后不能再修改或删除。确定印发吗？",
		ps.cur.Period.Year(), ps.cur.Period.Kind.Name()))
	ps.lastConfirm = newFormDialog(ps.win, "印发通报", "印发", sized(msg, 420), func() formResult {
		return closeThen(func() {
			ps.saveThen(func(it *model.PeriodicIssue) {
				ps.issue.Disable()
				ps.bg.run(func() func() {
					got, err := export.IssuePeriodicPDF(context.Background(), ps.store, it.ID, time.Now())
					return func() {
						if err != nil {
							ps.issue.Enable()
							showError(ps.win, "印发通报", err)
							return
						}
						got.PDF = nil
						ps.show(got)
						ps.reload()
						showInfo(ps.win, fmt.Sprintf("已印发：%s 第%d期。", got.Period.Kind.Name(), got.Number))
					}
				})
			})
		})
	})
}

// onDelete deletes the draft (an unsaved one is dropped).
func (ps *periodicScreen) onDelete() {
	if ps.cur == nil || ps.cur.Issued() {
		return
	}
	if ps.cur.ID == 0 {
		ps.show(nil)
		return
	}
	id := ps.cur.ID
	confirmDelete(ps.win, "删除通报草稿", "删除这份通报草稿？", func() error {
		return ps.store.DeletePeriodic(context.Background(), id)
	}, func() {
		ps.show(nil)
		ps.list.UnselectAll()
		ps.reload()
	})
}

// onFind puts the cursor in the period field.
func (ps *periodicScreen) onFind() {
	if ps.picker != nil {
		ps.win.Canvas().Focus(ps.picker.code)
	}
}

// confirmLeave asks about unsaved edits of a draft: 保存, 放弃 or 取消.
func (ps *periodicScreen) confirmLeave(next func()) {
	if !ps.dirty || ps.cur == nil || ps.cur.Issued() {
		next()
		return
	}
	askUnsaved(ps.win, "通报草稿", func(done func(ok bool)) {
		ps.saveThen(func(*model.PeriodicIssue) { done(true) })
	}, func() { ps.dirty = false }, next)
}
