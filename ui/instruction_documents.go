package ui

import (
	"context"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bulletin/export"
	"bulletin/export/layout"
	"bulletin/model"
)

// instructionDocs are the buttons under a recorded 批示: its 批示抄清, and
// when it assigned the cases (one-step 交办), a 交办单 for each department,
// listing the bulletin's cases that department has. Each shows the document
// as it will print before printing it.
type instructionDocs struct {
	copyBtn    *widget.Button
	noticeBtns map[string]*widget.Button // by department
	preview    *documentPreview          // the dialog shown last (tests)
}

// docs returns the editor's document printer, made at first use.
func (e *bulletinEditor) docs() *docPrinter {
	if e.docPrinter == nil {
		e.docPrinter = newDocPrinter(e.win, e.bg)
	}
	return e.docPrinter
}

// instructionButtons makes the document buttons of in.
func (e *bulletinEditor) instructionButtons(in *model.Instruction) fyne.CanvasObject {
	d := &instructionDocs{noticeBtns: map[string]*widget.Button{}}
	d.copyBtn = widget.NewButton("批示抄清", func() { e.previewInstructionCopy(in, d) })
	row := container.NewGridWithColumns(2, d.copyBtn) // many departments wrap, not widen the column
	if in.Assign {
		for _, dept := range in.Departments {
			b := widget.NewButton("交办单："+dept, func() { e.previewInstructionNotice(in, dept, d) })
			d.noticeBtns[dept] = b
			row.Add(b)
		}
	}
	if e.instrDocs == nil {
		e.instrDocs = map[int64]*instructionDocs{}
	}
	e.instrDocs[in.ID] = d
	return row
}

// previewInstructionCopy shows the 批示抄清 of in as it will print; 打印
// prints it.
func (e *bulletinEditor) previewInstructionCopy(in *model.Instruction, d *instructionDocs) {
	b, store := e.orig, e.store
	d.preview = showDocumentPreview(e.win, store, e.bg, "批示抄清："+in.Leader+" "+in.Date.Format(model.DateLayout), "打印批示抄清", nil,
		func() (previewJob, string) {
			return func() ([]layout.Page, []pageNotes, string, error) {
				kv, err := store.FindSettings(context.Background())
				if err != nil {
					return nil, nil, "", err
				}
				return printedPreview(store, export.InstructionCopyFrom(in, b, export.NoticeSettingsFrom(kv)), nil)
			}, ""
		},
		func() formResult { return closeThen(func() { e.printInstructionCopy(in, b) }) })
}

// printInstructionCopy typesets the 批示抄清 of in on bulletin b.
func (e *bulletinEditor) printInstructionCopy(in *model.Instruction, b *model.Bulletin) {
	name := export.DocumentFileName("批示抄清", in.Leader, in.Date.Format("20060102"))
	e.docs().print(name, "批示抄清", func() ([]byte, *export.Report, error) {
		kv, err := e.store.FindSettings(context.Background())
		if err != nil {
			return nil, nil, err
		}
		return export.PrintedPDF(export.InstructionCopyFrom(in, b, export.NoticeSettingsFrom(kv)), kv)
	}, nil)
}

// previewInstructionNotice shows the 交办单 of in for dept as it will print
// (the one printed before, when there is one); 打印交办单 prints it.
func (e *bulletinEditor) previewInstructionNotice(in *model.Instruction, dept string, d *instructionDocs) {
	store := e.store
	var btn noticeButton
	d.preview = showDocumentPreview(e.win, store, e.bg, "交办单："+dept, "打印交办单", nil,
		func() (previewJob, string) {
			reprint := btn.next()
			return func() ([]layout.Page, []pageNotes, string, error) {
				req, err := instructionNoticeRequest(store, in, dept)
				if err != nil {
					return nil, nil, "", err
				}
				return noticePreviewOf(store, req, reprint)
			}, ""
		},
		func() formResult { return closeThen(func() { e.printInstructionNotice(in, dept) }) })
	btn.follow(d.preview)
}

// printInstructionNotice prints the 交办单 of in for dept; a reprint gives
// the same 交办编号.
func (e *bulletinEditor) printInstructionNotice(in *model.Instruction, dept string) {
	var label string
	e.docs().print(export.DocumentFileName("交办单", dept, in.Date.Format("20060102")), "交办单", func() ([]byte, *export.Report, error) {
		req, err := instructionNoticeRequest(e.store, in, dept)
		if err != nil {
			return nil, nil, err
		}
		pdf, rep, n, err := export.PrintNotice(context.Background(), e.store, req)
		if n != nil {
			label = n.Label()
		}
		return pdf, rep, err
	}, func() {
		e.lastNotice = fmt.Sprintf("%s %s", label, dept)
	})
}

// instructionNoticeRequest is the 交办单 of in for dept: the cases of the
// bulletin assigned to dept and not yet replied (the 批示 skipped those),
// dated the day the 批示 was recorded.
func instructionNoticeRequest(store *model.Store, in *model.Instruction, dept string) (export.NoticeRequest, error) {
	bl, err := store.FindBulletinWithLinks(context.Background(), in.BulletinID)
	if err != nil {
		return export.NoticeRequest{}, err
	}
	var cases []*model.Case
	for _, c := range bl.Cases {
		if slices.Contains(c.Departments, dept) && c.Status != model.StatusReplied && c.Status != model.StatusClosed {
			cases = append(cases, c)
		}
	}
	if len(cases) == 0 {
		return export.NoticeRequest{}, model.Errorf(model.EINVALID, "本期关联的案件中没有交办给%s且未回复的", dept)
	}
	day := in.CreatedAt
	if day.IsZero() {
		day = in.Date
	}
	return export.NoticeRequest{Cases: cases, Department: dept, Date: day, Due: in.Due, Instruction: in}, nil
}
