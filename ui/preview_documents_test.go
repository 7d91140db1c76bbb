package ui

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bulletin/export"
	"bulletin/export/layout"
	"bulletin/model"
)

// Two departments a case is assigned to in these tests.
const (
	deptWater   = "县水务局"
	deptHousing = "县住房和城乡建设局"
)

// assignedCase opens, in the case editor, a case assigned eight days ago to
// two departments with a 时限 three days ago (overdue), its 交办单 and
// 催办单 printing into a temp dir.
func assignedCase(t *testing.T, s *model.Store) (*casesScreen, *model.Case, *[]string) {
	t.Helper()
	ctx := context.Background()
	c := &model.Case{Title: "城关镇幸福小区停车难，消防通道被占", Content: "网民反映消防通道被占。", Source: "人民网领导留言板"}
	if err := s.CreateCase(ctx, c); err != nil {
		t.Fatal(err)
	}
	today := model.Day(time.Now())
	c, err := s.TransitionCase(ctx, c.ID, model.Transition{Action: model.ActionAssign, At: today.AddDate(0, 0, -8),
		Departments: []string{deptWater, deptHousing}, Due: today.AddDate(0, 0, -3)})
	if err != nil {
		t.Fatal(err)
	}
	sh, _ := newTestShell(t, s)
	cs := sh.cases
	cs.ed.open(c.ID)
	cs.wait()
	return cs, c, hookPrinter(t, cs.ed.docs.printer, t.TempDir())
}

// pagesText is the text the pages print.
func pagesText(pages []layout.Page) string {
	var b strings.Builder
	for _, p := range pages {
		b.WriteString(pageText(p))
	}
	return b.String()
}

// checkFits fails when an object of the dialog lies outside a 1280×800
// window or is squeezed.
func checkFits(t *testing.T, objs map[string]fyne.CanvasObject) {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	for what, o := range objs {
		pos, size := d.AbsolutePositionForObject(o), o.Size()
		if pos.X < 0 || pos.Y < 0 || pos.X+size.Width > 1280 || pos.Y+size.Height > 800 || size.Width < 50 || size.Height < 20 {
			t.Errorf("%s at %v size %v: cut off or squeezed in a 1280×800 window", what, pos, size)
		}
	}
}

// TestNoticePreview: 交办单 shows the pages of the 交办单 before printing,
// with the 交办编号 it will get (none taken); choosing the other department
// lays them out again after the pause, the old pages staying until then;
// 打印交办单 prints exactly the pages shown; opened again, the preview is the
// stored 交办单 and says so. At 1280×800 the dialog fits the window with
// the choice beside the pages.
func TestNoticePreview(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	cs, c, files := assignedCase(t, s)
	docs := cs.ed.docs
	year := c.AssignedAt.Year()
	label := fmt.Sprintf("〔%d〕1号", year)

	test.Tap(docs.noticeBtn)
	cs.wait()
	p := docs.preview.pane
	if len(p.slots) == 0 || p.pageImage(0) == nil || p.counter.Text != fmt.Sprintf("第 1 页 / 共 %d 页", len(p.slots)) {
		t.Fatalf("the dialog shows %d pages (counter %q); want the 交办单 drawn", len(p.slots), p.counter.Text)
	}
	if txt := pagesText(p.pages); !strings.Contains(txt, "网络舆情交办单") || !strings.Contains(txt, deptWater) || !strings.Contains(txt, label) || !strings.Contains(txt, c.Title) {
		t.Errorf("the pages print %q; want the title, %s, %s and the case", txt, deptWater, label)
	}
	if want := "交办编号" + label + "在打印时编定"; !strings.Contains(p.note.Text, want) {
		t.Errorf("note %q; want %q", p.note.Text, want)
	}
	if ns, _ := s.FindNotices(ctx, model.NoticeFilter{}); len(ns) != 0 {
		t.Fatalf("the preview stored %d notices", len(ns))
	}
	checkFits(t, map[string]fyne.CanvasObject{"承办单位": docs.depts, "版面预览": p.root, "打印交办单": docs.dlg.ok})
	if d := fyne.CurrentApp().Driver(); d.AbsolutePositionForObject(p.root).X < d.AbsolutePositionForObject(docs.depts).X+docs.depts.Size().Width {
		t.Error("the pages are not beside the choice of department")
	}

	docs.depts.SetSelected(deptHousing)
	if txt := pagesText(p.pages); !strings.Contains(txt, deptWater) {
		t.Fatalf("before the pause the old pages stay: %q", txt)
	}
	cs.wait()
	if txt := pagesText(p.pages); !strings.Contains(txt, deptHousing) || strings.Contains(txt, deptWater) {
		t.Fatalf("after choosing %s the pages print %q", deptHousing, txt)
	}
	shown := p.pages
	test.Tap(docs.dlg.ok)
	cs.wait()
	ns, err := s.FindNotices(ctx, model.NoticeFilter{})
	if err != nil || len(ns) != 1 || len(*files) != 1 || ns[0].Label() != label || ns[0].Department != deptHousing {
		t.Fatalf("printed %v (%v), files %v; want %s to %s", ns, err, *files, label, deptHousing)
	}
	if printed := storedNoticePages(t, s, ns[0]); !reflect.DeepEqual(printed, shown) {
		t.Error("the 交办单 printed is not the one the preview showed")
	}

	test.Tap(docs.noticeBtn)
	cs.wait()
	docs.depts.SetSelected(deptHousing)
	cs.wait()
	p = docs.preview.pane
	if want := "已于" + ns[0].CreatedAt.Format(model.DateLayout) + "打印存档（" + label + "）"; !strings.Contains(p.note.Text, want) || !reflect.DeepEqual(p.pages, shown) {
		t.Errorf("opened again: note %q; want %q and the stored pages", p.note.Text, want)
	}
	if docs.dlg.ok.Text != "重印交办单" {
		t.Errorf("the button of the stored 交办单 says %q, want 重印交办单", docs.dlg.ok.Text)
	}
	docs.depts.SetSelected(deptWater)
	cs.wait()
	if docs.dlg.ok.Text != "打印交办单" {
		t.Errorf("the button of a new 交办单 says %q, want 打印交办单", docs.dlg.ok.Text)
	}
}

// storedNoticePages lays out the document stored with n.
func storedNoticePages(t *testing.T, s *model.Store, n *model.Notice) []layout.Page {
	t.Helper()
	var a export.Assignment
	kv, err := s.FindSettings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	opt, err := export.OptionsFromSettings(kv)
	if err != nil {
		t.Fatal(err)
	}
	p, err := export.ParsePrinted(strings.NewReader(string(n.Doc)))
	if err != nil {
		t.Fatal(err)
	}
	a = *p.(*export.Assignment)
	pages, _, err := export.LayoutPrinted(&a, opt)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// TestReminderPreview: 催办单 shows the 催办单 as it prints today (overdue
// working days, the 交办编号 of the 交办单 printed) and follows the choice of
// department; 催办并打印催办单 records the 催办 and prints that department's.
func TestReminderPreview(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	cs, c, files := assignedCase(t, s)
	docs := cs.ed.docs

	test.Tap(docs.remindBtn)
	cs.wait()
	p := docs.preview.pane
	txt := pagesText(p.pages)
	if len(p.slots) == 0 || p.pageImage(0) == nil || !strings.Contains(txt, "网络舆情催办单") || !strings.Contains(txt, "已逾期") || !strings.Contains(txt, deptWater) {
		t.Fatalf("the dialog shows %d pages printing %q; want the 催办单 to %s, overdue", len(p.slots), txt, deptWater)
	}
	if !strings.Contains(p.note.Text, "先记第 1 次催办") || !strings.Contains(p.note.Text, model.Day(time.Now()).Format(model.DateLayout)) ||
		!strings.Contains(p.note.Text, "交办编号空着") {
		t.Errorf("note %q; want the 催办 to be recorded, today's date, and the 交办编号 missing (no 交办单 printed)", p.note.Text)
	}
	checkFits(t, map[string]fyne.CanvasObject{"承办单位": docs.depts, "催办说明": docs.note, "版面预览": p.root, "催办并打印": docs.dlg.ok})

	docs.depts.SetSelected(deptHousing)
	cs.wait()
	if txt := pagesText(p.pages); !strings.Contains(txt, deptHousing) || strings.Contains(txt, deptWater) {
		t.Fatalf("after choosing %s the pages print %q", deptHousing, txt)
	}
	test.Type(docs.note, "电话催办")
	test.Tap(docs.dlg.ok)
	cs.wait()
	got, _ := s.FindCaseByID(ctx, c.ID)
	if got.Reminders != 1 || len(*files) != 1 {
		t.Fatalf("after 催办: %d reminders, files %v", got.Reminders, *files)
	}
	if text := pdfToText(t, (*files)[0]); !strings.Contains(text, deptHousing) || !strings.Contains(text, "已逾期") {
		t.Errorf("the 催办单 printed:\n%s", text)
	}
}

// TestDocumentPreviewProblems: a character no font prints is said above
// its page, in words that can be read (the label has a size).
func TestDocumentPreviewProblems(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	cs, c, _ := assignedCase(t, s)
	c.Title += "\uE000"
	if _, err := s.UpdateCase(ctx, c.ID, model.CaseUpdate{Title: &c.Title}); err != nil {
		t.Fatal(err)
	}
	cs.ed.open(c.ID)
	cs.wait()
	test.Tap(cs.ed.docs.remindBtn)
	cs.wait()
	p := cs.ed.docs.preview.pane
	sl := p.slots[0]
	if !strings.Contains(sl.probs.Text, "第 1 页") || !sl.probsBox.Visible() || sl.probs.Size().Height < 10 || sl.probs.Size().Width < 100 {
		t.Errorf("problems of page 1: %q, shown %v, size %v; want them readable above the page", sl.probs.Text, sl.probsBox.Visible(), sl.probs.Size())
	}
}

// BenchmarkNoticePreview is the work the 交办单 dialog does off the UI
// thread after the department changes: the stored settings and notices read,
// the 交办编号 peeked, the 交办单 and its 回执 laid out.
func BenchmarkNoticePreview(b *testing.B) {
	ctx := context.Background()
	s := mustOpenStore(b)
	c := &model.Case{Title: "城关镇幸福小区停车难，消防通道被占", Content: strings.Repeat("网民反映消防通道被占。", 30), Source: "人民网领导留言板"}
	if err := s.CreateCase(ctx, c); err != nil {
		b.Fatal(err)
	}
	day := model.Day(time.Now())
	req := export.NoticeRequest{Cases: []*model.Case{c}, Department: deptWater, Date: day, Due: day.AddDate(0, 0, 7)}
	if _, _, _, err := noticePreview(s, req); err != nil { // fonts loaded once
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, _, err := noticePreview(s, req); err != nil {
			b.Fatal(err)
		}
	}
}
