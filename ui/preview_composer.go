package ui

import (
	"fyne.io/fyne/v2/widget"

	"bulletin/export/layout"
)

// previewSource is what the composer's preview lays out: the form's values,
// or a hint when they cannot be read.
func (e *bulletinEditor) previewSource() (previewJob, string) {
	if e.orig == nil {
		return nil, ""
	}
	b, _, err := e.read()
	if err != nil {
		return nil, err.Error()
	}
	store := e.store
	return func() ([]layout.Page, []pageNotes, string, error) { return bulletinPreview(store, b) }, ""
}

// watchPreview makes every field of the composer redraw the preview after
// a pause in typing, keeping what the fields did on change before.
func (e *bulletinEditor) watchPreview() {
	for _, en := range []*widget.Entry{e.year, e.number, e.serial, e.name, e.unit, e.title, &e.marking.Entry,
		e.editorNote, e.body, e.bao, e.song, e.fa, e.copies, e.signer, e.editor} {
		prev := en.OnChanged
		en.OnChanged = func(s string) {
			if prev != nil {
				prev(s)
			}
			e.preview.changed()
		}
	}
	prevDate := e.date.OnChanged
	e.date.OnChanged = func() {
		if prevDate != nil {
			prevDate()
		}
		e.preview.changed()
	}
	prevCover := e.cover.OnChanged
	e.cover.OnChanged = func(on bool) {
		if prevCover != nil {
			prevCover(on)
		}
		e.preview.changed()
	}
}

// showLinksTab brings the linked cases and meetings into view beside the
// form, after some were picked.
func (e *bulletinEditor) showLinksTab() {
	if e.tabs != nil {
		e.tabs.SelectIndex(1)
	}
}
