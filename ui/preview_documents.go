package ui

import (
	"context"
	"fmt"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bulletin/export"
	"bulletin/export/layout"
	"bulletin/model"
)

// documentPreview is the dialog before a 交办单, 催办单 or 批示抄清 is
// printed: what can still be chosen on the left (the 承办单位, a 催办说明),
// the pages as they will print on the right, following the choices.
type documentPreview struct {
	dlg  *formDialog
	pane *previewPane
}

// choicesWidth is the width of the choices beside the pages.
const choicesWidth = 340

// showDocumentPreview opens the dialog: choices (nil when there are none)
// beside the pages that source lays out; okText prints, onOK says what
// follows. A choice that changes the document calls pane.changed.
func showDocumentPreview(win fyne.Window, store *model.Store, bg *tasks, title, okText string, choices fyne.CanvasObject, source func() (previewJob, string), onOK func() formResult) *documentPreview {
	p := &documentPreview{pane: newPreviewPane(win, store, bg, source)}
	content := p.pane.content()
	if choices != nil {
		content = container.NewBorder(nil, nil, container.NewVBox(sized(choices, choicesWidth)), nil, content)
	}
	p.dlg = newFormDialog(win, title, okText, content, onOK)
	p.dlg.fillWindow()
	p.pane.zoom.SetSelected(zoomFitPage) // a notice is a page or two: see it whole
	p.pane.now()
	return p
}

// departmentChoice is a choice of the case's departments, the first chosen.
func departmentChoice(depts []string) *widget.RadioGroup {
	r := widget.NewRadioGroup(depts, nil)
	r.Required = true
	if len(depts) > 0 {
		r.SetSelected(depts[0])
	}
	return r
}

// noticePreview lays out the 交办单 of req as printing it will give it,
// saying which 交办编号 it gets or that it is the one printed before.
func noticePreview(store *model.Store, req export.NoticeRequest) ([]layout.Page, []pageNotes, string, error) {
	return noticePreviewOf(store, req, nil)
}

// noticePreviewOf is noticePreview that also records in reprint (when not
// nil) whether the 交办单 shown is the one printed before.
func noticePreviewOf(store *model.Store, req export.NoticeRequest, reprint *atomic.Bool) ([]layout.Page, []pageNotes, string, error) {
	np, err := export.PreviewNotice(context.Background(), store, req)
	if err != nil {
		return nil, nil, "", err
	}
	if reprint != nil {
		reprint.Store(np.Printed != nil)
	}
	pages, notes, note, err := printedPreview(store, np.Doc, nil)
	if err != nil {
		return nil, nil, "", err
	}
	return pages, notes, joinNotes(noticeNote(np), note), nil
}

// noticeNote says what printing the previewed 交办单 does.
func noticeNote(np *export.NoticePreview) string {
	n := np.Printed
	switch {
	case n == nil:
		return fmt.Sprintf("交办编号%s在打印时编定；打印后存档，以后重印编号和内容不变。", np.Doc.Number)
	case np.Changed:
		return fmt.Sprintf("这份交办单已于%s打印存档（%s）：下面是存档的内容，重印与它相同。打印后案件或文书设置有改动，改动不会印在上面。",
			n.CreatedAt.Format(model.DateLayout), n.Label())
	}
	return fmt.Sprintf("这份交办单已于%s打印存档（%s）：下面是存档的内容，重印编号和内容不变。", n.CreatedAt.Format(model.DateLayout), n.Label())
}

// noticeButton names the OK button of a 交办单's dialog after what it does
// for the 交办单 shown: 打印交办单 for a new one, 重印交办单 for the one
// printed before (its number and contents stay as stored).
type noticeButton struct {
	cur *atomic.Bool // of the layout asked for last
}

// next is the flag the layout about to be asked for fills (UI thread).
func (b *noticeButton) next() *atomic.Bool {
	b.cur = new(atomic.Bool)
	return b.cur
}

// follow makes p's button follow the 交办单 shown.
func (b *noticeButton) follow(p *documentPreview) {
	p.pane.shown = func() {
		text := "打印交办单"
		if b.cur != nil && b.cur.Load() {
			text = "重印交办单"
		}
		p.dlg.ok.SetText(text)
	}
}
