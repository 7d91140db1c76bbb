package model

import (
	"time"
)

// Sentiments and VisitResults are the choices of 情感倾向 and 回访结果.
var (
	Sentiments   = []string{"正面", "中性", "负面"}
	VisitResults = []string{"满意", "基本满意", "不满意", "未回访"}
)

// Visit results.
const (
	VisitSatisfied       = "满意"
	VisitFairlySatisfied = "基本满意"
	VisitDissatisfied    = "不满意"
	VisitNone            = "未回访"
)

// Engagement is how far an item spread, as numbers (传播数据), and when they
// were counted: the numbers grow, so a number without its time says little.
// The free-text 传播情况 (Case.Spread) stays beside it.
type Engagement struct {
	Views     int       // 阅读(播放)数
	Reposts   int       // 转发数
	Comments  int       // 评论数
	Likes     int       // 点赞数
	CountedAt time.Time // 统计时间
}

// Counted reports whether any number or the time is filled in.
func (e Engagement) Counted() bool {
	return e.Views != 0 || e.Reposts != 0 || e.Comments != 0 || e.Likes != 0 || !e.CountedAt.IsZero()
}

// Validate checks the numbers and their time.
func (e Engagement) Validate() error {
	for _, f := range []struct {
		name string
		n    int
	}{{"阅读(播放)数", e.Views}, {"转发数", e.Reposts}, {"评论数", e.Comments}, {"点赞数", e.Likes}} {
		if f.n < 0 {
			return Errorf(EINVALID, "%s不能为负数", f.name)
		}
		if f.n > 1e12 {
			return Errorf(EINVALID, "%s“%d”过大，请核对", f.name, f.n)
		}
	}
	if e.Counted() && e.CountedAt.IsZero() {
		return Errorf(EINVALID, "填写了阅读数等传播数据时，请同时填写统计时间")
	}
	return nil
}

// checkReport checks the fields the reports need: 情感倾向, 传播数据, 回访.
func (c *Case) checkReport() error {
	if err := checkChoice("情感倾向", c.Sentiment, Sentiments); err != nil {
		return err
	}
	if err := c.Engagement.Validate(); err != nil {
		return err
	}
	if err := checkChoice("回访结果", c.VisitResult, VisitResults); err != nil {
		return err
	}
	switch {
	case !c.VisitedAt.IsZero() && c.VisitResult == "":
		return Errorf(EINVALID, "填写了回访时间，请选择回访结果")
	case c.VisitedAt.IsZero() && c.VisitResult != "" && c.VisitResult != VisitNone:
		return Errorf(EINVALID, "回访结果为“%s”时，请填写回访时间", c.VisitResult)
	case !c.VisitedAt.IsZero() && !c.RepliedAt.IsZero() && Day(c.VisitedAt).Before(Day(c.RepliedAt)):
		return Errorf(EINVALID, "回访时间早于回复日期")
	}
	return nil
}

// Replied reports whether the case has a reply (已回复 or 已办结).
func (c *Case) Replied() bool {
	return c.Status == StatusReplied || c.Status == StatusClosed
}

// RepliedLate reports whether the case was replied after its 时限 (逾期回复):
// the day of the reply is after the 时限 in force (an approved 延期 counts,
// as DOCUMENTS.md §5 counts 按期回复 against the 时限).
func (c *Case) RepliedLate() bool {
	at := c.answeredAt()
	return !at.IsZero() && !c.Due.IsZero() && Day(at).After(Day(c.Due))
}

// RepliedOnTime reports whether the case has a reply on or before its 时限;
// a case without a 时限 that was replied counts as on time.
func (c *Case) RepliedOnTime() bool {
	return !c.answeredAt().IsZero() && !c.RepliedLate()
}

// answeredAt is when the case was answered: its reply, or for a case closed
// without a recorded reply time, its closing; zero when not answered.
func (c *Case) answeredAt() time.Time {
	if !c.Replied() {
		return time.Time{}
	}
	if !c.RepliedAt.IsZero() {
		return c.RepliedAt
	}
	return c.ClosedAt
}

// Extended reports whether the case's 时限 was moved later than first set (延期).
func (c *Case) Extended() bool {
	return !c.OriginalDue.IsZero() && !c.Due.IsZero() && Day(c.Due).After(Day(c.OriginalDue))
}

// ReplyLabel is the short mark of a reply for lists: the day as 12-01, with
// 逾期回复 after it when the reply came after the 时限; "" when not replied.
func (c *Case) ReplyLabel() string {
	at := c.answeredAt()
	if at.IsZero() {
		return ""
	}
	if c.RepliedLate() {
		return at.Format("01-02") + " 逾期回复"
	}
	return at.Format("01-02")
}
