package model

import (
	"fmt"
	"time"
)

// MeetingTypes are the kinds of meeting offered by the UI.
var MeetingTypes = []string{"专题研究会", "协调会", "案例交流会", "其他"}

// Meeting (会议纪要) is the note of one meeting.
type Meeting struct {
	ID        int64
	Name      string     // 会议名称 (required)
	Type      string     // 类型
	Time      time.Time  // 时间
	Place     string     // 地点
	Host      string     // 主持人
	Present   []string   // 出席
	Attending []string   // 列席
	Absent    []string   // 请假
	Recorder  string     // 记录人
	Topic     string     // 议题
	Content   string     // 会议内容 (long text)
	Decisions []Decision // 议定事项
	CaseIDs   []int64    // linked cases
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Decision (议定事项) is one item agreed at a meeting.
type Decision struct {
	Text string    // 事项
	Lead string    // 牵头单位
	Due  time.Time // 时限 (a date, may be zero)
}

// MeetingFilter selects meetings; zero fields do not filter. Newest first.
type MeetingFilter struct {
	ID     *int64
	Query  string // substring of 会议名称, 议题, 会议内容
	CaseID int64  // meetings linked to this case
	Limit  int
}

// Validate checks the fields a user fills in and returns an *Error (EINVALID)
// whose Chinese message names the first bad field.
func (m *Meeting) Validate() error {
	if err := required("会议名称", m.Name); err != nil {
		return err
	}
	if err := checkFields(
		field{"会议名称", m.Name, false}, field{"类型", m.Type, false}, field{"地点", m.Place, false},
		field{"主持人", m.Host, false}, field{"记录人", m.Recorder, false},
		field{"议题", m.Topic, true}, field{"会议内容", m.Content, true},
	); err != nil {
		return err
	}
	for _, l := range []struct {
		name string
		list []string
	}{{"出席", m.Present}, {"列席", m.Attending}, {"请假", m.Absent}} {
		if err := checkList(l.name, l.list); err != nil {
			return err
		}
	}
	for i, d := range m.Decisions {
		name := fmt.Sprintf("议定事项第 %d 项", i+1)
		if err := required(name, d.Text); err != nil {
			return err
		}
		if err := checkFields(field{name, d.Text, true}, field{name + "的牵头单位", d.Lead, false}); err != nil {
			return err
		}
		if !d.Due.IsZero() && !m.Time.IsZero() && Day(d.Due).Before(Day(m.Time)) {
			return Errorf(EINVALID, "%s的时限早于会议时间", name)
		}
	}
	return nil
}

// Clean removes control characters from the text fields (see CleanText),
// drops blank names from the lists and returns one Chinese note per field
// that lost characters.
func (m *Meeting) Clean() []string {
	var notes []string
	for _, f := range []struct {
		name      string
		p         *string
		multiline bool
	}{
		{"会议名称", &m.Name, false}, {"类型", &m.Type, false}, {"地点", &m.Place, false},
		{"主持人", &m.Host, false}, {"记录人", &m.Recorder, false},
		{"议题", &m.Topic, true}, {"会议内容", &m.Content, true},
	} {
		notes = cleanInto(notes, f.name, f.p, f.multiline)
	}
	m.Present, notes = cleanList(notes, "出席", m.Present)
	m.Attending, notes = cleanList(notes, "列席", m.Attending)
	m.Absent, notes = cleanList(notes, "请假", m.Absent)
	for i := range m.Decisions {
		notes = cleanInto(notes, fmt.Sprintf("议定事项第 %d 项", i+1), &m.Decisions[i].Text, true)
		notes = cleanInto(notes, fmt.Sprintf("议定事项第 %d 项的牵头单位", i+1), &m.Decisions[i].Lead, false)
	}
	return notes
}
