package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"bulletin/export"
	"bulletin/model"
)

// saveFirst saves a new or edited draft, then runs next; an issued bulletin
// needs no saving.
func (e *bulletinEditor) saveFirst(next func()) {
	if e.orig == nil {
		return
	}
	if e.frozen() || (e.orig.ID != 0 && !e.dirty()) {
		next()
		return
	}
	e.save(func(ok bool) {
		if ok {
			next()
		}
	})
}

// onExport (导出 PDF, Ctrl+P) saves a draft, asks where to write the PDF,
// typesets it in the background (an issued bulletin is written from its
// stored bytes) and opens it in the system's PDF viewer.
func (e *bulletinEditor) onExport() {
	e.saveFirst(func() {
		b := e.orig
		e.checkMasthead(b, "仍然导出", func() {
			e.chooseFile(export.BulletinFileName(b), func(w fyne.URIWriteCloser) { e.writeExport(b, w) })
		})
	})
}

// showProgress shows a dialog with a moving bar until it is hidden.
func (e *bulletinEditor) showProgress(msg string) dialog.Dialog {
	d := dialog.NewCustomWithoutButtons("请稍候", container.NewVBox(widget.NewLabel(msg), widget.NewProgressBarInfinite()), e.win)
	d.Show()
	return d
}

// writeExport typesets b into w in the background, then reports and opens it.
func (e *bulletinEditor) writeExport(b *model.Bulletin, w fyne.URIWriteCloser) {
	prog := e.showProgress(fmt.Sprintf("正在生成 %d年第%d期的 PDF……", b.Year, b.Number))
	e.bg.run(func() func() {
		pdf, rep, err := export.PrintBulletin(context.Background(), e.store, b)
		err = writeAll(w, pdf, err)
		return func() {
			prog.Hide()
			if err != nil {
				showError(e.win, "导出 PDF", err)
				return
			}
			e.lastExport, e.lastReport = w.URI().Path(), rep.String()
			if e.lastReport != "" {
				showLongInfo(e.win, "有字符无法打印", e.lastReport)
			}
			openPDF(e.win, e.bg, e.openURL, e.lastExport, func(n *exportedNotice) { e.lastExported = n })
		}
	})
}

// showLongInfo shows a long text in a scrolling information dialog.
func showLongInfo(w fyne.Window, title, text string) {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(l)
	scroll.SetMinSize(fyne.NewSize(520, 220))
	dialog.ShowCustom(title, "知道了", scroll, w)
}

// onIssue (印发) saves the draft, typesets it and checks its fonts in the
// background, then asks for confirmation, warning of characters no font
// prints or printed with a system font, and freezes it with the PDF made.
func (e *bulletinEditor) onIssue() {
	e.saveFirst(func() {
		b := e.orig
		if b.Frozen() {
			return
		}
		if b.Date.IsZero() {
			showInfo(e.win, "请先填写印发日期。")
			return
		}
		e.checkMasthead(b, "仍然印发", func() { e.prepareAndConfirmIssue(b) })
	})
}

// prepareAndConfirmIssue typesets b and checks its fonts in the background,
// then asks for confirmation.
func (e *bulletinEditor) prepareAndConfirmIssue(b *model.Bulletin) {
	prog := e.showProgress("正在排版并检查字体……")
	e.bg.run(func() func() {
		pdf, warn, err := e.prepareIssue(b)
		return func() {
			prog.Hide()
			if err != nil {
				showError(e.win, "排版", err)
				return
			}
			e.confirmIssue(b, pdf, warn)
		}
	})
}

// prepareIssue renders b with the settings and returns the PDF and the
// warnings of the font check.
func (e *bulletinEditor) prepareIssue(b *model.Bulletin) ([]byte, string, error) {
	kv, err := e.store.FindSettings(context.Background())
	if err != nil {
		return nil, "", err
	}
	opt, err := export.OptionsFromSettings(kv)
	if err != nil {
		return nil, "", err
	}
	pf, err := export.CheckDocument(export.DocumentFromBulletin(b), opt)
	if err != nil {
		return nil, "", err
	}
	pdf, _, err := export.BulletinPDF(b, kv)
	return pdf, pf.Warnings(), err
}

// confirmIssue asks before freezing b with pdf.
func (e *bulletinEditor) confirmIssue(b *model.Bulletin, pdf []byte, warn string) {
	msg := widget.NewLabel(fmt.Sprintf("印发 %d年第%d期「%s」？\n印发后内容冻结，不能再修改；存档这份 PDF，以后导出、重印都与它一字不差；"+
		"关联的 %d 件案件标记为「已编报」。", b.Year, b.Number, b.Title, len(b.CaseIDs)))
	msg.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(msg)
	if warn != "" {
		head := widget.NewLabelWithStyle("请注意：", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		head.Importance = widget.DangerImportance
		w := widget.NewLabel(warn)
		w.Wrapping = fyne.TextWrapWord
		scroll := container.NewVScroll(w)
		scroll.SetMinSize(fyne.NewSize(520, 160))
		box.Add(head)
		box.Add(scroll)
	}
	e.lastConfirm = newFormDialog(e.win, "印发", "确认印发", sized(box, 560), func() formResult {
		_, err := e.store.IssueBulletin(context.Background(), b.ID, pdf)
		return closeThen(func() {
			if err != nil {
				showError(e.win, "印发", err)
				return
			}
			e.open(b.ID)
			e.onChanged()
			showInfo(e.win, fmt.Sprintf("%d年第%d期已印发。点「导出 PDF」即可打印存档的原件。", b.Year, b.Number))
		})
	})
	if warn != "" {
		e.lastConfirm.danger()
		e.lastConfirm.ok.SetText("仍然印发")
	}
}

// onWithdraw (撤回) takes an issued bulletin back to 草稿, with a reason.
func (e *bulletinEditor) onWithdraw() {
	b := e.orig
	if b == nil || b.Status != model.BulletinIssued {
		return
	}
	reason := multiLine(3)
	reason.SetPlaceHolder("撤回原因，例如：正文数字有误，需更正后重新印发")
	e.reason = reason
	msg := widget.NewLabel(fmt.Sprintf("撤回 %d年第%d期？撤回后回到草稿，可修改后重新印发；原 PDF 和撤回原因保留在记录中。", b.Year, b.Number))
	msg.Wrapping = fyne.TextWrapWord
	e.lastConfirm = newFormDialog(e.win, "撤回", "撤回", sized(container.NewVBox(msg, reason), 480), func() formResult {
		text, _ := model.CleanText(reason.Text, true)
		_, err := e.store.WithdrawBulletin(context.Background(), b.ID, text)
		if model.ErrorCode(err) == model.EINVALID {
			showError(e.win, "撤回", err) // above the form: the reason needs fixing
			return keepOpen
		}
		return closeThen(func() {
			if err != nil {
				showError(e.win, "撤回", err)
				return
			}
			e.open(b.ID)
			e.onChanged()
		})
	})
	e.lastConfirm.danger()
}
