package ui

import (
	"context"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/export"
	"bulletin/export/fonts"
	"bulletin/model"
)

// pitchChoices are the line pitches offered, with export.LinePitches.
var pitchChoices = []string{"默认（225/22 毫米，约 28.95 磅）", "28 磅", "28.95 磅", "29 磅", "29.45 磅"}

// templateSection is the 专报模板 part of 设置: the defaults of a new issue,
// the layout settings and the font of each role, with a font check. Its
// values are the model's settings (model.Setting*), so that the GUI and
// `bulletin export` typeset alike.
type templateSection struct {
	win   fyne.Window
	store *model.Store

	name, unit, bao, song, fa   *widget.Entry
	copies, signer, editor, red *widget.Entry
	marking                     *widget.SelectEntry
	cover, pageNumbers, duplex  *widget.Check
	pitch                       *widget.Select
	swatch                      *canvas.Rectangle
	fontRows                    map[fonts.Role]*fontRow
	saveBtn, checkBtn, pickRed  *widget.Button
	checkOf                     *widget.Select
	checkOut                    *widget.Label
	scroll                      *container.Scroll // the whole section, scrolled to the check's result
	status                      *widget.Label
	bulletins                   []*model.Bulletin
	bg                          *tasks
}

func newTemplateSection(w fyne.Window, s *model.Store, bg *tasks) *templateSection {
	return &templateSection{win: w, store: s, bg: bg, fontRows: map[fonts.Role]*fontRow{}}
}

func (t *templateSection) buildUI() fyne.CanvasObject {
	t.name, t.unit, t.bao, t.song, t.fa = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	t.copies, t.signer, t.editor, t.red = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	t.marking = widget.NewSelectEntry([]string{model.DefaultMarking, "内部资料", "内部资料 严禁外传"})
	t.marking.SetPlaceHolder("不标注留空")
	t.cover = widget.NewCheck("新的一期默认加印阅批单", nil)
	t.pageNumbers = widget.NewCheck("印页码", nil)
	t.duplex = widget.NewCheck("双面印刷（报尾排在最后一个偶数页，阅批单背面留空）", nil)
	t.pitch = widget.NewSelect(pitchChoices, nil)
	t.pitch.PlaceHolder = "请选择"
	t.swatch = canvas.NewRectangle(color.NRGBA{R: 255, A: 255})
	t.swatch.SetMinSize(fyne.NewSize(32, 24))
	t.red.SetPlaceHolder("#FF0000")
	t.red.OnChanged = func(string) { t.showSwatch() }
	t.pickRed = widget.NewButtonWithIcon("选择颜色…", theme.ColorPaletteIcon(), t.onPickRed)
	t.saveBtn = widget.NewButtonWithIcon("保存模板设置", theme.DocumentSaveIcon(), t.onSave)
	t.saveBtn.Importance = widget.HighImportance
	t.status = widget.NewLabel("")
	t.status.Importance = widget.LowImportance

	defaults := widget.NewForm(
		widget.NewFormItem("刊名", t.name), widget.NewFormItem("编印单位", t.unit),
		widget.NewFormItem("密级标注", t.marking),
		widget.NewFormItem("报", t.bao), widget.NewFormItem("送", t.song), widget.NewFormItem("发", t.fa),
		widget.NewFormItem("印数", fixedWidth(t.copies, 80)),
		widget.NewFormItem("签发", t.signer), widget.NewFormItem("编辑", t.editor),
		widget.NewFormItem("", t.cover),
	)
	layoutForm := widget.NewForm(
		widget.NewFormItem("行距", t.pitch),
		widget.NewFormItem("报头红色", container.NewHBox(fixedWidth(t.red, 120), t.swatch, t.pickRed)),
		widget.NewFormItem("", t.pageNumbers),
		widget.NewFormItem("", t.duplex),
	)
	left := container.NewVBox(sectionHead("新的一期默认填写"), defaults, widget.NewSeparator(),
		sectionHead("版式"), layoutForm)
	right := container.NewVBox(sectionHead("各部分字体"), t.buildFonts(), widget.NewSeparator(),
		sectionHead("字体检查"), t.buildCheck())
	cols := container.NewGridWithColumns(2, container.NewPadded(left), container.NewPadded(right))
	t.load()
	t.scroll = container.NewVScroll(cols)
	return container.NewBorder(nil, container.NewHBox(t.saveBtn, t.status), nil, nil, t.scroll)
}

// load fills the form from the stored settings.
func (t *templateSection) load() {
	kv, err := t.store.FindSettings(context.Background())
	if err != nil {
		showError(t.win, "读取模板设置", err)
		return
	}
	t.name.SetText(kv[model.SettingName])
	t.unit.SetText(kv[model.SettingUnit])
	t.marking.SetText(kv[model.SettingMarking])
	t.bao.SetText(kv[model.SettingBao])
	t.song.SetText(kv[model.SettingSong])
	t.fa.SetText(kv[model.SettingFa])
	t.copies.SetText(kv[model.SettingCopies])
	t.signer.SetText(kv[model.SettingSigner])
	t.editor.SetText(kv[model.SettingEditor])
	t.cover.SetChecked(kv[model.SettingCover] != "0")
	t.pageNumbers.SetChecked(kv[model.SettingPageNumbers] != "0")
	t.duplex.SetChecked(kv[model.SettingDuplex] != "0")
	t.pitch.SetSelectedIndex(0)
	if p, err := strconv.ParseFloat(kv[model.SettingLinePitch], 64); err == nil {
		for i, v := range export.LinePitches {
			if v == p {
				t.pitch.SetSelectedIndex(i)
			}
		}
	}
	red := kv[model.SettingRed]
	if red == "" {
		red = "#FF0000"
	}
	t.red.SetText(red)
	for _, r := range fonts.Roles {
		t.fontRows[r].path.SetText(kv[model.SettingFontPrefix+string(r)])
		t.showInUse(t.fontRows[r])
	}
}

// values returns the settings as the form has them, or a Chinese error for
// a bad number, colour or font file.
func (t *templateSection) values() (map[string]string, error) {
	copies := strings.TrimSpace(toHalfWidth(t.copies.Text))
	if n, err := strconv.Atoi(copies); copies != "" && (err != nil || n < 0) {
		return nil, model.Errorf(model.EINVALID, "印数应为整数，如 20")
	}
	c, err := export.ParseColour(toHalfWidth(t.red.Text))
	if err != nil {
		return nil, err
	}
	pitch := ""
	if i := t.pitch.SelectedIndex(); i > 0 {
		pitch = strconv.FormatFloat(export.LinePitches[i], 'f', -1, 64)
	}
	clean := func(s string) string { s, _ = model.CleanText(strings.TrimSpace(s), false); return s }
	kv := map[string]string{
		model.SettingName: clean(t.name.Text), model.SettingUnit: clean(t.unit.Text),
		model.SettingMarking: clean(t.marking.Text), model.SettingBao: clean(t.bao.Text),
		model.SettingSong: clean(t.song.Text), model.SettingFa: clean(t.fa.Text), model.SettingCopies: copies,
		model.SettingSigner: clean(t.signer.Text), model.SettingEditor: clean(t.editor.Text),
		model.SettingCover: boolSetting(t.cover.Checked), model.SettingPageNumbers: boolSetting(t.pageNumbers.Checked),
		model.SettingLinePitch: pitch, model.SettingRed: export.FormatColour(c),
		model.SettingDuplex: boolSetting(t.duplex.Checked),
	}
	for _, r := range fonts.Roles {
		p := strings.TrimSpace(t.fontRows[r].path.Text)
		if p != "" && p != fonts.Builtin {
			if _, err := fonts.Load(p); err != nil {
				return nil, model.Errorf(model.EINVALID, "%s字体：%v", r, err)
			}
		}
		kv[model.SettingFontPrefix+string(r)] = p
	}
	return kv, nil
}

// boolSetting writes a flag as the settings store it.
func boolSetting(on bool) string {
	if on {
		return "1"
	}
	return "0"
}

// onSave checks and stores the form.
func (t *templateSection) onSave() {
	kv, err := t.values()
	if err != nil {
		showError(t.win, "保存模板设置", err)
		return
	}
	if err := t.store.SetSettings(context.Background(), kv); err != nil {
		showError(t.win, "保存模板设置", err)
		return
	}
	t.status.SetText("模板设置已保存，新建和导出专报时使用。")
}

// showSwatch paints the colour typed, when it is one.
func (t *templateSection) showSwatch() {
	c, err := export.ParseColour(toHalfWidth(t.red.Text))
	if err != nil {
		return
	}
	t.swatch.FillColor = color.NRGBA{R: uint8(c.R), G: uint8(c.G), B: uint8(c.B), A: 255}
	t.swatch.Refresh()
}

// onPickRed chooses the red with Fyne's colour picker.
func (t *templateSection) onPickRed() {
	d := dialog.NewColorPicker("报头红色", "选择报头（刊名和红线）的颜色", func(c color.Color) {
		r, g, b, _ := c.RGBA()
		t.red.SetText(export.FormatColour(layoutColour(int(r>>8), int(g>>8), int(b>>8))))
	}, t.win)
	d.Advanced = true
	d.Show()
}
