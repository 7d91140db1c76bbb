package layout

import (
	"fmt"
	"strings"
	"testing"
)

// tailContent is a bulletin with n one-line body paragraphs and a 报尾 of
// four lines (报, 送, 发 and the 签发 line).
func tailContent(n int) *Content {
	c := bodyOnly(strings.TrimSuffix(strings.Repeat("一行正文。\n", n), "\n"))
	c.Bao, c.Song, c.Fa = "县委书记", "县政府办公室", "县住建局"
	c.Signer, c.Editor, c.Copies = "王建国", "赵敏", 15
	return c
}

// TestTailPlacement lays out growing bodies and checks that the 报尾 sits at
// the bottom of the last page with its last rule on y = 262, below all body
// text, and moves to a new page exactly when the last page has no room
// (单面印刷; TestTailDuplex checks 双面印刷).
func TestTailPlacement(t *testing.T) {
	const tailLines = 4
	sawShared, sawMoved := false, false
	for n := 1; n <= 40; n++ {
		c := tailContent(n)
		pages, _ := mustLayout(t, c, Options{SingleSided: true})
		last := pages[len(pages)-1]
		var rules []Rule
		for _, r := range last.Rules {
			if r.Colour == Black {
				rules = append(rules, r)
			}
		}
		if len(rules) != 3 {
			t.Fatalf("n=%d: last page has %d rules, want 3", n, len(rules))
		}
		top, mid, bottom := rules[0], rules[1], rules[2]
		pitch := DefaultPitch
		if !near(bottom.Y1, Bottom) || !near(bottom.Width, 0.35) || !near(top.Width, 0.35) || !near(mid.Width, 0.25) {
			t.Errorf("n=%d: rules %+v, want 0.35/0.25/0.35 with the last at y=%v", n, rules, Bottom)
		}
		if !near(top.Y1, Bottom-tailLines*pitch) || !near(mid.Y1, Bottom-pitch) {
			t.Errorf("n=%d: first rule at %.3f, middle at %.3f; want %.3f and %.3f", n, top.Y1, mid.Y1, Bottom-tailLines*pitch, Bottom-pitch)
		}
		body := textLines(pages, SizeSanhao)
		lastBody := body[len(body)-1]
		bodyBottom := lastBody.y - ascent*em(SizeSanhao) + (em(SizeSanhao)+pitch)/2 // band bottom
		switch {
		case lastBody.page == len(pages)-1:
			sawShared = true
			if bodyBottom > top.Y1+1e-6 {
				t.Errorf("n=%d: body band ends at %.3f below the 报尾 top %.3f", n, bodyBottom, top.Y1)
			}
		default:
			sawMoved = true
			if lastBody.page != len(pages)-2 {
				t.Errorf("n=%d: body ends on page %d of %d", n, lastBody.page+1, len(pages))
			}
			if bodyBottom+tailLines*pitch <= Bottom+1e-6 {
				t.Errorf("n=%d: 报尾 moved to a new page although the body ends at %.3f", n, bodyBottom)
			}
		}
		for _, l := range textLines(pages[len(pages)-1:], SizeSihao) {
			if l.y < top.Y1 {
				t.Errorf("n=%d: 报尾 line %q at %.3f above the first rule", n, l.text(), l.y)
			}
		}
	}
	if !sawShared || !sawMoved {
		t.Errorf("cases covered: shared page %v, moved %v; want both", sawShared, sawMoved)
	}
}

// TestTailText checks the 报尾 lines: each list ends with 。, wrapped lines
// align after the colon, the 印数 sits right.
func TestTailText(t *testing.T) {
	c := tailContent(1)
	c.Bao = strings.Repeat("县委常委、", 12)
	pages, _ := mustLayout(t, c, Options{})
	ls := textLines(pages, SizeSihao)
	e14 := em(SizeSihao)
	if got := ls[0].text(); !strings.HasPrefix(got, "报：") || !near(ls[0].gs[0].X, Left+e14) {
		t.Errorf("first 报尾 line %q at x=%.3f, want 报： at %.3f", got, ls[0].gs[0].X, Left+e14)
	}
	if !near(ls[1].gs[0].X, Left+3*e14) {
		t.Errorf("wrapped line %q at x=%.3f, want %.3f (after the colon)", ls[1].text(), ls[1].gs[0].X, Left+3*e14)
	}
	var all []string
	for _, l := range ls {
		all = append(all, l.text())
	}
	joined := strings.Join(all, "|")
	for _, want := range []string{"县委常委。|送：县政府办公室。|发：县住建局。|签发：王建国　　编辑：赵敏（共印15份）"} {
		if !strings.Contains(joined, want) {
			t.Errorf("报尾 lines %q, want to contain %q", joined, want)
		}
	}
	sign := ls[len(ls)-1]
	if end := sign.gs[len(sign.gs)-1]; !near(end.X+end.W, Right-e14) {
		t.Errorf("（共印15份） ends at %.3f, want %.3f", end.X+end.W, Right-e14)
	}
}

// TestPageNumbers checks — n — on odd pages right and even pages left, 7 mm
// below the 版心, and that the 阅批单 has none.
func TestPageNumbers(t *testing.T) {
	c := bodyOnly(strings.Repeat("这是一个很长的段落，用来占满好几页。", 200))
	pages, _ := mustLayout(t, c, Options{Cover: true, SingleSided: true})
	if len(pages) < 4 || !pages[0].Cover || pages[0].Number != 0 {
		t.Fatalf("got %d pages, first cover=%v number=%d; want ≥4 with the 阅批单 first, unnumbered", len(pages), pages[0].Cover, pages[0].Number)
	}
	e14 := em(SizeSihao)
	for i, p := range pages[1:] {
		n := i + 1
		var run *Run
		for k := range p.Runs {
			if p.Runs[k].Y > Bottom {
				run = &p.Runs[k]
			}
		}
		if run == nil || p.Number != n {
			t.Fatalf("page %d: number %d, run %v", n, p.Number, run)
		}
		var txt strings.Builder
		for _, g := range run.Glyphs {
			txt.WriteRune(g.R)
		}
		if want := fmt.Sprintf("—%d—", n); txt.String() != want { // the spaces are gaps, not glyphs
			t.Errorf("page %d: number text %q, want %q", n, txt.String(), want)
		}
		if top := run.Y - ascent*e14; !near(top, Bottom+7) {
			t.Errorf("page %d: number top at %.3f, want %.3f", n, top, Bottom+7)
		}
		first, last := run.Glyphs[0], run.Glyphs[len(run.Glyphs)-1]
		if n%2 == 1 && !near(last.X+last.W, Right-e14) {
			t.Errorf("odd page %d: number ends at %.3f, want %.3f", n, last.X+last.W, Right-e14)
		}
		if n%2 == 0 && !near(first.X, Left+e14) {
			t.Errorf("even page %d: number starts at %.3f, want %.3f", n, first.X, Left+e14)
		}
	}
	for _, r := range pages[0].Runs {
		if r.Y > Bottom {
			t.Errorf("阅批单 has text below the 版心 at y=%.3f", r.Y)
		}
	}
}

// TestCoverPishiRow checks the 领导批示 row of the 阅批单 is at least 90 mm tall,
// also with a long title.
func TestCoverPishiRow(t *testing.T) {
	for _, title := range []string{"短标题", strings.Repeat("关于网民反映问题的舆情专报", 6)} {
		c := bodyOnly("正文")
		c.Title = title
		pages, _ := mustLayout(t, c, Options{Cover: true})
		var ys []float64
		for _, r := range pages[0].Rules {
			if r.Y1 == r.Y2 {
				ys = append(ys, r.Y1)
			}
		}
		tallest := 0.0
		for i := 1; i < len(ys); i++ {
			tallest = max(tallest, ys[i]-ys[i-1])
		}
		if tallest < coverMinPishi-1e-6 || !near(ys[len(ys)-1], Bottom) {
			t.Errorf("title %q: row rules at %v; tallest row %.1f mm, want ≥ 90 and the table ending at %v", title, ys, tallest, Bottom)
		}
	}
}

// TestLinePitch checks the settable pitch: lines per page follow it and bad
// values are refused.
func TestLinePitch(t *testing.T) {
	tests := []struct {
		pt    float64
		lines int
		err   bool
	}{
		{0, 22, false}, {28, 22, false}, {28.95, 22, false}, {29, 22, false}, {29.45, 21, false}, {40, 0, true}, {-1, 0, true},
	}
	for _, tt := range tests {
		c := bodyOnly(strings.Repeat("国", 28*60))
		pages, _, err := Layout(c, fakeMetrics{}, Options{LinePitch: tt.pt})
		if (err != nil) != tt.err {
			t.Errorf("pitch %v: err %v, want error %v", tt.pt, err, tt.err)
			continue
		}
		if err != nil {
			continue
		}
		var onPage2 int
		for _, l := range textLines(pages, SizeSanhao) {
			if l.page == 1 {
				onPage2++
			}
		}
		if onPage2 != tt.lines {
			t.Errorf("pitch %v: page 2 has %d lines, want %d", tt.pt, onPage2, tt.lines)
		}
	}
}

// BenchmarkLayout lays out a 40-page body with the fixed-width metrics.
func BenchmarkLayout(b *testing.B) {
	body := strings.Repeat("（一）明确主体责任。按照“谁主管、谁负责”的原则，县住建局要在3.5个工作日内完成18.6%的改造任务……\n", 120)
	c := tailContent(1)
	c.Body = body
	for b.Loop() {
		if _, _, err := Layout(c, fakeMetrics{}, Options{Cover: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLayoutPunctuation lays out 100,000 commas, the worst case of 避头尾.
func BenchmarkLayoutPunctuation(b *testing.B) {
	c := bodyOnly(strings.Repeat("，", 100000))
	for b.Loop() {
		if _, _, err := Layout(c, fakeMetrics{}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestHeadingNotLastOnPage checks that a heading line never ends a page: it
// moves to the next page with its paragraph.
func TestHeadingNotLastOnPage(t *testing.T) {
	moved := false
	for n := 1; n <= 30; n++ {
		body := strings.Repeat("一行。\n", n) + "一、标题\n正文"
		pages := must(t, bodyOnly(body))
		ls := textLines(pages, SizeSanhao)
		for i, l := range ls {
			if l.text() != "一、标题" {
				continue
			}
			if i+1 < len(ls) && ls[i+1].page != l.page {
				t.Errorf("%d lines before: heading is the last line of page %d", n, l.page+1)
			}
			if i > 0 && ls[i-1].page != l.page {
				moved = true
			}
		}
	}
	if !moved {
		t.Errorf("no case moved a heading to a new page; the test covers nothing")
	}
}

// TestTailLongNames checks that long 签发/编辑 names are condensed rather
// than run into the 印数 on the right.
func TestTailLongNames(t *testing.T) {
	c := tailContent(1)
	c.Signer = strings.Repeat("王", 20)
	c.Copies = 1200
	pages, _ := mustLayout(t, c, Options{})
	var left, right *Run
	for i, r := range pages[len(pages)-1].Runs {
		if r.Size == SizeSihao && r.Y < Bottom && r.Y > Bottom-DefaultPitch {
			if left == nil {
				left = &pages[len(pages)-1].Runs[i]
			} else {
				right = &pages[len(pages)-1].Runs[i]
			}
		}
	}
	if left == nil || right == nil {
		t.Fatalf("签发 line: runs %v %v, want two", left, right)
	}
	end := left.Glyphs[len(left.Glyphs)-1]
	if left.ScaleX >= 1 || end.X+end.W > right.Glyphs[0].X-em(SizeSihao)+1e-6 {
		t.Errorf("签发 part ends at %.2f (scale %.2f), 印数 starts at %.2f; want condensed with a character between",
			end.X+end.W, left.ScaleX, right.Glyphs[0].X)
	}
}
