package ui

import (
	"context"
	"database/sql"
	"path/filepath"
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
		"地点": e.place.Text, "主持人": e.host.Text, "出席": e.present.Text, "议题": e.topic.text()} {
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
