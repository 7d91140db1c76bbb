package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestSettingsDirectory(t *testing.T) {
	s := mustOpenStore(t)
	sh, w := newTestShell(t, s)
	test.Tap(sh.navBtns[navSettings])
	ss := sh.settings
	if len(ss.depts) != 2 {
		t.Fatalf("settings lists %d departments, want 2", len(ss.depts))
	}

	test.Tap(ss.addDept)
	test.Type(ss.form[0], "县教育局")
	test.Type(ss.form[1], "赵明")
	test.Type(ss.form[2], "0315-5123403")
	test.Tap(ss.lastDialog.ok)
	depts, _ := s.FindDepartments(context.Background())
	if len(depts) != 3 || len(ss.depts) != 3 {
		t.Fatalf("after adding: store %d, list %d departments; want 3", len(depts), len(ss.depts))
	}

	// An empty name is refused with a message; nothing is stored.
	test.Tap(ss.addDept)
	test.Tap(ss.lastDialog.ok)
	if depts, _ := s.FindDepartments(context.Background()); len(depts) != 3 {
		t.Errorf("an empty department name was stored")
	}
	if !dialogShowing(w) {
		t.Error("no message for the empty name")
	}

	test.Tap(ss.addLeader)
	test.Type(ss.form[0], "张振华")
	test.Type(ss.form[1], "县委书记")
	ss.form[2].SetText("x")
	test.Tap(ss.lastDialog.ok)
	if ls, _ := s.FindLeaders(context.Background()); len(ls) != 0 {
		t.Fatalf("leader stored with order x")
	}
	ss.form[2].SetText("１")
	test.Tap(ss.lastDialog.ok)
	ls, _ := s.FindLeaders(context.Background())
	if len(ls) != 1 || ls[0].Position != "县委书记" || ls[0].Order != 1 {
		t.Fatalf("leaders = %+v, want 张振华 县委书记 1", ls)
	}

	ss.onDeleteLeader(ls[0])
	test.Tap(ss.lastDialog.ok)
	if ls, _ := s.FindLeaders(context.Background()); len(ls) != 0 || len(ss.leaders) != 0 {
		t.Errorf("leader not deleted")
	}
}
