// Package casefile reads cases from the spreadsheets other systems export
// (.csv in UTF-8, UTF-8 with BOM, GBK/GB18030 or UTF-16; .xlsx) and writes
// them back with the same Chinese headers, so that export then import round
// trips. It holds no SQL: the store imports what it returns.
//
// Columns are matched by their Chinese header names (with spaces, required
// markers and common synonyms tolerated), in any order. Rows are numbered as
// the user sees them in Excel: the header is usually row 1.
package casefile

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"bulletin/model"
)

// kind says how a column's text maps to a Case field.
type kind int

const (
	kindText     kind = iota // plain text, kept exactly
	kindTime                 // date and time (发布时间, 收集时间)
	kindDate                 // a day (办理时限)
	kindList                 // a list of names (责任单位)
	kindReadOnly             // written on export, ignored on import (催办次数: counted from the 催办 events)
	kindNumber               // a count (阅读数…): 12000, 12,000 or 1.2万
	kindFlag                 // yes or no (重点): 是/否, √, 1/0
	kindNumberID             // 编号 (2026-0042): kept on import when free in its year
	kindStatus               // 状态: one of the four, the case's state in the file
)

// column is one known spreadsheet column.
type column struct {
	header  string   // the name written on export
	aliases []string // other names accepted on import
	kind    kind
	long    bool                           // multi-line text, kept exactly (not trimmed)
	text    func(c *model.Case) *string    // for kindText
	time    func(c *model.Case) *time.Time // for kindTime, kindDate
	list    func(c *model.Case) *[]string  // for kindList
	show    func(c *model.Case) string     // for kindReadOnly
	num     func(c *model.Case) *int       // for kindNumber
	flag    func(c *model.Case) *bool      // for kindFlag
}

// columns lists the known columns in export order.
var columns = []column{
	{header: "编号", aliases: []string{"案件编号"}, kind: kindNumberID, text: func(c *model.Case) *string { return &c.Number }},
	{header: "标题", aliases: []string{"主题", "留言标题", "事件标题", "舆情标题", "案件标题"}, text: func(c *model.Case) *string { return &c.Title }},
	{header: "来源平台", aliases: []string{"来源", "平台", "信息来源", "来源渠道"}, text: func(c *model.Case) *string { return &c.Source }},
	{header: "原文链接", aliases: []string{"链接", "网址", "url", "原文地址", "网页链接"}, text: func(c *model.Case) *string { return &c.URL }},
	{header: "网民昵称", aliases: []string{"网民昵称/账号", "昵称", "网民", "账号", "网民账号", "发帖人", "留言人"}, text: func(c *model.Case) *string { return &c.Poster }},
	{header: "发布时间", aliases: []string{"发帖时间", "留言时间", "发表时间"}, kind: kindTime, time: func(c *model.Case) *time.Time { return &c.Posted }},
	{header: "收集时间", aliases: []string{"采集时间", "登记时间", "发现时间"}, kind: kindTime, time: func(c *model.Case) *time.Time { return &c.Collected }},
	{header: "涉及地域", aliases: []string{"地域", "乡镇", "地区", "涉及乡镇", "所属乡镇"}, text: func(c *model.Case) *string { return &c.Area }},
	{header: "领域", aliases: []string{"所属领域", "类别", "分类"}, text: func(c *model.Case) *string { return &c.Domain }},
	{header: "诉求类型", aliases: []string{"类型", "诉求类别", "留言类型"}, text: func(c *model.Case) *string { return &c.Kind }},
	{header: "风险等级", aliases: []string{"风险", "等级", "舆情等级"}, text: func(c *model.Case) *string { return &c.Risk }},
	{header: "传播情况", long: true, aliases: []string{"传播", "传播数据"}, text: func(c *model.Case) *string { return &c.Spread }},
	{header: "情感倾向", aliases: []string{"情感", "倾向", "倾向性", "情感倾向性"}, text: func(c *model.Case) *string { return &c.Sentiment }},
	{header: "阅读(播放)数", aliases: []string{"阅读数", "阅读量", "播放数", "播放量", "浏览量", "阅读播放数"}, kind: kindNumber, num: func(c *model.Case) *int { return &c.Views }},
	{header: "转发数", aliases: []string{"转发量", "转发"}, kind: kindNumber, num: func(c *model.Case) *int { return &c.Reposts }},
	{header: "评论数", aliases: []string{"评论量", "评论"}, kind: kindNumber, num: func(c *model.Case) *int { return &c.Comments }},
	{header: "点赞数", aliases: []string{"点赞量", "点赞"}, kind: kindNumber, num: func(c *model.Case) *int { return &c.Likes }},
	{header: "统计时间", aliases: []string{"传播数据统计时间", "数据统计时间"}, kind: kindTime, time: func(c *model.Case) *time.Time { return &c.CountedAt }},
	{header: "重点", aliases: []string{"是否重点", "重点舆情", "重点关注"}, kind: kindFlag, flag: func(c *model.Case) *bool { return &c.Important }},
	{header: "原文内容", long: true, aliases: []string{"内容", "正文", "留言内容", "原文"}, text: func(c *model.Case) *string { return &c.Content }},
	{header: "摘要", long: true, aliases: []string{"内容摘要"}, text: func(c *model.Case) *string { return &c.Summary }},
	{header: "研判意见", long: true, aliases: []string{"研判"}, text: func(c *model.Case) *string { return &c.Assessment }},
	{header: "处置建议", long: true, aliases: []string{"处置意见"}, text: func(c *model.Case) *string { return &c.Proposal }},
	{header: "责任单位", aliases: []string{"承办单位", "办理单位", "交办单位", "责任部门"}, kind: kindList, list: func(c *model.Case) *[]string { return &c.Departments }},
	{header: "办理时限", aliases: []string{"时限", "截止日期", "办结时限"}, kind: kindDate, time: func(c *model.Case) *time.Time { return &c.Due }},
	{header: "交办时间", aliases: []string{"交办日期"}, kind: kindTime, time: func(c *model.Case) *time.Time { return &c.AssignedAt }},
	{header: "原定时限", kind: kindDate, time: func(c *model.Case) *time.Time { return &c.OriginalDue }},
	{header: "催办次数", kind: kindReadOnly, show: func(c *model.Case) string { return countText(c.Reminders) }},
	{header: "办理情况", long: true, aliases: []string{"处理情况", "办理结果"}, text: func(c *model.Case) *string { return &c.Handling }},
	{header: "回复内容", long: true, aliases: []string{"回复", "答复", "答复内容"}, text: func(c *model.Case) *string { return &c.Reply }},
	{header: "回复时间", aliases: []string{"回复日期", "答复时间", "答复日期"}, kind: kindTime, time: func(c *model.Case) *time.Time { return &c.RepliedAt }},
	{header: "回复单位", aliases: []string{"答复单位", "回复部门"}, text: func(c *model.Case) *string { return &c.ReplyDept }},
	{header: "回访结果", aliases: []string{"回访", "满意度", "回访情况"}, text: func(c *model.Case) *string { return &c.VisitResult }},
	{header: "回访时间", aliases: []string{"回访日期"}, kind: kindTime, time: func(c *model.Case) *time.Time { return &c.VisitedAt }},
	{header: "办结时间", aliases: []string{"办结日期"}, kind: kindTime, time: func(c *model.Case) *time.Time { return &c.ClosedAt }},
	{header: "备注", long: true, aliases: []string{"说明"}, text: func(c *model.Case) *string { return &c.Remarks }},
	{header: "状态", aliases: []string{"办理状态", "案件状态"}, kind: kindStatus, text: func(c *model.Case) *string { return (*string)(&c.Status) }},
}

// Headers returns the column names written on export, in order.
func Headers() []string {
	h := make([]string, len(columns))
	for i, col := range columns {
		h[i] = col.header
	}
	return h
}

// headerIndex maps a normalised header name to its column.
var headerIndex = func() map[string]int {
	m := make(map[string]int)
	for i, col := range columns {
		m[normHeader(col.header)] = i
		for _, a := range col.aliases {
			m[normHeader(a)] = i
		}
	}
	return m
}()

// normHeader drops spaces (ASCII and full-width), required markers and
// bracketed hints, and folds ASCII case, so that " 标题* " and "标题（必填）" match.
func normHeader(s string) string {
	if i := strings.IndexAny(s, "（("); i > 0 && !strings.Contains(s, "续") {
		s = s[:i]
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || r == '*' || r == '＊' || r == '\ufeff' {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// splitDepartments splits a 责任单位 cell on the separators offices use.
func splitDepartments(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("、，,;；\n", r)
	})
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// countText is a count as written on export, "" for none.
func countText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// parseCount reads a count as offices write it: 12000, 12,000, 1.2万 or
// 3千; "" is 0.
func parseCount(s string) (int, bool) {
	s = strings.NewReplacer(",", "", "，", "", " ", "", "次", "", "条", "").Replace(s)
	if s == "" {
		return 0, true
	}
	mul := 1.0
	switch {
	case strings.HasSuffix(s, "万"):
		s, mul = strings.TrimSuffix(s, "万"), 10000
	case strings.HasSuffix(s, "千"):
		s, mul = strings.TrimSuffix(s, "千"), 1000
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || f*mul > 1e12 {
		return 0, false
	}
	return int(f*mul + 0.5), true
}

// parseFlag reads a yes-or-no cell.
func parseFlag(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "是", "√", "✓", "1", "y", "yes", "true", "重点":
		return true, true
	case "", "否", "×", "0", "n", "no", "false":
		return false, true
	}
	return false, false
}
