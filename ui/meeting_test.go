package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bulletin/model"
)

func TestMeetingLinkedToCase(t *testing.T) {
	s := mustOpenStore(t)
	sh, _ := newTestShell(t, s)
	c := newCaseThroughForm(t, sh.cases, "城关镇幸福小区停车难", "消防通道被占用。")
	newCaseThroughForm(t, sh.cases, "青山乡灌溉渠堵塞", "影响春播。")

	test.Tap(sh.navBtns[navMeetings])
	ms := sh.meetings
	ms.wait()
	test.Tap(ms.ed.newBtn)
	test.Type(ms.ed.name, "全县网络舆情工作专题研究会")
	ms.ed.typ.SetText("专题研究会")
	ms.ed.when.SetText("2026-11-28 09:30")
	test.Type(ms.ed.present, "王淑芬、赵德明，刘建国")
	test.Type(ms.ed.topic.entry, "研究停车难问题")

	test.Tap(ms.ed.addDecisionBtn)
	test.Tap(ms.ed.addDecisionBtn)
	d := ms.ed.decisions[0]
	test.Type(d.text, "对老旧小区停车位摸底")
	d.lead.SetText("县住房和城乡建设局")
	d.due.SetText("2026/12/10")
	test.Tap(ms.ed.decisions[1].remove)
	if len(ms.ed.decisions) != 1 {
		t.Fatalf("%d decision rows after removing one of two, want 1", len(ms.ed.decisions))
	}

	// Pick the case in the picker by searching two characters.
	test.Tap(ms.ed.linkBtn)
	p := ms.ed.picker
	p.bg.settle()
	test.Type(p.search, "停车")
	p.bg.settle()
	if len(p.found) != 1 || p.found[0].ID != c.ID {
		t.Fatalf("picker found %d cases for 停车, want case %s", len(p.found), c.Number)
	}
	p.toggle(p.found[0], true)
	test.Tap(p.dlg.ok)
	if len(ms.ed.cases) != 1 || ms.ed.cases[0].ID != c.ID {
		t.Fatalf("linked cases = %v, want %s", ms.ed.cases, c.Number)
	}

	test.Tap(ms.ed.saveBtn)
	ms.wait()
	found, err := s.FindMeetings(context.Background(), model.MeetingFilter{CaseID: c.ID})
	if err != nil || len(found) != 1 {
		t.Fatalf("meetings linked to the case: %d (%v), want 1", len(found), err)
	}
	m := found[0]
	if m.Name != "全县网络舆情工作专题研究会" || len(m.Present) != 3 || m.Present[2] != "刘建国" {
		t.Errorf("stored meeting %q with 出席 %v", m.Name, m.Present)
	}
	if len(m.Decisions) != 1 || m.Decisions[0].Lead != "县住房和城乡建设局" ||
		!m.Decisions[0].Due.Equal(time.Date(2026, 12, 10, 0, 0, 0, 0, time.Local)) {
		t.Errorf("stored decisions = %+v", m.Decisions)
	}
	if len(ms.items) != 1 || ms.count.Text != "共 1 份" {
		t.Errorf("list shows %d meetings (%q), want 1", len(ms.items), ms.count.Text)
	}
	if ms.ed.dirty() {
		t.Error("form reports unsaved edits right after saving")
	}
}

func TestMeetingBadDecisionDate(t *testing.T) {
	s := mustOpenStore(t)
	sh, w := newTestShell(t, s)
	test.Tap(sh.navBtns[navMeetings])
	ms := sh.meetings
	test.Tap(ms.ed.newBtn)
	test.Type(ms.ed.name, "协调会")
	test.Tap(ms.ed.addDecisionBtn)
	ms.ed.decisions[0].due.SetText("12/10/2026")
	test.Tap(ms.ed.saveBtn)
	if found, _ := s.FindMeetings(context.Background(), model.MeetingFilter{}); len(found) != 0 {
		t.Errorf("saved a meeting with a bad date")
	}
	if !dialogShowing(w) {
		t.Error("no message for the bad date")
	}
}

// Adding 议定事项 rows and linking cases push the buttons below them down,
// rather than leaving them over the new rows.
func TestMeetingRowsPushButtonsDown(t *testing.T) {
	s := mustOpenStore(t)
	for _, title := range []string{"小区停车难", "道路积水", "楼道漏水"} {
		if err := s.CreateCase(context.Background(), &model.Case{Title: title}); err != nil {
			t.Fatal(err)
		}
	}
	sh, _ := newTestShell(t, s)
	sh.onNavigate(navMeetings)
	ms := sh.meetings
	ms.wait()
	ms.onNew()
	e := ms.ed
	for range 3 {
		test.Tap(e.addDecisionBtn)
	}
	cases, _, err := s.FindCases(context.Background(), model.CaseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	e.cases = cases
	e.showCases()
	d := fyne.CurrentApp().Driver()
	below := func(what string, box fyne.CanvasObject, btn fyne.CanvasObject) {
		t.Helper()
		bottom := d.AbsolutePositionForObject(box).Y + box.Size().Height
		if y := d.AbsolutePositionForObject(btn).Y; y < bottom || box.Size().Height < box.MinSize().Height {
			t.Errorf("%s: button at y=%.0f, rows end at y=%.0f (%.0f high, need %.0f); want the button below",
				what, y, bottom, box.Size().Height, box.MinSize().Height)
		}
	}
	below("议定事项", e.decisionBox, e.addDecisionBtn)
	below("关联案件", e.caseBox, e.linkBtn)
}

// minutesDialog opens 导出纪要 PDF on a new meeting typed into the editor
// (saved first), with its PDFs written to a temp dir.
func minutesDialog(t *testing.T, s *model.Store) (*meetingsScreen, *[]string) {
	t.Helper()
	sh, _ := newTestShell(t, s)
	test.Tap(sh.navBtns[navMeetings])
	ms := sh.meetings
	ms.wait()
	test.Tap(ms.ed.newBtn)
	test.Type(ms.ed.name, "全县网络舆情工作专题研究会")
	ms.ed.when.SetText("2026-11-28 09:30")
	test.Type(ms.ed.present, "王淑芬、赵德明")
	test.Tap(ms.ed.addDecisionBtn)
	test.Type(ms.ed.decisions[0].text, "对老旧小区停车位摸底")
	files := hookPrinter(t, ms.ed.docs(), t.TempDir())
	test.Tap(ms.ed.minutesBtn)
	ms.wait()
	if ms.ed.minutes == nil {
		t.Fatal("导出纪要 PDF opened no form")
	}
	return ms, files
}

// TestMinutesPreview: the 纪要 dialog shows its pages beside the body, with
// the 期号 it will be given (none taken for the preview); typing into the
// body lays the pages out again after the pause, the old ones staying until
// then. At 1280×800 the dialog fits the window with the form and the pages
// side by side.
func TestMinutesPreview(t *testing.T) {
	s := mustOpenStore(t)
	ms, _ := minutesDialog(t, s)
	f := ms.ed.minutes
	p := f.preview
	if p == nil || len(p.slots) == 0 || p.pageImage(0) == nil {
		t.Fatal("the dialog shows no page")
	}
	before := len(p.slots)
	if txt := pageText(p.pages[0]); !strings.Contains(txt, "网络舆情工作会议纪要") || !strings.Contains(txt, "第1期") || !strings.Contains(txt, "对老旧小区停车位摸底") {
		t.Errorf("page 1 prints %q; want the mark, 第1期 and the 议定事项", txt)
	}
	if !strings.Contains(p.note.Text, "第1期，导出 PDF 时编定") || p.counter.Text != fmt.Sprintf("第 1 页 / 共 %d 页", before) {
		t.Errorf("note %q, counter %q", p.note.Text, p.counter.Text)
	}
	if _, given, err := s.PeekMinutesNumber(context.Background(), ms.ed.orig.ID, 2026); err != nil || given {
		t.Errorf("the preview took a 期号 (%v)", err)
	}

	d := fyne.CurrentApp().Driver()
	for what, o := range map[string]fyne.CanvasObject{"纪要正文": f.body, "版面预览": p.root, "导出 PDF": f.dlg.ok} {
		pos, size := d.AbsolutePositionForObject(o), o.Size()
		if pos.X < 0 || pos.Y < 0 || pos.X+size.Width > 1280 || pos.Y+size.Height > 800 || size.Width < 50 {
			t.Errorf("%s at %v size %v: cut off or squeezed in a 1280×800 window", what, pos, size)
		}
	}
	if bx, px := d.AbsolutePositionForObject(f.body).X, d.AbsolutePositionForObject(p.root).X; px < bx+f.body.Size().Width || p.size.Width < 450 {
		t.Errorf("pages not beside the body: body at x=%.0f (%.0f wide), pages at x=%.0f (%.0f wide)", bx, f.body.Size().Width, px, p.size.Width)
	}

	// Two pages of text pasted before the body, then a few characters typed.
	f.body.SetText(strings.Repeat("各单位要高度重视网民诉求办理工作，按期回复，确保件件有着落。", 40) + "\n" + f.body.Text)
	f.body.CursorRow, f.body.CursorColumn = 0, 0
	test.Type(f.body, "会议强调，")
	if len(p.slots) != before {
		t.Fatalf("before the pause the old pages stay: %d pages shown, %d before", len(p.slots), before)
	}
	ms.wait()
	if len(p.slots) <= before || p.counter.Text != fmt.Sprintf("第 1 页 / 共 %d 页", len(p.slots)) {
		t.Fatalf("after typing: %d pages, counter %q; want more than %d", len(p.slots), p.counter.Text, before)
	}
	last := ""
	for _, pg := range p.pages[1:] {
		last += pageText(pg)
	}
	if one := pageText(p.pages[0]); !strings.Contains(one, "会议强调，各单位") ||
		strings.Contains(one, "对老旧小区停车位摸底") || !strings.Contains(last, "对老旧小区停车位摸底") {
		t.Errorf("the typed text does not push the 议定事项 off page 1:\n%q\n%q", one, last)
	}
}

// TestMinutesRedraftPrintsDraft: after an edited body was exported,
// 按会议记录重新起草 and 导出 PDF print the record's draft, as the preview
// shows, not the edited body saved before.
func TestMinutesRedraftPrintsDraft(t *testing.T) {
	s := mustOpenStore(t)
	ms, files := minutesDialog(t, s)
	f := ms.ed.minutes
	f.body.SetText(f.body.Text + "\n会议要求，各单位高度重视。")
	test.Tap(f.dlg.ok)
	ms.wait()
	test.Tap(ms.ed.minutesBtn)
	ms.wait()
	f = ms.ed.minutes
	test.Tap(f.redraft)
	ms.wait()
	if strings.Contains(pageText(f.preview.pages[0]), "会议要求") {
		t.Fatalf("the preview still shows the edited body after 重新起草")
	}
	test.Tap(f.dlg.ok)
	ms.wait()
	if len(*files) != 2 {
		t.Fatalf("files written: %v", *files)
	}
	if text := pdfToText(t, (*files)[1]); strings.Contains(text, "会议要求") || !strings.Contains(text, "对老旧小区停车位摸底") {
		t.Errorf("the 纪要 after 重新起草 prints:\n%s", text)
	}
	if body, err := s.FindMinutesBody(context.Background(), ms.ed.orig.ID); err != nil || body != "" {
		t.Errorf("kept body %q (%v); want \"\": the 纪要 follows the record again", body, err)
	}
}
