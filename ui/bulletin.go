package ui

import (
	"context"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// bulletinColumns are the columns of the list of issues.
var bulletinColumns = []struct {
	title string
	width float32
}{
	{"期号", 130}, {"总期号", 80}, {"标题", 420}, {"印发日期", 110}, {"状态", 80}, {"批示", 60},
}

// bulletinsScreen is the 专报 screen: the list of issues, and the composer of
// one issue in its place when one is opened.
type bulletinsScreen struct {
	win   fyne.Window
	store *model.Store

	table       *widget.Table
	hint        *widget.Label     // how to use the table, hidden with it
	empty       fyne.CanvasObject // shown instead of the table while there is no issue
	emptyNewBtn *widget.Button
	items       []*model.Bulletin
	count       *widget.Label
	newBtn      *widget.Button
	list        fyne.CanvasObject
	ed          *bulletinEditor
	edView      fyne.CanvasObject
	root        *fyne.Container
	bg          *tasks
	gen         int
	editing     bool
}

func newBulletinsScreen(w fyne.Window, s *model.Store, bg *tasks) *bulletinsScreen {
	bs := &bulletinsScreen{win: w, store: s, bg: bg}
	bs.ed = newBulletinEditor(w, s, bg)
	bs.ed.onChanged = bs.reload
	bs.ed.onBack = bs.onBack
	bs.ed.onDeleted = func() { bs.showList(); bs.reload() }
	return bs
}

// content builds the screen once and returns it.
func (bs *bulletinsScreen) content() fyne.CanvasObject {
	if bs.root == nil {
		bs.root = bs.buildUI()
	}
	return bs.root
}

func (bs *bulletinsScreen) buildUI() *fyne.Container {
	bs.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(bs.items), len(bulletinColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			b, ok := at(bs.items, id.Row)
			if !ok {
				l.SetText("")
				return
			}
			l.TextStyle.Bold = id.Col == 4 && b.Status == model.BulletinDraft
			l.SetText(bulletinCell(b, id.Col))
		})
	bs.table.ShowHeaderColumn = false
	bs.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	bs.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 {
			o.(*widget.Label).SetText(bulletinColumns[id.Col].title)
		}
	}
	for i, c := range bulletinColumns {
		bs.table.SetColumnWidth(i, c.width)
	}
	bs.table.OnSelected = func(id widget.TableCellID) {
		bs.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(bs.items) {
			bs.open(bs.items[id.Row].ID)
		}
	}
	bs.newBtn = widget.NewButtonWithIcon("新建一期", theme.ContentAddIcon(), bs.onNew)
	bs.newBtn.Importance = widget.HighImportance
	bs.count = widget.NewLabel("")
	head := widget.NewLabelWithStyle("《舆情专报》期次", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bs.hint = widget.NewLabel("点击一期打开编辑；已印发的期次只能查看、导出、登记批示或撤回。")
	bs.hint.Importance = widget.LowImportance
	bs.list = container.NewBorder(container.NewHBox(head, bs.newBtn, bs.count), bs.hint, nil, nil,
		container.NewStack(bs.table, bs.buildEmpty()))
	bs.edView = bs.ed.buildUI()
	bs.edView.Hide()
	return container.NewStack(bs.list, bs.edView)
}

// buildEmpty is what the list shows before the first issue: what to do,
// with the button to do it, instead of empty columns.
func (bs *bulletinsScreen) buildEmpty() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("还没有编印过《舆情专报》", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel("点「新建一期」开始编写：期号、总期号和报送范围按「设置 → 专报模板与字体」自动填好，\n正文可据所选案件一键起草。")
	hint.Alignment = fyne.TextAlignCenter
	bs.emptyNewBtn = widget.NewButtonWithIcon("新建一期", theme.ContentAddIcon(), bs.onNew)
	bs.emptyNewBtn.Importance = widget.HighImportance
	bs.empty = container.NewCenter(container.NewVBox(title, hint, container.NewCenter(bs.emptyNewBtn)))
	bs.empty.Hide()
	return bs.empty
}

// showItems shows the table, or the empty state when there is no issue.
func (bs *bulletinsScreen) showItems() {
	if len(bs.items) == 0 {
		bs.table.Hide()
		bs.hint.Hide()
		bs.empty.Show()
	} else {
		bs.empty.Hide()
		bs.table.Show()
		bs.hint.Show()
	}
	bs.table.Refresh()
}

// bulletinCell is the text of one cell of the list.
func bulletinCell(b *model.Bulletin, col int) string {
	switch col {
	case 0:
		return fmt.Sprintf("%d年第%d期", b.Year, b.Number)
	case 1:
		if b.Serial > 0 {
			return "总第" + strconv.Itoa(b.Serial) + "期"
		}
		return "—"
	case 2:
		return oneLine(b.Title)
	case 3:
		return orDash(formatDate(b.Date, false))
	case 4:
		return string(b.Status)
	case 5:
		if b.InstructionCount == 0 {
			return "—"
		}
		return strconv.Itoa(b.InstructionCount)
	}
	return ""
}

// reload lists the issues in the background.
func (bs *bulletinsScreen) reload() {
	if bs.table == nil {
		return
	}
	bs.gen++
	gen := bs.gen
	bs.bg.run(func() func() {
		items, err := bs.store.FindBulletins(context.Background(), model.BulletinFilter{})
		return func() {
			if gen != bs.gen {
				return
			}
			if err != nil {
				showError(bs.win, "查询专报", err)
				return
			}
			bs.items = items
			bs.ed.others = items
			bs.count.SetText(fmt.Sprintf("共 %d 期", len(items)))
			bs.showItems()
		}
	})
}

// open shows the composer on bulletin id.
func (bs *bulletinsScreen) open(id int64) {
	bs.ed.confirmLeave(func() {
		if bs.ed.open(id) {
			bs.showEditor()
		}
	})
}

func (bs *bulletinsScreen) showEditor() {
	bs.editing = true
	bs.list.Hide()
	bs.edView.Show()
}

func (bs *bulletinsScreen) showList() {
	bs.editing = false
	bs.edView.Hide()
	bs.list.Show()
}

// onBack returns to the list, first asking about unsaved edits.
func (bs *bulletinsScreen) onBack() {
	bs.ed.confirmLeave(func() {
		bs.ed.close()
		bs.showList()
		bs.reload()
	})
}

// onNew starts a new issue with the suggested numbers and the defaults of
// the template settings (Ctrl+N).
func (bs *bulletinsScreen) onNew() {
	bs.ed.confirmLeave(func() {
		if bs.ed.newBulletin() {
			bs.showEditor()
			bs.win.Canvas().Focus(bs.ed.title)
		}
	})
}

// onSave saves the open issue (Ctrl+S).
func (bs *bulletinsScreen) onSave() {
	if bs.editing {
		bs.ed.save(nil)
	}
}

// onFind opens the case picker of the open issue (Ctrl+F).
func (bs *bulletinsScreen) onFind() {
	if bs.editing && !bs.ed.frozen() {
		bs.ed.onPickCases()
	}
}

// confirmLeave implements screen.
func (bs *bulletinsScreen) confirmLeave(next func()) { bs.ed.confirmLeave(next) }

// wait blocks until the work started so far has been shown (for tests).
