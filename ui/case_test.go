package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// newCaseThroughForm fills the case form as a user would and saves it.
func newCaseThroughForm(t *testing.T, cs *casesScreen, title, content string) *model.Case {
	t.Helper()
	test.Tap(cs.ed.newBtn)
	test.Type(cs.ed.title, title)
	test.Type(cs.ed.content.entry, content)
	cs.ed.collected.SetText(time.Now().AddDate(0, 0, -10).Format("2006年1月2日 15:04"))
	cs.ed.source.SetText("人民网领导留言板")
	cs.ed.kind.SetSelected("投诉")
	test.Tap(cs.ed.saveBtn)
	cs.wait()
	if cs.ed.orig == nil || cs.ed.orig.ID == 0 {
		t.Fatalf("case %q was not saved", title)
	}
	return cs.ed.orig
}

func TestCaseWorkflow(t *testing.T) {
	s := mustOpenStore(t)
	sh, w := newTestShell(t, s)
	cs := sh.cases

	c := newCaseThroughForm(t, cs, "城关镇幸福小区停车难，消防通道被占", "小区车位严重不足，晚上消防通道停满车辆。")
	newCaseThroughForm(t, cs, "青山乡灌溉渠堵塞影响春播", "灌溉渠被淤泥堵塞，请求帮忙清淤。")
	if !strings.HasPrefix(cs.ed.heading.Text, time.Now().Format("2006")+"-") {
		t.Errorf("heading = %q, want the case number", cs.ed.heading.Text)
	}
	if got := countCases(t, s); got != 2 {
		t.Fatalf("store holds %d cases, want 2", got)
	}

	// Find the first case by a two-character search and open it.
	test.Type(cs.search, "停车")
	cs.wait()
	if cs.total != 1 || cs.caseAt(0) == nil || cs.caseAt(0).ID != c.ID {
		t.Fatalf("search 停车: %d results, want case %s only", cs.total, c.Number)
	}
	if cs.count.Text != "共 1 件" {
		t.Errorf("count label = %q, want 共 1 件", cs.count.Text)
	}
	cs.table.Select(widget.TableCellID{Row: 0, Col: 1})
	if cs.ed.orig.ID != c.ID {
		t.Fatalf("editor shows case %d, want %d", cs.ed.orig.ID, c.ID)
	}
	if cs.ed.replyBtn.Disabled() == false || cs.ed.assignBtn.Disabled() {
		t.Errorf("for 待研判: 交办 enabled=%v, 登记回复 enabled=%v; want true, false", !cs.ed.assignBtn.Disabled(), !cs.ed.replyBtn.Disabled())
	}

	// 交办 eight days ago with a due date three days ago: the case is overdue.
	s.SetNow(func() time.Time { return time.Now().AddDate(0, 0, -8) })
	test.Tap(cs.ed.assignBtn)
	f := cs.ed.action
	if f == nil || f.depts == nil {
		t.Fatal("交办 dialog not shown")
	}
	f.depts.SetSelected([]string{"县住房和城乡建设局"})
	f.due.SetDate(model.Day(time.Now().AddDate(0, 0, -3)))
	test.Tap(f.dlg.ok)
	cs.wait()
	s.SetNow(time.Now)
	if cs.ed.orig.Status != model.StatusAssigned {
		t.Fatalf("status after 交办 = %s, want 已交办", cs.ed.orig.Status)
	}
	if !cs.ed.overdueMark.Visible() {
		t.Error("editor does not mark the case 逾期")
	}
	cell := newCaseCell().(*caseCell)
	cs.updateCell(widget.TableCellID{Row: 0, Col: 6}, cell)
	if !strings.HasPrefix(cell.label.Text, "逾期") || cell.label.Importance != widget.DangerImportance || !cell.band.Visible() {
		t.Errorf("时限 cell = %q (importance %v, band %v), want red with 逾期", cell.label.Text, cell.label.Importance, cell.band.Visible())
	}
	test.Tap(cs.overdue) // 仅看逾期
	cs.wait()
	if cs.total != 1 {
		t.Errorf("仅看逾期 with search 停车: %d results, want 1", cs.total)
	}

	// 登记回复, then 办结.
	test.Tap(cs.ed.replyBtn)
	cs.ed.action.text.SetText("已协调物业清理消防通道，并施划临时停车位。")
	test.Tap(cs.ed.action.dlg.ok)
	cs.wait()
	if cs.ed.orig.Status != model.StatusReplied || cs.ed.overdueMark.Text != "逾期回复" {
		t.Fatalf("after 登记回复: status %s, mark %q; want 已回复, 逾期回复 (the 时限 was 3 days ago)", cs.ed.orig.Status, cs.ed.overdueMark.Text)
	}
	if cs.ed.reply.text() != "已协调物业清理消防通道，并施划临时停车位。" {
		t.Errorf("回复内容 = %q", cs.ed.reply.text())
	}
	test.Tap(cs.ed.closeBtn)
	test.Tap(cs.ed.action.dlg.ok)
	cs.wait()
	if cs.ed.orig.Status != model.StatusClosed {
		t.Fatalf("status after 办结 = %s, want 已办结", cs.ed.orig.Status)
	}
	for _, b := range []*widget.Button{cs.ed.assignBtn, cs.ed.replyBtn, cs.ed.closeBtn, cs.ed.returnBtn} {
		if !b.Disabled() {
			t.Errorf("button %s enabled on a closed case", b.Text)
		}
	}
	var actions []string
	for _, ev := range cs.ed.events {
		actions = append(actions, ev.Action)
	}
	if got, want := strings.Join(actions, ","), "登记,交办,登记回复,办结"; got != want {
		t.Errorf("timeline = %s, want %s", got, want)
	}
	if dialogShowing(w) {
		t.Error("a dialog is still showing after the workflow")
	}
}

func TestCaseEmptyTitleIsRefused(t *testing.T) {
	s := mustOpenStore(t)
	sh, w := newTestShell(t, s)
	test.Tap(sh.cases.ed.newBtn)
	test.Type(sh.cases.ed.content.entry, "只有内容，没有标题")
	test.Tap(sh.cases.ed.saveBtn)
	if got := countCases(t, s); got != 0 {
		t.Errorf("store holds %d cases after saving without a title, want 0", got)
	}
	if !dialogShowing(w) {
		t.Error("no message shown for the empty title")
	}
	if sh.cases.ed.content.text() != "只有内容，没有标题" {
		t.Errorf("form lost the typed text: %q", sh.cases.ed.content.text())
	}
}

func TestCaseControlCharactersRemoved(t *testing.T) {
	s := mustOpenStore(t)
	sh, w := newTestShell(t, s)
	cs := sh.cases
	test.Tap(cs.ed.newBtn)
	cs.ed.title.SetText("标题\u0007含响铃符")
	test.Tap(cs.ed.saveBtn)
	if cs.ed.orig == nil || cs.ed.orig.Title != "标题含响铃符" {
		t.Fatalf("saved title = %+v, want 标题含响铃符", cs.ed.orig)
	}
	if !dialogShowing(w) {
		t.Error("no note shown about the removed control character")
	}
}

func TestUnsavedChangesPrompt(t *testing.T) {
	s := mustOpenStore(t)
	sh, _ := newTestShell(t, s)
	cs := sh.cases
	c := newCaseThroughForm(t, cs, "建议在马庄镇路口增设红绿灯", "上下学高峰期很危险。")

	// 取消 keeps the edit on screen.
	test.Type(cs.ed.title, "（补充）")
	test.Tap(cs.ed.newBtn)
	p := cs.ed.lastPrompt
	if p == nil {
		t.Fatal("no prompt for unsaved edits")
	}
	test.Tap(p.cancel)
	if cs.ed.orig.ID != c.ID || !strings.HasSuffix(cs.ed.title.Text, "（补充）") {
		t.Fatalf("after 取消: editing case %d with title %q", cs.ed.orig.ID, cs.ed.title.Text)
	}

	// Ctrl+N then 保存 saves before starting the new case.
	cs.ed.lastPrompt = nil
	sh.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault})
	if cs.ed.lastPrompt == nil {
		t.Fatal("Ctrl+N did not ask about the unsaved edit")
	}
	test.Tap(cs.ed.lastPrompt.save)
	got, err := s.FindCaseByID(context.Background(), c.ID)
	if err != nil || got.Title != "建议在马庄镇路口增设红绿灯（补充）" {
		t.Fatalf("stored title = %q (%v), want the edited one", got.Title, err)
	}
	if cs.ed.orig.ID != 0 {
		t.Errorf("after 保存 the editor shows case %d, want a new case", cs.ed.orig.ID)
	}

	// Switching screens with an edit, then 放弃修改, drops it.
	test.Type(cs.ed.title, "不要的草稿")
	cs.ed.lastPrompt = nil
	sh.onNavigate(navMeetings)
	if cs.ed.lastPrompt == nil || sh.current != navCases {
		t.Fatalf("switching screens did not ask first (current %s)", sh.current)
	}
	test.Tap(cs.ed.lastPrompt.discard)
	if sh.current != navMeetings {
		t.Errorf("after 放弃修改 the screen is %s, want 会议纪要", sh.current)
	}
	if got := countCases(t, s); got != 1 {
		t.Errorf("store holds %d cases, want 1", got)
	}
}

func TestDeleteAsksFirst(t *testing.T) {
	s := mustOpenStore(t)
	sh, _ := newTestShell(t, s)
	cs := sh.cases
	newCaseThroughForm(t, cs, "杏花乡农贸市场占道经营", "早市摊位占满道路。")
	test.Tap(cs.ed.deleteBtn)
	test.Tap(cs.ed.lastDialog.cancel)
	if got := countCases(t, s); got != 1 {
		t.Fatalf("取消 deleted the case (%d left)", got)
	}
	test.Tap(cs.ed.deleteBtn)
	test.Tap(cs.ed.lastDialog.ok)
	cs.wait()
	if got := countCases(t, s); got != 0 {
		t.Errorf("删除 left %d cases", got)
	}
	if cs.ed.orig != nil {
		t.Error("editor still shows the deleted case")
	}
}

func TestShortcutFind(t *testing.T) {
	s := mustOpenStore(t)
	sh, w := newTestShell(t, s)
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if w.Canvas().Focused() != sh.cases.search {
		t.Errorf("Ctrl+F focused %v, want the search box", w.Canvas().Focused())
	}
}

func TestSortByHeader(t *testing.T) {
	s := mustOpenStore(t)
	sh, _ := newTestShell(t, s)
	cs := sh.cases
	first := newCaseThroughForm(t, cs, "甲案件", "内容")
	second := newCaseThroughForm(t, cs, "乙案件", "内容")
	cs.onSortColumn(model.SortNumber) // as tapping the 编号 header
	cs.wait()
	if cs.sort != model.SortNumber || !cs.desc || cs.caseAt(0).ID != second.ID {
		t.Fatalf("编号 descending: first row %s, want %s", cs.caseAt(0).Number, second.Number)
	}
	cs.onSortColumn(model.SortNumber) // a second tap reverses
	cs.wait()
	if cs.desc || cs.caseAt(0).ID != first.ID {
		t.Errorf("编号 ascending: first row %s, want %s", cs.caseAt(0).Number, first.Number)
	}
	hdr := widget.NewButton("", nil)
	cs.updateHeader(widget.TableCellID{Row: -1, Col: 0}, hdr)
	if hdr.Text != "编号 ▲" {
		t.Errorf("header text = %q, want 编号 ▲", hdr.Text)
	}
}
