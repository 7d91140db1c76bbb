package model

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// testNow is the fixed clock of test stores: 2026-11-28 09:30 local time.
var testNow = time.Date(2026, 11, 28, 9, 30, 0, 0, time.Local)

// MustOpenStore opens a new store on a file in a temporary directory, with
// its clock fixed at testNow, and closes it when the test ends.
func MustOpenStore(tb testing.TB) *Store {
	tb.Helper()
	return MustOpenStoreAt(tb, filepath.Join(tb.TempDir(), "bulletin.db"))
}

// MustOpenStoreAt opens the store at path, clock fixed at testNow.
func MustOpenStoreAt(tb testing.TB, path string) *Store {
	tb.Helper()
	s, err := Open(path)
	if err != nil {
		tb.Fatalf("Open(%q): %v", path, err)
	}
	s.Now = func() time.Time { return testNow }
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return s
}

func TestOpenMigratesOnceAndReopens(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "b.db")
	s := MustOpenStoreAt(t, path)
	rep, err := s.Check(ctx)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	if !rep.OK() || len(rep.Schema) == 0 {
		t.Fatalf("fresh database: report %+v, want OK with migrations", rep)
	}
	c := &Case{Title: "测试"}
	if err := s.CreateCase(ctx, c); err != nil {
		t.Fatalf("CreateCase: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2 := MustOpenStoreAt(t, path)
	rep2, err := s2.Check(ctx)
	if err != nil {
		t.Fatalf("Check after reopen: %v", err)
	}
	if len(rep2.Schema) != len(rep.Schema) {
		t.Errorf("reopen: schema %v, want %v (second open must be a no-op)", rep2.Schema, rep.Schema)
	}
	got, err := s2.FindCaseByID(ctx, c.ID)
	if err != nil || got.Title != "测试" {
		t.Errorf("after reopen: FindCaseByID = %+v, %v; want the case", got, err)
	}
	if fi, err := os.Stat(path + "-wal"); err == nil {
		t.Logf("WAL file present (%d bytes), journal_mode WAL", fi.Size())
	}
}
