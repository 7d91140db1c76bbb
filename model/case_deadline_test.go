package model

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestProposeDue(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	tests := []struct {
		name, kind, risk string
		assigned         time.Time
		want             time.Time
		rule, note       string
	}{
		{"投诉 15 days from the next day", "投诉", "一般", date(2026, 4, 30).Add(10 * time.Hour), date(2026, 5, 25), "投诉 15 个工作日（次日起算）", ""},
		{"咨询 2 days across 春节, the 班 Saturday is day 1", "咨询", "", date(2026, 2, 13), date(2026, 2, 24), "咨询 2 个工作日（次日起算）", ""},
		{"求助 10 days over 国庆 and 中秋", "求助", "", date(2026, 9, 24), date(2026, 10, 15), "求助 10 个工作日（次日起算）", ""},
		{"舆情 一般: next working day", "舆情", "一般", date(2026, 9, 30), date(2026, 10, 8), "舆情 1 个工作日（次日起算）", ""},
		{"舆情 重大: the same day", "舆情", "重大", date(2026, 9, 30).Add(15 * time.Hour), date(2026, 9, 30), "舆情（重大） 1 个工作日（当日起算）", ""},
		{"舆情 特别重大 on a day off: the first working day", "舆情", "特别重大", date(2026, 10, 3), date(2026, 10, 8), "舆情（特别重大） 1 个工作日（当日起算）", ""},
		{"a year without holiday rows", "投诉", "", date(2028, 1, 3), date(2028, 1, 24), "投诉 15 个工作日（次日起算）", "2028年的节假日尚未录入，时限按周末计算"},
		{"no rule for the kind", "其他", "", date(2026, 9, 24), time.Time{}, "", "没有“其他”的办理时限规则，请在设置中添加或手动填写"},
		{"no kind", "", "", date(2026, 9, 24), time.Time{}, "", "未选择诉求类型，无法按规则计算时限"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.ProposeDue(ctx, tt.kind, tt.risk, tt.assigned)
			if err != nil {
				t.Fatal(err)
			}
			rule := ""
			if p.Rule != nil {
				rule = p.Rule.Describe()
			}
			if !p.Due.Equal(tt.want) || rule != tt.rule || p.Note != tt.note {
				t.Errorf("ProposeDue(%s, %s, %s) = %s, %q, %q; want %s, %q, %q", tt.kind, tt.risk,
					tt.assigned.Format(DateLayout), p.Due.Format(DateLayout), rule, p.Note,
					tt.want.Format(DateLayout), tt.rule, tt.note)
			}
		})
	}
}

// assignedCase creates a case of kind assigned on at with due.
func assignedCase(tb testing.TB, s *Store, kind string, at, due time.Time) *Case {
	tb.Helper()
	c := mustCreateCase(tb, s, Case{Title: "小区电梯停运", Kind: kind, Collected: at})
	c, err := s.TransitionCase(context.Background(), c.ID, Transition{Action: ActionAssign,
		Departments: []string{"县住建局", "城关镇"}, Due: due, At: at})
	if err != nil {
		tb.Fatalf("交办: %v", err)
	}
	return c
}

func lastEvent(tb testing.TB, s *Store, id int64) *CaseEvent {
	tb.Helper()
	evs, err := s.FindCaseEvents(context.Background(), id)
	if err != nil || len(evs) == 0 {
		tb.Fatalf("FindCaseEvents: %v, %d events", err, len(evs))
	}
	return evs[len(evs)-1]
}

func TestAssignNamesTheRuleWhenItsDateIsUsed(t *testing.T) {
	s := MustOpenStore(t)
	used := assignedCase(t, s, "投诉", date(2026, 9, 24).Add(9*time.Hour), date(2026, 10, 22))
	if ev := lastEvent(t, s, used.ID); !strings.Contains(ev.Note, "办理时限：2026-10-22（依据规则：投诉 15 个工作日（次日起算））") {
		t.Errorf("note %q, want the rule named", ev.Note)
	}
	if !used.OriginalDue.Equal(date(2026, 10, 22)) {
		t.Errorf("OriginalDue %v, want the first 时限", used.OriginalDue)
	}
	typed := assignedCase(t, s, "投诉", date(2026, 9, 24).Add(9*time.Hour), date(2026, 10, 9))
	if ev := lastEvent(t, s, typed.ID); strings.Contains(ev.Note, "依据规则") {
		t.Errorf("note %q names a rule for a date typed by hand", ev.Note)
	}
}

func TestExtend(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		kind    string
		first   []time.Time // earlier extensions, in order
		due     time.Time
		note    string
		wantErr string
	}{
		{"within the limit", "投诉", nil, date(2026, 11, 27), "需协调供电部门", ""},
		{"up to the limit exactly: 15 working days after 2026-11-20", "投诉", nil, date(2026, 12, 11), "需协调", ""},
		{"one day beyond the limit", "投诉", nil, date(2026, 12, 14), "需协调",
			"延期超过上限：投诉最多延期 15 个工作日（原定时限 2026-11-20，最晚可延至 2026-12-11），不能延至 2026-12-14"},
		{"the limit counts from the original 时限, not the extended one", "投诉",
			[]time.Time{date(2026, 12, 4)}, date(2026, 12, 14), "再次延期", "最晚可延至 2026-12-11"},
		{"a second extension within the limit", "投诉", []time.Time{date(2026, 12, 4)}, date(2026, 12, 10), "再次延期", ""},
		{"no reason", "投诉", nil, date(2026, 11, 27), "", "请填写延期原因"},
		{"not later", "投诉", nil, date(2026, 11, 20), "需协调", "延期后的时限应晚于现时限 2026-11-20"},
		{"no date", "投诉", nil, time.Time{}, "需协调", "请填写延期后的办理时限"},
		{"a case without a kind: 15 days", "", nil, date(2026, 12, 14), "需协调", "未设规则的案件最多延期 15 个工作日"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := MustOpenStore(t)
			c := assignedCase(t, s, tt.kind, date(2026, 11, 2), date(2026, 11, 20))
			for _, d := range tt.first {
				if _, err := s.TransitionCase(ctx, c.ID, Transition{Action: ActionExtend, Due: d, Note: "第一次"}); err != nil {
					t.Fatalf("first extension: %v", err)
				}
			}
			before := lastEvent(t, s, c.ID)
			got, err := s.TransitionCase(ctx, c.ID, Transition{Action: ActionExtend, Due: tt.due, Note: tt.note})
			if tt.wantErr != "" {
				if ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), tt.wantErr) {
					t.Fatalf("err %v, want EINVALID with %q", err, tt.wantErr)
				}
				if ev := lastEvent(t, s, c.ID); ev.ID != before.ID {
					t.Errorf("a refused 延期 wrote event %+v", ev)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !got.Due.Equal(tt.due) || !got.OriginalDue.Equal(date(2026, 11, 20)) || !got.Extended() || got.Status != StatusAssigned {
				t.Errorf("after 延期: due %v, original %v, extended %v, status %s", got.Due, got.OriginalDue, got.Extended(), got.Status)
			}
			ev := lastEvent(t, s, c.ID)
			if ev.Action != ActionExtend || !strings.Contains(ev.Note, "延至 "+tt.due.Format(DateLayout)) || !strings.Contains(ev.Note, "延期原因："+tt.note) {
				t.Errorf("event %+v", ev)
			}
		})
	}
}

func TestCaseExtension(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	c := assignedCase(t, s, "咨询", date(2026, 9, 21), date(2026, 9, 23))
	if _, err := s.TransitionCase(ctx, c.ID, Transition{Action: ActionExtend, Due: date(2026, 9, 24), Note: "补充材料"}); err != nil {
		t.Fatal(err)
	}
	e, err := s.CaseExtension(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	// 15 working days after 2026-09-23 skip 中秋 and 国庆: 09-24, 09-28…09-30, 10-08…10-10 (班), 10-12…10-16, 10-19…10-21.
	if e.Used != 1 || e.Max != 15 || !e.Latest.Equal(date(2026, 10, 21)) || e.Describe() != "最长延期 15 个工作日，已延期 1 个，最晚可延至 2026-10-21" {
		t.Errorf("CaseExtension = %+v, %q", e, e.Describe())
	}
}

func TestReassignLaterDueIsAnExtension(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t) // today is 2026-11-28
	c := assignedCase(t, s, "投诉", date(2026, 11, 2), date(2026, 11, 20))
	if !c.Overdue(testNow) {
		t.Fatal("setup: the case should be overdue")
	}
	again := Transition{Action: ActionAssign, Departments: []string{"县住建局"}, Due: date(2026, 12, 4)}
	if _, err := s.TransitionCase(ctx, c.ID, again); ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "即为延期") {
		t.Fatalf("re-assign later without a reason: %v, want a refusal asking for it", err)
	}
	if got, _ := s.FindCaseByID(ctx, c.ID); !got.Overdue(testNow) {
		t.Fatal("a refused re-assignment took the case out of 逾期")
	}
	again.Due, again.Note = date(2026, 12, 14), "领导要求扩大排查范围"
	if _, err := s.TransitionCase(ctx, c.ID, again); ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "最多延期 15 个工作日") {
		t.Fatalf("re-assign beyond the limit: %v", err)
	}
	again.Due = date(2026, 12, 4)
	got, err := s.TransitionCase(ctx, c.ID, again)
	if err != nil {
		t.Fatal(err)
	}
	if !got.OriginalDue.Equal(date(2026, 11, 20)) || !got.Extended() || !got.AssignedAt.Equal(date(2026, 11, 2)) {
		t.Errorf("after re-assign: original %v, extended %v, assigned %v", got.OriginalDue, got.Extended(), got.AssignedAt)
	}
	if ev := lastEvent(t, s, c.ID); !strings.Contains(ev.Note, "延期：原时限 2026-11-20") || !strings.Contains(ev.Note, "领导要求扩大排查范围") {
		t.Errorf("event note %q", ev.Note)
	}
	// An earlier 时限 needs no reason.
	again.Due, again.Note = date(2026, 12, 1), ""
	if _, err := s.TransitionCase(ctx, c.ID, again); err != nil {
		t.Errorf("re-assign earlier: %v", err)
	}
}

func TestUpdateCaseRefusesALaterDueWhileAssigned(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	c := assignedCase(t, s, "投诉", date(2026, 11, 2), date(2026, 11, 20))
	later, earlier := date(2026, 12, 4), date(2026, 11, 19)
	if _, err := s.UpdateCase(ctx, c.ID, CaseUpdate{Due: &later}); ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "请用「延期」") {
		t.Fatalf("later due by edit: %v", err)
	}
	if got, err := s.UpdateCase(ctx, c.ID, CaseUpdate{Due: &earlier}); err != nil || !got.Due.Equal(earlier) || !got.OriginalDue.Equal(date(2026, 11, 20)) {
		t.Fatalf("earlier due by edit: %v, %+v", err, got)
	}
	// A late reply stays late: its 时限 cannot be moved after it by an edit.
	if _, err := s.TransitionCase(ctx, c.ID, Transition{Action: ActionReply, Reply: "已处理", RepliedOn: date(2026, 11, 25)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateCase(ctx, c.ID, CaseUpdate{Due: &later}); ErrorCode(err) != EINVALID || ErrorMessage(err) != "案件已回复，时限 2026-11-19 不能改晚：按期回复按这个时限计算" {
		t.Fatalf("later due on a replied case: %v", err)
	}
	pending := mustCreateCase(t, s, Case{Title: "待研判的案件", Due: earlier})
	if _, err := s.UpdateCase(ctx, pending.ID, CaseUpdate{Due: &later}); err != nil {
		t.Errorf("a case not yet assigned: %v", err)
	}
}

func TestRemind(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	c := assignedCase(t, s, "投诉", date(2026, 11, 2), date(2026, 11, 20))
	for i, day := range []time.Time{date(2026, 11, 21), date(2026, 11, 26)} {
		got, err := s.TransitionCase(ctx, c.ID, Transition{Action: ActionRemind, At: day.Add(10 * time.Hour), Note: "电话催办，承办人王某"})
		if err != nil {
			t.Fatal(err)
		}
		if got.Reminders != i+1 || got.Status != StatusAssigned {
			t.Errorf("after 催办 %d: reminders %d, status %s", i+1, got.Reminders, got.Status)
		}
	}
	ev := lastEvent(t, s, c.ID)
	if ev.Action != ActionRemind || ev.Note != "第 2 次催办（2026-11-26）；电话催办，承办人王某" || !ev.At.Equal(date(2026, 11, 26).Add(10*time.Hour)) {
		t.Errorf("event %+v", ev)
	}
	if _, err := s.TransitionCase(ctx, c.ID, Transition{Action: ActionRemind, At: date(2026, 11, 30)}); ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "催办日期不能晚于今天") {
		t.Errorf("催办 tomorrow: %v", err)
	}
	if _, err := s.TransitionCase(ctx, c.ID, Transition{Action: ActionRemind, At: date(2026, 11, 1)}); ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "早于交办日期 2026-11-02") {
		t.Errorf("催办 before 交办: %v", err)
	}
	list, _, err := s.FindCases(ctx, CaseFilter{Brief: true})
	if err != nil || len(list) != 1 || list[0].Reminders != 2 {
		t.Fatalf("brief list: %v, %+v", err, list)
	}
	replied, err := s.TransitionCase(ctx, c.ID, Transition{Action: ActionReply, Reply: "已处理"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.TransitionCase(ctx, replied.ID, Transition{Action: ActionRemind}); ErrorCode(err) != EINVALID {
		t.Errorf("催办 a replied case: %v, want EINVALID", err)
	}
}

func TestReplyDateAndDepartment(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name      string
		on        time.Time
		dept      string
		depts     []string
		wantErr   string
		wantDay   time.Time
		wantDept  string
		wantLate  bool
		wantLabel string
	}{
		{"default today, late", time.Time{}, "", []string{"县住建局"}, "", date(2026, 11, 28), "县住建局", true, "11-28 逾期回复"},
		{"on the due day is on time", date(2026, 11, 20), "城关镇", []string{"县住建局", "城关镇"}, "", date(2026, 11, 20), "城关镇", false, "11-20"},
		{"the day after is late", date(2026, 11, 21), "", []string{"县住建局", "城关镇"}, "", date(2026, 11, 21), "", true, "11-21 逾期回复"},
		{"in the future", date(2026, 11, 29), "", []string{"县住建局"}, "回复日期 2026-11-29 晚于今天", time.Time{}, "", false, ""},
		{"before 交办", date(2026, 11, 1), "", []string{"县住建局"}, "回复日期 2026-11-01 早于交办日期 2026-11-02", time.Time{}, "", false, ""},
		{"not a department of the case", date(2026, 11, 10), "县教育局", []string{"县住建局"}, "回复单位“县教育局”不是本案的责任单位（县住建局）", time.Time{}, "", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := MustOpenStore(t)
			c := mustCreateCase(t, s, Case{Title: "路灯不亮", Kind: "投诉", Collected: date(2026, 11, 2)})
			if _, err := s.TransitionCase(ctx, c.ID, Transition{Action: ActionAssign, Departments: tt.depts,
				Due: date(2026, 11, 20), At: date(2026, 11, 2).Add(9 * time.Hour)}); err != nil {
				t.Fatal(err)
			}
			_, err := s.TransitionCase(ctx, c.ID, Transition{Action: ActionReply, Reply: "已修复", RepliedOn: tt.on, ReplyDept: tt.dept})
			if tt.wantErr != "" {
				if ErrorCode(err) != EINVALID || !strings.HasPrefix(ErrorMessage(err), tt.wantErr) {
					t.Fatalf("err %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, _ := s.FindCaseByID(ctx, c.ID) // as stored
			if !Day(got.RepliedAt).Equal(tt.wantDay) || got.ReplyDept != tt.wantDept || got.RepliedLate() != tt.wantLate || got.ReplyLabel() != tt.wantLabel {
				t.Errorf("replied %v by %q, late %v, label %q; want %v by %q, late %v, %q", got.RepliedAt, got.ReplyDept,
					got.RepliedLate(), got.ReplyLabel(), tt.wantDay, tt.wantDept, tt.wantLate, tt.wantLabel)
			}
			ev := lastEvent(t, s, c.ID)
			if !strings.HasPrefix(ev.Note, "回复日期："+tt.wantDay.Format(DateLayout)) || strings.Contains(ev.Note, "逾期回复") != tt.wantLate {
				t.Errorf("event note %q", ev.Note)
			}
		})
	}
}
