package ui

import (
	"context"
	"fmt"
	"slices"
	"time"

	"bulletin/model"
)

// read returns a copy of the open case with the form's values, cleaned of
// control characters, with one note per field that lost some, or a message
// about a bad date.
func (e *caseEditor) read() (*model.Case, []string, error) {
	c := *e.orig
	c.Departments = slices.Clone(e.orig.Departments)
	c.Title, c.Area, c.Domain = e.title.Text, e.area.Text, e.domain.Text
	c.Kind, c.Risk, c.Remarks = e.kind.Selected, e.risk.Selected, e.remarks.Text
	c.Source, c.URL, c.Poster = e.source.Text, e.url.Text, e.poster.Text
	c.Spread, c.Content, c.Summary = e.spread.Text, e.content.Text, e.summary.Text
	c.Assessment, c.Proposal = e.assessment.Text, e.proposal.Text
	c.Handling, c.Reply = e.handling.Text, e.reply.Text
	for _, d := range []struct {
		name string
		f    *dateField
		dst  *time.Time
	}{{"发布时间", e.posted, &c.Posted}, {"收集时间", e.collected, &c.Collected}, {"办理时限", e.due, &c.Due}} {
		t, err := d.f.Date()
		if err != nil {
			return nil, nil, fmt.Errorf("%s：%v", d.name, err)
		}
		*d.dst = t
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
	return u, changed
}

// dirty reports whether the form holds edits not yet saved.
func (e *caseEditor) dirty() bool {
	if e.orig == nil {
		return false
	}
	c, notes, err := e.read()
	if err != nil || len(notes) > 0 {
		return true
	}
	_, changed := diff(e.orig, c)
	return changed
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
		showInfo(e.win, err.Error())
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
		showError(e.win, "保存案件", err)
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
