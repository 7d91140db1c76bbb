package model

import (
	"context"
	"reflect"
	"testing"
	"time"
)

// searchFixture stores a few cases with known texts and returns their numbers
// by a short name.
func searchFixture(tb testing.TB, s *Store) map[string]*Case {
	tb.Helper()
	ctx := context.Background()
	cs := map[string]*Case{}
	add := func(key string, c Case) {
		cs[key] = mustCreateCase(tb, s, c)
	}
	add("elevator", Case{Title: "幸福里小区电梯停运", Source: "人民网领导留言板", Content: "3号楼电梯停运两个月，老人上下楼困难。",
		Collected: date(2026, 11, 20).Add(9 * time.Hour)})
	add("water", Case{Title: "城南路积水", Source: "微博", Summary: "暴雨后道路积水严重", Poster: "城南小王",
		Collected: date(2026, 11, 25).Add(10 * time.Hour)})
	add("school", Case{Title: "学校周边交通拥堵", Source: "微博", Content: "上学高峰期 5G 信号差，Wi-Fi 也连不上",
		Collected: date(2026, 11, 27).Add(8 * time.Hour)})
	add("rare", Case{Title: "𠮷字姓名无法办证", Source: "12345", Content: "户籍系统打不出䶮字 😀",
		Collected: date(2026, 11, 28).Add(8 * time.Hour)})
	// One assigned with a past due date (overdue), one replied.
	if _, err := s.TransitionCase(ctx, cs["elevator"].ID, Transition{Action: ActionAssign,
		Departments: []string{"县住建局", "城关镇"}, Due: date(2026, 11, 25), At: date(2026, 11, 21)}); err != nil {
		tb.Fatal(err)
	}
	if _, err := s.TransitionCase(ctx, cs["water"].ID, Transition{Action: ActionAssign,
		Departments: []string{"县城管局"}, Due: date(2026, 12, 5), At: date(2026, 11, 26)}); err != nil {
		tb.Fatal(err)
	}
	if _, err := s.TransitionCase(ctx, cs["water"].ID, Transition{Action: ActionReply, Reply: "已组织抽排，积水消除",
		At: date(2026, 11, 27)}); err != nil {
		tb.Fatal(err)
	}
	return cs
}

// titles returns the titles of cs in order.
func titles(cs []*Case) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.Title)
	}
	return out
}

func TestFindCasesSearch(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	fx := searchFixture(t, s)
	for _, tc := range []struct {
		name  string
		query string
		want  []string // titles in number order
	}{
		{"1 char", "梯", []string{fx["elevator"].Title}},
		{"1 char many", "积", []string{fx["water"].Title}},
		{"1 char last of text", "难", []string{fx["elevator"].Title}}, // 困难。: 难 before punctuation
		{"1 char end of title", "堵", []string{fx["school"].Title}},
		{"2 chars", "电梯", []string{fx["elevator"].Title}},
		{"2 chars in reply", "抽排", []string{fx["water"].Title}},
		{"2 chars in poster", "小王", []string{fx["water"].Title}},
		{"2 chars in summary", "暴雨", []string{fx["water"].Title}},
		{"2 chars across cases", "小区", []string{fx["elevator"].Title}},
		{"3 chars", "停运两", []string{fx["elevator"].Title}},
		{"4 chars", "交通拥堵", []string{fx["school"].Title}},
		{"long phrase", "老人上下楼困难", []string{fx["elevator"].Title}},
		{"latin case-insensitive", "wi-fi", []string{fx["school"].Title}},
		{"latin 2 chars", "5g", []string{fx["school"].Title}},
		{"ext-b 1 char", "𠮷", []string{fx["rare"].Title}},
		{"ext-a 1 char", "䶮", []string{fx["rare"].Title}},
		{"emoji", "😀", []string{fx["rare"].Title}},
		{"number", "2026-0002", []string{fx["water"].Title}},
		{"number 2 chars", "03", []string{fx["school"].Title}},
		{"quote in query", `"电梯`, []string{}},
		{"no match 2", "高铁", []string{}},
		{"no match 3", "高铁站", []string{}},
		{"not across fields", "运3", []string{}},
		{"spaces trimmed", "  电梯 ", []string{fx["elevator"].Title}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs, n, err := s.FindCases(ctx, CaseFilter{Query: tc.query})
			if err != nil {
				t.Fatalf("FindCases(%q): %v", tc.query, err)
			}
			if got := titles(cs); !reflect.DeepEqual(got, tc.want) || n != len(tc.want) {
				t.Errorf("FindCases(%q) = %v (total %d), want %v", tc.query, got, n, tc.want)
			}
		})
	}
}

func TestFindCasesFilters(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	fx := searchFixture(t, s)
	e, w, sc, r := fx["elevator"].Title, fx["water"].Title, fx["school"].Title, fx["rare"].Title
	for _, tc := range []struct {
		name string
		f    CaseFilter
		want []string
	}{
		{"all, number order", CaseFilter{}, []string{e, w, sc, r}},
		{"number desc", CaseFilter{Desc: true}, []string{r, sc, w, e}},
		{"status", CaseFilter{Status: StatusReplied}, []string{w}},
		{"department", CaseFilter{Department: "城关镇"}, []string{e}},
		{"source", CaseFilter{Source: "微博"}, []string{w, sc}},
		{"source and query", CaseFilter{Source: "微博", Query: "积水"}, []string{w}},
		{"date range inclusive", CaseFilter{From: date(2026, 11, 25), To: date(2026, 11, 27)}, []string{w, sc}},
		{"from only", CaseFilter{From: date(2026, 11, 28)}, []string{r}},
		{"overdue", CaseFilter{Overdue: true, Now: testNow}, []string{e}},
		{"overdue before due", CaseFilter{Overdue: true, Now: date(2026, 11, 25)}, []string{}},
		{"sort by collected desc", CaseFilter{Sort: SortCollected, Desc: true}, []string{r, sc, w, e}},
		{"sort by due, none last", CaseFilter{Sort: SortDue}, []string{e, w, sc, r}},
		{"sort by status", CaseFilter{Sort: SortStatus}, []string{sc, r, e, w}},
		{"page", CaseFilter{Offset: 1, Limit: 2}, []string{w, sc}},
		{"query and department, no match", CaseFilter{Query: "电梯", Department: "县城管局"}, []string{}},
		{"query only, desc page", CaseFilter{Query: "2026-", Desc: true, Offset: 1, Limit: 2}, []string{sc, w}},
		{"query only, 2 chars, desc", CaseFilter{Query: "20", Desc: true}, []string{r, sc, w, e}},
		{"query only, by collected", CaseFilter{Query: "2026", Sort: SortCollected, Desc: true}, []string{r, sc, w, e}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs, _, err := s.FindCases(ctx, tc.f)
			if err != nil {
				t.Fatalf("FindCases(%+v): %v", tc.f, err)
			}
			if got := titles(cs); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("FindCases(%+v) = %v, want %v", tc.f, got, tc.want)
			}
		})
	}
	// The total counts every match, not just the page; Brief leaves long texts out.
	cs, n, err := s.FindCases(ctx, CaseFilter{Limit: 1, Brief: true})
	if err != nil || n != 4 || len(cs) != 1 {
		t.Fatalf("page of 1: %d cases, total %d, %v; want 1 of 4", len(cs), n, err)
	}
	if cs[0].Content != "" || !reflect.DeepEqual(cs[0].Departments, []string{"县住建局", "城关镇"}) {
		t.Errorf("brief case: content %q, departments %v; want no content, departments loaded", cs[0].Content, cs[0].Departments)
	}
}

func TestSearchFollowsEdits(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	c := mustCreateCase(t, s, Case{Title: "路灯不亮"})
	find := func(q string) int {
		t.Helper()
		_, n, err := s.FindCases(ctx, CaseFilter{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	title := "井盖缺失"
	if _, err := s.UpdateCase(ctx, c.ID, CaseUpdate{Title: &title}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"路灯": 0, "路灯不": 0, "灯": 0, "井盖": 1, "井盖缺": 1, "缺": 1} {
		if got := find(q); got != want {
			t.Errorf("after title change, %q finds %d, want %d", q, got, want)
		}
	}
	if _, err := s.TransitionCase(ctx, c.ID, transitionFor(ActionAssign)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.TransitionCase(ctx, c.ID, Transition{Action: ActionReply, Reply: "已补装井盖"}); err != nil {
		t.Fatal(err)
	}
	if got := find("补装"); got != 1 {
		t.Errorf("reply text: %q finds %d, want 1", "补装", got)
	}
	if err := s.DeleteCase(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"井", "井盖", "井盖缺"} {
		if got := find(q); got != 0 {
			t.Errorf("after delete, %q finds %d, want 0", q, got)
		}
	}
	rep, err := s.Check(ctx)
	if err != nil || !rep.OK() {
		t.Errorf("Check after edits: %v %v", rep.Problems, err)
	}
}

func TestBigramDoc(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{[]string{"舆情专报"}, "舆情 情专 专报 报"},
		{[]string{"a b", "𠮷😀"}, "a b 𠮷😀 😀"},
		{[]string{"", "　全角 空格"}, "全角 角 空格 格"},
	} {
		if got := bigramDoc(tc.in); got != tc.want {
			t.Errorf("bigramDoc(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
