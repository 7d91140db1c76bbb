package fonts

import (
	"encoding/binary"
	"os"
	"sort"
	"sync"
	"time"
)

// A system fallback is read in full only when its cmap says it may have a
// rune nothing earlier has. Without this first pass one emoji would load every
// CJK font of a Windows PC (simsun.ttc, msyh.ttc, mingliub.ttc, … well over
// 100 MB) and keep them in memory.

// runeRange is an inclusive range of code points a cmap maps.
type runeRange struct{ lo, hi rune }

// coverage is the set of ranges of one face's cmap (a superset of its
// glyphs: a range may hold unmapped code points).
type coverage []runeRange

// has reports whether r lies in one of the ranges.
func (c coverage) has(r rune) bool {
	i := sort.Search(len(c), func(i int) bool { return c[i].hi >= r })
	return i < len(c) && c[i].lo <= r
}

// coverKey identifies one version of a font file.
type coverKey struct {
	path    string
	size    int64
	modTime time.Time
}

var (
	coverMu    sync.Mutex
	coverCache = map[coverKey]coverage{}
)

// fileCoverage returns the cmap ranges of the face at path ("x.ttc#N"
// allowed), cached per file version; nil when the file cannot be read as a
// TrueType face.
func fileCoverage(path string) coverage {
	file, index, _ := splitIndex(path)
	st, err := os.Stat(file)
	if err != nil {
		return nil
	}
	key := coverKey{path, st.Size(), st.ModTime()}
	coverMu.Lock()
	c, ok := coverCache[key]
	coverMu.Unlock()
	if ok {
		return c
	}
	c = readCoverage(file, index, st.Size())
	coverMu.Lock()
	coverCache[key] = c
	coverMu.Unlock()
	return c
}

// readCoverage reads only the headers and the cmap table of a font file:
// the files scanned are large (HanaMin, simsun.ttc, msyh.ttc) and most are
// never used.
func readCoverage(file string, index int, size int64) coverage {
	f, err := os.Open(file)
	if err != nil {
		return nil
	}
	defer f.Close()
	read := func(off int64, n int) []byte {
		if n <= 0 || off < 0 || off+int64(n) > size {
			return nil
		}
		b := make([]byte, n)
		if _, err := f.ReadAt(b, off); err != nil {
			return nil
		}
		return b
	}
	head := read(0, 12)
	if head == nil {
		return nil
	}
	dirAt := int64(0)
	if binary.BigEndian.Uint32(head) == tagTTC {
		n := int64(binary.BigEndian.Uint32(head[8:]))
		if int64(index) >= n {
			return nil
		}
		b := read(12+4*int64(index), 4)
		if b == nil {
			return nil
		}
		dirAt = int64(binary.BigEndian.Uint32(b))
	}
	dirHead := read(dirAt, 12)
	if dirHead == nil {
		return nil
	}
	recs := read(dirAt+12, 16*int(binary.BigEndian.Uint16(dirHead[4:])))
	for i := 0; i+16 <= len(recs); i += 16 {
		if string(recs[i:i+4]) == "cmap" {
			c := read(int64(binary.BigEndian.Uint32(recs[i+8:])), int(binary.BigEndian.Uint32(recs[i+12:])))
			if len(c) < 4 {
				return nil
			}
			return cmapRanges(c)
		}
	}
	return nil
}

// dataCoverage reads the cmap ranges of face index of a .ttf or .ttc.
func dataCoverage(data []byte, index int) coverage {
	if len(data) < 12 {
		return nil
	}
	off := uint32(0)
	if binary.BigEndian.Uint32(data) == tagTTC {
		offs, err := collectionOffsets(data)
		if err != nil || index >= len(offs) {
			return nil
		}
		off = offs[index]
	}
	dir, err := readTableDir(data, off)
	if err != nil {
		return nil
	}
	t, ok := dir.find("cmap")
	if !ok || t.length < 4 {
		return nil
	}
	return cmapRanges(data[t.offset : t.offset+t.length])
}

// cmapRanges returns the ranges of the Unicode subtables (formats 4 and 12)
// of a cmap table, merged and sorted.
func cmapRanges(c []byte) coverage {
	var out coverage
	n := int(binary.BigEndian.Uint16(c[2:]))
	for i := 0; i < n && 4+8*i+8 <= len(c); i++ {
		rec := c[4+8*i:]
		platform, encoding := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		if platform != 0 && !(platform == 3 && (encoding == 1 || encoding == 10)) {
			continue
		}
		off := uint64(binary.BigEndian.Uint32(rec[4:]))
		if off+16 > uint64(len(c)) {
			continue
		}
		sub := c[off:]
		switch binary.BigEndian.Uint16(sub) {
		case 4:
			out = append(out, format4Ranges(sub)...)
		case 12:
			out = append(out, format12Ranges(sub)...)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].lo < out[j].lo })
	merged := out[:0]
	for _, r := range out {
		if k := len(merged) - 1; k >= 0 && r.lo <= merged[k].hi+1 {
			merged[k].hi = max(merged[k].hi, r.hi)
			continue
		}
		merged = append(merged, r)
	}
	return merged
}

// format4Ranges reads the segments of a format 4 subtable.
func format4Ranges(sub []byte) coverage {
	segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
	if 16+8*segs > len(sub) {
		return nil
	}
	var out coverage
	for i := 0; i < segs; i++ {
		end := rune(binary.BigEndian.Uint16(sub[14+2*i:]))
		start := rune(binary.BigEndian.Uint16(sub[16+2*segs+2*i:]))
		if start <= end && start != 0xFFFF {
			out = append(out, runeRange{start, end})
		}
	}
	return out
}

// format12Ranges reads the groups of a format 12 subtable.
func format12Ranges(sub []byte) coverage {
	groups := int(binary.BigEndian.Uint32(sub[12:]))
	if groups < 0 || 16+12*uint64(groups) > uint64(len(sub)) {
		return nil
	}
	var out coverage
	for i := 0; i < groups; i++ {
		g := sub[16+12*i:]
		start, end := rune(binary.BigEndian.Uint32(g)), rune(binary.BigEndian.Uint32(g[4:]))
		if start <= end && end <= unicodeMax {
			out = append(out, runeRange{start, end})
		}
	}
	return out
}

// unicodeMax is the last code point.
const unicodeMax = 0x10FFFF
