package model

import (
	"slices"
	"strings"
	"time"
)

// CaseStatus is where a case stands in its handling.
type CaseStatus string

// The case statuses. 逾期 is not a status: see Case.Overdue and Case.DueState.
const (
	StatusPending  CaseStatus = "待研判"
	StatusAssigned CaseStatus = "已交办"
	StatusReplied  CaseStatus = "已回复"
	StatusClosed   CaseStatus = "已办结"
)

// Sources, Domains, Kinds and RiskLevels are the default choices offered by the UI.
// Sources and Domains are editable lists: other values are accepted.
var (
	Sources    = []string{"人民网领导留言板", "阳光理政", "微博", "微信", "抖音", "快手", "12345", "本地论坛", "其他"}
	Domains    = []string{"城建", "交通", "教育", "医疗", "环保", "三农", "民生保障", "政务服务", "其他"}
	Kinds      = []string{"投诉", "求助", "咨询", "建议", "举报", "舆情"}
	RiskLevels = []string{"一般", "较大", "重大", "特别重大"}
)

// Case (案件) is one message from the public or one online public-opinion item,
// from collection to closing.
type Case struct {
	ID     int64
	Number string // 编号, e.g. "2026-0042", assigned by the store

	Title     string    // 标题 (required)
	Source    string    // 来源平台
	URL       string    // 原文链接
	Poster    string    // 网民昵称/账号
	Posted    time.Time // 发布时间
	Collected time.Time // 收集时间 (defaults to creation time)
	Area      string    // 涉及地域 (乡镇)
	Domain    string    // 领域
	Kind      string    // 诉求类型

	Risk       string // 风险等级
	Spread     string // 传播情况
	Content    string // 原文内容 (long text)
	Summary    string // 摘要
	Assessment string // 研判意见
	Proposal   string // 处置建议

	Departments []string  // 责任单位 (department names)
	AssignedAt  time.Time // 交办时间
	Due         time.Time // 办理时限 (a date): the one in force, 延期 included
	OriginalDue time.Time // 原定时限: the 时限 of the first 交办; a 延期 never moves it
	Reminders   int       // 催办次数: how many 催办 events the case has had
	Handling    string    // 办理情况
	Reply       string    // 回复内容
	RepliedAt   time.Time // 回复时间: the day the department replied (登记回复)
	ReplyDept   string    // 回复单位: which department replied
	ClosedAt    time.Time // 办结时间
	Remarks     string    // 备注

	Sentiment   string    // 情感倾向: 正面, 中性, 负面 or ""
	Engagement            // 阅读(播放)数, 转发数, 评论数, 点赞数 and when they were counted
	VisitResult string    // 回访结果: 满意, 基本满意, 不满意, 未回访 or ""
	VisitedAt   time.Time // 回访时间
	Important   bool      // 重点

	Status     CaseStatus
	Reported   bool // 已编报: went into an issued bulletin
	Instructed bool // 已批示: a leader's instruction names it

	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks the fields a user fills in and returns an *Error (EINVALID)
// whose Chinese message names the first bad field.
func (c *Case) Validate() error {
	if err := required("标题", c.Title); err != nil {
		return err
	}
	if err := checkFields(c.textFields()...); err != nil {
		return err
	}
	if err := checkChoice("诉求类型", c.Kind, Kinds); err != nil {
		return err
	}
	if err := checkChoice("风险等级", c.Risk, RiskLevels); err != nil {
		return err
	}
	if !c.Status.valid() {
		return Errorf(EINVALID, "案件状态「%s」无效", c.Status)
	}
	if err := checkDepartments(c.Departments); err != nil {
		return err
	}
	if err := c.checkReport(); err != nil {
		return err
	}
	return c.checkTimes()
}

// checkTimes checks that the case's times follow each other.
func (c *Case) checkTimes() error {
	switch {
	case !c.Posted.IsZero() && !c.Collected.IsZero() && c.Posted.After(c.Collected):
		return Errorf(EINVALID, "发布时间晚于收集时间")
	case !c.Due.IsZero() && !c.AssignedAt.IsZero() && Day(c.Due).Before(Day(c.AssignedAt)):
		return Errorf(EINVALID, "办理时限早于交办时间")
	case !c.RepliedAt.IsZero() && !c.AssignedAt.IsZero() && Day(c.RepliedAt).Before(Day(c.AssignedAt)):
		return Errorf(EINVALID, "回复日期早于交办日期")
	case !c.ClosedAt.IsZero() && !c.RepliedAt.IsZero() && c.ClosedAt.Before(c.RepliedAt):
		return Errorf(EINVALID, "办结时间早于回复时间")
	}
	return nil
}

// textFields lists the case's text fields with their Chinese names.
func (c *Case) textFields() []field {
	return []field{
		{"标题", c.Title, false}, {"来源平台", c.Source, false}, {"原文链接", c.URL, false},
		{"网民昵称", c.Poster, false}, {"涉及地域", c.Area, false}, {"领域", c.Domain, false},
		{"诉求类型", c.Kind, false}, {"风险等级", c.Risk, false},
		{"传播情况", c.Spread, true}, {"原文内容", c.Content, true}, {"摘要", c.Summary, true},
		{"研判意见", c.Assessment, true}, {"处置建议", c.Proposal, true},
		{"办理情况", c.Handling, true}, {"回复内容", c.Reply, true}, {"备注", c.Remarks, true},
		{"回复单位", c.ReplyDept, false},
	}
}

// Clean removes control characters from every text field (see CleanText),
// trims the single-line fields and the department names, and returns one
// Chinese note per field that lost characters, for the UI to show. Validate
// rejects what Clean removes, so text is never changed silently.
func (c *Case) Clean() []string {
	var notes []string
	for _, f := range []struct {
		name      string
		p         *string
		multiline bool
	}{
		{"标题", &c.Title, false}, {"来源平台", &c.Source, false}, {"原文链接", &c.URL, false},
		{"网民昵称", &c.Poster, false}, {"涉及地域", &c.Area, false}, {"领域", &c.Domain, false},
		{"诉求类型", &c.Kind, false}, {"风险等级", &c.Risk, false},
		{"传播情况", &c.Spread, true}, {"原文内容", &c.Content, true}, {"摘要", &c.Summary, true},
		{"研判意见", &c.Assessment, true}, {"处置建议", &c.Proposal, true},
		{"办理情况", &c.Handling, true}, {"回复内容", &c.Reply, true}, {"备注", &c.Remarks, true},
		{"回复单位", &c.ReplyDept, false}, {"情感倾向", &c.Sentiment, false}, {"回访结果", &c.VisitResult, false},
	} {
		notes = cleanInto(notes, f.name, f.p, f.multiline)
		if !f.multiline {
			*f.p = strings.TrimSpace(*f.p)
		}
	}
	c.Departments, notes = cleanList(notes, "责任单位", c.Departments)
	return notes
}

// checkChoice accepts "" or one of choices.
func checkChoice(name, v string, choices []string) error {
	if v == "" || slices.Contains(choices, v) {
		return nil
	}
	return Errorf(EINVALID, "%s「%s」无效，应为：%s", name, v, strings.Join(choices, "、"))
}

// checkDepartments validates a list of department names: no blanks, no repeats.
func checkDepartments(list []string) error {
	if err := checkList("责任单位", list); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, d := range list {
		if seen[d] {
			return Errorf(EINVALID, "责任单位「%s」重复", d)
		}
		seen[d] = true
	}
	return nil
}

// valid reports whether st is one of the four statuses.
func (st CaseStatus) valid() bool {
	switch st {
	case StatusPending, StatusAssigned, StatusReplied, StatusClosed:
		return true
	}
	return false
}

// Overdue reports whether the case is past its due date on day now and not yet
// replied or closed (逾期).
func (c *Case) Overdue(now time.Time) bool {
	if c.Due.IsZero() || c.Status == StatusReplied || c.Status == StatusClosed || c.Status == StatusPending {
		return false
	}
	y, m, d := now.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, now.Location())
	return c.Due.Before(today)
}

// CaseEvent is one entry of a case's timeline (办理记录). Events are only appended.
type CaseEvent struct {
	ID     int64
	CaseID int64
	At     time.Time
	Action string // e.g. "登记", "交办", "登记回复", "办结", "退回重办", "编报", "批示"
	From   CaseStatus
	To     CaseStatus
	Note   string
}

// CaseFilter selects and orders cases. Zero fields do not filter.
type CaseFilter struct {
	ID         *int64
	Query      string     // Chinese substring of any length over 标题, 原文内容, 摘要, 网民昵称, 回复内容 (and 编号)
	Status     CaseStatus // "" = any
	Department string     // one of the case's departments
	Source     string
	Sentiment  string    // 情感倾向, "" = any
	Domain     string    // 领域, "" = any (as are Kind, Area and Risk)
	Kind       string    // 诉求类型
	Area       string    // 涉及地域
	Risk       string    // 风险等级
	Important  bool      // only cases marked 重点
	From, To   time.Time // on 收集时间, inclusive days
	Overdue    bool      // only overdue cases (as of Now)
	DueSoon    bool      // only cases 即将到期: not replied, due today or on the next working day
	Now        time.Time // "today" for Overdue and DueSoon; zero = time.Now()
	Sort       CaseSort
	Desc       bool
	Offset     int
	Limit      int  // 0 = no limit
	Brief      bool // load only the list columns; long texts stay empty

	// AssignedBefore keeps the cases assigned before this instant (one
	// imported without a 交办时间 counts as before): those a department's 交办
	// counts as at a period's end. Zero = any.
	AssignedBefore time.Time

	soonUntil time.Time // DueSoon's last day, from the calendar (set by FindCases)
}

// CaseSort names a column cases can be sorted by.
type CaseSort string

// Sort columns.
const (
	SortNumber    CaseSort = "number"
	SortCollected CaseSort = "collected"
	SortDue       CaseSort = "due"
	SortStatus    CaseSort = "status"
	SortTitle     CaseSort = "title"
)

// CaseUpdate holds the editable fields of a case. Nil fields are left alone.
// Status is never changed here: use the transition methods.
type CaseUpdate struct {
	Title, Source, URL, Poster, Area, Domain, Kind          *string
	Risk, Spread, Content, Summary, Assessment, Proposal    *string
	Handling, Reply, Remarks                                *string
	Posted, Collected, Due, AssignedAt, RepliedAt, ClosedAt *time.Time
	Departments                                             *[]string

	// The report fields. A later Due on a case waiting for its reply is
	// refused here: that is a 延期 (TransitionCase with ActionExtend).
	ReplyDept, Sentiment, VisitResult *string
	Engagement                        *Engagement // all four numbers and their time together
	VisitedAt                         *time.Time
	Important                         *bool
}

// Transition is a request to move a case to another status (交办, 登记回复, 办结,
// 退回重办) or to act on it in its status (延期, 催办). It records one timeline
// event in the same transaction.
//
//   - ActionAssign: Departments and Due required. When the case already has a
//     时限 and Due is later, it is a 延期: Note (the reason) is required and
//     the rule's longest extension applies. When Due is the date ProposeDue
//     gives, the timeline names the rule.
//   - ActionReply: Reply required; RepliedOn is the day the department
//     replied (zero = the day of At; not after today, not before 交办);
//     ReplyDept which department replied (zero = the only department).
//   - ActionExtend (延期): Due, the new 时限, later than the present one and
//     within the rule's longest extension counted from OriginalDue; Note, the
//     reason, required.
//   - ActionRemind (催办): At is the day of the reminder (not after today),
//     Note what was said; the case's Reminders count goes up by one.
type Transition struct {
	Action      string    // one of the Action* constants
	Departments []string  // for ActionAssign: required
	Due         time.Time // for ActionAssign and ActionExtend: 办理时限, required
	Reply       string    // for ActionReply: 回复内容, required
	RepliedOn   time.Time // for ActionReply: 回复日期; zero = the day of At
	ReplyDept   string    // for ActionReply: 回复单位; "" = the case's only department
	Note        string    // free note for the timeline; the reason of a 延期
	At          time.Time // when it happened; zero = now
}

// Case actions, as shown in the UI and the timeline.
const (
	ActionCreate   = "登记"
	ActionAssign   = "交办"
	ActionReply    = "登记回复"
	ActionClose    = "办结"
	ActionReturn   = "退回重办"
	ActionReport   = "编报"
	ActionInstruct = "批示"
	ActionExtend   = "延期"
	ActionRemind   = "催办"

	// Marks taken back: the bulletin was withdrawn, the 批示 record deleted.
	ActionUnreport   = "撤回编报"
	ActionUninstruct = "删除批示"
)
