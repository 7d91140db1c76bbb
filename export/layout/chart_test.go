package layout

import (
	"fmt"
	"strings"
	"testing"

	"bulletin/export/chart"
)

// TestTableHeaderRepeated: a table of 80 rows with Header 1 goes over pages;
// every page after the first starts with （续表） and the header row again.
func TestTableHeaderRepeated(t *testing.T) {
	tb := Table{Columns: []Column{{Weight: 2}, {Width: 20}}, Size: 12, Header: 1}
	tb.Rows = append(tb.Rows, Row{Cells: []TableCell{{Text: "单位", Role: Heiti}, {Text: "件数", Role: Heiti}}})
	for i := 1; i <= 80; i++ {
		tb.Rows = append(tb.Rows, Row{Cells: []TableCell{{Text: fmt.Sprintf("单位%d", i)}, {Text: fmt.Sprint(i)}}})
	}
	pages, _, err := LayoutDoc(&Doc{Blocks: []Block{TableBlock{Table: tb}}}, fakeMetrics{}, Options{NoPageNumbers: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 3 {
		t.Fatalf("%d pages", len(pages))
	}
	ls := textLines(pages, 12)
	seen := map[int][]string{}
	for _, l := range ls {
		seen[l.page] = append(seen[l.page], l.text())
	}
	for p := range pages {
		got := seen[p]
		want := 0
		if p > 0 {
			want = 1
			if got[0] != Continued {
				t.Errorf("page %d starts %q", p+1, got[0])
			}
		}
		if !strings.HasPrefix(got[want], "单位") || !strings.Contains(got[want], "件数") {
			t.Errorf("page %d: header not repeated: %q", p+1, got[:want+1])
		}
	}
	rows := 0
	for _, l := range ls {
		if strings.HasPrefix(l.text(), "单位") && !strings.Contains(l.text(), "件数") {
			rows++
		}
	}
	if rows != 80 {
		t.Errorf("%d data rows, want 80 (none lost or doubled)", rows)
	}
}

// TestChartBlock: the bars of a vertical chart are rules whose heights are
// in the proportion of the chart model's (value ÷ axis top), a horizontal
// chart's lengths likewise, with the labels and values as text.
func TestChartBlock(t *testing.T) {
	v := chart.Of("图1　每日", []chart.Count{{Label: "11-01", N: 2}, {Label: "11-02", N: 5}, {Label: "11-03", N: 0}, {Label: "11-04", N: 4}})
	h := chart.Of("图2　来源", []chart.Count{{Label: "微博", N: 8}, {Label: "12345", N: 3}})
	h.Horizontal = true
	pages, _, err := LayoutDoc(&Doc{Blocks: []Block{ChartBlock{Chart: v}, ChartBlock{Chart: h}}}, fakeMetrics{}, Options{NoPageNumbers: true})
	if err != nil {
		t.Fatal(err)
	}
	var vert, horiz []float64
	for _, r := range pages[0].Rules {
		if r.Colour != ChartBar {
			continue
		}
		if r.X1 == r.X2 {
			vert = append(vert, r.Y1-r.Y2)
		} else {
			horiz = append(horiz, r.X2-r.X1)
		}
	}
	if len(vert) != 3 || len(horiz) != 2 {
		t.Fatalf("bars %v %v", vert, horiz)
	}
	// axis 0–5: 2/5 and 4/5 of the 5's height; axis 0–10: 8 and 3 of 10.
	if !near(vert[0]/vert[1], 0.4) || !near(vert[2]/vert[1], 0.8) || !near(horiz[1]/horiz[0], 3.0/8) {
		t.Errorf("bar sizes %v %v", vert, horiz)
	}
	var texts []string
	for _, l := range textLines(pages, chartLabel) {
		texts = append(texts, l.text())
	}
	all := strings.Join(texts, "|")
	for _, w := range []string{"11-01", "11-04", "微博", "12345", "8", "3"} {
		if !strings.Contains(all, w) {
			t.Errorf("chart text %q lacks %q", all, w)
		}
	}
}
