package ui

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"bulletin/model"
)

func TestRulesSection(t *testing.T) {
	ss, s, w := openSettingsTab(t)
	rs := ss.rules
	ctx := context.Background()
	if len(rs.rules) != 8 {
		t.Fatalf("%d rules listed, want the 8 defaults", len(rs.rules))
	}
	// In the order the 诉求类型 and 风险等级 are offered.
	var order []string
	for _, r := range rs.rules {
		order = append(order, ruleWho(r))
	}
	if want := []string{"投诉（所有风险等级）", "求助（所有风险等级）", "咨询（所有风险等级）", "建议（所有风险等级）",
		"举报（所有风险等级）", "舆情（所有风险等级）", "舆情（重大）", "舆情（特别重大）"}; !reflect.DeepEqual(order, want) {
		t.Errorf("rules listed as %v, want %v", order, want)
	}
	// 2026-11-28 is a Saturday: 咨询 (2 days) is due on Tuesday 12-01.
	if !strings.Contains(rs.sample.Text, "今天（2026-11-28）交办的案件，时限为：") || !strings.Contains(rs.sample.Text, "咨询 12-01") {
		t.Errorf("sample %q", rs.sample.Text)
	}
	if got := ruleWhat(rs.rules[0]); got == "" {
		t.Error("a rule row says nothing")
	}

	// 添加 投诉（重大）: 5 working days from the same day, 10 days of extension.
	test.Tap(rs.addBtn)
	rs.kind.SetSelected("投诉")
	rs.risk.SetSelected("重大")
	rs.days.SetText("５") // full-width digits are accepted
	rs.from.SetSelected(fromSameDay)
	rs.extension.SetText("10")
	test.Tap(rs.lastDialog.ok)
	ss.bg.settle()
	if len(rs.rules) != 9 {
		t.Fatalf("after adding: %d rules", len(rs.rules))
	}
	p, err := s.ProposeDue(ctx, "投诉", "重大", time.Date(2026, 9, 24, 10, 0, 0, 0, time.Local))
	if err != nil || p.Rule == nil || p.Rule.Days != 5 || p.Rule.FromNextDay || p.Rule.MaxExtension != 10 ||
		!p.Due.Equal(time.Date(2026, 10, 8, 0, 0, 0, 0, time.Local)) { // 09-24 is day 1; 中秋 and 国庆 are off
		t.Fatalf("ProposeDue with the new rule: %+v, %v", p, err)
	}

	// A second rule for the same 诉求类型 and 风险等级 is refused; the form stays.
	test.Tap(rs.addBtn)
	rs.kind.SetSelected("投诉")
	test.Tap(rs.lastDialog.ok)
	if n := overlays(w); n != 2 || len(rs.rules) != 9 {
		t.Fatalf("a duplicate rule: %d overlays, %d rules", n, len(rs.rules))
	}
	w.Canvas().Overlays().Top().Hide()
	rs.lastDialog.d.Hide()

	// Days must be a number.
	test.Tap(rs.addBtn)
	rs.kind.SetSelected("建议")
	rs.risk.SetSelected("较大")
	rs.days.SetText("十")
	test.Tap(rs.lastDialog.ok)
	if n := overlays(w); n != 2 {
		t.Fatalf("days 十: %d overlays, want the form and a message", n)
	}
	w.Canvas().Overlays().Top().Hide()
	rs.lastDialog.d.Hide()

	// 修改 咨询 to 3 days.
	var consult *model.DeadlineRule
	for _, r := range rs.rules {
		if r.Kind == "咨询" {
			consult = r
		}
	}
	rs.onEdit(consult)
	if rs.kind.Selected != "咨询" || rs.risk.Selected != anyRisk || rs.days.Text != "2" || rs.from.Selected != fromNextDay {
		t.Fatalf("the edit form shows %q %q %q %q", rs.kind.Selected, rs.risk.Selected, rs.days.Text, rs.from.Selected)
	}
	rs.days.SetText("3")
	test.Tap(rs.lastDialog.ok)
	ss.bg.settle()
	rules, _ := s.FindDeadlineRules(ctx)
	if r := model.RuleFor(rules, "咨询", ""); r == nil || r.Days != 3 || len(rules) != 9 {
		t.Fatalf("after editing: %+v", r)
	}
	if !strings.Contains(rs.sample.Text, "咨询 12-02") {
		t.Errorf("the sample did not follow the edit: %q", rs.sample.Text)
	}

	// 删除.
	rs.onDelete(consult)
	test.Tap(rs.lastDialog.ok)
	ss.bg.settle()
	if len(rs.rules) != 8 {
		t.Fatalf("after deleting: %d rules", len(rs.rules))
	}
	if p, _ := s.ProposeDue(ctx, "咨询", "", time.Now()); p.Rule != nil {
		t.Errorf("咨询 still has a rule: %+v", p.Rule)
	}
}
