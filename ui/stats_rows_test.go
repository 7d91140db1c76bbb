package ui

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"bulletin/model"
)

// mustBreakdownStore is mustStatsStore with 领域, 诉求类型, 涉及地域 and 风险等级
// on the November cases a (城建 投诉 城关镇 一般) and e (城建 建议 河西乡 较大)
// and on b (交通 投诉 城关镇 一般).
func mustBreakdownStore(t *testing.T) *model.Store {
	t.Helper()
	s := mustStatsStore(t)
	for title, f := range map[string][4]string{
		"幸福小区停车难":  {"城建", "投诉", "城关镇", "一般"},
		"文化公园噪音扰民": {"城建", "建议", "河西乡", "较大"},
		"阳光花园延期交房": {"交通", "投诉", "城关镇", "一般"},
	} {
		cs, _, err := s.FindCases(context.Background(), model.CaseFilter{Query: title})
		if err != nil || len(cs) != 1 {
			t.Fatalf("case %s: %v, %d", title, err, len(cs))
		}
		if _, err := s.UpdateCase(context.Background(), cs[0].ID, model.CaseUpdate{
			Domain: &f[0], Kind: &f[1], Area: &f[2], Risk: &f[3]}); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// statsFor opens the 统计 screen on the shell and chooses period p.
func statsFor(t *testing.T, sh *shell, p model.Period) *statsScreen {
	t.Helper()
	test.Tap(sh.navBtns[navStats])
	sh.wait()
	ss := sh.stats
	ss.byPeriod.picker.Set(p)
	ss.byPeriod.choose(p)
	sh.wait()
	return ss
}

// listed are the titles of the cases the 案件 screen lists, sorted.
func listed(cs *casesScreen) []string {
	var out []string
	for _, c := range cs.pages[0] {
		out = append(out, c.Title)
	}
	sort.Strings(out)
	return out
}

// rowOf finds the drawn row whose first cell is name.
func rowOf(t *testing.T, rows []*tableRow, name string) *tableRow {
	t.Helper()
	for _, r := range rows {
		if r.cells[0] == name {
			return r
		}
	}
	t.Fatalf("no row %q", name)
	return nil
}

// TestStatsRowOpensCases: a tap on a row of the 统计 screen's tables (the
// department table, the 附表, and the tables by 来源, 领域, 诉求类型, 涉及地域,
// 风险等级 and 月份) opens the 案件 screen with that filter and November's
// 收集时间, listing exactly the cases the row counts. The 合计 opens nothing.
func TestStatsRowOpensCases(t *testing.T) {
	s := mustBreakdownStore(t)
	sh, _ := newTestShell(t, s)
	nov := model.MonthPeriod(2026, 11)
	ss := statsFor(t, sh, nov)
	sp := ss.byPeriod
	breakdown := func(name string) []*tableRow {
		for _, b := range sp.breakdowns {
			if b.name == name {
				return b.drawn
			}
		}
		t.Fatalf("no table %s", name)
		return nil
	}
	tests := []struct {
		name  string
		row   func() *tableRow
		count int // the column of the row holding what it counts
		check func(cs *casesScreen) string
		want  []string
	}{
		{"department table 县住建", func() *tableRow { return rowOf(t, ss.deptTable, deptJianshe) }, 1,
			func(cs *casesScreen) string { return cs.dept.Selected + " " + cs.breakdown.label.Text }, []string{"幸福小区停车难"}},
		{"附表 县住建", func() *tableRow { return rowOf(t, sp.tableRows, deptJianshe) }, 1,
			func(cs *casesScreen) string { return cs.dept.Selected + " " + cs.breakdown.label.Text }, []string{"幸福小区停车难"}},
		{"按来源 抖音", func() *tableRow { return rowOf(t, breakdown("按来源"), "抖音") }, 1,
			func(cs *casesScreen) string { return cs.source.Selected }, []string{"文化公园噪音扰民"}},
		{"按领域 城建", func() *tableRow { return rowOf(t, breakdown("按领域"), "城建") }, 1,
			func(cs *casesScreen) string { return cs.breakdown.label.Text }, []string{"幸福小区停车难", "文化公园噪音扰民"}},
		{"按诉求类型 建议", func() *tableRow { return rowOf(t, breakdown("按诉求类型"), "建议") }, 1,
			func(cs *casesScreen) string { return cs.breakdown.label.Text }, []string{"文化公园噪音扰民"}},
		{"按涉及地域 城关镇", func() *tableRow { return rowOf(t, breakdown("按涉及地域"), "城关镇") }, 1,
			func(cs *casesScreen) string { return cs.breakdown.label.Text }, []string{"幸福小区停车难"}},
		{"按风险等级 较大", func() *tableRow { return rowOf(t, breakdown("按风险等级"), "较大") }, 1,
			func(cs *casesScreen) string { return cs.breakdown.label.Text }, []string{"文化公园噪音扰民"}},
		{"按月份 2026-11", func() *tableRow { return rowOf(t, breakdown("按月份"), "2026-11") }, 1,
			func(cs *casesScreen) string { return cs.from.Text() + " " + cs.to.Text() }, []string{"幸福小区停车难", "文化公园噪音扰民"}},
	}
	wantFilter := map[string]string{
		// November still runs on 2026-11-28: the list says as at today, as the tiles do.
		"department table 县住建": deptJianshe + " 另按 截至 2026-11-28 已交办", "附表 县住建": deptJianshe + " 另按 截至 2026-11-28 已交办", "按来源 抖音": "抖音",
		"按领域 城建": "另按 领域：城建", "按诉求类型 建议": "另按 诉求类型：建议", "按涉及地域 城关镇": "另按 涉及地域：城关镇",
		"按风险等级 较大": "另按 风险等级：较大", "按月份 2026-11": "2026-11-01 2026-11-30",
	}
	for _, tt := range tests {
		if sh.current != navStats {
			test.Tap(sh.navBtns[navStats])
			sh.wait()
		}
		r := tt.row()
		counted := r.cells[tt.count]
		test.Tap(r)
		sh.wait()
		cs := sh.cases
		if sh.current != navCases {
			t.Fatalf("%s: a tap stays on %s", tt.name, sh.current)
		}
		if got := tt.check(cs); got != wantFilter[tt.name] {
			t.Errorf("%s: the list shows the filter %q, want %q", tt.name, got, wantFilter[tt.name])
		}
		if got := cs.from.Text() + " " + cs.to.Text(); got != "2026-11-01 2026-11-30" {
			t.Errorf("%s: 收集时间 %q", tt.name, got)
		}
		if got := listed(cs); strconv.Itoa(cs.total) != counted || tt.want != nil && !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: the list holds %d cases %v; the row counts %s %v", tt.name, cs.total, got, counted, tt.want)
		}
	}

	// The 合计 counts no single value: it opens nothing.
	test.Tap(sh.navBtns[navStats])
	sh.wait()
	total := sp.tableRows[len(sp.tableRows)-1]
	if total.cells[0] != "合计" || total.onTap != nil {
		t.Errorf("the 附表's last row %v opens cases", total.cells)
	}
	// 清除条件 drops the 领域 too.
	cs := sh.cases
	cs.breakdown.set(model.CaseFilter{Domain: "城建"})
	cs.onClearFilters()
	sh.wait()
	if cs.breakdown.box.Visible() || cs.total != 6 {
		t.Errorf("after 清除条件 the 领域 line shows %v and %d cases are listed, want hidden and 6", cs.breakdown.box.Visible(), cs.total)
	}
}

// TestStatsPeriodChartOpensCases: a tap on the 城建 bar of 按领域 in the
// 通报口径 part lists its two November cases.
func TestStatsPeriodChartOpensCases(t *testing.T) {
	sh, _ := newTestShell(t, mustBreakdownStore(t))
	ss := statsFor(t, sh, model.MonthPeriod(2026, 11))
	ss.byPeriod.domain.Tapped(&fyne.PointEvent{Position: fyne.NewPos(50, 5)}) // the first bar: 城建, 2
	sh.wait()
	if cs := sh.cases; sh.current != navCases || cs.breakdown.label.Text != "另按 领域：城建" || cs.total != 2 {
		t.Errorf("screen %s, filter %q, %d cases; want 案件, 领域 城建, 2", sh.current, cs.breakdown.label.Text, cs.total)
	}
}

// TestStatsTilesAsAtPeriodEnd: with October chosen, every figure of the
// screen stands as at 2026-10-31, as the 通报 counts it, and says so: the
// tiles equal the 通报口径's figures (c, due 11-01, was not overdue then
// though it is today) and the department table equals the 附表; a row
// lists only the cases assigned by 10-31. With 全部时间 the tiles say they
// stand as at today.
func TestStatsTilesAsAtPeriodEnd(t *testing.T) {
	s := mustStatsStore(t)
	// g: collected in October, assigned to 县住建 only in November.
	g := &model.Case{Title: "十月收集十一月交办", Source: "微博", Collected: day(2026, 10, 28, 9)}
	if err := s.CreateCase(context.Background(), g); err != nil {
		t.Fatal(err)
	}
	if _, err := s.TransitionCase(context.Background(), g.ID, model.Transition{Action: model.ActionAssign,
		Departments: []string{deptJianshe}, Due: day(2026, 12, 5, 0), At: day(2026, 11, 3, 9)}); err != nil {
		t.Fatal(err)
	}
	sh, _ := newTestShell(t, s)
	oct := model.MonthPeriod(2026, 10)
	ss := statsFor(t, sh, oct)
	r, err := s.PeriodReport(context.Background(), oct)
	if err != nil {
		t.Fatal(err)
	}
	h := r.Cur.Handling
	tiles := map[string][2]string{
		"案件总数":  {ss.total.value.Text, strconv.Itoa(r.Cur.Total)},
		"逾期":    {ss.overdue.value.Text, strconv.Itoa(h.OverdueUnreplied)},
		"已办结":   {ss.closed.value.Text, strconv.Itoa(h.Closed)},
		"回复率":   {ss.handling.reply.value.Text, h.ReplyRate().Text()},
		"按期回复率": {ss.rate.value.Text, h.OnTimeRate().Text()},
		"办结率":   {ss.handling.closed.value.Text, h.CloseRate().Text()},
		"满意率":   {ss.handling.satisfied.value.Text, h.SatisfactionRate().Text()},
	}
	for name, v := range tiles {
		if v[0] != v[1] {
			t.Errorf("tile %s %s, the 通报 counts %s", name, v[0], v[1])
		}
	}
	if h.OverdueUnreplied != 0 || ss.overdue.value.Text != "0" {
		t.Errorf("c (due 11-01) counted overdue as at 2026-10-31: %d, tile %s", h.OverdueUnreplied, ss.overdue.value.Text)
	}
	for _, w := range []string{"逾期未回复 " + strconv.Itoa(h.OverdueUnreplied), "按期回复率 " + h.OnTimeRate().Text(), "截至 2026-10-31"} {
		if !strings.Contains(ss.byPeriod.summary.Text, w) {
			t.Errorf("summary %q lacks %q", ss.byPeriod.summary.Text, w)
		}
	}
	if !strings.Contains(ss.asOf.Text, "截至统计期末 2026-10-31") {
		t.Errorf("no label says the tiles stand as at the period's end: %q", ss.asOf.Text)
	}
	// The department table: the 附表's rows with something assigned.
	for _, row := range ss.deptRows[1 : len(ss.deptRows)-1] {
		found := false
		for _, p := range ss.byPeriod.rows {
			if p.Name == row[0] {
				found = true
				if got, want := strings.Join(row[1:5], " "), strings.Join(p.Cells()[1:5], " "); got != want {
					t.Errorf("%s: table %s, 附表 %s", row[0], got, want)
				}
			}
		}
		if !found {
			t.Errorf("%s is in the table but not the 附表", row[0])
		}
	}

	// 县住建's row counts b, not g (assigned after October): its list too.
	row := rowOf(t, ss.deptTable, deptJianshe)
	test.Tap(row)
	sh.wait()
	if cs := sh.cases; row.cells[1] != "1" || cs.total != 1 || listed(cs)[0] != "阳光花园延期交房" || cs.breakdown.label.Text != "另按 截至 2026-10-31 已交办" {
		t.Errorf("县住建 in October: the row counts %s, the list holds %d %v (%q)", row.cells[1], cs.total, listed(cs), cs.breakdown.label.Text)
	}
	test.Tap(sh.navBtns[navStats])
	sh.wait()

	test.Tap(ss.clearBtn)
	ss.wait()
	if !strings.Contains(ss.asOf.Text, "截至今天（2026-11-28）") || ss.overdue.value.Text != "1" {
		t.Errorf("全部时间: %q, 逾期 %s; want as at today and c overdue", ss.asOf.Text, ss.overdue.value.Text)
	}
	// With no period the 通报口径 part shows no figures (October's would disagree with the tiles).
	if ss.byPeriod.content.Visible() || !ss.byPeriod.print.Disabled() {
		t.Errorf("全部时间: October's tables still shown (%v) or printable (%v)", ss.byPeriod.content.Visible(), !ss.byPeriod.print.Disabled())
	}
}

// TestStatsPrint: 打印表格 writes a PDF whose text holds every row of the
// tables shown, each on one line with all its numbers: the 附表 with 合计
// and each breakdown, under the title with the period.
func TestStatsPrint(t *testing.T) {
	sh, _ := newTestShell(t, mustBreakdownStore(t))
	ss := statsFor(t, sh, model.MonthPeriod(2026, 11))
	sp := ss.byPeriod
	files := hookPrinter(t, sp.docs(), t.TempDir())
	if sp.print.Disabled() {
		t.Fatal("打印表格 is disabled with November chosen")
	}
	test.Tap(sp.print)
	sh.wait()
	if len(*files) != 1 || sp.printer.lastExport == "" {
		t.Fatalf("files %v, last export %q", *files, sp.printer.lastExport)
	}
	if !strings.HasSuffix((*files)[0], "统计表_2026-11.pdf") {
		t.Errorf("file name %s", (*files)[0])
	}
	text := pdfLayoutText(t, (*files)[0])
	lines := map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		lines[strings.Join(strings.Fields(l), " ")] = true
	}
	want := []string{"2026年11月舆情和诉求统计表"}
	for _, r := range sp.tableRows[1:] {
		want = append(want, strings.Join(strings.Fields(strings.Join(r.cells, " ")), " ")) // 合计 has no 排名
	}
	for _, b := range sp.breakdowns {
		for _, r := range b.drawn[1:] {
			want = append(want, strings.Join(r.cells, " "))
		}
	}
	for _, w := range want {
		if !lines[w] {
			t.Errorf("the PDF has no line %q:\n%s", w, text)
		}
	}
	if len(want) < 12 {
		t.Errorf("only %d rows checked", len(want))
	}
}

// pdfLayoutText is pdftotext -layout of the file at path.
func pdfLayoutText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// TestStatsXLSXBreakdowns: 导出表格 .xlsx has one sheet per breakdown table
// of the screen, with the same rows and 合计.
func TestStatsXLSXBreakdowns(t *testing.T) {
	sh, _ := newTestShell(t, mustBreakdownStore(t))
	sp := statsFor(t, sh, model.MonthPeriod(2026, 11)).byPeriod
	data, err := statsXLSX(sp.report.Cur, sp.rows)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, b := range sp.breakdowns {
		got, err := f.GetRows(b.name)
		if err != nil {
			t.Fatalf("sheet %s: %v", b.name, err)
		}
		var shown [][]string
		for _, r := range b.drawn[1:] {
			shown = append(shown, r.cells)
		}
		if len(got) < 1 || !reflect.DeepEqual(got[1:], shown) {
			t.Errorf("sheet %s = %v, the screen shows %v", b.name, got, shown)
		}
	}
}
