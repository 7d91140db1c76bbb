package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// This file reads the sfnt table directory directly, for what
// golang.org/x/image/font/sfnt does not expose: TrueType collection
// extraction (fpdf reads only standalone .ttf files), CFF detection, the
// embedding permission and the cmap subtable formats fpdf needs.

const (
	tagTTC      = 0x74746366 // "ttcf"
	tagOTTO     = 0x4F54544F // "OTTO", CFF-flavoured OpenType
	tagTrue     = 0x74727565 // "true", old Apple TrueType
	tagTrueType = 0x00010000
	tagWOFF     = 0x774F4646 // "wOFF", web font
	tagWOFF2    = 0x774F4632 // "wOF2"
)

// tableRecord is one entry of an sfnt table directory; offset is absolute in
// the file it came from.
type tableRecord struct {
	tag      string
	checksum uint32
	offset   uint32
	length   uint32
}

// tableDir is the table directory of one face.
type tableDir struct {
	version uint32
	tables  []tableRecord
}

// find returns the record with the tag, if present.
func (d tableDir) find(tag string) (tableRecord, bool) {
	for _, t := range d.tables {
		if t.tag == tag {
			return t, true
		}
	}
	return tableRecord{}, false
}

// errTruncated reports a table or header reaching past the end of the file.
var errTruncated = errors.New("truncated")

// readTableDir reads the offset table at off and checks every table lies
// inside data.
func readTableDir(data []byte, off uint32) (tableDir, error) {
	if uint64(off)+12 > uint64(len(data)) {
		return tableDir{}, fmt.Errorf("offset table: %w", errTruncated)
	}
	d := tableDir{version: binary.BigEndian.Uint32(data[off:])}
	n := int(binary.BigEndian.Uint16(data[off+4:]))
	if n == 0 {
		return tableDir{}, errors.New("no tables")
	}
	recs := uint64(off) + 12
	if recs+uint64(n)*16 > uint64(len(data)) {
		return tableDir{}, fmt.Errorf("table directory: %w", errTruncated)
	}
	for i := 0; i < n; i++ {
		p := data[recs+uint64(i)*16:]
		t := tableRecord{
			tag:      string(p[0:4]),
			checksum: binary.BigEndian.Uint32(p[4:]),
			offset:   binary.BigEndian.Uint32(p[8:]),
			length:   binary.BigEndian.Uint32(p[12:]),
		}
		if uint64(t.offset)+uint64(t.length) > uint64(len(data)) {
			return tableDir{}, fmt.Errorf("table %q: %w", t.tag, errTruncated)
		}
		d.tables = append(d.tables, t)
	}
	return d, nil
}

// collectionOffsets returns the offsets of the faces of a TTC file.
func collectionOffsets(data []byte) ([]uint32, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("collection header: %w", errTruncated)
	}
	n := binary.BigEndian.Uint32(data[8:])
	if n == 0 || uint64(12)+uint64(n)*4 > uint64(len(data)) {
		return nil, fmt.Errorf("collection header: %w", errTruncated)
	}
	offs := make([]uint32, n)
	for i := range offs {
		offs[i] = binary.BigEndian.Uint32(data[12+4*i:])
	}
	return offs, nil
}

// extractFace writes the tables of dir (whose offsets point into data) as a
// standalone sfnt file: records sorted by tag, tables 4-byte aligned, table
// checksums recomputed and head.checkSumAdjustment set.
func extractFace(data []byte, dir tableDir) ([]byte, error) {
	tables := append([]tableRecord(nil), dir.tables...)
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	n := len(tables)
	size := 12 + 16*n
	for _, t := range tables {
		size += int(pad4(t.length))
	}
	out := make([]byte, size)
	binary.BigEndian.PutUint32(out[0:], dir.version)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	binary.BigEndian.PutUint16(out[6:], uint16(16<<es))
	binary.BigEndian.PutUint16(out[8:], uint16(es))
	binary.BigEndian.PutUint16(out[10:], uint16(n*16-(16<<es)))
	pos := uint32(12 + 16*n)
	headAt := -1
	for i, t := range tables {
		body := out[pos : pos+t.length]
		copy(body, data[t.offset:t.offset+t.length])
		if t.tag == "head" {
			if t.length < 12 {
				return nil, fmt.Errorf("head table: %w", errTruncated)
			}
			binary.BigEndian.PutUint32(body[8:], 0)
			headAt = int(pos)
		}
		rec := out[12+16*i:]
		copy(rec[0:4], t.tag)
		binary.BigEndian.PutUint32(rec[4:], checksum(out[pos:pos+pad4(t.length)]))
		binary.BigEndian.PutUint32(rec[8:], pos)
		binary.BigEndian.PutUint32(rec[12:], t.length)
		pos += pad4(t.length)
	}
	if headAt < 0 {
		return nil, errors.New("no head table")
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out, nil
}

// pad4 rounds n up to a multiple of 4.
func pad4(n uint32) uint32 { return (n + 3) &^ 3 }

// checksum is the sfnt table checksum: the sum of big-endian uint32 words,
// the last one zero-padded.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}

// fsType returns the OS/2 embedding permission bits (0 when absent).
func fsType(data []byte, dir tableDir) uint16 {
	t, ok := dir.find("OS/2")
	if !ok || t.length < 10 {
		return 0
	}
	return binary.BigEndian.Uint16(data[t.offset+8:])
}

// embeddingRestricted reports the fsType values fpdf itself rejects:
// restricted licence (no embedding), no subsetting, or bitmap only.
func embeddingRestricted(fs uint16) bool {
	return fs&0x000F == 0x0002 || fs&0x0300 != 0
}

// bmpCmap reports whether the font has the cmap subtable fpdf reads (the
// first format 4 subtable under platform 3 encoding 1 or platform 0), and
// an error when that subtable reaches outside the cmap table.
func bmpCmap(data []byte, dir tableDir) (bool, error) {
	t, ok := dir.find("cmap")
	if !ok || t.length < 4 {
		return false, nil
	}
	c := data[t.offset : t.offset+t.length]
	n := int(binary.BigEndian.Uint16(c[2:]))
	for i := 0; i < n && 4+8*i+8 <= len(c); i++ {
		rec := c[4+8*i:]
		platform := binary.BigEndian.Uint16(rec)
		encoding := binary.BigEndian.Uint16(rec[2:])
		off := uint64(binary.BigEndian.Uint32(rec[4:]))
		if !(platform == 3 && encoding == 1) && platform != 0 {
			continue
		}
		if off+14 > uint64(len(c)) || binary.BigEndian.Uint16(c[off:]) != 4 {
			continue
		}
		length := uint64(binary.BigEndian.Uint16(c[off+2:]))
		segX2 := uint64(binary.BigEndian.Uint16(c[off+6:]))
		if off+length > uint64(len(c)) || segX2%2 != 0 || 16+4*segX2 > length {
			return true, errors.New("cmap format 4 subtable out of bounds")
		}
		return true, nil
	}
	return false, nil
}
