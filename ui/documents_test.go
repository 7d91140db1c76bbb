package ui

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bulletin/export"
	"bulletin/model"
)

// hookPrinter makes a document printer write into dir without the file
// dialog and record what it would open; it returns the files written.
func hookPrinter(t *testing.T, p *docPrinter, dir string) *[]string {
	t.Helper()
	var files []string
	p.chooseFile = func(name string, done func(fyne.URIWriteCloser)) {
		path := filepath.Join(dir, fmt.Sprintf("%d-%s", len(files)+1, name)) // a reprint does not overwrite
		files = append(files, path)
		w, err := storage.Writer(storage.NewFileURI(path))
		if err != nil {
			t.Fatal(err)
		}
		done(w)
	}
	p.openURL = func(string) error { return nil }
	return &files
}

// pdfToText returns the text of a PDF (pdftotext), skipping without poppler.
func pdfToText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// TestMeetingExportMinutes: a meeting typed into the editor → 导出纪要 PDF
// drafts the body from the record, the edited body is typeset with 期号 1
// and kept: the next export shows it again.
func TestMeetingExportMinutes(t *testing.T) {
	s := mustOpenStore(t)
	sh, _ := newTestShell(t, s)
	test.Tap(sh.navBtns[navMeetings])
	ms := sh.meetings
	ms.wait()
	test.Tap(ms.ed.newBtn)
	test.Type(ms.ed.name, "全县网络舆情工作专题研究会")
	ms.ed.when.SetText("2026-11-28 09:30")
	test.Type(ms.ed.host, "王主任")
	test.Type(ms.ed.present, "王淑芬、赵德明")
	test.Type(ms.ed.absent, "刘建国")
	test.Tap(ms.ed.addDecisionBtn)
	d := ms.ed.decisions[0]
	test.Type(d.text, "对老旧小区停车位摸底")
	d.lead.SetText("县住房和城乡建设局")
	d.due.SetText("2026-12-10")

	files := hookPrinter(t, ms.ed.docs(), t.TempDir())
	test.Tap(ms.ed.minutesBtn) // saves the new meeting first
	ms.wait()
	f := ms.ed.minutes
	if f == nil {
		t.Fatal("导出纪要 PDF opened no form")
	}
	for _, want := range []string{"2026年11月28日，王主任主持召开全县网络舆情工作专题研究会", "一、对老旧小区停车位摸底。由县住房和城乡建设局牵头，12月10日前完成。"} {
		if !strings.Contains(f.body.Text, want) {
			t.Errorf("drafted body %q lacks %q", f.body.Text, want)
		}
	}
	f.body.SetText(f.body.Text + "\n会议要求，各单位高度重视。")
	test.Tap(f.dlg.ok)
	ms.wait()
	if len(*files) != 1 || ms.ed.printer.lastExport == "" {
		t.Fatalf("files written: %v", *files)
	}
	text := pdfToText(t, (*files)[0])
	for _, want := range []string{"网络舆情工作会议纪要", "第1期", "会议要求，各单位高度重视。", "王淑芬、赵德明", "刘建国"} {
		if !strings.Contains(text, want) {
			t.Errorf("纪要 PDF lacks %q:\n%s", want, text)
		}
	}
	if _, err := os.Stat((*files)[0]); err != nil {
		t.Fatal(err)
	}
	test.Tap(ms.ed.minutesBtn)
	ms.wait()
	if !strings.Contains(ms.ed.minutes.body.Text, "会议要求，各单位高度重视。") {
		t.Errorf("the edited body was not kept: %q", ms.ed.minutes.body.Text)
	}
}

// TestInstructionNotices: a 批示 recorded with 交办 to two departments →
// two 交办单 with consecutive 交办编号, each listing the cases of its
// department and shown as it will print before it is printed (the number
// it will get, or the stored one); printing one again gives the same
// number and the same bytes; 批示抄清 carries the 批示 verbatim.
func TestInstructionNotices(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	var ids []int64
	for _, title := range []string{"城关镇幸福小区停水", "青山乡道路破损"} {
		c := &model.Case{Title: title, Content: "网民反映的具体情况。"}
		if err := s.CreateCase(ctx, c); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	b := storeDraft(t, s, 1, "正文。")
	b.CaseIDs = ids
	if err := s.UpdateBulletin(ctx, b); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IssueBulletin(ctx, b.ID, []byte("%PDF-1.7\n%%EOF\n")); err != nil {
		t.Fatal(err)
	}
	_, bs, _ := openBulletinsScreen(t, s)
	bs.open(b.ID)
	e := bs.ed
	test.Tap(e.instrBtn)
	f := e.instrForm
	test.Type(f.leader, "张振华")
	test.Type(f.text, "请水务局、交通局迅速核实处置。")
	f.depts.SetSelected([]string{"县水务局", "县交通运输局"})
	f.due.SetDate(model.Day(time.Now()).AddDate(0, 0, 10))
	test.Tap(f.dlg.ok)
	bs.wait()
	if len(e.instructions) != 1 {
		t.Fatalf("%d 批示 recorded, want 1", len(e.instructions))
	}
	in := e.instructions[0]
	docs := e.instrDocs[in.ID]
	if docs == nil || len(docs.noticeBtns) != 2 {
		t.Fatalf("the 批示 shows %v notice buttons, want one per department", docs)
	}
	files := hookPrinter(t, e.docs(), t.TempDir())
	var labels []string
	for i, dept := range []string{"县水务局", "县交通运输局", "县水务局"} {
		test.Tap(docs.noticeBtns[dept])
		bs.wait()
		p := docs.preview.pane
		txt, note := pagesText(p.pages), "在打印时编定"
		if i == 2 {
			note = "已于" + time.Now().Format(model.DateLayout) + "打印存档"
		}
		if p.pageImage(0) == nil || !strings.Contains(txt, dept) || !strings.Contains(txt, "城关镇幸福小区停水") || !strings.Contains(p.note.Text, note) {
			t.Errorf("交办单 of %s previewed as %q, note %q; want its pages and %q", dept, txt, p.note.Text, note)
		}
		test.Tap(docs.preview.dlg.ok)
		bs.wait()
		labels = append(labels, e.lastNotice)
	}
	year := time.Now().Year()
	want := []string{fmt.Sprintf("〔%d〕1号 县水务局", year), fmt.Sprintf("〔%d〕2号 县交通运输局", year), fmt.Sprintf("〔%d〕1号 县水务局", year)}
	if !slices.Equal(labels, want) || len(*files) != 3 {
		t.Fatalf("notices %q (files %v), want %q", labels, *files, want)
	}
	first, _ := os.ReadFile((*files)[0])
	again, _ := os.ReadFile((*files)[2])
	if len(first) == 0 || !bytes.Equal(first, again) {
		t.Errorf("the reprint differs from the first print (%d and %d bytes)", len(first), len(again))
	}
	text := pdfToText(t, (*files)[1])
	for _, w := range []string{"网络舆情交办单", "县交通运输局", "城关镇幸福小区停水", "青山乡道路破损", "请水务局、交通局迅速核实处置。", "张振华"} {
		if !strings.Contains(text, w) {
			t.Errorf("交办单 lacks %q", w)
		}
	}
	evs, _ := s.FindCaseEvents(ctx, ids[0])
	if last := evs[len(evs)-1]; last.Action != model.ActionNotice || !strings.Contains(last.Note, fmt.Sprintf("〔%d〕2号", year)) {
		t.Errorf("timeline ends with %s %q, want the 交办单", last.Action, last.Note)
	}
	test.Tap(docs.copyBtn)
	bs.wait()
	if p := docs.preview.pane; p.pageImage(0) == nil || !strings.Contains(pagesText(p.pages), "请水务局、交通局迅速核实处置。") {
		t.Errorf("批示抄清 previewed as %q; want the 批示's pages", pagesText(p.pages))
	}
	test.Tap(docs.preview.dlg.ok)
	bs.wait()
	if text := pdfToText(t, (*files)[3]); !strings.Contains(text, "领导批示抄清") || !strings.Contains(text, "请水务局、交通局迅速核实处置。") {
		t.Errorf("批示抄清:\n%s", text)
	}
}

// TestCaseNoticeAndReminder: after 交办 the case editor's 打印交办单 stands out;
// printing it gives 交办编号 1 and the timeline shows it; 交办单 again
// reprints the same number and bytes; 催办单 records a 催办 and prints the
// sheet with the 交办编号 and the overdue working days.
func TestCaseNoticeAndReminder(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	sh, _ := newTestShell(t, s)
	cs := sh.cases
	c := newCaseThroughForm(t, cs, "城关镇幸福小区停车难，消防通道被占", "网民反映消防通道被占。")
	cs.ed.open(c.ID)
	if !cs.ed.docs.noticeBtn.Disabled() || !cs.ed.docs.remindBtn.Disabled() {
		t.Error("交办单/催办单 enabled for a case not assigned")
	}
	files := hookPrinter(t, cs.ed.docs.printer, t.TempDir())
	s.SetNow(func() time.Time { return time.Now().AddDate(0, 0, -8) })
	test.Tap(cs.ed.assignBtn)
	f := cs.ed.action
	f.depts.SetSelected([]string{"县住房和城乡建设局"})
	f.due.SetDate(model.Day(time.Now().AddDate(0, 0, -3)))
	test.Tap(f.dlg.ok)
	cs.wait()
	s.SetNow(time.Now)
	if btn := cs.ed.docs.noticeBtn; btn.Text != "打印交办单" || btn.Importance != widget.HighImportance || btn.Disabled() {
		t.Fatalf("after 交办 the button says %q (importance %v), want 打印交办单 standing out", btn.Text, btn.Importance)
	}
	test.Tap(cs.ed.docs.noticeBtn)
	cs.wait()
	test.Tap(cs.ed.docs.dlg.ok)
	cs.wait()
	year := time.Now().AddDate(0, 0, -8).Year()
	want := fmt.Sprintf("〔%d〕1号 县住房和城乡建设局", year)
	if cs.ed.docs.lastNotice != want || len(*files) != 1 {
		t.Fatalf("交办单 %q, files %v; want %q", cs.ed.docs.lastNotice, *files, want)
	}
	if last := cs.ed.events[len(cs.ed.events)-1]; last.Action != model.ActionNotice || cs.ed.docs.noticeBtn.Text != "交办单" {
		t.Errorf("the timeline shown ends with %s (button %q), want %s and the plain 交办单 button", last.Action, cs.ed.docs.noticeBtn.Text, model.ActionNotice)
	}
	test.Tap(cs.ed.docs.noticeBtn)
	cs.wait()
	test.Tap(cs.ed.docs.dlg.ok)
	cs.wait()
	a, _ := os.ReadFile((*files)[0])
	b, _ := os.ReadFile((*files)[1])
	if cs.ed.docs.lastNotice != want || !bytes.Equal(a, b) {
		t.Errorf("reprint %q, same bytes %v; want %q and the same bytes", cs.ed.docs.lastNotice, bytes.Equal(a, b), want)
	}

	test.Tap(cs.ed.docs.remindBtn)
	cs.wait()
	d := cs.ed.docs.dlg
	test.Type(cs.ed.docs.note, "电话催办")
	test.Tap(d.ok)
	cs.wait()
	got, _ := s.FindCaseByID(ctx, c.ID)
	if got.Reminders != 1 || len(*files) != 3 {
		t.Fatalf("after 催办单: %d reminders, files %v", got.Reminders, *files)
	}
	text := pdfToText(t, (*files)[2])
	for _, w := range []string{"网络舆情催办单", fmt.Sprintf("〔%d〕1号", year), "已逾期", "反馈办理情况"} {
		if !strings.Contains(text, w) {
			t.Errorf("催办单 lacks %q:\n%s", w, text)
		}
	}

	// A second 催办单 the same day prints again without counting a second 催办
	// (nor does printing one after the 催办 button).
	test.Tap(cs.ed.docs.remindBtn)
	cs.wait()
	test.Tap(cs.ed.docs.dlg.ok)
	cs.wait()
	got, _ = s.FindCaseByID(ctx, c.ID)
	if got.Reminders != 1 || len(*files) != 4 {
		t.Errorf("a second 催办单 today: %d reminders (want 1), files %d (want 4)", got.Reminders, len(*files))
	}
}

// TestDocumentSettings: the 文书 tab shows the defaults, saves what is typed,
// and the 交办单 prints with it.
func TestDocumentSettings(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	bg := newTestTasks(t)
	w := test.NewTempWindow(t, nil)
	d := newDocumentSettings(w, s, bg)
	w.SetContent(d.buildUI())
	bg.settle()
	if got := d.entries[model.SettingNoticeTitle].Text; got != "网络舆情交办单" || !d.checks[model.SettingNoticeReceipt].Checked {
		t.Fatalf("交办单标题 %q, 回执 %v; want the defaults", got, d.checks[model.SettingNoticeReceipt].Checked)
	}
	d.entries[model.SettingNoticeTitle].SetText("网络舆情处置交办单")
	d.entries[model.SettingNoticeContact].SetText("李某 0311-7654321")
	d.checks[model.SettingNoticeReceipt].SetChecked(false)
	d.entries[model.SettingMinutesMarkSize].SetText("100")
	test.Tap(d.saveBtn)
	bg.settle()
	if kv, _ := s.FindSettings(ctx); kv[model.SettingNoticeContact] != "" {
		t.Fatal("settings saved with a mark size of 100 pt")
	}
	d.entries[model.SettingMinutesMarkSize].SetText("２６")
	test.Tap(d.saveBtn)
	bg.settle()
	if kv, _ := s.FindSettings(ctx); kv[model.SettingMinutesMarkSize] != "26" {
		t.Errorf("mark size stored as %q, want 26", kv[model.SettingMinutesMarkSize])
	}
	c := &model.Case{Title: "停水"}
	if err := s.CreateCase(ctx, c); err != nil {
		t.Fatal(err)
	}
	pdf, _, _, err := export.PrintNotice(ctx, s, export.NoticeRequest{Cases: []*model.Case{c}, Department: "县水务局", Date: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "n.pdf")
	os.WriteFile(path, pdf, 0o644)
	text := pdfToText(t, path)
	if !strings.Contains(text, "网络舆情处置交办单") || !strings.Contains(text, "李某 0311-7654321") || strings.Contains(text, "回执") {
		t.Errorf("the 交办单 does not follow the settings:\n%s", text)
	}
}
