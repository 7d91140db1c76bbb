package export

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"bulletin/model"
)

// The four sections of a bulletin body in the county's practice.
const (
	DraftBasics   = "一、基本情况"
	DraftSpread   = "二、传播情况"
	DraftHandling = "三、处置情况"
	DraftAdvice   = "四、研判及建议"
)

// excerptLimit is about how many characters of 原文内容 are quoted when a case
// has no 摘要.
const excerptLimit = 120

// cnNumerals number the （一）（二）… sub-headings.
var cnNumerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
	"十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"}

// DraftBody writes a first body for a bulletin on the given cases and
// meeting notes, in the county style: 一、基本情况 (when, where, who posted,
// what was said), 二、传播情况, 三、处置情况 (which department, what was done,
// what the meetings decided) and 四、研判及建议, each filled from the case
// fields in plain sentences. With more than one case each gets a （一）
// sub-heading per section. The staff member edits the result freely.
func DraftBody(cases []*model.Case, meetings []*model.Meeting) string {
	var p []string
	add := func(s ...string) { p = append(p, s...) }

	add(DraftBasics)
	if len(cases) > 1 {
		add(fmt.Sprintf("近期，我办在网络巡查中发现涉及我县的网民诉求和网络舆情%d件，现将有关情况报告如下。", len(cases)))
	}
	eachCase(cases, add, basicsOf)
	if len(cases) == 0 {
		add("（请填写基本情况。）")
	}

	add(DraftSpread)
	eachCase(cases, add, spreadOf)
	if len(cases) == 0 {
		add("（请填写传播情况。）")
	}

	add(DraftHandling)
	eachCase(cases, add, handlingOf)
	for _, m := range meetings {
		add(meetingOf(m)...)
	}
	if len(cases) == 0 && len(meetings) == 0 {
		add("（请填写处置情况。）")
	}

	add(DraftAdvice)
	eachCase(cases, add, adviceOf)
	add("下一步，我办将持续关注相关舆情动态，督促责任单位按时办理回复，做到“网上有人问、网下有人管”，并及时报告进展情况。")
	return strings.Join(p, "\n")
}

// eachCase adds one paragraph per case, headed （一）title。 when there are
// several cases.
func eachCase(cases []*model.Case, add func(...string), text func(*model.Case) string) {
	for i, c := range cases {
		t := text(c)
		if len(cases) > 1 {
			t = subHeading(i) + caseTopic(c) + "。" + t
		}
		add(t)
	}
}

// subHeading returns （一）, （二）, … and （21） past the table.
func subHeading(i int) string {
	if i < len(cnNumerals) {
		return "（" + cnNumerals[i] + "）"
	}
	return fmt.Sprintf("（%d）", i+1)
}

// caseTopic is the case title as a heading sentence: no end punctuation and
// no 。 inside, since the typesetter ends the heading at the first 。.
func caseTopic(c *model.Case) string {
	t := strings.TrimSpace(oneLine(c.Title))
	t = strings.ReplaceAll(t, "。", "，")
	return strings.TrimRight(t, "。，,.！!？?；;：:")
}

// basicsOf says when, where and by whom the case was posted, and what it said.
func basicsOf(c *model.Case) string {
	var b strings.Builder
	if d := shortDate(caseTime(c)); d != "" {
		b.WriteString(d + "，")
	}
	if c.Poster != "" {
		fmt.Fprintf(&b, "网民“%s”", oneLine(c.Poster))
	} else {
		b.WriteString("有网民")
	}
	src := strings.TrimSpace(c.Source)
	if src == "" || src == "其他" {
		src = "网上"
	}
	b.WriteString("在" + src + "发帖")
	b.WriteString(whatWasSaid(c))
	if c.Area != "" && !strings.Contains(b.String(), c.Area) {
		fmt.Fprintf(&b, "该问题涉及%s。", c.Area)
	}
	return b.String()
}

// whatWasSaid returns the content of the post: the 摘要 as reported speech,
// else the first sentences of 原文内容 quoted.
func whatWasSaid(c *model.Case) string {
	if s := strings.TrimSpace(oneLine(c.Summary)); s != "" {
		s = strings.TrimPrefix(s, "网民")
		if strings.HasPrefix(s, "反映") || strings.HasPrefix(s, "称") {
			return endSentence(s)
		}
		return "称，" + endSentence(s)
	}
	if s := firstSentences(c.Content, excerptLimit); s != "" {
		return "称：“" + endSentence(s) + "”"
	}
	return "反映" + endSentence(caseTopic(c))
}

// spreadOf describes how far the post spread.
func spreadOf(c *model.Case) string {
	if s := strings.TrimSpace(oneLine(c.Spread)); s != "" {
		return "截至目前，" + endSentence(strings.TrimPrefix(s, "截至目前，"))
	}
	return "该帖文发布后，暂未监测到大范围转发和跟评，舆情总体平稳。"
}

// handlingOf says which department the case went to and what was done.
func handlingOf(c *model.Case) string {
	var b strings.Builder
	if len(c.Departments) == 0 {
		b.WriteString("我办已对该问题进行研判，拟交相关责任单位核实处置。")
		return b.String()
	}
	deps := strings.Join(c.Departments, "、")
	if d := shortDate(c.AssignedAt); d != "" {
		fmt.Fprintf(&b, "%s，我办将该问题交%s核实处置", d, deps)
	} else {
		fmt.Fprintf(&b, "我办已将该问题交%s核实处置", deps)
	}
	if d := shortDate(c.Due); d != "" {
		fmt.Fprintf(&b, "，要求于%s前办理回复", d)
	}
	b.WriteString("。")
	if s := strings.TrimSpace(oneLine(c.Handling)); s != "" {
		b.WriteString(endSentence(s))
	}
	if s := strings.TrimSpace(oneLine(c.Reply)); s != "" {
		fmt.Fprintf(&b, "%s回复：%s", c.Departments[0], endSentence(s))
	}
	switch c.Status {
	case model.StatusAssigned:
		b.WriteString("目前该问题正在办理中。")
	case model.StatusReplied:
		b.WriteString("目前已回复网民。")
	case model.StatusClosed:
		b.WriteString("目前该问题已办结。")
	}
	return b.String()
}

// adviceOf gives the assessment and the proposal, or a usual one.
func adviceOf(c *model.Case) string {
	a := strings.TrimSpace(oneLine(c.Assessment))
	p := strings.TrimSpace(oneLine(c.Proposal))
	if a == "" && p == "" {
		return "该问题涉及群众切身利益，建议责任单位尽快核实处置，及时回应网民关切，防止舆情发酵。"
	}
	var b strings.Builder
	if a != "" {
		b.WriteString(endSentence(a))
	}
	if p != "" {
		b.WriteString(endSentence(p))
	}
	return b.String()
}

// meetingOf reports a meeting note and what it decided.
func meetingOf(m *model.Meeting) []string {
	var b strings.Builder
	if d := shortDate(m.Time); d != "" {
		b.WriteString(d + "，")
	}
	if m.Host != "" {
		b.WriteString(oneLine(m.Host) + "主持")
	}
	b.WriteString("召开" + oneLine(m.Name))
	if t := strings.TrimSpace(oneLine(m.Topic)); t != "" {
		b.WriteString("，专题研究" + strings.TrimRight(t, "。"))
	}
	b.WriteString("。")
	if len(m.Decisions) == 0 {
		return []string{b.String()}
	}
	b.WriteString("会议议定：")
	out := []string{b.String()}
	for i, d := range m.Decisions {
		s := fmt.Sprintf("%d.%s", i+1, strings.TrimRight(oneLine(d.Text), "。；;"))
		var who []string
		if d.Lead != "" {
			who = append(who, "由"+d.Lead+"牵头")
		}
		if dd := shortDate(d.Due); dd != "" {
			who = append(who, dd+"前完成")
		}
		if len(who) > 0 {
			s += "，" + strings.Join(who, "，")
		}
		out = append(out, s+"。")
	}
	return out
}

// caseTime is when the case was posted, else when it was collected.
func caseTime(c *model.Case) time.Time {
	if !c.Posted.IsZero() {
		return c.Posted
	}
	return c.Collected
}

// shortDate writes a date as staff do in a bulletin: 3月4日; "" for zero.
func shortDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d月%d日", int(t.Month()), t.Day())
}

// firstSentences returns the first sentences of s up to about limit runes,
// on one line; a first sentence longer than limit is cut with an ellipsis.
func firstSentences(s string, limit int) string {
	s = strings.TrimSpace(oneLine(s))
	if s == "" {
		return ""
	}
	end := 0
	n := 0
	for i, r := range s {
		n++
		if strings.ContainsRune("。！？!?", r) {
			if n > limit && end > 0 {
				break
			}
			end = i + utf8.RuneLen(r)
			if n >= limit/2 {
				break
			}
		}
		if n > limit && end == 0 {
			return string([]rune(s)[:limit]) + "……"
		}
	}
	if end == 0 {
		return s
	}
	return s[:end]
}

// endSentence makes sure s ends with a full stop (or ！？…).
func endSentence(s string) string {
	s = strings.TrimRight(s, " ，,；;：:")
	if s == "" {
		return ""
	}
	if strings.HasSuffix(s, "……") {
		return s
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune("。！？!?”", r) {
		return s
	}
	if r == '.' {
		s = strings.TrimSuffix(s, ".")
	}
	return s + "。"
}

// oneLine joins the lines of s with no breaks: a paragraph of the draft is one
// line of the body.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
