package model

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestNoticeNumbers: 交办编号 are consecutive per year, never given twice
// (not even after the case is deleted), stored with their document, found by
// case, and each case's timeline shows its number.
func TestNoticeNumbers(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	a := mustCreateCase(t, s, Case{Title: "停水"})
	b := mustCreateCase(t, s, Case{Title: "占道"})
	day := time.Date(2026, 12, 2, 0, 0, 0, 0, time.Local)
	mk := func(dept string, d time.Time, ids ...int64) *Notice {
		n := &Notice{Department: dept, Date: d, CaseIDs: ids}
		if err := s.CreateNotice(ctx, n, func(label string) ([]byte, error) { return []byte(`{"number":"` + label + `"}`), nil }); err != nil {
			t.Fatalf("CreateNotice: %v", err)
		}
		return n
	}
	n1 := mk("县水务局", day, a.ID, b.ID)
	n2 := mk("县住建局", day, b.ID)
	n3 := mk("县水务局", day.AddDate(1, 0, 0), a.ID)
	for _, c := range []struct {
		n    *Notice
		want string
	}{{n1, "〔2026〕1号"}, {n2, "〔2026〕2号"}, {n3, "〔2027〕1号"}} {
		if c.n.Label() != c.want || !strings.Contains(string(c.n.Doc), c.want) {
			t.Errorf("notice %s: label %s doc %s, want %s", c.n.Department, c.n.Label(), c.n.Doc, c.want)
		}
	}
	got, err := s.FindNotices(ctx, NoticeFilter{CaseID: b.ID})
	if err != nil || len(got) != 2 || got[0].Label() != "〔2026〕1号" || len(got[0].CaseIDs) != 2 || string(got[1].Doc) != string(n2.Doc) {
		t.Fatalf("FindNotices(case b) = %+v, %v", got, err)
	}
	evs, err := s.FindCaseEvents(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, ev := range evs {
		if ev.Action == ActionNotice {
			notes = append(notes, ev.Note)
		}
	}
	if len(notes) != 2 || !strings.Contains(notes[0], "〔2026〕1号") || !strings.Contains(notes[1], "县住建局") {
		t.Errorf("timeline of case b: %q", notes)
	}
	if err := s.DeleteCase(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if n := mk("县水务局", day, b.ID); n.Label() != "〔2026〕3号" {
		t.Errorf("after a delete: %s, want 〔2026〕3号", n.Label())
	}
	if err := s.CreateNotice(ctx, &Notice{Department: "县水务局", Date: day}, nil); err == nil {
		t.Error("a notice without cases was created")
	}
}

// TestMinutesNumber: a meeting's 纪要 keeps its 期号; the next meeting takes
// the next one of the year.
func TestMinutesNumber(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	var ids []int64
	for _, name := range []string{"一", "二"} {
		m := &Meeting{Name: "会议" + name}
		if err := s.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.ID)
	}
	for _, c := range []struct {
		id   int64
		year int
		want int
	}{{ids[0], 2026, 1}, {ids[1], 2026, 2}, {ids[0], 2026, 1}, {ids[0], 2027, 1}} {
		if n, err := s.MinutesNumber(ctx, c.id, c.year); err != nil || n != c.want {
			t.Errorf("MinutesNumber(%d, %d) = %d, %v; want %d", c.id, c.year, n, err, c.want)
		}
	}
	if err := s.SetMinutesBody(ctx, ids[1], "会议决定：\r\n一、核实。"); err != nil {
		t.Fatal(err)
	}
	if b, err := s.FindMinutesBody(ctx, ids[1]); err != nil || b != "会议决定：\n一、核实。" {
		t.Errorf("FindMinutesBody = %q, %v", b, err)
	}
	if b, _ := s.FindMinutesBody(ctx, ids[0]); b != "" {
		t.Errorf("an unedited 纪要 has body %q", b)
	}
	m := &Meeting{Name: "会议三"}
	if err := s.CreateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	if err := s.SetMinutesBody(ctx, m.ID, "x"); err == nil {
		t.Error("a body was kept for a meeting without a 期号")
	}
}
