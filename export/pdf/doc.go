// Package pdf writes the few PDF objects the typeset pages need: pages of
// glyphs, rules, boxes and filled outlines, and the TrueType fonts (already
// cut down to the glyphs used) they are set in, as CID fonts whose CIDs are
// the fonts' own glyph numbers.
//
// It replaces go-pdf/fpdf for drawing: fpdf gives every font a 65,536-entry
// width table that it turns into JSON to name the font, a 128 KB CID map and
// a fresh 1 MB zlib compressor per stream. With the four faces of a 专报
// that was about 11 of the 14 ms a render took. Here a font costs what its
// glyphs cost, and one compressor serves every stream.
//
// The output is deterministic: the same calls give the same bytes.
package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"strconv"
	"sync"
	"time"
)

// mm → pt.
const k = 72 / 25.4

// Doc is a document being written. Coordinates are in mm from the top left
// corner of the page, y pointing down, as the layout gives them.
type Doc struct {
	W, H     float64   // page size in mm
	Created  time.Time // the creation and modification dates
	Producer string
	fonts    []*Font
	pages    []*Page
}

// New returns an empty document with pages of w × h mm.
func New(w, h float64) *Doc { return &Doc{W: w, H: h} }

// AddFont adds a font to the document; pages refer to it by the value.
func (d *Doc) AddFont(f *Font) {
	f.res = "F" + strconv.Itoa(len(d.fonts)+1)
	d.fonts = append(d.fonts, f)
}

// AddPage starts a new page and returns it.
func (d *Doc) AddPage() *Page {
	p := &Page{h: d.H}
	d.pages = append(d.pages, p)
	return p
}

// object numbers of the fixed objects.
const (
	objCatalog = 1
	objPages   = 2
	objRes     = 3
	objInfo    = 4
	objFirst   = 5 // then each font's five objects, then each page's two
)

// WriteTo writes the document as a PDF file.
func (d *Doc) WriteTo(w io.Writer) (int64, error) {
	streams := d.compress()
	var b bytes.Buffer
	b.Grow(4096 + streams.size)
	var offsets []int
	obj := func(n int) {
		for len(offsets) < n {
			offsets = append(offsets, 0)
		}
		offsets[n-1] = b.Len()
		b.WriteString(strconv.Itoa(n))
		b.WriteString(" 0 obj\n")
	}
	b.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")

	obj(objCatalog)
	fmt.Fprintf(&b, "<</Type /Catalog /Pages %d 0 R>>\nendobj\n", objPages)

	pageObj := objFirst + 5*len(d.fonts)
	obj(objPages)
	b.WriteString("<</Type /Pages /Kids [")
	for i := range d.pages {
		fmt.Fprintf(&b, "%d 0 R ", pageObj+2*i)
	}
	fmt.Fprintf(&b, "] /Count %d /MediaBox [0 0 %.2f %.2f]>>\nendobj\n", len(d.pages), d.W*k, d.H*k)

	obj(objRes)
	b.WriteString("<</ProcSet [/PDF /Text] /Font <<")
	for i, f := range d.fonts {
		fmt.Fprintf(&b, "/%s %d 0 R ", f.res, objFirst+5*i)
	}
	b.WriteString(">>>>\nendobj\n")

	obj(objInfo)
	fmt.Fprintf(&b, "<</Producer %s /CreationDate (D:%s) /ModDate (D:%[2]s)>>\nendobj\n",
		literal(d.Producer), d.Created.Format("20060102150405"))

	for i, f := range d.fonts {
		n := objFirst + 5*i
		obj(n)
		fmt.Fprintf(&b, "<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>\nendobj\n",
			f.Name, n+1, n+4)
		obj(n + 1)
		fmt.Fprintf(&b, "<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /CIDToGIDMap /Identity /DW %d /W %s>>\nendobj\n",
			f.Name, n+2, f.dw, f.widthArray())
		obj(n + 2)
		fmt.Fprintf(&b, "<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %d /Ascent %d /Descent %d /CapHeight %d /StemV %d /FontFile2 %d 0 R>>\nendobj\n",
			f.Name, f.flags, f.bbox[0], f.bbox[1], f.bbox[2], f.bbox[3], f.italic, f.ascent, f.descent, f.capHeight, f.stemV, n+3)
		obj(n + 3)
		streams.put(&b, fmt.Sprintf("/Length1 %d ", len(f.data)), 2*i)
		obj(n + 4)
		streams.put(&b, "", 2*i+1)
	}
	for i := range d.pages {
		n := pageObj + 2*i
		obj(n)
		fmt.Fprintf(&b, "<</Type /Page /Parent %d 0 R /Resources %d 0 R /Contents %d 0 R>>\nendobj\n", objPages, objRes, n+1)
		obj(n + 1)
		streams.put(&b, "", 2*len(d.fonts)+i)
	}

	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root %d 0 R /Info %d 0 R>>\nstartxref\n%d\n%%%%EOF\n",
		len(offsets)+1, objCatalog, objInfo, xref)
	return b.WriteTo(w)
}

// compressed holds the streams of a document, compressed: each font's
// program and ToUnicode map, then each page's content.
type compressed struct {
	data [][]byte
	size int
}

// put writes stream i as the body of the current object, extra going into
// its dictionary.
func (c *compressed) put(b *bytes.Buffer, extra string, i int) {
	fmt.Fprintf(b, "<<%s/Filter /FlateDecode /Length %d>>\nstream\n", extra, len(c.data[i]))
	b.Write(c.data[i])
	b.WriteString("\nendstream\nendobj\n")
}

// compress deflates every stream, on two goroutines that each keep one
// compressor (a zlib writer holds about 1 MB). Each stream is compressed on
// its own, so the bytes do not depend on which goroutine took it.
func (d *Doc) compress() *compressed {
	var raw [][]byte
	for _, f := range d.fonts {
		raw = append(raw, f.data, f.toUnicode())
	}
	for _, p := range d.pages {
		p.endText()
		raw = append(raw, p.buf.Bytes())
	}
	c := &compressed{data: make([][]byte, len(raw))}
	next := make(chan int, len(raw))
	for i := range raw {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			var zw *zlib.Writer
			for i := range next {
				var out bytes.Buffer
				out.Grow(len(raw[i])/2 + 64)
				if zw == nil {
					zw, _ = zlib.NewWriterLevel(&out, zlib.BestSpeed)
				} else {
					zw.Reset(&out)
				}
				zw.Write(raw[i]) // a bytes.Buffer does not fail
				zw.Close()
				c.data[i] = out.Bytes()
			}
		})
	}
	wg.Wait()
	for _, s := range c.data {
		c.size += len(s) + 64
	}
	return c
}

// literal writes s as a PDF string: (…) for ASCII, else UTF-16BE in hex.
func literal(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
		}
	}
	if ascii {
		r := []byte{'('}
		for i := 0; i < len(s); i++ {
			if s[i] == '(' || s[i] == ')' || s[i] == '\\' {
				r = append(r, '\\')
			}
			r = append(r, s[i])
		}
		return string(append(r, ')'))
	}
	return "<FEFF" + UTF16Hex(s) + ">"
}

// UTF16Hex returns s in UTF-16BE as hex digits.
func UTF16Hex(s string) string {
	var b []byte
	for _, r := range s {
		if r > 0xFFFF {
			r -= 0x10000
			b = appendHex4(b, uint16(0xD800+(r>>10)))
			b = appendHex4(b, uint16(0xDC00+(r&0x3FF)))
		} else {
			b = appendHex4(b, uint16(r))
		}
	}
	return string(b)
}

func appendHex4(b []byte, v uint16) []byte {
	const digits = "0123456789ABCDEF"
	return append(b, digits[v>>12], digits[v>>8&0xF], digits[v>>4&0xF], digits[v&0xF])
}
