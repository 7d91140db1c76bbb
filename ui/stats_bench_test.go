package ui

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bulletin/model"
)

// BenchmarkStatsShowYear times what the 统计 screen does on the UI thread
// when the figures of 年报 2026 arrive: the two applies of its background
// queries (statsScreen.show and statsPeriod.show) and the walk a frame of
// the real driver makes over the window (every visible object's MinSize,
// as common.Canvas.EnsureMinSize does). The store's queries run once,
// before the timer. What costs here is the number of rows, bars and
// departments, not of cases: the generated store has the 100,000-case bench
// DB's 5 departments, 9 sources, 9 领域, 6 诉求类型, 10 地域, 4 风险等级 and
// 11 months; depts=40 is a county with forty departments.
func BenchmarkStatsShowYear(b *testing.B) {
	for _, depts := range []int{5, 40} {
		b.Run(fmt.Sprintf("depts=%d", depts), func(b *testing.B) { benchStatsShow(b, depts) })
	}
}

func benchStatsShow(b *testing.B, depts int) {
	s := mustOpenStore(b)
	genStatsCases(b, s, 1200, depts)
	sh, w := newTestShell(b, s)
	test.Tap(sh.navBtns[navStats])
	sh.wait()
	ss := sh.stats
	month, year := figuresOf(b, ss, model.MonthPeriod(2026, 11)), figuresOf(b, ss, model.YearPeriod(2026))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		month.show(ss)
		frame(w.Canvas().Content())
		b.StartTimer()
		year.show(ss)
		frame(w.Canvas().Content())
	}
	b.StopTimer()
	b.ReportMetric(float64(countObjects(w.Canvas().Content())), "objects")
}

// statsFigures are what the two queries of the screen answered for a period.
type statsFigures struct {
	st       *model.Stats
	r        *model.PeriodReport
	from, to time.Time
	now      time.Time
}

// figuresOf chooses period p on the screen and keeps what its queries
// answered.
func figuresOf(tb testing.TB, ss *statsScreen, p model.Period) statsFigures {
	tb.Helper()
	ss.byPeriod.picker.Set(p)
	ss.byPeriod.choose(p)
	ss.wait()
	from, to, err := ss.period()
	if err != nil {
		tb.Fatal(err)
	}
	f := statsFigures{from: from, to: to, now: ss.store.Now()}
	ctx := context.Background()
	if f.st, err = ss.store.FindStats(ctx, model.StatsFilter{From: from, To: to, Now: f.now, AsOf: asOfEnd(to)}); err != nil {
		tb.Fatal(err)
	}
	if f.r, err = ss.store.PeriodReport(ctx, p); err != nil {
		tb.Fatal(err)
	}
	return f
}

// show applies the figures as the screen's two background queries do.
func (f statsFigures) show(ss *statsScreen) {
	ss.show(f.st, f.from, f.to, f.now)
	ss.byPeriod.show(f.r)
}

// frame asks every visible object of the tree for its MinSize, as the
// driver does before it paints a frame.
func frame(o fyne.CanvasObject) {
	if !o.Visible() {
		return
	}
	o.MinSize()
	for _, c := range children(o) {
		frame(c)
	}
}

// children are the objects o draws: a container's, or its renderer's.
func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch t := o.(type) {
	case *fyne.Container:
		return t.Objects
	case fyne.Widget:
		return test.WidgetRenderer(t).Objects()
	}
	return nil
}

// countObjects counts the visible objects of the tree.
func countObjects(o fyne.CanvasObject) int {
	if !o.Visible() {
		return 0
	}
	n := 1
	for _, c := range children(o) {
		n += countObjects(c)
	}
	return n
}

// genStatsCases writes n cases of 2026 spread as the bench DB's: every
// source, 领域, 诉求类型, 地域 and 风险等级, half of them 交办 to one of
// depts departments, a quarter of those replied.
func genStatsCases(tb testing.TB, s *model.Store, n, depts int) {
	tb.Helper()
	ctx := context.Background()
	r := rand.New(rand.NewPCG(2026, 13))
	pick := func(a []string) string { return a[r.IntN(len(a))] }
	towns := []string{"城关镇", "河西镇", "东山乡", "南湖街道", "北塘镇", "西岭乡", "青石镇", "白沙乡", "新华街道", "桃源镇"}
	var names []string
	for i := range depts {
		names = append(names, fmt.Sprintf("县第%d责任单位", i+1))
		if err := s.CreateDepartment(ctx, &model.Department{Name: names[i]}); err != nil {
			tb.Fatal(err)
		}
	}
	s.SetNow(func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local) })
	for i := range n {
		collected := time.Date(2026, 1, 1, 8, 0, 0, 0, time.Local).Add(time.Duration(r.IntN(330*24)) * time.Hour)
		c := &model.Case{Title: fmt.Sprintf("生成的案件 %d", i), Source: pick(model.Sources), Collected: collected,
			Area: pick(towns), Domain: pick(model.Domains), Kind: pick(model.Kinds), Risk: pick(model.RiskLevels)}
		if err := s.CreateCase(ctx, c); err != nil {
			tb.Fatal(err)
		}
		if r.IntN(2) == 0 {
			continue
		}
		at := collected.Add(24 * time.Hour)
		if _, err := s.TransitionCase(ctx, c.ID, model.Transition{Action: model.ActionAssign,
			Departments: []string{names[i%depts]}, Due: model.Day(at.AddDate(0, 0, 10)), At: at}); err != nil {
			tb.Fatal(err)
		}
		if r.IntN(4) == 0 {
			if _, err := s.TransitionCase(ctx, c.ID, model.Transition{Action: model.ActionReply, Reply: "已处理",
				At: at.Add(time.Duration(r.IntN(14*24)) * time.Hour)}); err != nil {
				tb.Fatal(err)
			}
		}
	}
}
