package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// settingsScreen is the 设置 screen: the directory of departments (责任单位)
// and leaders, and where the data file is.
type settingsScreen struct {
	win   fyne.Window
	store *model.Store
	bg    *tasks

	depts     []*model.Department
	leaders   []*model.Leader
	deptList  *widget.List
	leadList  *widget.List
	addDept   *widget.Button
	addLeader *widget.Button
	path      *widget.Label
	root      fyne.CanvasObject
	backup    *backupSection // the 备份与恢复 tab
	holidays  *holidaySection
	rules     *rulesSection

	// lastDialog is the dialog shown last, with form holding its entries (tests).
	lastDialog *formDialog
	form       []*widget.Entry
}

func newSettingsScreen(w fyne.Window, s *model.Store, bg *tasks) *settingsScreen {
	return &settingsScreen{win: w, store: s, bg: bg}
}

// content builds the screen once and returns it.
func (ss *settingsScreen) content() fyne.CanvasObject {
	if ss.root == nil {
		ss.root = ss.buildUI()
	}
	return ss.root
}

func (ss *settingsScreen) buildUI() fyne.CanvasObject {
	ss.deptList = widget.NewList(func() int { return len(ss.depts) }, newDirectoryRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			d, ok := at(ss.depts, i)
			if !ok {
				return
			}
			setDirectoryRow(o, d.Name, joinNonEmpty("　", d.Contact, d.Phone),
				func() { ss.onEditDept(d) }, func() { ss.onDeleteDept(d) })
		})
	ss.leadList = widget.NewList(func() int { return len(ss.leaders) }, newDirectoryRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l, ok := at(ss.leaders, i)
			if !ok {
				return
			}
			setDirectoryRow(o, l.Name, l.Position,
				func() { ss.onEditLeader(l) }, func() { ss.onDeleteLeader(l) })
		})
	ss.addDept = widget.NewButtonWithIcon("添加责任单位", theme.ContentAddIcon(), func() { ss.onEditDept(&model.Department{}) })
	ss.addLeader = widget.NewButtonWithIcon("添加领导", theme.ContentAddIcon(), func() { ss.onEditLeader(&model.Leader{Order: len(ss.leaders) + 1}) })
	ss.path = widget.NewLabel("数据文件：" + ss.store.Path())
	ss.path.Wrapping = fyne.TextWrapBreak
	ss.path.Selectable = true

	deptCard := widget.NewCard("责任单位", "交办案件时从这里选择", container.NewBorder(nil, container.NewHBox(ss.addDept), nil, nil, ss.deptList))
	leadCard := widget.NewCard("领导", "批示领导，按顺序排列", container.NewBorder(nil, container.NewHBox(ss.addLeader), nil, nil, ss.leadList))
	directory := container.NewGridWithColumns(2, deptCard, leadCard)
	var prefs fyne.Preferences
	if a := fyne.CurrentApp(); a != nil {
		prefs = a.Preferences()
	}
	tabs := container.NewAppTabs(
		container.NewTabItem("责任单位与领导", directory),
		container.NewTabItem("备份与恢复", ss.newBackupTab(prefs)),
		container.NewTabItem("专报模板与字体", newTemplateSection(ss.win, ss.store, ss.bg).buildUI()),
	)
	ss.holidays, ss.rules = newHolidaySection(ss.win, ss.store, ss.bg), newRulesSection(ss.win, ss.store, ss.bg)
	tabs.Append(container.NewTabItem("节假日", ss.holidays.buildUI()))
	tabs.Append(container.NewTabItem("办理时限规则", ss.rules.buildUI()))
	tabs.Append(container.NewTabItem("文书", newDocumentSettings(ss.win, ss.store, ss.bg).buildUI()))
	return container.NewBorder(nil, ss.path, nil, nil, tabs)
}

// newDirectoryRow is a list row: name, details, 编辑 and 删除 buttons.
func newDirectoryRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	edit := widget.NewButtonWithIcon("编辑", theme.DocumentCreateIcon(), nil)
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), nil)
	edit.Importance, del.Importance = widget.LowImportance, widget.LowImportance
	return container.NewBorder(nil, nil, name, container.NewHBox(edit, del), detail)
}

func setDirectoryRow(o fyne.CanvasObject, name, detail string, onEdit, onDelete func()) {
	row := o.(*fyne.Container)
	var buttons *fyne.Container
	for _, obj := range row.Objects {
		switch x := obj.(type) {
		case *widget.Label:
			if x.TextStyle.Bold {
				x.SetText(name)
			} else {
				x.SetText(detail)
			}
		case *fyne.Container:
			buttons = x
		}
	}
	buttons.Objects[0].(*widget.Button).OnTapped = onEdit
	buttons.Objects[1].(*widget.Button).OnTapped = onDelete
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// reload reads the directory afresh.
func (ss *settingsScreen) reload() {
	ctx := context.Background()
	depts, err := ss.store.FindDepartments(ctx)
	if err != nil {
		showError(ss.win, "读取责任单位", err)
		return
	}
	leaders, err := ss.store.FindLeaders(ctx)
	if err != nil {
		showError(ss.win, "读取领导名单", err)
		return
	}
	ss.depts, ss.leaders = depts, leaders
	ss.deptList.Refresh()
	ss.leadList.Refresh()
}

// onEditDept edits d (a new one when d.ID is 0) in a dialog.
func (ss *settingsScreen) onEditDept(d *model.Department) {
	name, contact, phone := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	name.SetText(d.Name)
	contact.SetText(d.Contact)
	phone.SetText(d.Phone)
	ss.form = []*widget.Entry{name, contact, phone}
	title := "编辑责任单位"
	if d.ID == 0 {
		title = "添加责任单位"
	}
	form := widget.NewForm(widget.NewFormItem("单位名称", name), widget.NewFormItem("联系人", contact), widget.NewFormItem("电话", phone))
	ss.lastDialog = newFormDialog(ss.win, title, "保存", sized(form, 420), func() formResult {
		v := *d
		v.Name, _ = model.CleanText(strings.TrimSpace(name.Text), false)
		v.Contact, _ = model.CleanText(strings.TrimSpace(contact.Text), false)
		v.Phone, _ = model.CleanText(strings.TrimSpace(phone.Text), false)
		var err error
		if v.ID == 0 {
			err = ss.store.CreateDepartment(context.Background(), &v)
		} else {
			err = ss.store.UpdateDepartment(context.Background(), &v)
		}
		if err != nil {
			showError(ss.win, "保存责任单位", err)
			return keepOpen
		}
		return closeThen(ss.reload)
	})
}

func (ss *settingsScreen) onDeleteDept(d *model.Department) {
	ss.confirmDelete(fmt.Sprintf("删除责任单位「%s」？已交办给它的案件保留原记录。", d.Name), func() error {
		return ss.store.DeleteDepartment(context.Background(), d.ID)
	})
}

// onEditLeader edits l (a new one when l.ID is 0) in a dialog.
func (ss *settingsScreen) onEditLeader(l *model.Leader) {
	name, pos, order := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	name.SetText(l.Name)
	pos.SetText(l.Position)
	order.SetText(strconv.Itoa(l.Order))
	ss.form = []*widget.Entry{name, pos, order}
	title := "编辑领导"
	if l.ID == 0 {
		title = "添加领导"
	}
	form := widget.NewForm(widget.NewFormItem("姓名", name), widget.NewFormItem("职务", pos), widget.NewFormItem("排序", order))
	ss.lastDialog = newFormDialog(ss.win, title, "保存", sized(form, 420), func() formResult {
		n, err := strconv.Atoi(strings.TrimSpace(toHalfWidth(order.Text)))
		if err != nil {
			showInfo(ss.win, "排序应填整数，如 1、2、3。")
			return keepOpen
		}
		v := *l
		v.Name, _ = model.CleanText(strings.TrimSpace(name.Text), false)
		v.Position, _ = model.CleanText(strings.TrimSpace(pos.Text), false)
		v.Order = n
		if v.ID == 0 {
			err = ss.store.CreateLeader(context.Background(), &v)
		} else {
			err = ss.store.UpdateLeader(context.Background(), &v)
		}
		if err != nil {
			showError(ss.win, "保存领导信息", err)
			return keepOpen
		}
		return closeThen(ss.reload)
	})
}

func (ss *settingsScreen) onDeleteLeader(l *model.Leader) {
	ss.confirmDelete(fmt.Sprintf("删除领导「%s」？", l.Name), func() error {
		return ss.store.DeleteLeader(context.Background(), l.ID)
	})
}

func (ss *settingsScreen) confirmDelete(msg string, del func() error) {
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	ss.lastDialog = newFormDialog(ss.win, "确认删除", "删除", sized(l, 380), func() formResult {
		err := del()
		return closeThen(func() {
			if err != nil {
				showError(ss.win, "删除", err)
			}
			ss.reload()
		})
	})
	ss.lastDialog.danger()
}

// The settings screen has nothing to create, save or find with the keyboard.
func (ss *settingsScreen) onNew()                   {}
func (ss *settingsScreen) onSave()                  {}
func (ss *settingsScreen) onFind()                  {}
func (ss *settingsScreen) confirmLeave(next func()) { next() }
