package ui

import (
	"context"
	"strings"
	"sync"
	"time"

	"bulletin/export"
	"bulletin/export/layout"
	"bulletin/model"
)

// periodicFigures keeps the part of a draft 通报 that comes from the data
// (刊名 of the settings, 附表, charts, 统计时间) for the period in the
// editor, so that a keystroke lays out the text again without counting a
// year of cases again. It is emptied when another 通报 is opened, so that
// opening one again shows the figures as they are then.
type periodicFigures struct {
	mu     sync.Mutex // held while the figures are counted: jobs run in the background
	period model.Period
	day    string
	doc    *export.Periodic // with the settings' 刊名; Title and Body are set per job
}

// reset forgets the figures.
func (f *periodicFigures) reset() {
	f.mu.Lock()
	f.doc = nil
	f.mu.Unlock()
}

// document is the 通报 it as typed, with the figures of its period now.
func (f *periodicFigures) document(store *model.Store, it *model.PeriodicIssue) (*export.Periodic, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	now := time.Now()
	day := now.Format(model.DateLayout)
	if f.doc == nil || f.period != it.Period || f.day != day {
		blank := *it
		blank.Name = "" // the settings' 刊名, used when the field is emptied
		doc, _, err := export.PeriodicOf(context.Background(), store, &blank, now)
		if err != nil {
			return nil, err
		}
		f.doc, f.period, f.day = doc, it.Period, day
	}
	doc := *f.doc
	if name := strings.TrimSpace(it.Name); name != "" {
		doc.Name = name
	}
	doc.Title, doc.Body = it.Title, it.Body
	return &doc, nil
}

// periodicPreview lays out the 通报 it: a draft as typed with the figures
// now, an issued one from the document stored when it was issued, checked
// against its stored PDF.
func periodicPreview(store *model.Store, figures *periodicFigures, it *model.PeriodicIssue) ([]layout.Page, []pageNotes, string, error) {
	if !it.Issued() || it.ID == 0 {
		doc, err := figures.document(store, it)
		if err != nil {
			return nil, nil, "", err
		}
		return printedPreview(store, doc, nil)
	}
	full, err := store.FindPeriodic(context.Background(), it.ID)
	if err != nil {
		return nil, nil, "", err
	}
	v, err := export.ParsePrinted(strings.NewReader(string(full.Doc)))
	if err != nil {
		return nil, nil, "", err
	}
	doc, ok := v.(*export.Periodic)
	if !ok {
		return nil, nil, "", model.Errorf(model.EINVALID, "存档的通报文档类型不对")
	}
	return storedPreview(store, doc, func() ([]byte, error) { return full.PDF, nil },
		"已印发：下面就是存档原件的版面，附表和图表是印发时的数据。",
		"已印发：印发后模板、字体或程序有变化，下面按现在的设置排出，可能与存档原件不同；「导出 PDF」得到的是存档原件。")
}

// previewSource is what the 通报's preview lays out: the 通报 in the editor
// with its fields as typed.
func (ps *periodicScreen) previewSource() (previewJob, string) {
	if ps.cur == nil {
		return nil, "起草或选择一份通报后，这里显示它印出来的版面。"
	}
	it := ps.edited()
	if strings.TrimSpace(it.Body) == "" {
		return nil, "通报正文为空，没有可显示的版面。"
	}
	store, figures := ps.store, &ps.figures
	return func() ([]layout.Page, []pageNotes, string, error) { return periodicPreview(store, figures, it) }, ""
}
