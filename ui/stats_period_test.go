package ui

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"bulletin/export"
	"bulletin/model"
)

// TestStatsPeriodAsReport: choosing 2026年11月 in the 统计 screen's period
// picker shows the 通报's figures of that month (as at its end, with 环比),
// the 附表 with its ranking equal to the store's, and writes them to .xlsx.
func TestStatsPeriodAsReport(t *testing.T) {
	s := mustStatsStore(t)
	ss := openStats(t, s)
	sp := ss.byPeriod
	nov := model.MonthPeriod(2026, 11)
	sp.picker.Set(nov)
	sp.choose(nov)
	ss.wait()
	if got := ss.from.Text() + " " + ss.to.Text(); got != "2026-11-01 2026-11-30" {
		t.Errorf("dates %q", got)
	}
	want, err := s.PeriodReport(context.Background(), nov)
	if err != nil {
		t.Fatal(err)
	}
	h := want.Cur.Handling
	for _, w := range []string{"2026年11月", "按期回复率 " + h.OnTimeRate().Text(), "回复率 " + h.ReplyRate().Text(), "较上月" + want.Change().Text()} {
		if !strings.Contains(sp.summary.Text, w) {
			t.Errorf("summary %q lacks %q", sp.summary.Text, w)
		}
	}
	if !reflect.DeepEqual(sp.rows, export.PeriodicRows(want.Cur)) || len(sp.rows) < 2 {
		t.Errorf("附表 %+v", sp.rows)
	}
	if len(sp.risk.bars) != len(model.RiskLevels) && len(sp.risk.bars) != len(model.RiskLevels)+1 {
		t.Errorf("risk bars %v", barText(sp.risk.bars))
	}
	data, err := statsXLSX(sp.report.Cur, sp.rows)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, _ := f.GetRows("附表")
	for i, r := range sp.rows {
		if g, w := strings.TrimSpace(strings.Join(got[3+i], " ")), strings.TrimSpace(strings.Join(r.Cells(), " ")); g != w {
			t.Errorf(".xlsx row %q, want %q", g, w)
		}
	}
	if names := f.GetSheetList(); len(names) != 7 || names[2] != "按领域" {
		t.Errorf("sheets %v", names)
	}
}

// TestStatsBarOpensCases: a tap on the 微博 bar of 按来源 opens the 案件
// screen with that source and the screen's 收集时间, listing its 3 cases;
// a tap on the 2026-11 column of 按月份 lists November's.
func TestStatsBarOpensCases(t *testing.T) {
	s := mustStatsStore(t)
	sh, _ := newTestShell(t, s)
	test.Tap(sh.navBtns[navStats])
	sh.wait()
	ss := sh.stats
	ss.bySource.Tapped(&fyne.PointEvent{Position: fyne.NewPos(50, 5)})
	sh.wait()
	cs := sh.cases
	if sh.current != navCases || cs.source.Selected != "微博" || cs.total != 3 {
		t.Fatalf("screen %s, source %q, %d cases; want 案件, 微博, 3", sh.current, cs.source.Selected, cs.total)
	}
	test.Tap(sh.navBtns[navStats])
	sh.wait()
	n := len(ss.byMonth.bars)
	ss.byMonth.Resize(fyne.NewSize(float32(n)*30, 200))
	ss.byMonth.Tapped(&fyne.PointEvent{Position: fyne.NewPos(float32(n-1)*30+10, 100)}) // the last month, 2026-11
	sh.wait()
	if got := cs.from.Text() + " " + cs.to.Text(); got != "2026-11-01 2026-11-30" || cs.source.SelectedIndex() != 0 || cs.total != 2 {
		t.Errorf("month bar: dates %q, source %q, %d cases; want November, any source, 2", got, cs.source.Selected, cs.total)
	}
}

// TestStatsPickerSaysWhenUnused: the screen opens counting every case, and
// the picker (showing this month) says it is not the period counted; a
// period chosen shows its days; 全部时间 or dates typed apart say so again.
func TestStatsPickerSaysWhenUnused(t *testing.T) {
	s := mustStatsStore(t)
	ss := openStats(t, s)
	sp := ss.byPeriod
	if !strings.Contains(sp.picker.span.Text, "未选用") {
		t.Errorf("at start (全部时间) the picker says %q, want 未选用", sp.picker.span.Text)
	}
	nov := model.MonthPeriod(2026, 11)
	sp.picker.Set(nov)
	sp.choose(nov)
	ss.wait()
	if sp.picker.span.Text != nov.Span() {
		t.Errorf("November chosen: picker says %q, want %q", sp.picker.span.Text, nov.Span())
	}
	ss.from.SetText("2026-11-05")
	ss.onRefresh()
	ss.wait()
	if !strings.Contains(sp.picker.span.Text, "未选用") {
		t.Errorf("dates typed apart from the period: picker says %q", sp.picker.span.Text)
	}
	test.Tap(ss.clearBtn)
	ss.wait()
	if !strings.Contains(sp.picker.span.Text, "全部") {
		t.Errorf("全部时间: picker says %q", sp.picker.span.Text)
	}
}
