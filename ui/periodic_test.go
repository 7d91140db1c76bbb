package ui

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bulletin/export"
	"bulletin/export/layout"
	"bulletin/model"
)

// TestPeriodicScreen: on the 通报 screen a 月报 of November is drafted from
// the cases, edited, saved, issued as 第1期 (the form's 印发) and frozen:
// the fields are read-only and the PDF is the stored one.
func TestPeriodicScreen(t *testing.T) {
	s := mustOpenStore(t)
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		if err := s.CreateCase(ctx, &model.Case{Title: "案件", Source: "微博", Collected: time.Date(2026, 11, 2+i, 9, 0, 0, 0, time.Local)}); err != nil {
			t.Fatal(err)
		}
	}
	sh, w := newTestShell(t, s)
	sh.onNavigate(navPeriodic)
	sh.wait()
	ps := sh.periodic
	ps.picker.Set(model.MonthPeriod(2026, 11))
	test.Tap(ps.draft)
	sh.wait()
	if ps.cur == nil || !strings.Contains(ps.body.Text, "共收集网络舆情和网民诉求3件") || ps.name.Text != export.DefaultPeriodicName {
		t.Fatalf("draft: %q", ps.body.Text)
	}
	ps.body.SetText(ps.body.Text + "\n补充一段。")
	test.Tap(ps.save)
	sh.wait()
	if len(ps.items) != 1 || ps.cur.ID == 0 || ps.dirty {
		t.Fatalf("saved: %d items, %+v", len(ps.items), ps.cur)
	}
	test.Tap(ps.issue)
	test.Tap(ps.lastConfirm.ok)
	sh.wait()
	if !ps.cur.Issued() || ps.cur.Number != 1 || !ps.body.Disabled() || !ps.issue.Disabled() {
		t.Fatalf("issued: %+v", ps.cur)
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	stored, err := s.FindPeriodic(ctx, ps.cur.ID)
	if err != nil || !strings.Contains(stored.Body, "补充一段。") {
		t.Fatalf("stored %v", err)
	}
	pdf, _, err := export.PrintPeriodic(ctx, s, ps.cur.ID)
	if err != nil || !bytes.Equal(pdf, stored.PDF) {
		t.Errorf("PDF of the issued 通报 is not the stored one: %v", err)
	}
	if !strings.Contains(ps.items[0].Label(), "第1期") {
		t.Errorf("list says %q", ps.items[0].Label())
	}
}

// draftNovember opens the 通报 screen on a store with three November cases
// and drafts the 月报 of November.
func draftNovember(t *testing.T) (*shell, *periodicScreen, *model.Store) {
	t.Helper()
	s := mustOpenStore(t)
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		if err := s.CreateCase(ctx, &model.Case{Title: "案件", Source: "微博", Collected: time.Date(2026, 11, 2+i, 9, 0, 0, 0, time.Local)}); err != nil {
			t.Fatal(err)
		}
	}
	sh, _ := newTestShell(t, s)
	sh.onNavigate(navPeriodic)
	sh.wait()
	ps := sh.periodic
	ps.picker.Set(model.MonthPeriod(2026, 11))
	test.Tap(ps.draft)
	sh.wait()
	if ps.cur == nil {
		t.Fatal("no draft")
	}
	return sh, ps, s
}

// allText is the text of the pages from the first on.
func allText(pages []layout.Page) string {
	var b strings.Builder
	for _, p := range pages {
		b.WriteString(pageText(p))
	}
	return b.String()
}

// TestPeriodicPreviewFollowsTyping: the drafted 通报 shows its pages beside
// the editor (title, body, the 附表 and its charts); typing into the body
// lays them out again after the pause, the old pages staying until then.
func TestPeriodicPreviewFollowsTyping(t *testing.T) {
	sh, ps, _ := draftNovember(t)
	p := ps.preview
	if len(p.slots) < 2 || p.pageImage(0) == nil {
		t.Fatalf("the draft shows %d pages (note %q); want the body and the 附表", len(p.slots), p.note.Text)
	}
	if one := pageText(p.pages[0]); !strings.Contains(one, "2026年11月舆情和诉求办理情况") || !strings.Contains(one, "共收集网络舆情和网民诉求3件") {
		t.Errorf("page 1 prints %q", one)
	}
	if all := allText(p.pages); !strings.Contains(all, export.PeriodicTableTitle) || !strings.Contains(all, "合计") {
		t.Errorf("the 附表 is not on the pages: %q", all)
	}
	before, two := len(p.slots), pageText(p.pages[1])

	// At 1280×800 the editor's buttons and the pages are side by side, whole.
	d := fyne.CurrentApp().Driver()
	right := d.AbsolutePositionForObject(ps.del).X + ps.del.Size().Width
	if px := d.AbsolutePositionForObject(p.root).X; right > px || p.size.Width < 450 || px+p.root.Size().Width > 1280 {
		t.Errorf("删除草稿 ends at x=%.0f, the pages start at x=%.0f and are %.0f wide; want them beside, at least 450 wide", right, px, p.size.Width)
	}

	// Two pages of text pasted at the start of the body, then a few typed.
	ps.body.SetText(strings.Repeat("各责任单位要落实首问负责，按期回复网民诉求，做到件件有着落。", 40) + "\n" + ps.body.Text)
	ps.body.CursorRow, ps.body.CursorColumn = 0, 0
	test.Type(ps.body, "本期要求：")
	if len(p.slots) != before || pageText(p.pages[1]) != two {
		t.Fatalf("before the pause the old pages stay: %d pages, %d before", len(p.slots), before)
	}
	sh.wait()
	if len(p.slots) <= before || p.counter.Text != fmt.Sprintf("第 1 页 / 共 %d 页", len(p.slots)) {
		t.Fatalf("after typing: %d pages, counter %q; want more than %d", len(p.slots), p.counter.Text, before)
	}
	if got := pageText(p.pages[1]); got == two || !strings.Contains(got, "做到件件有着落") {
		t.Errorf("page 2 after typing prints %q", got)
	}
	if !strings.Contains(pageText(p.pages[0]), "本期要求：各责任单位") {
		t.Errorf("page 1 lacks the typed text: %q", pageText(p.pages[0]))
	}
}

// TestPeriodicPreviewIssued: an issued 通报 shows the pages of the document
// stored when it was issued and says they are the stored PDF's; a case
// added afterwards does not change its 附表; after the template changes
// it says the pages may differ from the stored PDF.
func TestPeriodicPreviewIssued(t *testing.T) {
	sh, ps, s := draftNovember(t)
	ctx := context.Background()
	test.Tap(ps.issue)
	test.Tap(ps.lastConfirm.ok)
	sh.wait()
	if !ps.cur.Issued() {
		t.Fatal("not issued")
	}
	p := ps.preview
	if len(p.slots) < 2 || !strings.Contains(p.note.Text, "已印发：下面就是存档原件的版面") {
		t.Fatalf("issued: %d pages, note %q", len(p.slots), p.note.Text)
	}
	if !strings.Contains(pageText(p.pages[0]), "2026年第1期（月报）") {
		t.Errorf("page 1 lacks the 期号: %q", pageText(p.pages[0]))
	}
	issued := allText(p.pages)

	if err := s.CreateCase(ctx, &model.Case{Title: "后补的案件", Source: "微博", Collected: time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local)}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSettings(ctx, map[string]string{model.SettingPageNumbers: "0"}); err != nil {
		t.Fatal(err)
	}
	ps.show(ps.cur)
	sh.wait()
	if !strings.Contains(p.note.Text, "可能与存档原件不同") {
		t.Errorf("after the template changed: note %q", p.note.Text)
	}
	if got := allText(p.pages); strings.Contains(got, "共收集网络舆情和网民诉求4件") || !strings.Contains(got, "共收集网络舆情和网民诉求3件") {
		t.Errorf("the issued 通报's pages follow the data now:\n%s\nissued:\n%s", got, issued)
	}
}

// BenchmarkPeriodicPreview is the background work of the 通报's preview
// for a 年报 of 1,000 cases: "keystroke" lays out the edited text again
// with the figures counted when the 通报 was opened; "opened" counts them
// too, as every keystroke would without periodicFigures.
func BenchmarkPeriodicPreview(b *testing.B) {
	s := mustOpenStore(b)
	ctx := context.Background()
	for i := 0; i < 1000; i++ {
		c := &model.Case{Title: "案件", Source: []string{"微博", "抖音", "12345"}[i%3], Collected: time.Date(2026, time.Month(1+i%11), 1+i%28, 9, 0, 0, 0, time.Local)}
		if err := s.CreateCase(ctx, c); err != nil {
			b.Fatal(err)
		}
	}
	it, err := export.DraftPeriodic(ctx, s, model.YearPeriod(2026))
	if err != nil {
		b.Fatal(err)
	}
	body := []rune(it.Body)
	for _, c := range []struct {
		name   string
		cached bool
	}{{"keystroke", true}, {"opened", false}} {
		b.Run(c.name, func(b *testing.B) {
			var figures periodicFigures
			var pages []layout.Page
			i := 0
			for b.Loop() {
				i++
				if !c.cached {
					figures.reset()
				}
				ed := *it
				ed.Body = string(body[:len(body)/2]) + string(rune('一'+i%100)) + string(body[len(body)/2:])
				if pages, _, _, err = periodicPreview(s, &figures, &ed); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(pages)), "pages")
		})
	}
}

// TestPeriodicPreviewProblems: a character no font prints is named above
// the page where it stands, and counted in the note above the pages.
func TestPeriodicPreviewProblems(t *testing.T) {
	sh, ps, _ := draftNovember(t)
	ps.body.SetText("一、总体情况\n本期共收集网络舆情\U0010FFFD件。")
	sh.wait()
	p := ps.preview
	if len(p.slots) == 0 || p.slots[0].probsBox.Hidden || !strings.Contains(p.slots[0].probs.Text, "第 1 页：正文第 2 段") ||
		!strings.Contains(p.slots[0].probs.Text, "U+10FFFD") {
		t.Errorf("page 1 problems %q", p.slots[0].probs.Text)
	}
	if !strings.Contains(p.note.Text, "有 1 个字符没有可用字体") {
		t.Errorf("note %q", p.note.Text)
	}
}
