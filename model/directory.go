package model

// Department (责任单位) is a unit cases are assigned to.
type Department struct {
	ID      int64
	Name    string // unique, required
	Contact string // 联系人
	Phone   string // 电话
}

// Leader is a county leader who reads the bulletin and writes 批示.
type Leader struct {
	ID       int64
	Name     string // required
	Position string // 职务
	Order    int    // display order, ascending
}
