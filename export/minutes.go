package export

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"bulletin/export/layout"
	"bulletin/model"
)

// DefaultMinutesMark is the 纪要's mark when its setting is empty.
const DefaultMinutesMark = "网络舆情工作会议纪要"

// Minutes is a 会议纪要 (DOCUMENTS.md §1) as typeset: the "minutes" kind of
// `bulletin render`. Attendance lists are written as printed (张三、李四).
type Minutes struct {
	Kind      string  `json:"kind"`
	Mark      string  `json:"mark"`     // 网络舆情工作会议纪要
	MarkSize  float64 `json:"markSize"` // pt, 0 = 22
	Number    int     `json:"number"`   // 期号 of the year, 0 for none
	Unit      string  `json:"unit"`
	Date      string  `json:"date"`
	Title     string  `json:"title"` // optional 关于……的会议纪要
	Body      string  `json:"body"`
	Present   string  `json:"present"`   // 出席
	Absent    string  `json:"absent"`    // 请假
	Observers string  `json:"observers"` // 列席
	CopyTo    string  `json:"copyTo"`    // 抄送
	Issuer    string  `json:"issuer"`    // 印发单位
	Issued    string  `json:"issued"`    // 印发日期
	Black     bool    `json:"black"`     // the mark and rule in black
}

// Validate checks the body, the dates and the number.
func (m *Minutes) Validate() error {
	if strings.TrimSpace(m.Body) == "" {
		return model.Errorf(model.EINVALID, "纪要正文不能为空")
	}
	if m.Number < 0 {
		return model.Errorf(model.EINVALID, "期号不能为负数")
	}
	if m.MarkSize != 0 && (m.MarkSize < 16 || m.MarkSize > 60) {
		return model.Errorf(model.EINVALID, "纪要标志字号 %g 磅超出范围（16–60 磅）", m.MarkSize)
	}
	if _, err := parseDate("日期", m.Date); err != nil {
		return err
	}
	_, err := parseDate("印发日期", m.Issued)
	return err
}

// Time is the date of the meeting's minutes.
func (m *Minutes) Time() time.Time {
	t, _ := parseDate("", m.Date)
	return t
}

// Parts describes the 纪要: the mark with its top at y = 72 mm, 第N期, the
// unit/date line and rule, the title, the body, the attendance (labels two
// characters in, names aligned after them) and the 版记.
func (m *Minutes) Parts() *layout.Doc {
	mark := strings.TrimSpace(m.Mark)
	if mark == "" {
		mark = DefaultMinutesMark
	}
	blocks := []layout.Block{layout.Mark{Text: mark, Size: m.MarkSize, Colour: ink(m.Black)}}
	if m.Number > 0 {
		blocks = append(blocks, layout.Line{Text: fmt.Sprintf("第%d期", m.Number), Role: layout.Kaiti, Align: layout.AlignCentre, Part: layout.PartIssue})
	}
	ruled := m.Unit != "" || m.Date != ""
	blocks = append(blocks, layout.UnitDate{Unit: m.Unit, Date: chineseDate(m.Date), Rule: ruled})
	if ruled {
		blocks = append(blocks, layout.Space{Lines: 2})
	} else {
		blocks = append(blocks, layout.Space{Lines: 1})
	}
	if strings.TrimSpace(m.Title) != "" {
		blocks = append(blocks, layout.Title{Text: m.Title}, layout.Space{Lines: 1})
	}
	blocks = append(blocks, layout.Body{Text: m.Body}, layout.Space{Lines: 1})
	for _, a := range []struct{ label, names string }{{"出席：", m.Present}, {"请假：", m.Absent}, {"列席：", m.Observers}} {
		blocks = append(blocks, layout.Labelled{Label: a.label, Text: a.names,
			LabelX: layout.Left + 2*layout.Cell, TextX: layout.Left + 5*layout.Cell, Part: "出席名单"})
	}
	d := &layout.Doc{Blocks: blocks, Foot: []layout.FootItem{{Label: "抄送", Text: m.CopyTo}}, FootLeft: m.Issuer}
	if m.Issued != "" {
		d.FootRight = chineseDate(m.Issued) + "印发"
	}
	return d
}

// MinutesSettings are the 设置 of the 纪要 (model.SettingMinutes*).
type MinutesSettings struct {
	Mark, Unit, CopyTo, Issuer string
	MarkSize                   float64 // pt, 0 = 22
	Black                      bool
}

// MinutesSettingsFrom reads them from the stored settings; the unit line
// and the 印发单位 default to the 专报's 编印单位.
func MinutesSettingsFrom(kv map[string]string) MinutesSettings {
	ms := MinutesSettings{
		Mark: kv[model.SettingMinutesMark], Unit: kv[model.SettingMinutesUnit],
		CopyTo: kv[model.SettingMinutesCopyTo], Issuer: kv[model.SettingMinutesIssuer],
		Black: kv[model.SettingMinutesBlack] == "1",
	}
	if ms.Unit == "" {
		ms.Unit = kv[model.SettingUnit] // the office, as on the 专报
	}
	if v, err := strconv.ParseFloat(strings.TrimSpace(kv[model.SettingMinutesMarkSize]), 64); err == nil && v >= 16 && v <= 60 {
		ms.MarkSize = v
	}
	if ms.Issuer == "" {
		ms.Issuer = ms.Unit
	}
	return ms
}

// MinutesFromMeeting drafts the 纪要 of a meeting: number is its 期号 of the
// year. The body opens with the 导语 (date, host, meeting, topic), then the
// 会议内容 and the 议定事项, each ending with its 牵头单位 and 时限.
func MinutesFromMeeting(mt *model.Meeting, number int, s MinutesSettings) *Minutes {
	m := &Minutes{
		Kind: KindMinutes, Mark: s.Mark, MarkSize: s.MarkSize, Number: number, Unit: s.Unit,
		Body:    MinutesBody(mt),
		Present: strings.Join(mt.Present, "、"), Absent: strings.Join(mt.Absent, "、"),
		Observers: strings.Join(mt.Attending, "、"),
		CopyTo:    s.CopyTo, Issuer: s.Issuer, Black: s.Black,
	}
	if !mt.Time.IsZero() {
		m.Date = mt.Time.Format(DateLayout)
		m.Issued = m.Date
	}
	return m
}

// MinutesBody drafts the body of a meeting's 纪要 from its record.
func MinutesBody(mt *model.Meeting) string {
	var b strings.Builder
	if !mt.Time.IsZero() {
		b.WriteString(chinese(mt.Time) + "，")
	}
	if h := strings.TrimSpace(mt.Host); h != "" {
		b.WriteString(h + "主持召开")
	} else {
		b.WriteString("召开")
	}
	b.WriteString(strings.TrimSpace(mt.Name))
	if p := strings.TrimSpace(mt.Place); p != "" {
		b.WriteString("（地点：" + p + "）")
	}
	if t := strings.TrimRight(strings.TrimSpace(mt.Topic), "。；;，, "); t != "" {
		if !strings.HasPrefix(t, "研究") {
			t = "研究" + t
		}
		b.WriteString("，" + t)
	}
	b.WriteString("。现将会议议定事项纪要如下：")
	for _, p := range strings.Split(strings.TrimSpace(mt.Content), "\n") {
		if p = strings.TrimSpace(p); p != "" {
			b.WriteString("\n" + p)
		}
	}
	for i, d := range mt.Decisions {
		b.WriteString("\n" + cnNumber(i+1) + "、" + strings.TrimRight(strings.TrimSpace(d.Text), "。；;"))
		b.WriteString("。")
		switch lead := strings.TrimSpace(d.Lead); {
		case lead != "" && !d.Due.IsZero():
			fmt.Fprintf(&b, "由%s牵头，%d月%d日前完成。", lead, int(d.Due.Month()), d.Due.Day())
		case lead != "":
			fmt.Fprintf(&b, "由%s牵头落实。", lead)
		case !d.Due.IsZero():
			fmt.Fprintf(&b, "%d月%d日前完成。", int(d.Due.Month()), d.Due.Day())
		}
	}
	return b.String()
}
