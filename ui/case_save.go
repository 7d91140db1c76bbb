package ui

import (
	"context"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"bulletin/model"
)

// caseFormState is the form's values in the form the editor shows them: the
// texts as they would be saved (cleaned, one-line fields trimmed) and the
// dates as shown, to the minute or the day (the text typed when it is not a
// date). "Unsaved" means the state differs from the one taken when the case
// was shown.
type caseFormState struct {
	texts  [16]string
	report [7]string // reportState: 情感倾向, 回访结果, the four numbers, 重点
	dates  [5]string
}

// formTexts copies the text fields of the form into c.
func (e *caseEditor) formTexts(c *model.Case) {
	c.Title, c.Area, c.Domain = e.title.Text, e.area.Text, e.domain.Text
	c.Kind, c.Risk, c.Remarks = e.kind.Selected, e.risk.Selected, e.remarks.text()
	c.Source, c.URL, c.Poster = e.source.Text, e.url.Text, e.poster.Text
	c.Spread, c.Content, c.Summary = e.spread.text(), e.content.text(), e.summary.text()
	c.Assessment, c.Proposal = e.assessment.text(), e.proposal.text()
	c.Handling, c.Reply = e.handling.text(), e.reply.text()
}

// dateFields are the form's dates with their names, in caseFormState order.
func (e *caseEditor) dateFields() [5]*dateField {
	return [5]*dateField{e.posted, e.collected, e.due, e.countedAt, e.visitedAt}
}

// state reads the form's values as caseFormState.
func (e *caseEditor) state() caseFormState {
	var c model.Case
	e.formTexts(&c)
	c.Clean()
	st := caseFormState{texts: [16]string{c.Title, c.Area, c.Domain, c.Kind, c.Risk, c.Remarks,
		c.Source, c.URL, c.Poster, c.Spread, c.Content, c.Summary, c.Assessment, c.Proposal, c.Handling, c.Reply},
		report: e.reportState()}
	for i, f := range e.dateFields() {
		st.dates[i] = f.shown()
	}
	return st
}

// read returns a copy of the open case with the form's values, cleaned of
// control characters, with one note per field that lost some, or a message
// about a bad date. A date whose text was not changed keeps its stored value,
// seconds and all.
func (e *caseEditor) read() (*model.Case, []string, error) {
	c := *e.orig
	c.Departments = slices.Clone(e.orig.Departments)
	e.formTexts(&c)
	if err := e.readReport(&c); err != nil {
		return nil, nil, err
	}
	names := [5]string{"发布时间", "收集时间", "办理时限", "统计时间", "回访时间"}
	dst := [5]*time.Time{&c.Posted, &c.Collected, &c.Due, &c.CountedAt, &c.VisitedAt}
	for i, f := range e.dateFields() {
		if f.shown() == e.snap.dates[i] {
			continue
		}
		t, err := f.Date()
		if err != nil {
			return nil, nil, model.Errorf(model.EINVALID, "%s：%v", names[i], err)
		}
		*dst[i] = t
	}
	return &c, c.Clean(), nil
}

// diff returns the update that turns a into b, and whether anything changed.
func diff(a, b *model.Case) (model.CaseUpdate, bool) {
	var u model.CaseUpdate
	changed := false
	str := func(dst **string, x, y string) {
		if x != y {
			*dst, changed = &y, true
		}
	}
	tm := func(dst **time.Time, x, y time.Time) {
		if !x.Equal(y) {
			*dst, changed = &y, true
		}
	}
	str(&u.Title, a.Title, b.Title)
	str(&u.Source, a.Source, b.Source)
	str(&u.URL, a.URL, b.URL)
	str(&u.Poster, a.Poster, b.Poster)
	str(&u.Area, a.Area, b.Area)
	str(&u.Domain, a.Domain, b.Domain)
	str(&u.Kind, a.Kind, b.Kind)
	str(&u.Risk, a.Risk, b.Risk)
	str(&u.Spread, a.Spread, b.Spread)
	str(&u.Content, a.Content, b.Content)
	str(&u.Summary, a.Summary, b.Summary)
	str(&u.Assessment, a.Assessment, b.Assessment)
	str(&u.Proposal, a.Proposal, b.Proposal)
	str(&u.Handling, a.Handling, b.Handling)
	str(&u.Reply, a.Reply, b.Reply)
	str(&u.Remarks, a.Remarks, b.Remarks)
	tm(&u.Posted, a.Posted, b.Posted)
	tm(&u.Collected, a.Collected, b.Collected)
	tm(&u.Due, a.Due, b.Due)
	if diffReport(&u, a, b) {
		changed = true
	}
	return u, changed
}

// dirty reports whether the form differs from what was shown last.
func (e *caseEditor) dirty() bool {
	return e.orig != nil && e.state() != e.snap
}

// save writes the form to the store (Ctrl+S). done, when not nil, learns
// whether the case is now saved. Mistakes are shown with the store's Chinese
// message and leave the form as it is.
func (e *caseEditor) save(done func(ok bool)) {
	finish := func(ok bool) {
		if done != nil {
			done(ok)
		}
	}
	if e.orig == nil {
		finish(true)
		return
	}
	c, notes, err := e.read()
	if err != nil {
		e.refuse(err)
		finish(false)
		return
	}
	ctx := context.Background()
	if e.orig.ID == 0 {
		err = e.store.CreateCase(ctx, c)
	} else if u, changed := diff(e.orig, c); changed {
		c, err = e.store.UpdateCase(ctx, e.orig.ID, u)
	} else {
		finish(true)
		return
	}
	if err != nil {
		e.refuse(err)
		finish(false)
		return
	}
	e.reload(c.ID)
	e.showSanitized(notes)
	finish(true)
	e.onSaved(c) // last: it starts the list's reload in the background
}

// reload shows case id afresh from the store, with its timeline.
func (e *caseEditor) reload(id int64) { e.open(id) }

// refuse tells why the case was not saved. A message that names a field
// first shows that field: its tab, scrolled to it, with the cursor in it.
func (e *caseEditor) refuse(err error) {
	if model.ErrorCode(err) == model.EINVALID {
		e.revealField(model.ErrorMessage(err))
	}
	showError(e.win, "保存案件", err)
}

// revealField shows the field that msg names first (by the place of its
// name in msg) and puts the cursor in it.
func (e *caseEditor) revealField(msg string) {
	best, at := -1, len(msg)
	for i, f := range e.fields {
		if j := strings.Index(msg, f.name); j >= 0 && (j < at || j == at && len(f.name) > len(e.fields[best].name)) {
			best, at = i, j
		}
	}
	if best < 0 {
		return
	}
	f := e.fields[best]
	e.tabs.SelectIndex(f.tab)
	scrollTo(e.pages[f.tab], f.obj)
	if fo := focusTarget(f.obj); fo != nil {
		e.win.Canvas().Focus(fo)
	}
}

// focusTarget is the part of a field that takes the cursor.
func focusTarget(o fyne.CanvasObject) fyne.Focusable {
	switch v := o.(type) {
	case *dateField:
		return v.entry
	case *longText:
		return v.focusTarget()
	case fyne.Focusable:
		return v
	}
	return nil
}

// scrollTo scrolls s so that o, somewhere inside its content, is in view.
func scrollTo(s *container.Scroll, o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s.Content).Y
	pad := theme.Padding() * 4
	switch {
	case y-pad < s.Offset.Y:
		s.Offset.Y = max(0, y-pad)
	case y+o.Size().Height+pad > s.Offset.Y+s.Size().Height:
		s.Offset.Y = min(y-pad, s.Content.MinSize().Height-s.Size().Height)
	default:
		return
	}
	s.Refresh()
}
