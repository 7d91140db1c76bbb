package layout

import (
	"strings"
	"testing"
)

// TestTitleLines checks where long titles wrap: balanced lines that never
// split a word, never start with 的, never break inside a Latin or digit run,
// and no line of one or two characters.
func TestTitleLines(t *testing.T) {
	tests := []struct {
		name  string
		title string
		want  []string
	}{
		{"short title on one line", "关于网民反映物业乱收费的舆情专报",
			[]string{"关于网民反映物业乱收费的舆情专报"}},
		{"Latin and digits on one line", `关于"12345"热线APP故障的舆情专报`,
			[]string{`关于"12345"热线APP故障的舆情专报`}},
		{"集中 kept whole", "关于近期我县网民反映集中供水问题的舆情专报",
			[]string{"关于近期我县网民反映", "集中供水问题的舆情专报"}},
		{"水质 kept whole over three lines", "关于近期网民反映县城老旧小区集中供水管网改造进展缓慢及水质问题的舆情专报（第二次续报）",
			[]string{"关于近期网民反映县城老旧小区", "集中供水管网改造进展缓慢及水质问题的", "舆情专报（第二次续报）"}},
		{"digits and Latin runs kept whole", "关于网民反映12345政务服务便民热线APP频繁故障无法提交诉求的舆情专报",
			[]string{"关于网民反映12345政务服务便民热线", "APP频繁故障无法提交诉求的舆情专报"}},
		{"quoted number", "关于网民反映“12345”政务服务便民热线APP故障频发的舆情专报",
			[]string{"关于网民反映“12345”政务服务", "便民热线APP故障频发的舆情专报"}},
		{"bracketed tail", "关于城关镇东风小区停水问题的舆情专报（第二次续报）",
			[]string{"关于城关镇东风小区停水", "问题的舆情专报（第二次续报）"}},
		{"上短下长 rather than a break after the comma", "关于城南片区环境污染问题，网民持续关注的舆情专报",
			[]string{"关于城南片区环境污染", "问题，网民持续关注的舆情专报"}},
		{"舆情 kept whole", "关于进一步做好汛期网络舆情引导处置工作的情况报告",
			[]string{"关于进一步做好汛期网络", "舆情引导处置工作的情况报告"}},
		{"拥堵 kept whole", "关于网民投诉县城主干道交通拥堵及停车收费问题的舆情专报",
			[]string{"关于网民投诉县城主干道", "交通拥堵及停车收费问题的舆情专报"}},
		{"交通 kept whole", "关于对网民反映城区学校周边交通安全隐患问题处置情况的报告",
			[]string{"关于对网民反映城区学校周边", "交通安全隐患问题处置情况的报告"}},
		{"问题 kept whole", "关于我县部分乡镇卫生院医疗服务质量问题引发网民热议的舆情专报（第三次续报）",
			[]string{"关于我县部分乡镇卫生院", "医疗服务质量问题引发网民热议的", "舆情专报（第三次续报）"}},
		{"a year and a quarter", "关于2026年第3季度全县网络舆情态势分析及下一步工作建议的报告",
			[]string{"关于2026年第3季度全县网络舆情", "态势分析及下一步工作建议的报告"}},
		{"a third line rather than 施 / 工", "关于网民反映城关镇东风路沿线某工地夜间施工噪音扰民问题长期未能得到解决的舆情专报",
			[]string{"关于网民反映城关镇东风路", "沿线某工地夜间施工噪音扰民问题", "长期未能得到解决的舆情专报"}},
		{"a third line rather than 停车收 / 费", "关于网民反映城关镇某小区物业服务、停车收费及电梯维修等问题的舆情专报（第三次续报）",
			[]string{"关于网民反映城关镇某小区", "物业服务、停车收费及电梯维修等", "问题的舆情专报（第三次续报）"}},
		{"a typed line break is the user's choice", "关于网民反映县城停水问题\n的舆情专报",
			[]string{"关于网民反映县城停水问题", "的舆情专报"}},
		{"20 characters: two lines, not one touching the edges", "关于县城主干道夜间施工噪音扰民的舆情专报",
			[]string{"关于县城主干道夜间", "施工噪音扰民的舆情专报"}},
		{"a Latin run wider than a line falls back to plain balance", "关于ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ问题的舆情专报",
			[]string{"关于ABCDEFGHIJKLMNOPQRSTUVWXYZABCDE", "FGHIJKLMNOPQRSTUVWXYZ问题的舆情专报"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := titleLines(t, tt.title)
			if strings.Join(got, " / ") != strings.Join(tt.want, " / ") {
				t.Errorf("title %q:\n got  %s\n want %s", tt.title, strings.Join(got, " / "), strings.Join(tt.want, " / "))
			}
		})
	}
}

// titleLines lays out a title and returns its lines, checking that each is
// centred in the 版心 and no wider than it.
func titleLines(tb testing.TB, title string) []string {
	tb.Helper()
	var out []string
	for _, l := range textLines(must(tb, &Content{Title: title, Body: "正文"}), SizeErhao) {
		first, last := l.gs[0], l.gs[len(l.gs)-1]
		if first.X < Left-eps || last.X+last.W > Right+eps {
			tb.Errorf("title %q: line %q spans %.2f–%.2f mm, outside the 版心", title, l.text(), first.X, last.X+last.W)
		}
		if mid := (first.X + last.X + last.W) / 2; mid < Left+Width/2-em(SizeErhao)/2 || mid > Left+Width/2+em(SizeErhao)/2 {
			tb.Errorf("title %q: line %q centred at %.2f mm, want %.2f", title, l.text(), mid, Left+Width/2)
		}
		out = append(out, l.text())
	}
	return out
}
