package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
)

// splitParts cuts s into paragraphs (each with its line break) and pieces of
// at most chunkRunes of longer ones, cut after the last end of a sentence (or
// comma) in the second half of the piece. Joined, the parts are s.
func splitParts(s string) []string {
	var parts []string
	for s != "" {
		para := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			para = s[:i+1]
		}
		s = s[len(para):]
		for para != "" {
			n := pieceLen(para)
			parts = append(parts, para[:n])
			para = para[n:]
		}
	}
	return parts
}

// pieceLen is the length in bytes of the first piece of paragraph p.
func pieceLen(p string) int {
	cut, best, weak, count := len(p), -1, -1, 0
	for i, r := range p {
		if count == chunkRunes {
			cut = i
			break
		}
		count++
		end := i + utf8.RuneLen(r)
		if count > chunkRunes/2 {
			switch {
			case strings.ContainsRune("。！？；!?;…", r):
				best = end
			case strings.ContainsRune("，、,： ", r):
				weak = end
			}
		}
	}
	if cut == len(p) {
		return cut
	}
	if best > 0 {
		return best
	}
	if weak > 0 {
		return weak
	}
	return cut
}

// runeMeasurer measures characters in the text size, each once.
type runeMeasurer struct {
	size   float32
	widths map[rune]float32
}

// runeWidths keeps the widths measured, per text size, for every long text.
var runeWidths = map[float32]map[rune]float32{}

func newRuneMeasurer(size float32) *runeMeasurer {
	w, ok := runeWidths[size]
	if !ok {
		w = map[rune]float32{}
		runeWidths[size] = w
	}
	return &runeMeasurer{size: size, widths: w}
}

func (m *runeMeasurer) width(r rune) float32 {
	w, ok := m.widths[r]
	if !ok {
		w = fyne.MeasureText(string(r), m.size, fyne.TextStyle{}).Width
		m.widths[r] = w
	}
	return w
}

// wrapText cuts one paragraph into lines at most room wide: anywhere between
// Chinese characters, and at a space when a Latin word would be cut.
func wrapText(p string, room float32, m *runeMeasurer) []string {
	if p == "" {
		return []string{""}
	}
	var lines []string
	start, space, prev := 0, -1, 0 // byte offsets in p: the line's start, after its last space, the last rune
	w := float32(0)
	for i, r := range p {
		cw := m.width(r)
		if w+cw > room && i > start {
			cut := i
			switch {
			case isWordRune(r) && space > start:
				cut = space
			case strings.ContainsRune(noLineStart, r) && prev > start:
				cut = prev // the character before goes down with the comma
			}
			lines = append(lines, p[start:cut])
			start, space = cut, -1
			w = 0
			for _, r2 := range p[start:i] {
				w += m.width(r2)
			}
		}
		w += cw
		if unicode.IsSpace(r) {
			space = i + utf8.RuneLen(r)
		}
		prev = i
	}
	return append(lines, p[start:])
}

// noLineStart are the marks a Chinese line never starts with.
const noLineStart = "，。、；：！？）」』》〉】,.;:!?)"

// isWordRune reports whether r belongs to a Latin word or number.
func isWordRune(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
