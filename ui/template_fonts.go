package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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

// fontRow is the font file chosen for one role.
type fontRow struct {
	path    *widget.SelectEntry
	browse  *widget.Button
	builtin *widget.Button
}

// layoutColour builds a layout colour.
func layoutColour(r, g, b int) layout.Colour { return layout.Colour{R: r, G: g, B: b} }

// buildFonts returns a row per role: the file (with this PC's likely fonts
// offered), 选择文件… and 恢复内置.
func (t *templateSection) buildFonts() fyne.CanvasObject {
	form := widget.NewForm()
	for _, r := range fonts.Roles {
		row := &fontRow{path: widget.NewSelectEntry(fonts.SystemCandidates(r))}
		row.path.SetPlaceHolder(roleUse[r] + "；留空使用内置字体")
		row.browse = widget.NewButtonWithIcon("选择文件…", theme.FolderOpenIcon(), func() { t.onBrowse(row) })
		row.builtin = widget.NewButton("恢复内置", func() { row.path.SetText("") })
		t.fontRows[r] = row
		form.Append(string(r), container.NewBorder(nil, nil, nil, container.NewHBox(row.browse, row.builtin), row.path))
	}
	hint := widget.NewLabel("只能用 TrueType 字体（.ttf，或 .ttc 字体集）；.otf 无法嵌入 PDF。缺字时依次用内置字体和本机字体补齐。")
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	return container.NewVBox(form, hint)
}

// onBrowse picks a font file for row.
func (t *templateSection) onBrowse(row *fontRow) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
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
	t.bg.run(func() func() {
		text := fontCheckText(doc, opt)
		return func() { t.checkOut.SetText(text) }
	})
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
