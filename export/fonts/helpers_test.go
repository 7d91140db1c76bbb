package fonts

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

const (
	hanaA = "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"
	hanaB = "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"
	gkai  = "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf"
)

// needFile skips the test when a system font it relies on is absent.
func needFile(tb testing.TB, path string) {
	tb.Helper()
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("%s is not installed (Debian package fonts-hanazono / fonts-arphic-gkai00mp): %v", path, err)
	}
}

// writeFile writes data into the test's temp dir and returns the path.
func writeFile(tb testing.TB, name string, data []byte) string {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		tb.Fatalf("write %s: %v", p, err)
	}
	return p
}

// testTables returns the tables of a standalone sfnt file by tag.
func testTables(tb testing.TB, data []byte) map[string][]byte {
	tb.Helper()
	n := int(binary.BigEndian.Uint16(data[4:]))
	out := map[string][]byte{}
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		off := binary.BigEndian.Uint32(rec[8:])
		length := binary.BigEndian.Uint32(rec[12:])
		out[string(rec[:4])] = data[off : off+length]
	}
	return out
}

// buildSFNT writes tables as a plain sfnt file (no checksums: test input only).
func buildSFNT(version uint32, tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	out := make([]byte, 12+16*len(tags))
	binary.BigEndian.PutUint32(out, version)
	binary.BigEndian.PutUint16(out[4:], uint16(len(tags)))
	for i, t := range tags {
		rec := out[12+16*i:]
		copy(rec, t)
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(tables[t])))
		out = append(out, tables[t]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// buildTTC writes the faces (standalone sfnt files) as one collection, each
// face keeping its own copy of its tables.
func buildTTC(tb testing.TB, faces ...[]byte) []byte {
	tb.Helper()
	head := 12 + 4*len(faces)
	out := make([]byte, head)
	copy(out, "ttcf")
	binary.BigEndian.PutUint32(out[4:], 0x00010000)
	binary.BigEndian.PutUint32(out[8:], uint32(len(faces)))
	for i, face := range faces {
		binary.BigEndian.PutUint32(out[12+4*i:], uint32(len(out)))
		n := int(binary.BigEndian.Uint16(face[4:]))
		dirAt := len(out)
		out = append(out, face[:12+16*n]...)
		for j := 0; j < n; j++ {
			rec := face[12+16*j:]
			off := binary.BigEndian.Uint32(rec[8:])
			length := binary.BigEndian.Uint32(rec[12:])
			binary.BigEndian.PutUint32(out[dirAt+12+16*j+8:], uint32(len(out)))
			out = append(out, face[off:off+length]...)
			for len(out)%4 != 0 {
				out = append(out, 0)
			}
		}
	}
	return out
}

// buildSharedTTC writes a collection of two faces whose directories point at
// the same table bytes, as real collections (simsun.ttc) share glyf and loca;
// the second face gets its own copy of the name table.
func buildSharedTTC(tb testing.TB, face []byte) []byte {
	tb.Helper()
	n := int(binary.BigEndian.Uint16(face[4:]))
	dirLen := 12 + 16*n
	out := make([]byte, 20)
	copy(out, "ttcf")
	binary.BigEndian.PutUint32(out[4:], 0x00010000)
	binary.BigEndian.PutUint32(out[8:], 2)
	binary.BigEndian.PutUint32(out[12:], 20)
	binary.BigEndian.PutUint32(out[16:], uint32(20+dirLen))
	out = append(out, face[:dirLen]...)
	out = append(out, face[:dirLen]...)
	base := uint32(len(out))
	var nameOff, nameLen uint32
	for j := 0; j < n; j++ {
		for _, dir := range []int{20, 20 + dirLen} {
			rec := out[dir+12+16*j:]
			binary.BigEndian.PutUint32(rec[8:], binary.BigEndian.Uint32(rec[8:])+base)
		}
		if string(face[12+16*j:12+16*j+4]) == "name" {
			nameOff, nameLen = binary.BigEndian.Uint32(face[12+16*j+8:]), binary.BigEndian.Uint32(face[12+16*j+12:])
			binary.BigEndian.PutUint32(out[20+dirLen+12+16*j+8:], 0) // patched below
		}
	}
	out = append(out, face...)
	for len(out)%4 != 0 {
		out = append(out, 0)
	}
	for j := 0; j < n; j++ {
		if string(face[12+16*j:12+16*j+4]) == "name" {
			binary.BigEndian.PutUint32(out[20+dirLen+12+16*j+8:], uint32(len(out)))
		}
	}
	out = append(out, face[nameOff:nameOff+nameLen]...)
	return out
}
