package export

import (
	"fmt"
	"strings"
	"time"

	"bulletin/export/layout"
	"bulletin/model"
)

// StatsTables are the tables of the 统计 screen as printed (打印表格): a
// title with the period, the 附表 of the 通报 with its 合计 and ranking, then
// one table per breakdown (来源, 领域, 诉求类型 …) with 件数, 占比 and 合计.
// Every table repeats its header below （续表） on a new page. It is typeset
// as the 通报's 附表 is, with the document fonts (LayoutPrinted).
type StatsTables struct {
	Title  string        // 2026年11月舆情和诉求统计表
	Span   string        // 2026年11月1日—11月30日
	AsOf   string        // 2026-11-30: the day the figures describe
	Date   string        // 2026-12-02: the day it was printed
	Rows   []PeriodicRow // the 附表, 合计 last
	Sheets []Sheet       // the breakdowns, in the order shown
}

// StatsTablesOf are the tables of the period figures f as the 统计 screen
// shows them, printed on day.
func StatsTablesOf(f *model.PeriodFigures, day time.Time) *StatsTables {
	return &StatsTables{
		Title: f.Period.Name() + "舆情和诉求统计表", Span: f.Period.Span(),
		AsOf: f.AsOf.Format(DateLayout), Date: day.Format(DateLayout),
		Rows: PeriodicRows(f), Sheets: StatsSheets(f),
	}
}

// StatsSheets are the breakdowns of f, in the order the 统计 screen, its
// .xlsx and its printout give them.
func StatsSheets(f *model.PeriodFigures) []Sheet {
	return []Sheet{
		{Name: "按来源", Counts: f.BySource}, {Name: "按领域", Counts: f.ByDomain}, {Name: "按诉求类型", Counts: f.ByKind},
		{Name: "按涉及地域", Counts: f.ByArea}, {Name: "按风险等级", Counts: f.ByRisk}, {Name: "按月份", Counts: f.ByMonth},
	}
}

// BreakdownRows are a breakdown's rows as shown and printed: label, 件数,
// 占比 of the total, and 合计 last. An empty label is 未填写.
func BreakdownRows(cs []model.Count) [][]string {
	total := 0
	for _, c := range cs {
		total += c.N
	}
	var out [][]string
	for _, c := range cs {
		label := c.Label
		if strings.TrimSpace(label) == "" {
			label = "未填写"
		}
		out = append(out, []string{label, fmt.Sprint(c.N), share(c.N, total)})
	}
	return append(out, []string{"合计", fmt.Sprint(total), share(total, total)})
}

// Validate checks the title, the dates and that there is a table.
func (s *StatsTables) Validate() error {
	if strings.TrimSpace(s.Title) == "" {
		return model.Errorf(model.EINVALID, "统计表的标题不能为空")
	}
	if len(s.Rows) == 0 && len(s.Sheets) == 0 {
		return model.Errorf(model.EINVALID, "没有可打印的统计表")
	}
	if _, err := parseDate("截止日期", s.AsOf); err != nil {
		return err
	}
	_, err := parseDate("打印日期", s.Date)
	return err
}

// Time is the day it was printed.
func (s *StatsTables) Time() time.Time {
	t, _ := parseDate("", s.Date)
	return t
}

// Parts describes the printout: the title, （统计时间：…，数据截至…）, the
// 附表 with its definitions, then each breakdown under its heading, kept
// with its table when the table fits on a page.
func (s *StatsTables) Parts() *layout.Doc {
	blocks := []layout.Block{layout.Title{Text: s.Title}}
	span := "统计时间：" + s.Span
	if s.AsOf != "" {
		span += "，数据截至" + chineseDate(s.AsOf)
	}
	blocks = append(blocks, layout.Line{Text: "（" + span + "）", Role: layout.Kaiti, Align: layout.AlignCentre, Part: "统计时间"},
		layout.Space{Lines: 1})
	n := 0
	heading := func(title string) layout.Block {
		n++
		return layout.Line{Text: cnNumber(n) + "、" + title, Role: layout.Heiti, Part: layout.Part(title)}
	}
	if len(s.Rows) > 0 {
		blocks = append(blocks, heading(PeriodicTableTitle), layout.TableBlock{Table: periodicTable(s.Rows)},
			layout.Note{Text: PeriodicDefinitions})
	}
	for _, sh := range s.Sheets {
		rows := BreakdownRows(sh.Counts)
		table := layout.TableBlock{Table: breakdownTable(sh.Name, rows)}
		title := strings.TrimPrefix(sh.Name, "按") + "分布"
		if len(rows) <= statsKeepRows {
			blocks = append(blocks, layout.Space{Lines: 1}, layout.Keep{Blocks: []layout.Block{heading(title), table}})
			continue
		}
		blocks = append(blocks, layout.Space{Lines: 1}, heading(title), table)
	}
	return &layout.Doc{Blocks: blocks}
}

// statsKeepRows is the most rows of a breakdown kept on one page with its
// heading; a longer table starts where it is and continues below （续表）.
const statsKeepRows = 30

// breakdownTable is one breakdown: a bold header repeated below （续表）,
// the rows and the 合计 in 黑体, counts and shares centred.
func breakdownTable(name string, rows [][]string) layout.Table {
	t := layout.Table{
		Columns: []layout.Column{{Weight: 1}, {Width: 30}, {Width: 30}},
		Size:    12, Pad: 1, Header: 1, Part: layout.Part(name),
	}
	var head layout.Row
	for _, h := range []string{strings.TrimPrefix(name, "按"), "件数", "占比"} {
		head.Cells = append(head.Cells, layout.TableCell{Text: h, Role: layout.Heiti, Align: layout.AlignCentre})
	}
	t.Rows = append(t.Rows, head)
	for i, r := range rows {
		var row layout.Row
		for j, c := range r {
			cell := layout.TableCell{Text: c, Align: layout.AlignCentre}
			if j == 0 {
				cell.Align = layout.AlignLeft
				if i == len(rows)-1 {
					cell.Role = layout.Heiti // 合计; its digits stay 仿宋, as in the 附表
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
