package ui

import (
	"context"
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
