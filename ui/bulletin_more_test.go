package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"bulletin/model"
)

// openBulletinsScreen shows the 专报 screen of a new shell on s.
func openBulletinsScreen(t *testing.T, s *model.Store) (*shell, *bulletinsScreen, fyne.Window) {
	t.Helper()
	sh, w := newTestShell(t, s)
	sh.onNavigate(navBulletins)
	sh.bulletins.wait()
	return sh, sh.bulletins, w
}

// storeDraft creates a draft issue directly in the store.
func storeDraft(t *testing.T, s *model.Store, number int, body string) *model.Bulletin {
	t.Helper()
	b := &model.Bulletin{Year: time.Now().Year(), Number: number, Serial: number, Title: "关于第" + string(rune('0'+number)) + "期的专报",
		Name: "舆情专报", Unit: "某县委网信办",
		Body: body, Date: model.Day(time.Now())}
	if err := s.CreateBulletin(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	return b
}

func shortcut(w fyne.Window, key fyne.KeyName) {
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault})
}

func TestBulletinNumberConflict(t *testing.T) {
	s := mustOpenStore(t)
	storeDraft(t, s, 1, "正文。")
	_, bs, w := openBulletinsScreen(t, s)
	shortcut(w, fyne.KeyN)
	e := bs.ed
	if !bs.editing || e.number.Text != "2" || e.serial.Text != "2" {
		t.Fatalf("Ctrl+N: editing %v, 期号 %q 总期号 %q; want a new issue numbered 2", bs.editing, e.number.Text, e.serial.Text)
	}
	if e.numberNote.Visible() {
		t.Errorf("suggested numbers flagged: %q", e.numberNote.Text)
	}
	e.number.SetText("1")
	if !e.numberNote.Visible() || !strings.Contains(e.numberNote.Text, "第1期已存在") {
		t.Errorf("期号 1 taken: note %q (shown %v)", e.numberNote.Text, e.numberNote.Visible())
	}
	e.number.SetText("3")
	e.serial.SetText("1")
	if !strings.Contains(e.numberNote.Text, "总第1期已被") {
		t.Errorf("总期号 1 taken: note %q", e.numberNote.Text)
	}
	test.Type(e.title, "关于重复总期号的专报")
	shortcut(w, fyne.KeyS)
	if !dialogShowing(w) {
		t.Error("saving a used 总期号 showed no message")
	}
	if bs, _ := s.FindBulletins(context.Background(), model.BulletinFilter{}); len(bs) != 1 {
		t.Errorf("store holds %d issues, want 1", len(bs))
	}
}

func TestBulletinUnsavedAndDelete(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	b := storeDraft(t, s, 1, "原来的正文。")
	sh, bs, _ := openBulletinsScreen(t, s)
	bs.open(b.ID)
	e := bs.ed
	test.Type(e.body, "补充一句。")
	sh.onNavigate(navCases)
	if e.lastPrompt == nil || sh.current != navBulletins {
		t.Fatalf("leaving with an edit did not ask (screen %s)", sh.current)
	}
	test.Tap(e.lastPrompt.cancel)
	test.Tap(e.backBtn)
	test.Tap(e.lastPrompt.discard)
	if bs.editing {
		t.Error("after 放弃修改 the composer is still shown")
	}
	if got, _ := s.FindBulletinByID(ctx, b.ID); got.Body != "原来的正文。" {
		t.Errorf("stored body %q, want the original", got.Body)
	}

	bs.open(b.ID)
	test.Tap(e.deleteBtn)
	if e.lastConfirm == nil {
		t.Fatal("删除 asked nothing")
	}
	test.Tap(e.lastConfirm.cancel)
	if _, err := s.FindBulletinByID(ctx, b.ID); err != nil {
		t.Fatalf("取消 deleted the issue: %v", err)
	}
	test.Tap(e.deleteBtn)
	test.Tap(e.lastConfirm.ok)
	bs.wait()
	if _, err := s.FindBulletinByID(ctx, b.ID); model.ErrorCode(err) != model.ENOTFOUND {
		t.Errorf("after 删除: %v, want not found", err)
	}
	if bs.editing || len(bs.items) != 0 {
		t.Errorf("after 删除: editing %v, %d issues listed", bs.editing, len(bs.items))
	}
}

func TestDraftAsksBeforeReplacing(t *testing.T) {
	s := mustOpenStore(t)
	c := &model.Case{Title: "马庄镇路口增设红绿灯", Source: "微博", Poster: "小马哥", Departments: nil}
	if err := s.CreateCase(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	b := storeDraft(t, s, 1, "自己写的正文。")
	b.CaseIDs = []int64{c.ID}
	if err := s.UpdateBulletin(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	_, bs, _ := openBulletinsScreen(t, s)
	bs.open(b.ID)
	e := bs.ed
	test.Tap(e.draftBtn)
	if e.lastConfirm == nil {
		t.Fatal("drafting over a written body asked nothing")
	}
	test.Tap(e.lastConfirm.cancel)
	if e.body.Text != "自己写的正文。" {
		t.Fatalf("取消 changed the body to %q", e.body.Text)
	}
	test.Tap(e.draftBtn)
	test.Tap(e.lastConfirm.ok)
	if !strings.HasPrefix(e.body.Text, "一、基本情况\n") || !strings.Contains(e.body.Text, "网民“小马哥”在微博发帖") {
		t.Errorf("替换 gave %q", e.body.Text)
	}
}

func TestIssueWarnsAndWithdraw(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	b := storeDraft(t, s, 1, "正文里有一个没有字体的字\U0010FFFD。")
	_, bs, _ := openBulletinsScreen(t, s)
	bs.open(b.ID)
	e := bs.ed
	test.Tap(e.issueBtn)
	bs.wait()
	if e.lastConfirm == nil || e.lastConfirm.ok.Text != "仍然印发" {
		t.Fatal("印发 of an unprintable character gave no warning")
	}
	test.Tap(e.lastConfirm.ok)
	bs.wait()
	if e.orig.Status != model.BulletinIssued || !e.body.Disabled() || !e.deleteBtn.Disabled() || e.withdrawBtn.Disabled() {
		t.Fatalf("after 印发: status %s, body read-only %v, 删除 disabled %v, 撤回 enabled %v",
			e.orig.Status, e.body.Disabled(), e.deleteBtn.Disabled(), !e.withdrawBtn.Disabled())
	}

	test.Tap(e.withdrawBtn)
	test.Tap(e.lastConfirm.ok) // no reason
	if got, _ := s.FindBulletinByID(ctx, b.ID); got.Status != model.BulletinIssued {
		t.Fatalf("withdrawn without a reason: %s", got.Status)
	}
	test.Type(e.reason, "正文有缺字，更正后重发")
	test.Tap(e.lastConfirm.ok)
	if e.orig.Status != model.BulletinDraft || e.body.Disabled() {
		t.Errorf("after 撤回: status %s, body read-only %v; want an editable draft", e.orig.Status, e.body.Disabled())
	}
	evs, _ := s.FindBulletinEvents(ctx, b.ID)
	if last := evs[len(evs)-1]; last.Action != model.BulletinActionWithdraw || last.Note != "正文有缺字，更正后重发" {
		t.Errorf("last event %s %q, want the withdrawal with its reason", last.Action, last.Note)
	}
}

func TestCtrlPExports(t *testing.T) {
	s := mustOpenStore(t)
	b := storeDraft(t, s, 1, "正文。")
	sh, bs, w := openBulletinsScreen(t, s)
	h := hookExport(t, bs.ed, t.TempDir())
	shortcut(w, fyne.KeyP) // on the list: nothing to export
	bs.open(b.ID)
	shortcut(w, fyne.KeyP)
	bs.wait()
	if len(h.opened) != 1 {
		t.Fatalf("Ctrl+P in the composer exported %d times, want 1", len(h.opened))
	}
	sh.onNavigate(navCases)
	shortcut(w, fyne.KeyP)
	bs.wait()
	if len(h.opened) != 1 {
		t.Errorf("Ctrl+P on the 案件 screen exported the issue")
	}
}

// Linking cases pushes the 选择案件 button down below them instead of leaving
// it over the second linked case.
func TestLinkedCasesPushButtonDown(t *testing.T) {
	s := mustOpenStore(t)
	for _, title := range []string{"小区停车难", "道路积水", "楼道漏水"} {
		if err := s.CreateCase(context.Background(), &model.Case{Title: title}); err != nil {
			t.Fatal(err)
		}
	}
	_, bs, _ := openBulletinsScreen(t, s)
	bs.onNew()
	e := bs.ed
	pickAllCases(t, e)
	if len(e.cases) != 3 {
		t.Fatalf("%d cases linked, want 3", len(e.cases))
	}
	d := fyne.CurrentApp().Driver()
	boxBottom := d.AbsolutePositionForObject(e.caseBox).Y + e.caseBox.Size().Height
	if y := d.AbsolutePositionForObject(e.pickCasesBtn).Y; y < boxBottom || e.caseBox.Size().Height < e.caseBox.MinSize().Height {
		t.Errorf("选择案件 at y=%.0f, linked cases end at y=%.0f (box %.0f high, needs %.0f); want the button below them",
			y, boxBottom, e.caseBox.Size().Height, e.caseBox.MinSize().Height)
	}
}
