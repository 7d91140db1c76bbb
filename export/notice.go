package export

import (
	"strings"

	"bulletin/export/layout"
	"bulletin/model"
)

// The frame shared by the 交办单, the 催办单 and the 批示抄清: a title in
// 小标宋 二号 (red or black), a line with the 编号 left and the date right,
// and a ruled table of labels (黑体, centred, 30 mm) and values (仿宋).

// tableParts are the parts of the Report that are ruled tables: their
// Para is a row.
var tableParts = map[layout.Part]bool{"交办单": true, "回执": true, "催办单": true, "批示抄清": true}

// labelWidth is the label column of the notices' tables, in mm.
const labelWidth = 30.0

// NoticeCase is one case on a 交办单 or 催办单.
type NoticeCase struct {
	Number  string `json:"number"` // the case's 编号, 2026-0042 (optional)
	Title   string `json:"title"`
	Source  string `json:"source"`
	Posted  string `json:"posted"` // 2026-11-28 09:30
	URL     string `json:"url"`
	Summary string `json:"summary"`
}

// NoticeCaseFrom is the case as a notice shows it: its 摘要, else the first
// 300 characters of its content.
func NoticeCaseFrom(c *model.Case) NoticeCase {
	nc := NoticeCase{Number: c.Number, Title: c.Title, Source: c.Source, URL: c.URL, Summary: strings.TrimSpace(c.Summary)}
	if !c.Posted.IsZero() {
		nc.Posted = c.Posted.Format("2006-01-02 15:04")
	}
	if nc.Summary == "" {
		rs := []rune(strings.TrimSpace(c.Content))
		if len(rs) > 300 {
			rs = append(rs[:300], '…', '…')
		}
		nc.Summary = string(rs)
	}
	return nc
}

// table is a notice's table under construction.
type table struct {
	t     layout.Table
	small bool
}

func newTable(part layout.Part, small bool) *table {
	t := &table{t: layout.Table{Columns: []layout.Column{{Width: labelWidth}, {}}, Part: part}, small: small}
	if small {
		t.t.Size = layout.SizeSihao
	}
	return t
}

// row adds a label and its value; minLines > 0 keeps that many lines of
// writing space, and such a row is never split.
func (t *table) row(label, value string, minLines float64) {
	r := layout.Row{Cells: []layout.TableCell{
		{Text: label, Role: layout.Heiti, Align: layout.AlignCentre},
		{Text: value},
	}}
	if minLines > 0 {
		r.MinHeight = minLines * layout.DefaultPitch
		r.Keep = true
	}
	t.t.Rows = append(t.t.Rows, r)
}

// styled adds a row whose value is in another role (the 批示 in 楷体).
func (t *table) styled(label, value string, role layout.Role) {
	t.row(label, value, 0)
	t.t.Rows[len(t.t.Rows)-1].Cells[1].Role = role
}

// span adds a row of one cell across the table.
func (t *table) span(text string, align layout.Align, minLines float64) {
	r := layout.Row{Cells: []layout.TableCell{{Text: text, Align: align, Span: 2}}}
	if minLines > 0 {
		r.MinHeight, r.Keep = minLines*layout.DefaultPitch, true
	}
	t.t.Rows = append(t.t.Rows, r)
}

// cases adds the rows of the cases: 标题 … 诉求摘要, numbered when several.
func (t *table) cases(cs []NoticeCase) {
	for i, c := range cs {
		if len(cs) > 1 {
			head := "案件" + cnNumber(i+1)
			if c.Number != "" {
				head += "（编号 " + c.Number + "）"
			}
			t.span(head, layout.AlignCentre, 0)
		}
		t.row("标　　题", c.Title, 0)
		t.row("来源平台", c.Source, 0)
		t.row("发布时间", chineseTime(c.Posted), 0)
		t.row("原文链接", c.URL, 0)
		t.row("诉求摘要", c.Summary, 0)
	}
}

// noticeHead returns the title and the 编号/date line of a notice.
func noticeHead(title string, black bool, left, right string) []layout.Block {
	return []layout.Block{
		layout.Title{Text: title, Colour: ink(black)},
		layout.Space{Lines: 1},
		layout.Pair{Left: left, Right: right, Part: "编号"},
	}
}

// contactLine joins the 交办单位 and its contact.
func contactLine(unit, contact string) string {
	return strings.TrimSpace(strings.TrimSpace(unit) + "　" + strings.TrimSpace(contact))
}
