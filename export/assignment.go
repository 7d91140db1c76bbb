package export

import (
	"strings"
	"time"

	"bulletin/export/layout"
	"bulletin/model"
)

// DefaultAssignmentTitle and DefaultReceiptTitle are the titles of the 交办单
// and its 回执.
const (
	DefaultAssignmentTitle = "网络舆情交办单"
	DefaultReceiptTitle    = "网络舆情办理情况回执"
)

// InstructionText is a leader's 批示 as a notice quotes it.
type InstructionText struct {
	Leader string `json:"leader"`
	Date   string `json:"date"`
	Text   string `json:"text"`
}

// Assignment is a 网络舆情交办单 with its 回执 (DOCUMENTS.md §2): one
// department, one or more cases. The "assignment" kind of `bulletin render`.
type Assignment struct {
	Kind        string           `json:"kind"`
	Title       string           `json:"title"`  // 网络舆情交办单
	Number      string           `json:"number"` // 〔2026〕15号
	Date        string           `json:"date"`   // 交办日期
	Department  string           `json:"department"`
	Cases       []NoticeCase     `json:"cases"`
	Instruction *InstructionText `json:"instruction"`
	Requirement string           `json:"requirement"`
	Due         string           `json:"due"`
	Unit        string           `json:"unit"` // 交办单位
	Contact     string           `json:"contact"`
	Receipt     bool             `json:"receipt"`
	Black       bool             `json:"black"`
	Small       bool             `json:"small"` // values in 四号
}

// Validate checks the department, the cases and the dates.
func (a *Assignment) Validate() error {
	switch {
	case strings.TrimSpace(a.Department) == "":
		return model.Errorf(model.EINVALID, "承办单位不能为空")
	case len(a.Cases) == 0:
		return model.Errorf(model.EINVALID, "交办单至少要有一件案件（cases）")
	}
	for i, c := range a.Cases {
		if strings.TrimSpace(c.Title) == "" {
			return model.Errorf(model.EINVALID, "第 %d 件案件的标题不能为空", i+1)
		}
	}
	if _, err := parseDate("交办日期", a.Date); err != nil {
		return err
	}
	if _, err := parseDate("办理时限", a.Due); err != nil {
		return err
	}
	if a.Instruction != nil {
		if _, err := parseDate("批示日期", a.Instruction.Date); err != nil {
			return err
		}
	}
	return nil
}

// Time is the 交办日期.
func (a *Assignment) Time() time.Time {
	t, _ := parseDate("", a.Date)
	return t
}

// Parts describes the 交办单 and, when Receipt, its 回执 below a cut line
// (on a page of its own when it does not fit).
func (a *Assignment) Parts() *layout.Doc {
	title := strings.TrimSpace(a.Title)
	if title == "" {
		title = DefaultAssignmentTitle
	}
	blocks := noticeHead(title, a.Black, "编号："+a.Number, "交办日期："+chineseDate(a.Date))
	t := newTable("交办单", a.Small)
	t.row("承办单位", a.Department, 0)
	t.cases(a.Cases)
	if in := a.Instruction; in != nil && strings.TrimSpace(in.Text) != "" {
		text := strings.TrimSpace(in.Text)
		if who := strings.TrimSpace(strings.TrimSpace(in.Leader) + "　" + chineseDate(in.Date)); who != "" {
			text += "\n（" + who + "）"
		}
		t.styled("领导批示", text, layout.Kaiti)
	}
	req := strings.TrimSpace(a.Requirement)
	if req == "" {
		req = model.DefaultRequirement
	}
	t.row("办理要求", req, 0)
	t.row("办理时限", chineseDate(a.Due), 0)
	t.row("交办单位\n及联系人", contactLine(a.Unit, a.Contact), 0)
	blocks = append(blocks, layout.TableBlock{Table: t.t})
	if a.Receipt {
		blocks = append(blocks, a.receipt())
	}
	return &layout.Doc{Blocks: blocks}
}

// receipt is the 回执: the department fills it in and sends it back.
func (a *Assignment) receipt() layout.Block {
	t := newTable("回执", a.Small)
	t.row("交办编号", a.Number, 0)
	t.row("承办单位", a.Department, 0)
	t.row("办理情况", "", 6)
	t.row("回复网民\n情况", "", 3)
	t.row("承办单位\n负责人\n（签字）", "", 0)
	t.row("联系电话", "", 0)
	t.span("（盖章）\n年　　月　　日　　", layout.AlignRight, 2)
	return layout.Keep{Blocks: []layout.Block{
		layout.Space{Lines: 1},
		layout.Cut{},
		layout.Title{Text: DefaultReceiptTitle, Colour: ink(a.Black)},
		layout.Space{Lines: 1},
		layout.TableBlock{Table: t.t},
	}}
}
