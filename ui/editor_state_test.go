package ui

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"bulletin/model"
)

// flat is s without the line breaks a dialog adds.
func flat(s string) string { return strings.ReplaceAll(s, "\n", "") }

// A meeting stored with seconds in its time (as an import writes it) is not
// "unsaved" when opened: the editor compares what it shows, to the minute.
// 新建 then empties every field, the selects too, and the new note stores
// nothing of the one open before.
func TestMeetingUnsavedComparesShownValues(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	c := &model.Case{Title: "小区停车难"}
	if err := s.CreateCase(ctx, c); err != nil {
		t.Fatal(err)
	}
	m := &model.Meeting{Name: "专题研究会", Type: "专题研究会", Place: "三楼会议室", Host: "王淑芬",
		Time:      time.Date(2026, 11, 28, 9, 30, 27, 0, time.Local),
		Present:   []string{"赵德明"},
		Decisions: []model.Decision{{Text: "摸底", Lead: "县住房和城乡建设局", Due: time.Date(2026, 12, 10, 0, 0, 0, 0, time.Local)}},
		CaseIDs:   []int64{c.ID}}
	if err := s.CreateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	sh, w := newTestShell(t, s)
	sh.onNavigate(navMeetings)
	ms := sh.meetings
	ms.wait()
	ms.list.Select(0)
	e := ms.ed
	if e.orig == nil || e.orig.ID != m.ID {
		t.Fatal("the stored meeting did not open")
	}
	if e.dirty() {
		t.Errorf("a meeting just opened reports unsaved edits (time shown %q, stored %v)", e.when.Text(), m.Time)
	}
	test.Tap(e.newBtn)
	if dialogShowing(w) {
		t.Fatalf("新建 after opening an untouched meeting asked: %q", overlayTexts(t, w))
	}
	for name, text := range map[string]string{"会议名称": e.name.Text, "类型": e.typ.Text, "时间": e.when.Text(),
		"地点": e.place.Text, "主持人": e.host.Text, "出席": e.present.Text, "议题": e.topic.Text} {
		if text != "" {
			t.Errorf("新建: %s shows %q from the meeting open before", name, text)
		}
	}
	if len(e.decisions) != 0 || len(e.cases) != 0 {
		t.Errorf("新建: %d 议定事项, %d cases carried over", len(e.decisions), len(e.cases))
	}
	if e.dirty() {
		t.Error("an untouched new meeting reports unsaved edits")
	}
	test.Type(e.name, "协调会")
	if !e.dirty() {
		t.Error("a typed name is not an unsaved edit")
	}
	test.Tap(e.saveBtn)
	ms.wait()
	got, err := s.FindMeetingByID(ctx, e.orig.ID)
	if err != nil || got.ID == m.ID {
		t.Fatalf("new meeting: %v (id %d)", err, e.orig.ID)
	}
	if got.Type != "" || !got.Time.IsZero() || got.Place != "" || len(got.Decisions) != 0 || len(got.CaseIDs) != 0 {
		t.Errorf("new meeting stored with 类型 %q 时间 %v 地点 %q, %d 议定事项, %d cases; want only its name",
			got.Type, got.Time, got.Place, len(got.Decisions), len(got.CaseIDs))
	}
	if e.dirty() {
		t.Error("unsaved edits right after saving")
	}
}

// The composer's "unsaved" is any field that differs from what it showed:
// a new issue left as started is not unsaved, one whose 刊名 alone was
// changed is; 新建 after an issued issue starts again from the settings.
func TestBulletinUnsavedComparesShownValues(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	if err := s.SetSettings(ctx, map[string]string{model.SettingUnit: "某县委网信办"}); err != nil {
		t.Fatal(err)
	}
	old := storeDraft(t, s, 1, "正文。")
	old.Marking, old.Cover, old.Bao = "内部资料", false, "县委书记"
	if err := s.UpdateBulletin(ctx, old); err != nil {
		t.Fatal(err)
	}
	_, bs, w := openBulletinsScreen(t, s)
	bs.open(old.ID)
	e := bs.ed
	if e.dirty() {
		t.Fatal("an issue just opened reports unsaved edits")
	}
	test.Tap(e.backBtn)
	bs.onNew()
	if e.marking.Text != model.DefaultMarking || !e.cover.Checked || e.bao.Text != "" || e.body.Text != "" {
		t.Errorf("新建 after an issue: 标注 %q 阅批单 %v 报 %q 正文 %q; want the settings' defaults",
			e.marking.Text, e.cover.Checked, e.bao.Text, e.body.Text)
	}
	if e.dirty() {
		t.Error("an untouched new issue reports unsaved edits")
	}
	e.name.SetText("网络舆情专报")
	if !e.dirty() {
		t.Error("a new issue whose 刊名 was changed is not unsaved: leaving it would lose the edit")
	}
	test.Tap(e.backBtn)
	if e.lastPrompt == nil || !dialogShowing(w) {
		t.Error("leaving a new issue with a changed 刊名 did not ask")
	}
}

// corruptCase makes case id unreadable, as a damaged row would be.
func corruptCase(t *testing.T, s *model.Store, id int64) {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.ToSlash(s.Path()))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE cases SET posted = 'not a time' WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
}

// One linked case that cannot be read does not make the composer drop its
// link: opening says so and shows nothing to save, and an issue already open
// saves the links it has.
func TestComposerKeepsLinksWhenACaseCannotBeRead(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	var ids []int64
	for _, title := range []string{"第一件", "第二件"} {
		c := &model.Case{Title: title}
		if err := s.CreateCase(ctx, c); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	b := storeDraft(t, s, 1, "正文。")
	b.CaseIDs = ids
	if err := s.UpdateBulletin(ctx, b); err != nil {
		t.Fatal(err)
	}
	links := func() int {
		got, err := s.FindBulletinByID(ctx, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(got.CaseIDs)
	}

	// Open with a case that cannot be read.
	_, bs, w := openBulletinsScreen(t, s)
	corruptCase(t, s, ids[1])
	bs.open(b.ID)
	e := bs.ed
	if bs.editing {
		e.title.SetText("改过的标题")
		e.save(nil)
		bs.wait()
	}
	if n := links(); n != 2 {
		t.Errorf("after opening with an unreadable case (and saving): %d links, want 2", n)
	}
	if bs.editing || !strings.Contains(overlayTexts(t, w), "读取") {
		t.Errorf("opening with an unreadable case: editing %v, message %q; want an error and no composer",
			bs.editing, overlayTexts(t, w))
	}
}

// An issue open while a linked case becomes unreadable saves its links, and
// says it could not read the issue back.
func TestComposerSaveKeepsLinksWhenReadBackFails(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	c := &model.Case{Title: "第一件"}
	if err := s.CreateCase(ctx, c); err != nil {
		t.Fatal(err)
	}
	b := storeDraft(t, s, 1, "正文。")
	b.CaseIDs = []int64{c.ID}
	if err := s.UpdateBulletin(ctx, b); err != nil {
		t.Fatal(err)
	}
	_, bs, w := openBulletinsScreen(t, s)
	bs.open(b.ID)
	e := bs.ed
	corruptCase(t, s, c.ID)
	e.title.SetText("改过的标题")
	e.save(nil)
	bs.wait()
	got, _ := s.FindBulletinByID(ctx, b.ID)
	if got.Title != "改过的标题" || len(got.CaseIDs) != 1 {
		t.Errorf("saved %q with %d links, want the new title and the link", got.Title, len(got.CaseIDs))
	}
	if !dialogShowing(w) || e.dirty() {
		t.Errorf("after a save whose read-back failed: message shown %v, unsaved %v; want a message and nothing unsaved",
			dialogShowing(w), e.dirty())
	}
}

// After 导出 PDF, when no viewer opens, the user learns where the file is,
// with 打开所在文件夹.
func TestExportSaysWhereWhenNoViewer(t *testing.T) {
	s := mustOpenStore(t)
	b := storeDraft(t, s, 1, "正文。")
	_, bs, w := openBulletinsScreen(t, s)
	bs.open(b.ID)
	e := bs.ed
	dir := t.TempDir()
	h := hookExport(t, e, dir)
	var tried []string
	e.openURL = func(path string) error {
		tried = append(tried, path)
		return errors.New("no viewer")
	}
	test.Tap(e.exportBtn)
	bs.wait()
	if len(h.names) != 1 || e.lastExported == nil {
		t.Fatalf("export wrote %v; notice %v; want a notice saying where the PDF went", h.names, e.lastExported)
	}
	path := filepath.Join(dir, h.names[0])
	if got := flat(overlayTexts(t, w)); !strings.Contains(got, path) {
		t.Errorf("notice says %q, want the path %s", got, path)
	}
	if e.lastExported.folderBtn.Text != "打开所在文件夹" || e.lastExported.okBtn.Text != "确定" {
		t.Errorf("notice buttons %q, %q", e.lastExported.folderBtn.Text, e.lastExported.okBtn.Text)
	}
	test.Tap(e.lastExported.folderBtn)
	bs.wait()
	if len(tried) != 2 || tried[1] != dir {
		t.Errorf("opened %q, want the PDF then its folder %s", tried, dir)
	}
}

// 导出 and 印发 warn when the 报头 lacks 编印单位 or 刊名: which field, where
// to fill it; the user may go on or stop.
func TestMastheadWarning(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	b := storeDraft(t, s, 1, "正文。")
	b.Unit = ""
	if err := s.UpdateBulletin(ctx, b); err != nil {
		t.Fatal(err)
	}
	_, bs, w := openBulletinsScreen(t, s)
	bs.open(b.ID)
	e := bs.ed
	h := hookExport(t, e, t.TempDir())

	test.Tap(e.exportBtn)
	got := flat(overlayTexts(t, w))
	for _, want := range []string{"编印单位", "设置 → 专报模板与字体"} {
		if !strings.Contains(got, want) {
			t.Errorf("导出 with no 编印单位: message %q lacks %q", got, want)
		}
	}
	test.Tap(e.lastConfirm.cancel) // stop, to fill it in
	bs.wait()
	if len(h.names) != 0 {
		t.Fatalf("exported after 返回填写")
	}
	test.Tap(e.exportBtn)
	if e.lastConfirm.ok.Text != "仍然导出" {
		t.Fatalf("go-on button %q, want 仍然导出", e.lastConfirm.ok.Text)
	}
	test.Tap(e.lastConfirm.ok)
	bs.wait()
	if len(h.names) != 1 {
		t.Errorf("仍然导出 exported %d times, want 1", len(h.names))
	}

	test.Tap(e.issueBtn)
	if e.lastConfirm.ok.Text != "仍然印发" || !strings.Contains(flat(overlayTexts(t, w)), "编印单位") {
		t.Fatalf("印发 with no 编印单位: %q (%q)", flat(overlayTexts(t, w)), e.lastConfirm.ok.Text)
	}
	test.Tap(e.lastConfirm.ok)
	bs.wait()
	if e.lastConfirm.ok.Text != "确认印发" {
		t.Errorf("after 仍然印发 the next dialog is %q, want the 印发 confirmation", e.lastConfirm.ok.Text)
	}
}

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

// On Linux the viewer is opened through xdg-open, whose failure (no program
// for the file, or no xdg-open at all) must come back as an error.
func TestOpenInViewerReportsFailure(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("xdg-open is used on Linux and the BSDs only")
	}
	dir := t.TempDir()
	t.Setenv("PATH", dir)
	if err := openInViewer("/tmp/x.pdf"); err == nil {
		t.Error("no xdg-open: no error")
	}
	for _, tc := range []struct {
		exit    int
		wantErr bool
	}{{3, true}, {0, false}} {
		script := fmt.Sprintf("#!/bin/sh\nexit %d\n", tc.exit)
		if err := os.WriteFile(filepath.Join(dir, "xdg-open"), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := openInViewer("/tmp/x.pdf"); (err != nil) != tc.wantErr {
			t.Errorf("xdg-open exiting %d: error %v, want error %v", tc.exit, err, tc.wantErr)
		}
	}
}

// A meeting note whose linked case cannot be read does not open with fewer
// cases (a save would drop the link): it says so instead.
func TestMeetingKeepsLinksWhenACaseCannotBeRead(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	var ids []int64
	for _, title := range []string{"第一件", "第二件"} {
		c := &model.Case{Title: title}
		if err := s.CreateCase(ctx, c); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	m := &model.Meeting{Name: "协调会", CaseIDs: ids}
	if err := s.CreateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	sh, w := newTestShell(t, s)
	sh.onNavigate(navMeetings)
	ms := sh.meetings
	ms.wait()
	corruptCase(t, s, ids[0])
	ms.list.Select(0)
	if ms.ed.orig != nil {
		test.Type(ms.ed.name, "（改）")
		ms.ed.save(nil)
		ms.wait()
	}
	got, _ := s.FindMeetingByID(ctx, m.ID)
	if len(got.CaseIDs) != 2 {
		t.Errorf("after opening with an unreadable case (and saving): %d links, want 2", len(got.CaseIDs))
	}
	if !strings.Contains(overlayTexts(t, w), "读取") {
		t.Errorf("no message about the case that could not be read: %q", overlayTexts(t, w))
	}
}

// A new meeting saved while its linked case cannot be read back is saved
// once: the editor holds the saved note, and saving again adds no second one.
func TestMeetingSavedOnceWhenReadBackFails(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	c := &model.Case{Title: "第一件"}
	if err := s.CreateCase(ctx, c); err != nil {
		t.Fatal(err)
	}
	sh, _ := newTestShell(t, s)
	sh.onNavigate(navMeetings)
	ms := sh.meetings
	ms.wait()
	test.Tap(ms.ed.newBtn)
	test.Type(ms.ed.name, "协调会")
	ms.ed.cases = []*model.Case{c}
	ms.ed.showCases()
	corruptCase(t, s, c.ID)
	ms.ed.save(nil)
	ms.wait()
	if ms.ed.dirty() {
		t.Error("unsaved edits right after a save whose read-back failed")
	}
	ms.ed.save(nil)
	ms.wait()
	if found, _ := s.FindMeetings(ctx, model.MeetingFilter{}); len(found) != 1 {
		t.Errorf("%d meetings after saving twice, want 1", len(found))
	}
}

// A failed export leaves no empty PDF behind under the name chosen.
func TestFailedExportLeavesNoFile(t *testing.T) {
	s := mustOpenStore(t)
	b := storeDraft(t, s, 1, "")
	_, bs, w := openBulletinsScreen(t, s)
	bs.open(b.ID)
	dir := t.TempDir()
	h := hookExport(t, bs.ed, dir)
	test.Tap(bs.ed.exportBtn)
	bs.wait()
	if len(h.names) != 1 || !dialogShowing(w) {
		t.Fatalf("export of an empty body: names %v, message shown %v", h.names, dialogShowing(w))
	}
	if _, err := os.Stat(filepath.Join(dir, h.names[0])); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("failed export left %s behind (%v)", h.names[0], err)
	}
}
