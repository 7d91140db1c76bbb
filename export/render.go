package export

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"bulletin/export/fonts"
	"bulletin/export/layout"
	"bulletin/model"
)

// Options are the template settings of a render: the layout settings (line
// pitch, red, 刊名 size and offset, page numbers, 阅批单) and the fonts.
type Options struct {
	layout.Options
	// Fonts maps roles to font files; "" or missing uses the embedded font.
	Fonts fonts.Config
	// Set, when not nil, is used instead of loading Fonts (the GUI keeps one).
	Set *fonts.Set
}

// Report is the outcome of a render: the page count and the characters no
// font could print, which are drawn as placeholder boxes.
type Report struct {
	Pages   int // pages in the PDF, the 阅批单 included
	Missing []layout.Missing
}

// String lists the unprintable characters with their positions in Chinese;
// it is "" when every character printed.
func (r *Report) String() string {
	if r == nil || len(r.Missing) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "有 %d 个字符没有可用字体，已在 PDF 中以方框代替：\n", len(r.Missing))
	for _, m := range r.Missing {
		unit := "段"
		if tableParts[m.Part] {
			unit = "行" // a row of a ruled table
		}
		where := fmt.Sprintf("%s第 %d %s", m.Part, m.Para, unit)
		if m.Index > 0 {
			where += fmt.Sprintf("第 %d 字", m.Index)
		}
		fmt.Fprintf(&b, "  %s “%c”（U+%04X），第 %d 页\n", where, m.R, m.R, m.Page)
	}
	return b.String()
}

// metrics adapts a fonts.Set to the layout's Metrics.
type metrics struct{ s *fonts.Set }

func (m metrics) Resolve(role layout.Role, r rune) (layout.Font, bool) {
	f, ok := m.s.Resolve(fonts.Role(role), r)
	if !ok || f == nil {
		return nil, false
	}
	return f, true
}

var (
	defaultSetOnce sync.Once
	defaultSet     *fonts.Set
	defaultSetErr  error
)

// fontSet returns the set to use: the given one, the embedded default (loaded
// once per process) or the configured files.
func (o Options) fontSet() (*fonts.Set, error) {
	if o.Set != nil {
		return o.Set, nil
	}
	if len(o.Fonts) == 0 {
		defaultSetOnce.Do(func() { defaultSet, defaultSetErr = fonts.NewSet(nil) })
		return defaultSet, defaultSetErr
	}
	return fonts.NewSet(o.Fonts)
}

// Content returns the text of the document as the layout takes it.
func (d *Document) Content() *layout.Content {
	name := d.Name
	if strings.TrimSpace(name) == "" {
		name = "舆情专报"
	}
	return &layout.Content{
		Name: name, Marking: d.Marking, Issue: d.Issue(), Unit: d.Unit, Date: d.ChineseDate(),
		Title: d.Title, EditorNote: d.EditorNote, Body: d.Body,
		Bao: d.Distribution.Bao, Song: d.Distribution.Song, Fa: d.Distribution.Fa,
		Copies: d.Copies, Signer: d.Signer, Editor: d.Editor,
	}
}

// Layout typesets the document into pages without drawing them, for tests and
// an on-screen preview. The 阅批单 comes first when doc.Cover or opt.Cover is set.
func Layout(doc *Document, opt Options) ([]layout.Page, *Report, error) {
	if err := doc.Validate(); err != nil {
		return nil, nil, err
	}
	set, err := opt.fontSet()
	if err != nil {
		// The fonts package names the role and the file in Chinese.
		return nil, nil, model.Errorf(model.EINVALID, "%v", err)
	}
	lo := opt.Options
	lo.Cover = lo.Cover || doc.Cover
	pages, rep, err := layout.Layout(doc.Content(), metrics{set}, lo)
	if err != nil {
		// Only settings out of range fail, with a Chinese message.
		return nil, nil, model.Errorf(model.EINVALID, "%v", err)
	}
	embolden(pages, set)
	return pages, &Report{Pages: len(pages), Missing: rep.Missing}, nil
}

// embolden marks the glyphs that a bold role prints with a regular fallback
// face (a character its bold font lacks), so that the drawer thickens them
// and the title keeps one weight.
func embolden(pages []layout.Page, set *fonts.Set) {
	for _, p := range pages {
		for _, run := range p.Runs {
			primary := set.Primary(fonts.Role(run.Role))
			if primary.Weight() < 600 {
				continue
			}
			for i, g := range run.Glyphs {
				if f, ok := g.Font.(*fonts.Face); ok && f != primary && f.Weight() <= primary.Weight()-200 {
					run.Glyphs[i].Embolden = true
				}
			}
		}
	}
}

// Render typesets doc and writes the PDF to w. The same document and options
// always give the same bytes: the PDF dates are the document date.
func Render(w io.Writer, doc *Document, opt Options) (*Report, error) {
	pages, rep, err := Layout(doc, opt)
	if err != nil {
		return nil, err
	}
	created := doc.Time()
	if created.IsZero() {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if err := draw(w, pages, created); err != nil {
		return nil, err
	}
	return rep, nil
}
