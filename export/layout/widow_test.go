package layout

import (
	"fmt"
	"strings"
	"testing"
)

// TestNoWidows lays out paragraphs of two to five lines over many pages: no
// page may start with the last line of a paragraph begun on the page
// before (a single line at the top of a page); the page before gives it a
// line instead, as word processors do.
func TestNoWidows(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 120; i++ {
		n := 28*(1+i%4) + 5 + i%7 // 2 to 5 lines, the last one short
		fmt.Fprintf(&b, "%s\n", strings.Repeat("字", n-2))
	}
	pages, _ := mustLayout(t, bodyOnly(strings.TrimSuffix(b.String(), "\n")), Options{})
	ls := textLines(pages, SizeSanhao)
	starts := func(l line) bool { return near(l.gs[0].X, Left+2*Cell) }
	widows := 0
	for i := 1; i < len(ls); i++ {
		l := ls[i]
		if l.page == ls[i-1].page || starts(l) {
			continue
		}
		if i+1 == len(ls) || starts(ls[i+1]) {
			widows++
			t.Errorf("page %d starts with the last line of a paragraph alone: %q", l.page+1, l.text())
		}
	}
	if len(pages) < 20 {
		t.Errorf("only %d pages: the test needs many page breaks", len(pages))
	}
	t.Logf("%d pages, %d widows", len(pages), widows)
}
