package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/export"
	"bulletin/export/fonts"
	"bulletin/export/layout"
	"bulletin/model"
)

// roleUse says what each font role prints, for the settings screen.
var roleUse = map[fonts.Role]string{
	fonts.RoleXiaobiaosong: "刊名、标题",
	fonts.RoleFangsong:     "正文、报尾",
	fonts.RoleHeiti:        "一级标题、密级标注",
	fonts.RoleKaiti:        "二级标题、期号、编者按",
	fonts.RoleSongti:       "页码",
}

// noBulletin is the check's choice of no bulletin (fonts only).
const noBulletin = "（只检查字体文件）"

// fontRow is the font file chosen for one role, and the file it prints with.
type fontRow struct {
	role   fonts.Role
	path   *widget.SelectEntry
	browse *widget.Button
	auto   *widget.Button
	inUse  *widget.Label // 在用：the file the role prints with under path
}

// layoutColour builds a layout colour.
func layoutColour(r, g, b int) layout.Colour { return layout.Colour{R: r, G: g, B: b} }

// buildFonts returns a row per role: the file (with this PC's likely fonts
// and 内置 offered), 选择文件… and 自动, and under it the file in use.
func (t *templateSection) buildFonts() fyne.CanvasObject {
	form := widget.NewForm()
	for _, r := range fonts.Roles {
		row := &fontRow{role: r, path: widget.NewSelectEntry(append(fonts.SystemCandidates(r), fonts.Builtin))}
		row.path.SetPlaceHolder(roleUse[r] + "；留空自动选用")
		row.browse = widget.NewButtonWithIcon("选择文件…", theme.FolderOpenIcon(), func() { t.onBrowse(row) })
		row.auto = widget.NewButton("自动", func() { row.path.SetText("") })
		row.inUse = widget.NewLabel("")
		row.inUse.Importance = widget.LowImportance
		row.inUse.Truncation = fyne.TextTruncateEllipsis
		row.path.OnChanged = func(string) { t.showInUse(row) }
		t.fontRows[r] = row
		line := container.NewBorder(nil, nil, nil, container.NewHBox(row.browse, row.auto), row.path)
		form.Append(string(r), container.NewVBox(line, row.inUse))
	}
	hint := widget.NewLabel("留空时，本机装有公文常用字体（仿宋 simfang.ttf、楷体 simkai.ttf、黑体 simhei.ttf、宋体 simsun.ttc、方正小标宋）就用它，" +
		"否则用内置字体；选「内置」总用内置字体。只能用 TrueType 字体（.ttf，或 .ttc 字体集）；.otf 无法嵌入 PDF。缺字时依次用内置字体和本机字体补齐。")
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	return container.NewVBox(form, hint)
}

// showInUse says, under the row, which file the role prints with as the
// row reads now. The answer is worked out in the background (loading a font
// file checks it whole) and dropped when the row changed meanwhile.
func (t *templateSection) showInUse(row *fontRow) {
	value := strings.TrimSpace(row.path.Text)
	t.bg.run(func() func() {
		text := fontInUse(row.role, value)
		return func() {
			if strings.TrimSpace(row.path.Text) == value {
				row.inUse.SetText(text)
			}
		}
	})
}

// fontInUse describes the file role prints with when its setting is value.
func fontInUse(role fonts.Role, value string) string {
	switch value {
	case fonts.Builtin:
		return "在用：" + fonts.Embedded(role).Name
	case "":
		if p := fonts.RoleDefault(role); p != "" {
			return "在用：" + filepath.Base(p) + "（本机字体，自动选用，在 " + filepath.Dir(p) + "）"
		}
		return "在用：" + fonts.Embedded(role).Name + "（本机没有公文常用的" + string(role) + "字体）"
	}
	if _, err := fonts.Load(value); err != nil {
		return "无法使用：" + err.Error()
	}
	return "在用：" + filepath.Base(value) + "（本机文件，在 " + filepath.Dir(value) + "）"
}

// onBrowse picks a font file for row.
func (t *templateSection) onBrowse(row *fontRow) {
	d := newFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(t.win, "选择字体文件", err)
			return
		}
		if r == nil {
			return
		}
		r.Close()
		path := r.URI().Path()
		if _, err := fonts.Load(path); err != nil {
			showInfo(t.win, err.Error())
			return
		}
		row.path.SetText(path)
	}, t.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".ttf", ".ttc", ".TTF", ".TTC"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// buildCheck returns the font check: a bulletin to check and the result.
func (t *templateSection) buildCheck() fyne.CanvasObject {
	t.checkOf = widget.NewSelect([]string{noBulletin}, nil)
	t.checkOf.PlaceHolder = "请选择"
	t.checkOf.SetSelectedIndex(0)
	t.checkBtn = widget.NewButtonWithIcon("检查", theme.SearchIcon(), t.onCheck)
	t.checkOut = widget.NewLabel("按上面填写的字体（不必先保存），列出各部分实际使用的字体文件，以及所选一期中无法打印的字符。")
	t.checkOut.Wrapping = fyne.TextWrapWord
	t.reloadBulletins()
	return container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("检查哪一期"), t.checkBtn, t.checkOf), t.checkOut)
}

// reloadBulletins offers the issues to check, newest first (chosen).
func (t *templateSection) reloadBulletins() {
	bs, err := t.store.FindBulletins(context.Background(), model.BulletinFilter{Limit: 50})
	if err != nil {
		fyne.LogError("find bulletins", err)
		return
	}
	var chosen int64
	if i := t.checkOf.SelectedIndex(); i > 0 && i-1 < len(t.bulletins) {
		chosen = t.bulletins[i-1].ID
	}
	t.bulletins = bs
	opts := []string{noBulletin}
	for _, b := range bs {
		opts = append(opts, fmt.Sprintf("%d年第%d期　%s", b.Year, b.Number, truncate(oneLine(b.Title), 24)))
	}
	t.checkOf.SetOptions(opts)
	switch {
	case chosen != 0:
		for i, b := range bs {
			if b.ID == chosen {
				t.checkOf.SetSelectedIndex(i + 1)
			}
		}
	case len(bs) > 0:
		t.checkOf.SetSelectedIndex(1)
	}
}

// onCheck checks the fonts of the form on the chosen bulletin in the
// background and shows which file each role uses and what cannot print.
func (t *templateSection) onCheck() {
	kv, err := t.values()
	if err != nil {
		t.checkOut.SetText(model.ErrorMessage(err))
		return
	}
	opt, err := export.OptionsFromSettings(kv)
	if err != nil {
		t.checkOut.SetText(model.ErrorMessage(err))
		return
	}
	t.reloadBulletins()
	var doc *export.Document
	if i := t.checkOf.SelectedIndex(); i > 0 && i-1 < len(t.bulletins) {
		b, err := t.store.FindBulletinByID(context.Background(), t.bulletins[i-1].ID)
		if err != nil {
			showError(t.win, "读取专报", err)
			return
		}
		doc = export.DocumentFromBulletin(b)
	}
	t.checkOut.SetText("正在检查……")
	t.showCheckOut()
	t.bg.run(func() func() {
		text := fontCheckText(doc, opt)
		return func() {
			t.checkOut.SetText(text)
			t.showCheckOut()
		}
	})
}

// showCheckOut scrolls the section so that the check's result is in view: it
// sits below the fold at 1280×800, where a press of 检查 seemed to do nothing.
func (t *templateSection) showCheckOut() {
	if t.scroll == nil || t.scroll.Content == nil {
		return
	}
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(t.checkOut).Y - d.AbsolutePositionForObject(t.scroll.Content).Y
	bottom := y + t.checkOut.MinSize().Height
	if off := t.scroll.Offset.Y; y >= off && bottom <= off+t.scroll.Size().Height {
		return // already in view
	}
	t.scroll.Offset.Y = max(0, min(y-40, t.scroll.Content.MinSize().Height-t.scroll.Size().Height))
	t.scroll.Refresh()
}

// fontCheckText is the result of the font check in Chinese.
func fontCheckText(doc *export.Document, opt export.Options) string {
	var b strings.Builder
	var pf *export.Preflight
	var err error
	if doc != nil && doc.Validate() == nil {
		pf, err = export.CheckDocument(doc, opt)
	} else {
		var rf []export.RoleFont
		rf, err = export.CheckFonts(opt)
		pf = &export.Preflight{Fonts: rf}
	}
	if err != nil {
		return model.ErrorMessage(err)
	}
	for _, f := range pf.Fonts {
		fmt.Fprintf(&b, "%s（%s）：%s\n", f.Role, roleUse[f.Role], f.Describe())
	}
	switch {
	case doc == nil:
	case doc.Validate() != nil:
		b.WriteString("\n所选一期还没有标题或正文，无法检查其中的字符。")
	case pf.Warnings() == "":
		b.WriteString("\n所选一期的全部字符都能用上述字体打印：没有缺字，也没有用到本机的其他字体。")
	default:
		b.WriteString("\n" + pf.Warnings())
	}
	return strings.TrimRight(b.String(), "\n")
}
