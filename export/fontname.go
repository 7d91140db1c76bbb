package export

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"sort"
	"strings"

	"bulletin/export/fonts"
)

// fontTable is how the faces of a PDF are registered with fpdf: the family
// of each face ID, the family of the face for invisible text, and the names
// the fonts are given in the file.
type fontTable struct {
	family map[string]string
	hidden string
	names  [][2]string // fpdf's name, the subset's name
}

// pdfFontName returns the fpdf family to register face number i under and
// the name the font should carry in the PDF: a subset tag made of six
// capitals and the face's PostScript name, ABCDEF+NotoSerifSC-Regular, as
// preflight tools expect. fpdf names a font "utf8" + its family in lower
// case; the family is padded to the length of the wanted name so that the
// names can be swapped in the finished file without moving any object.
func pdfFontName(i int, f *fonts.Face, used map[rune]bool) (family, name string) {
	name = subsetTag(f, used) + "+" + f.PostScriptName()
	family = fmt.Sprintf("f%dx", i)
	if pad := len(name) - len("utf8") - len(family); pad > 0 {
		family += strings.Repeat("_", pad)
	} else {
		name = "utf8" + family // too short a name to hold the family: keep fpdf's
	}
	return family, name
}

// subsetTag derives the six-capital tag from the face and the runes in its
// subset, so that the same document always gives the same tag.
func subsetTag(f *fonts.Face, used map[rune]bool) string {
	rs := make([]rune, 0, len(used))
	for r := range used {
		rs = append(rs, r)
	}
	sort.Slice(rs, func(a, b int) bool { return rs[a] < rs[b] })
	h := crc32.NewIEEE()
	h.Write([]byte(f.ID))
	h.Write([]byte(string(rs)))
	sum := h.Sum32()
	var tag [6]byte
	for k := range tag {
		tag[k] = byte('A' + sum%26)
		sum /= 26
	}
	return string(tag[:])
}

// rename gives the fonts of a finished PDF their subset names, in place.
// Each name keeps its length, so the cross-reference offsets stay right.
func (ft *fontTable) rename(pdf []byte) {
	for _, n := range ft.names {
		from, to := []byte(n[0]), []byte(n[1])
		if len(from) != len(to) || len(from) == 0 {
			continue
		}
		for rest := pdf; ; {
			i := bytes.Index(rest, from)
			if i < 0 {
				break
			}
			copy(rest[i:], to)
			rest = rest[i+len(to):]
		}
	}
}
