package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"bulletin/assets"
	"golang.org/x/image/font/gofont/goregular"
)

// cffOTF is a minimal CFF-flavoured OpenType file: refused on its magic.
func cffOTF() []byte {
	return buildSFNT(tagOTTO, map[string][]byte{"CFF ": make([]byte, 64), "cmap": make([]byte, 4), "head": make([]byte, 54)})
}

// cffAsTTF carries the TrueType magic but CFF outlines and no glyf.
func cffAsTTF() []byte {
	return buildSFNT(tagTrueType, map[string][]byte{"CFF2": make([]byte, 64), "cmap": make([]byte, 4), "head": make([]byte, 54)})
}

func TestLoadRefuses(t *testing.T) {
	rnd := rand.New(rand.NewSource(1))
	random := make([]byte, 4096)
	rnd.Read(random)
	noHead := testTables(t, assets.SerifBold)
	delete(noHead, "hmtx")
	cases := []struct {
		name     string
		file     string
		data     []byte // nil: use file as is
		want     error
		wantText string // part of the Chinese message
	}{
		{"otf magic", "x.otf", cffOTF(), ErrCFF, "是 OpenType CFF 格式（.otf），PDF 无法嵌入，请选择 TrueType（.ttf）字体"},
		{"cff with ttf magic", "y.ttf", cffAsTTF(), ErrCFF, "OpenType CFF"},
		{"cff face in a ttc", "z.ttc", buildTTC(t, cffAsTTF()), ErrCFF, "OpenType CFF"},
		{"random bytes", "random.ttf", random, ErrNotFont, "不是字体文件"},
		{"text file", "readme.ttf", []byte("这不是字体，只是一段文字。This is not a font."), ErrNotFont, "不是字体文件"},
		{"empty", "empty.ttf", []byte{}, ErrNotFont, "不是字体文件"},
		{"woff2", "web.woff2", append([]byte("wOF2\x00\x01\x00\x00"), make([]byte, 40)...), ErrNotFont, "WOFF"},
		{"truncated ttf", "half.ttf", assets.Kai[:len(assets.Kai)/2], ErrBroken, "已损坏或不完整"},
		{"truncated directory", "head.ttf", assets.Kai[:40], ErrBroken, "已损坏或不完整"},
		{"missing hmtx", "nohmtx.ttf", buildSFNT(tagTrueType, noHead), ErrBroken, "缺少 hmtx 表"},
		{"ttc index too big", "two.ttc#1", buildTTC(t, assets.SerifBold), ErrNoFace, "共 1 个字体"},
		{"ttf with index", "one.ttf#1", assets.SerifBold, ErrNoFace, "不是字体集"},
		{"missing file", "", nil, ErrNotFound, "找不到字体文件"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "absent.ttf")
			if c.data != nil {
				file, _, _ := strings.Cut(c.file, "#")
				path = writeFile(t, file, c.data)
				if i := strings.IndexByte(c.file, '#'); i >= 0 {
					path += c.file[i:]
				}
			}
			f, err := Load(path)
			if err == nil {
				t.Fatalf("Load(%s) = face %q, want error %v", c.name, f.ID, c.want)
			}
			var le *LoadError
			if !errors.As(err, &le) || !errors.Is(err, c.want) {
				t.Fatalf("Load(%s) error = %v (%T), want LoadError %v", c.name, err, err, c.want)
			}
			msg := err.Error()
			if !strings.Contains(msg, c.wantText) || !strings.Contains(msg, filepath.Base(strings.Split(path, "#")[0])) {
				t.Errorf("Load(%s) message = %q, want it to contain %q and the file name", c.name, msg, c.wantText)
			}
		})
	}
}

func TestLoadRealOTF(t *testing.T) {
	// golang.org/x/image ships a CFF test font; use it when the module cache has it.
	matches, _ := filepath.Glob(filepath.Join(os.Getenv("HOME"), "go/pkg/mod/golang.org/x/image@*/font/testdata/CFFTest.otf"))
	if len(matches) == 0 {
		t.Skip("no CFFTest.otf in the module cache; the crafted CFF cases in TestLoadRefuses still run")
	}
	_, err := Load(matches[0])
	if !errors.Is(err, ErrCFF) {
		t.Fatalf("Load(%s) error = %v, want ErrCFF", matches[0], err)
	}
}

func TestLoadTTF(t *testing.T) {
	path := writeFile(t, "kai.ttf", assets.Kai)
	f, err := Load(path)
	if err != nil {
		t.Fatalf("Load(%s): %v", path, err)
	}
	if !bytes.Equal(f.Data(), assets.Kai) || f.Path != path || f.Name != "kai.ttf" || f.Embedded {
		t.Errorf("Load(%s) = {Name %q Path %q Embedded %v, %d bytes}, want the file as is", path, f.Name, f.Path, f.Embedded, len(f.Data()))
	}
	hashed := writeFile(t, "楷#体.ttf", assets.Kai)
	if h, err := Load(hashed); err != nil || h.Name != "楷#体.ttf" || h.ID != f.ID {
		t.Errorf("Load(%s) error %v; want name 楷#体.ttf and ID %s", hashed, err, f.ID)
	}
	again, err := Load(path)
	if err != nil || again != f {
		t.Errorf("second Load(%s) = %p, %v; want the cached face %p", path, again, err, f)
	}
	if !regexp.MustCompile(`^f[0-9a-f]+$`).MatchString(f.ID) {
		t.Errorf("ID = %q, want \"f\" + lower-case hex", f.ID)
	}
}

func TestTTCExtraction(t *testing.T) {
	faces := [][]byte{assets.SerifBold, assets.Kai}
	ttc := writeFile(t, "pair.ttc", buildTTC(t, faces...))
	shared := writeFile(t, "shared.ttc", buildSharedTTC(t, goregular.TTF))
	goFace, err := parseFace(goregular.TTF, 0, "goregular.ttf", true)
	if err != nil {
		t.Fatalf("goregular: %v", err)
	}
	cases := []struct {
		path    string
		src     []byte
		srcFace *Face
		name    string
	}{
		{ttc, assets.SerifBold, embedded(embSerifBold), "pair.ttc"},
		{ttc + "#0", assets.SerifBold, embedded(embSerifBold), "pair.ttc#0"},
		{ttc + "#1", assets.Kai, embedded(embKai), "pair.ttc#1"},
		{shared + "#0", goregular.TTF, goFace, "shared.ttc#0"},
		{shared + "#1", goregular.TTF, goFace, "shared.ttc#1"},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			f, err := Load(c.path)
			if err != nil {
				t.Fatalf("Load(%s): %v", c.path, err)
			}
			if f.Name != c.name {
				t.Errorf("Name = %q, want %q", f.Name, c.name)
			}
			data := f.Data()
			if got := binary.BigEndian.Uint32(data); got != tagTrueType {
				t.Fatalf("extracted magic = %#x, want 0x00010000", got)
			}
			if sum := checksum(data); sum != 0xB1B0AFBA {
				t.Errorf("whole-file checksum = %#x, want 0xB1B0AFBA", sum)
			}
			got, want := testTables(t, data), testTables(t, c.src)
			if len(got) != len(want) {
				t.Errorf("extracted %d tables, want %d", len(got), len(want))
			}
			for tag, w := range want {
				g := got[tag]
				if tag == "head" { // checkSumAdjustment differs
					g, w = append([]byte(nil), g...), append([]byte(nil), w...)
					copy(g[8:12], make([]byte, 4))
					copy(w[8:12], make([]byte, 4))
				}
				if !bytes.Equal(g, w) {
					t.Errorf("table %q: %d bytes differ from the source's %d", tag, len(g), len(w))
				}
			}
			n := int(binary.BigEndian.Uint16(data[4:]))
			for i := 0; i < n; i++ {
				rec := data[12+16*i:]
				off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
				if off%4 != 0 {
					t.Errorf("table %q at offset %d, want 4-byte aligned", rec[:4], off)
				}
				body := append([]byte(nil), data[off:off+length]...)
				if string(rec[:4]) == "head" {
					copy(body[8:12], make([]byte, 4))
				}
				if got, want := binary.BigEndian.Uint32(rec[4:]), checksum(body); got != want {
					t.Errorf("table %q checksum %#x, want %#x", rec[:4], got, want)
				}
			}
			for _, r := range "国楷A" {
				src := c.srcFace
				if f.Has(r) != src.Has(r) || f.Advance(r) != src.Advance(r) {
					t.Errorf("rune %q: extracted has=%v adv=%v, source has=%v adv=%v", r, f.Has(r), f.Advance(r), src.Has(r), src.Advance(r))
				}
			}
		})
	}
}
