package fonts

import (
	"os"
	"path/filepath"
	"testing"

	"bulletin/assets"
)

// fakeWindowsFonts lays out a Windows font folder pair (C:\Windows\Fonts and
// the per-user folder) as an office PC has them: 仿宋 and 楷体 in the system
// folder (楷体 in capitals, as some installers write it), a damaged 黑体, and
// 方正小标宋 installed for the user only. 宋体 is absent.
func fakeWindowsFonts(tb testing.TB) (sys, user string) {
	tb.Helper()
	sys, user = tb.TempDir(), tb.TempDir()
	files := map[string][]byte{
		filepath.Join(sys, "simfang.ttf"):  assets.Kai,
		filepath.Join(sys, "SIMKAI.TTF"):   assets.Kai,
		filepath.Join(sys, "simhei.ttf"):   []byte("not a font: a damaged copy"),
		filepath.Join(sys, "arial.ttf"):    []byte("x"),
		filepath.Join(user, "FZXBSJW.TTF"): assets.SerifBold,
	}
	for p, data := range files {
		if err := os.WriteFile(p, data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return sys, user
}

// TestRoleDefaultWindowsFolder: each role takes the office font found in
// the Windows font folders; a damaged file and a missing one leave the role
// on its embedded font, and Builtin keeps the embedded font on purpose.
func TestRoleDefaultWindowsFolder(t *testing.T) {
	sys, user := fakeWindowsFonts(t)
	dirs := []string{sys, user}
	want := map[Role]string{
		RoleFangsong:     filepath.Join(sys, "simfang.ttf"),
		RoleKaiti:        filepath.Join(sys, "SIMKAI.TTF"),
		RoleXiaobiaosong: filepath.Join(user, "FZXBSJW.TTF"),
		RoleHeiti:        "",
		RoleSongti:       "",
	}
	for _, r := range Roles {
		if got := roleDefaultIn(dirs, r); got != want[r] {
			t.Errorf("roleDefaultIn(%s) = %q, want %q", r, got, want[r])
		}
	}
	listed := 0
	find := roleDefaultsIn(func() []string { listed++; return dirs })
	s, err := newSetWith(nil, nil, find)
	if err != nil {
		t.Fatalf("newSetWith: %v", err)
	}
	for _, r := range Roles {
		p := s.Primary(r)
		if want[r] == "" {
			if !p.Embedded {
				t.Errorf("Primary(%s) = %s, want the embedded font", r, p.Path)
			}
			continue
		}
		if p.Embedded || p.Path != want[r] {
			t.Errorf("Primary(%s) = %q (embedded %v), want %s", r, p.Name, p.Embedded, want[r])
		}
	}
	if listed != 1 {
		t.Errorf("the font folders were listed %d times for %d roles, want once", listed, len(Roles))
	}
	if f, _ := s.Resolve(RoleFangsong, '国'); f.Path != want[RoleFangsong] {
		t.Errorf("Resolve(仿宋, 国) = %q, want simfang.ttf", faceID(f))
	}
	s, err = newSetWith(Config{RoleFangsong: Builtin}, nil, find)
	if err != nil {
		t.Fatalf("newSetWith(仿宋=内置): %v", err)
	}
	if p := s.Primary(RoleFangsong); !p.Embedded || p.ID != "SerifRegular" {
		t.Errorf("Primary(仿宋) with 内置 = %q, want the embedded SerifRegular", p.ID)
	}
	if p := s.Primary(RoleKaiti); p.Path != want[RoleKaiti] {
		t.Errorf("Primary(楷体) = %q, want %s (other roles keep the office font)", p.Path, want[RoleKaiti])
	}
}
