package model

import (
	"context"
	"reflect"
	"testing"
	"time"
)

func TestRateText(t *testing.T) {
	for _, tt := range []struct {
		r    Rate
		want string
	}{
		{Rate{0, 0}, "—"}, {Rate{0, 3}, "0.0%"}, {Rate{67, 88}, "76.1%"}, {Rate{1, 3}, "33.3%"}, {Rate{5, 5}, "100.0%"},
	} {
		if got := tt.r.Text(); got != tt.want {
			t.Errorf("%+v.Text() = %q, want %q", tt.r, got, tt.want)
		}
	}
}

// TestHandlingStats follows the definitions of DOCUMENTS.md §5 on six cases
// (today is 2026-11-28).
func TestHandlingStats(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	move := func(c *Case, tr Transition) {
		t.Helper()
		if _, err := s.TransitionCase(ctx, c.ID, tr); err != nil {
			t.Fatalf("%s %s: %v", tr.Action, c.Title, err)
		}
	}
	assign := func(title, kind, sentiment string, at, due time.Time) *Case {
		c := mustCreateCase(t, s, Case{Title: title, Kind: kind, Sentiment: sentiment, Collected: at})
		move(c, Transition{Action: ActionAssign, Departments: []string{"县住建局"}, Due: due, At: at})
		return c
	}
	visit := func(c *Case, result string) {
		t.Helper()
		at := date(2026, 11, 20)
		if _, err := s.UpdateCase(ctx, c.ID, CaseUpdate{VisitResult: &result, VisitedAt: &at}); err != nil {
			t.Fatal(err)
		}
	}
	a := assign("按期回复并办结", "投诉", "正面", date(2026, 11, 2).Add(9*time.Hour), date(2026, 11, 10))
	move(a, Transition{Action: ActionReply, Reply: "已处理", RepliedOn: date(2026, 11, 9)})
	move(a, Transition{Action: ActionClose})
	visit(a, VisitSatisfied)
	b := assign("逾期回复", "投诉", "", date(2026, 11, 2).Add(9*time.Hour), date(2026, 11, 5))
	move(b, Transition{Action: ActionReply, Reply: "已处理", RepliedOn: date(2026, 11, 8)})
	visit(b, VisitDissatisfied)
	assign("逾期未回复", "咨询", "", date(2026, 11, 3), date(2026, 11, 20))
	assign("期限内未回复", "建议", "", date(2026, 11, 25), date(2026, 12, 10))
	mustCreateCase(t, s, Case{Title: "待研判", Kind: "建议", Sentiment: "负面", Collected: date(2026, 11, 26)})
	f := assign("延期后未到期", "求助", "", date(2026, 11, 2), date(2026, 11, 20))
	move(f, Transition{Action: ActionExtend, Due: date(2026, 12, 4), Note: "需协调多个部门"})

	st, err := s.FindStats(ctx, StatsFilter{})
	if err != nil {
		t.Fatal(err)
	}
	h := st.Handling
	// f, extended from 11-20 to 12-04, is overdue against its 原定时限.
	want := Handling{Assigned: 5, Replied: 2, OnTime: 1, Late: 1, OverdueUnreplied: 1, Closed: 1, Extended: 1, Visited: 2, Satisfied: 1,
		OnTimeOriginal: 1, OverdueOriginal: 2}
	h.replyDays, h.replyTimed = 0, 0
	if h != want {
		t.Errorf("handling %+v\n want %+v", h, want)
	}
	h = st.Handling
	for _, r := range []struct {
		name      string
		got, want string
	}{
		{"回复率 2/5", h.ReplyRate().Text(), "40.0%"},
		{"按期回复率 1/(2+1)", h.OnTimeRate().Text(), "33.3%"},
		{"按原定时限 1/(2+2)", h.OriginalOnTimeRate().Text(), "25.0%"},
		{"办结率 1/5", h.CloseRate().Text(), "20.0%"},
		{"满意率 1/2", h.SatisfactionRate().Text(), "50.0%"},
		{"平均回复用时 (5+4)/2 working days", h.AvgReplyText(), "4.5"},
	} {
		if r.got != r.want {
			t.Errorf("%s = %s, want %s", r.name, r.got, r.want)
		}
	}
	if want := []Count{{"建议", 2}, {"投诉", 2}, {"咨询", 1}, {"求助", 1}}; !reflect.DeepEqual(st.ByKind, want) {
		t.Errorf("by kind %v, want %v", st.ByKind, want)
	}
	if want := []Count{{"正面", 1}, {"中性", 0}, {"负面", 1}, {"未标注", 4}}; !reflect.DeepEqual(st.BySentiment, want) {
		t.Errorf("by sentiment %v, want %v", st.BySentiment, want)
	}

	empty, err := MustOpenStore(t).FindStats(ctx, StatsFilter{})
	if err != nil {
		t.Fatal(err)
	}
	e := empty.Handling
	for _, got := range []string{e.ReplyRate().Text(), e.OnTimeRate().Text(), e.CloseRate().Text(), e.SatisfactionRate().Text(), e.AvgReplyText()} {
		if got != "—" {
			t.Errorf("a zero denominator prints %q, want —", got)
		}
	}
}
