package layout

import (
	"fmt"
	"strings"
)

// tailLine is a line of the 报尾 with the paragraph it came from. The 签发
// line has a left part set from x = 0 (w wide) and the 印数 on the right.
type tailLine struct {
	gs     []pglyph
	w      float64
	right  []pglyph
	rightW float64
	para   int
}

// tail sets the 报尾 at the bottom of the last page, or of a new page when the
// body leaves no room or the face is odd in 双面印刷 (tailPage): 报/送/发 in 四号 仿宋 (wrapped lines aligned after the
// colon), a thin rule, then 签发/编辑 left and the 印数 right, between two
// 0.35 mm rules, the last on the bottom edge of the 版心.
func (e *engine) tail() {
	c := e.c
	left, right := signLine(c)
	e.tailOf([]FootItem{{"报", c.Bao}, {"送", c.Song}, {"发", c.Fa}}, left, right)
}

// FootItem is a list of the 报尾 or 版记: 报：…, 抄送：…. Its text ends with
// 。 when printed; wrapped lines align after the colon.
type FootItem struct{ Label, Text string }

// tailOf sets a 报尾 of the given lists and last line (left and right
// parts) at the bottom of the last page.
func (e *engine) tailOf(items []FootItem, left, right string) {
	st := style{size: SizeSihao, cell: em(SizeSihao)}
	var dist []tailLine
	for k, l := range items {
		text := fullStop(l.Text)
		if text == "" {
			continue
		}
		label := runes(l.Label+"：", Fangsong)
		for i := range label {
			label[i].idx = 0
		}
		rs := append(label, runes(text, Fangsong)...)
		for _, gs := range e.lines(rs, st, Left+st.cell, Left+float64(len(label)+1)*st.cell, Right-st.cell) {
			dist = append(dist, tailLine{gs: gs, para: k + 1})
		}
	}
	var sign []tailLine
	if left != "" || right != "" {
		l, lw := e.single(runes(left, Fangsong), st)
		r, rw := e.single(runes(right, Fangsong), st)
		sign = append(sign, tailLine{gs: l, w: lw, right: shift(r, Right-st.cell-rw), rightW: rw, para: 4})
	}
	k := len(dist) + len(sign)
	if k == 0 {
		return
	}
	top := Bottom - float64(k)*e.pitch
	e.tailPage(e.bandTop(e.line) <= top+eps && k <= e.nLines)
	e.rule(top, 0.35, Black)
	for j, l := range dist {
		e.emit(l.gs, st.size, e.baseline(top+float64(j)*e.pitch, st.size), Black, PartTail, l.para)
	}
	for _, l := range sign {
		y := e.baseline(top+float64(len(dist))*e.pitch, st.size)
		// 签发/编辑 are condensed if they would run into the 印数.
		limit := Right - st.cell
		if l.rightW > 0 {
			limit -= l.rightW + st.cell
		}
		e.put(l.gs, l.w, Left+st.cell, limit, alignLeft, st.size, y, Black, PartTail, l.para)
		e.emit(l.right, st.size, y, Black, PartTail, l.para)
	}
	if len(dist) > 0 && len(sign) > 0 {
		e.rule(top+float64(len(dist))*e.pitch, 0.25, Black)
	}
	e.rule(Bottom, 0.35, Black)
	e.line = e.nLines
}

// tailPage moves to the page the 报尾 goes on; room says whether the
// current page has room for it. 单面印刷: this page, or a new one. 双面印刷
// (GB/T 9704: the 版记 on the last face): this page when it is even and has
// room; else the next even page, after a blank page when this one is even
// and full; that blank page and the 报尾 page after it carry no number.
func (e *engine) tailPage(room bool) {
	even := len(e.pages)%2 == 0
	switch {
	case e.o.SingleSided:
		if !room {
			e.newPage()
		}
	case even && room:
	case !even:
		e.newPage()
	default:
		e.newPage()
		e.unnumbered[len(e.pages)-1] = true
		e.newPage()
		e.unnumbered[len(e.pages)-1] = true
	}
}

// fullStop trims a distribution list and makes it end with 。.
func fullStop(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), "，、；：,;:　")
	if s == "" || strings.HasSuffix(s, "。") {
		return s
	}
	return s + "。"
}

// signLine returns the left (签发/编辑) and right (印数) texts of the last 报尾 line.
func signLine(c *Content) (left, right string) {
	var parts []string
	if s := strings.TrimSpace(c.Signer); s != "" {
		parts = append(parts, "签发："+s)
	}
	if s := strings.TrimSpace(c.Editor); s != "" {
		parts = append(parts, "编辑："+s)
	}
	if c.Copies > 0 {
		right = fmt.Sprintf("（共印%d份）", c.Copies)
	}
	return strings.Join(parts, "　　"), right
}
