package ui

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"bulletin/export"
	"bulletin/model"
)

// TestPeriodicScreen: on the 通报 screen a 月报 of November is drafted from
// the cases, edited, saved, issued as 第1期 (the form's 印发) and frozen:
// the fields are read-only and the PDF is the stored one.
func TestPeriodicScreen(t *testing.T) {
	s := mustOpenStore(t)
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		if err := s.CreateCase(ctx, &model.Case{Title: "案件", Source: "微博", Collected: time.Date(2026, 11, 2+i, 9, 0, 0, 0, time.Local)}); err != nil {
			t.Fatal(err)
		}
	}
	sh, w := newTestShell(t, s)
	sh.onNavigate(navPeriodic)
	sh.wait()
	ps := sh.periodic
	ps.picker.Set(model.MonthPeriod(2026, 11))
	test.Tap(ps.draft)
	sh.wait()
	if ps.cur == nil || !strings.Contains(ps.body.Text, "共收集网络舆情和网民诉求3件") || ps.name.Text != export.DefaultPeriodicName {
		t.Fatalf("draft: %q", ps.body.Text)
	}
	ps.body.SetText(ps.body.Text + "\n补充一段。")
	test.Tap(ps.save)
	sh.wait()
	if len(ps.items) != 1 || ps.cur.ID == 0 || ps.dirty {
		t.Fatalf("saved: %d items, %+v", len(ps.items), ps.cur)
	}
	test.Tap(ps.issue)
	test.Tap(ps.lastConfirm.ok)
	sh.wait()
	if !ps.cur.Issued() || ps.cur.Number != 1 || !ps.body.Disabled() || !ps.issue.Disabled() {
		t.Fatalf("issued: %+v", ps.cur)
	}
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	stored, err := s.FindPeriodic(ctx, ps.cur.ID)
	if err != nil || !strings.Contains(stored.Body, "补充一段。") {
		t.Fatalf("stored %v", err)
	}
	pdf, _, err := export.PrintPeriodic(ctx, s, ps.cur.ID)
	if err != nil || !bytes.Equal(pdf, stored.PDF) {
		t.Errorf("PDF of the issued 通报 is not the stored one: %v", err)
	}
	if !strings.Contains(ps.items[0].Label(), "第1期") {
		t.Errorf("list says %q", ps.items[0].Label())
	}
}
