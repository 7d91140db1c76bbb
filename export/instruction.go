package export

import (
	"strings"
	"time"

	"bulletin/export/layout"
	"bulletin/model"
)

// DefaultInstructionTitle is the title of the 批示抄清.
const DefaultInstructionTitle = "领导批示抄清"

// InstructionCopy is a 批示抄清 (DOCUMENTS.md §4): the fair copy of a
// leader's 批示, sent with the 交办单. The "instruction" kind of
// `bulletin render`.
type InstructionCopy struct {
	Kind          string `json:"kind"`
	Title         string `json:"title"`         // 领导批示抄清
	Issue         string `json:"issue"`         // 《舆情专报》2026年第12期
	BulletinTitle string `json:"bulletinTitle"` // the bulletin's title
	Leader        string `json:"leader"`        // 张三（县委书记）
	Date          string `json:"date"`          // 批示日期
	Text          string `json:"text"`          // verbatim
	Departments   string `json:"departments"`   // 县水务局、县住建局
	Unit          string `json:"unit"`          // 抄清单位
	Black         bool   `json:"black"`
}

// Validate checks the leader, the text and the date.
func (c *InstructionCopy) Validate() error {
	switch {
	case strings.TrimSpace(c.Leader) == "":
		return model.Errorf(model.EINVALID, "批示领导不能为空")
	case strings.TrimSpace(c.Text) == "":
		return model.Errorf(model.EINVALID, "批示内容不能为空")
	}
	return checkDates("批示日期", c.Date)
}

// Time is the 批示日期.
func (c *InstructionCopy) Time() time.Time {
	t, _ := parseDate("", c.Date)
	return t
}

// Parts describes the 抄清: the title, then a table of the bulletin, the
// leader, the date, the verbatim 批示 in 楷体 and the departments.
func (c *InstructionCopy) Parts() *layout.Doc {
	t := newTable("批示抄清", false)
	t.row("专报期号", c.Issue, 0)
	t.row("专报标题", c.BulletinTitle, 0)
	t.row("批示领导", c.Leader, 0)
	t.row("批示日期", chineseDate(c.Date), 0)
	t.styled("批示内容", c.Text, layout.Kaiti)
	t.t.Rows[len(t.t.Rows)-1].MinHeight = 8 * layout.DefaultPitch // room to read, as on the 阅批单
	t.row("责任单位", c.Departments, 0)
	blocks := []layout.Block{layout.Title{Text: titleOr(c.Title, DefaultInstructionTitle), Colour: ink(c.Black)}, layout.Space{Lines: 1}}
	if u := strings.TrimSpace(c.Unit); u != "" {
		blocks = append(blocks, layout.Pair{Right: u, Part: "抄清单位"})
	}
	blocks = append(blocks, layout.TableBlock{Table: t.t})
	return &layout.Doc{Blocks: blocks}
}
