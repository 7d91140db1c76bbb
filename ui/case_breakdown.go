package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// breakdownFilter is the case list's filter by 领域, 诉求类型, 涉及地域 or
// 风险等级, and by 交办 before a day (a department's row as at a period's
// end). The list has no choice boxes for them: it is set by a row or a
// bar of the 统计 screen, and shown above the list as a line
// 另按 领域：城建 with a button that drops it, so that the list never
// filters by something the user cannot see.
type breakdownFilter struct {
	by       model.CaseFilter // Domain, Kind, Area and Risk only
	label    *widget.Label
	clearBtn *widget.Button
	box      *fyne.Container
}

func newBreakdownFilter(changed func()) *breakdownFilter {
	b := &breakdownFilter{label: widget.NewLabel("")}
	b.label.Truncation = fyne.TextTruncateEllipsis
	b.clearBtn = widget.NewButtonWithIcon("不按此条件", theme.CancelIcon(), func() {
		b.set(model.CaseFilter{})
		changed()
	})
	b.clearBtn.Importance = widget.LowImportance
	b.box = container.NewBorder(nil, nil, nil, b.clearBtn, b.label)
	b.box.Hide()
	return b
}

// set takes the 领域, 诉求类型, 涉及地域 and 风险等级 of f (the others are
// the list's own widgets) and shows them, or hides the line when none.
func (b *breakdownFilter) set(f model.CaseFilter) {
	b.by = model.CaseFilter{Domain: f.Domain, Kind: f.Kind, Area: f.Area, Risk: f.Risk, AssignedBefore: f.AssignedBefore}
	b.label.SetText(b.text())
	if b.label.Text == "" {
		b.box.Hide()
	} else {
		b.box.Show()
	}
}

// apply adds the filter to f.
func (b *breakdownFilter) apply(f *model.CaseFilter) {
	f.Domain, f.Kind, f.Area, f.Risk = b.by.Domain, b.by.Kind, b.by.Area, b.by.Risk
	f.AssignedBefore = b.by.AssignedBefore
}

// text is 另按 领域：城建、风险等级：较大 (or 另按 截至 2026-11-30 已交办), or ""
// when there is no such filter.
func (b *breakdownFilter) text() string {
	var parts []string
	if t := b.by.AssignedBefore; !t.IsZero() {
		parts = append(parts, "截至 "+t.AddDate(0, 0, -1).Format(model.DateLayout)+" 已交办")
	}
	for _, p := range [][2]string{{"领域", b.by.Domain}, {"诉求类型", b.by.Kind}, {"涉及地域", b.by.Area}, {"风险等级", b.by.Risk}} {
		if p[1] != "" {
			parts = append(parts, p[0]+"："+p[1])
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "另按 " + strings.Join(parts, "、")
}
