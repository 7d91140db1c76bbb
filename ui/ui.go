// Package ui is the desktop interface of 舆情专报工作台: the main window with its
// left navigation and one screen per file (案件, 会议纪要, 专报, 统计, 通报, 设置).
//
// Every screen is an unexported struct holding its widgets and the store; slow
// work runs through the window's tasks (background.go), which apply its
// results on the UI thread.
package ui

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// Preference keys (a.Preferences()); business data lives in the store.
const (
	prefLastScreen = "ui.lastScreen"
	prefCaseSort   = "ui.cases.sort"
	prefCaseDesc   = "ui.cases.desc"
)

// appTitle is the window title.
const appTitle = "舆情专报工作台"

// Create opens the store at dbPath and shows the main window; version is
// shown in 帮助 → 关于. When the store cannot be opened it shows a window that
// says why, in Chinese, instead of crashing; the file is left as it is.
func Create(a fyne.App, dbPath, version string) {
	addFyneWords()
	limitHeapGrowth()
	a.Settings().SetTheme(newOfficeTheme())
	if askMissingDB(a, dbPath, func() { Create(a, dbPath, version) }) {
		return // it asks in its own window, then calls Create again
	}
	w := a.NewWindow(appTitle)
	w.Resize(fyne.NewSize(1280, 800))
	w.CenterOnScreen()
	s, err := model.Open(dbPath)
	if err != nil {
		fyne.LogError("open store "+dbPath, err)
		page := damagedDBContent(a, w, dbPath, err, func() { Create(a, dbPath, version) })
		if page == nil {
			page = openErrorContent(dbPath, err, a)
		}
		w.SetContent(page.content)
		w.Resize(fyne.NewSize(640, 360))
		w.Show()
		return
	}
	rememberDatabase(a.Preferences(), s)
	sh := newShell(a, w, s, windowTasks())
	sh.version = version
	w.SetContent(sh.buildUI())
	w.SetMainMenu(sh.buildMenu())
	sh.addShortcuts()
	w.SetCloseIntercept(sh.onClose)
	w.Show()
	// The day's backup waits for the window and its first screen: started
	// with them, it held the window back by seconds on a large database.
	startAutoBackup(w, s, a.Preferences(), sh.bg, sh.backupStatus, autoBackupDelay, sh.backupMade)
	// Starting up (cutting the UI font, the first screens) leaves tens of MB
	// of free heap that the runtime would hand back to the system only
	// slowly; once the first screen is drawn, hand it back now.
	sh.bg.later(3*time.Second, func() { go debug.FreeOSMemory() })
}

// limitHeapGrowth makes the garbage collector run at 30 % heap growth instead
// of 100 %, unless GOGC is set. The parsed CJK font alone keeps about 80 MB of
// glyph outlines alive for the whole run (go-text parses the whole glyf
// table), so the default lets the heap grow to some 180 MB before collecting;
// at 30 % the GUI with 100,000 cases stays under 300 MB resident.
func limitHeapGrowth() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(30)
	}
}

// screen is one page of the main window.
type screen interface {
	content() fyne.CanvasObject
	// onNew, onSave and onFind are the Ctrl+N, Ctrl+S and Ctrl+F actions.
	onNew()
	onSave()
	onFind()
	// confirmLeave calls next when the screen may be left: nothing unsaved, or
	// the user chose to save or discard. It does not call next on 取消.
	confirmLeave(next func())
}

// shell is the main window: navigation on the left, the current screen on the right.
type shell struct {
	app     fyne.App
	win     fyne.Window
	store   *model.Store
	version string // shown in 帮助 → 关于
	bg      *tasks // background work of every screen of the window

	cases     *casesScreen
	meetings  *meetingsScreen
	bulletins *bulletinsScreen
	stats     *statsScreen
	periodic  *periodicScreen
	settings  *settingsScreen

	names   []string
	screens map[string]screen
	navBtns map[string]*widget.Button
	current string
	body    *fyne.Container

	lastClose    *formDialog   // the question about long work at closing (tests)
	backupStatus *widget.Label // the automatic backup's status line, below the navigation
}

// Navigation names.
const (
	navCases     = "案件"
	navMeetings  = "会议纪要"
	navBulletins = "专报"
	navStats     = "统计"
	navPeriodic  = "通报"
	navSettings  = "设置"
)

func newShell(a fyne.App, w fyne.Window, s *model.Store, bg *tasks) *shell {
	addFyneWords()
	sh := &shell{app: a, win: w, store: s, bg: bg, navBtns: map[string]*widget.Button{}}
	sh.cases = newCasesScreen(w, s, bg)
	sh.meetings = newMeetingsScreen(w, s, bg)
	sh.bulletins = newBulletinsScreen(w, s, bg)
	sh.stats = newStatsScreen(w, s, bg)
	sh.periodic = newPeriodicScreen(w, s, bg)
	sh.stats.openCases = sh.openCases // a tap on a bar opens its cases
	sh.settings = newSettingsScreen(w, s, bg)
	sh.names = []string{navCases, navMeetings, navBulletins, navStats, navPeriodic, navSettings}
	sh.screens = map[string]screen{navCases: sh.cases, navMeetings: sh.meetings, navBulletins: sh.bulletins,
		navStats: sh.stats, navPeriodic: sh.periodic, navSettings: sh.settings}
	w.SetOnClosed(sh.stop)
	return sh
}

// stop ends the background work when the window goes: the work in flight is
// waited for and its results dropped, so that nothing arrives after the store
// or the app is gone.
func (sh *shell) stop() { sh.bg.close() }

// buildUI lays out the navigation and shows the screen used last time.
func (sh *shell) buildUI() fyne.CanvasObject {
	nav := container.NewVBox()
	for _, name := range sh.names {
		b := widget.NewButton(name, func() { sh.onNavigate(name) })
		b.Alignment = widget.ButtonAlignLeading
		sh.navBtns[name] = b
		nav.Add(b)
	}
	brand := widget.NewLabelWithStyle("舆情专报\n工作台", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	sh.backupStatus = newBackupStatus()
	left := container.NewBorder(container.NewVBox(brand, widget.NewSeparator()), sh.backupStatus, nil, nil, nav)
	sh.body = container.NewStack()
	start := sh.app.Preferences().StringWithFallback(prefLastScreen, navCases)
	if _, ok := sh.screens[start]; !ok {
		start = navCases
	}
	sh.show(start)
	return container.NewBorder(nil, nil, container.NewHBox(left, widget.NewSeparator()), nil, sh.body)
}

// buildMenu returns the main menu. Its shortcuts work even while a text field
// has the focus, which canvas shortcuts do not.
func (sh *shell) buildMenu() *fyne.MainMenu {
	item := func(label string, key fyne.KeyName, f func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, f)
		it.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
		return it
	}
	quit := fyne.NewMenuItem("退出", func() { sh.onClose() })
	quit.IsQuit = true
	file := fyne.NewMenu("文件",
		item("新建", fyne.KeyN, func() { sh.screens[sh.current].onNew() }),
		item("保存", fyne.KeyS, func() { sh.screens[sh.current].onSave() }),
		item("查找", fyne.KeyF, func() { sh.screens[sh.current].onFind() }),
		fyne.NewMenuItemSeparator(),
		item("导出 PDF", fyne.KeyP, sh.onExportPDF),
		fyne.NewMenuItemSeparator(), quit)
	help := fyne.NewMenu("帮助", fyne.NewMenuItem("关于", sh.onAbout))
	return fyne.NewMainMenu(file, help)
}

// addShortcuts registers Ctrl+N, Ctrl+S, Ctrl+F and Ctrl+P on the window
// canvas, for a window without its menu.
func (sh *shell) addShortcuts() {
	add := func(key fyne.KeyName, f func()) {
		sc := &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
		sh.win.Canvas().AddShortcut(sc, func(fyne.Shortcut) { f() })
	}
	add(fyne.KeyN, func() { sh.screens[sh.current].onNew() })
	add(fyne.KeyS, func() { sh.screens[sh.current].onSave() })
	add(fyne.KeyF, func() { sh.screens[sh.current].onFind() })
	add(fyne.KeyP, sh.onExportPDF)
}

// onExportPDF (Ctrl+P) exports the issue open in the 专报 composer; elsewhere
// it says where the command works.
func (sh *shell) onExportPDF() {
	if sh.current == navBulletins && sh.bulletins.editing {
		sh.bulletins.ed.onExport()
		return
	}
	showInfo(sh.win, "导出 PDF 用于专报：请在「专报」中打开一期，再点「导出 PDF」或按 Ctrl+P。")
}

// onAbout shows the program's name, version and data file.
func (sh *shell) onAbout() { showMessage(sh.win, "关于", sh.aboutText()) }

func (sh *shell) aboutText() string {
	v := sh.version
	if v == "" {
		v = "未标注"
	}
	return fmt.Sprintf("%s\n版本：%s\n数据文件：%s\n\n本程序不连接网络，数据只保存在本机。", appTitle, v, sh.store.Path())
}

// onNavigate switches screens, first asking about unsaved edits.
func (sh *shell) onNavigate(name string) {
	if name == sh.current {
		return
	}
	sh.saveLayout()
	sh.screens[sh.current].confirmLeave(func() {
		sh.show(name)
		sh.app.Preferences().SetString(prefLastScreen, name)
	})
}

func (sh *shell) show(name string) {
	sh.current = name
	for n, b := range sh.navBtns {
		if n == name {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.LowImportance
		}
		b.Refresh()
	}
	sh.body.Objects = []fyne.CanvasObject{sh.screens[name].content()}
	sh.body.Refresh()
	if r, ok := sh.screens[name].(interface{ reload() }); ok {
		r.reload()
	}
}

// saveLayout lets the current screen remember its layout (divider positions).
func (sh *shell) saveLayout() {
	if l, ok := sh.screens[sh.current].(interface{ saveLayout() }); ok {
		l.saveLayout()
	}
}

// onClose asks about unsaved edits and about long work still running (an
// import), then stops the background work, closes the store and the window.
func (sh *shell) onClose() {
	sh.saveLayout()
	sh.screens[sh.current].confirmLeave(func() {
		if what := sh.bg.longWork(); what != "" {
			sh.lastClose = newFormDialog(sh.win, "正在"+what, "停止并退出",
				sized(wrapLabel(fmt.Sprintf("%s还没有完成。现在退出会停止%s，已读的内容不会写入数据库，可以稍后重新%s。", what, what, what)), 420),
				func() formResult { return closeThen(sh.quit) })
			sh.lastClose.cancel.SetText("继续等待")
			return
		}
		sh.quit()
	})
}

// quit stops the background work, closes the store and the window.
func (sh *shell) quit() {
	sh.stop()
	if err := sh.store.Close(); err != nil {
		fyne.LogError("close store", err)
	}
	sh.win.Close()
}

// showError reports err once: a user's mistake (a *model.Error that is not
// internal) in an information dialog saying what to do, anything else logged and
// shown as an error.
func showError(w fyne.Window, what string, err error) {
	if err == nil || err == context.Canceled {
		return
	}
	if code := model.ErrorCode(err); code != model.EINTERNAL {
		showInfo(w, model.ErrorMessage(err))
		return
	}
	fyne.LogError(what, err)
	showMessage(w, "出错了", fmt.Sprintf("%s失败：%s", what, model.ErrorMessage(err)))
}

// showInfo shows a short information dialog.
func showInfo(w fyne.Window, msg string) { showMessage(w, "提示", msg) }

// showMessage shows msg with a 确定 button, which Enter presses. Fyne's own
// information and error dialogs take their button text from the system
// language, which may not be Chinese on an office PC.
func showMessage(w fyne.Window, title, msg string) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, widget.NewLabel(hardWrap(msg, 32)), w)
	ok := newDefaultButton("确定", d.Hide)
	ok.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{ok})
	d.Show()
	w.Canvas().Focus(ok)
	return d
}

// hardWrap breaks lines wider than n Chinese characters (a Latin letter or
// digit counts half), so that a dialog gets its height right (a wrapping
// label inside a dialog has no width to wrap at yet). It does not break
// inside a date, a number, a case number or a file name, and a line does not
// start with closing punctuation (避头尾).
func hardWrap(s string, n int) string {
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		width := 0
		for _, u := range wrapUnits(line) {
			w := textWidth(u)
			if width > 0 && width+w > 2*n && !(len([]rune(u)) == 1 && strings.Contains(noLineStart, u)) {
				b.WriteByte('\n')
				width = 0
			}
			for width+w > 2*n && len(u) > 1 { // a token wider than a line
				k := fitRunes(u, 2*n-width)
				b.WriteString(u[:k] + "\n")
				u, width, w = u[k:], 0, textWidth(u[k:])
			}
			b.WriteString(u)
			width += w
		}
	}
	return b.String()
}

// wrapUnits splits a line into what hardWrap keeps together: runs of Latin
// letters, digits and the punctuation of dates, numbers and paths, and single
// other characters.
func wrapUnits(line string) []string {
	var out []string
	start := -1
	for i, r := range line {
		if r < 0x80 && r != ' ' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, line[start:i])
			start = -1
		}
		out = append(out, string(r))
	}
	if start >= 0 {
		out = append(out, line[start:])
	}
	return out
}

// textWidth is the width of s in half Chinese characters.
func textWidth(s string) int {
	w := 0
	for _, r := range s {
		if r < 0x80 {
			w++
		} else {
			w += 2
		}
	}
	return w
}

// fitRunes returns how many bytes of s fit in width half characters (at least one rune).
func fitRunes(s string, width int) int {
	w := 0
	for i, r := range s {
		rw := 1
		if r >= 0x80 {
			rw = 2
		}
		if w+rw > width && i > 0 {
			return i
		}
		w += rw
	}
	return len(s)
}
