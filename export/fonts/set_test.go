package fonts

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// faceID names a resolved face for messages ("" when none).
func faceID(f *Face) string {
	if f == nil {
		return ""
	}
	if f.Embedded {
		return f.ID
	}
	return f.Name
}

func TestResolve(t *testing.T) {
	needFile(t, hanaB)
	s, err := newSet(nil, []string{hanaB})
	if err != nil {
		t.Fatalf("newSet: %v", err)
	}
	cases := []struct {
		name string
		role Role
		r    rune
		want string // face ID or file name; "" = no font
	}{
		{"kai has its own", RoleKaiti, '楷', "Kai"},
		{"kai subset has 䶮", RoleKaiti, '䶮', "Kai"},
		{"kai subset has 體 (jieba's dictionary)", RoleKaiti, '體', "Kai"},
		{"bold subset has 堃", RoleXiaobiaosong, '堃', "SerifBold"},
		{"missing from kai, in noto serif", RoleKaiti, '丄', "SerifRegular"},
		{"outside the bold subset", RoleXiaobiaosong, '丄', "SerifRegular"},
		{"bold subset has it", RoleXiaobiaosong, '国', "SerifBold"},
		{"heiti latin", RoleHeiti, 'A', "SansBold"},
		{"songti page dash", RoleSongti, '—', "SerifRegular"},
		{"ext B from HanaMinB", RoleFangsong, 0x20BB7, "HanaMinB.ttf"},
		{"ext A/B 𠀾 from HanaMinB", RoleKaiti, 0x2003E, "HanaMinB.ttf"},
		{"emoji: no font", RoleFangsong, '😀', ""},
		{"unknown role acts as fangsong", Role("草书"), '中', "SerifRegular"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, ok := s.Resolve(c.role, c.r)
			if got := faceID(f); got != c.want || ok != (c.want != "") {
				t.Errorf("Resolve(%s, %q U+%04X) = %q, %v; want %q", c.role, c.r, c.r, got, ok, c.want)
			}
			if again, _ := s.Resolve(c.role, c.r); again != f {
				t.Errorf("second Resolve(%s, %q) = %q, want the same face %q", c.role, c.r, faceID(again), faceID(f))
			}
		})
	}
}

func TestResolveSystemFallbackOrder(t *testing.T) {
	needFile(t, hanaA)
	needFile(t, hanaB)
	s, err := newSet(nil, []string{hanaA, hanaB})
	if err != nil {
		t.Fatalf("newSet: %v", err)
	}
	// 𠮷 is in both: the first listed wins. HanaMinB is loaded only when a
	// rune is missing from HanaMinA too.
	if f, _ := s.Resolve(RoleFangsong, 0x20BB7); faceID(f) != "HanaMinA.ttf" {
		t.Errorf("Resolve(仿宋, 𠮷) = %q, want HanaMinA.ttf (first system fallback)", faceID(f))
	}
	if s.system[1].face != nil {
		t.Errorf("HanaMinB was loaded although HanaMinA had every rune asked for")
	}
}

func TestNewSetConfig(t *testing.T) {
	needFile(t, gkai)
	s, err := newSet(Config{RoleKaiti: gkai}, nil)
	if err != nil {
		t.Fatalf("newSet(楷体=%s): %v", gkai, err)
	}
	if p := s.Primary(RoleKaiti); p.Path != gkai || p.Embedded {
		t.Errorf("Primary(楷体) = %q (%s), want %s", p.Name, p.Path, gkai)
	}
	if p := s.Primary(RoleFangsong); p.ID != "SerifRegular" {
		t.Errorf("Primary(仿宋) = %q, want the embedded SerifRegular", p.ID)
	}
	// gkai00mp is cut to GB 2312: 䶮 comes from the embedded Kai (or Serif) instead.
	if f, _ := s.Resolve(RoleKaiti, '䶮'); faceID(f) != "Kai" && faceID(f) != "SerifRegular" {
		t.Errorf("Resolve(楷体, 䶮) = %q, want an embedded fallback", faceID(f))
	}
	if f, _ := s.Resolve(RoleKaiti, '楷'); f != s.Primary(RoleKaiti) {
		t.Errorf("Resolve(楷体, 楷) = %q, want the configured primary", faceID(f))
	}

	bad := writeFile(t, "坏字体.ttf", []byte("not a font at all, just text"))
	_, err = newSet(Config{RoleHeiti: bad}, nil)
	if !errors.Is(err, ErrNotFont) || !strings.Contains(err.Error(), "黑体") || !strings.Contains(err.Error(), "坏字体.ttf") {
		t.Errorf("newSet(黑体=%s) error = %v, want ErrNotFont naming 黑体 and the file", bad, err)
	}
	if _, err := newSet(Config{Role("草书"): gkai}, nil); err == nil {
		t.Errorf("newSet with an unknown role: no error")
	}
}

func TestCheck(t *testing.T) {
	needFile(t, hanaB)
	s, err := newSet(nil, []string{hanaB})
	if err != nil {
		t.Fatalf("newSet: %v", err)
	}
	cases := []struct {
		name string
		text string
		want []Missing
	}{
		{"all present", "甲乙丙，ABC 123。𠮷", nil},
		{"empty", "", nil},
		{"invisible runes skipped", "a\u200bb\ufeff\r\n\tc\ufe0f", nil},
		{"emoji on lines", "甲乙\n丙😀丁\n\n😀", []Missing{
			{Rune: '😀', Index: 4, Line: 2, Column: 2},
			{Rune: '😀', Index: 8, Line: 4, Column: 1},
		}},
		{"private use and unassigned", "\ue000a\U0003FFFD", []Missing{
			{Rune: '\ue000', Index: 0, Line: 1, Column: 1},
			{Rune: 0x3FFFD, Index: 2, Line: 1, Column: 3},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := s.Check(c.text)
			if len(got) != len(c.want) {
				t.Fatalf("Check(%q) = %v, want %v", c.text, got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("Check(%q)[%d] = %+v, want %+v", c.text, i, got[i], c.want[i])
				}
			}
		})
	}
	if got, want := (Missing{Rune: '😀', Index: 4, Line: 2, Column: 2}).String(), "第 2 行第 2 字 “😀”（U+1F600）"; got != want {
		t.Errorf("Missing.String() = %q, want %q", got, want)
	}
}

func TestSystemFallbacks(t *testing.T) {
	needFile(t, hanaA)
	needFile(t, hanaB)
	needFile(t, gkai)
	got := SystemFallbacks()
	if len(got) < 2 || got[0] != hanaA || got[1] != hanaB {
		t.Fatalf("SystemFallbacks() = %v, want HanaMinA then HanaMinB first", got)
	}
	seen := map[string]bool{}
	firstStyled := len(got)
	for i, p := range got {
		if styled(p) && firstStyled == len(got) {
			firstStyled = i
		}
		if i > firstStyled && !styled(p) {
			t.Errorf("SystemFallbacks(): regular %s after styled %s", p, got[firstStyled])
		}
		if seen[p] || strings.HasSuffix(strings.ToLower(p), ".otf") {
			t.Errorf("SystemFallbacks() lists %s twice or an .otf", p)
		}
		seen[p] = true
	}
	if again := SystemFallbacks(); strings.Join(again, "|") != strings.Join(got, "|") {
		t.Errorf("SystemFallbacks() not stable: %v then %v", got, again)
	}
	if c := SystemCandidates(RoleKaiti); len(c) == 0 || c[0] != gkai {
		t.Errorf("SystemCandidates(楷体) = %v, want %s first", c, gkai)
	}
}

// TestResolveConcurrent resolves from several goroutines at once (run with
// -race): the drawer and a preview may share one Set.
func TestResolveConcurrent(t *testing.T) {
	s, err := newSet(nil, nil)
	if err != nil {
		t.Fatalf("newSet: %v", err)
	}
	text := []rune("关于近期我县网民反映集中供水问题的舆情专报䶮堃體ABC123，。😀")
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		go func(role Role) {
			for _, r := range text {
				f, ok := s.Resolve(role, r)
				if ok != (r != '😀') || (ok && !f.Has(r)) {
					errs <- fmt.Sprintf("Resolve(%s, %q) = %v, %v", role, r, faceID(f), ok)
					return
				}
				f.Advance(r)
			}
			errs <- ""
		}(Roles[g])
	}
	for g := 0; g < 4; g++ {
		select {
		case e := <-errs:
			if e != "" {
				t.Error(e)
			}
		case <-time.After(time.Minute):
			t.Fatal("a goroutine did not finish within a minute")
		}
	}
}

// TestWindowsFallbackOrder lays out a fake Windows font folder pair (system
// and per-user) and checks the order: SimSun-ExtB first, names in list
// order, each file once, missing ones left out.
func TestWindowsFallbackOrder(t *testing.T) {
	sys, user := t.TempDir(), t.TempDir()
	for _, p := range []string{
		filepath.Join(sys, "simhei.ttf"), filepath.Join(sys, "simsun.ttc"), filepath.Join(sys, "simsunb.ttf"),
		filepath.Join(user, "msyh.ttc"), filepath.Join(sys, "arial.ttf"),
	} {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := windowsFallbacksIn([]string{sys, user})
	want := []string{
		filepath.Join(sys, "simsunb.ttf"), filepath.Join(sys, "simsun.ttc"),
		filepath.Join(sys, "simhei.ttf"), filepath.Join(user, "msyh.ttc"),
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("windowsFallbacksIn = %v, want %v", got, want)
	}
}
