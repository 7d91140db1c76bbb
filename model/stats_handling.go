package model

import (
	"fmt"
	"time"
)

// Rate is a share with its numerator and denominator, so that a report can
// print both and a zero denominator is never a NaN or a 0%.
type Rate struct {
	Num, Den int
}

// Value is Num/Den, and false when Den is 0.
func (r Rate) Value() (float64, bool) {
	if r.Den == 0 {
		return 0, false
	}
	return float64(r.Num) / float64(r.Den), true
}

// Text prints the rate with one decimal (76.1%), or — when Den is 0
// (DOCUMENTS.md §5).
func (r Rate) Text() string {
	v, ok := r.Value()
	if !ok {
		return "—"
	}
	return fmt.Sprintf("%.1f%%", v*100)
}

// Handling are the figures of how the cases of a period were handled, as
// DOCUMENTS.md §5 defines them, each case counted once.
type Handling struct {
	Assigned         int // 已交办: cases that were assigned (every status after 待研判)
	Replied          int // 已回复: cases with a reply, closed ones included
	OnTime           int // 按期回复: replied on or before the 时限 in force
	Late             int // 逾期回复: replied after it (counted apart, not in OnTime)
	OverdueUnreplied int // 逾期未回复: assigned, not replied, 时限 before today
	Closed           int // 已办结
	Extended         int // cases whose 时限 was extended (延期) beyond the 原定时限
	Visited          int // cases with a 回访 result (未回访 not counted)
	Satisfied        int // of those, 满意 or 基本满意

	// The same against the 原定时限, as if no 延期 had been granted: how the
	// rate would read had the 时限 not been moved.
	OnTimeOriginal  int // replied on or before the 原定时限
	OverdueOriginal int // not replied, 原定时限 before today

	replyDays, replyTimed int // working days from 交办 to 回复, summed, and over how many replies
}

// ReplyRate is 回复率 = 已回复 ÷ 已交办.
func (h Handling) ReplyRate() Rate { return Rate{h.Replied, h.Assigned} }

// OnTimeRate is 按期回复率 = 按期回复 ÷ (已回复 + 逾期未回复): an overdue case
// without a reply counts against the rate, a case still within its 时限 not yet.
func (h Handling) OnTimeRate() Rate { return Rate{h.OnTime, h.Replied + h.OverdueUnreplied} }

// OriginalOnTimeRate is 按期回复率 counted against the 原定时限:
// OnTimeOriginal ÷ (已回复 + OverdueOriginal).
func (h Handling) OriginalOnTimeRate() Rate {
	return Rate{h.OnTimeOriginal, h.Replied + h.OverdueOriginal}
}

// CloseRate is 办结率 = 已办结 ÷ 已交办.
func (h Handling) CloseRate() Rate { return Rate{h.Closed, h.Assigned} }

// SatisfactionRate is 满意率 = (满意 + 基本满意) ÷ cases with a 回访 result.
func (h Handling) SatisfactionRate() Rate { return Rate{h.Satisfied, h.Visited} }

// AvgReplyWorkdays is the average number of working days from 交办 to 回复
// over the replied cases, and false when there is none.
func (h Handling) AvgReplyWorkdays() (float64, bool) {
	if h.replyTimed == 0 {
		return 0, false
	}
	return float64(h.replyDays) / float64(h.replyTimed), true
}

// AvgReplyText prints AvgReplyWorkdays with one decimal, or —.
func (h Handling) AvgReplyText() string {
	v, ok := h.AvgReplyWorkdays()
	if !ok {
		return "—"
	}
	return fmt.Sprintf("%.1f", v)
}

// add counts one case as it stood on today under cal.
func (h *Handling) add(c *Case, cal *Calendar, today time.Time) {
	if c.Status == StatusPending {
		return
	}
	h.Assigned++
	if c.Replied() {
		h.Replied++
		if c.RepliedLate() {
			h.Late++
		} else {
			h.OnTime++
		}
		if at := c.answeredAt(); !c.AssignedAt.IsZero() && !at.IsZero() {
			h.replyDays += cal.WorkdaysAfter(c.AssignedAt, at)
			h.replyTimed++
		}
	}
	if c.Overdue(today) {
		h.OverdueUnreplied++
	}
	orig := c.OriginalDue
	if orig.IsZero() {
		orig = c.Due
	}
	switch at := c.answeredAt(); {
	case !at.IsZero():
		if orig.IsZero() || !Day(at).After(Day(orig)) {
			h.OnTimeOriginal++
		}
	case c.Status == StatusAssigned && !orig.IsZero() && Day(orig).Before(today):
		h.OverdueOriginal++
	}
	if c.Status == StatusClosed {
		h.Closed++
	}
	if c.Extended() {
		h.Extended++
	}
	switch c.VisitResult {
	case VisitSatisfied, VisitFairlySatisfied:
		h.Satisfied++
		h.Visited++
	case VisitDissatisfied:
		h.Visited++
	}
}

// sentimentCounts are the counts of 情感倾向 in their order, then 未标注.
func sentimentCounts(m map[string]int) []Count {
	out := make([]Count, 0, len(Sentiments)+1)
	for _, s := range Sentiments {
		out = append(out, Count{s, m[s]})
	}
	return append(out, Count{"未标注", m[""]})
}
