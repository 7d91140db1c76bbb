package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// deadlineScreen is the 案件 screen on a fixed day at, the store's clock
// with it, and the store's departments.
func deadlineScreen(t *testing.T, at time.Time) (*casesScreen, *model.Store, fyne.Window, []string) {
	t.Helper()
	s := mustOpenStore(t)
	s.SetNow(func() time.Time { return at })
	sh, w := newTestShell(t, s)
	cs := sh.cases
	cs.now = func() time.Time { return at }
	depts, err := s.FindDepartments(context.Background())
	if err != nil || len(depts) < 2 {
		t.Fatalf("departments: %d, %v", len(depts), err)
	}
	return cs, s, w, []string{depts[0].Name, depts[1].Name}
}

// storeCase records a case of kind collected the day before at.
func storeCase(t *testing.T, s *model.Store, title, kind string, at time.Time) *model.Case {
	t.Helper()
	c := &model.Case{Title: title, Kind: kind, Source: "本地论坛", Collected: at.AddDate(0, 0, -1)}
	if err := s.CreateCase(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

func assignInStore(t *testing.T, s *model.Store, id int64, dept string, due time.Time) {
	t.Helper()
	if _, err := s.TransitionCase(context.Background(), id, model.Transition{Action: model.ActionAssign,
		Departments: []string{dept}, Due: due}); err != nil {
		t.Fatal(err)
	}
}

func date(s string) time.Time {
	d, err := time.ParseInLocation(model.DateLayout, s, time.Local)
	if err != nil {
		panic(err)
	}
	return d
}

// A 咨询 assigned on Friday 2026-02-13 has 2 working days from the next day:
// Saturday 02-14 is a working day (调休), then the 春节 holiday, so the 交办
// form proposes 2026-02-24 and names the rule; the timeline names it too.
func TestAssignProposesDueAcrossHoliday(t *testing.T) {
	at := date("2026-02-13").Add(10 * time.Hour)
	cs, s, _, depts := deadlineScreen(t, at)
	c := storeCase(t, s, "咨询春节期间医保报销办理时间", "咨询", at)
	cs.ed.open(c.ID)
	test.Tap(cs.ed.assignBtn)
	f := cs.ed.action
	if f == nil || f.due == nil {
		t.Fatal("交办 form not shown")
	}
	if got := f.due.Text(); got != "2026-02-24" {
		t.Errorf("proposed 时限 = %q, want 2026-02-24", got)
	}
	if !strings.Contains(f.hint.Text, "依据规则：咨询 2 个工作日") {
		t.Errorf("hint = %q, want the rule", f.hint.Text)
	}
	f.due.SetText("2026-02-25")
	if !strings.Contains(f.hint.Text, "按规则应为 2026-02-24") {
		t.Errorf("hint after changing the date = %q, want the rule's date", f.hint.Text)
	}
	f.due.SetText("2026-02-24")
	f.depts.SetSelected(depts[:1])
	test.Tap(f.dlg.ok)
	cs.wait()
	if got := cs.ed.orig; got.Status != model.StatusAssigned || !got.Due.Equal(date("2026-02-24")) {
		t.Fatalf("after 交办: %s due %v, want 已交办 due 2026-02-24", got.Status, got.Due)
	}
	last := cs.ed.events[len(cs.ed.events)-1]
	if last.Action != model.ActionAssign || !strings.Contains(last.Note, "咨询") {
		t.Errorf("timeline %s %q, want the 交办 naming the rule", last.Action, last.Note)
	}
}

// 延期 beyond the rule's longest extension is refused with the limit; the
// form stays open; one within it is recorded and keeps the 原定时限.
func TestExtendBeyondLimitRefused(t *testing.T) {
	at := date("2026-03-02").Add(9 * time.Hour)
	cs, s, w, depts := deadlineScreen(t, at)
	c := storeCase(t, s, "某小区供暖不热投诉", "投诉", at)
	p, err := s.ProposeCaseDue(context.Background(), c.ID, at)
	if err != nil || p.Due.IsZero() {
		t.Fatalf("proposal %v, %v", p, err)
	}
	assignInStore(t, s, c.ID, depts[0], p.Due)
	cs.ed.open(c.ID)
	if cs.ed.extendBtn.Disabled() {
		t.Fatal("延期 disabled on an 已交办 case")
	}
	test.Tap(cs.ed.extendBtn)
	f := cs.ed.action
	if !strings.Contains(f.hint.Text, "最长延期 15 个工作日") {
		t.Errorf("延期 form says %q, want the limit", f.hint.Text)
	}
	ext, _ := s.CaseExtension(context.Background(), c.ID)
	f.due.SetDate(ext.Latest.AddDate(0, 0, 7))
	f.text.SetText("需要协调供热公司")
	test.Tap(f.dlg.ok)
	cs.wait()
	if got := overlayTexts(t, w); !strings.Contains(got, "延期超过上限") || !strings.Contains(got, "15 个工作日") {
		t.Errorf("message %q, want 延期超过上限 with the 15 working days", got)
	}
	if n := len(w.Canvas().Overlays().List()); n != 2 {
		t.Errorf("%d overlays, want the form and the message above it", n)
	}
	if got, _ := s.FindCaseByID(context.Background(), c.ID); !got.Due.Equal(p.Due) {
		t.Errorf("时限 %v after a refused 延期, want %v", got.Due, p.Due)
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())

	f.due.SetDate(ext.Latest)
	test.Tap(f.dlg.ok)
	cs.wait()
	got := cs.ed.orig
	if !got.Due.Equal(ext.Latest) || !got.OriginalDue.Equal(p.Due) || !got.Extended() {
		t.Errorf("after 延期: due %v original %v, want %v and %v", got.Due, got.OriginalDue, ext.Latest, p.Due)
	}
	if !strings.Contains(cs.ed.overdueMark.Text, "已延期") || !strings.Contains(cs.ed.originalDue.Text, "已延期至") {
		t.Errorf("editor mark %q, 原定时限 %q; want 已延期", cs.ed.overdueMark.Text, cs.ed.originalDue.Text)
	}
}

// 即将到期 selects the cases due today or on the next working day, shown
// with the orange band and text; 逾期 rows stay red.
func TestDueSoonFilter(t *testing.T) {
	at := date("2026-12-04").Add(9 * time.Hour) // a Friday
	cs, s, _, depts := deadlineScreen(t, at)
	soon := storeCase(t, s, "下周一到期的案件", "投诉", at)
	later := storeCase(t, s, "月底到期的案件", "投诉", at)
	late := storeCase(t, s, "下周二到期的案件", "投诉", at)
	assignInStore(t, s, soon.ID, depts[0], date("2026-12-07"))
	assignInStore(t, s, later.ID, depts[0], date("2026-12-30"))
	assignInStore(t, s, late.ID, depts[0], date("2026-12-08"))
	cs.reloadList()
	cs.wait()
	test.Tap(cs.dueSoon)
	cs.wait()
	if cs.total != 1 || cs.caseAt(0).ID != soon.ID {
		t.Fatalf("即将到期 on %s: %d cases, want only %s", at.Format(model.DateLayout), cs.total, soon.Number)
	}
	cell := newCaseCell().(*caseCell)
	cs.updateCell(widget.TableCellID{Row: 0, Col: dueColumn}, cell)
	if cell.label.Text != "即将到期" || cell.label.Importance != widget.WarningImportance ||
		!cell.band.Visible() || cell.band.FillColor != colorDueSoonBand {
		t.Errorf("时限 cell %q importance %v band %v %v, want orange 即将到期", cell.label.Text,
			cell.label.Importance, cell.band.Visible(), cell.band.FillColor)
	}

	// Three working days on (Wednesday 12-09): 12-08 is 逾期 1 day, 12-07 2.
	cs.now = func() time.Time { return date("2026-12-09").Add(9 * time.Hour) }
	test.Tap(cs.dueSoon)
	test.Tap(cs.overdue)
	cs.wait()
	if cs.total != 2 {
		t.Fatalf("仅看逾期 on 12-09: %d cases, want 2", cs.total)
	}
	texts := map[int64]string{}
	for row := range 2 {
		cs.updateCell(widget.TableCellID{Row: row, Col: dueColumn}, cell)
		texts[cs.caseAt(row).ID] = cell.label.Text
		if cell.label.Importance != widget.DangerImportance || cell.band.FillColor != colorOverdueBand {
			t.Errorf("row %d %q: want red", row, cell.label.Text)
		}
	}
	if texts[soon.ID] != "逾期2日" || texts[late.ID] != "逾期1日" {
		t.Errorf("时限 cells %v, want 逾期2日 and 逾期1日", texts)
	}
	cs.ed.open(soon.ID)
	if cs.ed.overdueMark.Text != "逾期 2 个工作日" || cs.ed.overdueMark.Importance != widget.DangerImportance {
		t.Errorf("editor mark %q, want 逾期 2 个工作日 in red", cs.ed.overdueMark.Text)
	}
}

// 催办 through its form twice: the list shows 催2 and the editor 催办 2 次.
func TestRemindCountInList(t *testing.T) {
	at := date("2026-12-02").Add(9 * time.Hour)
	cs, s, w, depts := deadlineScreen(t, at)
	c := storeCase(t, s, "路灯不亮多日无人修", "投诉", at)
	assignInStore(t, s, c.ID, depts[0], date("2026-12-22"))
	cs.reloadList()
	cs.wait()
	cs.ed.open(c.ID)
	for i, day := range []string{"2026-12-01", ""} {
		if cs.ed.urgeBtn.Disabled() {
			t.Fatal("催办 disabled on an 已交办 case")
		}
		test.Tap(cs.ed.urgeBtn)
		f := cs.ed.action
		if i == 0 {
			if f.day.Text() != "2026-12-02" {
				t.Errorf("催办日期 defaults to %q, want today", f.day.Text())
			}
			f.day.SetText(day) // before the 交办: refused
			test.Tap(f.dlg.ok)
			cs.wait()
			if got := overlayTexts(t, w); !strings.Contains(got, "早于交办日期") {
				t.Errorf("催办 before the 交办: message %q", got)
			}
			w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
			f.day.SetText("2026-12-02")
		}
		f.text.SetText("电话催办")
		test.Tap(f.dlg.ok)
		cs.wait()
	}
	if cs.ed.orig.Reminders != 2 {
		t.Fatalf("Reminders = %d, want 2", cs.ed.orig.Reminders)
	}
	cell := newCaseCell().(*caseCell)
	cs.updateCell(widget.TableCellID{Row: 0, Col: dueColumn}, cell)
	if cell.label.Text != "12-22 催2" {
		t.Errorf("时限 cell %q, want 12-22 催2", cell.label.Text)
	}
	if !strings.Contains(cs.ed.overdueMark.Text, "催办 2 次") || cs.ed.reminders.Text != "2 次" {
		t.Errorf("editor mark %q, 催办 %q; want 催办 2 次", cs.ed.overdueMark.Text, cs.ed.reminders.Text)
	}
}

// 登记回复 takes the day the department replied and which one: a day before
// the 交办 is refused with the store's message, the form staying open.
func TestReplyDateAndDepartment(t *testing.T) {
	at := date("2026-12-02").Add(9 * time.Hour)
	cs, s, w, depts := deadlineScreen(t, at)
	c := storeCase(t, s, "河道垃圾堆积", "投诉", at)
	if _, err := s.TransitionCase(context.Background(), c.ID, model.Transition{Action: model.ActionAssign,
		Departments: depts, Due: date("2026-12-22")}); err != nil {
		t.Fatal(err)
	}
	cs.ed.open(c.ID)
	test.Tap(cs.ed.replyBtn)
	f := cs.ed.action
	if f.day.Text() != "2026-12-02" || f.replyDept == nil {
		t.Fatalf("回复日期 %q, 回复单位 %v; want today and a choice of the two departments", f.day.Text(), f.replyDept)
	}
	f.text.SetText("已组织清理。")
	f.day.SetText("2026-12-01")
	f.replyDept.SetSelected(depts[1])
	test.Tap(f.dlg.ok)
	cs.wait()
	if got := overlayTexts(t, w); !strings.Contains(got, "早于交办日期") {
		t.Errorf("message %q, want 早于交办日期", got)
	}
	if cs.ed.orig.Status != model.StatusAssigned {
		t.Fatalf("status %s after a refused reply", cs.ed.orig.Status)
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	f.day.SetText("2026-12-02")
	test.Tap(f.dlg.ok)
	cs.wait()
	got := cs.ed.orig
	if got.Status != model.StatusReplied || got.ReplyDept != depts[1] || !model.Day(got.RepliedAt).Equal(date("2026-12-02")) {
		t.Errorf("after 登记回复: %s by %q on %v", got.Status, got.ReplyDept, got.RepliedAt)
	}
	if cs.ed.replyDept.Text != depts[1] {
		t.Errorf("回复单位 shows %q", cs.ed.replyDept.Text)
	}
}

// The report fields are part of "unsaved" and are saved: 重点, 情感倾向, the
// counts (1.2万 = 12000), 回访.
func TestCaseReportFieldsSaved(t *testing.T) {
	at := date("2026-12-02").Add(9 * time.Hour)
	cs, s, _, _ := deadlineScreen(t, at)
	c := storeCase(t, s, "菜市场占道经营", "投诉", at)
	cs.ed.open(c.ID)
	cs.ed.important.SetChecked(true)
	if !cs.ed.dirty() {
		t.Error("重点 checked: the form is not unsaved")
	}
	cs.ed.sentiment.SetSelected("负面")
	cs.ed.views.SetText("1.2万")
	cs.ed.likes.SetText("3,400")
	cs.ed.countedAt.SetText("2026-12-02 08:00")
	cs.ed.save(nil)
	cs.wait()
	got, _ := s.FindCaseByID(context.Background(), c.ID)
	if !got.Important || got.Sentiment != "负面" || got.Views != 12000 || got.Likes != 3400 || got.CountedAt.IsZero() {
		t.Errorf("saved 重点 %v 情感 %q 阅读 %d 点赞 %d 统计 %v", got.Important, got.Sentiment, got.Views, got.Likes, got.CountedAt)
	}
	if cs.ed.dirty() {
		t.Error("unsaved after save")
	}
	cs.ed.views.SetText("很多")
	cs.ed.save(nil)
	if got, _ := s.FindCaseByID(context.Background(), c.ID); got.Views != 12000 {
		t.Errorf("阅读 %d after a bad number", got.Views)
	}
	cs.important.SetChecked(true)
	cs.wait()
	if cs.total != 1 {
		t.Errorf("重点 filter: %d cases, want 1", cs.total)
	}
}

// 交办 again on a case already assigned keeps its 时限; a later one is said
// to be a 延期 before OK, and refused without its reason.
func TestReassignLaterIsExtension(t *testing.T) {
	at := date("2026-12-02").Add(9 * time.Hour)
	cs, s, w, depts := deadlineScreen(t, at)
	c := storeCase(t, s, "小区电梯停运", "投诉", at)
	assignInStore(t, s, c.ID, depts[0], date("2026-12-22"))
	cs.ed.open(c.ID)
	test.Tap(cs.ed.assignBtn)
	f := cs.ed.action
	if f.due.Text() != "2026-12-22" || !strings.Contains(f.hint.Text, "现有时限 2026-12-22") {
		t.Fatalf("交办 again: 时限 %q, hint %q; want the one in force", f.due.Text(), f.hint.Text)
	}
	f.due.SetText("2026-12-29")
	if !strings.Contains(f.hint.Text, "即为延期") || f.hint.Importance != widget.WarningImportance {
		t.Errorf("hint %q for a later date, want 即为延期", f.hint.Text)
	}
	test.Tap(f.dlg.ok)
	cs.wait()
	if got := overlayTexts(t, w); !strings.Contains(got, "延期原因") {
		t.Errorf("later 时限 without reason: message %q", got)
	}
}
