package model

import (
	"context"
	"maps"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestMeetingCRUD(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	c1 := mustCreateCase(t, s, Case{Title: "电梯停运"})
	c2 := mustCreateCase(t, s, Case{Title: "道路积水"})
	m := &Meeting{
		Name: "网络舆情专题研究会", Type: "专题研究会", Time: time.Date(2026, 11, 28, 15, 0, 0, 0, time.Local),
		Place: "县委三楼会议室", Host: "王副书记", Present: []string{"县委网信办", "县住建局"},
		Attending: []string{"城关镇"}, Absent: []string{"县城管局（出差）"}, Recorder: "李四",
		Topic: "研究近期网民反映集中的问题", Content: "会议听取了……😀𠮷",
		Decisions: []Decision{
			{Text: "住建局督促物业一周内修复电梯", Lead: "县住建局", Due: date(2026, 12, 5)},
			{Text: "持续关注舆情", Lead: "县委网信办"},
		},
		CaseIDs: []int64{c2.ID, c1.ID},
	}
	if err := s.CreateMeeting(ctx, m); err != nil {
		t.Fatalf("CreateMeeting: %v", err)
	}
	got, err := s.FindMeetingByID(ctx, m.ID)
	if err != nil {
		t.Fatalf("FindMeetingByID: %v", err)
	}
	if !reflect.DeepEqual(got, m) {
		t.Errorf("read back:\n got  %+v\n want %+v", got, m)
	}
	m.Decisions = m.Decisions[:1]
	m.CaseIDs = []int64{c1.ID}
	m.Absent = nil
	if err := s.UpdateMeeting(ctx, m); err != nil {
		t.Fatalf("UpdateMeeting: %v", err)
	}
	got, _ = s.FindMeetingByID(ctx, m.ID)
	if len(got.Decisions) != 1 || !reflect.DeepEqual(got.CaseIDs, []int64{c1.ID}) || len(got.Absent) != 0 {
		t.Errorf("after update: decisions %v cases %v absent %v", got.Decisions, got.CaseIDs, got.Absent)
	}
	for _, tc := range []struct {
		name string
		f    MeetingFilter
		want int
	}{
		{"all", MeetingFilter{}, 1},
		{"query", MeetingFilter{Query: "舆情专题"}, 1},
		{"query content", MeetingFilter{Query: "𠮷"}, 1},
		{"query miss", MeetingFilter{Query: "交流会"}, 0},
		{"by case", MeetingFilter{CaseID: c1.ID}, 1},
		{"by unlinked case", MeetingFilter{CaseID: c2.ID}, 0},
	} {
		ms, err := s.FindMeetings(ctx, tc.f)
		if err != nil || len(ms) != tc.want {
			t.Errorf("%s: FindMeetings(%+v) = %d, %v; want %d", tc.name, tc.f, len(ms), err, tc.want)
		}
	}
	// Deleting a linked case drops the link, not the meeting.
	if err := s.DeleteCase(ctx, c1.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ = s.FindMeetingByID(ctx, m.ID); len(got.CaseIDs) != 0 {
		t.Errorf("cases after deleting the linked case: %v", got.CaseIDs)
	}
	if err := s.DeleteMeeting(ctx, m.ID); err != nil {
		t.Fatalf("DeleteMeeting: %v", err)
	}
	if _, err := s.FindMeetingByID(ctx, m.ID); ErrorCode(err) != ENOTFOUND {
		t.Errorf("after delete: %v, want ENOTFOUND", err)
	}
}

func TestMeetingValidate(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	for _, tc := range []struct {
		name string
		m    Meeting
		want string
	}{
		{"empty name", Meeting{}, "会议名称不能为空"},
		{"empty decision", Meeting{Name: "会", Decisions: []Decision{{Lead: "县住建局"}}}, "议定事项第 1 项不能为空"},
		{"decision due before meeting", Meeting{Name: "会", Time: date(2026, 11, 28),
			Decisions: []Decision{{Text: "a", Due: date(2026, 11, 27)}}}, "议定事项第 1 项的时限早于会议时间"},
		{"blank attendee", Meeting{Name: "会", Present: []string{" "}}, "「出席」中有空的名称"},
		{"missing case", Meeting{Name: "会", CaseIDs: []int64{999}}, "关联的记录（999）不存在"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.m
			err := s.CreateMeeting(ctx, &m)
			if err == nil || !strings.Contains(ErrorMessage(err), tc.want) {
				t.Errorf("CreateMeeting(%+v) = %v, want %q", tc.m, err, tc.want)
			}
		})
	}
	if ms, _ := s.FindMeetings(ctx, MeetingFilter{}); len(ms) != 0 {
		t.Errorf("%d meetings stored after rejected creates, want 0", len(ms))
	}
}

func TestDirectory(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	d := &Department{Name: "县住建局", Contact: "张三", Phone: "0000-1234567"}
	if err := s.CreateDepartment(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateDepartment(ctx, &Department{Name: " 县住建局 "}); ErrorCode(err) != ECONFLICT ||
		!strings.Contains(ErrorMessage(err), "已有名为「县住建局」的责任单位") {
		t.Errorf("duplicate department: %v, want ECONFLICT naming it", err)
	}
	if err := s.CreateDepartment(ctx, &Department{}); ErrorMessage(err) != "单位名称不能为空" {
		t.Errorf("empty department: %v", err)
	}
	// Renaming carries over to the cases assigned to the department.
	c := caseInStatus(t, s, StatusAssigned) // assigned to 县住建局
	d.Name = "县住房和城乡建设局"
	if err := s.UpdateDepartment(ctx, d); err != nil {
		t.Fatal(err)
	}
	if cs, _, _ := s.FindCases(ctx, CaseFilter{Department: d.Name}); len(cs) != 1 || cs[0].ID != c.ID {
		t.Errorf("cases of the renamed department: %v, want the assigned case", titles(cs))
	}
	ds, err := s.FindDepartments(ctx)
	if err != nil || len(ds) != 1 || ds[0].Name != d.Name || ds[0].Phone != d.Phone {
		t.Errorf("FindDepartments = %+v, %v", ds, err)
	}
	if err := s.DeleteDepartment(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDepartment(ctx, d.ID); ErrorCode(err) != ENOTFOUND {
		t.Errorf("delete twice: %v, want ENOTFOUND", err)
	}

	for i, name := range []string{"李书记", "王县长", "赵副书记"} {
		if err := s.CreateLeader(ctx, &Leader{Name: name, Position: "职务", Order: 3 - i}); err != nil {
			t.Fatal(err)
		}
	}
	ls, err := s.FindLeaders(ctx)
	if err != nil || len(ls) != 3 || ls[0].Name != "赵副书记" || ls[2].Name != "李书记" {
		t.Errorf("FindLeaders order: %+v, %v; want by Order", ls, err)
	}
	ls[0].Position = "县委副书记"
	if err := s.UpdateLeader(ctx, ls[0]); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateLeader(ctx, &Leader{ID: 999, Name: "无"}); ErrorCode(err) != ENOTFOUND {
		t.Errorf("update missing leader: %v", err)
	}
	if err := s.DeleteLeader(ctx, ls[1].ID); err != nil {
		t.Fatal(err)
	}
	if ls, _ = s.FindLeaders(ctx); len(ls) != 2 || ls[0].Position != "县委副书记" {
		t.Errorf("after update and delete: %+v", ls)
	}
}

func TestSettings(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	if v, err := s.GetSetting(ctx, SettingName); err != nil || v != "舆情专报" {
		t.Errorf("unset 刊名: %q, %v; want the default 舆情专报", v, err)
	}
	if v, err := s.GetSetting(ctx, SettingUnit); err != nil || v != "" {
		t.Errorf("unset 编印单位: %q, %v; want empty", v, err)
	}
	if err := s.SetSettings(ctx, map[string]string{SettingName: "舆情专报", SettingCopies: "20"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, SettingName, "网络舆情专报"); err != nil {
		t.Fatal(err)
	}
	all, err := s.FindSettings(ctx)
	want := maps.Clone(SettingDefaults)
	want[SettingName], want[SettingCopies] = "网络舆情专报", "20"
	if err != nil || !reflect.DeepEqual(all, want) {
		t.Errorf("FindSettings = %v, %v; want %v", all, err, want)
	}
	if err := s.SetSetting(ctx, "", "x"); ErrorCode(err) != EINVALID {
		t.Errorf("empty key: %v", err)
	}
}
