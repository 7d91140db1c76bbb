package export

import (
	"fmt"
	"strings"

	"bulletin/export/fonts"
	"bulletin/model"
)

// RoleFont is the font one role prints with.
type RoleFont struct {
	Role     fonts.Role
	Name     string // the face's display name
	Path     string // the file; "" for an embedded font
	Embedded bool
}

// Fallback is a character printed with a font found on this PC, because
// neither the role's font nor an embedded font has it: the printout then
// depends on the PC, and the style may differ.
type Fallback struct {
	Role fonts.Role
	Rune rune
	Font string // the fallback face's name
}

// Preflight is what a staff member should know before issuing a bulletin:
// the fonts used, the characters no font can print and the characters
// taken from a system font.
type Preflight struct {
	Fonts     []RoleFont
	Report    *Report
	Fallbacks []Fallback
}

// CheckFonts lists the font each role uses under opt, without a document.
func CheckFonts(opt Options) ([]RoleFont, error) {
	set, err := opt.fontSet()
	if err != nil {
		return nil, model.Errorf(model.EINVALID, "%v", err)
	}
	var out []RoleFont
	for _, r := range fonts.Roles {
		f := set.Primary(r)
		out = append(out, RoleFont{Role: r, Name: f.Name, Path: f.Path, Embedded: f.Embedded})
	}
	return out, nil
}

// CheckDocument lays doc out under opt and reports its fonts, the
// characters no font has and those printed with a system fallback font.
func CheckDocument(doc *Document, opt Options) (*Preflight, error) {
	set, err := opt.fontSet()
	if err != nil {
		return nil, model.Errorf(model.EINVALID, "%v", err)
	}
	opt.Set = set
	roles, err := CheckFonts(opt)
	if err != nil {
		return nil, err
	}
	pages, rep, err := Layout(doc, opt)
	if err != nil {
		return nil, err
	}
	pf := &Preflight{Fonts: roles, Report: rep}
	seen := map[Fallback]bool{}
	for _, p := range pages {
		for _, run := range p.Runs {
			primary := set.Primary(fonts.Role(run.Role))
			for _, g := range run.Glyphs {
				f, ok := g.Font.(*fonts.Face)
				if !ok || f == nil || f == primary || f.Embedded {
					continue
				}
				fb := Fallback{Role: fonts.Role(run.Role), Rune: g.R, Font: f.Name}
				if !seen[fb] {
					seen[fb] = true
					pf.Fallbacks = append(pf.Fallbacks, fb)
				}
			}
		}
	}
	return pf, nil
}

// Warnings returns what should stop a staff member before 印发, in Chinese;
// "" when every character prints with the role's or an embedded font.
func (pf *Preflight) Warnings() string {
	var b strings.Builder
	if s := pf.Report.String(); s != "" {
		b.WriteString(s)
	}
	if len(pf.Fallbacks) > 0 {
		fmt.Fprintf(&b, "有 %d 个字符使用了本机的其他字体（与规定字体不同，换一台电脑打印可能不一样）：\n", len(pf.Fallbacks))
		for _, f := range pf.Fallbacks {
			fmt.Fprintf(&b, "  %s “%c”（U+%04X）→ %s\n", f.Role, f.Rune, f.Rune, f.Font)
		}
	}
	return b.String()
}

// Describe says where a role's font comes from, in Chinese.
func (rf RoleFont) Describe() string {
	if rf.Embedded {
		return rf.Name
	}
	return rf.Path + "（本机文件）"
}
