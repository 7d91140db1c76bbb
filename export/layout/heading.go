package layout

import "strings"

// Heading levels of the body text, from LAYOUT.md.
const (
	Level1 = 1 // 一、
	Level2 = 2 // （一）
	Level3 = 3 // 1.
	Level4 = 4 // （1）
)

const cnDigits = "一二三四五六七八九十百零〇"

// HeadingLevel returns the heading level of a body paragraph (0 for plain text)
// and how many runes at its start take the heading font: the whole paragraph, or
// for a heading that runs on into its paragraph, the heading sentence up to and
// including the first 。.
func HeadingLevel(p string) (level, n int) {
	rs := []rune(p)
	k := 0
	switch {
	case prefixNumber(rs, &k, cnDigits) && k < len(rs) && rs[k] == '、':
		level = Level1
	case open(rs) && prefixAt(rs, 1, &k, cnDigits) && closing(rs, k):
		level = Level2
	case open(rs) && prefixAt(rs, 1, &k, "0123456789０１２３４５６７８９") && closing(rs, k):
		level = Level4
	case prefixNumber(rs, &k, "0123456789０１２３４５６７８９") && k < len(rs) &&
		(rs[k] == '.' || rs[k] == '．') && (k+1 >= len(rs) || !strings.ContainsRune("0123456789０１２３４５６７８９", rs[k+1])):
		level = Level3
	default:
		return 0, 0
	}
	for i, r := range rs {
		if r == '。' {
			return level, i + 1
		}
	}
	return level, len(rs)
}

func open(rs []rune) bool { return len(rs) > 0 && (rs[0] == '（' || rs[0] == '(') }

func closing(rs []rune, k int) bool { return k < len(rs) && (rs[k] == '）' || rs[k] == ')') }

// prefixNumber advances *k over the digits (from set) at the start of rs.
func prefixNumber(rs []rune, k *int, set string) bool { return prefixAt(rs, 0, k, set) }

// prefixAt advances *k from i over runes in set; it needs at least one and at
// most four.
func prefixAt(rs []rune, i int, k *int, set string) bool {
	j := i
	for j < len(rs) && j-i < 5 && strings.ContainsRune(set, rs[j]) {
		j++
	}
	*k = j
	return j > i && j-i <= 4
}

// headingRole is the font role of each heading level.
func headingRole(level int) Role {
	switch level {
	case Level1:
		return Heiti
	case Level2:
		return Kaiti
	}
	return Fangsong
}
