// Package ttf reads the tables of a TrueType (glyf) font and cuts it down to
// the glyphs a text uses. The PDF export cuts each face down before fpdf sees
// it, the program's UI font is a cut of the embedded Noto Sans SC, and the font
// checks walk composite glyphs: all three share this code.
package ttf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// ErrDamaged reports a font whose tables cannot be read.
var ErrDamaged = errors.New("truetype font damaged")

// Font is a parsed TrueType font: its tables by tag and what cutting needs.
// The tables share the bytes given to Parse.
type Font struct {
	Tables      map[string][]byte
	NumGlyphs   int
	NumHMetrics int
	LongLoca    bool
}

// Parse reads the table directory of a standalone TrueType font and checks
// that the tables a cut needs are there and long enough. It parses no glyph.
func Parse(data []byte) (*Font, error) {
	if len(data) < 12 {
		return nil, ErrDamaged
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	f := &Font{Tables: make(map[string][]byte, n)}
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, ErrDamaged
		}
		tag := string(data[rec : rec+4])
		off := binary.BigEndian.Uint32(data[rec+8:])
		length := binary.BigEndian.Uint32(data[rec+12:])
		if uint64(off)+uint64(length) > uint64(len(data)) {
			return nil, fmt.Errorf("table %q: %w", tag, ErrDamaged)
		}
		f.Tables[tag] = data[off : off+length]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf"} {
		if f.Tables[tag] == nil {
			return nil, fmt.Errorf("no %q table: %w", tag, ErrDamaged)
		}
	}
	if len(f.Tables["head"]) < 54 || len(f.Tables["hhea"]) < 36 || len(f.Tables["maxp"]) < 6 {
		return nil, ErrDamaged
	}
	f.LongLoca = binary.BigEndian.Uint16(f.Tables["head"][50:]) == 1
	f.NumGlyphs = int(binary.BigEndian.Uint16(f.Tables["maxp"][4:]))
	f.NumHMetrics = int(binary.BigEndian.Uint16(f.Tables["hhea"][34:]))
	if f.NumHMetrics == 0 || len(f.Tables["hmtx"]) < 4*f.NumHMetrics {
		return nil, ErrDamaged
	}
	return f, nil
}

// Glyph returns the glyf data of a glyph (empty for a blank glyph or one
// the loca table does not place inside glyf).
func (f *Font) Glyph(gid int) []byte {
	loca, glyf := f.Tables["loca"], f.Tables["glyf"]
	var a, b int
	if f.LongLoca {
		if gid < 0 || 4*gid+8 > len(loca) {
			return nil
		}
		a, b = int(binary.BigEndian.Uint32(loca[4*gid:])), int(binary.BigEndian.Uint32(loca[4*gid+4:]))
	} else {
		if gid < 0 || 2*gid+4 > len(loca) {
			return nil
		}
		a, b = 2*int(binary.BigEndian.Uint16(loca[2*gid:])), 2*int(binary.BigEndian.Uint16(loca[2*gid+2:]))
	}
	if a >= b || b > len(glyf) {
		return nil
	}
	return glyf[a:b]
}

// Metrics returns the advance and left side bearing of a glyph.
func (f *Font) Metrics(gid int) (adv, lsb uint16) {
	h := f.Tables["hmtx"]
	if gid < f.NumHMetrics {
		return binary.BigEndian.Uint16(h[4*gid:]), binary.BigEndian.Uint16(h[4*gid+2:])
	}
	adv = binary.BigEndian.Uint16(h[4*(f.NumHMetrics-1):])
	off := 4*f.NumHMetrics + 2*(gid-f.NumHMetrics)
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

// Components calls fn with the offset in g of each component's glyph number
// when g is a composite glyph; it does nothing for a simple or empty one. It
// returns false when the component records run past g's data (fn has then
// been called for those that fit).
func Components(g []byte, fn func(at int)) bool {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return true
	}
	for p := 10; ; {
		if p+4 > len(g) {
			return false
		}
		flags := binary.BigEndian.Uint16(g[p:])
		fn(p + 2)
		p += 6
		if flags&argsAreWords != 0 {
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
		if p > len(g) {
			return false
		}
		if flags&moreComponents == 0 {
			return true
		}
	}
}

// Cut is a font cut down to some of its glyphs, renumbered from .notdef.
type Cut struct {
	NewID            map[int]int // old glyph number → new
	Old              []int       // new glyph number → old
	Glyf, Loca, Hmtx []byte      // the cut's tables (long loca)
}

// Cut keeps .notdef, the glyphs gids in that order and the components of
// composite glyphs after them, renumbered in that order.
func (f *Font) Cut(gids []int) *Cut {
	c := &Cut{NewID: map[int]int{0: 0}, Old: []int{0}}
	add := func(gid int) {
		if _, ok := c.NewID[gid]; !ok && gid < f.NumGlyphs {
			c.NewID[gid] = len(c.Old)
			c.Old = append(c.Old, gid)
		}
	}
	for _, g := range gids {
		add(g)
	}
	for i := 0; i < len(c.Old); i++ { // Old grows as components are found
		g := f.Glyph(c.Old[i])
		Components(g, func(at int) { add(int(binary.BigEndian.Uint16(g[at:]))) })
	}
	size := 0
	for _, gid := range c.Old {
		size += (len(f.Glyph(gid)) + 3) &^ 3
	}
	c.Glyf = make([]byte, 0, size)
	c.Loca = make([]byte, 0, 4*(len(c.Old)+1))
	c.Hmtx = make([]byte, 0, 4*len(c.Old))
	for _, gid := range c.Old {
		c.Loca = binary.BigEndian.AppendUint32(c.Loca, uint32(len(c.Glyf)))
		start := len(c.Glyf)
		c.Glyf = append(c.Glyf, f.Glyph(gid)...)
		g := c.Glyf[start:]
		Components(g, func(at int) {
			binary.BigEndian.PutUint16(g[at:], uint16(c.NewID[int(binary.BigEndian.Uint16(g[at:]))]))
		})
		for len(c.Glyf)%4 != 0 {
			c.Glyf = append(c.Glyf, 0)
		}
		adv, lsb := f.Metrics(gid)
		c.Hmtx = binary.BigEndian.AppendUint16(binary.BigEndian.AppendUint16(c.Hmtx, adv), lsb)
	}
	c.Loca = binary.BigEndian.AppendUint32(c.Loca, uint32(len(c.Glyf)))
	return c
}

// CutRunes cuts f down to the glyphs of runes, in that order; glyph gives a
// rune's glyph number in f (0 for none). It returns the cut and the glyph of
// each rune f has in it.
func (f *Font) CutRunes(runes []rune, glyph func(rune) int) (*Cut, map[rune]int) {
	gids := make([]int, 0, len(runes))
	mapped := make([]rune, 0, len(runes))
	for _, r := range runes {
		if g := glyph(r); g > 0 && g < f.NumGlyphs {
			gids = append(gids, g)
			mapped = append(mapped, r)
		}
	}
	c := f.Cut(gids)
	cmap := make(map[rune]int, len(mapped))
	for i, r := range mapped {
		cmap[r] = c.NewID[gids[i]]
	}
	return c, cmap
}

// CutTables returns the tables of a font holding the cut: glyf, loca and hmtx of
// the cut; head, hhea, maxp and post of f changed to match (long loca, every
// glyph with its own metrics, no glyph names); and f's tables keep as they
// are. The cmap is the caller's.
func (f *Font) CutTables(c *Cut, keep ...string) map[string][]byte {
	n := uint16(len(c.Old))
	head := append([]byte(nil), f.Tables["head"]...)
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment
	binary.BigEndian.PutUint16(head[50:], 1) // long loca
	hhea := append([]byte(nil), f.Tables["hhea"]...)
	binary.BigEndian.PutUint16(hhea[34:], n)
	maxp := append([]byte(nil), f.Tables["maxp"]...)
	binary.BigEndian.PutUint16(maxp[4:], n)
	post := make([]byte, 32)
	if p := f.Tables["post"]; len(p) >= 32 {
		copy(post, p)
	}
	binary.BigEndian.PutUint32(post, 0x00030000) // version 3: no glyph names
	out := map[string][]byte{
		"head": head, "hhea": hhea, "maxp": maxp, "post": post,
		"hmtx": c.Hmtx, "loca": c.Loca, "glyf": c.Glyf,
	}
	for _, tag := range keep {
		if d := f.Tables[tag]; d != nil {
			out[tag] = d
		}
	}
	return out
}

// Assemble writes tables as a TrueType file: tables in tag order, each
// 4-byte aligned, with their checksums.
func Assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	size := 0
	for tag, d := range tables {
		tags = append(tags, tag)
		size += (len(d) + 3) &^ 3
	}
	sort.Strings(tags)
	n := len(tags)
	entry := 0
	for 1<<(entry+1) <= n {
		entry++
	}
	out := make([]byte, 12+16*n, 12+16*n+size)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16<<entry))
	binary.BigEndian.PutUint16(out[8:], uint16(entry))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<entry))
	for i, tag := range tags {
		d := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], Checksum(d))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(d)))
		out = append(out, d...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// Checksum is the TrueType table checksum: the sum of its big-endian 32-bit
// words, the last one padded with zeros.
func Checksum(b []byte) uint32 {
	var sum uint32
	i := 0
	for ; i+4 <= len(b); i += 4 {
		sum += binary.BigEndian.Uint32(b[i:])
	}
	if i < len(b) {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
