package model

import (
	"slices"
	"time"
)

// InstructionKinds are the kinds of 批示.
var InstructionKinds = []string{"阅知", "转办", "督办"}

// Instruction (批示) is what one leader wrote on an issued bulletin. The
// leader's name and position are kept as written, even if the directory
// changes later.
type Instruction struct {
	ID          int64
	BulletinID  int64
	LeaderID    int64     // the directory entry, 0 when not from the directory or since deleted
	Leader      string    // 领导姓名 (required)
	Position    string    // 职务
	Date        time.Time // 批示日期 (a date, required)
	Text        string    // 批示内容, verbatim (required)
	Kind        string    // 阅知 / 转办 / 督办
	Departments []string  // departments named in the 批示
	Due         time.Time // 办理时限 (a date), required when Assign

	// Assign records whether recording the instruction also assigned (交办)
	// the linked cases to Departments with Due (see Store.CreateInstruction).
	Assign bool
	// Outcome says what the assigning did, as the list of 批示 shows it
	// (交办 2 件，增加责任单位 1 件，跳过 1 件（已回复）); "" without Assign and in
	// records made before it was kept.
	Outcome string

	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks the fields a user fills in and returns an *Error (EINVALID)
// whose Chinese message names the first bad field.
func (in *Instruction) Validate() error {
	if err := required("批示领导", in.Leader); err != nil {
		return err
	} else if err := required("批示内容", in.Text); err != nil {
		return err
	} else if in.Date.IsZero() {
		return Errorf(EINVALID, "批示日期不能为空")
	}
	if !slices.Contains(InstructionKinds, in.Kind) {
		return Errorf(EINVALID, "批示类型「%s」无效，应为：阅知、转办、督办", in.Kind)
	}
	if err := checkFields(field{"批示领导", in.Leader, false}, field{"职务", in.Position, false},
		field{"批示内容", in.Text, true}); err != nil {
		return err
	}
	if err := checkDepartments(in.Departments); err != nil {
		return err
	}
	if in.Assign {
		if len(in.Departments) == 0 {
			return Errorf(EINVALID, "交办时请选择责任单位")
		} else if in.Due.IsZero() {
			return Errorf(EINVALID, "交办时请填写办理时限")
		}
	}
	if !in.Due.IsZero() && Day(in.Due).Before(Day(in.Date)) {
		return Errorf(EINVALID, "办理时限早于批示日期")
	}
	return nil
}

// Clean removes control characters from the text fields (see CleanText) and
// returns one Chinese note per field that lost characters.
func (in *Instruction) Clean() []string {
	notes := cleanInto(nil, "批示领导", &in.Leader, false)
	notes = cleanInto(notes, "职务", &in.Position, false)
	notes = cleanInto(notes, "批示内容", &in.Text, true)
	in.Departments, notes = cleanList(notes, "责任单位", in.Departments)
	return notes
}
