package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"bulletin/model"
)

// With no issue the 专报 list says what to do, with its own 新建一期 button,
// instead of empty columns; the table comes back with the first issue.
func TestBulletinListEmptyState(t *testing.T) {
	s := mustOpenStore(t)
	_, bs, _ := openBulletinsScreen(t, s)
	if !bs.empty.Visible() || bs.table.Visible() || bs.hint.Visible() {
		t.Fatalf("no issue: empty state shown %v, table shown %v; want the empty state only", bs.empty.Visible(), bs.table.Visible())
	}
	test.Tap(bs.emptyNewBtn)
	if !bs.editing {
		t.Fatal("新建一期 of the empty list did not open the composer")
	}
	storeDraft(t, s, 1, "正文。")
	bs.reload()
	bs.wait()
	if bs.empty.Visible() || !bs.table.Visible() {
		t.Errorf("one issue: empty state shown %v, table shown %v; want the table only", bs.empty.Visible(), bs.table.Visible())
	}
}

// The meeting list says when there is no meeting yet, and when the search
// finds none.
func TestMeetingListEmptyState(t *testing.T) {
	s := mustOpenStore(t)
	sh, _ := newTestShell(t, s)
	sh.onNavigate(navMeetings)
	ms := sh.meetings
	ms.wait()
	if !ms.empty.Visible() || !strings.Contains(ms.empty.Text, "还没有会议纪要") {
		t.Fatalf("no meeting: note shown %v %q, want 还没有会议纪要", ms.empty.Visible(), ms.empty.Text)
	}
	m := &model.Meeting{Name: "县网络安全和信息化委员会会议", Time: time.Now()}
	if err := s.CreateMeeting(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	ms.reload()
	ms.wait()
	if ms.empty.Visible() {
		t.Errorf("one meeting: note %q still shown", ms.empty.Text)
	}
	test.Type(ms.search, "防汛")
	ms.wait()
	if !ms.empty.Visible() || !strings.Contains(ms.empty.Text, "防汛") {
		t.Errorf("search 防汛 finds nothing: note shown %v %q, want it to name the search", ms.empty.Visible(), ms.empty.Text)
	}
}

// The case list says when there is no case yet, and when the conditions
// match none, instead of showing bare column headers.
func TestCaseListEmptyState(t *testing.T) {
	s := mustOpenStore(t)
	sh, _ := newTestShell(t, s)
	cs := sh.cases
	if !cs.emptyNote.Visible() || cs.table.Visible() || !strings.Contains(cs.emptyNote.Text, "还没有案件") {
		t.Fatalf("no case: note shown %v %q, want 还没有案件", cs.emptyNote.Visible(), cs.emptyNote.Text)
	}
	newCaseThroughForm(t, cs, "城关镇幸福小区停车难", "消防通道被占用。")
	if cs.emptyNote.Visible() || !cs.table.Visible() {
		t.Errorf("one case: note %q still shown, or no table", cs.emptyNote.Text)
	}
	test.Type(cs.search, "防汛抗旱")
	cs.wait()
	if !cs.emptyNote.Visible() || !strings.Contains(cs.emptyNote.Text, "没有符合条件的案件") {
		t.Errorf("search finds nothing: note shown %v %q, want 没有符合条件的案件", cs.emptyNote.Visible(), cs.emptyNote.Text)
	}
}
