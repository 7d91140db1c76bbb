package layout

import (
	"strings"
	"testing"
)

// loosest returns the widest pitch between two neighbouring ideographs on a
// justified line (not a paragraph's last), in cells, and that line.
func loosest(pages []Page) (float64, string) {
	worst, where := 0.0, ""
	ls := textLines(pages, SizeSanhao)
	for i, l := range ls {
		if i+1 < len(ls) && (len(ls[i+1].gs) == 0 || ls[i+1].gs[0].X > Left+Cell) {
			continue // the next line starts a paragraph: this one is a last line
		}
		if i+1 == len(ls) {
			continue
		}
		for k := 0; k+1 < len(l.gs); k++ {
			a, b := l.gs[k], l.gs[k+1]
			if !isHan(a.R) || !isHan(b.R) {
				continue
			}
			if p := (b.X - a.X) / Cell; p > worst {
				worst, where = p, l.text()
			}
		}
	}
	return worst, where
}

// TestLooseLines moves a run that cannot be split (23.4%……, a long number,
// a bracketed reference) through every place of the fourth line of a
// paragraph: no justified line may open its characters by more than 10 %
// (greedy breaking gave up to +25 %). Lines are evened out by carrying
// characters down from the lines before, each taking a little of the slack,
// or by compressing punctuation to pull the run up. (On a paragraph's first
// line nothing can be carried down, so a run that cannot be split may still
// leave it loose.)
func TestLooseLines(t *testing.T) {
	runs := []string{"负面信息占比23.4%……", "共计12345678910条，", "（见附件3：2026年第12期）"}
	for _, run := range runs {
		for k := 0; k < 28; k++ {
			p := strings.Repeat("国", k) + run + strings.Repeat("民", 60)
			body := strings.Repeat("县", 82) + p + "\n" + "第二段，" + strings.Repeat("乡", 76) + p
			pages, _ := mustLayout(t, bodyOnly(body), Options{})
			if worst, where := loosest(pages); worst > 1.10+1e-9 {
				t.Errorf("%s after %d characters: %q set at %.1f %% of a cell", run, k, where, worst*100)
			}
		}
	}
}
