package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/encoding/simplifiedchinese"

	"bulletin/model"
)

// openSettingsTab shows 设置 on a store whose clock is 2026-11-28.
func openSettingsTab(t *testing.T) (*settingsScreen, *model.Store, fyne.Window) {
	t.Helper()
	s := mustOpenStore(t)
	s.SetNow(func() time.Time { return time.Date(2026, 11, 28, 9, 30, 0, 0, time.Local) })
	sh, w := newTestShell(t, s)
	test.Tap(sh.navBtns[navSettings])
	sh.wait()
	return sh.settings, s, w
}

// overlays counts the dialogs shown.
func overlays(w fyne.Window) int { return len(w.Canvas().Overlays().List()) }

func TestHolidaySection(t *testing.T) {
	ss, s, w := openSettingsTab(t)
	hs := ss.holidays
	ctx := context.Background()
	rows2026, _ := s.FindHolidays(ctx, 2026)
	if hs.title.Text != "2026年" || len(hs.rows) != len(rows2026) || len(rows2026) == 0 {
		t.Fatalf("shows %q with %d rows, want 2026 with %d", hs.title.Text, len(hs.rows), len(rows2026))
	}
	if !strings.Contains(hs.summary.Text, "全年共 248 个工作日") || hs.known.Text != "已录入：2025、2026、2027年。" {
		t.Errorf("summary %q, known %q", hs.summary.Text, hs.known.Text)
	}

	// A year without rows is a warning, in red, and an invitation.
	test.Tap(hs.next)
	test.Tap(hs.next)
	ss.bg.settle()
	if hs.title.Text != "2028年" || len(hs.rows) != 0 || !strings.Contains(hs.summary.Text, "2028年的节假日尚未录入") ||
		hs.summary.Importance != widget.DangerImportance || hs.empty.Text == "" {
		t.Fatalf("2028: title %q, %d rows, summary %q (importance %d), empty %q", hs.title.Text, len(hs.rows),
			hs.summary.Text, hs.summary.Importance, hs.empty.Text)
	}

	// 添加: a date is required; then the row is stored and listed.
	test.Tap(hs.addBtn)
	test.Tap(hs.lastDialog.ok)
	if n := overlays(w); n != 2 {
		t.Errorf("an empty date: %d overlays, want the form and a message", n)
	}
	w.Canvas().Overlays().Top().Hide()
	hs.date.SetText("2028-01-03")
	hs.kind.SetSelected("休")
	test.Type(hs.name, "元旦")
	test.Tap(hs.lastDialog.ok)
	ss.bg.settle()
	if len(hs.rows) != 1 || hs.rows[0].Name != "元旦" || hs.rows[0].Kind != model.DayOff || strings.Contains(hs.summary.Text, "尚未录入") {
		t.Fatalf("after adding: rows %+v, summary %q", hs.rows, hs.summary.Text)
	}
	cal, _ := s.Calendar(ctx)
	if cal.IsWorkday(time.Date(2028, 1, 3, 0, 0, 0, 0, time.Local)) {
		t.Error("2028-01-03 is still a working day for the calendar")
	}

	// 修改 keeps the date and changes the rest.
	hs.onEdit(hs.rows[0])
	hs.kind.SetSelected("班")
	hs.name.SetText("元旦调休")
	test.Tap(hs.lastDialog.ok)
	ss.bg.settle()
	if len(hs.rows) != 1 || hs.rows[0].Kind != model.DayWorking || hs.rows[0].Name != "元旦调休" {
		t.Fatalf("after editing: %+v", hs.rows)
	}

	// 删除 asks, then the row goes.
	hs.onDelete(hs.rows[0])
	test.Tap(hs.lastDialog.ok)
	ss.bg.settle()
	if len(hs.rows) != 0 {
		t.Fatalf("after deleting: %d rows", len(hs.rows))
	}
}

func TestHolidayImport(t *testing.T) {
	ss, s, w := openSettingsTab(t)
	hs := ss.holidays
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("日期,类型,名称\n2029-01-01,休,元旦\n2029-13-01,休,国庆节\n"), 0o600)
	hs.importFile(bad)
	ss.bg.settle()
	if rows, _ := s.FindHolidays(context.Background(), 2029); len(rows) != 0 || !dialogShowing(w) {
		t.Fatalf("a bad file imported %d rows (message shown: %v)", len(rows), dialogShowing(w))
	}
	w.Canvas().Overlays().Top().Hide()

	// As Excel in Chinese saves it: GBK, CRLF.
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("日期,类型,名称\r\n2030-10-01,休,国庆节\r\n")
	gbkPath := filepath.Join(dir, "gbk.csv")
	os.WriteFile(gbkPath, []byte(gbk), 0o600)
	hs.importFile(gbkPath)
	ss.bg.settle()
	if hs.title.Text != "2030年" || len(hs.rows) != 1 || hs.rows[0].Name != "国庆节" {
		t.Fatalf("after a GBK import: %q, rows %+v", hs.title.Text, hs.rows)
	}
	w.Canvas().Overlays().Top().Hide()

	good := filepath.Join(dir, "2029.csv")
	os.WriteFile(good, []byte("\ufeff日期,类型,名称\n2029-01-01,休,元旦\n2029-02-10,班,春节\n"), 0o600)
	hs.importFile(good)
	ss.bg.settle()
	if hs.title.Text != "2029年" || len(hs.rows) != 2 || hs.rows[1].Kind != model.DayWorking || !dialogShowing(w) {
		t.Fatalf("after import: %q, rows %+v, message %v", hs.title.Text, hs.rows, dialogShowing(w))
	}
}
