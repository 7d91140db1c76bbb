package export

import (
	"fmt"
	"strings"
	"testing"

	"bulletin/model"
)

// TestStatsTablesPDF: the 统计 screen's tables printed: every row of the
// 附表 (60 departments, over two pages) and of each breakdown on one line of
// the PDF's text with all its numbers, the title with the period, the header
// repeated below （续表）, and each breakdown's 合计.
func TestStatsTablesPDF(t *testing.T) {
	var rows []PeriodicRow
	for i := 1; i <= 60; i++ {
		rows = append(rows, PeriodicRow{Name: fmt.Sprintf("县第%02d责任单位", i), Assigned: 1000 + i, Replied: 900 + i,
			OnTime: 800 + i, Overdue: i, Closed: 700 + i, Rate: fmt.Sprintf("%.1f%%", 80+float64(i)/10), Rank: fmt.Sprint(61 - i)})
	}
	rows = append(rows, PeriodicRow{Name: "合计", Assigned: 61830, Replied: 55830, OnTime: 49830, Overdue: 1830, Closed: 43830, Rate: "86.4%"})
	sheets := []Sheet{
		{Name: "按来源", Counts: []model.Count{{Label: "微博", N: 37}, {Label: "12345", N: 21}, {Label: "", N: 4}}},
		{Name: "按风险等级", Counts: []model.Count{{Label: "一般", N: 55}, {Label: "较大", N: 6}, {Label: "重大", N: 1}, {Label: "特别重大", N: 0}}},
	}
	doc := &StatsTables{Title: "2026年11月舆情和诉求统计表", Span: "2026年11月1日—11月30日", AsOf: "2026-11-30",
		Date: "2026-12-02", Rows: rows, Sheets: sheets}
	pdf, rep, err := PrintedPDF(doc, map[string]string{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Pages < 3 {
		t.Errorf("%d pages: 60 departments should need more than two", rep.Pages)
	}
	text := pdfText(t, pdf, "-layout")
	lines := map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		lines[strings.Join(strings.Fields(l), " ")] = true
	}
	want := []string{"2026年11月舆情和诉求统计表", "（统计时间：2026年11月1日—11月30日，数据截至2026年11月30日）"}
	for _, r := range rows {
		want = append(want, strings.TrimSpace(strings.Join(r.Cells(), " ")))
	}
	for _, s := range sheets {
		for _, r := range BreakdownRows(s.Counts) {
			want = append(want, strings.Join(r, " "))
		}
	}
	for _, w := range want {
		if !lines[w] {
			t.Errorf("no line %q in\n%s", w, text)
		}
	}
	for _, w := range []string{"未填写 4 6.5%", "合计 62 100.0%", "特别重大 0 0.0%", "一、各责任单位办理情况统计表", "二、来源分布", "三、风险等级分布"} {
		if !lines[w] {
			t.Errorf("no line %q", w)
		}
	}
	if n := strings.Count(text, "（续表）"); n < 1 || n != rep.Pages-1 && n != rep.Pages-2 {
		t.Errorf("（续表） %d times on %d pages", n, rep.Pages)
	}
	if n := strings.Count(squeeze(text), "责任单位交办已回复"); n != strings.Count(text, "（续表）")+1 {
		t.Errorf("the 附表's header printed %d times, want once per page of it", n)
	}
}

// TestStatsTablesValidate: nothing to print, or a wrong date, is said in Chinese.
func TestStatsTablesValidate(t *testing.T) {
	for _, tt := range []struct {
		name string
		doc  StatsTables
		want string
	}{
		{"no table", StatsTables{Title: "统计表", Date: "2026-12-02"}, "没有可打印的统计表"},
		{"no title", StatsTables{Rows: []PeriodicRow{{Name: "合计"}}}, "标题不能为空"},
		{"bad date", StatsTables{Title: "统计表", Rows: []PeriodicRow{{Name: "合计"}}, AsOf: "2026/11/30"}, "截止日期"},
	} {
		err := tt.doc.Validate()
		if model.ErrorCode(err) != model.EINVALID || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want EINVALID with %q", tt.name, err, tt.want)
		}
	}
}
