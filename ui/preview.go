package ui

import (
	"fmt"
	"image"
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/export/layout"
	"bulletin/export/raster"
	"bulletin/model"
)

// The zoom choices of the preview.
const (
	zoomFitWidth = "适合宽度"
	zoomFitPage  = "整页"
	zoom100      = "100%"
)

// deskGrey is the backdrop the white pages lie on, as in a word processor.
var deskGrey = color.NRGBA{R: 0x9a, G: 0x9d, B: 0xa3, A: 0xff}

// keepAround is how many pages either side of the visible ones keep their
// image; farther pages drop it, so memory stays bounded however long the
// document is.
const keepAround = 1

// previewPane shows the pages of a document as they will print, drawn from
// the same []layout.Page the PDF writer draws. It follows the text: changed
// is called at each edit, and after a pause the document is laid out again
// in the background; the old pages stay until the new ones are drawn. Only
// the pages in view (and one either side) are rasterised.
type previewPane struct {
	win   fyne.Window
	store *model.Store
	bg    *tasks
	deb   debouncer
	// source reads the document shown (on the UI thread) and returns the
	// job that lays it out, or nil with a Chinese hint when there is
	// nothing to lay out yet.
	source func() (job previewJob, hint string)
	// shown, when set, runs on the UI thread after a new layout is shown.
	shown func()

	mu     sync.Mutex // guards drawer: pages are drawn in background work
	drawer *raster.Drawer

	req      int // the layout asked for last
	gen      int // the layout shown; bumped as each new layout is shown
	pages    []layout.Page
	problems []pageNotes // per page: what the typesetter reports there
	slots    []*pageSlot
	pageW    float32 // width of a page in units at the current zoom

	zoom    *widget.Select
	counter *widget.Label
	note    *widget.Label
	box     *fyne.Container
	scroll  *container.Scroll
	root    fyne.CanvasObject
	size    fyne.Size // of the scrolled area, last laid out
}

// pageSlot is one page in the pane: the problems found on it, and the
// paper with the page image once it is rasterised.
type pageSlot struct {
	probs    *widget.Label
	probsBox *fyne.Container // the label on a plain background, hidden when empty
	paper    *canvas.Rectangle
	img      *canvas.Image
	obj      fyne.CanvasObject
	shown    struct { // what img holds
		gen int
		px  int
	}
	want struct { // what is being drawn
		gen int
		px  int
	}
}

// previewJob lays a document out, off the UI thread: its pages, what is to
// be said above each, and a note for the whole document. Any document the
// program prints can be previewed: the 专报 (bulletinPreview) and the
// documents of export.Printed (printedPreview).
type previewJob func() (pages []layout.Page, notes []pageNotes, note string, err error)

func newPreviewPane(w fyne.Window, s *model.Store, bg *tasks, source func() (previewJob, string)) *previewPane {
	return &previewPane{win: w, store: s, bg: bg, source: source, drawer: raster.NewDrawer()}
}

// content builds the pane: the zoom, the page counter, a note, and the pages.
func (p *previewPane) content() fyne.CanvasObject {
	if p.root != nil {
		return p.root
	}
	p.zoom = widget.NewSelect([]string{zoomFitWidth, zoomFitPage, zoom100}, func(string) { p.relayoutPages() })
	p.zoom.PlaceHolder = "缩放"
	p.zoom.SetSelected(zoomFitWidth)
	p.counter = widget.NewLabel("")
	p.note = widget.NewLabel("")
	p.note.Wrapping = fyne.TextWrapWord
	p.note.Hide()
	p.box = container.NewVBox()
	p.scroll = container.NewScroll(container.NewPadded(p.box))
	p.scroll.OnScrolled = func(fyne.Position) { p.showVisible() }
	grey := canvas.NewRectangle(deskGrey)
	area := container.New(&previewLayout{p: p}, grey, p.scroll)
	bar := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel("版面预览"), fixedWidth(p.zoom, 130)), p.counter)
	p.root = container.NewBorder(container.NewVBox(bar, p.note), nil, nil, nil, area)
	return p.root
}

// previewLayout fills the area with its objects and tells the pane its size,
// so that 适合宽度 and 整页 follow the window.
type previewLayout struct{ p *previewPane }

func (l *previewLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size != l.p.size {
		l.p.size = size
		l.p.pageW = l.p.fitWidth()
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	l.p.showVisible()
}

func (l *previewLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(200, 200) }

// fitWidth is the page width in units for the zoom chosen and the area's size.
func (p *previewPane) fitWidth() float32 {
	pad := theme.Padding()
	w := p.size.Width - 2*pad - theme.ScrollBarSize()
	switch p.zoom.Selected {
	case zoomFitPage:
		w = min(w, (p.size.Height-2*pad)*raster.PaperW/raster.PaperH)
	case zoom100:
		w = raster.PaperW / 25.4 * 96 // 96 units an inch: paper size on a usual screen
	}
	return max(w, 120)
}

// relayoutPages resizes the pages after a zoom change.
func (p *previewPane) relayoutPages() {
	if p.scroll == nil {
		return
	}
	p.pageW = p.fitWidth()
	p.box.Refresh()
	p.scroll.Refresh()
	p.showVisible()
}

// pageSize lays out a page's paper and image at the pane's page width.
type pageSize struct{ p *previewPane }

func (l pageSize) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	s := l.MinSize(objs)
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(s)
	}
}

func (l pageSize) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(l.p.pageW, l.p.pageW*raster.PaperH/raster.PaperW)
}

func (p *previewPane) newSlot() *pageSlot {
	s := &pageSlot{probs: widget.NewLabel(""), paper: canvas.NewRectangle(theme.Color(theme.ColorNameBackground))}
	s.paper.FillColor = color.White
	s.paper.StrokeColor = theme.Color(theme.ColorNameShadow)
	s.paper.StrokeWidth = 1
	s.probs.Importance = widget.DangerImportance
	s.probs.Wrapping = fyne.TextWrapWord
	s.img = canvas.NewImageFromImage(nil)
	s.img.FillMode = canvas.ImageFillStretch
	s.img.ScaleMode = canvas.ImageScaleFastest
	page := container.New(pageSize{p}, s.paper, s.img)
	s.probsBox = container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameBackground)), s.probs)
	s.probsBox.Hide()
	s.obj = container.NewVBox(s.probsBox, container.NewCenter(page))
	return s
}

// changed is called at each edit: the document is laid out again after a
// pause in typing.
func (p *previewPane) changed() {
	if p.root == nil {
		return
	}
	p.deb.schedule(p.bg, p.refresh)
}

// now lays the document out at once, without waiting for a pause (a new
// issue opened).
func (p *previewPane) now() {
	if p.deb.stop != nil {
		p.deb.stop()
	}
	p.refresh()
}

// refresh lays the document out again in the background now.
func (p *previewPane) refresh() {
	if p.root == nil {
		return
	}
	job, hint := p.source()
	if job == nil {
		p.say(hint)
		return
	}
	p.req++
	req := p.req
	p.bg.run(func() func() {
		pages, problems, note, err := job()
		return func() {
			if req != p.req {
				return // a newer layout is on its way
			}
			if err != nil {
				p.say(err.Error())
				return
			}
			p.say(note)
			p.setPages(pages, problems)
			if p.shown != nil {
				p.shown()
			}
		}
	})
}

// clear takes the pages away and says hint instead (nothing to show: the
// document was closed); a layout still on its way is dropped.
func (p *previewPane) clear(hint string) {
	if p.root == nil {
		return
	}
	if p.deb.stop != nil {
		p.deb.stop()
	}
	p.req++
	p.setPages(nil, nil)
	p.say(hint)
}

// setPages shows a new layout. Pages already shown keep their old image
// until the new one is drawn, so that nothing flashes.
func (p *previewPane) setPages(pages []layout.Page, problems []pageNotes) {
	p.gen++
	p.pages, p.problems = pages, problems
	for len(p.slots) < len(pages) {
		s := p.newSlot()
		p.slots = append(p.slots, s)
		p.box.Add(s.obj)
	}
	for len(p.slots) > len(pages) {
		last := p.slots[len(p.slots)-1]
		p.box.Remove(last.obj)
		p.slots = p.slots[:len(p.slots)-1]
	}
	for i, s := range p.slots {
		text := ""
		for j, pr := range problems[i].lines {
			if j > 0 {
				text += "\n"
			}
			text += fmt.Sprintf("第 %d 页：%s", i+1, pr)
		}
		s.probs.SetText(text)
		s.probs.Importance = widget.LowImportance
		if problems[i].serious {
			s.probs.Importance = widget.DangerImportance
		}
		s.probs.Refresh()
		s.probsBox.Hidden = text == ""
	}
	p.box.Refresh()
	p.scroll.Refresh() // the content's size follows the page count
	p.showVisible()
}

// visible returns the range of pages [from, to) in the scrolled view and the
// page the counter names (the one across the upper third of the view).
func (p *previewPane) visible() (from, to, current int) {
	top, bottom := p.scroll.Offset.Y, p.scroll.Offset.Y+p.scroll.Size().Height
	mark := top + p.scroll.Size().Height/3
	from, to, current = -1, 0, 0
	for i, s := range p.slots {
		y0 := s.obj.Position().Y
		y1 := y0 + s.obj.Size().Height
		if y1 >= top && y0 <= bottom {
			if from < 0 {
				from = i
			}
			to = i + 1
		}
		if y0 <= mark {
			current = i
		}
	}
	if from < 0 {
		from, to = 0, min(1, len(p.slots))
	}
	return from, to, current
}

// showVisible updates the counter, draws the pages in view that do not show
// the current layout at the current size, and drops the images of pages far
// out of view.
func (p *previewPane) showVisible() {
	if p.scroll == nil {
		return
	}
	if len(p.slots) == 0 {
		p.counter.SetText("")
		return
	}
	from, to, cur := p.visible()
	p.counter.SetText(fmt.Sprintf("第 %d 页 / 共 %d 页", cur+1, len(p.slots)))
	px := int(p.pageW*p.win.Canvas().Scale() + 0.5)
	for i, s := range p.slots {
		if i < from-keepAround || i >= to+keepAround {
			if s.img.Image != nil {
				s.img.Image = nil
				s.img.Refresh()
				s.shown.gen, s.shown.px = 0, 0
			}
			continue
		}
		if (s.shown.gen == p.gen && s.shown.px == px) || (s.want.gen == p.gen && s.want.px == px) {
			continue
		}
		p.drawPage(i, s, px)
	}
}

// drawPage rasterises page i at px pixels wide in the background and shows
// it if it is still wanted then.
func (p *previewPane) drawPage(i int, s *pageSlot, px int) {
	gen, page := p.gen, p.pages[i]
	s.want.gen, s.want.px = gen, px
	p.bg.run(func() func() {
		p.mu.Lock()
		img := p.drawer.Draw(page, float64(px)/raster.PaperW)
		p.mu.Unlock()
		return func() {
			if s.want.gen != gen || s.want.px != px {
				return // a newer drawing is on its way
			}
			s.img.Image = img
			s.img.Refresh()
			s.shown.gen, s.shown.px = gen, px
		}
	})
}

// pageImage returns the image page i shows now, or nil (tests).
func (p *previewPane) pageImage(i int) image.Image {
	if i >= len(p.slots) {
		return nil
	}
	return p.slots[i].img.Image
}

// say shows a note above the pages, or hides it when msg is "".
func (p *previewPane) say(msg string) {
	p.note.SetText(msg)
	p.note.Hidden = msg == ""
	p.note.Refresh()
}
