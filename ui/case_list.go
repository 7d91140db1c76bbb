package ui

import (
	"strings"

	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// onRowSelected opens the tapped case in the editor, after asking about
// unsaved edits. The table's own one-cell selection is cleared at once: the
// open case is shown by a band across its whole row instead.
func (cs *casesScreen) onRowSelected(id widget.TableCellID) {
	if cs.quiet {
		return
	}
	cs.quiet = true
	cs.table.Unselect(id)
	cs.quiet = false
	c := cs.caseAt(id.Row)
	if c == nil || (cs.ed.orig != nil && cs.ed.orig.ID == c.ID) {
		return
	}
	cs.ed.confirmLeave(func() {
		cs.ed.open(c.ID)
		cs.table.Refresh()
	})
}

// refreshPages reloads the cached pages, keeping the query and the scroll
// position. The table keeps showing the old rows until the new page is in
// (loadPage refreshes it), rather than flashing "…" in every row.
func (cs *casesScreen) refreshPages() {
	cs.gen++
	cs.pages = map[int][]*model.Case{}
	cs.loading = map[int]bool{}
	cs.loadPage(0)
}

func (cs *casesScreen) onEditorSaved(*model.Case) { cs.refreshPages() }

func (cs *casesScreen) onEditorDeleted() { cs.refreshPages() }

// onNew starts a new case (Ctrl+N).
func (cs *casesScreen) onNew() {
	cs.ed.confirmLeave(func() {
		cs.ed.newCase()
		cs.table.Refresh()
		cs.win.Canvas().Focus(cs.ed.title)
	})
}

// onSave saves the case being edited (Ctrl+S).
func (cs *casesScreen) onSave() { cs.ed.save(nil) }

// onFind puts the cursor in the search box (Ctrl+F).
func (cs *casesScreen) onFind() { cs.win.Canvas().Focus(cs.search) }

// saveLayout remembers where the divider between list and editor is.
func (cs *casesScreen) saveLayout() { saveSplit(cs.split, prefCaseSplit) }

// confirmLeave implements screen.
func (cs *casesScreen) confirmLeave(next func()) { cs.ed.confirmLeave(next) }

// onImport reads cases from a .csv or .xlsx file, with a preview first.
func (cs *casesScreen) onImport() {
	showImportDialog(cs.win, cs.store, cs.bg, func() {
		cs.reload()
		cs.refreshPages()
	})
}

// onExport writes every case matching the current filter to a file.
func (cs *casesScreen) onExport() {
	f := cs.currentFilter()
	f.Offset, f.Limit = 0, 0
	exportCases(cs.win, cs.store, cs.bg, f)
}

// showEmpty says why the list is empty: no case matches the conditions, or
// none has been recorded yet.
func (cs *casesScreen) showEmpty() {
	switch {
	case cs.total > 0:
		cs.emptyNote.Hide()
		cs.table.Show()
		return
	case cs.filtered():
		cs.emptyNote.SetText("没有符合条件的案件。\n可放宽条件，或点「清除条件」。")
	default:
		cs.emptyNote.SetText("还没有案件。\n点右侧「新建案件」（Ctrl+N）登记，或点下方「导入…」从表格导入。")
	}
	cs.table.Hide() // its column lines would run through the note
	cs.emptyNote.Show()
}

// filtered reports whether any search or filter is set.
func (cs *casesScreen) filtered() bool {
	return strings.TrimSpace(cs.search.Text) != "" || cs.status.SelectedIndex() > 0 || cs.dept.SelectedIndex() > 0 ||
		cs.source.SelectedIndex() > 0 || cs.from.Text() != "" || cs.to.Text() != "" || cs.overdue.Checked ||
		cs.dueSoon.Checked || cs.important.Checked || cs.sentiment.SelectedIndex() > 0 || cs.breakdown.text() != ""
}
