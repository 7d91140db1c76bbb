package export

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bulletin/export/fonts"
	"bulletin/export/layout"
	"bulletin/model"
)

// TestRenderSample renders the sample bulletin and reads it back: page count,
// every character in reading order, the indent, justified line ends and the
// page numbers, all measured in the PDF.
func TestRenderSample(t *testing.T) {
	doc := mustSample(t)
	pdf, rep := render(t, doc)
	pages := pdfWords(t, pdf)
	if len(pages) != 6 || rep.Pages != 6 {
		t.Fatalf("sample: %d pages in the PDF, report says %d; want 6 (阅批单 and its blank back, 2 of body, a blank page, the 报尾 on the even page 4)", len(pages), rep.Pages)
	}
	if len(pages[1]) != 0 {
		t.Errorf("sample: the 阅批单's back holds %q, want it blank", joined(pages[1:2]))
	}
	pages = append(pages[:1], pages[2:]...)
	if len(rep.Missing) != 0 {
		t.Errorf("sample: unprintable characters %v, want none", rep.Missing)
	}
	text := joined(pages[1:])
	for _, part := range append(strings.Split(doc.Body, "\n"), doc.Title, doc.EditorNote, doc.Distribution.Bao, doc.Unit, doc.Marking, doc.Issue(), "2026年3月9日", "（共印15份）") {
		if !strings.Contains(text, squeeze(part)) {
			t.Errorf("sample: text %q not found in reading order in the PDF text", part)
		}
	}
	if !strings.Contains(joined(pages[:1]), "舆情专报阅批单") {
		t.Errorf("sample: no 阅批单 title on page 1")
	}
	tests := []struct {
		text string
		x    float64 // mm, left edge
	}{
		{"一、基本情况", layout.Left + 2*layout.Cell},
		{"县委网信办第一时间将上述诉求编入", layout.Left + 2*layout.Cell},
		{"报：", layout.Left + 14*25.4/72},
	}
	for _, tt := range tests {
		w, ok := find(pages, tt.text)
		if !ok {
			t.Errorf("sample: no word starting with %q", tt.text)
			continue
		}
		if math.Abs(w.xMin-pt(tt.x)) > 0.3 {
			t.Errorf("sample: %q starts at %.2f pt, want %.2f pt (%.3f mm)", tt.text, w.xMin, pt(tt.x), tt.x)
		}
	}
	justified := 0
	for _, p := range pages[1:] {
		for _, w := range p {
			if w.yMax > pt(layout.Bottom) || w.yMin < pt(layout.Top) {
				continue
			}
			if w.xMin < pt(layout.Left)-0.3 || w.xMax > pt(layout.Right)+pt(3) {
				t.Errorf("sample: %q at %.2f–%.2f pt leaves the 版心", w.text, w.xMin, w.xMax)
			}
			// A line-final ideograph's advance (16 pt) overhangs its 15.79 pt cell.
			if math.Abs(w.xMax-pt(layout.Right)) < 0.3 || math.Abs(w.xMax-pt(layout.Right)-0.21) < 0.3 {
				justified++
			}
		}
	}
	if justified < 15 {
		t.Errorf("sample: %d lines end at x = 184 mm, want at least 15", justified)
	}
	checkPageNumbers(t, pages[1:3])
	// 双面印刷: page 2 has no room for the 报尾, so it goes on page 4, after a
	// blank page 3; neither is numbered.
	if len(pages[3]) != 0 {
		t.Errorf("sample: page 3 holds %q, want a blank page", joined(pages[3:4]))
	}
	for _, w := range pages[4] {
		if w.yMin > pt(layout.Bottom) || w.yMax < pt(layout.Bottom-40) {
			t.Errorf("sample: page 4 holds %q at y %.1f pt, want only the 报尾 at the foot of the 版心", w.text, w.yMin)
		}
	}
}

// find returns the first word starting with s.
func find(pages [][]word, s string) (word, bool) {
	for _, p := range pages {
		for _, w := range p {
			if strings.HasPrefix(w.text, s) {
				return w, true
			}
		}
	}
	return word{}, false
}

// checkPageNumbers measures — n — below the 版心: odd pages end one 四号
// character in from x = 184, even pages start one character in from x = 28.
func checkPageNumbers(t *testing.T, pages [][]word) {
	t.Helper()
	e14 := 14 * 25.4 / 72
	for i, p := range pages {
		n := i + 1
		var below []word
		for _, w := range p {
			if w.yMin > pt(layout.Bottom) {
				below = append(below, w)
			}
		}
		var txt strings.Builder
		xMin, xMax := math.Inf(1), math.Inf(-1)
		for _, w := range below {
			txt.WriteString(w.text)
			xMin, xMax = min(xMin, w.xMin), max(xMax, w.xMax)
			if w.yMin < pt(layout.Bottom+4) || w.yMax > pt(layout.Bottom+16) {
				t.Errorf("page %d: number %q at y %.1f–%.1f pt, want just below %.1f pt", n, w.text, w.yMin, w.yMax, pt(layout.Bottom+7))
			}
		}
		if want := fmt.Sprintf("—%d—", n); squeeze(txt.String()) != want {
			t.Errorf("page %d: text below the 版心 %q, want %q", n, txt.String(), want)
		}
		if n%2 == 1 && math.Abs(xMax-pt(layout.Right-e14)) > 0.3 {
			t.Errorf("odd page %d: number ends at %.2f pt, want %.2f", n, xMax, pt(layout.Right-e14))
		}
		if n%2 == 0 && math.Abs(xMin-pt(layout.Left+e14)) > 0.3 {
			t.Errorf("even page %d: number starts at %.2f pt, want %.2f", n, xMin, pt(layout.Left+e14))
		}
	}
}

// TestRenderHard renders documents full of Latin, numbers, punctuation, rare
// characters and emoji: every printable character comes back out of the PDF
// in order or is in the report, and nothing crashes.
func TestRenderHard(t *testing.T) {
	hard := mustDoc(t, "testdata/hard.json")
	long := &Document{Title: "一百段", Body: hundredParagraphs(), Date: "2026-01-02"}
	tests := []struct {
		name     string
		doc      *Document
		minPages int
	}{
		{"hard.json", hard, 4},
		{"100 paragraphs", long, 8},
		{"unprintable only", &Document{Title: "\U0010FFFD", Body: "\U0010FFFD\U000F0000"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf, rep := render(t, tt.doc)
			pages := pdfWords(t, pdf)
			if len(pages) != rep.Pages || len(pages) < tt.minPages {
				t.Errorf("%d pages in the PDF, report says %d, want at least %d", len(pages), rep.Pages, tt.minPages)
			}
			text := joined(pages)
			missing := map[rune]bool{}
			for _, m := range rep.Missing {
				missing[m.R] = true
			}
			for i, p := range strings.Split(tt.doc.Body, "\n") {
				want := strings.Map(func(r rune) rune {
					if missing[r] || !layout.Printable(r) {
						return -1
					}
					return r
				}, p)
				if !strings.Contains(text, want) {
					t.Errorf("paragraph %d %q: not found in the PDF text", i+1, want)
				}
			}
		})
	}
}

// TestRenderReportsUnprintable checks that a character no font has is
// reported with its place and printed as a box, and the report reads well.
func TestRenderReportsUnprintable(t *testing.T) {
	doc := &Document{Title: "标题", Body: "第一段\n甲\U0010FFFD乙"}
	_, rep := render(t, doc)
	want := []layout.Missing{{Part: layout.PartBody, Para: 2, Index: 2, R: '\U0010FFFD', Page: 1}}
	if fmt.Sprint(rep.Missing) != fmt.Sprint(want) {
		t.Errorf("body %q: missing %v, want %v", doc.Body, rep.Missing, want)
	}
	if s := rep.String(); !strings.Contains(s, "正文第 2 段第 2 字") || !strings.Contains(s, "U+10FFFD") || !strings.Contains(s, "第 1 页") {
		t.Errorf("report %q, want the part, paragraph, index, code point and page", s)
	}
	if s := (&Report{Pages: 1}).String(); s != "" {
		t.Errorf("empty report String() = %q, want \"\"", s)
	}
}

// TestRenderExtB checks that a character above U+FFFF that a font has is
// printed from its outline and still extracted by pdftotext.
func TestRenderExtB(t *testing.T) {
	doc := &Document{Title: "标题", Body: "吉祥𠮷利"}
	pdf, rep := render(t, doc)
	if len(rep.Missing) > 0 {
		t.Skipf("no font on this machine has 𠮷 (install fonts-hanazono): %v", rep.Missing)
	}
	if got := squeeze(pdfText(t, pdf)); !strings.Contains(got, "吉祥𠮷利") {
		t.Errorf("pdftotext: %q, want it to contain 吉祥𠮷利", got)
	}
}

// TestReadingOrder checks plain and -layout extraction give the body in order.
func TestReadingOrder(t *testing.T) {
	doc := mustSample(t)
	pdf, _ := render(t, doc)
	for _, args := range [][]string{nil, {"-layout"}} {
		got := squeeze(pdfText(t, pdf, args...))
		last := -1
		for _, p := range strings.Split(doc.Body, "\n") {
			i := strings.Index(got, squeeze(p))
			if i < 0 || i < last {
				t.Errorf("pdftotext %v: paragraph %q at %d after %d", args, p, i, last)
			}
			last = i
		}
	}
}

func TestRenderFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"titel":"x","body":"y"}`), 0o644)
	tests := []struct {
		name, in, err string
	}{
		{"sample", samplePath, ""},
		{"missing file", filepath.Join(dir, "none.json"), "打开文档"},
		{"unknown field", bad, `未知字段 "titel"`},
	}
	for _, tt := range tests {
		out := filepath.Join(dir, tt.name+".pdf")
		rep, err := RenderFile(tt.in, out, false)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want %q", tt.name, err, tt.err)
			}
			if _, statErr := os.Stat(out); statErr == nil {
				t.Errorf("%s: %s written despite the error", tt.name, out)
			}
			continue
		}
		data, err := os.ReadFile(out)
		if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) || rep.Pages != 6 {
			t.Errorf("%s: err %v, %d bytes, %d pages; want a 6-page PDF (阅批单 and its back, 2 of body, a blank page, 报尾 on page 4)", tt.name, err, len(data), rep.Pages)
		}
	}
}

// TestRenderConcurrent renders from several goroutines at once (the GUI
// renders in the background) and expects identical bytes.
func TestRenderConcurrent(t *testing.T) {
	doc := mustSample(t)
	want, _ := render(t, doc)
	got := make([][]byte, 4)
	errs := make([]error, 4)
	done := make(chan int)
	for i := range got {
		go func() {
			var buf bytes.Buffer
			_, errs[i] = Render(&buf, doc, Options{})
			got[i] = buf.Bytes()
			done <- i
		}()
	}
	for range got {
		select {
		case <-done:
		case <-time.After(5 * time.Minute):
			t.Fatal("a render did not finish within 5 minutes")
		}
	}
	for i := range got {
		if errs[i] != nil || !bytes.Equal(got[i], want) {
			t.Errorf("goroutine %d: err %v, %d bytes, want %d identical bytes", i, errs[i], len(got[i]), len(want))
		}
	}
}

// TestRenderFontConfig checks that a configured font file that cannot be
// used stops the render with a message naming the role.
func TestRenderFontConfig(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "broken.ttf")
	os.WriteFile(bad, []byte("not a font"), 0o644)
	tests := []struct{ name, path string }{
		{"missing file", filepath.Join(t.TempDir(), "none.ttf")},
		{"not a font", bad},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		opt := Options{Fonts: fonts.Config{fonts.RoleFangsong: tt.path}}
		_, err := Render(&buf, mustSample(t), opt)
		if err == nil || !strings.Contains(err.Error(), "仿宋") || model.ErrorCode(err) != model.EINVALID {
			t.Errorf("%s: error %v, want a user error naming 仿宋", tt.name, err)
		}
		if buf.Len() != 0 {
			t.Errorf("%s: %d bytes written despite the error", tt.name, buf.Len())
		}
	}
}

// TestRenderBadOptions checks that settings out of range are refused with a
// user message.
func TestRenderBadOptions(t *testing.T) {
	tests := []struct {
		name string
		opt  layout.Options
		want string
	}{
		{"pitch", layout.Options{LinePitch: 40}, "行距"},
		{"name size", layout.Options{NameSize: 500}, "刊名字号"},
	}
	for _, tt := range tests {
		_, err := Render(&bytes.Buffer{}, mustSample(t), Options{Options: tt.opt})
		if err == nil || !strings.Contains(err.Error(), tt.want) || model.ErrorCode(err) != model.EINVALID {
			t.Errorf("%s: error %v, want a user error about %s", tt.name, err, tt.want)
		}
	}
}
