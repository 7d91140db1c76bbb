package layout

import "unicode"

// Character classes for 避头尾 (GB/T 15834) and for widths.

// noStartSet holds the runes that may not begin a line.
var noStartSet = setOf("，。、；：？！）］〕】》〉」』”’…—～·%‰℃｝〗〙｠｣﹚﹜﹞．％,.;:?!)]}" + "\u2015\u00B7\u30FB\uFF5E\u3001\u3002")

// noEndSet holds the runes that may not end a line.
var noEndSet = setOf("（［〔【《〈「『“‘｛〖〘｟｢﹙﹛﹝([{")

// halfRight holds full-width punctuation whose ink sits in the left half of the
// cell, so that its right half can be compressed.
var halfRight = setOf("，。、；：）］〕】》〉」』”’｝〗〙")

// halfLeft holds opening punctuation whose ink sits in the right half.
var halfLeft = setOf("（［〔【《〈「『“‘｛〖〘")

func setOf(s string) map[rune]bool {
	m := make(map[rune]bool)
	for _, r := range s {
		m[r] = true
	}
	return m
}

// fullWidth reports whether r takes a whole character cell. Quotes, dashes and
// the ellipsis are full width in Chinese text.
func fullWidth(r rune) bool {
	return r >= 0x2010
}

// isSpace reports whether r is a half-width space: a break opportunity that
// prints nothing.
func isSpace(r rune) bool {
	return r != '\u3000' && unicode.IsSpace(r)
}

// dropped reports whether r is removed before layout: control and format
// characters (zero-width joiners, variation selectors, BOM) print nothing.
func dropped(r rune) bool {
	if r == '\t' {
		return false
	}
	return unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) ||
		(r >= 0xFE00 && r <= 0xFE0F) || (r >= 0xE0100 && r <= 0xE01EF)
}

// isDash reports the dashes a 破折号 is made of.
func isDash(r rune) bool { return r == '—' || r == '\u2015' }

// pairable runes never split when doubled: …… and ——.
func pairable(r rune) bool {
	return r == '…' || r == '—' || r == '\u2015'
}

// Printable reports whether r is counted as printed content: not a space,
// not dropped. Tests and the fuzz check use it.
func Printable(r rune) bool {
	return !isSpace(r) && !dropped(r) && r != '\n'
}
