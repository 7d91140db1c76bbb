package export

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"bulletin/model"
)

// DocumentStore is what printing the documents needs from the store
// (model.Store). The GUI and `bulletin export` both print through it, so
// that they give the same bytes.
type DocumentStore interface {
	FindSettings(ctx context.Context) (map[string]string, error)
	MinutesNumber(ctx context.Context, meetingID int64, year int) (int, error)
	FindMinutesBody(ctx context.Context, meetingID int64) (string, error)
	FindNotices(ctx context.Context, f model.NoticeFilter) ([]*model.Notice, error)
	CreateNotice(ctx context.Context, n *model.Notice, doc func(label string) ([]byte, error)) error
}

// NoticeSettings are the 设置 of the 交办单, 催办单 and 批示抄清.
type NoticeSettings struct {
	Title, Reminder, Instruction string
	Unit, Contact, Requirement   string
	Black, Small, Receipt        bool
}

// NoticeSettingsFrom reads them from the stored settings; the 交办单位
// defaults to the 专报's 编印单位.
func NoticeSettingsFrom(kv map[string]string) NoticeSettings {
	st := NoticeSettings{
		Title: kv[model.SettingNoticeTitle], Reminder: kv[model.SettingReminderTitle],
		Instruction: kv[model.SettingInstructionTitle],
		Unit:        kv[model.SettingNoticeUnit], Contact: kv[model.SettingNoticeContact],
		Requirement: kv[model.SettingNoticeRequirement],
		Black:       kv[model.SettingNoticeBlack] == "1", Small: kv[model.SettingNoticeSmall] == "1",
		Receipt: kv[model.SettingNoticeReceipt] != "0",
	}
	if st.Unit == "" {
		st.Unit = kv[model.SettingUnit]
	}
	return st
}

// PrintMinutes typesets a meeting's 纪要 with the store's settings: with
// body, else the body last saved, else one drafted from the meeting record.
// The 期号 is the meeting's, given once.
func PrintMinutes(ctx context.Context, s DocumentStore, mt *model.Meeting, body string) ([]byte, *Report, error) {
	kv, err := s.FindSettings(ctx)
	if err != nil {
		return nil, nil, err
	}
	year := mt.Time.Year()
	if mt.Time.IsZero() {
		year = time.Now().Year()
	}
	n, err := s.MinutesNumber(ctx, mt.ID, year)
	if err != nil {
		return nil, nil, err
	}
	m := MinutesFromMeeting(mt, n, MinutesSettingsFrom(kv))
	if strings.TrimSpace(body) == "" {
		if body, err = s.FindMinutesBody(ctx, mt.ID); err != nil {
			return nil, nil, err
		}
	}
	if strings.TrimSpace(body) != "" {
		m.Body = body
	}
	return PrintedPDF(m, kv)
}

// NoticeRequest is a 交办单 to print: the cases assigned to one department
// on date with their 时限, and the 批示 they were assigned after.
type NoticeRequest struct {
	Cases       []*model.Case
	Department  string
	Date        time.Time
	Due         time.Time
	Instruction *model.Instruction
}

// PrintNotice returns the 交办单 of req: the one printed before (findNotice),
// reprinted from its stored document with the same 交办编号 and bytes, else
// a new one with the next 交办编号, stored and shown in each case's
// timeline.
func PrintNotice(ctx context.Context, s DocumentStore, req NoticeRequest) ([]byte, *Report, *model.Notice, error) {
	kv, err := s.FindSettings(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	n, err := findNotice(ctx, s, req)
	if err != nil {
		return nil, nil, nil, err
	}
	if n == nil {
		n = &model.Notice{Department: req.Department, Date: model.Day(req.Date)}
		for _, c := range req.Cases {
			n.CaseIDs = append(n.CaseIDs, c.ID)
		}
		if req.Instruction != nil {
			n.InstructionID = req.Instruction.ID
		}
		a := AssignmentFrom(req, NoticeSettingsFrom(kv))
		err = s.CreateNotice(ctx, n, func(label string) ([]byte, error) {
			a.Number = label
			return json.MarshalIndent(a, "", "  ")
		})
		if err != nil {
			return nil, nil, nil, err
		}
	}
	var a Assignment
	if err := decodeStrict(n.Doc, &a); err != nil {
		return nil, nil, nil, fmt.Errorf("stored notice %s: %w", n.Label(), err)
	}
	pdf, rep, err := PrintedPDF(&a, kv)
	return pdf, rep, n, err
}

// findNotice returns the notice printed before for req, or nil: for a
// 批示, its notice to the department; else the latest notice to the
// department listing the first case (possibly one of a 批示 listing
// several), so that a case keeps its 交办编号.
func findNotice(ctx context.Context, s DocumentStore, req NoticeRequest) (*model.Notice, error) {
	if len(req.Cases) == 0 {
		return nil, model.Errorf(model.EINVALID, "交办单至少要有一件案件")
	}
	f := model.NoticeFilter{Department: req.Department, CaseID: req.Cases[0].ID}
	if req.Instruction != nil {
		f = model.NoticeFilter{Department: req.Department, InstructionID: req.Instruction.ID}
	}
	ns, err := s.FindNotices(ctx, f)
	if err != nil || len(ns) == 0 {
		return nil, err
	}
	return ns[len(ns)-1], nil
}

// AssignmentFrom is the 交办单 of a request, without its number.
func AssignmentFrom(req NoticeRequest, st NoticeSettings) *Assignment {
	a := &Assignment{
		Kind: KindAssignment, Title: st.Title, Date: dateOf(req.Date), Department: req.Department,
		Requirement: st.Requirement, Due: dateOf(req.Due), Unit: st.Unit, Contact: st.Contact,
		Receipt: st.Receipt, Black: st.Black, Small: st.Small,
	}
	for _, c := range req.Cases {
		a.Cases = append(a.Cases, NoticeCaseFrom(c))
	}
	if in := req.Instruction; in != nil {
		who := strings.TrimSpace(in.Leader + "　" + in.Position) // (张振华　县委书记　2026年12月2日)
		a.Instruction = &InstructionText{Leader: who, Date: dateOf(in.Date), Text: in.Text}
	}
	return a
}

// ReminderFrom is the 催办单 of a case for one department on day: the
// 交办编号 and date of its notice when one was printed, how many working
// days it is overdue, and a reply asked for within two working days.
func ReminderFrom(c *model.Case, dept string, n *model.Notice, day time.Time, cal *model.Calendar, st NoticeSettings) *Reminder {
	r := &Reminder{
		Kind: KindReminder, Title: st.Reminder, Date: dateOf(day), Department: dept,
		Cases: []NoticeCase{NoticeCaseFrom(c)}, Due: dateOf(c.Due), Assigned: dateOf(c.AssignedAt),
		Unit: st.Unit, Contact: st.Contact, Black: st.Black, Small: st.Small,
	}
	if n != nil {
		r.Number, r.Assigned = n.Label(), dateOf(n.Date)
	}
	if cal != nil {
		if !c.Due.IsZero() {
			r.Overdue = cal.WorkdaysAfter(c.Due, day)
		}
		r.ReplyBy = dateOf(cal.AddWorkdays(day, 2, true))
	}
	return r
}

// InstructionCopyFrom is the 批示抄清 of a 批示 on bulletin b (nil when not
// known).
func InstructionCopyFrom(in *model.Instruction, b *model.Bulletin, st NoticeSettings) *InstructionCopy {
	c := &InstructionCopy{
		Kind: KindInstruction, Title: st.Instruction, Leader: leaderName(in), Date: dateOf(in.Date),
		Text: in.Text, Departments: strings.Join(in.Departments, "、"), Unit: st.Unit, Black: st.Black,
	}
	if b != nil {
		name := strings.TrimSpace(b.Name)
		if name == "" {
			name = "舆情专报"
		}
		c.Issue = fmt.Sprintf("《%s》%d年第%d期", name, b.Year, b.Number)
		c.BulletinTitle = b.Title
	}
	return c
}

// leaderName is 李某（县委书记）, or the name alone.
func leaderName(in *model.Instruction) string {
	if p := strings.TrimSpace(in.Position); p != "" {
		return in.Leader + "（" + p + "）"
	}
	return in.Leader
}

func dateOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(DateLayout)
}

// DocumentFileName makes a file name of a document's title and particulars:
// characters Windows forbids become _.
func DocumentFileName(parts ...string) string {
	name := strings.Join(parts, "")
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, name) + ".pdf"
}
