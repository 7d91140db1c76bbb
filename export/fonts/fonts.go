// Package fonts loads the TrueType faces the bulletin is typeset with and
// maps each font role (小标宋, 仿宋, 黑体, 楷体, 宋体) to a face, with
// per-character fallback to the other embedded faces and then to fonts
// installed on the PC.
//
// fpdf embeds only standalone TrueType (glyf) fonts and cannot take runes
// above U+FFFF as text, so this package checks every file when it is loaded
// (refusing .otf/CFF, damaged files and restricted licences with a Chinese
// message), extracts faces from .ttc collections, and gives glyph outlines
// for the drawer to paint the runes fpdf cannot write.
//
// Use: build a Set from the role → file settings (NewSet), ask it which face
// prints each rune (Set.Resolve) and measure with Face.Advance. When drawing,
// cut each face used for runes up to U+FFFF down to them (Face.Data and
// Face.GlyphIndex with export/ttf), register the cut with
// fpdf.AddUTF8FontFromBytes and write them as text; paint runes above
// U+FFFF from Face.Outline. Set.Check lists the characters
// no font has, with their line and column, for the report to the user.
//
// Faces, their glyph caches and Sets are safe for concurrent use. Loading
// never panics: fpdf's own parser is run once at load time under recover,
// after the glyph tables have been checked for what would crash it outside
// recover's reach.
package fonts

// Role is the typographic role of a piece of text in the bulletin; each role
// maps to one font file.
type Role string

// The font roles of LAYOUT.md.
const (
	RoleXiaobiaosong Role = "小标宋" // 刊名, title
	RoleFangsong     Role = "仿宋"  // body, 报尾
	RoleHeiti        Role = "黑体"  // level-1 headings, marking, labels
	RoleKaiti        Role = "楷体"  // level-2 headings, 期号, 编者按
	RoleSongti       Role = "宋体"  // page numbers
)

// Roles lists every role in a fixed order.
var Roles = []Role{RoleXiaobiaosong, RoleFangsong, RoleHeiti, RoleKaiti, RoleSongti}
