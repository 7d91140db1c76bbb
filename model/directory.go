package model

import "time"

// Department (责任单位) is a unit cases are assigned to.
type Department struct {
	ID        int64
	Name      string // unique, required
	Contact   string // 联系人
	Phone     string // 电话
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks the department's fields.
func (d *Department) Validate() error {
	if err := required("单位名称", d.Name); err != nil {
		return err
	}
	return checkFields(field{"单位名称", d.Name, false}, field{"联系人", d.Contact, false}, field{"电话", d.Phone, false})
}

// Leader is a county leader who reads the bulletin and writes 批示.
type Leader struct {
	ID        int64
	Name      string // required
	Position  string // 职务
	Order     int    // display order, ascending
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks the leader's fields.
func (l *Leader) Validate() error {
	if err := required("领导姓名", l.Name); err != nil {
		return err
	}
	return checkFields(field{"领导姓名", l.Name, false}, field{"职务", l.Position, false})
}
