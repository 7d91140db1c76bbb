package export

import (
	"fmt"
	"strings"
	"time"

	"bulletin/export/chart"
	"bulletin/export/layout"
	"bulletin/model"
)

// KindPeriodic is the 通报 (DOCUMENTS.md §5) in `bulletin render`.
const KindPeriodic = "periodic"

// DefaultPeriodicName is the 通报's 刊名 when its setting is empty.
const DefaultPeriodicName = "网络舆情和网民诉求办理情况通报"

// PeriodicTableTitle is the title of the 通报's 附表.
const PeriodicTableTitle = "各责任单位办理情况统计表"

// PeriodicHeader are the columns of the 附表.
var PeriodicHeader = []string{"责任单位", "交办", "已回复", "按期回复", "逾期未回复", "已办结", "按期回复率", "排名"}

// PeriodicDefinitions are printed under the 附表 (DOCUMENTS.md §5).
const PeriodicDefinitions = "注：统计截止时间为统计期末，此后的交办、回复、办结不计入。一件案件有多个责任单位的，在各单位分别计数，合计行每件只计一次。" +
	"按期回复率＝按期回复÷（已回复＋逾期未回复）；回复率＝已回复÷已交办；办结率＝已办结÷已交办；满意率＝（满意＋基本满意）÷已回访。" +
	"分母为零时记“—”；按期回复率相同的单位并列排名。"

// PeriodicRow is one row of the 附表, as printed.
type PeriodicRow struct {
	Name     string `json:"name"`
	Assigned int    `json:"assigned"`
	Replied  int    `json:"replied"`
	OnTime   int    `json:"onTime"`
	Overdue  int    `json:"overdue"`
	Closed   int    `json:"closed"`
	Rate     string `json:"rate"` // 76.1% or —
	Rank     string `json:"rank"` // 1 or —
}

// Cells are the row's texts in the order of PeriodicHeader.
func (r PeriodicRow) Cells() []string {
	return []string{r.Name, fmt.Sprint(r.Assigned), fmt.Sprint(r.Replied), fmt.Sprint(r.OnTime),
		fmt.Sprint(r.Overdue), fmt.Sprint(r.Closed), r.Rate, r.Rank}
}

// Periodic is a 通报 as typeset: its 刊名 and 期号, the body as edited,
// and the 附表 and charts regenerated from the data when it was drafted.
type Periodic struct {
	Kind   string        `json:"kind"`
	Name   string        `json:"name"`   // 刊名
	Issue  string        `json:"issue"`  // 2026年第3期（月报）; "" for a draft
	Unit   string        `json:"unit"`   // 编印单位
	Date   string        `json:"date"`   // 2026-12-01
	Title  string        `json:"title"`  // 2026年11月网络舆情和网民诉求办理情况
	Span   string        `json:"span"`   // 2026年11月1日—11月30日
	Body   string        `json:"body"`   // 一 to 五
	Rows   []PeriodicRow `json:"rows"`   // the 附表, the 合计 row last
	Charts []chart.Chart `json:"charts"` // after the 附表
	Issuer string        `json:"issuer"` // 印发单位
	Black  bool          `json:"black"`
}

// Validate checks the body and the date.
func (p *Periodic) Validate() error {
	if strings.TrimSpace(p.Body) == "" {
		return model.Errorf(model.EINVALID, "通报正文不能为空")
	}
	for i, c := range p.Charts {
		if len(c.Labels) != len(c.Values) {
			return model.Errorf(model.EINVALID, "第 %d 个图表的标签和数值个数不同", i+1)
		}
	}
	_, err := parseDate("日期", p.Date)
	return err
}

// Time is the 通报's date.
func (p *Periodic) Time() time.Time {
	t, _ := parseDate("", p.Date)
	return t
}

// Parts describes the 通报: the 刊名 as the 专报's mark, the 期号, the unit
// and date line with the rule, the title, （统计时间：…）, the body, the
// 附表 on a new page with its header repeated on every page and the
// definitions, then the charts.
func (p *Periodic) Parts() *layout.Doc {
	name := strings.TrimSpace(p.Name)
	if name == "" {
		name = DefaultPeriodicName
	}
	blocks := []layout.Block{layout.Mark{Text: name, Colour: ink(p.Black)}}
	if p.Issue != "" {
		blocks = append(blocks, layout.Line{Text: p.Issue, Role: layout.Kaiti, Align: layout.AlignCentre, Part: layout.PartIssue})
	}
	blocks = append(blocks, layout.UnitDate{Unit: p.Unit, Date: chineseDate(p.Date), Rule: true}, layout.Space{Lines: 2})
	if strings.TrimSpace(p.Title) != "" {
		blocks = append(blocks, layout.Title{Text: p.Title})
	}
	if p.Span != "" {
		blocks = append(blocks, layout.Line{Text: "（统计时间：" + p.Span + "）", Role: layout.Kaiti, Align: layout.AlignCentre, Part: "统计时间"})
	}
	blocks = append(blocks, layout.Space{Lines: 1}, layout.Body{Text: p.Body})
	if len(p.Rows) > 0 {
		blocks = append(blocks, layout.PageBreak{},
			layout.Line{Text: "附表", Role: layout.Heiti, Part: "附表"},
			layout.Line{Text: PeriodicTableTitle, Role: layout.Xiaobiaosong, Align: layout.AlignCentre, Part: "附表"},
			layout.TableBlock{Table: periodicTable(p.Rows)},
			layout.Note{Text: PeriodicDefinitions})
	}
	if len(p.Charts) > 0 {
		blocks = append(blocks, layout.Space{Lines: 1})
		for i, c := range p.Charts {
			if i > 0 { // a line between charts, so a title does not sit on the axis labels above it
				blocks = append(blocks, layout.Space{Lines: 1})
			}
			blocks = append(blocks, layout.ChartBlock{Chart: c})
		}
	}
	return &layout.Doc{Blocks: blocks, FootLeft: p.Issuer, FootRight: chineseDate(p.Date) + "印发"}
}

// periodicTable is the 附表: a bold header repeated below （续表）, the
// department rows, and the 合计 row last in 黑体.
func periodicTable(rows []PeriodicRow) layout.Table {
	t := layout.Table{
		// Counts up to six digits on one line (a year of 100,000 cases
		// broke 10058 in a 13 mm column).
		Columns: []layout.Column{{Weight: 1}, {Width: 16}, {Width: 16}, {Width: 16}, {Width: 17}, {Width: 16}, {Width: 18}, {Width: 11}},
		Size:    12, Pad: 1, Header: 1, Part: "附表",
	}
	var head layout.Row
	// Two-line labels broken where they read (按期/回复率), not where the
	// column ends (按 期 回/复率).
	for _, h := range []string{"责任单位", "交办", "已回复", "按期\n回复", "逾期\n未回复", "已办结", "按期\n回复率", "排名"} {
		head.Cells = append(head.Cells, layout.TableCell{Text: h, Role: layout.Heiti, Align: layout.AlignCentre})
	}
	t.Rows = append(t.Rows, head)
	for i, r := range rows {
		role := layout.Role("")
		if i == len(rows)-1 && r.Name == "合计" {
			role = layout.Heiti
		}
		var row layout.Row
		for j, c := range r.Cells() {
			a := layout.AlignCentre
			if j == 0 {
				a = layout.AlignLeft
			}
			r := role
			if j > 0 {
				r = "" // 黑体 digits are wider: 123456 would not fit its column
			}
			row.Cells = append(row.Cells, layout.TableCell{Text: c, Role: r, Align: a})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// PeriodicRows are the 附表's rows of f: the departments as ranked, then 合计.
func PeriodicRows(f *model.PeriodFigures) []PeriodicRow {
	var out []PeriodicRow
	for _, d := range append(f.Departments, f.TotalRow()) {
		out = append(out, PeriodicRow{Name: d.Name, Assigned: d.Assigned, Replied: d.Replied, OnTime: d.OnTime,
			Overdue: d.OverdueUnreplied, Closed: d.Closed, Rate: d.OnTimeRate().Text(), Rank: d.RankText()})
	}
	out[len(out)-1].Rank = ""
	return out
}

// PeriodicCharts are the 通报's charts: cases per day (a period of up to 31
// days) or per month, by source and by 诉求类型.
func PeriodicCharts(f *model.PeriodFigures) []chart.Chart {
	var time chart.Chart
	if f.Period.Days() <= 31 {
		time = chart.Days("图1　每日收集案件数", counts(f.ByDay))
	} else {
		time = chart.Months("图1　每月收集案件数", counts(f.ByMonth))
	}
	src := chart.Top("图2　案件来源分布", counts(f.BySource), 8)
	src.Horizontal = true
	kind := chart.Top("图3　诉求类型分布", counts(f.ByKind), 8)
	kind.Horizontal = true
	return []chart.Chart{time, src, kind}
}

func counts(cs []model.Count) []chart.Count {
	out := make([]chart.Count, len(cs))
	for i, c := range cs {
		out[i] = chart.Count{Label: c.Label, N: c.N}
	}
	return out
}

// PeriodicSettings are the 设置 of the 通报.
type PeriodicSettings struct {
	Name, Unit, Issuer string
	Black              bool
}

// PeriodicSettingsFrom reads them: the 刊名 of the 通报 (setting
// periodic.name), the unit the 专报's 编印单位.
func PeriodicSettingsFrom(kv map[string]string) PeriodicSettings {
	s := PeriodicSettings{Name: kv[SettingPeriodicName], Unit: kv[model.SettingUnit]}
	if s.Name == "" {
		s.Name = DefaultPeriodicName
	}
	s.Issuer = s.Unit
	return s
}

// SettingPeriodicName is the setting key of the 通报's 刊名.
const SettingPeriodicName = "periodic.name"

// PeriodicFrom drafts the 通报 of r dated day: the body from the figures,
// the 附表 and the charts.
func PeriodicFrom(r *model.PeriodReport, day time.Time, s PeriodicSettings) *Periodic {
	f := r.Cur
	return &Periodic{
		Kind: KindPeriodic, Name: s.Name, Unit: s.Unit, Date: day.Format(DateLayout),
		Title: periodicTitle(f.Period),
		Span:  f.Period.Span(), Body: PeriodicBody(r),
		Rows: PeriodicRows(f), Charts: PeriodicCharts(f), Issuer: s.Issuer, Black: s.Black,
	}
}

// periodicTitle is the 通报's title: 2026年第48周舆情和诉求办理情况 (one
// line in 二号; the longer 网络舆情和网民诉求 broke 第48周 over two lines),
// for a free range 网络舆情和网民诉求办理情况, its days being under it.
func periodicTitle(p model.Period) string {
	if p.Kind == model.PeriodRange {
		return "网络舆情和网民诉求办理情况"
	}
	return p.Name() + "舆情和诉求办理情况"
}

// share prints n of total as 12.5%.
func share(n, total int) string { return model.Rate{Num: n, Den: total}.Text() }

// listCounts writes up to n counts as 微博12件、抖音8件, with shares when
// total > 0; an empty label is 未填写.
func listCounts(cs []model.Count, n, total int) string {
	var parts []string
	for _, c := range cs {
		if len(parts) == n {
			break
		}
		if c.N == 0 {
			continue
		}
		l := c.Label
		if strings.TrimSpace(l) == "" {
			l = "未填写"
		}
		if last := l[len(l)-1]; last >= '0' && last <= '9' {
			l += "平台" // 12345 9件 would read 123459件
		}
		s := fmt.Sprintf("%s%d件", l, c.N)
		if total > 0 {
			s += "（占" + share(c.N, total) + "）"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "、")
}

// PeriodicBody drafts 一 to 五 of DOCUMENTS.md §5 from the figures.
func PeriodicBody(r *model.PeriodReport) string {
	f := r.Cur
	h := f.Handling
	var b strings.Builder
	line := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }
	line("一、总体情况")
	change := r.Change()
	cmp := "较" + f.Period.Kind.PreviousName()
	switch t := change.Text(); t {
	case "—":
		cmp += "（" + fmt.Sprint(change.Prev) + "件）无可比数据"
	case "持平":
		cmp += "持平"
	default:
		cmp += t + "（" + f.Period.Kind.PreviousName() + fmt.Sprint(change.Prev) + "件）"
	}
	line("%s，共收集网络舆情和网民诉求%d件，%s。", f.Period.Span(), f.Total, cmp)
	if f.Total > 0 {
		line("从来源看，%s。从诉求类型看，%s。", listCounts(f.BySource, 6, 0), listCounts(f.ByKind, 6, f.Total))
	}
	line("已交办%d件，已回复%d件，其中按期回复%d件；逾期未回复%d件；已办结%d件。回复率%s，按期回复率%s，办结率%s，满意率%s。",
		h.Assigned, h.Replied, h.OnTime, h.OverdueUnreplied, h.Closed,
		h.ReplyRate().Text(), h.OnTimeRate().Text(), h.CloseRate().Text(), h.SatisfactionRate().Text())

	line("二、主要特点")
	if f.Total > 0 {
		line("从领域看，排在前五位的是%s。从地域看，排在前五位的是%s。", listCounts(f.ByDomain, 5, f.Total), listCounts(f.ByArea, 5, f.Total))
	}
	line("风险等级较大及以上的%d件，负面舆情%d件。", f.HighRisk, f.Negative)

	line("三、重点舆情")
	if len(f.Highlights) == 0 {
		line("本期无重点舆情。")
	}
	for i, c := range f.Highlights {
		line("（%s）%s", cnNumber(i+1), highlight(c))
	}
	if f.HighlightN > len(f.Highlights) {
		line("另有重点或较大及以上风险舆情%d件，详见案件台账。", f.HighlightN-len(f.Highlights))
	}

	line("四、办理情况")
	var late []model.Count
	for _, d := range f.Departments {
		if d.OverdueUnreplied > 0 {
			late = append(late, model.Count{Label: d.Name, N: d.OverdueUnreplied})
		}
	}
	if len(late) == 0 {
		line("截至统计期末，无逾期未回复案件。")
	} else {
		sortCounts(late)
		line("截至统计期末，逾期未回复%d件，涉及%d个单位：%s。", h.OverdueUnreplied, len(late), listCounts(late, len(late), 0))
	}
	line("退回重办%d次。", f.Returned)
	var first, last []string
	lastRank := 0
	for _, d := range f.Departments {
		if d.Rank > 0 {
			lastRank = max(lastRank, d.Rank)
		}
	}
	for _, d := range f.Departments {
		switch {
		case d.Rank == 1:
			first = append(first, d.Name)
		case d.Rank > 1 && d.Rank == lastRank:
			last = append(last, d.Name)
		}
	}
	if len(first) > 0 {
		s := fmt.Sprintf("按期回复率排名第一的是%s（%s）", strings.Join(first, "、"), rateOf(f, first[0]))
		if len(last) > 0 {
			s += fmt.Sprintf("，排名靠后的是%s（%s）", strings.Join(last, "、"), rateOf(f, last[0]))
		}
		line("%s。各单位办理情况见附表。", s)
	}

	line("五、下步工作")
	b.WriteString("（请填写下步工作安排。）")
	return b.String()
}

// rateOf is the 按期回复率 of the department name.
func rateOf(f *model.PeriodFigures, name string) string {
	for _, d := range f.Departments {
		if d.Name == name {
			return d.OnTimeRate().Text()
		}
	}
	return "—"
}

// sortCounts sorts counts most first, then by label.
func sortCounts(cs []model.Count) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && (cs[j].N > cs[j-1].N || cs[j].N == cs[j-1].N && cs[j].Label < cs[j-1].Label); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// highlight is one case of 三、重点舆情 in the 专报's sentences: its title,
// then when and where it was raised, the summary, the risk and where it stands.
func highlight(c *model.Case) string {
	var b strings.Builder
	b.WriteString(strings.TrimRight(strings.TrimSpace(c.Title), "。") + "。")
	if !c.Collected.IsZero() {
		fmt.Fprintf(&b, "%d月%d日，", int(c.Collected.Month()), c.Collected.Day())
	}
	if c.Source != "" {
		b.WriteString(c.Source)
	}
	b.WriteString("网民反映")
	s := strings.TrimRight(strings.TrimSpace(c.Summary), "。")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "网民反映"), "：")
	if s == "" {
		s = strings.TrimRight(strings.TrimSpace(c.Title), "。")
	}
	b.WriteString("：" + s + "。")
	if c.Risk != "" {
		b.WriteString("风险等级" + c.Risk + "，")
	}
	switch {
	case c.Status == model.StatusPending:
		b.WriteString("正在研判。")
	case len(c.Departments) > 0 && !c.Replied():
		b.WriteString("已交" + strings.Join(c.Departments, "、") + "办理。")
	case c.Replied():
		b.WriteString(strings.Join(c.Departments, "、") + "已回复。")
	default:
		b.WriteString(string(c.Status) + "。")
	}
	return b.String()
}
