package layout

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// tableDoc lays out a document holding only t.
func tableDoc(tb testing.TB, t Table) ([]Page, *Report) {
	tb.Helper()
	pages, rep, err := LayoutDoc(&Doc{Blocks: []Block{TableBlock{t}}}, fakeMetrics{}, Options{NoPageNumbers: true})
	if err != nil {
		tb.Fatalf("LayoutDoc: %v", err)
	}
	return pages, rep
}

// labelled is a two-column table: a 30 mm label column and the values.
func labelled(rows ...Row) Table {
	return Table{Columns: []Column{{Width: 30}, {}}, Rows: rows, Part: "表格"}
}

func row(label, value string) Row {
	return Row{Cells: []TableCell{{Text: label, Role: Heiti, Align: AlignCentre}, {Text: value}}}
}

// cellGlyphs returns the lines of a table's value column (x beyond the
// label column), page by page.
func valueLines(pages []Page) []line {
	var out []line
	for _, l := range textLines(pages, SizeSanhao) {
		var v line
		v.page, v.y = l.page, l.y
		for i, g := range l.gs {
			if g.X > Left+30 {
				v.gs = append(v.gs, g)
				v.roles = append(v.roles, l.roles[i])
			}
		}
		if len(v.gs) > 0 {
			out = append(out, v)
		}
	}
	return out
}

// TestTableCellWraps: a value wraps inside its column with 避头尾, each line
// but the last justified to the column's right padding, none overflowing.
func TestTableCellWraps(t *testing.T) {
	text := strings.Repeat("国", 21) + "，" + strings.Repeat("家", 40) + "。"
	pages, _ := tableDoc(t, labelled(row("诉求摘要", text)))
	x0, x1 := Left+30+2, Right-2
	ls := valueLines(pages)
	if len(ls) < 3 {
		t.Fatalf("value %q: %d lines, want at least 3", text, len(ls))
	}
	got := 0
	for i, l := range ls {
		got += len(l.gs)
		first, last := l.gs[0], l.gs[len(l.gs)-1]
		if first.X < x0-1e-6 || inkRight(last) > x1+1e-6 {
			t.Errorf("line %d %q: x %.3f–%.3f outside the cell %.3f–%.3f", i, l.text(), first.X, inkRight(last), x0, x1)
		}
		if noStartSet[first.R] {
			t.Errorf("line %d %q starts with %q (避头尾)", i, l.text(), first.R)
		}
		if i < len(ls)-1 && !near(inkRight(last), x1) && !(halfRight[last.R] && inkRight(last) <= x1+1e-6) {
			t.Errorf("line %d %q not justified: ends at %.3f, want %.3f", i, l.text(), inkRight(last), x1)
		}
	}
	if want := utf8.RuneCountInString(text); got != want {
		t.Errorf("placed %d characters, want %d", got, want)
	}
}

// TestTableMinHeight: a row with a minimum height pushes the next row down
// by that height; a row holding more lines is as tall as its lines.
func TestTableMinHeight(t *testing.T) {
	r := row("办理情况", "")
	r.MinHeight = 60
	pages, _ := tableDoc(t, labelled(r, row("联系电话", "0311")))
	var ys []float64
	for _, ru := range pages[0].Rules {
		if ru.Y1 == ru.Y2 && ru.X1 == Left && ru.X2 == Right {
			ys = append(ys, ru.Y1)
		}
	}
	// rule above row 1, above row 2, then the frame top and bottom
	hasY := func(y float64) bool {
		for _, v := range ys {
			if near(v, y) {
				return true
			}
		}
		return false
	}
	top := Top
	for _, y := range []float64{top, top + 60, top + 60 + DefaultPitch} {
		if !hasY(y) {
			t.Errorf("no rule at y=%.3f; rules at %v", y, ys)
		}
	}
}

// TestTableSplitsRows: a row taller than the page continues on the next
// below （续表）, every character placed once, in order.
func TestTableSplitsRows(t *testing.T) {
	var b strings.Builder
	for i := range 5000 {
		b.WriteRune(rune('一' + i%500))
	}
	text := b.String()
	pages, rep := tableDoc(t, labelled(row("原文", "x"), row("原文内容", text), row("备注", "完")))
	if len(rep.Missing) != 0 {
		t.Fatalf("missing %v", rep.Missing)
	}
	if len(pages) < 3 {
		t.Fatalf("a 5000-character cell on %d pages, want at least 3", len(pages))
	}
	var got strings.Builder
	for _, l := range valueLines(pages) {
		got.WriteString(l.text())
	}
	if want := "x" + text + "完"; got.String() != want {
		t.Errorf("value text differs: got %d characters, want %d", utf8.RuneCountInString(got.String()), utf8.RuneCountInString(want))
	}
	for i, p := range pages[1:] {
		ls := textLines([]Page{p}, SizeSanhao)
		if len(ls) == 0 || ls[0].text() != Continued || !near(ls[0].gs[0].X, Left) {
			t.Errorf("page %d does not start with %s", i+2, Continued)
		}
		for _, r := range p.Rules {
			if r.Y1 < Top+DefaultPitch-1e-6 || r.Y2 > Bottom+1e-6 {
				t.Errorf("page %d: rule %+v outside the table's place", i+2, r)
			}
		}
	}
	if ls := textLines(pages[:1], SizeSanhao); ls[0].text() == Continued {
		t.Error("the first page says 续表")
	}
}

// TestTableKeepRow: a Keep row that does not fit the page moves whole to
// the next one.
func TestTableKeepRow(t *testing.T) {
	var rows []Row
	for range 17 {
		rows = append(rows, row("行", "值"))
	}
	k := row("办理情况", "")
	k.MinHeight, k.Keep = 60, true
	pages, _ := tableDoc(t, labelled(append(rows, k)...))
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2", len(pages))
	}
	for _, r := range pages[1].Rules {
		if r.X1 == Left && r.X2 == Right && near(r.Y1, Top+DefaultPitch+60) {
			return
		}
	}
	t.Errorf("the kept row is not the 60 mm after 续表 on page 2: %+v", pages[1].Rules)
}

// TestTableErrors: widths beyond the 版心 and columns too narrow for two
// characters are errors, not overflow.
func TestTableErrors(t *testing.T) {
	for name, cols := range map[string][]Column{
		"too wide":   {{Width: 100}, {Width: 60}},
		"too narrow": {{Width: 8}, {}},
		"negative":   {{Width: -1}, {}},
		"none":       nil,
	} {
		_, _, err := LayoutDoc(&Doc{Blocks: []Block{TableBlock{Table{Columns: cols}}}}, fakeMetrics{}, Options{})
		if err == nil {
			t.Errorf("%s %+v: no error", name, cols)
		}
	}
}

// FuzzTable lays out tables of random cell texts, widths and row heights
// after a random number of body lines: every printable rune is placed (or
// reported), and no glyph leaves its column's padding or the 版心.
func FuzzTable(f *testing.F) {
	f.Add(int64(1), "国家，。“（网民）”——3.5万https://example.com/a?id=1")
	f.Add(int64(7), strings.Repeat("。", 40))
	f.Add(int64(3), "𠮷😀\n\n\u3000ab")
	f.Fuzz(func(t *testing.T, seed int64, s string) {
		rnd := rand.New(rand.NewSource(seed))
		ncol := 1 + rnd.Intn(4)
		var cols []Column
		for range ncol {
			if rnd.Intn(2) == 0 {
				cols = append(cols, Column{Width: 16 + rnd.Float64()*20})
			} else {
				cols = append(cols, Column{Weight: 1 + rnd.Float64()*3})
			}
		}
		rs := []rune(s)
		tab := Table{Columns: cols, Part: "表格"}
		want := 0
		for range 1 + rnd.Intn(8) {
			var r Row
			for range ncol {
				a, b := rnd.Intn(len(rs)+1), rnd.Intn(len(rs)+1)
				text := string(rs[min(a, b):max(a, b)])
				text = strings.Repeat(text, 1+rnd.Intn(20))
				want += printable(text)
				r.Cells = append(r.Cells, TableCell{Text: text, Role: Kaiti, Align: Align(rnd.Intn(3))})
			}
			if rnd.Intn(3) == 0 {
				r.MinHeight = rnd.Float64() * 100
				r.Keep = rnd.Intn(2) == 0
			}
			tab.Rows = append(tab.Rows, r)
		}
		body := strings.Repeat("正文。\n", rnd.Intn(40))
		pages, rep, err := LayoutDoc(&Doc{Blocks: []Block{Body{Text: body}, TableBlock{tab}}}, fakeMetrics{}, Options{NoPageNumbers: true})
		if err != nil {
			t.Skipf("table %+v: %v", cols, err) // a column too narrow
		}
		xs, _ := tab.edges()
		got := 0
		for pi, p := range pages {
			for _, r := range p.Runs {
				if r.Y < Top || r.Y > Bottom {
					t.Fatalf("page %d: run at y=%.3f outside the 版心", pi+1, r.Y)
				}
				if r.Role != Kaiti {
					continue // the 续表 line, the body
				}
				for _, g := range r.Glyphs {
					got++
					if !inColumn(xs, g) {
						t.Fatalf("input %q seed %d: glyph %q at x=%.3f w=%.3f is in no column %v", s, seed, g.R, g.X, g.W, xs)
					}
				}
			}
		}
		if got != want {
			t.Fatalf("input %q seed %d: placed %d glyphs, want %d (missing reported %d)", s, seed, got, want, len(rep.Missing))
		}
	})
}

// inColumn reports whether g lies inside the padding of some column or of
// a span of columns.
func inColumn(xs []float64, g Glyph) bool {
	for i := range xs {
		for j := i + 1; j < len(xs); j++ {
			if inkLeft(g) >= xs[i]+2-1e-6 && inkRight(g) <= xs[j]-2+1e-6 {
				return true
			}
		}
	}
	return false
}

// TestTableShortRowMoves: a row of two lines with one line of room left
// goes whole to the next page (its label is not cut in two); a long row
// split across pages leaves at least two lines on each side.
func TestTableShortRowMoves(t *testing.T) {
	var rows []Row
	for range 21 {
		rows = append(rows, row("行", "值"))
	}
	pages, _ := tableDoc(t, labelled(append(rows, row("交办单位\n及联系人", "王某"))...))
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2", len(pages))
	}
	ls := textLines(pages[1:], SizeSanhao)
	if len(ls) != 3 || ls[0].text() != Continued || ls[1].text() != "交办单位王某" || ls[2].text() != "及联系人" {
		var got []string
		for _, l := range ls {
			got = append(got, l.text())
		}
		t.Errorf("page 2 lines %q, want 续表 and the whole row", got)
	}
	for n := 11; n <= 14; n++ {
		long := row("原文", strings.Repeat("国", 21*n))
		pages, _ := tableDoc(t, labelled(append(rows[:10:10], long)...))
		per := map[int]int{}
		for _, l := range valueLines(pages) {
			if l.text() != "值" {
				per[l.page]++
			}
		}
		for p, k := range per {
			if k < 2 {
				t.Errorf("a row of %d lines leaves %d line(s) on page %d (%v)", n, k, p+1, per)
			}
		}
	}
}
