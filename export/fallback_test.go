package export

import (
	"bytes"
	"testing"

	"bulletin/export/fonts"
	"bulletin/export/layout"
)

// TestFallbackStyle: 堃 喆 䶮 print in the role's own embedded font (the
// bold 小标宋 and the 楷体 subsets cover them now), and a character the bold
// font lacks (丄) falls back to the regular face and is emboldened there,
// where a regular role's fallback is left as it is.
func TestFallbackStyle(t *testing.T) {
	set, err := fonts.NewSet(fonts.Config{fonts.RoleXiaobiaosong: fonts.Builtin, fonts.RoleKaiti: fonts.Builtin})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		role fonts.Role
		r    rune
		want string
	}{
		{fonts.RoleXiaobiaosong, '堃', "SerifBold"}, {fonts.RoleXiaobiaosong, '喆', "SerifBold"}, {fonts.RoleXiaobiaosong, '䶮', "SerifBold"},
		{fonts.RoleKaiti, '堃', "Kai"}, {fonts.RoleKaiti, '喆', "Kai"}, {fonts.RoleKaiti, '䶮', "Kai"},
	} {
		if f, ok := set.Resolve(tt.role, tt.r); !ok || f.ID != tt.want {
			t.Errorf("Resolve(%s, %c) = %v, want the embedded %s", tt.role, tt.r, f, tt.want)
		}
	}
	doc := &Document{Title: "关于王堃丄事件的专报", EditorNote: "刘䶮丄", Body: "正文丄。"}
	opt := Options{Set: set}
	pages, _, err := Layout(doc, opt)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[layout.Role]bool{}
	for _, p := range pages {
		for _, run := range p.Runs {
			for _, g := range run.Glyphs {
				f, _ := g.Font.(*fonts.Face)
				wantBold := run.Role == layout.Xiaobiaosong && g.R == '丄'
				if g.Embolden != wantBold {
					t.Errorf("%s %c (%s): embolden %v, want %v", run.Role, g.R, f.ID, g.Embolden, wantBold)
				}
				if g.R == '丄' {
					seen[run.Role] = true
				}
			}
		}
	}
	if !seen[layout.Xiaobiaosong] || !seen[layout.Kaiti] || !seen[layout.Fangsong] {
		t.Errorf("丄 laid out in %v, want in the title, the 编者按 and the body", seen)
	}
	var buf bytes.Buffer
	if _, err := Render(&buf, doc, opt); err != nil {
		t.Fatalf("Render: %v", err)
	}
}
