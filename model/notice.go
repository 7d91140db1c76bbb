package model

import (
	"fmt"
	"strings"
	"time"
)

// ActionNotice is the timeline entry of a case put on a 交办单.
const ActionNotice = "交办单"

// Notice (交办单) is an assignment notice as it was printed for one
// department: its 交办编号, given once per year and never reused, the cases
// it lists and the document it was typeset from (Doc, the JSON of the
// "assignment" kind), so that a reprint gives the same number and the same
// bytes.
type Notice struct {
	ID            int64
	Year          int
	Number        int
	Department    string
	Date          time.Time // 交办日期
	InstructionID int64     // the 批示 it came from, 0 for none
	CaseIDs       []int64
	Doc           []byte
	CreatedAt     time.Time
}

// Label is the 交办编号 as printed: 〔2026〕15号.
func (n *Notice) Label() string { return NoticeLabel(n.Year, n.Number) }

// NoticeLabel writes a 交办编号.
func NoticeLabel(year, number int) string { return fmt.Sprintf("〔%d〕%d号", year, number) }

// Validate checks what a notice needs: a department, a date and cases.
func (n *Notice) Validate() error {
	switch {
	case strings.TrimSpace(n.Department) == "":
		return Errorf(EINVALID, "交办单的承办单位不能为空")
	case n.Date.IsZero():
		return Errorf(EINVALID, "交办单的交办日期不能为空")
	case len(n.CaseIDs) == 0:
		return Errorf(EINVALID, "交办单至少要有一件案件")
	}
	return nil
}

// NoticeFilter selects notices; zero fields do not filter. Oldest first.
type NoticeFilter struct {
	CaseID        int64
	Department    string
	InstructionID int64
}
