package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// BulletinStatus is where an issue of 《舆情专报》 stands.
type BulletinStatus string

// Bulletin statuses. An issued bulletin is frozen.
const (
	BulletinDraft      BulletinStatus = "草稿"
	BulletinIssued     BulletinStatus = "已印发"
	BulletinInstructed BulletinStatus = "已批示"
)

// Bulletin actions recorded in a bulletin's history (BulletinEvent).
const (
	BulletinActionCreate   = "创建"
	BulletinActionIssue    = "印发"
	BulletinActionWithdraw = "撤回"
	BulletinActionInstruct = "批示"
	BulletinActionUnrecord = "删除批示"
)

// DefaultMarking is the marking printed top left when none is chosen.
const DefaultMarking = "内部资料 注意保存"

// Bulletin (专报期次) is one issue of 《舆情专报》: its numbering, its content as
// typeset, the cases and meeting notes it reports on and, once issued, the
// exact PDF printed.
//
// Bao, Song and Fa are the pinyin of 报, 送 and 发, the three distribution
// lines of the 报尾, for which English has no fitting words; the names are
// used the same way in the document JSON and in export.
type Bulletin struct {
	ID     int64
	Year   int // 年度
	Number int // 期号: 第N期, restarting each year; unique within the year
	Serial int // 总期号: 总第N期, never restarting; 0 = not printed

	Name       string    // 刊名, e.g. 舆情专报
	Unit       string    // 编印单位
	Date       time.Time // 印发日期 (a date)
	Marking    string    // e.g. 内部资料 注意保存; "" = none
	Title      string    // 标题 (required)
	EditorNote string    // 编者按
	Body       string    // 正文, plain text (headings detected by the typesetter)
	Bao        string    // 报
	Song       string    // 送
	Fa         string    // 发
	Copies     int       // 印数
	Signer     string    // 签发
	Editor     string    // 编辑
	Cover      bool      // print the 阅批单 cover page

	CaseIDs    []int64 // linked cases, in the order chosen
	MeetingIDs []int64 // linked meeting notes

	Status           BulletinStatus
	IssuedAt         time.Time // when it was issued (印发); zero for a draft
	InstructionCount int       // number of 批示, filled by the Find methods

	CreatedAt time.Time
	UpdatedAt time.Time
}

// Issue returns the issue label used on the command line, "2026-12".
func (b *Bulletin) Issue() string { return fmt.Sprintf("%d-%d", b.Year, b.Number) }

// Frozen reports whether the bulletin has been issued, so that its content
// and its PDF can no longer change.
func (b *Bulletin) Frozen() bool { return b.Status != BulletinDraft }

// Validate checks the fields a user fills in and returns an *Error (EINVALID)
// whose Chinese message names the first bad field.
func (b *Bulletin) Validate() error {
	switch {
	case b.Year < 2000 || b.Year > 2999:
		return Errorf(EINVALID, "年度 %d 无效", b.Year)
	case b.Number <= 0:
		return Errorf(EINVALID, "期号必须是正整数")
	case b.Serial < 0:
		return Errorf(EINVALID, "总期号不能为负数")
	case b.Copies < 0:
		return Errorf(EINVALID, "印数不能为负数")
	}
	if err := required("标题", b.Title); err != nil {
		return err
	}
	return checkFields(
		field{"刊名", b.Name, false}, field{"编印单位", b.Unit, false}, field{"密级标注", b.Marking, false},
		field{"标题", b.Title, true}, field{"编者按", b.EditorNote, true}, field{"正文", b.Body, true},
		field{"报", b.Bao, true}, field{"送", b.Song, true}, field{"发", b.Fa, true},
		field{"签发", b.Signer, false}, field{"编辑", b.Editor, false},
	)
}

// Clean removes control characters from the text fields (see CleanText) and
// returns one Chinese note per field that lost characters.
func (b *Bulletin) Clean() []string {
	var notes []string
	for _, f := range []struct {
		name      string
		p         *string
		multiline bool
	}{
		{"刊名", &b.Name, false}, {"编印单位", &b.Unit, false}, {"密级标注", &b.Marking, false},
		{"标题", &b.Title, true}, {"编者按", &b.EditorNote, true}, {"正文", &b.Body, true},
		{"报", &b.Bao, true}, {"送", &b.Song, true}, {"发", &b.Fa, true},
		{"签发", &b.Signer, false}, {"编辑", &b.Editor, false},
	} {
		notes = cleanInto(notes, f.name, f.p, f.multiline)
	}
	return notes
}

// BulletinFilter selects bulletins; zero fields do not filter. Newest first
// (year, then 期号, descending).
type BulletinFilter struct {
	ID     *int64
	Year   int
	Number int
	Status BulletinStatus
	CaseID int64 // bulletins that link this case
	Limit  int
}

// BulletinEvent is one entry of a bulletin's history: created, issued,
// withdrawn (with the PDF that was withdrawn), an instruction recorded.
type BulletinEvent struct {
	ID         int64
	BulletinID int64
	At         time.Time
	Action     string // one of the BulletinAction* constants
	Note       string
	HasPDF     bool // a withdrawn PDF is kept with the event
}

// ParseIssue parses an issue label "2026-12" (year and 期号).
func ParseIssue(s string) (year, number int, err error) {
	y, n, ok := strings.Cut(strings.TrimSpace(s), "-")
	year, err1 := strconv.Atoi(y)
	number, err2 := strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || year < 2000 || year > 2999 || number <= 0 {
		return 0, 0, Errorf(EINVALID, "期次「%s」格式不对，应为 年度-期号，例如 2026-12", s)
	}
	return year, number, nil
}
