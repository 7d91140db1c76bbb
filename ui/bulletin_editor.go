package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// bulletinEditor is the composer of one issue: its numbering and content,
// the linked cases and meeting notes, the buttons that draft, export, issue
// and withdraw it, and its 批示.
type bulletinEditor struct {
	win   fyne.Window
	store *model.Store

	orig         *model.Bulletin // as loaded or saved; nil when nothing is open
	snap         *model.Bulletin // the form's values as read right after orig was shown
	cases        []*model.Case
	meetings     []*model.Meeting
	instructions []*model.Instruction
	others       []*model.Bulletin // the issues listed, for the number check

	heading, status, numberNote *widget.Label
	year, number, serial        *widget.Entry
	name, unit, title           *widget.Entry
	marking                     *widget.SelectEntry
	date                        *dateField
	editorNote, body            *widget.Entry
	bao, song, fa               *widget.Entry
	copies, signer, editor      *widget.Entry
	cover                       *widget.Check
	caseBox, meetingBox         *fyne.Container
	instrBox                    *fyne.Container
	links                       *fyne.Container   // the right-hand column holding the boxes
	linksScroll                 *container.Scroll // around links

	backBtn, saveBtn, deleteBtn     *widget.Button
	draftBtn, pickCasesBtn          *widget.Button
	draftHint                       *widget.Label            // what 据案件起草 does; hidden once issued
	hints                           map[*widget.Entry]string // placeholders, blank once issued
	pickMeetingsBtn, exportBtn      *widget.Button
	issueBtn, withdrawBtn, instrBtn *widget.Button

	// Dialogs shown last, and the export hooks tests replace.
	lastPrompt   *unsavedPrompt
	lastConfirm  *formDialog
	picker       *casePicker
	mpicker      *meetingPicker
	instrForm    *instructionForm
	reason       *widget.Entry // the 撤回 reason of the last dialog
	chooseFile   func(name string, done func(fyne.URIWriteCloser))
	openURL      func(path string) error
	lastExport   string          // path of the last PDF written
	lastExported *exportedNotice // where the PDF went, when no viewer opened it
	lastReport   string          // unprintable characters of the last export
	bg           *tasks
	preview      *previewPane       // the pages as they will print, beside the form
	tabs         *container.AppTabs // 版面预览 | 关联案件与批示

	docPrinter *docPrinter                // 批示抄清 and 交办单 (instruction_documents.go)
	instrDocs  map[int64]*instructionDocs // their buttons, by 批示
	lastNotice string                     // 交办编号 and department of the last 交办单

	onChanged func()
	onBack    func()
	onDeleted func()
}

func newBulletinEditor(w fyne.Window, s *model.Store, bg *tasks) *bulletinEditor {
	e := &bulletinEditor{win: w, store: s, bg: bg}
	e.chooseFile = func(name string, done func(fyne.URIWriteCloser)) { choosePDFFile(w, name, done) }
	e.openURL = openInViewer
	return e
}

func (e *bulletinEditor) buildUI() fyne.CanvasObject {
	e.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.status = widget.NewLabel("")
	e.numberNote = widget.NewLabel("")
	e.numberNote.Importance = widget.DangerImportance
	e.numberNote.Hide()
	e.year, e.number, e.serial = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	for _, en := range []*widget.Entry{e.year, e.number, e.serial} {
		en.OnChanged = func(string) { e.checkNumbers() }
	}
	e.serial.SetPlaceHolder("不印总期号留空")
	e.name, e.unit, e.title = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	e.title.SetPlaceHolder("必填，如：关于……的专报")
	e.marking = widget.NewSelectEntry([]string{model.DefaultMarking, "内部资料", "内部资料 严禁外传"})
	e.marking.SetPlaceHolder("不标注留空")
	e.date = newDateField(false)
	e.editorNote = multiLine(2)
	e.editorNote.SetPlaceHolder("可不填")
	e.body = multiLine(16)
	e.body.SetPlaceHolder("一、基本情况\n……\n可点「据案件起草」按所选案件生成初稿")
	e.bao, e.song, e.fa = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	e.copies, e.signer, e.editor = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	e.cover = widget.NewCheck("加印阅批单（供领导签批）", nil)
	e.draftHint = widget.NewLabel("按所选案件和会议纪要写出初稿，再自行修改")
	e.hints = map[*widget.Entry]string{}
	for _, en := range []*widget.Entry{e.serial, e.title, &e.marking.Entry, e.editorNote, e.body} {
		e.hints[en] = en.PlaceHolder
	}
	e.caseBox, e.meetingBox, e.instrBox = container.NewVBox(), container.NewVBox(), container.NewVBox()

	e.backBtn = widget.NewButtonWithIcon("返回列表", theme.NavigateBackIcon(), func() { e.onBack() })
	e.saveBtn = widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), func() { e.save(nil) })
	e.saveBtn.Importance = widget.HighImportance
	e.deleteBtn = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), e.onDelete)
	e.draftBtn = widget.NewButtonWithIcon("据案件起草", theme.DocumentCreateIcon(), e.onDraft)
	e.pickCasesBtn = widget.NewButtonWithIcon("选择案件…", theme.SearchIcon(), e.onPickCases)
	e.pickMeetingsBtn = widget.NewButtonWithIcon("选择会议纪要…", theme.SearchIcon(), e.onPickMeetings)
	e.exportBtn = widget.NewButtonWithIcon("导出 PDF", theme.DownloadIcon(), e.onExport)
	e.issueBtn = widget.NewButtonWithIcon("印发", theme.ConfirmIcon(), e.onIssue)
	e.withdrawBtn = widget.NewButtonWithIcon("撤回", theme.ContentUndoIcon(), e.onWithdraw)
	e.instrBtn = widget.NewButtonWithIcon("登记批示", theme.ContentAddIcon(), e.onInstruction)

	numbers := container.NewHBox(
		widget.NewLabel("年度"), fixedWidth(e.year, 80), widget.NewLabel("第"), fixedWidth(e.number, 64), widget.NewLabel("期"),
		widget.NewLabel("　总第"), fixedWidth(e.serial, 80), widget.NewLabel("期"))
	left := widget.NewForm(
		widget.NewFormItem("期号", container.NewVBox(numbers, e.numberNote)),
		widget.NewFormItem("印发日期", container.NewHBox(e.date)), // its own line: the preview beside the form needs the width
		widget.NewFormItem("刊名", e.name), widget.NewFormItem("编印单位", e.unit),
		widget.NewFormItem("密级标注", e.marking), widget.NewFormItem("标题", e.title),
		widget.NewFormItem("编者按", e.editorNote),
		widget.NewFormItem("正文", container.NewBorder(container.NewHBox(e.draftBtn, e.draftHint), nil, nil, nil, e.body)),
		widget.NewFormItem("报", e.bao), widget.NewFormItem("送", e.song), widget.NewFormItem("发", e.fa),
		widget.NewFormItem("印数", fixedWidth(e.copies, 80)),
		widget.NewFormItem("签发", e.signer), widget.NewFormItem("编辑", e.editor),
		widget.NewFormItem("", e.cover),
	)
	e.links = container.NewVBox(
		sectionHead("关联案件"), e.caseBox, container.NewHBox(e.pickCasesBtn),
		widget.NewSeparator(),
		sectionHead("关联会议纪要"), e.meetingBox, container.NewHBox(e.pickMeetingsBtn),
		widget.NewSeparator(),
		sectionHead("领导批示"), e.instrBox, container.NewHBox(e.instrBtn),
	)
	e.linksScroll = container.NewVScroll(container.NewPadded(e.links))
	e.preview = newPreviewPane(e.win, e.store, e.bg, e.previewSource)
	e.watchPreview()
	e.tabs = container.NewAppTabs(container.NewTabItem("版面预览", e.preview.content()),
		container.NewTabItem("关联案件与批示", e.linksScroll))
	split := container.NewHSplit(container.NewVScroll(container.NewPadded(left)), e.tabs)
	split.Offset = 0.5
	bar := container.NewHBox(e.backBtn, widget.NewSeparator(), e.saveBtn, e.deleteBtn, widget.NewSeparator(),
		e.exportBtn, e.issueBtn, e.withdrawBtn)
	return container.NewBorder(container.NewVBox(bar, container.NewHBox(e.heading, e.status)), nil, nil, nil, split)
}

// sectionHead is a bold label heading a part of the composer.
func sectionHead(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// fixedWidth gives o the width w.
func fixedWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
}

// frozen reports whether the open issue is issued, so read-only.
func (e *bulletinEditor) frozen() bool { return e.orig != nil && e.orig.Frozen() }

// show fills the composer with b and its links.
func (e *bulletinEditor) show(b *model.Bulletin, cases []*model.Case, meetings []*model.Meeting, ins []*model.Instruction) {
	e.orig, e.cases, e.meetings, e.instructions = b, cases, meetings, ins
	e.year.SetText(strconv.Itoa(b.Year))
	e.number.SetText(strconv.Itoa(b.Number))
	e.serial.SetText(zeroEmpty(b.Serial))
	e.name.SetText(b.Name)
	e.unit.SetText(b.Unit)
	e.marking.SetText(b.Marking)
	e.date.SetDate(b.Date)
	e.title.SetText(b.Title)
	e.editorNote.SetText(b.EditorNote)
	e.body.SetText(b.Body)
	e.bao.SetText(b.Bao)
	e.song.SetText(b.Song)
	e.fa.SetText(b.Fa)
	e.copies.SetText(zeroEmpty(b.Copies))
	e.signer.SetText(b.Signer)
	e.editor.SetText(b.Editor)
	e.cover.SetChecked(b.Cover)
	e.showLinks()
	e.showInstructions()
	e.showState()
	e.snap, _, _ = e.read()
	if e.preview != nil {
		e.preview.now()
	}
}

// showState updates the heading and what can be edited and done.
func (e *bulletinEditor) showState() {
	b := e.orig
	if b.ID == 0 {
		e.heading.SetText(fmt.Sprintf("新的一期：%d年第%d期（未保存）", b.Year, b.Number))
	} else {
		e.heading.SetText(fmt.Sprintf("%d年第%d期", b.Year, b.Number))
	}
	switch b.Status {
	case model.BulletinDraft:
		e.status.SetText("草稿")
	default:
		e.status.SetText(fmt.Sprintf("%s（%s 印发，内容已冻结，导出即存档原件）", b.Status, formatDate(b.IssuedAt, true)))
	}
	fr := b.Frozen()
	for _, en := range []*widget.Entry{e.year, e.number, e.serial, e.name, e.unit, e.title, e.editorNote,
		e.body, e.bao, e.song, e.fa, e.copies, e.signer, e.editor} {
		setEntryEnabled(en, !fr)
	}
	setEntryEnabled(&e.marking.Entry, !fr)
	// How-to hints mean nothing in an issue that can no longer change.
	for en, hint := range e.hints {
		if fr {
			hint = ""
		}
		en.SetPlaceHolder(hint)
	}
	e.draftHint.Hidden = fr
	e.draftHint.Refresh()
	if fr {
		e.date.Disable()
		e.cover.Disable()
	} else {
		e.date.Enable()
		e.cover.Enable()
	}
	for _, btn := range []*widget.Button{e.saveBtn, e.draftBtn, e.pickCasesBtn, e.pickMeetingsBtn, e.issueBtn} {
		setEnabled(btn, !fr)
	}
	setEnabled(e.deleteBtn, !fr && b.ID != 0)
	setEnabled(e.withdrawBtn, b.Status == model.BulletinIssued)
	setEnabled(e.instrBtn, fr)
	setEnabled(e.exportBtn, true)
	e.showLinks()
	e.checkNumbers()
}

// setEntryEnabled enables or disables an entry.
func setEntryEnabled(en *widget.Entry, on bool) {
	if on {
		en.Enable()
	} else {
		en.Disable()
	}
}

// zeroEmpty writes n, or "" for 0.
func zeroEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// checkNumbers shows, as the numbers are typed, whether another issue has
// them (the store checks again on save).
func (e *bulletinEditor) checkNumbers() {
	if e.orig == nil || e.numberNote == nil {
		return
	}
	msg := ""
	year, err1 := atoiField(e.year.Text)
	num, err2 := atoiField(e.number.Text)
	serial, err3 := atoiField(e.serial.Text)
	switch {
	case err1 != nil || year < 2000 || year > 2999:
		msg = "年度应为四位数字，如 2026"
	case err2 != nil || num <= 0:
		msg = "期号应为正整数"
	case err3 != nil || serial < 0:
		msg = "总期号应为正整数，不印总期号请留空"
	}
	for _, o := range e.others {
		if msg != "" || o.ID == e.orig.ID {
			continue
		}
		if o.Year == year && o.Number == num {
			msg = fmt.Sprintf("%d年第%d期已存在，请换一个期号", year, num)
		} else if serial > 0 && o.Serial == serial {
			msg = fmt.Sprintf("总第%d期已被 %d年第%d期 使用，请换一个总期号", serial, o.Year, o.Number)
		}
	}
	e.numberNote.SetText(msg)
	e.numberNote.Hidden = msg == ""
	e.numberNote.Refresh()
}

// atoiField reads a whole number typed in a field ("" is 0); full-width
// digits are accepted.
func atoiField(s string) (int, error) {
	s = strings.TrimSpace(toHalfWidth(s))
	if s == "" {
		return 0, nil
	}
	return strconv.Atoi(s)
}

// read returns a copy of the open issue with the form's values, the count
// of control characters removed, or a Chinese error for a bad number or date.
func (e *bulletinEditor) read() (*model.Bulletin, int, error) {
	b := *e.orig
	var err error
	if b.Year, err = atoiField(e.year.Text); err != nil {
		return nil, 0, fmt.Errorf("年度应为四位数字，如 2026")
	}
	if b.Number, err = atoiField(e.number.Text); err != nil {
		return nil, 0, fmt.Errorf("期号应为正整数")
	}
	if b.Serial, err = atoiField(e.serial.Text); err != nil {
		return nil, 0, fmt.Errorf("总期号应为正整数，不印总期号请留空")
	}
	if b.Copies, err = atoiField(e.copies.Text); err != nil {
		return nil, 0, fmt.Errorf("印数应为整数，如 20")
	}
	if b.Date, err = e.date.Date(); err != nil {
		return nil, 0, fmt.Errorf("印发日期：%v", err)
	}
	b.Name, b.Unit, b.Marking = e.name.Text, e.unit.Text, e.marking.Text
	b.Title, b.EditorNote, b.Body = e.title.Text, e.editorNote.Text, e.body.Text
	b.Bao, b.Song, b.Fa = e.bao.Text, e.song.Text, e.fa.Text
	b.Signer, b.Editor, b.Cover = e.signer.Text, e.editor.Text, e.cover.Checked
	removed := len(b.Clean())
	b.Name, b.Unit, b.Marking = strings.TrimSpace(b.Name), strings.TrimSpace(b.Unit), strings.TrimSpace(b.Marking)
	b.Title, b.Signer, b.Editor = strings.TrimSpace(b.Title), strings.TrimSpace(b.Signer), strings.TrimSpace(b.Editor)
	b.CaseIDs, b.MeetingIDs = nil, nil
	for _, c := range e.cases {
		b.CaseIDs = append(b.CaseIDs, c.ID)
	}
	for _, m := range e.meetings {
		b.MeetingIDs = append(b.MeetingIDs, m.ID)
	}
	return &b, removed, nil
}

// sameBulletin compares the fields a user edits.
func sameBulletin(a, b *model.Bulletin) bool {
	return a.Year == b.Year && a.Number == b.Number && a.Serial == b.Serial && a.Name == b.Name &&
		a.Unit == b.Unit && a.Date.Equal(b.Date) && a.Marking == b.Marking && a.Title == b.Title &&
		a.EditorNote == b.EditorNote && a.Body == b.Body && a.Bao == b.Bao && a.Song == b.Song &&
		a.Fa == b.Fa && a.Copies == b.Copies && a.Signer == b.Signer && a.Editor == b.Editor &&
		a.Cover == b.Cover && slices.Equal(a.CaseIDs, b.CaseIDs) && slices.Equal(a.MeetingIDs, b.MeetingIDs)
}

// dirty reports whether the composer holds unsaved edits: whether its
// values, as the form shows them, differ from those it showed when the issue
// was opened, started or saved. A new issue left as it was started is not
// unsaved: there is nothing to lose.
func (e *bulletinEditor) dirty() bool {
	if e.orig == nil || e.frozen() {
		return false
	}
	b, _, err := e.read()
	return err != nil || e.snap == nil || !sameBulletin(e.snap, b)
}
