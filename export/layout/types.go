// Package layout places a bulletin on A4 pages: every glyph, rule, placeholder
// and page number with its position in millimetres, from font metrics alone.
//
// It knows nothing of PDF. The export package draws its pages with fpdf, and an
// on-screen preview can draw the same pages. Coordinates are in mm with the origin
// at the top-left corner of the paper and y growing downwards; sizes are in pt.
package layout

// Role is a font role of LAYOUT.md; the strings match fonts.Role.
type Role string

// The font roles.
const (
	Xiaobiaosong Role = "小标宋"
	Fangsong     Role = "仿宋"
	Heiti        Role = "黑体"
	Kaiti        Role = "楷体"
	Songti       Role = "宋体"
)

// Font is the font a rune is printed with. Advance is in em. A *fonts.Face
// satisfies it; the drawer type-asserts to get the font data back.
type Font interface {
	Advance(r rune) float64
}

// Metrics chooses the font for a rune in a role, with per-character fallback.
// It reports false when no font can print the rune.
type Metrics interface {
	Resolve(role Role, r rune) (Font, bool)
}

// Colour is an RGB colour, 0–255 per channel.
type Colour struct{ R, G, B int }

// Black and Red are the colours of text and of the 报头.
var (
	Black = Colour{0, 0, 0}
	Red   = Colour{255, 0, 0}
)

// Glyph is one rune placed in a run. X is the left edge of its advance in mm.
// Font is nil for a rune no font has: the drawer prints a placeholder box
// W mm wide instead, and the rune is in the Report.
type Glyph struct {
	R rune
	// Hidden keeps the character in the text layer only: the second half of
	// a 破折号, drawn by the first.
	Hidden bool
	// Embolden paints the glyph filled and stroked: it comes from a regular
	// fallback font into a bold role (a rare character in the title).
	Embolden bool
	X        float64
	W        float64
	Font     Font
	// DashW > 0 draws the glyph as one unbroken dash DashW mm long from X,
	// at the height and thickness of the font's dash, instead of its ink;
	// the character stays in the text layer. A 破折号 —— spans its two cells
	// that way, and the page number's 一字线 one character.
	DashW float64
}

// Run is a line of glyphs of one role and size on one baseline.
// ScaleX below 1 condenses the run horizontally about X0 (the long 刊名).
type Run struct {
	Role   Role
	Size   float64 // pt
	Y      float64 // baseline, mm
	Colour Colour
	ScaleX float64
	X0     float64
	Glyphs []Glyph
}

// Rule is a straight line of Width mm.
type Rule struct {
	X1, Y1, X2, Y2 float64
	Width          float64
	Colour         Colour
}

// Page is one printed page. Number is the printed page number, 0 for none
// (the 阅批单).
type Page struct {
	Runs   []Run
	Rules  []Rule
	Number int
	Cover  bool
}

// Part names a part of the document in the Report.
type Part string

// The parts of a bulletin that can hold unprintable characters.
const (
	PartName    Part = "刊名"
	PartMarking Part = "密级标注"
	PartIssue   Part = "期号"
	PartUnit    Part = "编印单位"
	PartTitle   Part = "标题"
	PartNote    Part = "编者按"
	PartBody    Part = "正文"
	PartTail    Part = "报尾"
	PartCover   Part = "阅批单"
)

// Missing is a rune no font can print, with where it is in the document:
// Para and Index are 1-based (paragraph and character within it), Page is the
// 1-based page index in the output (the 阅批单 counts).
type Missing struct {
	Part  Part
	Para  int
	Index int
	R     rune
	Page  int
}

// Report lists the unprintable runes.
type Report struct {
	Missing []Missing
}
