package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// periodPicker chooses the period of a 通报 or of the 统计 screen: the kind
// (周报, 月报, 季报, 年报, 自定义时段), then the period written as the command
// line writes it (2026-W48, 2026-11, 2026Q4, 2026) or two dates, with 上一期
// and 下一期 buttons. OnChanged runs when a valid period is chosen.
type periodPicker struct {
	kind       *widget.Select
	code       *widget.Entry
	from, to   *dateField
	prev, next *widget.Button
	span       *widget.Label // the days of the period, or what is wrong
	box        *fyne.Container
	codeBox    *fyne.Container
	rangeBox   *fyne.Container
	OnChanged  func(model.Period)
	quiet      bool
}

// kindNames are the kinds as offered.
var kindNames = func() []string {
	var out []string
	for _, k := range model.PeriodKinds {
		out = append(out, k.Name())
	}
	return out
}()

func kindOf(name string) model.PeriodKind {
	for _, k := range model.PeriodKinds {
		if k.Name() == name {
			return k
		}
	}
	return model.PeriodMonth
}

// codeHints are the placeholders of the period field per kind.
var codeHints = map[model.PeriodKind]string{
	model.PeriodWeek: "如 2026-W48", model.PeriodMonth: "如 2026-11", model.PeriodQuarter: "如 2026Q4", model.PeriodYear: "如 2026",
}

func newPeriodPicker(p model.Period) *periodPicker {
	pp := &periodPicker{}
	pp.code = widget.NewEntry()
	pp.from, pp.to = newDateField(false), newDateField(false)
	pp.from.SetPlaceHolder("起始日期")
	pp.to.SetPlaceHolder("截止日期")
	pp.span = widget.NewLabel("")
	pp.span.Importance = widget.LowImportance
	pp.kind = widget.NewSelect(kindNames, func(string) { pp.onKind() })
	pp.kind.PlaceHolder = "选择通报类型"
	pp.prev = widget.NewButton("上一期", func() { pp.step(-1) })
	pp.next = widget.NewButton("下一期", func() { pp.step(1) })
	pp.code.OnChanged = func(string) { pp.changed() }
	pp.from.OnChanged, pp.to.OnChanged = pp.changed, pp.changed
	pp.codeBox = container.NewGridWrap(fyne.NewSize(130, pp.code.MinSize().Height), pp.code)
	pp.rangeBox = container.NewHBox(pp.from, widget.NewLabel("至"), pp.to)
	pp.box = container.NewHBox(pp.kind, pp.codeBox, pp.rangeBox, pp.prev, pp.next, pp.span)
	pp.Set(p)
	return pp
}

// Set shows period p without calling OnChanged.
func (pp *periodPicker) Set(p model.Period) {
	pp.quiet = true
	defer func() { pp.quiet = false }()
	pp.kind.SetSelected(p.Kind.Name())
	if p.Kind == model.PeriodRange {
		pp.from.SetText(p.From.Format(model.DateLayout))
		pp.to.SetText(p.To.Format(model.DateLayout))
	} else {
		pp.code.SetText(p.Code())
	}
	pp.showKind()
	pp.span.SetText(p.Span())
}

// showKind shows the field of the kind chosen.
func (pp *periodPicker) showKind() {
	k := kindOf(pp.kind.Selected)
	if k == model.PeriodRange {
		pp.codeBox.Hide()
		pp.rangeBox.Show()
	} else {
		pp.code.SetPlaceHolder(codeHints[k])
		pp.codeBox.Show()
		pp.rangeBox.Hide()
	}
}

// onKind turns the period shown into one of the new kind holding its last day.
func (pp *periodPicker) onKind() {
	if pp.quiet {
		return
	}
	day := time.Now()
	if p, err := pp.periodOf(pp.lastKind()); err == nil {
		day = p.To
	}
	k := kindOf(pp.kind.Selected)
	p := periodHolding(k, day)
	pp.Set(p)
	if pp.OnChanged != nil {
		pp.OnChanged(p)
	}
}

// lastKind guesses the kind of the text in the code field.
func (pp *periodPicker) lastKind() model.PeriodKind {
	s := strings.ToUpper(pp.code.Text)
	switch {
	case strings.Contains(s, "W"):
		return model.PeriodWeek
	case strings.Contains(s, "Q"):
		return model.PeriodQuarter
	case len(s) == 4:
		return model.PeriodYear
	}
	return model.PeriodMonth
}

// periodHolding is the period of kind k that holds day (a range: its month).
func periodHolding(k model.PeriodKind, day time.Time) model.Period {
	switch k {
	case model.PeriodWeek:
		return model.WeekOf(day)
	case model.PeriodQuarter:
		return model.QuarterPeriod(day.Year(), int(day.Month()-1)/3+1)
	case model.PeriodYear:
		return model.YearPeriod(day.Year())
	case model.PeriodRange:
		m := model.MonthPeriod(day.Year(), day.Month())
		p, _ := model.RangePeriod(m.From, m.To)
		return p
	}
	return model.MonthPeriod(day.Year(), day.Month())
}

// step moves to the previous (-1) or next (+1) period of the kind.
func (pp *periodPicker) step(dir int) {
	p, err := pp.Period()
	if err != nil {
		return
	}
	if dir < 0 {
		p = p.Previous()
	} else {
		p = periodHolding(p.Kind, p.To.AddDate(0, 0, 1))
		if p.Kind == model.PeriodRange {
			cur, _ := pp.Period()
			p, _ = model.RangePeriod(cur.To.AddDate(0, 0, 1), cur.To.AddDate(0, 0, cur.Days()))
		}
	}
	pp.Set(p)
	if pp.OnChanged != nil {
		pp.OnChanged(p)
	}
}

func (pp *periodPicker) periodOf(k model.PeriodKind) (model.Period, error) {
	if k == model.PeriodRange {
		from, err := pp.from.Date()
		if err != nil {
			return model.Period{}, fmt.Errorf("起始日期：%v", err)
		}
		to, err := pp.to.Date()
		if err != nil {
			return model.Period{}, fmt.Errorf("截止日期：%v", err)
		}
		return model.RangePeriod(from, to)
	}
	return model.ParsePeriod(k, pp.code.Text)
}

// Period is the period chosen, or why it is not valid.
func (pp *periodPicker) Period() (model.Period, error) {
	return pp.periodOf(kindOf(pp.kind.Selected))
}

// changed runs OnChanged once the period typed is valid.
func (pp *periodPicker) changed() {
	if pp.quiet {
		return
	}
	p, err := pp.Period()
	if err != nil {
		pp.span.SetText(model.ErrorMessage(err))
		return
	}
	pp.span.SetText(p.Span())
	if pp.OnChanged != nil {
		pp.OnChanged(p)
	}
}

// unused says, in place of the period's days, that the period shown is not
// the one counted (the 统计 screen's dates were cleared or typed apart).
func (pp *periodPicker) unused(why string) {
	pp.span.SetText(why)
}
