package fonts

import (
	"testing"

	"bulletin/assets"
)

func TestCoverageSuperset(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		face *Face
	}{
		{"Kai", assets.Kai, embedded(embKai)},
		{"SerifBold", assets.SerifBold, embedded(embSerifBold)},
	}
	for _, c := range cases {
		cov := dataCoverage(c.data, 0)
		if len(cov) == 0 {
			t.Fatalf("%s: no cmap ranges", c.name)
		}
		for i := 1; i < len(cov); i++ {
			if cov[i].lo <= cov[i-1].hi+1 {
				t.Fatalf("%s: ranges %v and %v overlap or touch, want merged", c.name, cov[i-1], cov[i])
			}
		}
		for r := rune(0); r <= 0xFFFF; r++ {
			if c.face.Has(r) && !cov.has(r) {
				t.Fatalf("%s has U+%04X but its coverage does not", c.name, r)
			}
		}
		for _, r := range []rune{'😀', 0x20BB7, 0x10FFFF} {
			if cov.has(r) {
				t.Errorf("%s coverage has U+%04X, want not", c.name, r)
			}
		}
	}
}

func TestCoverageOfExtB(t *testing.T) {
	needFile(t, hanaB)
	cov := fileCoverage(hanaB)
	for _, r := range []rune{0x20BB7, 0x2003E} {
		if !cov.has(r) {
			t.Errorf("HanaMinB coverage lacks U+%04X", r)
		}
	}
}

// TestMissingRuneLoadsNoFallback checks that a rune outside every fallback's
// cmap ranges (a recent emoji, U+1FAE8; HanaMinA does have 😀) reads the
// cmaps but loads no face.
func TestMissingRuneLoadsNoFallback(t *testing.T) {
	needFile(t, hanaA)
	needFile(t, hanaB)
	needFile(t, gkai)
	s, err := newSet(nil, []string{hanaA, hanaB, gkai})
	if err != nil {
		t.Fatalf("newSet: %v", err)
	}
	if m := s.Check("好\U0001FAE8"); len(m) != 1 || m[0].Rune != 0x1FAE8 {
		t.Fatalf("Check(好🫨) = %v, want U+1FAE8 missing", m)
	}
	for _, sf := range s.system {
		if sf.face != nil {
			t.Errorf("%s was loaded for a rune outside its cmap", sf.path)
		}
	}
	if f, ok := s.Resolve(RoleFangsong, 0x2003E); !ok || f.Path == "" {
		t.Errorf("Resolve(𠀾) = %v, %v; want a system face", faceID(f), ok)
	}
}

// TestReadCoverageMatchesData checks the partial file read against the
// ranges read from the whole file, for a .ttf and both faces of a .ttc.
func TestReadCoverageMatchesData(t *testing.T) {
	ttcData := buildTTC(t, assets.SerifBold, assets.Kai)
	ttc := writeFile(t, "pair.ttc", ttcData)
	kai := writeFile(t, "kai.ttf", assets.Kai)
	cases := []struct {
		path string
		want coverage
	}{
		{kai, dataCoverage(assets.Kai, 0)},
		{ttc + "#0", dataCoverage(assets.SerifBold, 0)},
		{ttc + "#1", dataCoverage(assets.Kai, 0)},
		{ttc + "#2", nil},
	}
	for _, c := range cases {
		got := fileCoverage(c.path)
		if len(got) != len(c.want) {
			t.Errorf("fileCoverage(%s) = %d ranges, want %d", c.path, len(got), len(c.want))
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("fileCoverage(%s)[%d] = %v, want %v", c.path, i, got[i], c.want[i])
				break
			}
		}
	}
}
