package model

import (
	"fmt"
	"time"
)

// DueState is where a case stands against its 时限 on a given day.
type DueState int

// The states of a case's 时限. Only an assigned case (已交办, not yet replied)
// can be 即将到期 or 逾期.
const (
	DueNone DueState = iota // no 时限, or not waiting for a reply
	DueOK                   // due later than the next working day
	DueSoon                 // 即将到期: due today or on the next working day
	DueLate                 // 逾期
)

// DueState says whether the case is 即将到期 or 逾期 on day now under cal, and
// for 逾期 by how many working days.
func (c *Case) DueState(cal *Calendar, now time.Time) (DueState, int) {
	if c.Due.IsZero() || c.Status != StatusAssigned {
		return DueNone, 0
	}
	today := midnight(now)
	due := midnight(c.Due)
	switch {
	case due.Before(today):
		return DueLate, cal.WorkdaysAfter(due, today)
	case !due.After(cal.NextWorkday(today)):
		return DueSoon, 0
	}
	return DueOK, 0
}

// DueLabel is the short mark of the state for lists: 即将到期, 逾期 3 个工作日.
func (c *Case) DueLabel(cal *Calendar, now time.Time) string {
	switch st, n := c.DueState(cal, now); st {
	case DueSoon:
		return "即将到期"
	case DueLate:
		if n == 0 { // due on a day off, and no working day has passed since
			return "逾期"
		}
		return fmt.Sprintf("逾期 %d 个工作日", n)
	}
	return ""
}
