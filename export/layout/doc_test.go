package layout

import (
	"strings"
	"testing"
)

// TestMarkAndAttendance: the 纪要's mark has its top edge at y = 72 mm; an
// attendance label sits at x = 39.14 mm and its names, wrapped lines too,
// at x = 55.86 mm.
func TestMarkAndAttendance(t *testing.T) {
	names := strings.Repeat("张三、", 30) + "李四"
	d := &Doc{Blocks: []Block{
		Mark{Text: "网络舆情工作会议纪要", Colour: Red},
		Body{Text: "会议决定。"},
		Space{Lines: 1},
		Labelled{Label: "出席：", Text: names, LabelX: Left + 2*Cell, TextX: Left + 5*Cell},
	}}
	pages, _, err := LayoutDoc(d, fakeMetrics{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mark := pages[0].Runs[0]
	if top := mark.Y - ascent*em(SizeErhao); !near(top, 72) || mark.Colour != Red {
		t.Errorf("mark top at y=%.3f colour %v, want 72 and red", top, mark.Colour)
	}
	ls := textLines(pages, SizeSanhao)
	var att []line
	for _, l := range ls {
		if strings.Contains(l.text(), "张三") || strings.Contains(l.text(), "李四") {
			att = append(att, l)
		}
	}
	if len(att) < 3 {
		t.Fatalf("30 names on %d lines, want 3 or more", len(att))
	}
	if !near(att[0].gs[0].X, 39.142857142857146) || att[0].roles[0] != Heiti {
		t.Errorf("label at x=%.3f in %s, want 39.14 in 黑体", att[0].gs[0].X, att[0].roles[0])
	}
	for i, l := range att {
		k := 0
		if i == 0 {
			k = 3
		}
		if x := l.gs[k].X; !near(x, Left+5*Cell) || l.roles[k] != Fangsong {
			t.Errorf("names line %d starts at x=%.3f in %s, want 55.86 in 仿宋", i, x, l.roles[k])
		}
	}
}

// TestKeepMovesWhole: a Keep group that does not fit the page starts the
// next one, and nothing of it stays behind.
func TestKeepMovesWhole(t *testing.T) {
	body := strings.Repeat("正文正文。\n", 18)
	r := row("办理情况", "")
	r.MinHeight = 60
	d := &Doc{Blocks: []Block{Body{Text: body}, Keep{[]Block{Cut{}, Title{Text: "回执"}, TableBlock{labelled(r)}}}}}
	pages, _, err := LayoutDoc(d, fakeMetrics{}, Options{NoPageNumbers: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || len(pages[0].Rules) != 0 {
		t.Fatalf("%d pages, %d rules on page 1; want the 回执 alone on page 2", len(pages), len(pages[0].Rules))
	}
	if ls := textLines(pages[1:], SizeErhao); len(ls) != 1 || ls[0].text() != "回执" {
		t.Errorf("page 2 title lines %v", ls)
	}
}
