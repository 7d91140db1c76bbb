package ui

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bulletin/export"
	"bulletin/export/layout"
	"bulletin/model"
)

// pageText is the text a laid-out page prints.
func pageText(p layout.Page) string {
	var b strings.Builder
	for _, r := range p.Runs {
		for _, g := range r.Glyphs {
			b.WriteRune(g.R)
		}
	}
	return b.String()
}

// sameImage reports whether two page images hold the same pixels.
func sameImage(a, b image.Image) bool {
	ra, ok1 := a.(*image.RGBA)
	rb, ok2 := b.(*image.RGBA)
	return ok1 && ok2 && ra.Rect == rb.Rect && bytes.Equal(ra.Pix, rb.Pix)
}

// scrollToPage scrolls the preview so that page i is at the top.
func scrollToPage(p *previewPane, i int) {
	p.scroll.ScrollToOffset(fyne.NewPos(0, p.slots[i].obj.Position().Y))
	p.showVisible()
}

// TestPreviewFollowsTyping types into 正文 on the real composer: after the
// pause the preview has more pages, page 2 prints the new text and shows a
// new image; until then the old pages stay.
func TestPreviewFollowsTyping(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	if err := s.SetSettings(ctx, map[string]string{model.SettingUnit: "某县委网信办", model.SettingCover: "0", model.SettingDuplex: "0"}); err != nil {
		t.Fatal(err)
	}
	sh, _ := newTestShell(t, s)
	sh.onNavigate(navBulletins)
	bs := sh.bulletins
	bs.wait()
	test.Tap(bs.newBtn)
	e := bs.ed
	p := e.preview
	test.Type(e.title, "关于城区停水问题的专报")
	e.body.SetText("一、基本情况\n近日，网民反映城区部分小区停水。")
	bs.wait()
	if len(p.slots) != 1 || p.counter.Text != "第 1 页 / 共 1 页" {
		t.Fatalf("one short paragraph: %d pages, counter %q; want 1 page", len(p.slots), p.counter.Text)
	}
	if p.pageImage(0) == nil {
		t.Fatal("page 1 is not drawn")
	}

	// Type a second page's worth of text at the end of 正文.
	e.body.CursorRow, e.body.CursorColumn = 1, len([]rune("近日，网民反映城区部分小区停水。"))
	typed := "\n" + strings.Repeat("供水公司称管网抢修已经完成，居民用水逐步恢复正常。", 30) + "\n二、下一步工作\n持续关注舆情。"
	test.Type(e.body, typed)
	if len(p.slots) != 1 {
		t.Fatalf("before the pause the old page stays: %d pages shown", len(p.slots))
	}
	bs.wait()
	if len(p.slots) < 2 || p.counter.Text != fmt.Sprintf("第 1 页 / 共 %d 页", len(p.slots)) {
		t.Fatalf("after typing: %d pages, counter %q; want at least 2", len(p.slots), p.counter.Text)
	}
	if !strings.Contains(pageText(p.pages[1]), "供水公司称") {
		t.Errorf("page 2 does not print the typed text: %q", pageText(p.pages[1]))
	}
	scrollToPage(p, 1)
	bs.wait()
	if !strings.HasPrefix(p.counter.Text, "第 2 页") {
		t.Errorf("scrolled to page 2: counter %q", p.counter.Text)
	}
	before := p.pageImage(1)
	if before == nil {
		t.Fatal("page 2 in view is not drawn")
	}

	// One more edit on page 2: its text and its picture change.
	oldText := pageText(p.pages[1])
	e.body.SetText(strings.Replace(e.body.Text, "二、下一步工作", "二、下一步工作安排", 1))
	bs.wait()
	if pageText(p.pages[1]) == oldText {
		t.Error("page 2 text unchanged after the edit")
	}
	if after := p.pageImage(1); after == nil || sameImage(before, after) {
		t.Error("page 2 picture unchanged after the edit")
	}
}

// TestPreviewDrawsOnlyVisiblePages: in a 40-page document only the pages in
// view (and one either side) hold an image, however far one scrolls.
func TestPreviewDrawsOnlyVisiblePages(t *testing.T) {
	s := mustOpenStore(t)
	sh, _ := newTestShell(t, s)
	sh.onNavigate(navBulletins)
	bs := sh.bulletins
	bs.wait()
	test.Tap(bs.newBtn)
	e := bs.ed
	p := e.preview
	e.title.SetText("关于四十页长文的专报")
	e.body.SetText(strings.Repeat(strings.Repeat("这是一段用来撑满页面的正文文字，", 20)+"\n", 110))
	bs.wait()
	if len(p.slots) < 35 {
		t.Fatalf("%d pages; want about 40", len(p.slots))
	}
	for _, at := range []int{0, 20, len(p.slots) - 1} {
		scrollToPage(p, at)
		bs.wait()
		drawn := 0
		for i := range p.slots {
			if p.pageImage(i) != nil {
				drawn++
			}
		}
		if drawn == 0 || drawn > 5 {
			t.Errorf("scrolled to page %d: %d pages hold an image; want the few in view", at+1, drawn)
		}
		if p.pageImage(at) == nil {
			t.Errorf("page %d in view is not drawn", at+1)
		}
	}
}

// TestPreviewIssued: an issued bulletin shows its pages, and says they are
// the stored original's.
func TestPreviewIssued(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	sh, _ := newTestShell(t, s)
	sh.onNavigate(navBulletins)
	bs := sh.bulletins
	bs.wait()
	test.Tap(bs.newBtn)
	e := bs.ed
	e.title.SetText("关于城区停水问题的专报")
	e.body.SetText("一、基本情况\n近日，网民反映城区部分小区停水。")
	test.Tap(e.saveBtn)
	bs.wait()
	pdf, _, err := e.prepareIssue(e.orig)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.IssueBulletin(ctx, e.orig.ID, pdf); err != nil {
		t.Fatal(err)
	}
	e.open(e.orig.ID)
	bs.wait()
	if len(e.preview.slots) == 0 || !strings.Contains(e.preview.note.Text, "存档原件的版面") {
		t.Errorf("issued: %d pages, note %q", len(e.preview.slots), e.preview.note.Text)
	}
}

// BenchmarkPreviewRelayout is the background work of the preview after one
// keystroke: the settings read, the document laid out again and the
// problems found per page. "sample" is export/testdata/sample.json (6 pages
// with its 阅批单 and blank back); "body5" is five pages of body text. The
// fonts and glyph caches are warm, as they are after the first layout.
func BenchmarkPreviewRelayout(b *testing.B) {
	s := mustOpenStore(b)
	f, err := os.Open(filepath.Join("..", "export", "testdata", "sample.json"))
	if err != nil {
		b.Fatal(err)
	}
	doc, err := export.ParseDocument(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	sample := &model.Bulletin{Year: 2026, Number: doc.Number, Serial: doc.Serial, Name: doc.Name, Unit: doc.Unit,
		Marking: doc.Marking, Title: doc.Title, EditorNote: doc.EditorNote, Body: doc.Body,
		Bao: doc.Distribution.Bao, Song: doc.Distribution.Song, Fa: doc.Distribution.Fa, Copies: doc.Copies,
		Signer: doc.Signer, Editor: doc.Editor, Cover: doc.Cover, Status: model.BulletinDraft}
	body5 := *sample
	body5.Cover = false
	for {
		pages, _, _, err := bulletinPreview(s, &body5)
		if err != nil {
			b.Fatal(err)
		}
		if len(pages) >= 5 {
			break
		}
		body5.Body += "\n" + sample.Body
	}
	for _, c := range []struct {
		name string
		b    *model.Bulletin
	}{{"sample", sample}, {"body5", &body5}} {
		b.Run(c.name, func(b *testing.B) {
			bl := *c.b
			pages, _, _, err := bulletinPreview(s, &bl)
			if err != nil {
				b.Fatal(err)
			}
			body := []rune(bl.Body)
			mid := len(body) / 2
			i := 0
			for b.Loop() {
				i++
				// One character typed in the middle of 正文.
				bl.Body = string(body[:mid]) + string(rune('一'+i%100)) + string(body[mid:])
				if pages, _, _, err = bulletinPreview(s, &bl); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(pages)), "pages")
		})
	}
}

// TestPreviewOtherDocuments: the pane lays out the office's other documents
// from the same layout blocks (a 会议纪要 here), on a pane of their own.
func TestPreviewOtherDocuments(t *testing.T) {
	s := mustOpenStore(t)
	_, w := newTestShell(t, s)
	bg := newTestTasks(t)
	doc := &export.Minutes{Kind: export.KindMinutes, Mark: "网络舆情工作会议纪要", Number: 3, Unit: "某县委网信办",
		Date: "2026-11-28", Body: strings.Repeat("会议听取了近期网络舆情情况汇报，研究部署下一步工作。", 40),
		Present: "张振华、李文斌", Issued: "2026-11-28"}
	p := newPreviewPane(w, s, bg, func() (previewJob, string) {
		return func() ([]layout.Page, []pageNotes, string, error) { return printedPreview(s, doc, nil) }, ""
	})
	w.SetContent(p.content())
	w.Resize(fyne.NewSize(700, 900))
	p.refresh()
	bg.settle()
	if len(p.slots) == 0 || p.pageImage(0) == nil {
		t.Fatalf("纪要: %d pages, first drawn %v; note %q", len(p.slots), p.pageImage(0) != nil, p.note.Text)
	}
	if !strings.Contains(pageText(p.pages[0]), "会议纪要") {
		t.Errorf("page 1 does not print the mark: %q", pageText(p.pages[0]))
	}
}
