package model

// Setting keys of the office's other printed documents (DOCUMENTS.md §1–4):
// their titles, red or black, the 办理要求 text and the contact. An empty
// value takes the default of SettingDefaults or the document's own.
const (
	SettingMinutesMark     = "minutes.mark"      // 纪要 mark: 网络舆情工作会议纪要
	SettingMinutesMarkSize = "minutes.mark_size" // its size in pt, "" = 22
	SettingMinutesUnit     = "minutes.unit"      // 纪要 unit line
	SettingMinutesCopyTo   = "minutes.copy_to"   // 抄送
	SettingMinutesIssuer   = "minutes.issuer"    // 印发单位
	SettingMinutesBlack    = "minutes.black"     // "1": mark and rule in black

	SettingNoticeTitle       = "notice.title"       // 网络舆情交办单
	SettingNoticeUnit        = "notice.unit"        // 交办单位
	SettingNoticeContact     = "notice.contact"     // 联系人及电话
	SettingNoticeRequirement = "notice.requirement" // 办理要求
	SettingNoticeBlack       = "notice.black"       // "1": titles in black
	SettingNoticeSmall       = "notice.small"       // "1": table values in 四号
	SettingNoticeReceipt     = "notice.receipt"     // "0": no 回执
	SettingReminderTitle     = "notice.reminder"    // 网络舆情催办单
	SettingInstructionTitle  = "notice.instruction" // 领导批示抄清
)

// DefaultRequirement is the 办理要求 of a 交办单 when its setting is empty.
const DefaultRequirement = "请于时限内核实处置，并将办理情况书面反馈我办。"

func init() {
	for k, v := range map[string]string{
		SettingMinutesMark:       "网络舆情工作会议纪要",
		SettingNoticeTitle:       "网络舆情交办单",
		SettingNoticeRequirement: DefaultRequirement,
		SettingNoticeReceipt:     "1",
		SettingReminderTitle:     "网络舆情催办单",
		SettingInstructionTitle:  "领导批示抄清",
	} {
		SettingDefaults[k] = v
	}
}
