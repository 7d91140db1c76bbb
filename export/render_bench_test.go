package export

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// hundredParagraphs is a long body of headings and paragraphs (benchmarks
// and tests of many pages).
func hundredParagraphs() string {
	var b strings.Builder
	for i := 1; i <= 100; i++ {
		switch i % 10 {
		case 1:
			fmt.Fprintf(&b, "%s、第%d部分\n", []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}[i/10], i)
		case 2:
			fmt.Fprintf(&b, "（%s）小标题%d。正文接着写，包含3.5万和18.6%%这样的数字。\n", []string{"一", "二", "三"}[i%3], i)
		default:
			fmt.Fprintf(&b, "第%d段：网民“用户%d”在APP发帖称，事件涉及%d人……有关部门已经介入——请持续关注。\n", i, i, i*7)
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// BenchmarkRenderSample typesets and writes the sample with fonts loaded.
func BenchmarkRenderSample(b *testing.B) {
	doc := mustSample(b)
	render(b, doc) // load the fonts once
	for b.Loop() {
		render(b, doc)
	}
}

// BenchmarkRender40Pages typesets and writes a 40-page bulletin.
func BenchmarkRender40Pages(b *testing.B) {
	doc := &Document{Title: "四十页", Body: strings.Repeat(hundredParagraphs()+"\n", 5), Date: "2026-01-02"}
	_, rep := render(b, doc)
	for b.Loop() {
		render(b, doc)
	}
	b.ReportMetric(float64(rep.Pages), "pages")
}

// BenchmarkDrawSample writes the laid-out sample as PDF: cutting the four
// faces down, fpdf embedding them and compressing every stream.
func BenchmarkDrawSample(b *testing.B) {
	pages, _, err := Layout(mustSample(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := draw(io.Discard, pages, time.Time{}); err != nil {
			b.Fatal(err)
		}
	}
}
