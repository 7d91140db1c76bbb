package ui

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"bulletin/export"
	"bulletin/model"
)

// exportHooks makes the composer write its PDFs into dir without the file
// dialog and record what it would open.
type exportHooks struct {
	names  []string // file names proposed
	opened []string
}

func hookExport(t *testing.T, e *bulletinEditor, dir string) *exportHooks {
	t.Helper()
	h := &exportHooks{}
	e.chooseFile = func(name string, done func(fyne.URIWriteCloser)) {
		h.names = append(h.names, name)
		w, err := storage.Writer(storage.NewFileURI(filepath.Join(dir, name)))
		if err != nil {
			t.Fatal(err)
		}
		done(w)
	}
	e.openURL = func(path string) error { h.opened = append(h.opened, path); return nil }
	return h
}

// pickAllCases ticks every case the picker lists and confirms.
func pickAllCases(t *testing.T, e *bulletinEditor) {
	t.Helper()
	test.Tap(e.pickCasesBtn)
	p := e.picker
	p.bg.settle()
	if len(p.found) == 0 {
		t.Fatal("the case picker lists no case")
	}
	for _, c := range p.found {
		p.toggle(c, true)
	}
	test.Tap(p.dlg.ok)
}

// TestBulletinLoop walks the office's loop on the real screens: three cases
// → an issue picking them with a drafted body → export → 印发 → a 批示 that
// assigns two departments with a due date → the cases are 已批示/已交办
// with that date and the issue is 已批示.
func TestBulletinLoop(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	if err := s.CreateLeader(ctx, &model.Leader{Name: "张振华", Position: "县委书记", Order: 1}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSettings(ctx, map[string]string{model.SettingUnit: "某县委网信办", model.SettingLinePitch: "29",
		model.SettingBao: "县委书记、县长"}); err != nil {
		t.Fatal(err)
	}
	sh, w := newTestShell(t, s)
	titles := []string{"城关镇幸福小区停车难，消防通道被占", "青山乡灌溉渠堵塞影响春播", "南关街道供暖温度不达标"}
	var cases []*model.Case
	for _, title := range titles {
		cases = append(cases, newCaseThroughForm(t, sh.cases, title, "网民反映的具体情况。希望有关部门尽快解决。"))
	}

	sh.onNavigate(navBulletins)
	if sh.current != navBulletins {
		t.Fatalf("current screen = %s, want 专报", sh.current)
	}
	bs := sh.bulletins
	bs.wait()
	test.Tap(bs.newBtn)
	e := bs.ed
	year := time.Now().Year()
	if e.number.Text != "1" || e.serial.Text != "1" || e.unit.Text != "某县委网信办" || e.bao.Text != "县委书记、县长" ||
		e.marking.Text != model.DefaultMarking || e.copies.Text != "20" || !e.cover.Checked {
		t.Errorf("new issue: 期号 %q 总期号 %q 单位 %q 报 %q 标注 %q 印数 %q 阅批单 %v; want the suggestions and the settings",
			e.number.Text, e.serial.Text, e.unit.Text, e.bao.Text, e.marking.Text, e.copies.Text, e.cover.Checked)
	}
	test.Type(e.title, "关于近期群众反映问题的专报")
	pickAllCases(t, e)
	if len(e.cases) != 3 {
		t.Fatalf("%d cases linked, want 3", len(e.cases))
	}
	test.Tap(e.draftBtn)
	for _, want := range append(titles, export.DraftBasics, export.DraftSpread, export.DraftHandling, export.DraftAdvice) {
		if !strings.Contains(e.body.Text, strings.TrimRight(want, "占")) {
			t.Errorf("drafted body lacks %q:\n%s", want, e.body.Text)
		}
	}
	test.Tap(e.saveBtn)
	bs.wait()
	if e.orig.ID == 0 || e.dirty() {
		t.Fatalf("issue not saved (id %d, dirty %v)", e.orig.ID, e.dirty())
	}

	// 导出 PDF: the settings' render, under the usual name, then opened.
	dir := t.TempDir()
	h := hookExport(t, e, dir)
	test.Tap(e.exportBtn)
	bs.wait()
	wantName := fmt.Sprintf("舆情专报%d年第1期.pdf", year)
	if len(h.names) != 1 || h.names[0] != wantName || len(h.opened) != 1 {
		t.Fatalf("export proposed %q and opened %q; want %s once", h.names, h.opened, wantName)
	}
	got, err := os.ReadFile(filepath.Join(dir, wantName))
	if err != nil {
		t.Fatal(err)
	}
	kv, _ := s.FindSettings(ctx)
	want, _, err := export.BulletinPDF(e.orig, kv)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("exported PDF (%d bytes) differs from the render with the settings (%d bytes, %v)", len(got), len(want), err)
	}

	// 印发: confirm, then frozen.
	test.Tap(e.issueBtn)
	bs.wait()
	if e.lastConfirm == nil || !dialogShowing(w) {
		t.Fatal("印发 asked no confirmation")
	}
	test.Tap(e.lastConfirm.ok)
	bs.wait()
	if e.orig.Status != model.BulletinIssued || !e.title.Disabled() || !e.draftBtn.Disabled() || e.instrBtn.Disabled() {
		t.Fatalf("after 印发: status %s, title disabled %v, 起草 disabled %v, 批示 enabled %v",
			e.orig.Status, e.title.Disabled(), e.draftBtn.Disabled(), !e.instrBtn.Disabled())
	}
	if e.editorNote.PlaceHolder != "" || e.body.PlaceHolder != "" || e.draftHint.Visible() {
		t.Errorf("after 印发: hints still shown (编者按 %q, 正文 %q, 起草 hint %v)", e.editorNote.PlaceHolder, e.body.PlaceHolder, e.draftHint.Visible())
	}
	stored, err := s.FindBulletinPDF(ctx, e.orig.ID)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, wantName))
	test.Tap(e.exportBtn)
	bs.wait()
	if got, _ := os.ReadFile(filepath.Join(dir, wantName)); !bytes.Equal(got, stored) {
		t.Errorf("export of the issued bulletin (%d bytes) is not the stored PDF (%d bytes)", len(got), len(stored))
	}

	// 批示 naming two departments with a due date, assigning the cases.
	due := model.Day(time.Now().AddDate(0, 0, 7))
	test.Tap(e.instrBtn)
	f := e.instrForm
	if f == nil {
		t.Fatal("批示 form not shown")
	}
	f.leader.SetText("张振华")
	if f.position.Text != "县委书记" {
		t.Errorf("职务 = %q, want 县委书记 filled from the directory", f.position.Text)
	}
	test.Type(f.text, "请住建局、城关镇抓紧解决，一周内报结果。")
	f.kind.SetSelected("督办")
	f.depts.SetSelected([]string{"县住房和城乡建设局", "城关镇人民政府"})
	f.due.SetDate(due)
	if !f.assign.Checked {
		t.Error("同时交办关联案件 is not ticked by default")
	}
	test.Tap(f.dlg.ok)
	bs.wait()
	if e.orig.Status != model.BulletinInstructed || len(e.instructions) != 1 {
		t.Fatalf("after 批示: status %s with %d 批示, want 已批示 with 1", e.orig.Status, len(e.instructions))
	}
	if bulletinCell(bs.items[0], 4) != "已批示" || bulletinCell(bs.items[0], 5) != "1" {
		t.Errorf("list row: 状态 %q, 批示 %q; want 已批示, 1", bulletinCell(bs.items[0], 4), bulletinCell(bs.items[0], 5))
	}

	// The case screen shows each case 已交办 with the due date.
	sh.onNavigate(navCases)
	cs := sh.cases
	cs.wait()
	cs.reloadList()
	cs.wait()
	listed := false
	for _, c := range cs.pages[0] { // all the cases of this test (no loading from here)
		if c.ID == cases[0].ID {
			listed = true
			if got := caseCellText(c, 5, time.Now()); got != "已交办 批示" {
				t.Errorf("状态 column of %s = %q, want 已交办 批示", c.Number, got)
			}
		}
	}
	if !listed {
		t.Errorf("case %s not in the case list", cases[0].Number)
	}
	for _, c := range cases {
		cs.ed.open(c.ID)
		if !strings.Contains(cs.ed.heading.Text, "已交办") || cs.ed.due.Text() != due.Format("2006-01-02") ||
			cs.ed.depts.Text != "县住房和城乡建设局、城关镇人民政府" {
			t.Errorf("case %s: heading %q, 时限 %q, 单位 %q; want 已交办, %s, both departments",
				c.Number, cs.ed.heading.Text, cs.ed.due.Text(), cs.ed.depts.Text, due.Format("2006-01-02"))
		}
		if !strings.HasSuffix(cs.ed.heading.Text, "已交办 · 已编报 · 已批示") {
			t.Errorf("case %s: heading %q, want the marks 已编报 and 已批示 after the status", c.Number, cs.ed.heading.Text)
		}
		got, _ := s.FindCaseByID(ctx, c.ID)
		if !got.Instructed || !got.Reported {
			t.Errorf("case %s: 已批示 %v 已编报 %v, want both", c.Number, got.Instructed, got.Reported)
		}
		evs, _ := s.FindCaseEvents(ctx, c.ID)
		if last := evs[len(evs)-2]; !strings.Contains(last.Note, "第1期") || !strings.Contains(last.Note, "张振华") {
			t.Errorf("case %s: timeline %q does not name the issue and the leader", c.Number, last.Note)
		}
	}
}
