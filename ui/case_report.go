package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// reportFields are the case editor's fields that reports count (issue 11):
// 重点 on 基本信息, the numbers of 传播 on 来源, 情感倾向 on 研判, 回访 on
// 办理, and the read-only deadline facts of 办理 (原定时限, 催办, 回复单位).
type reportFields struct {
	important                       *widget.Check
	sentiment, visit                *widget.RadioGroup
	views, reposts, comments, likes *widget.Entry
	countedAt, visitedAt            *dateField
	originalDue, reminders          *widget.Label
	replyDept                       *widget.Label
}

// countNames are the names of the four numbers, in Engagement order.
var countNames = [4]string{"阅读(播放)数", "转发数", "评论数", "点赞数"}

func (e *caseEditor) buildReportFields() {
	r := &e.reportFields
	r.important = widget.NewCheck("重点案件（专报、统计中单列）", nil)
	r.sentiment = widget.NewRadioGroup(model.Sentiments, nil)
	r.visit = widget.NewRadioGroup(model.VisitResults, nil)
	for _, g := range []*widget.RadioGroup{r.sentiment, r.visit} {
		g.Horizontal = true // a second tap on the choice clears it
	}
	r.views, r.reposts, r.comments, r.likes = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	for _, n := range r.counts() {
		n.SetPlaceHolder("如 12000 或 1.2万")
	}
	r.countedAt, r.visitedAt = newDateField(true), newDateField(true)
	r.countedAt.now, r.visitedAt.now = e.now, e.now
	r.originalDue, r.reminders, r.replyDept = widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
}

func (r *reportFields) counts() [4]*widget.Entry {
	return [4]*widget.Entry{r.views, r.reposts, r.comments, r.likes}
}

// countBox gives a number entry a width for some ten digits.
func countBox(en *widget.Entry) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(180, en.MinSize().Height), en)
}

// showReport fills the report fields from c.
func (e *caseEditor) showReport(c *model.Case) {
	r := &e.reportFields
	r.important.SetChecked(c.Important)
	r.sentiment.SetSelected(c.Sentiment)
	r.visit.SetSelected(c.VisitResult)
	for i, n := range [4]int{c.Views, c.Reposts, c.Comments, c.Likes} {
		r.counts()[i].SetText(countText(n))
	}
	r.countedAt.SetDate(c.CountedAt)
	r.visitedAt.SetDate(c.VisitedAt)
}

// showHandlingFacts writes the read-only deadline facts of 办理.
func (e *caseEditor) showHandlingFacts(c *model.Case) {
	r := &e.reportFields
	orig := "—"
	if c.Extended() {
		orig = formatDate(c.OriginalDue, false) + "（已延期至 " + formatDate(c.Due, false) + "）"
	} else if !c.OriginalDue.IsZero() {
		orig = formatDate(c.OriginalDue, false)
	}
	r.originalDue.SetText(orig)
	r.reminders.SetText(orDash(map[bool]string{true: fmt.Sprintf("%d 次", c.Reminders)}[c.Reminders > 0]))
	r.replyDept.SetText(orDash(c.ReplyDept))
	e.repliedAt.SetText(orDash(replyText(c)))
}

// replyText is the 回复时间 of the editor: the day and, when it came after
// the 时限, 逾期回复.
func replyText(c *model.Case) string {
	if c.RepliedAt.IsZero() {
		return ""
	}
	if c.RepliedLate() {
		return formatDate(c.RepliedAt, false) + "　逾期回复（时限 " + formatDate(c.Due, false) + "）"
	}
	return formatDate(c.RepliedAt, false)
}

func countText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// reportState is the report fields as shown, for caseFormState.
func (e *caseEditor) reportState() [7]string {
	r := &e.reportFields
	st := [7]string{r.sentiment.Selected, r.visit.Selected}
	for i, n := range r.counts() {
		st[2+i] = strings.TrimSpace(n.Text)
	}
	if r.important.Checked {
		st[6] = "重点"
	}
	return st
}

// readReport copies the report fields into c (the two dates are read with
// the others), or says which number is not one.
func (e *caseEditor) readReport(c *model.Case) error {
	r := &e.reportFields
	c.Sentiment, c.VisitResult, c.Important = r.sentiment.Selected, r.visit.Selected, r.important.Checked
	dst := [4]*int{&c.Views, &c.Reposts, &c.Comments, &c.Likes}
	for i, en := range r.counts() {
		n, err := parseCount(en.Text)
		if err != nil {
			return model.Errorf(model.EINVALID, "%s：%v", countNames[i], err)
		}
		*dst[i] = n
	}
	return nil
}

// parseCount reads a count as offices write it: 12000, 12,000, １２０００ or
// 1.2万; empty is 0.
func parseCount(s string) (int, error) {
	s = strings.NewReplacer(",", "", "，", "", " ", "").Replace(toHalfWidth(strings.TrimSpace(s)))
	if s == "" {
		return 0, nil
	}
	mult := 1.0
	if t, ok := strings.CutSuffix(s, "万"); ok {
		s, mult = t, 10000
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || f*mult > 1e12 {
		return 0, fmt.Errorf("请填写不小于 0 的整数，如 12000 或 1.2万")
	}
	return int(f*mult + 0.5), nil
}

// diffReport adds the changed report fields of b against a to u.
func diffReport(u *model.CaseUpdate, a, b *model.Case) bool {
	changed := false
	if a.Sentiment != b.Sentiment {
		u.Sentiment, changed = &b.Sentiment, true
	}
	if a.VisitResult != b.VisitResult {
		u.VisitResult, changed = &b.VisitResult, true
	}
	if !a.VisitedAt.Equal(b.VisitedAt) {
		u.VisitedAt, changed = &b.VisitedAt, true
	}
	if a.Important != b.Important {
		u.Important, changed = &b.Important, true
	}
	ea, eb := a.Engagement, b.Engagement
	if ea.Views != eb.Views || ea.Reposts != eb.Reposts || ea.Comments != eb.Comments || ea.Likes != eb.Likes ||
		!ea.CountedAt.Equal(eb.CountedAt) {
		u.Engagement, changed = &eb, true
	}
	return changed
}

// showDue writes the mark beside the heading: 即将到期 (orange) or 逾期 n 个
// 工作日 (red) as the calendar counts them today, 逾期回复, 已延期 and the
// number of 催办.
func (e *caseEditor) showDue() {
	c := e.orig
	if c == nil || e.overdueMark == nil {
		return
	}
	cal := e.cal()
	st, _ := c.DueState(cal, e.now())
	var parts []string
	imp := widget.MediumImportance
	switch {
	case st == model.DueLate || st == model.DueSoon:
		parts, imp = append(parts, c.DueLabel(cal, e.now())), widget.DangerImportance
		if st == model.DueSoon {
			imp = widget.WarningImportance
		}
	case c.RepliedLate():
		parts, imp = append(parts, "逾期回复"), widget.DangerImportance
	}
	if c.Extended() {
		parts = append(parts, "已延期")
	}
	if c.Reminders > 0 {
		parts = append(parts, fmt.Sprintf("催办 %d 次", c.Reminders))
	}
	e.overdueMark.Importance = imp
	e.overdueMark.SetText(strings.Join(parts, " · "))
	e.overdueMark.Hidden = len(parts) == 0
	e.overdueMark.Refresh()
}

// cal is the calendar of the list, or one of weekends alone.
func (e *caseEditor) cal() *model.Calendar {
	if e.calendar != nil {
		return e.calendar()
	}
	return model.NewCalendar(nil)
}

// today is the date of e.now().
func (e *caseEditor) today() time.Time { return model.Day(e.now()) }
