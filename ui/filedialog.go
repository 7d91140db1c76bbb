package ui

import (
	"encoding/json"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	_ "bulletin/ui/fynelocale" // Fyne reads Chinese from the environment (Linux)
)

// The program speaks Chinese whatever the system language. Fyne's own widgets
// (the file dialog, an entry's context menu, Yes/No questions) take their words
// from its lang package, which follows the system language and whose Chinese
// has 不 for No and a title 保存 文件; some words (Home, Computer, Overwrite?)
// do not go through lang at all. Every file dialog of the program is made here,
// by newFileOpen, newFileSave and newFolderOpen, which set our title and
// buttons and put the remaining words into Chinese when the dialog is shown.

// fyneWords are our words for the keys Fyne looks up with lang.L and lang.X.
var fyneWords = map[string]string{
	"OK": "确定", "Cancel": "取消", "Yes": "是", "No": "否", "Confirm": "确定", "Error": "出错了",
	"Open": "打开", "Save": "保存", "File": "文件", "Folder": "文件夹", "Quit": "退出",
	"Enter filename": "输入文件名", "New Folder": "新建文件夹", "Create Folder": "新建",
	"Show Hidden Files": "显示隐藏的文件", "Favourites": "常用位置", "Advanced": "高级",
	"file.name": "名称", "file.parent": "上一级",
	"Cut": "剪切", "Copy": "复制", "Paste": "粘贴", "Select all": "全选", "Undo": "撤销", "Redo": "重做",
	"monday": "星期一", "tuesday": "星期二", "wednesday": "星期三", "thursday": "星期四",
	"friday": "星期五", "saturday": "星期六", "sunday": "星期日",
	"monday.short": "一", "tuesday.short": "二", "wednesday.short": "三", "thursday.short": "四",
	"friday.short": "五", "saturday.short": "六", "sunday.short": "日",
}

// fyneLocales are the languages Fyne 2.7 ships translations for; a system
// language Fyne does not know gets its first, English. Our words are added to
// each of them, so that whichever Fyne picks reads Chinese.
var fyneLocales = []fyne.Locale{"en", "cs", "de", "el", "es", "fr", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

// addFyneWords gives Fyne our words, once, when the first window is made:
// not in an init, which every command line run would pay for (about 4 ms
// before main, as much as the rest of bulletin version).
var addFyneWords = sync.OnceFunc(func() {
	data, err := json.Marshal(fyneWords)
	if err == nil {
		for _, l := range fyneLocales {
			if err = lang.AddTranslationsForLocale(data, l); err != nil {
				break
			}
		}
	}
	if err != nil {
		fyne.LogError("add Chinese words for Fyne", err)
	}
})

// dialogWords translates the words Fyne's file dialog shows without lang.
var dialogWords = map[string]string{
	"Home": "主文件夹", "Computer": "计算机", "App Files": "程序文件",
	"Desktop": "桌面", "Documents": "文档", "Downloads": "下载", "Music": "音乐",
	"Pictures": "图片", "Videos": "视频", "Movies": "影片",
	"Cannot overwrite":         "无法保存",
	"Folder cannot be created": "无法新建文件夹",
	"Files cannot replace a directory,\ncheck the file name and try again": "已有同名的文件夹，文件不能替换它。\n请换一个文件名。",
	"Overwrite?": "覆盖文件",
}

// overwritePrefix starts Fyne's question before it replaces a file.
const overwritePrefix = "Are you sure you want to overwrite the file\n"

// translateWord returns our words for s, or s.
func translateWord(s string) string {
	if t, ok := dialogWords[s]; ok {
		return t
	}
	if name, ok := strings.CutPrefix(s, overwritePrefix); ok {
		return "已有文件“" + strings.TrimSuffix(name, "?") + "”，要替换它吗？"
	}
	return s
}

// fileDialog is a Fyne file dialog in our words.
type fileDialog struct {
	*dialog.FileDialog
	win   fyne.Window
	words *dialogTranslator
}

// newFileOpen is dialog.NewFileOpen in Chinese.
func newFileOpen(callback func(fyne.URIReadCloser, error), w fyne.Window) *fileDialog {
	return newFileDialog(dialog.NewFileOpen(callback, w), w, "打开文件", "打开")
}

// newFileSave is dialog.NewFileSave in Chinese; an existing file is replaced
// only after 是 in our question.
func newFileSave(callback func(fyne.URIWriteCloser, error), w fyne.Window) *fileDialog {
	return newFileDialog(dialog.NewFileSave(callback, w), w, "保存文件", "保存")
}

// newFolderOpen is dialog.NewFolderOpen in Chinese.
func newFolderOpen(callback func(fyne.ListableURI, error), w fyne.Window) *fileDialog {
	return newFileDialog(dialog.NewFolderOpen(callback, w), w, "选择文件夹", "选择")
}

func newFileDialog(d *dialog.FileDialog, w fyne.Window, title, confirm string) *fileDialog {
	addFyneWords()
	d.SetTitleText(title)
	d.SetConfirmText(confirm)
	d.SetDismissText("取消")
	return &fileDialog{FileDialog: d, win: w, words: &dialogTranslator{c: w.Canvas(), done: map[fyne.CanvasObject]bool{}}}
}

// Show shows the dialog and puts the words Fyne built it with into Chinese.
func (d *fileDialog) Show() {
	n := len(d.win.Canvas().Overlays().List())
	d.FileDialog.Show()
	d.words.newOverlays(n)
}

// dialogTranslator puts the words of Fyne's dialogs on one canvas into
// Chinese: those of the file dialog, and of the dialogs its buttons open (the
// question before a file is replaced, the new-folder form and its error).
type dialogTranslator struct {
	c    fyne.Canvas
	done map[fyne.CanvasObject]bool // buttons hooked and lists wrapped
}

// newOverlays translates the overlays above the first n.
func (t *dialogTranslator) newOverlays(n int) {
	list := t.c.Overlays().List()
	for i := n; i < len(list); i++ {
		t.walk(list[i])
	}
}

// walk translates o and what it holds, reaching through Fyne's exported
// fields (containers, pop-ups, scrolls, splits), and hooks every button so
// that the dialogs it opens are translated too.
func (t *dialogTranslator) walk(o fyne.CanvasObject) {
	switch o := o.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			t.walk(c)
		}
	case *widget.PopUp:
		t.walk(o.Content)
	case *container.Scroll:
		t.walk(o.Content)
	case *container.Split:
		t.walk(o.Leading)
		t.walk(o.Trailing)
	case *widget.Label:
		if s := translateWord(o.Text); s != o.Text {
			o.SetText(s)
		}
	case *widget.Button:
		if s := translateWord(o.Text); s != o.Text {
			o.SetText(s)
		}
		t.hook(o)
	case *widget.List:
		t.translateItems(o)
	}
}

// hook makes b translate the dialogs it opens.
func (t *dialogTranslator) hook(b *widget.Button) {
	if t.done[b] || b.OnTapped == nil {
		return
	}
	t.done[b] = true
	tapped := b.OnTapped
	b.OnTapped = func() {
		n := len(t.c.Overlays().List())
		tapped()
		t.newOverlays(n)
	}
}

// translateItems makes a list (the dialog's places: Home, Computer, …)
// translate its rows each time it fills one.
func (t *dialogTranslator) translateItems(l *widget.List) {
	if t.done[l] || l.UpdateItem == nil {
		return
	}
	t.done[l] = true
	update := l.UpdateItem
	l.UpdateItem = func(id widget.ListItemID, item fyne.CanvasObject) {
		update(id, item)
		t.walk(item)
	}
	l.Refresh()
}
