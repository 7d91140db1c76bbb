package model

import (
	"context"
	"testing"
)

// The composer's one read: the bulletin with its cases, meeting notes and
// 批示, and an error (not a shorter list) when one linked case cannot be read.
func TestFindBulletinWithLinks(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	first := mustCreateCase(t, s, Case{Title: "第一件"})
	second := mustCreateCase(t, s, Case{Title: "第二件"})
	m := &Meeting{Name: "专题研究会", Time: testNow}
	if err := s.CreateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	b := mustCreateBulletin(t, s, 2026, second.ID, first.ID)
	b.MeetingIDs = []int64{m.ID}
	if err := s.UpdateBulletin(ctx, b); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IssueBulletin(ctx, b.ID, fakePDF); err != nil {
		t.Fatal(err)
	}
	in := &Instruction{BulletinID: b.ID, Leader: "王书记", Date: testNow, Text: "阅。", Kind: "阅知"}
	if err := createInstruction(s, ctx, in); err != nil {
		t.Fatal(err)
	}

	got, err := s.FindBulletinWithLinks(ctx, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Cases) != 2 || got.Cases[0].ID != second.ID || got.Cases[1].ID != first.ID ||
		len(got.Meetings) != 1 || got.Meetings[0].Name != "专题研究会" ||
		len(got.Instructions) != 1 || got.Instructions[0].Leader != "王书记" {
		t.Fatalf("links: %d cases, %d meetings, %d 批示; want 第二件, 第一件, the meeting and the 批示",
			len(got.Cases), len(got.Meetings), len(got.Instructions))
	}

	// A case row that cannot be read fails the whole read.
	if _, err := s.wdb.ExecContext(ctx, `UPDATE cases SET posted = 'not a time' WHERE id = ?`, first.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := s.FindBulletinWithLinks(ctx, b.ID); err == nil {
		t.Errorf("read with an unreadable case: %d cases and no error; want an error", len(got.Cases))
	}
}
