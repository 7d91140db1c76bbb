package pdf

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"bulletin/export/ttf"
)

// Version names how this package reads and embeds fonts. A font that passed
// a trial run through it is remembered under this name (export/fonts): a
// change in the reading must change it, so that every font is checked again.
const Version = "1"

// Font is a TrueType font embedded whole as a CID font: a glyph's CID is its
// glyph number, so data should already be cut down to the glyphs used.
type Font struct {
	Name string // the BaseFont, e.g. ABCDEF+NotoSerifSC-Regular
	data []byte
	res  string // resource name, F1 …

	widths       []int // advance per glyph, in 1/1000 em
	dw           int   // the most common width, left out of /W
	unicode      map[uint16]rune
	bbox         [4]int
	ascent       int
	descent      int
	capHeight    int
	italic       int
	stemV, flags int
}

// NewFont reads the metrics of the TrueType font data. unicode gives the
// character each glyph prints, for text extraction (ToUnicode).
func NewFont(name string, data []byte, unicode map[uint16]rune) (*Font, error) {
	t, err := ttf.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", name, err)
	}
	head, hhea := t.Tables["head"], t.Tables["hhea"]
	upem := float64(binary.BigEndian.Uint16(head[18:]))
	if upem == 0 {
		upem = 1000
	}
	scale := func(v int16) int { return int(math.Round(float64(v) * 1000 / upem)) }
	f := &Font{Name: name, data: data, unicode: unicode, flags: 4}
	f.widths = make([]int, t.NumGlyphs)
	count := map[int]int{}
	for g := range f.widths {
		adv, _ := t.Metrics(g)
		f.widths[g] = int(math.Round(float64(adv) * 1000 / upem))
		count[f.widths[g]]++
	}
	for w, n := range count {
		if n > count[f.dw] || (n == count[f.dw] && w < f.dw) {
			f.dw = w
		}
	}
	for i := range 4 {
		f.bbox[i] = scale(int16(binary.BigEndian.Uint16(head[36+2*i:])))
	}
	f.ascent = scale(int16(binary.BigEndian.Uint16(hhea[4:])))
	f.descent = scale(int16(binary.BigEndian.Uint16(hhea[6:])))
	f.capHeight = f.ascent
	weight := 400
	if os2 := t.Tables["OS/2"]; len(os2) >= 6 {
		weight = int(binary.BigEndian.Uint16(os2[4:]))
		if len(os2) >= 90 && binary.BigEndian.Uint16(os2) >= 2 {
			f.capHeight = scale(int16(binary.BigEndian.Uint16(os2[88:])))
		}
	}
	f.stemV = 50 + weight*weight/(65*65)
	if post := t.Tables["post"]; len(post) >= 8 {
		f.italic = int(int16(binary.BigEndian.Uint16(post[4:])))
	}
	return f, nil
}

// CutFont cuts the TrueType font t down to runes below U+FFFF (glyph gives
// a rune's glyph number in t, 0 for none) and returns it as a PDF font named
// name, with the glyph of each rune in the cut.
func CutFont(name string, t *ttf.Font, runes []rune, glyph func(rune) int) (*Font, map[rune]int, error) {
	data, cmap := t.Subset(runes, glyph)
	unicode := make(map[uint16]rune, len(cmap))
	for r, g := range cmap {
		if old, ok := unicode[uint16(g)]; !ok || r < old {
			unicode[uint16(g)] = r
		}
	}
	f, err := NewFont(name, data, unicode)
	return f, cmap, err
}

// widthArray writes /W: each run of glyphs whose width is not the default.
func (f *Font) widthArray() string {
	var b strings.Builder
	b.WriteByte('[')
	for g := 0; g < len(f.widths); {
		if f.widths[g] == f.dw {
			g++
			continue
		}
		end := g
		for end < len(f.widths) && f.widths[end] != f.dw {
			end++
		}
		b.WriteString(strconv.Itoa(g))
		b.WriteString(" [")
		for i := g; i < end; i++ {
			if i > g {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.Itoa(f.widths[i]))
		}
		b.WriteString("] ")
		g = end
	}
	b.WriteByte(']')
	return b.String()
}

// toUnicode returns the ToUnicode CMap: each glyph to the character it prints.
func (f *Font) toUnicode() []byte {
	gids := make([]uint16, 0, len(f.unicode))
	for g := range f.unicode {
		gids = append(gids, g)
	}
	slices.Sort(gids)
	var b []byte
	b = append(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"+
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n"+
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"+
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"...)
	for len(gids) > 0 {
		n := min(len(gids), 100)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, " beginbfchar\n"...)
		for _, g := range gids[:n] {
			b = append(b, '<')
			b = appendHex4(b, g)
			b = append(b, "> <"...)
			b = append(b, UTF16Hex(string(f.unicode[g]))...)
			b = append(b, ">\n"...)
		}
		b = append(b, "endbfchar\n"...)
		gids = gids[n:]
	}
	return append(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"...)
}
