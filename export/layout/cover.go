package layout

// Cover sheet (阅批单) geometry, in mm.
const (
	coverLabelW   = 30.0 // label column
	coverPad      = 2.0  // value inset from the column rule
	coverMinPishi = 90.0 // the 领导批示 row, where the leaders write
)

type coverRow struct {
	label string
	value string
	lines float64 // height in grid lines; 0 = as many as the value needs
}

// cover makes the 阅批单: the title on the first line of the 版心 and below it
// a ruled table of the bulletin's particulars and the blank rows the leaders
// fill in. It carries no page number.
func (e *engine) cover() Page {
	saved, savedLine := e.pages, e.line
	e.pages = []Page{{Cover: true}}
	defer func() { e.pages, e.line = saved, savedLine }()

	t, w := e.single(runes(e.c.Name+"阅批单", Xiaobiaosong), style{size: SizeErhao, cell: em(SizeErhao)})
	e.put(t, w, Left, Right, alignCentre, SizeErhao, e.baseline(e.bandTop(0), SizeErhao), Black, PartCover, 1)

	valueX := Left + coverLabelW + coverPad
	valueR := Right - coverPad
	titleLines := e.lines(runes(e.c.Title, Fangsong), body16, valueX, valueX, valueR)
	rows := []coverRow{
		{label: "标　　题", lines: float64(max(1, len(titleLines)))},
		{label: "期　　号", value: e.c.Issue, lines: 1},
		{label: "编印单位", value: e.c.Unit, lines: 1},
		{label: "印发日期", value: e.c.Date, lines: 1},
		{label: "拟办意见", lines: 3},
		{label: "领导批示"},
		{label: "办理结果", lines: 3},
		{label: "备　　注", lines: 1},
	}
	top := Top + 1.5*e.pitch
	pishi := func() float64 {
		h := Bottom - top
		for _, r := range rows {
			h -= r.lines * e.pitch
		}
		return h
	}
	for _, n := range []float64{2, 1.5, 1} {
		if pishi() >= coverMinPishi {
			break
		}
		rows[4].lines, rows[6].lines = n, n
	}
	rows[5].lines = pishi() / e.pitch

	p := e.page()
	y := top
	for i, r := range rows {
		h := r.lines * e.pitch
		lw := 0.25
		if i == 0 {
			lw = 0.35
		}
		p.Rules = append(p.Rules, Rule{X1: Left, Y1: y, X2: Right, Y2: y, Width: lw, Colour: Black})
		l, w := e.single(runes(r.label, Heiti), body16)
		e.put(l, w, Left, Left+coverLabelW, alignCentre, SizeSanhao, e.baseline(y+(h-e.pitch)/2, SizeSanhao), Black, PartCover, i+2)
		switch {
		case i == 0:
			for k, gs := range titleLines {
				e.emit(gs, SizeSanhao, e.baseline(y+float64(k)*e.pitch, SizeSanhao), Black, PartCover, i+2)
			}
		case r.value != "":
			v, w := e.single(runes(r.value, Fangsong), body16)
			e.put(v, w, valueX, valueR, alignLeft, SizeSanhao, e.baseline(y+(h-e.pitch)/2, SizeSanhao), Black, PartCover, i+2)
		}
		y += h
	}
	p.Rules = append(p.Rules,
		Rule{X1: Left, Y1: Bottom, X2: Right, Y2: Bottom, Width: 0.35, Colour: Black},
		Rule{X1: Left, Y1: top, X2: Left, Y2: Bottom, Width: 0.35, Colour: Black},
		Rule{X1: Left + coverLabelW, Y1: top, X2: Left + coverLabelW, Y2: Bottom, Width: 0.25, Colour: Black},
		Rule{X1: Right, Y1: top, X2: Right, Y2: Bottom, Width: 0.35, Colour: Black},
	)
	return *p
}
