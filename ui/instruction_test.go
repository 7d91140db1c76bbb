package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"bulletin/model"
)

// 登记批示 with 交办 on a mix of cases says before 登记 what will happen to
// each: the 待研判 case is assigned, the overdue one gets the department
// added and keeps its past 时限, the replied one is skipped; the 批示 then
// says what really happened.
func TestInstructionShowsPlanAndKeepsDue(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	today := model.Day(time.Now())
	mk := func(title string, moves ...model.Transition) *model.Case {
		c := &model.Case{Title: title}
		if err := s.CreateCase(ctx, c); err != nil {
			t.Fatal(err)
		}
		for _, m := range moves {
			var err error
			if c, err = s.TransitionCase(ctx, c.ID, m); err != nil {
				t.Fatal(err)
			}
		}
		return c
	}
	assign := model.Transition{Action: model.ActionAssign, At: today.AddDate(0, 0, -30),
		Departments: []string{"县住房和城乡建设局"}, Due: today.AddDate(0, 0, -5)}
	pending := mk("待研判的案件")
	overdue := mk("逾期未回复的案件", assign)
	replied := mk("已回复的案件", assign, model.Transition{Action: model.ActionReply, Reply: "已处理。"})
	b := storeDraft(t, s, 1, "正文。")
	b.CaseIDs = []int64{pending.ID, overdue.ID, replied.ID}
	if err := s.UpdateBulletin(ctx, b); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IssueBulletin(ctx, b.ID, []byte("%PDF-1.7\n%%EOF\n")); err != nil {
		t.Fatal(err)
	}
	_, bs, w := openBulletinsScreen(t, s)
	bs.open(b.ID)
	e := bs.ed
	test.Tap(e.instrBtn)
	f := e.instrForm
	if f == nil || !f.assign.Checked || f.moveDue.Checked {
		t.Fatal("批示 form: want 交办 ticked and the 时限 of assigned cases kept by default")
	}
	test.Type(f.leader, "张振华")
	test.Type(f.text, "请城关镇会同住建局处置。")
	f.depts.SetSelected([]string{"城关镇人民政府"})
	due := today.AddDate(0, 0, 10)
	f.due.SetDate(due)
	plan := labelsIn(t, f.plan)
	for _, want := range []string{
		"交办给城关镇人民政府，时限 " + due.Format(model.DateLayout),
		"增加责任单位城关镇人民政府，时限仍为 " + overdue.Due.Format(model.DateLayout) + "（已逾期）",
		"跳过：已回复，不再交办",
	} {
		if !strings.Contains(plan, want) {
			t.Errorf("the form does not say %q before 登记; it says:\n%s", want, plan)
		}
	}
	test.Tap(f.dlg.ok)
	bs.wait()

	got, _ := s.FindCaseByID(ctx, overdue.ID)
	if !got.Due.Equal(overdue.Due) || !got.Overdue(time.Now()) || len(got.Departments) != 2 {
		t.Errorf("overdue case after: due %v (was %v), overdue %v, departments %v; want it still overdue with both departments",
			got.Due, overdue.Due, got.Overdue(time.Now()), got.Departments)
	}
	if got, _ := s.FindCaseByID(ctx, replied.ID); got.Status != model.StatusReplied {
		t.Errorf("replied case is now %s", got.Status)
	}
	want := "交办 1 件，增加责任单位 1 件，跳过 1 件（已回复）"
	if msg := flat(overlayTexts(t, w)); !strings.Contains(msg, want) {
		t.Errorf("after 登记 the message says %q, want %q", msg, want)
	}
	if list := labelsIn(t, e.instrBox); !strings.Contains(list, want) || strings.Contains(list, "已交办关联案件") {
		t.Errorf("the 批示 in the list says:\n%s\nwant %q", list, want)
	}
}
