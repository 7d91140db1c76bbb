package model

import (
	"context"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// An import writes what creating the same cases one by one writes: the same
// numbers, fields, departments and search results; and the numbering goes on
// from there.
func TestImportMatchesCreate(t *testing.T) {
	ctx := context.Background()
	one, bulk := MustOpenStore(t), MustOpenStore(t)
	r := rand.New(rand.NewPCG(7, 8))
	var cs []*Case
	for i := 0; i < 60; i++ {
		c := genCase(r)
		c.Status, c.AssignedAt, c.Due = "", time.Time{}, time.Time{}
		if i%7 == 0 {
			c.Reply = "已回复 电梯"
		}
		cp := c
		if err := one.CreateCase(ctx, &cp); err != nil {
			t.Fatalf("CreateCase %d: %v", i, err)
		}
		cs = append(cs, &c)
	}
	res, err := bulk.ImportCases(ctx, cs, ImportOptions{CreateDepartments: true})
	if err != nil || len(res.Imported) != len(cs) {
		t.Fatalf("ImportCases: %d of %d imported, %v (skipped %+v)", len(res.Imported), len(cs), err, res.Skipped)
	}
	all := CaseFilter{Sort: SortNumber}
	want, _, err := one.FindCases(ctx, all)
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := bulk.FindCases(ctx, all)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("imported cases differ from created ones:\n got %+v\nwant %+v", got[0], want[0])
	}
	for _, q := range []string{"梯", "电梯", "反映", "电梯长", "长期停运", "2026-0042", "城关镇幸福里", "已回复", "居民1"} {
		if g, w := searchNumbers(t, bulk, q), searchNumbers(t, one, q); !reflect.DeepEqual(g, w) {
			t.Errorf("search %q after import: %v, after creating: %v", q, g, w)
		}
	}
	next := mustCreateCase(t, bulk, Case{Title: "导入之后登记"})
	if next.Number != "2026-0061" {
		t.Errorf("case after the import: number %s, want 2026-0061", next.Number)
	}
	if n := searchNumbers(t, bulk, "导入之后"); !reflect.DeepEqual(n, []string{"2026-0061"}) {
		t.Errorf("search of the case after the import: %v", n)
	}
}

// searchNumbers returns the numbers of the cases found by query q.
func searchNumbers(tb testing.TB, s *Store, q string) []string {
	tb.Helper()
	cs, _, err := s.FindCases(context.Background(), CaseFilter{Query: q, Sort: SortNumber})
	if err != nil {
		tb.Fatalf("FindCases(%q): %v", q, err)
	}
	var ns []string
	for _, c := range cs {
		ns = append(ns, c.Number)
	}
	return ns
}

// One writer numbers each year on its own, reading each counter once, and
// writes the counters back: later cases go on from them.
func TestCaseWriterYears(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	mustCreateCase(t, s, Case{Title: "已有"}) // 2026-0001
	tx, err := s.beginWrite(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	w := newCaseWriter(tx)
	var got []string
	for _, year := range []int{2026, 2027, 2026, 2025, 2027} {
		at := time.Date(year, 6, 1, 9, 0, 0, 0, time.Local)
		c := &Case{Title: "跨年", Status: StatusPending, Collected: at, CreatedAt: at, UpdatedAt: at}
		if err := w.create(ctx, c); err != nil {
			t.Fatalf("create (%d): %v", year, err)
		}
		got = append(got, c.Number)
	}
	if err := w.flush(ctx); err != nil {
		t.Fatal(err)
	}
	if err := commit(tx); err != nil {
		t.Fatal(err)
	}
	want := []string{"2026-0002", "2027-0001", "2026-0003", "2025-0001", "2027-0002"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("numbers %v, want %v", got, want)
	}
	if n := mustCreateCase(t, s, Case{Title: "之后"}).Number; n != "2026-0004" {
		t.Errorf("next case: %s, want 2026-0004", n)
	}
	if n := searchNumbers(t, s, "跨年"); len(n) != 5 {
		t.Errorf("search 跨年: %v, want the 5 cases", n)
	}
}
