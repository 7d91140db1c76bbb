package model

import "time"

// MeetingTypes are the kinds of meeting offered by the UI.
var MeetingTypes = []string{"专题研究会", "协调会", "案例交流会", "其他"}

// Meeting (会议纪要) is the note of one meeting.
type Meeting struct {
	ID        int64
	Name      string    // 会议名称 (required)
	Type      string    // 类型
	Time      time.Time // 时间
	Place     string    // 地点
	Host      string    // 主持人
	Present   []string  // 出席
	Attending []string  // 列席
	Absent    []string  // 请假
	Recorder  string    // 记录人
	Topic     string    // 议题
	Content   string    // 会议内容 (long text)
	Decisions []Decision // 议定事项
	CaseIDs   []int64   // linked cases
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
