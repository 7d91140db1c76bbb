package ui

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// The UI font is a subset of the embedded Noto Sans SC, made when the program
// starts. Fyne parses a font whole (go-text reads every glyph outline of the
// glyf table), and keeps one parse per text style: the two full faces of
// 65,535 glyphs held ~160 MB of heap, about half of what the program used at
// start. The UI needs GB 2312, Latin and the punctuation and symbols of
// office text; those ~7,700 glyphs cost a tenth. A character outside the
// subset (a rare name character, typed or stored) is drawn by Fyne's fallback,
// the system's fonts (on Windows 微软雅黑 / 宋体), so it stays readable; the PDF
// export always uses its full fonts.

// uiRanges are the blocks kept beside GB 2312, as first and last rune.
var uiRanges = [][2]rune{
	{0x20, 0x7e}, {0xa0, 0x24f}, // Latin
	{0x2000, 0x206f},                   // general punctuation (— … ‘’ “”)
	{0x2100, 0x218f},                   // letterlike, number forms (℃ № Ⅰ Ⅱ)
	{0x2190, 0x23ff},                   // arrows, mathematical operators, technical
	{0x2460, 0x24ff},                   // ① ②
	{0x2500, 0x27bf},                   // box drawing, shapes, symbols (■ ★ ✓)
	{0x3000, 0x303f},                   // CJK punctuation (、。《》【】)
	{0x3200, 0x33ff},                   // enclosed CJK, compatibility (㈠ ㎡)
	{0xfe30, 0xfe4f}, {0xff00, 0xffef}, // CJK compatibility forms, full width
}

// uiRunes returns the runes of the UI subset: GB 2312 and uiRanges.
func uiRunes() []rune {
	var rs []rune
	for _, r := range uiRanges {
		for c := r[0]; c <= r[1]; c++ {
			rs = append(rs, c)
		}
	}
	dec := simplifiedchinese.GBK.NewDecoder()
	for hi := 0xa1; hi <= 0xf7; hi++ { // GB 2312 in EUC-CN: rows A1–F7, cells A1–FE
		for lo := 0xa1; lo <= 0xfe; lo++ {
			b, err := dec.Bytes([]byte{byte(hi), byte(lo)})
			if err != nil {
				continue
			}
			for _, r := range string(b) {
				if r != 0xfffd && r >= 0x80 {
					rs = append(rs, r)
				}
			}
		}
	}
	return rs
}

// subsetFont returns a TrueType font holding only the glyphs of runes in
// data (and the components of composite glyphs), renumbered from .notdef: the
// tables Fyne's text needs (cmap, glyf, loca, hmtx, hhea, head, maxp, OS/2,
// name, post …); glyph substitution, positioning and vertical metrics, which
// name glyphs by number, are left out.
func subsetFont(data []byte, runes []rune) ([]byte, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("subset font: %w", err)
	}
	tables, err := readTables(data)
	if err != nil {
		return nil, err
	}
	for _, tag := range []string{"head", "hhea", "hmtx", "maxp", "loca", "glyf"} {
		if tables[tag] == nil {
			return nil, fmt.Errorf("subset font: no %s table (a TrueType font is needed)", tag)
		}
	}
	numGlyphs := int(binary.BigEndian.Uint16(tables["maxp"][4:]))
	glyph, err := glyphReader(tables, numGlyphs)
	if err != nil {
		return nil, err
	}

	// Map the runes, then add the components of composite glyphs.
	var buf sfnt.Buffer
	cmap := map[rune]uint16{}
	newID := map[uint16]uint16{0: 0}
	order := []uint16{0}
	add := func(old uint16) {
		if _, ok := newID[old]; !ok {
			newID[old] = uint16(len(order))
			order = append(order, old)
		}
	}
	for _, r := range runes {
		g, err := f.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			continue
		}
		add(uint16(g))
		cmap[r] = uint16(g)
	}
	for i := 0; i < len(order); i++ { // order grows as components are found
		for _, c := range components(glyph(order[i])) {
			if int(c) < numGlyphs {
				add(c)
			}
		}
	}

	// glyf and loca in the new order, composite components renumbered.
	var glyf []byte
	loca := make([]byte, 4*(len(order)+1))
	for i, old := range order {
		g := append([]byte(nil), glyph(old)...)
		renumberComponents(g, newID)
		glyf = append(glyf, g...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		binary.BigEndian.PutUint32(loca[4*(i+1):], uint32(len(glyf)))
	}

	// Horizontal metrics: every glyph gets its own advance and side bearing.
	hmtx := make([]byte, 4*len(order))
	nh := int(binary.BigEndian.Uint16(tables["hhea"][34:]))
	for i, old := range order {
		j := int(old)
		if j >= nh {
			j = nh - 1
		}
		copy(hmtx[4*i:4*i+2], tables["hmtx"][4*j:4*j+2])
		if lsb := 4*nh + 2*(int(old)-nh); int(old) >= nh && lsb+2 <= len(tables["hmtx"]) {
			copy(hmtx[4*i+2:4*i+4], tables["hmtx"][lsb:lsb+2])
		} else {
			copy(hmtx[4*i+2:4*i+4], tables["hmtx"][4*j+2:4*j+4])
		}
	}

	out := map[string][]byte{}
	for _, tag := range []string{"OS/2", "name", "gasp", "prep", "fpgm", "cvt ", "BASE", "STAT"} {
		if t := tables[tag]; t != nil {
			out[tag] = t
		}
	}
	out["glyf"], out["loca"], out["hmtx"] = glyf, loca, hmtx
	out["cmap"] = cmap12(cmap, newID)
	out["head"] = patch(tables["head"], 50, 1)                        // indexToLocFormat: long
	out["hhea"] = patch(tables["hhea"], 34, uint16(len(order)))       // numberOfHMetrics
	out["maxp"] = patch(tables["maxp"], 4, uint16(len(order)))        // numGlyphs
	out["post"] = append([]byte{0, 3, 0, 0}, tables["post"][4:32]...) // version 3: no glyph names
	return writeFont(out), nil
}

// readTables returns the tables of a TrueType font by tag.
func readTables(data []byte) (map[string][]byte, error) {
	if len(data) < 12 {
		return nil, errors.New("subset font: too short")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	tables := map[string][]byte{}
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, errors.New("subset font: table directory cut short")
		}
		off, size := binary.BigEndian.Uint32(data[rec+8:]), binary.BigEndian.Uint32(data[rec+12:])
		if uint64(off)+uint64(size) > uint64(len(data)) {
			return nil, fmt.Errorf("subset font: table %q out of the file", data[rec:rec+4])
		}
		tables[string(data[rec:rec+4])] = data[off : off+size]
	}
	return tables, nil
}

// glyphReader returns a function giving the glyf bytes of a glyph.
func glyphReader(tables map[string][]byte, numGlyphs int) (func(uint16) []byte, error) {
	loca, glyf := tables["loca"], tables["glyf"]
	long := binary.BigEndian.Uint16(tables["head"][50:]) == 1
	offset := func(i int) int {
		if long {
			return int(binary.BigEndian.Uint32(loca[4*i:]))
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*i:]))
	}
	if need := (numGlyphs + 1) * map[bool]int{true: 4, false: 2}[long]; len(loca) < need {
		return nil, errors.New("subset font: loca table cut short")
	}
	return func(g uint16) []byte {
		a, b := offset(int(g)), offset(int(g)+1)
		if int(g) >= numGlyphs || a > b || b > len(glyf) {
			return nil
		}
		return glyf[a:b]
	}, nil
}

// Composite glyph flags.
const (
	argWords     = 0x0001
	haveScale    = 0x0008
	moreComps    = 0x0020
	haveXYScale  = 0x0040
	haveTwoByTwo = 0x0080
)

// compositeParts calls f with the offset of each component's glyph index in
// the composite glyph g; it stops at the end of g's data.
func compositeParts(g []byte, f func(at int)) {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return // empty or simple
	}
	for p := 10; p+4 <= len(g); {
		flags := binary.BigEndian.Uint16(g[p:])
		f(p + 2)
		p += 4
		if flags&argWords != 0 {
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
		if flags&moreComps == 0 {
			return
		}
	}
}

// components returns the glyphs a composite glyph is made of.
func components(g []byte) []uint16 {
	var out []uint16
	compositeParts(g, func(at int) { out = append(out, binary.BigEndian.Uint16(g[at:])) })
	return out
}

// renumberComponents rewrites the component glyph numbers of g in place.
func renumberComponents(g []byte, newID map[uint16]uint16) {
	compositeParts(g, func(at int) {
		binary.BigEndian.PutUint16(g[at:], newID[binary.BigEndian.Uint16(g[at:])])
	})
}

// cmap12 returns a cmap table with one format 12 subtable (Windows, Unicode
// full repertoire) mapping each rune to its new glyph.
func cmap12(cmap map[rune]uint16, newID map[uint16]uint16) []byte {
	runes := make([]rune, 0, len(cmap))
	for r := range cmap {
		runes = append(runes, r)
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	type group struct {
		start, end rune
		glyph      uint16
	}
	var groups []group
	for _, r := range runes {
		g := newID[cmap[r]]
		if n := len(groups); n > 0 && groups[n-1].end == r-1 && int(groups[n-1].glyph)+int(r-groups[n-1].start) == int(g) {
			groups[n-1].end = r
			continue
		}
		groups = append(groups, group{r, r, g})
	}
	sub := make([]byte, 16+12*len(groups))
	binary.BigEndian.PutUint16(sub[0:], 12)
	binary.BigEndian.PutUint32(sub[4:], uint32(len(sub)))
	binary.BigEndian.PutUint32(sub[12:], uint32(len(groups)))
	for i, g := range groups {
		p := 16 + 12*i
		binary.BigEndian.PutUint32(sub[p:], uint32(g.start))
		binary.BigEndian.PutUint32(sub[p+4:], uint32(g.end))
		binary.BigEndian.PutUint32(sub[p+8:], uint32(g.glyph))
	}
	head := []byte{0, 0, 0, 1, 0, 3, 0, 10, 0, 0, 0, 12} // version 0, one subtable: 3/10 at 12
	return append(head, sub...)
}

// patch returns a copy of t with the 16-bit value v at offset at.
func patch(t []byte, at int, v uint16) []byte {
	c := append([]byte(nil), t...)
	binary.BigEndian.PutUint16(c[at:], v)
	return c
}

// writeFont lays the tables out as a TrueType file, in tag order, each
// 4-byte aligned, with their checksums.
func writeFont(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out[0:], 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16<<es))
	binary.BigEndian.PutUint16(out[8:], uint16(es))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<es))
	for i, tag := range tags {
		t := tables[tag]
		rec := 12 + 16*i
		copy(out[rec:], tag)
		binary.BigEndian.PutUint32(out[rec+4:], checksum(t))
		binary.BigEndian.PutUint32(out[rec+8:], uint32(len(out)))
		binary.BigEndian.PutUint32(out[rec+12:], uint32(len(t)))
		out = append(out, t...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// checksum is the TrueType table checksum: the sum of its 32-bit words.
func checksum(t []byte) uint32 {
	var sum uint32
	for i := 0; i < len(t); i += 4 {
		var w [4]byte
		copy(w[:], t[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
