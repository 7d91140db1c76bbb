package export

import (
	"fmt"
	"time"

	"bulletin/export/layout"
	"bulletin/model"
)

// DefaultReminderTitle is the title of the 催办单.
const DefaultReminderTitle = "网络舆情催办单"

// Reminder is a 网络舆情催办单 (DOCUMENTS.md §3): the frame of the 交办单
// for a case past (or within a working day of) its 时限. The "reminder"
// kind of `bulletin render`.
type Reminder struct {
	Kind       string       `json:"kind"`
	Title      string       `json:"title"`    // 网络舆情催办单
	Number     string       `json:"number"`   // the original 交办编号
	Assigned   string       `json:"assigned"` // 交办日期
	Date       string       `json:"date"`     // 催办日期
	Department string       `json:"department"`
	Cases      []NoticeCase `json:"cases"`
	Due        string       `json:"due"`     // 办理时限
	Overdue    int          `json:"overdue"` // working days past the 时限; 0 when not yet
	ReplyBy    string       `json:"replyBy"` // 请于…前反馈
	Unit       string       `json:"unit"`
	Contact    string       `json:"contact"`
	Black      bool         `json:"black"`
	Small      bool         `json:"small"`
}

// Validate checks the department, the cases and the dates.
func (r *Reminder) Validate() error {
	if err := validateCases(r.Department, r.Cases); err != nil {
		return err
	}
	if r.Overdue < 0 {
		return model.Errorf(model.EINVALID, "逾期工作日数不能为负数")
	}
	return checkDates("交办日期", r.Assigned, "办理时限", r.Due, "催办日期", r.Date, "反馈日期", r.ReplyBy)
}

// Time is the 催办日期.
func (r *Reminder) Time() time.Time {
	t, _ := parseDate("", r.Date)
	return t
}

// Parts describes the 催办单.
func (r *Reminder) Parts() *layout.Doc {
	blocks := noticeHead(titleOr(r.Title, DefaultReminderTitle), r.Black, "交办编号："+r.Number, "催办日期："+chineseDate(r.Date))
	t := newTable("催办单", r.Small)
	t.row("承办单位", r.Department, 0)
	t.row("交办日期", chineseDate(r.Assigned), 0)
	t.cases(r.Cases)
	t.row("办理时限", chineseDate(r.Due), 0)
	state := "将于" + chineseDate(r.Due) + "到期，尚未反馈办理情况"
	if r.Overdue > 0 {
		state = fmt.Sprintf("已逾期 %d 个工作日，尚未反馈办理情况", r.Overdue)
	}
	t.row("办理状态", state, 0)
	req := "请抓紧办理，及时反馈办理情况。"
	if by, err := parseDate("", r.ReplyBy); err == nil && !by.IsZero() {
		req = fmt.Sprintf("请于%d月%d日前反馈办理情况。", int(by.Month()), by.Day())
	}
	t.row("催办要求", req, 0)
	t.row("交办单位\n及联系人", contactLine(r.Unit, r.Contact), 0)
	return &layout.Doc{Blocks: append(blocks, layout.TableBlock{Table: t.t})}
}
