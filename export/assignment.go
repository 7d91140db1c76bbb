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
	if err := validateCases(a.Department, a.Cases); err != nil {
		return err
	}
	dates := []string{"交办日期", a.Date, "办理时限", a.Due}
	if a.Instruction != nil {
		dates = append(dates, "批示日期", a.Instruction.Date)
	}
	return checkDates(dates...)
}

// validateCases checks what the 交办单 and the 催办单 both need: the
// department and at least one case, each with a title.
func validateCases(dept string, cases []NoticeCase) error {
	switch {
	case strings.TrimSpace(dept) == "":
		return model.Errorf(model.EINVALID, "承办单位不能为空")
	case len(cases) == 0:
		return model.Errorf(model.EINVALID, "交办单至少要有一件案件（cases）")
	}
	for i, c := range cases {
		if strings.TrimSpace(c.Title) == "" {
			return model.Errorf(model.EINVALID, "第 %d 件案件的标题不能为空", i+1)
		}
	}
	return nil
}

// checkDates parses the dates given as name, value pairs; the first that is
// not a 2026-03-09 date is the error.
func checkDates(nameValue ...string) error {
	for i := 0; i+1 < len(nameValue); i += 2 {
		if _, err := parseDate(nameValue[i], nameValue[i+1]); err != nil {
			return err
		}
	}
	return nil
}

// titleOr is a document's title as set, or its default when blank.
func titleOr(title, def string) string {
	if t := strings.TrimSpace(title); t != "" {
		return t
	}
	return def
}

// Time is the 交办日期.
func (a *Assignment) Time() time.Time {
	t, _ := parseDate("", a.Date)
	return t
}

// Parts describes the 交办单 and, when Receipt, its 回执 below a cut line
// (on a page of its own when it does not fit).
func (a *Assignment) Parts() *layout.Doc {
	blocks := noticeHead(titleOr(a.Title, DefaultAssignmentTitle), a.Black, "编号："+a.Number, "交办日期："+chineseDate(a.Date))
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
