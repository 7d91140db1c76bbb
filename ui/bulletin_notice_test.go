package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// After 导出 PDF, when no viewer opens, the user learns where the file is,
// with 打开所在文件夹.
func TestExportSaysWhereWhenNoViewer(t *testing.T) {
	s := mustOpenStore(t)
	b := storeDraft(t, s, 1, "正文。")
	_, bs, w := openBulletinsScreen(t, s)
	bs.open(b.ID)
	e := bs.ed
	dir := t.TempDir()
	h := hookExport(t, e, dir)
	var tried []string
	e.openURL = func(path string) error {
		tried = append(tried, path)
		return errors.New("no viewer")
	}
	test.Tap(e.exportBtn)
	bs.wait()
	if len(h.names) != 1 || e.lastExported == nil {
		t.Fatalf("export wrote %v; notice %v; want a notice saying where the PDF went", h.names, e.lastExported)
	}
	path := filepath.Join(dir, h.names[0])
	if got := flat(overlayTexts(t, w)); !strings.Contains(got, path) {
		t.Errorf("notice says %q, want the path %s", got, path)
	}
	if e.lastExported.folderBtn.Text != "打开所在文件夹" || e.lastExported.okBtn.Text != "确定" {
		t.Errorf("notice buttons %q, %q", e.lastExported.folderBtn.Text, e.lastExported.okBtn.Text)
	}
	test.Tap(e.lastExported.folderBtn)
	bs.wait()
	if len(tried) != 2 || tried[1] != dir {
		t.Errorf("opened %q, want the PDF then its folder %s", tried, dir)
	}
}

// 导出 and 印发 warn when the 报头 lacks 编印单位 or 刊名: which field, where
// to fill it; the user may go on or stop.
func TestMastheadWarning(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	b := storeDraft(t, s, 1, "正文。")
	b.Unit = ""
	if err := s.UpdateBulletin(ctx, b); err != nil {
		t.Fatal(err)
	}
	_, bs, w := openBulletinsScreen(t, s)
	bs.open(b.ID)
	e := bs.ed
	h := hookExport(t, e, t.TempDir())

	test.Tap(e.exportBtn)
	got := flat(overlayTexts(t, w))
	for _, want := range []string{"编印单位", "设置 → 专报模板与字体"} {
		if !strings.Contains(got, want) {
			t.Errorf("导出 with no 编印单位: message %q lacks %q", got, want)
		}
	}
	test.Tap(e.lastConfirm.cancel) // stop, to fill it in
	bs.wait()
	if len(h.names) != 0 {
		t.Fatalf("exported after 返回填写")
	}
	test.Tap(e.exportBtn)
	if e.lastConfirm.ok.Text != "仍然导出" {
		t.Fatalf("go-on button %q, want 仍然导出", e.lastConfirm.ok.Text)
	}
	test.Tap(e.lastConfirm.ok)
	bs.wait()
	if len(h.names) != 1 {
		t.Errorf("仍然导出 exported %d times, want 1", len(h.names))
	}

	test.Tap(e.issueBtn)
	if e.lastConfirm.ok.Text != "仍然印发" || !strings.Contains(flat(overlayTexts(t, w)), "编印单位") {
		t.Fatalf("印发 with no 编印单位: %q (%q)", flat(overlayTexts(t, w)), e.lastConfirm.ok.Text)
	}
	test.Tap(e.lastConfirm.ok)
	bs.wait()
	if e.lastConfirm.ok.Text != "确认印发" {
		t.Errorf("after 仍然印发 the next dialog is %q, want the 印发 confirmation", e.lastConfirm.ok.Text)
	}
}

// On Linux the viewer is opened through xdg-open, whose failure (no program
// for the file, or no xdg-open at all) must come back as an error.
func TestOpenInViewerReportsFailure(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("xdg-open is used on Linux and the BSDs only")
	}
	dir := t.TempDir()
	t.Setenv("PATH", dir)
	if err := openInViewer("/tmp/x.pdf"); err == nil {
		t.Error("no xdg-open: no error")
	}
	for _, tc := range []struct {
		exit    int
		wantErr bool
	}{{3, true}, {0, false}} {
		script := fmt.Sprintf("#!/bin/sh\nexit %d\n", tc.exit)
		if err := os.WriteFile(filepath.Join(dir, "xdg-open"), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := openInViewer("/tmp/x.pdf"); (err != nil) != tc.wantErr {
			t.Errorf("xdg-open exiting %d: error %v, want error %v", tc.exit, err, tc.wantErr)
		}
	}
}

// A failed export leaves no empty PDF behind under the name chosen.
func TestFailedExportLeavesNoFile(t *testing.T) {
	s := mustOpenStore(t)
	b := storeDraft(t, s, 1, "")
	_, bs, w := openBulletinsScreen(t, s)
	bs.open(b.ID)
	dir := t.TempDir()
	h := hookExport(t, bs.ed, dir)
	test.Tap(bs.ed.exportBtn)
	bs.wait()
	if len(h.names) != 1 || !dialogShowing(w) {
		t.Fatalf("export of an empty body: names %v, message shown %v", h.names, dialogShowing(w))
	}
	if _, err := os.Stat(filepath.Join(dir, h.names[0])); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("failed export left %s behind (%v)", h.names[0], err)
	}
}
