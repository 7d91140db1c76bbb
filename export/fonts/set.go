package fonts

import (
	"fmt"
	"sync"
	"unicode"
)

// Config maps roles to font file paths ("x.ttf", "x.ttc", "x.ttc#N"). A role
// that is missing or maps to "" uses the font offices use for it when the PC
// has it (RoleDefault), else its embedded default; Builtin forces the
// embedded default.
type Config map[Role]string

// Set maps every role to a face, with per-character fallback. It is safe
// for concurrent use.
type Set struct {
	chains map[Role][]*Face // primary first, then the embedded faces
	system []*systemFont    // fonts on the PC, loaded when first needed
	// listSystem, when set, lists the PC's fallback files at the first rune
	// no embedded or chosen font has (most documents have none): scanning
	// the font folders cost every render about a millisecond.
	listSystem func() []string
	systemOnce sync.Once

	mu       sync.Mutex
	resolved map[roleRune]*Face // nil value: no font has the rune
}

// roleRune keys the Set's cache of resolved runes.
type roleRune struct {
	role Role
	r    rune
}

// systemFont is a fallback font file on the PC. Its cmap ranges are read
// on the first rune nothing earlier has; the face is loaded only for a rune
// inside them.
type systemFont struct {
	path      string
	coverOnce sync.Once
	cover     coverage
	once      sync.Once
	face      *Face // nil until loaded, or when the file cannot be used
}

// mayHave reports whether the file's cmap ranges contain r.
func (sf *systemFont) mayHave(r rune) bool {
	sf.coverOnce.Do(func() { sf.cover = fileCoverage(sf.path) })
	return sf.cover.has(r)
}

// get loads the font once; a file that fails to load is skipped for good.
func (sf *systemFont) get() *Face {
	sf.once.Do(func() {
		if f, err := loadFile(sf.path, false); err == nil {
			sf.face = f
		}
	})
	return sf.face
}

// NewSet loads the configured font files (an error names the role and the
// file), the embedded defaults and fallbacks. The primary face of a role left
// empty is the PC's office font for it (RoleDefault), when there is one. The
// fallback chain of a role is its primary face, then the embedded faces (the
// role's own default first, then the closest styles), then the fonts
// SystemFallbacks finds, which are loaded only when a rune is missing from
// everything before them.
func NewSet(cfg Config) (*Set, error) {
	s, err := newSetWith(cfg, nil, roleDefaults())
	if s != nil {
		s.listSystem = SystemFallbacks
	}
	return s, err
}

// systemFonts returns the PC's fallback fonts, listing them on first use.
func (s *Set) systemFonts() []*systemFont {
	s.systemOnce.Do(func() {
		if s.listSystem != nil {
			for _, p := range s.listSystem() {
				s.system = append(s.system, &systemFont{path: p})
			}
		}
	})
	return s.system
}

// newSet is NewSet with the system fallback files given and no office
// fonts, for tests.
func newSet(cfg Config, system []string) (*Set, error) {
	return newSetWith(cfg, system, func(Role) string { return "" })
}

// newSetWith is NewSet with the system fallback files and the office font
// finder given.
func newSetWith(cfg Config, system []string, roleDefault func(Role) string) (*Set, error) {
	for role := range cfg {
		if _, ok := embeddedOrder[role]; !ok {
			return nil, fmt.Errorf("unknown font role %q", role)
		}
	}
	s := &Set{chains: make(map[Role][]*Face), resolved: make(map[roleRune]*Face)}
	// The embedded faces of the chains are parsed side by side the first
	// time (0.1–0.2 ms each), as a role's own font file is loaded.
	var wg sync.WaitGroup
	for _, e := range embeddedOrder[RoleFangsong] {
		wg.Go(func() { embedded(e) })
	}
	defer wg.Wait()
	for _, role := range Roles {
		var chain []*Face
		switch path := cfg[role]; path {
		case Builtin:
		case "":
			if p := roleDefault(role); p != "" {
				if f, err := Load(p); err == nil {
					chain = append(chain, f)
				}
			}
		default:
			f, err := Load(path)
			if err != nil {
				return nil, fmt.Errorf("%s字体：%w", role, err)
			}
			chain = append(chain, f)
		}
		for _, e := range embeddedOrder[role] {
			chain = appendFace(chain, embedded(e))
		}
		s.chains[role] = chain
	}
	for _, p := range system {
		s.system = append(s.system, &systemFont{path: p})
	}
	return s, nil
}

// appendFace appends f unless a face with the same ID is already there.
func appendFace(chain []*Face, f *Face) []*Face {
	for _, g := range chain {
		if g.ID == f.ID {
			return chain
		}
	}
	return append(chain, f)
}

// Primary returns the face a role uses (configured or embedded default). An
// unknown role gets the 仿宋 face.
func (s *Set) Primary(role Role) *Face {
	return s.chain(role)[0]
}

// chain returns the faces of role, with 仿宋 standing in for unknown roles.
func (s *Set) chain(role Role) []*Face {
	if c, ok := s.chains[role]; ok {
		return c
	}
	return s.chains[RoleFangsong]
}

// usable reports whether f can print r: it has the glyph, and runes up to
// U+FFFF (written as text) need a face fpdf can take as text; runes above
// are drawn from outlines.
func usable(f *Face, r rune) bool {
	return f != nil && f.Has(r) && (r > 0xFFFF || f.PDFText())
}

// Resolve returns the face that prints r for role: the primary face if it
// has r, else the first fallback that does; (nil, false) when no font has it.
func (s *Set) Resolve(role Role, r rune) (*Face, bool) {
	key := roleRune{role, r}
	s.mu.Lock()
	f, ok := s.resolved[key]
	s.mu.Unlock()
	if ok {
		return f, f != nil
	}
	f = s.resolve(role, r)
	s.mu.Lock()
	s.resolved[key] = f
	s.mu.Unlock()
	return f, f != nil
}

// resolve walks the fallback chain without the cache.
func (s *Set) resolve(role Role, r rune) *Face {
	for _, f := range s.chain(role) {
		if usable(f, r) {
			return f
		}
	}
	for _, sf := range s.systemFonts() {
		if !sf.mayHave(r) {
			continue
		}
		if f := sf.get(); usable(f, r) {
			return f
		}
	}
	return nil
}

// Invisible reports runes that are never drawn and so never need a glyph:
// control characters, format characters (zero-width space, BOM, joiners) and
// variation selectors.
func Invisible(r rune) bool {
	return unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) ||
		(r >= 0xFE00 && r <= 0xFE0F) || (r >= 0xE0100 && r <= 0xE01EF)
}

// Missing is a character no font of the set has, with where it is in the
// text: Index counts runes from 0; Line and Column count from 1, lines being
// separated by '\n' and columns counted in runes.
type Missing struct {
	Rune                rune
	Index, Line, Column int
}

// String describes the missing character for a report, in Chinese.
func (m Missing) String() string {
	return fmt.Sprintf("第 %d 行第 %d 字 “%c”（U+%04X）", m.Line, m.Column, m.Rune, m.Rune)
}

// Check returns every rune of text that no font of the set has (in any
// role), in text order. Invisible runes are skipped.
func (s *Set) Check(text string) []Missing {
	var out []Missing
	line, col, idx := 1, 0, 0
	for _, r := range text {
		col++
		if r == '\n' {
			line, col = line+1, 0
		} else if !Invisible(r) && !s.hasAny(r) {
			out = append(out, Missing{Rune: r, Index: idx, Line: line, Column: col})
		}
		idx++
	}
	return out
}

// hasAny reports whether any role can print r.
func (s *Set) hasAny(r rune) bool {
	for _, role := range Roles {
		if _, ok := s.Resolve(role, r); ok {
			return true
		}
	}
	return false
}
