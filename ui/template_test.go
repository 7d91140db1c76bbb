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

	"bulletin/assets"
	"bulletin/export/fonts"
	"bulletin/model"
)

// TestTemplateSettings saves the template through the settings section,
// refuses a file that is not a font with the Chinese reason, and checks
// the fonts on a bulletin with a character no font has.
func TestTemplateSettings(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	b := &model.Bulletin{Year: 2026, Number: 3, Title: "关于测试的专报", Body: "正文有一个无字之字\U0010FFFD。",
		Date: time.Date(2026, 11, 28, 0, 0, 0, 0, time.Local)}
	if err := s.CreateBulletin(ctx, b); err != nil {
		t.Fatal(err)
	}
	ts := newTemplateSection(w, s, newTestTasks(t))
	w.SetContent(ts.buildUI())
	if ts.name.Text != "舆情专报" || ts.copies.Text != "20" || !ts.cover.Checked || !ts.pageNumbers.Checked || ts.pitch.SelectedIndex() != 0 {
		t.Errorf("defaults: 刊名 %q 印数 %q 阅批单 %v 页码 %v 行距 %d", ts.name.Text, ts.copies.Text, ts.cover.Checked, ts.pageNumbers.Checked, ts.pitch.SelectedIndex())
	}

	dir := t.TempDir()
	notFont := filepath.Join(dir, "假字体.ttf")
	os.WriteFile(notFont, []byte("这不是字体"), 0o644)
	ts.name.SetText("网络舆情专报")
	ts.unit.SetText("某县委网信办")
	ts.pitch.SetSelectedIndex(2)
	ts.red.SetText("200,0,0")
	ts.pageNumbers.SetChecked(false)
	ts.fontRows[fonts.RoleFangsong].path.SetText(notFont)
	test.Tap(ts.saveBtn)
	if !dialogShowing(w) {
		t.Error("a file that is not a font was accepted without a message")
	}
	if v, _ := s.GetSetting(ctx, model.SettingName); v != "舆情专报" {
		t.Errorf("刊名 stored %q despite the bad font; want nothing saved", v)
	}
	w.Canvas().Overlays().Top().Hide()

	font := filepath.Join(dir, "serif.ttf")
	os.WriteFile(font, assets.SerifRegular, 0o644)
	ts.fontRows[fonts.RoleFangsong].path.SetText(font)
	test.Tap(ts.saveBtn)
	kv, _ := s.FindSettings(ctx)
	want := map[string]string{model.SettingName: "网络舆情专报", model.SettingUnit: "某县委网信办", model.SettingLinePitch: "28.95",
		model.SettingRed: "#C80000", model.SettingPageNumbers: "0", model.SettingCover: "1", model.SettingFontPrefix + "仿宋": font}
	for k, v := range want {
		if kv[k] != v {
			t.Errorf("setting %s = %q, want %q", k, kv[k], v)
		}
	}

	if ts.checkOf.SelectedIndex() != 1 {
		t.Fatalf("the check does not offer the newest issue (selected %d of %q)", ts.checkOf.SelectedIndex(), ts.checkOf.Options)
	}
	w.Resize(fyne.NewSize(1180, 700)) // the screen's share of a 1280×800 window
	ts.scroll.Offset.Y = 0
	ts.scroll.Refresh()
	test.Tap(ts.checkBtn)
	ts.bg.settle()
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(ts.checkOut).Y - d.AbsolutePositionForObject(ts.scroll).Y
	if top < 0 || top > ts.scroll.Size().Height-40 {
		t.Errorf("the check's result is %.0f px down a view %.0f px high: out of sight", top, ts.scroll.Size().Height)
	}
	out := ts.checkOut.Text
	for _, want := range []string{"仿宋（正文、报尾）：" + font + "（本机文件）", "小标宋（刊名、标题）：NotoSerifSC-Bold-GB2312.ttf（内置）", "U+10FFFD", "正文第 1 段"} {
		if !strings.Contains(out, want) {
			t.Errorf("font check lacks %q:\n%s", want, out)
		}
	}
}

// TestTemplateFontsInUse puts simfang.ttf where a Wine prefix keeps the
// Windows fonts: with the settings empty, 设置 says 仿宋 prints with it and
// the roles without an office font print with the embedded ones; 内置 is
// saved as chosen and shown as the embedded font.
func TestTemplateFontsInUse(t *testing.T) {
	ctx := context.Background()
	home := t.TempDir()
	dir := filepath.Join(home, ".wine", "drive_c", "windows", "Fonts")
	os.MkdirAll(dir, 0o755)
	simfang := filepath.Join(dir, "simfang.ttf")
	if err := os.WriteFile(simfang, assets.Kai, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	s := mustOpenStore(t)
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	ts := newTemplateSection(w, s, newTestTasks(t))
	w.SetContent(ts.buildUI())
	ts.bg.settle()
	if got, want := ts.fontRows[fonts.RoleFangsong].inUse.Text, "在用：simfang.ttf（本机字体，自动选用，在 "+dir+"）"; got != want {
		t.Errorf("仿宋 in use: %q, want %q", got, want)
	}
	if got := ts.fontRows[fonts.RoleHeiti].inUse.Text; !strings.Contains(got, "NotoSansSC-Bold.ttf（内置）") {
		t.Errorf("黑体 in use: %q, want the embedded NotoSansSC-Bold.ttf", got)
	}
	ts.fontRows[fonts.RoleFangsong].path.SetText(fonts.Builtin)
	ts.bg.settle()
	if got := ts.fontRows[fonts.RoleFangsong].inUse.Text; got != "在用：NotoSerifSC-Regular.ttf（内置）" {
		t.Errorf("仿宋 set to 内置, in use: %q", got)
	}
	test.Tap(ts.saveBtn)
	if v, _ := s.GetSetting(ctx, model.SettingFontPrefix+"仿宋"); v != fonts.Builtin || dialogShowing(w) {
		t.Errorf("仿宋 stored %q (message shown: %v), want %q saved without a message", v, dialogShowing(w), fonts.Builtin)
	}
}

// TestTemplateDuplex: 双面印刷 is on by default and is saved off as "0".
func TestTemplateDuplex(t *testing.T) {
	ctx := context.Background()
	s := mustOpenStore(t)
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	ts := newTemplateSection(w, s, newTestTasks(t))
	w.SetContent(ts.buildUI())
	ts.bg.settle()
	if !ts.duplex.Checked {
		t.Errorf("双面印刷 is off by default, want on")
	}
	ts.duplex.SetChecked(false)
	test.Tap(ts.saveBtn)
	if v, _ := s.GetSetting(ctx, model.SettingDuplex); v != "0" {
		t.Errorf("双面印刷 off stored as %q, want \"0\"", v)
	}
}
