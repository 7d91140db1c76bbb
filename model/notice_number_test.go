package model

import (
	"context"
	"testing"
	"time"
)

// TestPeekNoticeNumber: the preview's 交办编号 is the one CreateNotice gives
// next, in its year, and peeking gives none away.
func TestPeekNoticeNumber(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	c := &Case{Title: "停水"}
	if err := s.CreateCase(ctx, c); err != nil {
		t.Fatal(err)
	}
	peek := func(year, want int) {
		t.Helper()
		if n, err := s.PeekNoticeNumber(ctx, year); err != nil || n != want {
			t.Errorf("PeekNoticeNumber(%d) = %d, %v; want %d", year, n, err, want)
		}
	}
	peek(2026, 1)
	peek(2026, 1) // peeking twice takes no number
	n := &Notice{Department: "县水务局", Date: time.Date(2026, 12, 2, 0, 0, 0, 0, time.Local), CaseIDs: []int64{c.ID}}
	if err := s.CreateNotice(ctx, n, func(string) ([]byte, error) { return []byte("{}"), nil }); err != nil {
		t.Fatal(err)
	}
	if n.Number != 1 {
		t.Fatalf("CreateNotice gave %d, want 1 (the peeks gave none away)", n.Number)
	}
	peek(2026, 2)
	peek(2027, 1)
}
