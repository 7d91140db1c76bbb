package ui

import (
	"context"
	"fmt"
	"time"

	"bulletin/export"
	"bulletin/export/layout"
	"bulletin/model"
)

// minutesPreview typesets the 纪要 of meeting m with body as it will print:
// the settings of the 纪要, and the 期号 it has or will be given when it is
// exported (none is taken for the preview).
func minutesPreview(store *model.Store, m *model.Meeting, body string) ([]layout.Page, []pageNotes, string, error) {
	ctx := context.Background()
	kv, err := store.FindSettings(ctx)
	if err != nil {
		return nil, nil, "", err
	}
	year := m.Time.Year()
	if m.Time.IsZero() {
		year = time.Now().Year()
	}
	n, given, err := store.PeekMinutesNumber(ctx, m.ID, year)
	if err != nil {
		return nil, nil, "", err
	}
	doc := export.MinutesFromMeeting(m, n, export.MinutesSettingsFrom(kv))
	doc.Body = body
	pages, notes, note, err := printedPreview(store, doc, nil)
	if err != nil {
		return nil, nil, "", err
	}
	if !given {
		note = joinNotes(fmt.Sprintf("期号：%d年第%d期，导出 PDF 时编定。", year, n), note)
	}
	return pages, notes, note, nil
}

// joinNotes puts notes on lines of their own, skipping empty ones.
func joinNotes(notes ...string) string {
	out := ""
	for _, n := range notes {
		if n == "" {
			continue
		}
		if out != "" {
			out += "\n"
		}
		out += n
	}
	return out
}
