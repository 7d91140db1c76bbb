package model

import (
	"context"
	"testing"
)

// TestPeekMinutesNumber: the preview's 期号 is the one MinutesNumber gives
// next, and peeking gives none away.
func TestPeekMinutesNumber(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	var ids []int64
	for _, name := range []string{"一", "二"} {
		m := &Meeting{Name: "会议" + name}
		if err := s.CreateMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.ID)
	}
	peek := func(id int64, wantN int, wantGiven bool) {
		t.Helper()
		if n, given, err := s.PeekMinutesNumber(ctx, id, 2026); err != nil || n != wantN || given != wantGiven {
			t.Errorf("PeekMinutesNumber(%d) = %d, %v, %v; want %d, %v", id, n, given, err, wantN, wantGiven)
		}
	}
	peek(ids[1], 1, false)
	peek(ids[1], 1, false) // peeking twice takes no number
	if n, err := s.MinutesNumber(ctx, ids[0], 2026); err != nil || n != 1 {
		t.Fatalf("MinutesNumber = %d, %v; want 1 (the peeks gave none away)", n, err)
	}
	peek(ids[0], 1, true)
	peek(ids[1], 2, false)
}
