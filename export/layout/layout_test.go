package layout

import (
	"fmt"
	"strings"
	"testing"
)

// TestGridPositions checks that CJK glyphs sit on the 5.571 mm grid: the
// first line after the two-character indent, the next ones from the left edge.
func TestGridPositions(t *testing.T) {
	body := strings.Repeat("国", 26+28+10)
	ls := textLines(must(t, bodyOnly(body)), SizeSanhao)
	want := []int{26, 28, 10}
	if len(ls) != len(want) {
		t.Fatalf("body %q: got %d lines, want %d", body, len(ls), len(want))
	}
	for i, l := range ls {
		if len(l.gs) != want[i] {
			t.Errorf("line %d: got %d glyphs, want %d", i, len(l.gs), want[i])
		}
		indent := 0
		if i == 0 {
			indent = 2
		}
		for k, g := range l.gs {
			if x := Left + float64(k+indent)*Cell; !near(g.X, x) {
				t.Errorf("line %d glyph %d: got x=%.4f, want %.4f", i, k, g.X, x)
			}
		}
	}
	if !near(Cell, 5.571428571) {
		t.Errorf("Cell = %v, want 156/28", Cell)
	}
}

func must(tb testing.TB, c *Content) []Page {
	tb.Helper()
	p, _ := mustLayout(tb, c, Options{})
	return p
}

// TestJustifiedLineEnds checks that every non-final line of a paragraph ends
// exactly at x = 184 whatever Latin runs and punctuation it holds.
func TestJustifiedLineEnds(t *testing.T) {
	paras := []string{
		"据统计本周全网涉我县信息共计12345条环比上升18.6%其中负面信息占3.5%微博话题阅读量达3.5万次抖音APP相关视频播放量约128.7万次同比明显增长需要关注",
		"英文报道：The county water supply company announced on Monday that the pipeline renovation project would be completed by the end of March.",
		"网民“城关老李”在人民网地方领导留言板反映：东风小区连续停水两天，事先没有任何通知，老人孩子生活不便。该留言浏览量超过1.2万次。",
		strings.Repeat("国", 30) + "https://www.example.gov.cn/news/2026/03/09/water-supply-renovation-project.html" + strings.Repeat("国", 30),
	}
	for _, p := range paras {
		tz := &tokenizer{m: fakeMetrics{}, st: body16, width: Width}
		toks := tz.tokens(runes(p, Fangsong))
		avail := func(i int) float64 {
			if i == 0 {
				return Width - 2*Cell
			}
			return Width
		}
		spans := breakLines(toks, avail)
		if len(spans) < 2 {
			t.Fatalf("paragraph %q: got %d lines, want several", p, len(spans))
		}
		for i, sp := range spans[:len(spans)-1] {
			x0 := Right - avail(i)
			gs, w := setLine(toks[sp.s:sp.e], x0, avail(i), true)
			if !near(x0+w, Right) {
				t.Errorf("paragraph %q line %d %q: ends at %.4f, want %.4f", p, i, glyphText(gs), x0+w, Right)
			}
			last := gs[len(gs)-1].Glyph
			if !halfRight[last.R] && !near(inkRight(last), Right) {
				t.Errorf("paragraph %q line %d: last glyph %q ends at %.4f, want %.4f", p, i, last.R, inkRight(last), Right)
			}
		}
	}
}

func glyphText(gs []pglyph) string {
	var b strings.Builder
	for _, g := range gs {
		b.WriteRune(g.R)
	}
	return b.String()
}

// TestKinsoku slides tricky strings across the line end and checks 避头尾,
// unsplit …… and ——, unsplit Latin runs, nothing outside the 版心 and every
// character placed in order.
func TestKinsoku(t *testing.T) {
	tricky := []string{
		"，", "。”", "……", "——", "“引号”", "《书名》", "（括号）", "3.5万", "18.6%", "？！",
		"。。。。。", "Internationalization", "”。）】", "【注】", "……——……", "“‘好’”、《〈关于〉》？！",
		"12345条", "℃～", "A" + strings.Repeat("b", 40),
	}
	for _, s := range tricky {
		for n := 20; n <= 29; n++ {
			body := strings.Repeat("国", n) + s + strings.Repeat("家", 30)
			name := fmt.Sprintf("%d×国+%q", n, s)
			ls := textLines(must(t, bodyOnly(body)), SizeSanhao)
			var got strings.Builder
			for i, l := range ls {
				got.WriteString(l.text())
				first, last := l.gs[0], l.gs[len(l.gs)-1]
				if i > 0 && noStartSet[first.R] {
					t.Errorf("%s: line %d %q starts with %q", name, i, l.text(), first.R)
				}
				if i < len(ls)-1 && noEndSet[last.R] {
					t.Errorf("%s: line %d %q ends with %q", name, i, l.text(), last.R)
				}
				if i < len(ls)-1 && pairable(last.R) && ls[i+1].gs[0].R == last.R {
					t.Errorf("%s: %q split across lines %d and %d", name, last.R, i, i+1)
				}
				for _, g := range l.gs {
					if g.X < Left-1e-6 || inkRight(g) > Right+1e-6 {
						t.Errorf("%s: line %d glyph %q at %.3f–%.3f outside %v–%v", name, i, g.R, g.X, inkRight(g), Left, Right)
					}
				}
			}
			if got.String() != body {
				t.Errorf("%s: placed text\n got %q\nwant %q", name, got.String(), body)
			}
			for _, w := range []string{"Internationalization", "3.5", "18.6%", "12345"} {
				if strings.Contains(s, w) && !lineHas(ls, w) {
					t.Errorf("%s: run %q split across lines", name, w)
				}
			}
		}
	}
}

func lineHas(ls []line, w string) bool {
	for _, l := range ls {
		if strings.Contains(l.text(), w) {
			return true
		}
	}
	return false
}

func TestHeadingLevel(t *testing.T) {
	tests := []struct {
		in       string
		level, n int
	}{
		{"一、基本情况", 1, 6},
		{"十一、其他", 1, 5},
		{"二十三、结语。后文", 1, 7},
		{"（一）明确主体责任。按照要求", 2, 10},
		{"(二)半角括号", 2, 7},
		{"（十二）没有句号", 2, 8},
		{"1.县自来水公司于3月5日完成抢修。次日恢复", 3, 18},
		{"2．全角点", 3, 5},
		{"12.第十二项", 3, 7},
		{"（1）停水通知不及时；", 4, 11},
		{"(3)半角。后", 4, 6},
		{"3.5万次浏览", 0, 0},
		{"3月2日至8日", 0, 0},
		{"一是加快改造", 0, 0},
		{"（注）说明", 0, 0},
		{"", 0, 0},
		{"1.", 3, 2},
	}
	for _, tt := range tests {
		level, n := HeadingLevel(tt.in)
		if level != tt.level || n != tt.n {
			t.Errorf("HeadingLevel(%q) = %d, %d; want %d, %d", tt.in, level, n, tt.level, tt.n)
		}
	}
}

// TestRunInHeading checks that only the heading sentence takes the heading font.
func TestRunInHeading(t *testing.T) {
	tests := []struct {
		body string
		role Role
		n    int
	}{
		{"一、基本情况", Heiti, 6},
		{"（一）明确主体责任。按照要求落实", Kaiti, 10},
		{"1.县自来水公司完成抢修。次日恢复供水", Fangsong, 12},
	}
	for _, tt := range tests {
		ls := textLines(must(t, bodyOnly(tt.body)), SizeSanhao)
		var roles []Role
		for _, l := range ls {
			roles = append(roles, l.roles...)
		}
		for i, r := range roles {
			want := Fangsong
			if i < tt.n {
				want = tt.role
			}
			if r != want {
				t.Errorf("body %q rune %d: got role %s, want %s", tt.body, i, r, want)
			}
		}
	}
}

// TestMissingReported checks that a rune no font has is placed as a
// placeholder and reported with its position.
func TestMissingReported(t *testing.T) {
	c := bodyOnly("第一段\n\n甲😀乙")
	pages, rep := mustLayout(t, c, Options{})
	want := []Missing{{Part: PartBody, Para: 3, Index: 2, R: '😀', Page: 1}}
	if fmt.Sprint(rep.Missing) != fmt.Sprint(want) {
		t.Errorf("body %q: report %v, want %v", c.Body, rep.Missing, want)
	}
	found := false
	for _, l := range textLines(pages, SizeSanhao) {
		for _, g := range l.gs {
			if g.R == '😀' && g.Font == nil && g.W > 0 {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("body %q: no placeholder glyph for 😀", c.Body)
	}
}
