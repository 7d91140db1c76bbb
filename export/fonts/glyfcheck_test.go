package fonts

import (
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/goregular"
)

// damage returns a copy of goregular's TrueType bytes changed by edit, which
// gets the copy and its table directory.
func damage(tb testing.TB, edit func(data []byte, dir tableDir)) []byte {
	tb.Helper()
	data := append([]byte(nil), goregular.TTF...)
	dir, err := readTableDir(data, 0)
	if err != nil {
		tb.Fatalf("goregular table directory: %v", err)
	}
	edit(data, dir)
	return data
}

// makeComposite turns the first glyph of 16 bytes or more into a composite
// glyph (not .notdef) with one component, glyph 0, and returns it and its offset in data.
func makeComposite(tb testing.TB, data []byte, dir tableDir) (glyph int, at uint32) {
	tb.Helper()
	head, _ := dir.find("head")
	loca, _ := dir.find("loca")
	glyf, _ := dir.find("glyf")
	maxp, _ := dir.find("maxp")
	long := binary.BigEndian.Uint16(data[head.offset+50:]) == 1
	n := int(binary.BigEndian.Uint16(data[maxp.offset+4:]))
	for g := 1; g < n; g++ {
		var off, next uint32
		if long {
			off, next = binary.BigEndian.Uint32(data[loca.offset+4*uint32(g):]), binary.BigEndian.Uint32(data[loca.offset+4*uint32(g+1):])
		} else {
			off, next = 2*uint32(binary.BigEndian.Uint16(data[loca.offset+2*uint32(g):])), 2*uint32(binary.BigEndian.Uint16(data[loca.offset+2*uint32(g+1):]))
		}
		if next >= off+16 {
			at := glyf.offset + off
			binary.BigEndian.PutUint16(data[at:], 0xFFFF)    // numberOfContours -1
			binary.BigEndian.PutUint16(data[at+10:], 0x0000) // flags: byte args, last component
			binary.BigEndian.PutUint16(data[at+12:], 0)      // glyph 0
			return g, at
		}
	}
	tb.Fatalf("goregular has no glyph of 16 bytes")
	return 0, 0
}

func TestLoadRefusesBadGlyphTables(t *testing.T) {
	cases := []struct {
		name   string
		data   []byte
		detail string
	}{
		{"composite glyph containing itself", damage(t, func(d []byte, dir tableDir) {
			g, at := makeComposite(t, d, dir)
			binary.BigEndian.PutUint16(d[at+12:], uint16(g))
		}), "contains itself"},
		{"composite glyph naming a missing glyph", damage(t, func(d []byte, dir tableDir) {
			_, at := makeComposite(t, d, dir)
			binary.BigEndian.PutUint16(d[at+12:], 0xFFFF)
		}), "missing glyph"},
		{"loca out of order", damage(t, func(d []byte, dir tableDir) {
			loca, _ := dir.find("loca")
			copy(d[loca.offset+8:loca.offset+12], []byte{0xFF, 0xFF, 0xFF, 0xFF})
		}), "loca"},
		{"hhea metrics count above glyph count", damage(t, func(d []byte, dir tableDir) {
			hhea, _ := dir.find("hhea")
			binary.BigEndian.PutUint16(d[hhea.offset+34:], 0xFFFF)
		}), "hhea"},
		{"cmap subtable past its table", damage(t, func(d []byte, dir tableDir) {
			cmap, _ := dir.find("cmap")
			c := d[cmap.offset:]
			for i := 0; i < int(binary.BigEndian.Uint16(c[2:])); i++ {
				off := binary.BigEndian.Uint32(c[4+8*i+4:])
				if binary.BigEndian.Uint16(c[off:]) == 4 {
					binary.BigEndian.PutUint16(c[off+2:], 0xFFF0)
				}
			}
		}), "cmap"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := parseFace(c.data, 0, "damaged.ttf", true)
			if err == nil {
				t.Fatalf("parseFace(%s) accepted face %v, want ErrBroken", c.name, f.ID)
			}
			if !errors.Is(err, ErrBroken) || !strings.Contains(err.Error(), c.detail) || !strings.Contains(err.Error(), "已损坏") {
				t.Errorf("parseFace(%s) error = %v, want ErrBroken mentioning %q", c.name, err, c.detail)
			}
		})
	}
	if _, err := parseFace(goregular.TTF, 0, "goregular.ttf", true); err != nil {
		t.Errorf("undamaged goregular refused: %v", err)
	}
	valid := damage(t, func(d []byte, dir tableDir) { makeComposite(t, d, dir) })
	if _, err := parseFace(valid, 0, "composite.ttf", true); err != nil {
		t.Errorf("goregular with a valid composite glyph refused: %v", err)
	}
}
