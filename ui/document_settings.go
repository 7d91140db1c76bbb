package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// documentSettings is the 设置 tab of the office's other documents: the
// 会议纪要 (mark, unit line, 抄送, 印发单位, red or black) and the 交办单,
// 催办单 and 批示抄清 (titles, 交办单位 and contact, 办理要求, red or black,
// 四号 values, 回执).
type documentSettings struct {
	win   fyne.Window
	store *model.Store
	bg    *tasks

	entries map[string]*widget.Entry // by setting key
	checks  map[string]*widget.Check // by setting key: checked = "1"
	saveBtn *widget.Button
	status  *widget.Label
}

func newDocumentSettings(w fyne.Window, s *model.Store, bg *tasks) *documentSettings {
	return &documentSettings{win: w, store: s, bg: bg, entries: map[string]*widget.Entry{}, checks: map[string]*widget.Check{}}
}

func (d *documentSettings) entry(key, hint string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(hint)
	d.entries[key] = e
	return e
}

func (d *documentSettings) check(key, label string) *widget.Check {
	c := widget.NewCheck(label, nil)
	d.checks[key] = c
	return c
}

func (d *documentSettings) buildUI() fyne.CanvasObject {
	req := multiLine(2)
	req.SetPlaceHolder(model.DefaultRequirement)
	d.entries[model.SettingNoticeRequirement] = req
	minutes := widget.NewForm(
		widget.NewFormItem("纪要标志", d.entry(model.SettingMinutesMark, "网络舆情工作会议纪要")),
		widget.NewFormItem("标志字号（磅）", fixedWidth(d.entry(model.SettingMinutesMarkSize, "22"), 120)),
		widget.NewFormItem("单位行", d.entry(model.SettingMinutesUnit, "留空用专报的编印单位")),
		widget.NewFormItem("抄送", d.entry(model.SettingMinutesCopyTo, "如：县委办公室、县政府办公室")),
		widget.NewFormItem("印发单位", d.entry(model.SettingMinutesIssuer, "留空用专报的编印单位")),
		widget.NewFormItem("", d.check(model.SettingMinutesBlack, "纪要标志和红线印黑色")),
	)
	notices := widget.NewForm(
		widget.NewFormItem("交办单标题", d.entry(model.SettingNoticeTitle, "网络舆情交办单")),
		widget.NewFormItem("催办单标题", d.entry(model.SettingReminderTitle, "网络舆情催办单")),
		widget.NewFormItem("抄清标题", d.entry(model.SettingInstructionTitle, "领导批示抄清")),
		widget.NewFormItem("交办单位", d.entry(model.SettingNoticeUnit, "留空用专报的编印单位")),
		widget.NewFormItem("联系人及电话", d.entry(model.SettingNoticeContact, "如：王某 0311-1234567")),
		widget.NewFormItem("办理要求", req),
		widget.NewFormItem("", d.check(model.SettingNoticeBlack, "标题印黑色（不选为红色）")),
		widget.NewFormItem("", d.check(model.SettingNoticeSmall, "表格内容用四号字（默认三号）")),
		widget.NewFormItem("", d.check(model.SettingNoticeReceipt, "交办单附回执")),
	)
	d.saveBtn = widget.NewButtonWithIcon("保存文书设置", theme.DocumentSaveIcon(), d.onSave)
	d.saveBtn.Importance = widget.HighImportance
	d.status = widget.NewLabel("")
	d.status.Importance = widget.LowImportance
	hint := wrapLabel("字体、行距和页码与专报相同（见「专报模板与字体」）。标题留空时印默认标题；单位行、印发单位和交办单位留空时用专报的编印单位。")
	hint.Importance = widget.LowImportance
	body := container.NewVBox(hint, sectionHead("会议纪要"), minutes, widget.NewSeparator(),
		sectionHead("交办单、催办单、批示抄清"), notices, container.NewHBox(d.saveBtn, d.status))
	d.load()
	return container.NewVScroll(container.NewPadded(body))
}

// load reads the settings in the background and shows them.
func (d *documentSettings) load() {
	d.bg.run(func() func() {
		kv, err := d.store.FindSettings(context.Background())
		return func() {
			if err != nil {
				showError(d.win, "读取文书设置", err)
				return
			}
			for k, e := range d.entries {
				e.SetText(kv[k])
			}
			for k, c := range d.checks {
				c.SetChecked(kv[k] == "1")
			}
		}
	})
}

// values returns the form as settings.
func (d *documentSettings) values() map[string]string {
	kv := map[string]string{}
	for k, e := range d.entries {
		multi := k == model.SettingNoticeRequirement
		v, _ := model.CleanText(e.Text, multi)
		kv[k] = strings.TrimSpace(v)
	}
	for k, c := range d.checks {
		kv[k] = "0"
		if c.Checked {
			kv[k] = "1"
		}
	}
	return kv
}

// onSave writes the settings in the background; a mark size out of range
// is refused with a message.
func (d *documentSettings) onSave() {
	kv := d.values()
	if v := toHalfWidth(kv[model.SettingMinutesMarkSize]); v != "" {
		n, err := strconv.ParseFloat(v, 64)
		if err != nil || n < 16 || n > 60 {
			showInfo(d.win, "纪要标志字号应为 16 到 60 之间的磅数，如 22；留空为 22。")
			return
		}
		kv[model.SettingMinutesMarkSize] = v
	}
	d.bg.run(func() func() {
		err := d.store.SetSettings(context.Background(), kv)
		return func() {
			if err != nil {
				showError(d.win, "保存文书设置", err)
				return
			}
			d.status.SetText("已保存，打印纪要、交办单、催办单和批示抄清时使用。")
		}
	})
}
