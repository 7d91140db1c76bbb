package model

import (
	"context"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.ParseInLocation(DateLayout, s, time.Local)
	if err != nil {
		panic(err)
	}
	return t
}

// mustCalendar opens a fresh store and reads its seeded calendar.
func mustCalendar(tb testing.TB) (*Store, *Calendar) {
	tb.Helper()
	s := MustOpenStore(tb)
	cal, err := s.Calendar(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return s, cal
}

// Every 2026 holiday and 调休 day of DEADLINES.md, the weekends around them, and
// the year's count of 248 working days.
func TestCalendar2026(t *testing.T) {
	_, cal := mustCalendar(t)
	offs := []string{"2026-01-01", "2026-01-02", "2026-01-03", "2026-02-15", "2026-02-16", "2026-02-17",
		"2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23", "2026-04-04",
		"2026-04-05", "2026-04-06", "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05",
		"2026-06-19", "2026-06-20", "2026-06-21", "2026-09-25", "2026-09-26", "2026-09-27", "2026-10-01",
		"2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07",
		"2026-11-28", "2026-11-29"} // a plain weekend
	works := []string{"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
		"2026-12-01", "2026-10-09", "2026-02-24"}
	for _, d := range offs {
		if cal.IsWorkday(day(d)) {
			t.Errorf("%s is a working day, want off", d)
		}
	}
	for _, d := range works {
		if !cal.IsWorkday(day(d)) {
			t.Errorf("%s is off, want a working day", d)
		}
	}
	if n := cal.WorkdaysInYear(2026); n != 248 {
		t.Errorf("2026 has %d working days, want 248", n)
	}
	// 2025: 261 weekdays, 18 of them off, 5 weekend days worked.
	if n := cal.WorkdaysInYear(2025); n != 248 {
		t.Errorf("2025 has %d working days, want 248", n)
	}
}

func TestAddWorkdays(t *testing.T) {
	_, cal := mustCalendar(t)
	tests := []struct {
		name string
		from string
		n    int
		next bool
		want string
	}{
		{"worked example: 中秋 and 国庆", "2026-09-24", 5, true, "2026-10-09"},
		{"worked example: 调休 Saturday counts", "2026-02-13", 2, true, "2026-02-24"},
		{"worked example: 劳动节", "2026-04-30", 15, true, "2026-05-25"},
		{"N = 0 is the day itself", "2026-10-01", 0, true, "2026-10-01"},
		{"N = 1 from the next day over a weekend", "2026-11-27", 1, true, "2026-11-30"},
		{"N = 1 the same day, on a working day", "2026-11-27", 1, false, "2026-11-27"},
		{"N = 1 the same day, on a holiday", "2026-10-01", 1, false, "2026-10-08"},
		{"N = 30 across the year end and 元旦 2027", "2026-12-15", 30, true, "2027-01-27"},
		{"year end into 元旦 2027", "2026-12-31", 1, true, "2027-01-04"},
		{"a year without rows counts weekends only", "2028-09-29", 3, true, "2028-10-04"},
	}
	for _, tt := range tests {
		got := cal.AddWorkdays(day(tt.from), tt.n, tt.next)
		if got.Format(DateLayout) != tt.want {
			t.Errorf("%s: %s + %d (next day %v) = %s, want %s", tt.name, tt.from, tt.n, tt.next, got.Format(DateLayout), tt.want)
		}
		// Consistency: the n-th working day after from is n working days after it.
		if tt.next && tt.n > 0 {
			if k := cal.WorkdaysAfter(day(tt.from), got); k != tt.n {
				t.Errorf("%s: WorkdaysAfter(%s, %s) = %d, want %d", tt.name, tt.from, tt.want, k, tt.n)
			}
		}
	}
	// A time of day does not change the date counted from.
	if got := cal.AddWorkdays(time.Date(2026, 9, 24, 17, 45, 0, 0, time.Local), 5, true); !got.Equal(day("2026-10-09")) {
		t.Errorf("from 2026-09-24 17:45 + 5 = %v, want 2026-10-09 00:00", got)
	}
}

func TestWorkdaysAfterAndMissingYear(t *testing.T) {
	_, cal := mustCalendar(t)
	tests := []struct {
		from, to string
		want     int
	}{
		{"2026-09-30", "2026-10-08", 1}, // 国庆 off, 10-08 is the first day late
		{"2026-09-30", "2026-10-10", 3}, // 10-08, 10-09 and 10-10 (班)
		{"2026-12-01", "2026-12-01", 0}, // due today is not late
		{"2026-12-02", "2026-12-01", 0}, // due tomorrow
		{"2026-12-31", "2027-01-04", 1}, // 元旦 2027 off
		{"2026-11-27", "2026-11-30", 1}, // over a weekend
	}
	for _, tt := range tests {
		if got := cal.WorkdaysAfter(day(tt.from), day(tt.to)); got != tt.want {
			t.Errorf("WorkdaysAfter(%s, %s) = %d, want %d", tt.from, tt.to, got, tt.want)
		}
	}
	if note := cal.MissingYearNote(day("2028-03-01")); note != "2028年的节假日尚未录入，时限按周末计算" {
		t.Errorf("note for 2028: %q", note)
	}
	if note := cal.MissingYearNote(day("2026-03-01")); note != "" {
		t.Errorf("note for 2026: %q, want none", note)
	}
}

func TestHolidayTableEditAndImport(t *testing.T) {
	s, _ := mustCalendar(t)
	ctx := context.Background()
	if err := s.SaveHoliday(ctx, &Holiday{Date: day("2028-01-01"), Kind: DayOff, Name: "元旦"}); err != nil {
		t.Fatal(err)
	}
	err := s.SaveHoliday(ctx, &Holiday{Date: day("2028-01-02"), Kind: "放假"})
	if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "休") {
		t.Errorf("a bad kind: %v, want a message naming 休 and 班", err)
	}
	n, err := s.ImportHolidays(ctx, strings.NewReader("\ufeff日期,类型,名称\n2028-01-26,休,春节\n2028/01/29,班,春节\n"))
	if err != nil || n != 2 {
		t.Fatalf("import: %d, %v", n, err)
	}
	_, err = s.ImportHolidays(ctx, strings.NewReader("2028-05-01,休,劳动节\n2028-13-01,休,坏日期\n"))
	if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "第 2 行") {
		t.Errorf("a bad row: %v, want a message naming line 2", err)
	}
	rows, err := s.FindHolidays(ctx, 2028)
	if err != nil || len(rows) != 3 {
		t.Fatalf("2028 rows: %d, %v; want 3 (nothing of the rejected file)", len(rows), err)
	}
	cal, _ := s.Calendar(ctx)
	if cal.IsWorkday(day("2028-01-26")) || !cal.IsWorkday(day("2028-01-29")) || !cal.HasYear(2028) {
		t.Error("the imported rows are not in the calendar")
	}
	if err := s.DeleteHoliday(ctx, day("2028-01-29")); err != nil {
		t.Fatal(err)
	}
	if cal, _ := s.Calendar(ctx); cal.IsWorkday(day("2028-01-29")) {
		t.Error("2028-01-29 (a Saturday) still worked after its row was deleted")
	}
}

func TestDeadlineRules(t *testing.T) {
	s, cal := mustCalendar(t)
	ctx := context.Background()
	rules, err := s.FindDeadlineRules(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		kind, risk string
		assigned   string
		want       string
	}{
		{"咨询", "一般", "2026-02-13", "2026-02-24"},
		{"投诉", "", "2026-04-30", "2026-05-25"},
		{"舆情", "一般", "2026-11-27", "2026-11-30"},
		{"舆情", "重大", "2026-11-27", "2026-11-27"},
		{"舆情", "特别重大", "2026-10-01", "2026-10-08"},
	}
	for _, tt := range tests {
		r := RuleFor(rules, tt.kind, tt.risk)
		if r == nil {
			t.Errorf("no rule for %s/%s", tt.kind, tt.risk)
			continue
		}
		if got := r.Due(cal, day(tt.assigned)).Format(DateLayout); got != tt.want {
			t.Errorf("%s: assigned %s → %s, want %s", r.Describe(), tt.assigned, got, tt.want)
		}
	}
	if RuleFor(rules, "其他", "") != nil {
		t.Error("a rule for an unknown kind")
	}
	err = s.SaveDeadlineRule(ctx, &DeadlineRule{Kind: "投诉", Days: 5, FromNextDay: true, MaxExtension: 5})
	if ErrorCode(err) != ECONFLICT || !strings.Contains(ErrorMessage(err), "投诉") {
		t.Errorf("a second rule for 投诉: %v, want a conflict naming it", err)
	}
	r := RuleFor(rules, "投诉", "")
	r.Days = 7
	if err := s.SaveDeadlineRule(ctx, r); err != nil {
		t.Fatal(err)
	}
	rules, _ = s.FindDeadlineRules(ctx)
	if got := RuleFor(rules, "投诉", "较大"); got == nil || got.Days != 7 {
		t.Errorf("after editing, 投诉 gives %+v, want 7 days", got)
	}
}

func BenchmarkAddWorkdays(b *testing.B) {
	_, cal := mustCalendar(b)
	from := day("2026-09-24")
	for b.Loop() {
		cal.AddWorkdays(from, 15, true)
	}
}

func TestDueStateAndFilter(t *testing.T) {
	s, cal := mustCalendar(t)
	ctx := context.Background()
	now := time.Date(2026, 9, 30, 10, 0, 0, 0, time.Local)  // Wed, before 国庆
	clock := time.Date(2026, 9, 20, 9, 0, 0, 0, time.Local) // when the cases were assigned
	s.SetNow(func() time.Time { return clock })
	mk := func(title, due string) *Case {
		c := &Case{Title: title, Source: "微博", Collected: now}
		if err := s.CreateCase(ctx, c); err != nil {
			t.Fatal(err)
		}
		if due != "" {
			var err error
			c, err = s.TransitionCase(ctx, c.ID, Transition{Action: ActionAssign, Departments: []string{"县住房和城乡建设局"}, Due: day(due)})
			if err != nil {
				t.Fatal(err)
			}
		}
		return c
	}
	if err := s.CreateDepartment(ctx, &Department{Name: "县住房和城乡建设局"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		title, due string
		want       string
	}{
		{"今天到期", "2026-09-30", "即将到期"},
		{"下一个工作日到期", "2026-10-08", "即将到期"}, // 国庆 in between
		{"以后到期", "2026-10-09", ""},
		{"昨天到期", "2026-09-29", "逾期 1 个工作日"},
		{"中秋前到期", "2026-09-24", "逾期 3 个工作日"}, // 9-25..27 off: 9-28, 9-29, 9-30
		{"未交办", "", ""},
	}
	for _, tt := range tests {
		c := mk(tt.title, tt.due)
		if got := c.DueLabel(cal, now); got != tt.want {
			t.Errorf("%s (due %s): %q, want %q", tt.title, tt.due, got, tt.want)
		}
	}
	clock = now
	soon, n, err := s.FindCases(ctx, CaseFilter{DueSoon: true, Sort: SortNumber})
	if err != nil || n != 2 || soon[0].Title != "今天到期" || soon[1].Title != "下一个工作日到期" {
		t.Errorf("即将到期 filter: %d cases %v, %v; want 今天到期 and 下一个工作日到期", n, titles(soon), err)
	}
	late, n, _ := s.FindCases(ctx, CaseFilter{Overdue: true})
	if n != 2 {
		t.Errorf("逾期 filter: %d cases %v, want 2", n, titles(late))
	}
}

// BenchmarkListDueSoon is the 即将到期 filter's first page over the benchmark
// database, on a day some assigned cases fall due.
func BenchmarkListDueSoon(b *testing.B) {
	s := MustOpenStoreAt(b, benchDB(b))
	cs, _, err := s.FindCases(context.Background(), CaseFilter{Status: StatusAssigned, Limit: 1, Sort: SortDue, Desc: true})
	if err != nil || len(cs) == 0 {
		b.Fatalf("no assigned case to date the benchmark: %v", err)
	}
	s.Close()
	benchSearch(b, CaseFilter{DueSoon: true, Now: cs[0].Due})
}
