package model

// SettingDuplex says how the 专报 is printed: "1" (the default) for 双面印刷,
// where the 报尾 sits on the last even face and the 阅批单 gets a blank
// back; "0" for 单面印刷.
const SettingDuplex = "bulletin.duplex"

func init() { SettingDefaults[SettingDuplex] = "1" }
