package ui

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"bulletin/model"
)

const (
	deptJianshe   = "县住房和城乡建设局"
	deptChengguan = "城关镇人民政府"
)

// day is a local date at hour h.
func day(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.Local) }

// mustStatsStore holds six cases in every status, two departments, three
// sources and four months, on 2026-11-28:
//
//	a 2026-11-02 微博  县住建 due 11-10, replied 11-09          已回复, on time
//	b 2026-10-15 微博  县住建 due 10-20, replied 10-25, closed 已办结, late
//	c 2026-10-20 抖音  城关镇 due 11-01, no reply              已交办, overdue
//	d 2026-09-05 12345 both   due 09-10, replied 09-08, closed 已办结, on time
//	e 2026-11-20 抖音                                          待研判
//	f 2025-06-01 微博                                          待研判, before the last 12 months
func mustStatsStore(t *testing.T) *model.Store {
	t.Helper()
	ctx := context.Background()
	s := mustOpenStore(t)
	s.SetNow(func() time.Time { return day(2026, 11, 28, 10) })
	mk := func(title, source string, collected time.Time) int64 {
		c := &model.Case{Title: title, Source: source, Collected: collected}
		if err := s.CreateCase(ctx, c); err != nil {
			t.Fatalf("create %s: %v", title, err)
		}
		return c.ID
	}
	move := func(id int64, tr model.Transition) {
		if _, err := s.TransitionCase(ctx, id, tr); err != nil {
			t.Fatalf("%s case %d: %v", tr.Action, id, err)
		}
	}
	assign := func(id int64, due, at time.Time, depts ...string) {
		move(id, model.Transition{Action: model.ActionAssign, Departments: depts, Due: due, At: at})
	}
	reply := func(id int64, at time.Time) {
		move(id, model.Transition{Action: model.ActionReply, Reply: "已处理", At: at})
	}
	closeCase := func(id int64, at time.Time) { move(id, model.Transition{Action: model.ActionClose, At: at}) }

	a := mk("幸福小区停车难", "微博", day(2026, 11, 2, 9))
	assign(a, day(2026, 11, 10, 0), day(2026, 11, 2, 11), deptJianshe)
	reply(a, day(2026, 11, 9, 16))
	b := mk("阳光花园延期交房", "微博", day(2026, 10, 15, 9))
	assign(b, day(2026, 10, 20, 0), day(2026, 10, 15, 11), deptJianshe)
	reply(b, day(2026, 10, 25, 16))
	closeCase(b, day(2026, 10, 26, 9))
	c := mk("滨河路路灯不亮", "抖音", day(2026, 10, 20, 9))
	assign(c, day(2026, 11, 1, 0), day(2026, 10, 20, 11), deptChengguan)
	d := mk("农贸市场占道经营", "12345", day(2026, 9, 5, 9))
	assign(d, day(2026, 9, 10, 0), day(2026, 9, 5, 11), deptJianshe, deptChengguan)
	reply(d, day(2026, 9, 8, 16))
	closeCase(d, day(2026, 9, 9, 9))
	mk("文化公园噪音扰民", "抖音", day(2026, 11, 20, 9))
	mk("去年的旧案件", "微博", day(2025, 6, 1, 9))
	return s
}

// openStats shows the 统计 screen and waits for its figures.
func openStats(t *testing.T, s *model.Store) *statsScreen {
	t.Helper()
	sh, _ := newTestShell(t, s)
	test.Tap(sh.navBtns[navStats])
	sh.stats.wait()
	return sh.stats
}

// tileValues reads the tiles 案件总数, 待研判, 办理中, 已办结, 逾期 and 按期回复率.
func tileValues(ss *statsScreen) []string {
	var out []string
	for _, t := range []*statTile{ss.total, ss.pending, ss.working, ss.closed, ss.overdue, ss.rate} {
		out = append(out, t.value.Text)
	}
	return out
}

// barText writes bars as "label:N" (label/sub when there is a sub label).
func barText(bars []chartBar) []string {
	var out []string
	for _, b := range bars {
		label := b.Label
		if b.Sub != "" {
			label += "/" + b.Sub
		}
		out = append(out, fmt.Sprintf("%s:%d", label, b.N))
	}
	return out
}

func TestStatsScreen(t *testing.T) {
	ss := openStats(t, mustStatsStore(t))
	if got, want := tileValues(ss), []string{"6", "2", "2", "2", "1", "50.0%"}; !reflect.DeepEqual(got, want) {
		t.Errorf("tiles = %v, want %v", got, want)
	}
	// 按期回复率 is on time ÷ (replied + overdue unanswered), each case once:
	// a, d of a, b, d, and c, overdue; not 2 of the 3 replies (66.7%), and
	// not d twice for its two departments (60.0%).
	if got, want := ss.rate.note.Text, "按期 2 / 应回复 4"; got != want {
		t.Errorf("rate tile says %q, want %q", got, want)
	}
	// The rates of DOCUMENTS.md §5; the average working days from 交办 to
	// 回复 are a 5, b 6 (10-15 → 10-25), d 2 (a Saturday → Tuesday): 13/3.
	h := ss.handling
	for _, tile := range []struct {
		name        string
		tile        *statTile
		value, note string
	}{
		{"回复率", h.reply, "75.0%", "已回复 3 / 已交办 4"},
		{"办结率", h.closed, "50.0%", "已办结 2 / 已交办 4"},
		{"满意率", h.satisfied, "—", "尚无已回访的案件"},
		{"平均回复用时", h.avgDays, "4.3", "个工作日（交办至回复）"},
		{"逾期回复", h.late, "1", "超过时限才回复"},
		{"延期", ss.extended, "0", "时限延长过的案件"},
	} {
		if tile.tile.value.Text != tile.value || tile.tile.note.Text != tile.note {
			t.Errorf("%s tile %q %q, want %q %q", tile.name, tile.tile.value.Text, tile.tile.note.Text, tile.value, tile.note)
		}
	}
	if got, want := barText(ss.byKind.bars), []string{"（未填）:6"}; !reflect.DeepEqual(got, want) {
		t.Errorf("kind chart = %v, want %v", got, want)
	}
	if got, want := barText(ss.bySentiment.bars), []string{"正面:0", "中性:0", "负面:0", "未标注:6"}; !reflect.DeepEqual(got, want) {
		t.Errorf("sentiment chart = %v, want %v", got, want)
	}
	if !strings.Contains(ss.rateDef.Text, "按期回复 ÷（已回复 + 逾期未回复）") {
		t.Errorf("the note under the table %q does not define the rate", ss.rateDef.Text)
	}
	if ss.body.Objects[0] != ss.charts {
		t.Fatal("the charts are not shown for six cases")
	}
	charts := []struct {
		name  string
		chart *barChart
		want  []string
	}{
		{"status", ss.byStatus, []string{"待研判:2", "已交办:1", "已回复:1", "已办结:2"}},
		{"source", ss.bySource, []string{"微博:3", "抖音:2", "12345:1"}},
		{"department", ss.byDept, []string{deptJianshe + ":3", deptChengguan + ":2"}},
		// The whole range: the case of 2025-06 is not dropped (it was, with at most 12 months).
		{"month", ss.byMonth, []string{"6月/2025:1", "7月:0", "8月:0", "9月:0", "10月:0", "11月:0", "12月:0", "1月/2026:0", "2月:0", "3月:0", "4月:0", "5月:0",
			"6月:0", "7月:0", "8月:0", "9月:1", "10月:2", "11月:2"}},
	}
	for _, c := range charts {
		if got := barText(c.chart.bars); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s chart = %v, want %v", c.name, got, c.want)
		}
	}
	if got := ss.monthTitle.Text; got != "按月份（2025-06 至 2026-11，共 18 个月）" {
		t.Errorf("month chart title %q", got)
	}
	wantRows := [][]string{
		{"责任单位", "交办数", "已回复", "按期回复", "逾期未回复", "按期回复率"},
		{deptJianshe, "3", "3", "2", "0", "66.7%"},
		{deptChengguan, "2", "1", "1", "1", "50.0%"},
		{"合计", "4", "3", "2", "1", "50.0%"}, // d once, though it has two departments
	}
	if !reflect.DeepEqual(ss.deptRows, wantRows) {
		t.Errorf("department table = %v, want %v", ss.deptRows, wantRows)
	}
	if len(ss.table.Objects) != len(wantRows) {
		t.Errorf("table draws %d rows, want %d", len(ss.table.Objects), len(wantRows))
	}
}

// A period typed in the dates and 刷新 counts only its cases; the month chart
// starts at its first month.
func TestStatsPeriod(t *testing.T) {
	ss := openStats(t, mustStatsStore(t))
	ss.from.SetText("2026-10-01")
	ss.to.SetText("2026/10/31")
	test.Tap(ss.refreshBtn)
	ss.wait()
	// As at October's end, as the 通报 counts it: c (due 11-01) was not yet
	// overdue on 10-31, though it is on 11-28.
	if got, want := tileValues(ss), []string{"2", "0", "1", "1", "0", "0.0%"}; !reflect.DeepEqual(got, want) {
		t.Errorf("tiles for October = %v, want %v", got, want)
	}
	if !strings.Contains(ss.asOf.Text, "截至统计期末 2026-10-31") {
		t.Errorf("the tiles do not say they stand as at 2026-10-31: %q", ss.asOf.Text)
	}
	if got, want := barText(ss.byMonth.bars), []string{"10月/2026:2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("month chart for October = %v, want %v", got, want)
	}
	if !strings.Contains(ss.scope.Text, "2026-10-01 至 2026-10-31") {
		t.Errorf("scope %q does not name the period", ss.scope.Text)
	}

	ss.from.SetText("2027-01-01")
	ss.to.SetText("")
	test.Tap(ss.refreshBtn)
	ss.wait()
	if ss.body.Objects[0] == ss.charts || !strings.Contains(ss.empty.Text, "所选时间段内没有") {
		t.Errorf("an empty period shows charts (message %q)", ss.empty.Text)
	}

	test.Tap(ss.clearBtn)
	ss.wait()
	if got := ss.total.value.Text; got != "6" || ss.from.Text() != "" {
		t.Errorf("全部时间 counts %s cases with 开始日期 %q, want 6 and empty", got, ss.from.Text())
	}
}

// A wrong date is explained on 刷新 and the figures stay.
func TestStatsBadDate(t *testing.T) {
	s := mustStatsStore(t)
	sh, w := newTestShell(t, s)
	test.Tap(sh.navBtns[navStats])
	ss := sh.stats
	ss.wait()
	ss.from.SetText("2026-13-01")
	test.Tap(ss.refreshBtn)
	ss.wait()
	if !dialogShowing(w) {
		t.Error("no message for the date 2026-13-01")
	}
	if got := ss.total.value.Text; got != "6" {
		t.Errorf("total %s after a wrong date, want the 6 shown before", got)
	}
}

// An empty database says 暂无数据 with what to do, not empty axes.
func TestStatsEmpty(t *testing.T) {
	ss := openStats(t, mustOpenStore(t))
	if got, want := tileValues(ss), []string{"0", "0", "0", "0", "0", "—"}; !reflect.DeepEqual(got, want) {
		t.Errorf("tiles = %v, want %v", got, want)
	}
	if got := ss.rate.note.Text; got != "尚无应回复的案件" {
		t.Errorf("rate tile says %q with no case", got)
	}
	if ss.body.Objects[0] == ss.charts {
		t.Error("the charts are shown for an empty database")
	}
	if !strings.Contains(ss.empty.Text, "还没有登记任何案件") {
		t.Errorf("empty message %q", ss.empty.Text)
	}
}

func TestStatsDepartmentBars(t *testing.T) {
	var ds []model.DepartmentStats
	for i := 1; i <= 13; i++ {
		ds = append(ds, model.DepartmentStats{Name: fmt.Sprintf("单位%02d", i), Assigned: i})
	}
	tests := []struct {
		name string
		top  int
		want []string
	}{
		{"all fit", 13, nil},
		{"top 10 and the rest", 10, []string{"单位13:13", "单位12:12", "单位11:11", "单位10:10", "单位09:9",
			"单位08:8", "单位07:7", "单位06:6", "单位05:5", "单位04:4", "其他 3 个单位:6"}},
	}
	for _, tt := range tests {
		got := barText(departmentBars(ds, tt.top))
		if tt.want == nil {
			if len(got) != 13 || got[0] != "单位13:13" || got[12] != "单位01:1" {
				t.Errorf("%s: %v", tt.name, got)
			}
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: departmentBars(top %d) = %v, want %v", tt.name, tt.top, got, tt.want)
		}
	}
}

func TestStatsMonthBars(t *testing.T) {
	counts := []model.Count{{Label: "2025-12", N: 4}, {Label: "2026-01", N: 2}, {Label: "2026-03", N: 1}}
	now := day(2026, 3, 15, 9)
	tests := []struct {
		name     string
		from, to time.Time
		want     []string
	}{
		{"open period: the last 12 months", time.Time{}, time.Time{}, []string{"4月/2025:0", "5月:0", "6月:0",
			"7月:0", "8月:0", "9月:0", "10月:0", "11月:0", "12月:4", "1月/2026:2", "2月:0", "3月:1"}},
		{"a short period", day(2025, 12, 10, 0), day(2026, 2, 1, 0), []string{"12月/2025:4", "1月/2026:2", "2月:0"}},
		{"start after the end", day(2026, 5, 1, 0), day(2026, 1, 1, 0), []string{"1月/2026:2"}},
	}
	for _, tt := range tests {
		_, bars := monthBars(counts, tt.from, tt.to, now)
		if got := barText(bars); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: monthBars(%v, %v) = %v, want %v", tt.name, tt.from, tt.to, got, tt.want)
		}
	}
}

// A department whose cases are all within their time limit has no rate yet;
// an overdue unanswered case counts as late.
func TestStatsRateText(t *testing.T) {
	tests := []struct {
		name string
		d    model.DepartmentStats
		want string
	}{
		{"nothing due yet", model.DepartmentStats{Assigned: 2}, "—"},
		{"one on time, one overdue, one within its limit", model.DepartmentStats{Assigned: 3, Replied: 1, OnTime: 1, Overdue: 1}, "50.0%"},
		{"all overdue", model.DepartmentStats{Assigned: 2, Overdue: 2}, "0.0%"},
		{"two of three on time", model.DepartmentStats{Assigned: 3, Replied: 3, OnTime: 2}, "66.7%"},
	}
	for _, tt := range tests {
		if got := rateText(tt.d); got != tt.want {
			t.Errorf("%s: rateText(%+v) = %q, want %q", tt.name, tt.d, got, tt.want)
		}
	}
}

// A 延期 is counted, and the tile gives the rate against the 原定时限.
func TestStatsExtended(t *testing.T) {
	s := mustStatsStore(t)
	cs, _, err := s.FindCases(context.Background(), model.CaseFilter{Query: "滨河路"})
	if err != nil || len(cs) != 1 {
		t.Fatalf("case c: %v, %d", err, len(cs))
	}
	// c, due 11-01 and unanswered, is extended to 11-20, as far as 15 working
	// days allow: overdue against either 时限 on 11-28, so the two rates agree.
	if _, err := s.TransitionCase(context.Background(), cs[0].ID, model.Transition{Action: model.ActionExtend,
		Due: day(2026, 11, 20, 0), Note: "涉及电力改造"}); err != nil {
		t.Fatal(err)
	}
	ss := openStats(t, s)
	if ss.extended.value.Text != "1" || ss.extended.note.Text != "按原定时限，按期回复率 50.0%" {
		t.Errorf("延期 tile %q %q", ss.extended.value.Text, ss.extended.note.Text)
	}
}
