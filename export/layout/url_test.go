package layout

import (
	"strings"
	"testing"
)

// TestURLBreaks moves a long web address and an e-mail address through
// every place of a line: a line breaks inside them only after / ? & @ - _ .,
// never starts with / = . or ?, keeps id=123 whole, and the justified lines
// stay within about +10 % (12.5 % at most: the address comes after four
// lines of text, which take some of the slack, but on the address's own
// line the slack can only go between the characters before it; greedy
// breaking, cutting anywhere, gave lines starting with / and =). The address reads back whole, with no space added
// inside it on a justified line that holds other text too.
func TestURLBreaks(t *testing.T) {
	for _, addr := range []string{
		"https://www.example.gov.cn/news/2026/03/09/water-supply-renovation.html?id=123&from=weibo",
		"public_opinion@example.com",
	} {
		for k := 0; k < 28; k++ {
			body := strings.Repeat("县", 82+k) + "见" + addr + "，" + strings.Repeat("民", 40)
			pages, _ := mustLayout(t, bodyOnly(body), Options{})
			ls := textLines(pages, SizeSanhao)
			var all strings.Builder
			for i, l := range ls {
				text := l.text()
				all.WriteString(text)
				if i > 0 && strings.ContainsAny(text[:1], "/=.?") {
					t.Errorf("%d: line starts with %q: %q", k, text[:1], text)
				}
				if strings.HasSuffix(text, "id") || strings.HasPrefix(text, "=123") || strings.HasSuffix(text, "id=") {
					t.Errorf("%d: id=123 split at %q", k, text)
				}
				// inside the address, neighbours touch: no justification space,
				// unless the line holds nothing but the address
				for j := 0; j+1 < len(l.gs) && strings.ContainsFunc(text, fullWidth); j++ {
					a, b := l.gs[j], l.gs[j+1]
					if !fullWidth(a.R) && !fullWidth(b.R) && !near(a.X+a.W, b.X) {
						t.Errorf("%d: space of %.3f mm between %q and %q in %q", k, b.X-a.X-a.W, a.R, b.R, text)
						break
					}
				}
			}
			if !strings.Contains(all.String(), addr) {
				t.Errorf("%d: %s does not read back whole", k, addr)
			}
			if worst, where := loosest(pages); worst > 1.125+1e-9 {
				t.Errorf("%d: %q set at %.1f %% of a cell", k, where, worst*100)
			}
		}
	}
}
