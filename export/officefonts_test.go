package export

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bulletin/assets"
	"bulletin/export/fonts"
	"bulletin/export/layout"
)

// TestOfficeFontsByDefault puts 仿宋 and 楷体 where a Wine prefix keeps the
// Windows fonts (~/.wine/drive_c/windows/Fonts) and typesets the sample with
// the settings left empty: the body, the 报尾 and the unit/date line print
// with simfang.ttf, the 编者按 text and 期号 with simkai.ttf, and roles the
// PC has no office font for keep the embedded ones. (The files are copies of
// an embedded font under the Windows names: only where they are found matters.)
func TestOfficeFontsByDefault(t *testing.T) {
	home := t.TempDir()
	dir := filepath.Join(home, ".wine", "drive_c", "windows", "Fonts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"simfang.ttf", "simkai.ttf"} {
		if err := os.WriteFile(filepath.Join(dir, name), assets.Kai, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("HOME", home)
	opt, err := OptionsFromSettings(map[string]string{})
	if err != nil {
		t.Fatal(err)
	}
	set, err := fonts.NewSet(opt.Fonts)
	if err != nil {
		t.Fatalf("NewSet: %v", err)
	}
	opt.Set = set
	pages, _, err := Layout(mustSample(t), opt)
	if err != nil {
		t.Fatalf("Layout: %v", err)
	}
	want := map[layout.Role]string{layout.Fangsong: "simfang.ttf", layout.Kaiti: "simkai.ttf",
		layout.Heiti: "", layout.Xiaobiaosong: "", layout.Songti: ""}
	counted := map[layout.Role]int{}
	for _, p := range pages {
		for _, run := range p.Runs {
			for _, g := range run.Glyphs {
				f, ok := g.Font.(*fonts.Face)
				if !ok || g.R < 0x4E00 || g.R > 0x9FFF {
					continue // the CJK ideographs tell the fonts apart
				}
				counted[run.Role]++
				got := ""
				if !f.Embedded {
					got = filepath.Base(f.Path)
				}
				if got != want[run.Role] {
					t.Fatalf("page %d: %s “%c” prints with %q (%s), want %q", p.Number, run.Role, g.R, got, f.Name, want[run.Role])
				}
			}
		}
	}
	if counted[layout.Fangsong] < 500 || counted[layout.Kaiti] == 0 {
		t.Errorf("checked %d 仿宋 and %d 楷体 characters; the sample has far more", counted[layout.Fangsong], counted[layout.Kaiti])
	}
	rf, err := CheckFonts(opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rf {
		if f.Role == fonts.RoleFangsong && !strings.HasSuffix(f.Describe(), "simfang.ttf（本机文件）") {
			t.Errorf("CheckFonts: 仿宋 described as %q, want the simfang.ttf path", f.Describe())
		}
	}
	var buf bytes.Buffer
	if _, err := Render(&buf, mustSample(t), opt); err != nil {
		t.Fatalf("Render with the office fonts: %v", err)
	}
	opt.Set = nil
	opt.Fonts = fonts.Config{fonts.RoleFangsong: fonts.Builtin}
	rf, err = CheckFonts(opt)
	if err != nil || !rf[1].Embedded || rf[1].Role != fonts.RoleFangsong {
		t.Errorf("仿宋 set to 内置: CheckFonts = %+v, %v; want the embedded font", rf[1], err)
	}
}
