package export

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bulletin/export/chart"
	"bulletin/model"
)

func openPeriodicStore(t *testing.T) *model.Store {
	t.Helper()
	s, err := model.Open(filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.SetNow(func() time.Time { return time.Date(2026, 12, 10, 9, 0, 0, 0, time.Local) })
	ctx := context.Background()
	for i, src := range []string{"微博", "12345", "抖音"} {
		c := &model.Case{Title: "案件" + src, Source: src, Kind: "投诉", Collected: time.Date(2026, 11, 3+i, 9, 0, 0, 0, time.Local)}
		if err := s.CreateCase(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// TestPeriodicIssue: a 通报 drafted, edited, issued with 期号 1 of its kind
// and year, frozen, reprinted byte for byte after the data changed; the
// next of the kind is 2, another kind starts at 1.
func TestPeriodicIssue(t *testing.T) {
	ctx := context.Background()
	s := openPeriodicStore(t)
	nov := model.MonthPeriod(2026, 11)
	draft, err := DraftPeriodic(ctx, s, nov)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(draft.Body, "共收集网络舆情和网民诉求3件") || draft.Name != DefaultPeriodicName {
		t.Fatalf("draft %+v", draft)
	}
	if err := s.CreatePeriodic(ctx, draft); err != nil {
		t.Fatal(err)
	}
	draft.Body = strings.Replace(draft.Body, "（请填写下步工作安排。）", "加强研判，压实责任。", 1)
	if err := s.UpdatePeriodic(ctx, draft); err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 12, 1, 0, 0, 0, 0, time.Local)
	issued, err := IssuePeriodicPDF(ctx, s, draft.ID, day)
	if err != nil {
		t.Fatal(err)
	}
	if issued.Number != 1 || !issued.Issued() {
		t.Fatalf("issued %+v", issued)
	}
	text := pdfText(t, issued.PDF)
	for _, w := range []string{"2026年第1期（月报）", "加强研判，压实责任。", "各责任单位办理情况统计表", "2026年12月1日"} {
		if !strings.Contains(text, w) {
			t.Errorf("issued PDF lacks %q", w)
		}
	}
	draft.Body = "改动"
	if err := s.UpdatePeriodic(ctx, draft); model.ErrorCode(err) != model.EINVALID {
		t.Errorf("update of an issued 通报: %v", err)
	}
	if err := s.DeletePeriodic(ctx, draft.ID); model.ErrorCode(err) != model.EINVALID {
		t.Errorf("delete of an issued 通报: %v", err)
	}
	if err := s.CreateCase(ctx, &model.Case{Title: "后来的", Collected: time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local)}); err != nil {
		t.Fatal(err)
	}
	again, _, err := PrintPeriodic(ctx, s, draft.ID)
	if err != nil || !bytes.Equal(again, issued.PDF) {
		t.Errorf("reprint differs (%d bytes, %v)", len(again), err)
	}
	for _, tt := range []struct {
		p    model.Period
		want int
	}{{nov, 2}, {model.WeekPeriod(2026, 48), 1}} {
		d, err := DraftPeriodic(ctx, s, tt.p)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.CreatePeriodic(ctx, d); err != nil {
			t.Fatal(err)
		}
		got, err := IssuePeriodicPDF(ctx, s, d.ID, day)
		if err != nil || got.Number != tt.want {
			t.Errorf("%s: number %v, %v; want %d", tt.p.Name(), got, err, tt.want)
		}
	}
	list, err := s.FindPeriodics(ctx)
	if err != nil || len(list) != 3 || list[0].PDF != nil {
		t.Errorf("list %d, %v", len(list), err)
	}
}

// TestPeriodicTableBigNumbers: the 附表 of a year of 100,000 cases keeps
// six-digit counts and a ten-character 单位 on one line each (a 13 mm column
// broke 10058 into 1005/8).
func TestPeriodicTableBigNumbers(t *testing.T) {
	rows := []PeriodicRow{
		{Name: "市生态环境局本县分局", Assigned: 123456, Replied: 100234, OnTime: 99876, Overdue: 12345, Closed: 88765, Rate: "88.0%", Rank: "1"},
		{Name: "合计", Assigned: 123456, Replied: 100234, OnTime: 99876, Overdue: 12345, Closed: 88765, Rate: "88.0%"},
	}
	p := &Periodic{Kind: KindPeriodic, Date: "2026-12-01", Body: "正文。", Rows: rows}
	pdf, _, err := PrintedPDF(p, map[string]string{})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf, "-layout")
	for _, r := range rows {
		want := strings.TrimSpace(strings.Join(r.Cells(), " "))
		found := false
		for _, l := range strings.Split(text, "\n") {
			if strings.Join(strings.Fields(l), " ") == want {
				found = true
			}
		}
		if !found {
			t.Errorf("row %q not on one line in\n%s", want, text)
		}
	}
}

// TestPeriodicChartsApart: a chart's title keeps a blank grid line from the
// axis labels of the chart above it on the same page (图2's title sat 5 mm
// under 图1's dates).
func TestPeriodicChartsApart(t *testing.T) {
	p := &Periodic{Kind: "周报", Name: DefaultPeriodicName, Unit: "县委网信办", Date: "2026-12-01",
		Title: "2026年第48周网络舆情和网民诉求办理情况", Span: "2026年11月23日—11月29日", Body: "一、总体情况\n本周共收集3件。",
		Charts: []chart.Chart{
			chart.Days("图1　每日收集案件数", []chart.Count{{Label: "11-23", N: 2}, {Label: "11-24", N: 1}}),
			chart.Top("图2　案件来源分布", []chart.Count{{Label: "微博", N: 2}, {Label: "12345", N: 1}}, 8),
		}}
	pages, _, err := LayoutPrinted(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, pg := range pages {
		title := -1.0
		for _, r := range pg.Runs {
			if strings.HasPrefix(runText(r), "图2") {
				title = r.Y
			}
		}
		if title < 0 {
			continue
		}
		above := 0.0 // the lowest baseline of chart 1's texts (its dates)
		for _, r := range pg.Runs {
			if r.Y < title && r.Y > above {
				above = r.Y
			}
		}
		if gap := title - above; gap < 14 {
			t.Errorf("图2's title %.1f mm under the text above it, want a blank line (≥ 14 mm)", gap)
		}
		return
	}
	t.Fatal("no page holds 图2")
}
