package fonts

import (
	"fmt"
	"io"

	"codeberg.org/go-pdf/fpdf"
	"math/rand"
	"testing"

	"golang.org/x/image/font/gofont/goregular"
)

// FuzzParseFace feeds damaged font bytes to the loader: it must refuse them
// with an error or return a face that works, and never panic.
func FuzzParseFace(f *testing.F) {
	f.Add(goregular.TTF)
	f.Add(goregular.TTF[:len(goregular.TTF)/3])
	f.Add(cffOTF())
	f.Add(buildTTC(f, goregular.TTF))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, index := range []int{0, 1} {
			face, err := parseFace(data, index, "fuzz.ttf", false)
			if err != nil {
				if _, ok := err.(*LoadError); !ok {
					t.Fatalf("parseFace error %T %v, want *LoadError", err, err)
				}
				continue
			}
			for _, r := range "Ag中,\u00e9\U00020BB7" {
				face.Has(r)
				face.Advance(r)
				face.Outline(r)
			}
		}
	})
}

// TestParseFaceMutations loads a hundred randomly damaged copies of a font:
// each must be refused with a LoadError or load and work, never panic.
func TestParseFaceMutations(t *testing.T) {
	rnd := rand.New(rand.NewSource(2))
	accepted := 0
	for i := 0; i < 100; i++ {
		d := append([]byte(nil), goregular.TTF...)
		for k := 0; k < 1+i%8; k++ {
			d[rnd.Intn(len(d))] = byte(rnd.Intn(256))
		}
		face, err := parseFace(d, 0, "mutant.ttf", true)
		if err != nil {
			if _, ok := err.(*LoadError); !ok {
				t.Fatalf("mutant %d: error %T %v, want *LoadError", i, err, err)
			}
			continue
		}
		accepted++
		if err := writeAll(face); err != nil {
			t.Errorf("mutant %d accepted by Load but fails in fpdf: %v", i, err)
		}
	}
	t.Logf("%d of 100 mutants accepted", accepted)
}

// writeAll writes every ASCII character the face has through fpdf, as the
// drawer would, and reports a panic or error.
func writeAll(face *Face) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	var text []rune
	for r := rune(0x21); r < 0x7F; r++ {
		if face.Has(r) {
			text = append(text, r)
		}
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("w", "", face.Data())
	pdf.AddPage()
	pdf.SetFont("w", "", 12)
	pdf.Text(10, 10, string(text))
	return pdf.Output(io.Discard)
}
