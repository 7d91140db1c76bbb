package model

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"
)

// mustCreateCase stores c (a copy) and returns it as stored.
func mustCreateCase(tb testing.TB, s *Store, c Case) *Case {
	tb.Helper()
	if err := s.CreateCase(context.Background(), &c); err != nil {
		tb.Fatalf("CreateCase(%q): %v", c.Title, err)
	}
	return &c
}

// date returns local midnight of a day.
func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.Local) }

func TestCaseCRUD(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	in := Case{
		Title: "某小区电梯长期停运", Source: "人民网领导留言板", URL: "https://liuyan.people.com.cn/threads/1",
		Poster: "幸福里业主", Posted: time.Date(2026, 11, 27, 20, 15, 0, 0, time.Local),
		Collected: time.Date(2026, 11, 28, 8, 0, 0, 0, time.Local), Area: "城关镇", Domain: "城建",
		Kind: "投诉", Risk: "较大", Spread: "阅读 1.2 万，转发 86", Content: "小区 3 号楼电梯停运两个月……",
		Summary: "电梯停运", Assessment: "易引发聚集", Proposal: "责成住建局督促物业", Departments: []string{"县住建局", "城关镇"},
		Remarks: "备注",
	}
	c := mustCreateCase(t, s, in)
	if c.ID == 0 || c.Number != "2026-0001" || c.Status != StatusPending {
		t.Fatalf("created: id %d number %q status %q; want id, 2026-0001, 待研判", c.ID, c.Number, c.Status)
	}
	got, err := s.FindCaseByID(ctx, c.ID)
	if err != nil {
		t.Fatalf("FindCaseByID: %v", err)
	}
	if !reflect.DeepEqual(normalize(got), normalize(c)) {
		t.Errorf("read back:\n got  %+v\n want %+v", got, c)
	}

	title, deps := "某小区电梯停运（已更新）", []string{"县市场监管局"}
	due := date(2026, 12, 5)
	upd, err := s.UpdateCase(ctx, c.ID, CaseUpdate{Title: &title, Departments: &deps, Due: &due})
	if err != nil {
		t.Fatalf("UpdateCase: %v", err)
	}
	if upd.Title != title || !reflect.DeepEqual(upd.Departments, deps) || !upd.Due.Equal(due) || upd.Source != in.Source {
		t.Errorf("UpdateCase = %+v; want title %q, departments %v, due %v, other fields kept", upd, title, deps, due)
	}
	got, _ = s.FindCaseByID(ctx, c.ID)
	if !reflect.DeepEqual(normalize(got), normalize(upd)) {
		t.Errorf("after update read back:\n got  %+v\n want %+v", got, upd)
	}

	if err := s.DeleteCase(ctx, c.ID); err != nil {
		t.Fatalf("DeleteCase: %v", err)
	}
	if _, err := s.FindCaseByID(ctx, c.ID); ErrorCode(err) != ENOTFOUND {
		t.Errorf("FindCaseByID after delete: err %v, want ENOTFOUND", err)
	}
	if err := s.DeleteCase(ctx, c.ID); ErrorCode(err) != ENOTFOUND {
		t.Errorf("DeleteCase twice: err %v, want ENOTFOUND", err)
	}
	if evs, _ := s.FindCaseEvents(ctx, c.ID); len(evs) != 0 {
		t.Errorf("events of a deleted case: %d, want 0", len(evs))
	}
}

// normalize makes times comparable with DeepEqual (same instant, local zone).
func normalize(c *Case) Case {
	n := *c
	for _, p := range []*time.Time{&n.Posted, &n.Collected, &n.AssignedAt, &n.Due, &n.RepliedAt, &n.ClosedAt, &n.CreatedAt, &n.UpdatedAt} {
		if !p.IsZero() {
			*p = p.Local()
		}
	}
	if len(n.Departments) == 0 {
		n.Departments = nil
	}
	return n
}

func TestCaseNumbering(t *testing.T) {
	s := MustOpenStore(t)
	var nums []string
	for i := 0; i < 3; i++ {
		nums = append(nums, mustCreateCase(t, s, Case{Title: "案件"}).Number)
	}
	// Numbers are never reused, even when the last case is deleted.
	last := mustCreateCase(t, s, Case{Title: "将被删除"})
	if err := s.DeleteCase(context.Background(), last.ID); err != nil {
		t.Fatal(err)
	}
	nums = append(nums, mustCreateCase(t, s, Case{Title: "删除之后"}).Number)
	// A new year starts again at 0001.
	s.SetNow(func() time.Time { return time.Date(2027, 1, 1, 0, 5, 0, 0, time.Local) })
	nums = append(nums, mustCreateCase(t, s, Case{Title: "新年"}).Number)
	want := []string{"2026-0001", "2026-0002", "2026-0003", "2026-0005", "2027-0001"}
	if !reflect.DeepEqual(nums, want) {
		t.Errorf("numbers %v, want %v", nums, want)
	}
}

func TestCaseTextRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	long := strings.Repeat("网", 99990) + "😀𠮷䶮\u200d👨‍👩‍👧"
	for _, tc := range []struct{ name, title, content string }{
		{"emoji", "停车难 😀🚗 问题", "表情 👍🏻 与 ZWJ 👨‍👩‍👧 序列"},
		{"ext-b", "𠮷野家门前积水", "生僻字 䶮 𠮷 𪚥 𰻞"},
		{"mixed latin", "5G基站 Wi-Fi & <b>HTML</b> 'quotes' \"double\"", "line1\nline2\tTab 100%_LIKE\\escape"},
		{"100k contents", "长文", long},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := mustCreateCase(t, s, Case{Title: tc.title, Content: tc.content, Poster: tc.title, Reply: tc.content})
			got, err := s.FindCaseByID(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Title != tc.title || got.Content != tc.content || got.Poster != tc.title || got.Reply != tc.content {
				t.Errorf("round trip changed the text: title %q (want %q), content %d bytes (want %d)",
					got.Title, tc.title, len(got.Content), len(tc.content))
			}
		})
	}
}

func TestCaseValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    Case
		want string // substring of the message; "" = valid
	}{
		{"ok", Case{Title: "标题"}, ""},
		{"empty title", Case{Title: "  "}, "标题不能为空"},
		{"due before assignment", Case{Title: "t", AssignedAt: date(2026, 11, 28), Due: date(2026, 11, 27)}, "办理时限早于交办时间"},
		{"due same day", Case{Title: "t", AssignedAt: date(2026, 11, 28).Add(15 * time.Hour), Due: date(2026, 11, 28)}, ""},
		{"posted after collected", Case{Title: "t", Posted: date(2026, 11, 29), Collected: date(2026, 11, 28)}, "发布时间晚于收集时间"},
		{"control char", Case{Title: "t", Content: "a\x07b"}, "「原文内容」第 2 个字符是不可见的控制字符"},
		{"newline in title", Case{Title: "a\nb"}, "「标题」第 2 个字符"},
		{"tab and newline in content", Case{Title: "t", Content: "a\tb\nc"}, ""},
		{"title too long", Case{Title: strings.Repeat("长", MaxLineLen+1)}, "「标题」过长"},
		{"bad kind", Case{Title: "t", Kind: "表扬"}, "诉求类型「表扬」无效"},
		{"bad risk", Case{Title: "t", Risk: "很大"}, "风险等级「很大」无效"},
		{"repeated department", Case{Title: "t", Departments: []string{"县住建局", "县住建局"}}, "责任单位「县住建局」重复"},
		{"invalid utf8", Case{Title: "t", Summary: "\xff"}, "「摘要」含有无效的字符编码"},
		{"emoji zwj kept", Case{Title: "👨‍👩‍👧"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.c
			c.Status = StatusPending
			err := c.Validate()
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("Validate(%+v) = %v, want nil", tc.c, err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || ErrorCode(err) != EINVALID):
				t.Errorf("Validate(%+v) = %v, want EINVALID containing %q", tc.c, err, tc.want)
			}
		})
	}
}

func TestCreateCaseRejectsAndStoresNothing(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	if err := s.CreateCase(ctx, &Case{Title: ""}); ErrorMessage(err) != "标题不能为空" {
		t.Errorf("empty title: %v, want 标题不能为空", err)
	}
	if _, n, _ := s.FindCases(ctx, CaseFilter{}); n != 0 {
		t.Errorf("%d cases stored after a rejected create, want 0", n)
	}
	c := mustCreateCase(t, s, Case{Title: "ok"})
	empty := ""
	if _, err := s.UpdateCase(ctx, c.ID, CaseUpdate{Title: &empty}); ErrorMessage(err) != "标题不能为空" {
		t.Errorf("update to empty title: %v, want 标题不能为空", err)
	}
	if got, _ := s.FindCaseByID(ctx, c.ID); got.Title != "ok" {
		t.Errorf("title after rejected update = %q, want ok", got.Title)
	}
}

func TestCleanText(t *testing.T) {
	for _, tc := range []struct {
		name, in  string
		multiline bool
		want      string
		removed   int
	}{
		{"plain", "舆情😀", true, "舆情😀", 0},
		{"crlf", "a\r\nb\rc", true, "a\nb\nc", 0},
		{"bell and nul", "a\x07b\x00c", true, "abc", 2},
		{"single line newline", "标题\n第二行", false, "标题 第二行", 1},
		{"invalid utf8", "a\xffb", true, "ab", 1},
		{"zwj kept", "👨\u200d👩", false, "👨\u200d👩", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, n := CleanText(tc.in, tc.multiline)
			if got != tc.want || n != tc.removed {
				t.Errorf("CleanText(%q, %v) = %q, %d; want %q, %d", tc.in, tc.multiline, got, n, tc.want, tc.removed)
			}
			if err := checkText(field{"x", got, tc.multiline}); err != nil {
				t.Errorf("cleaned text %q still invalid: %v", got, err)
			}
		})
	}
	c := Case{Title: " 标题\x07 ", Content: "正文\x01", Departments: []string{" 县住建局 ", ""}}
	notes := c.Clean()
	if c.Title != "标题" || c.Content != "正文" || !reflect.DeepEqual(c.Departments, []string{"县住建局"}) || len(notes) != 2 {
		t.Errorf("Case.Clean: %+v, notes %q; want cleaned fields and 2 notes", c, notes)
	}
}
