package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

// hookPrinter makes a document printer write into dir without the file
// dialog and record what it would open; it returns the files written.
func hookPrinter(t *testing.T, p *docPrinter, dir string) *[]string {
	t.Helper()
	var files []string
	p.chooseFile = func(name string, done func(fyne.URIWriteCloser)) {
		path := filepath.Join(dir, name)
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
