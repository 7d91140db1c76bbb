package export

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// Font subsetting before fpdf sees the font.
//
// fpdf parses the whole cmap and hmtx of every font it is given and again when
// it cuts its subset: for a CJK font of 30,000 glyphs that is about 100 ms a
// font and a render. Handing it a font that holds only the glyphs the bulletin
// uses makes both steps trivial and the output is the same.

// ttf is a parsed TrueType font: its tables and what subsetting needs.
type ttf struct {
	tables      map[string][]byte
	sf          *sfnt.Font
	numGlyphs   int
	numHMetrics int
	longLoca    bool
	mu          sync.Mutex // guards buf
	buf         sfnt.Buffer
}

var ttfCache sync.Map // face ID → *ttf

// parsedTTF parses the font once per face.
func parsedTTF(id string, data []byte) (*ttf, error) {
	if t, ok := ttfCache.Load(id); ok {
		return t.(*ttf), nil
	}
	t, err := parseTTF(data)
	if err != nil {
		return nil, err
	}
	ttfCache.Store(id, t)
	return t, nil
}

var errBadFont = errors.New("truetype font damaged")

func parseTTF(data []byte) (*ttf, error) {
	if len(data) < 12 {
		return nil, errBadFont
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	t := &ttf{tables: make(map[string][]byte)}
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, errBadFont
		}
		tag := string(data[rec : rec+4])
		off := binary.BigEndian.Uint32(data[rec+8:])
		length := binary.BigEndian.Uint32(data[rec+12:])
		if uint64(off)+uint64(length) > uint64(len(data)) {
			return nil, fmt.Errorf("table %q: %w", tag, errBadFont)
		}
		t.tables[tag] = data[off : off+length]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap"} {
		if t.tables[tag] == nil {
			return nil, fmt.Errorf("no %q table: %w", tag, errBadFont)
		}
	}
	if len(t.tables["head"]) < 54 || len(t.tables["hhea"]) < 36 || len(t.tables["maxp"]) < 6 {
		return nil, errBadFont
	}
	t.longLoca = binary.BigEndian.Uint16(t.tables["head"][50:]) == 1
	t.numGlyphs = int(binary.BigEndian.Uint16(t.tables["maxp"][4:]))
	t.numHMetrics = int(binary.BigEndian.Uint16(t.tables["hhea"][34:]))
	if t.numHMetrics == 0 || len(t.tables["hmtx"]) < 4*t.numHMetrics {
		return nil, errBadFont
	}
	sf, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("parse font: %w", err)
	}
	t.sf = sf
	return t, nil
}

// glyph returns the glyf data of a glyph (empty for a blank glyph).
func (t *ttf) glyph(gid int) []byte {
	loca, glyf := t.tables["loca"], t.tables["glyf"]
	var a, b int
	if t.longLoca {
		if 4*gid+8 > len(loca) {
			return nil
		}
		a, b = int(binary.BigEndian.Uint32(loca[4*gid:])), int(binary.BigEndian.Uint32(loca[4*gid+4:]))
	} else {
		if 2*gid+4 > len(loca) {
			return nil
		}
		a, b = 2*int(binary.BigEndian.Uint16(loca[2*gid:])), 2*int(binary.BigEndian.Uint16(loca[2*gid+2:]))
	}
	if a >= b || b > len(glyf) {
		return nil
	}
	return glyf[a:b]
}

// metrics returns the advance and left side bearing of a glyph.
func (t *ttf) metrics(gid int) (uint16, uint16) {
	h := t.tables["hmtx"]
	if gid < t.numHMetrics {
		return binary.BigEndian.Uint16(h[4*gid:]), binary.BigEndian.Uint16(h[4*gid+2:])
	}
	adv := binary.BigEndian.Uint16(h[4*(t.numHMetrics-1):])
	off := 4*t.numHMetrics + 2*(gid-t.numHMetrics)
	if off+2 > len(h) {
		return adv, 0
	}
	return adv, binary.BigEndian.Uint16(h[off:])
}

// Composite glyph flags.
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
)

// components calls fn with the offset of each component glyph index of a
// composite glyph.
func components(g []byte, fn func(off int)) {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return
	}
	for p := 10; p+4 <= len(g); {
		flags := binary.BigEndian.Uint16(g[p:])
		fn(p + 2)
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&haveTwoByTwo != 0:
			p += 8
		}
		if flags&moreComponents == 0 {
			return
		}
	}
}

// subset returns a TrueType font holding only the glyphs of runes (those up to
// U+FFFF that the font has) and the components they use.
func (t *ttf) subset(runes []rune) ([]byte, error) {
	runes = slices.Clone(runes)
	slices.Sort(runes)
	old := []int{0}
	newID := map[int]int{0: 0}
	add := func(gid int) int {
		if n, ok := newID[gid]; ok {
			return n
		}
		newID[gid] = len(old)
		old = append(old, gid)
		return len(old) - 1
	}
	cmap := map[rune]int{}
	t.mu.Lock()
	for _, r := range runes {
		if r > 0xFFFF || r == 0xFFFF {
			continue
		}
		gid, err := t.sf.GlyphIndex(&t.buf, r)
		if err != nil || gid == 0 || int(gid) >= t.numGlyphs {
			continue
		}
		cmap[r] = add(int(gid))
	}
	t.mu.Unlock()
	for i := 0; i < len(old); i++ {
		components(t.glyph(old[i]), func(off int) {
			add(int(binary.BigEndian.Uint16(t.glyph(old[i])[off:])))
		})
	}
	var glyf, loca, hmtx []byte
	for _, gid := range old {
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		g := slices.Clone(t.glyph(gid))
		components(g, func(off int) {
			binary.BigEndian.PutUint16(g[off:], uint16(newID[int(binary.BigEndian.Uint16(g[off:]))]))
		})
		glyf = append(glyf, g...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		adv, lsb := t.metrics(gid)
		hmtx = binary.BigEndian.AppendUint16(binary.BigEndian.AppendUint16(hmtx, adv), lsb)
	}
	loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
	n := uint16(len(old))

	head := slices.Clone(t.tables["head"])
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment
	binary.BigEndian.PutUint16(head[50:], 1) // long loca
	hhea := slices.Clone(t.tables["hhea"])
	binary.BigEndian.PutUint16(hhea[34:], n)
	maxp := slices.Clone(t.tables["maxp"])
	binary.BigEndian.PutUint16(maxp[4:], n)
	post := make([]byte, 32)
	if p := t.tables["post"]; len(p) >= 32 {
		copy(post, p)
	}
	binary.BigEndian.PutUint32(post, 0x00030000) // no glyph names

	out := map[string][]byte{
		"head": head, "hhea": hhea, "maxp": maxp, "post": post,
		"hmtx": hmtx, "loca": loca, "glyf": glyf, "cmap": cmap4(cmap),
	}
	for _, tag := range []string{"name", "OS/2", "cvt ", "fpgm", "prep"} {
		if d := t.tables[tag]; d != nil {
			out[tag] = d
		}
	}
	return assemble(out), nil
}

// cmap4 builds a cmap with one format 4 subtable (Windows, Unicode BMP).
func cmap4(m map[rune]int) []byte {
	rs := make([]rune, 0, len(m))
	for r := range m {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	type seg struct{ start, end, delta int }
	var segs []seg
	for _, r := range rs {
		d := m[r] - int(r)
		if k := len(segs) - 1; k >= 0 && segs[k].end == int(r)-1 && segs[k].delta == d {
			segs[k].end = int(r)
			continue
		}
		segs = append(segs, seg{int(r), int(r), d})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	sub := make([]byte, 0, 16+8*n)
	u16 := func(v int) { sub = binary.BigEndian.AppendUint16(sub, uint16(v)) }
	entry := 0
	for 1<<(entry+1) <= n {
		entry++
	}
	u16(4)
	u16(16 + 8*n)
	u16(0)
	u16(2 * n)
	u16(2 << entry)
	u16(entry)
	u16(2*n - 2<<entry)
	for _, s := range segs {
		u16(s.end)
	}
	u16(0)
	for _, s := range segs {
		u16(s.start)
	}
	for _, s := range segs {
		u16(s.delta & 0xFFFF)
	}
	for range segs {
		u16(0)
	}
	head := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}
	return append(head, sub...)
}

// assemble writes the tables as a TrueType file, tables in tag order.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	n := len(tags)
	entry := 0
	for 1<<(entry+1) <= n {
		entry++
	}
	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16<<entry))
	binary.BigEndian.PutUint16(out[8:], uint16(entry))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<entry))
	for i, tag := range tags {
		d := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(d))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(d)))
		out = append(out, d...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
