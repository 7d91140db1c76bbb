package layout

import (
	"fmt"
	"strings"
	"testing"
)

// titleTable is 30 real-looking titles of 13 to 60 characters, each with
// the words and phrases its lines must keep whole (the splits measured in
// the audit among them: 校园周边/安全, 涉民生/领域, 县直/有关单位).
var titleTable = []struct {
	title string
	whole []string
}{
	{"关于网民反映停水问题的专报", nil},
	{"关于网民反映物业乱收费的舆情专报", []string{"乱收费"}},
	{"关于校园周边安全隐患问题的舆情专报", []string{"校园周边安全"}},
	{"关于县城主干道夜间施工噪音扰民的舆情专报", []string{"噪音扰民"}},
	{"关于涉民生领域网络舆情风险排查情况的报告", []string{"涉民生领域", "网络舆情"}},
	{"关于近期我县网民反映集中供水问题的舆情专报", []string{"集中供水"}},
	{"关于请县直有关单位做好舆情回应工作的通知", []string{"县直有关单位"}},
	{"关于城关镇东风小区停水问题的舆情专报（第二次续报）", []string{"东风小区", "第二次续报"}},
	{"关于城南片区环境污染问题，网民持续关注的舆情专报", []string{"环境污染"}},
	{"关于进一步做好汛期网络舆情引导处置工作的情况报告", []string{"汛期", "情况报告"}},
	{"关于网民投诉县城主干道交通拥堵及停车收费问题的舆情专报", []string{"交通拥堵", "停车收费"}},
	{"关于对网民反映城区学校周边交通安全隐患问题处置情况的报告", []string{"学校周边", "交通安全"}},
	{"关于2026年第3季度全县网络舆情态势分析及下一步工作建议的报告", []string{"2026年", "第3季度", "态势分析"}},
	{"关于我县部分乡镇卫生院医疗服务质量问题引发网民热议的舆情专报（第三次续报）", []string{"卫生院", "医疗服务", "网民热议"}},
	{"关于网民反映城关镇东风路沿线某工地夜间施工噪音扰民问题长期未能得到解决的舆情专报", []string{"某工地", "夜间施工"}},
	{"关于网民反映城关镇某小区物业服务、停车收费及电梯维修等问题的舆情专报（第三次续报）", []string{"某小区", "电梯维修"}},
	{"关于近期网民反映县城老旧小区集中供水管网改造进展缓慢及水质问题的舆情专报（第二次续报）", []string{"老旧小区", "进展缓慢", "水质"}},
	{"关于网民反映12345政务服务便民热线APP频繁故障无法提交诉求的舆情专报", []string{"12345", "便民热线", "APP"}},
	{"关于网民反映“12345”政务服务便民热线APP故障频发的舆情专报", []string{"“12345”", "政务服务"}},
	{"关于某县第一中学食堂食品安全问题引发家长集中投诉的舆情专报", []string{"第一中学", "食品安全", "家长"}},
	{"关于网络流传我县发生重大交通事故系谣言的情况说明", []string{"交通事故", "谣言"}},
	{"关于做好元旦春节期间涉农民工欠薪问题舆情防范处置工作的通知", []string{"元旦", "春节期间", "农民工", "欠薪"}},
	{"关于网民质疑县人民医院收费标准不透明的舆情专报", []string{"人民医院", "收费标准"}},
	{"关于全县网络舆情工作2026年度总结和2027年工作安排的报告", []string{"2026年度", "2027年", "工作安排"}},
	{"关于自媒体账号发布不实信息炒作我县征地拆迁补偿问题的舆情专报", []string{"自媒体", "不实信息", "征地拆迁"}},
	{"关于网民反映县城区部分路段积水严重、排水设施老化及城管执法不规范等问题的舆情专报", []string{"排水设施", "城管执法"}},
	{"关于县教育局、县卫健局、县市场监管局联合开展校园食品安全专项整治情况的报告", []string{"县教育局", "食品安全", "专项整治"}},
	{"关于网民集中反映县第二人民医院急诊科夜间无医生值班、患者等候时间过长问题的舆情专报（第一次续报）", []string{"急诊科", "等候时间"}},
	{"关于网民反映我县城关镇、城南片区及开发区部分老旧小区集中供水管网改造工程进展缓慢、水质发黄等问题的舆情专报（第二次续报）", []string{"老旧小区", "进展缓慢", "第二次续报"}},
	{"关于网民反映暑期校外培训机构违规收费、虚假宣传和安全隐患问题的舆情专报", []string{"校外培训机构", "虚假宣传", "安全隐患"}},
}

// TestTitleShapes lays out the title table and checks every title: lines of
// at most 18 characters (20 fit), no line of one or two characters, breaks
// only between dictionary words and never inside a listed phrase, and the
// shape of the line lengths a 梯形 (上短下长) or a 菱形. The table of line
// lengths is printed in the test log (go test -v -run TestTitleShapes).
func TestTitleShapes(t *testing.T) {
	cell := em(SizeErhao)
	var log strings.Builder
	fmt.Fprintf(&log, "\n%-4s %-14s %-6s %s\n", "字数", "每行字数", "形状", "标题")
	for _, tt := range titleTable {
		lines := titleLines(t, tt.title)
		var widths []float64
		var counts []string
		for _, l := range lines {
			w := lineWidth(t, l) / cell
			widths = append(widths, w)
			counts = append(counts, fmt.Sprintf("%.4g", w))
			if w > maxTitleCells+eps {
				t.Errorf("%q: line %q is %.1f characters wide, want at most %v", tt.title, l, w, maxTitleCells)
			}
			if len(lines) > 1 && w < minTitleCells {
				t.Errorf("%q: line %q of one or two characters", tt.title, l)
			}
		}
		shape := shapeName(widths)
		if shape == "" {
			t.Errorf("%q: lines %s (%s): neither 梯形 nor 菱形", tt.title, strings.Join(lines, " / "), strings.Join(counts, "/"))
			shape = "坏"
		}
		joined := strings.Join(lines, "\n")
		for _, w := range tt.whole {
			if !strings.Contains(joined, w) {
				t.Errorf("%q: %q split: %s", tt.title, w, strings.Join(lines, " / "))
			}
		}
		rs := []rune(strings.Join(lines, ""))
		start, _ := segment(rs)
		at := 0
		for _, l := range lines[:len(lines)-1] {
			at += len([]rune(l))
			if !start[at] {
				t.Errorf("%q: break after %q is inside a word", tt.title, l)
			}
		}
		fmt.Fprintf(&log, "%-4d %-14s %-6s %s\n", len([]rune(tt.title)), strings.Join(counts, "/"), shape, strings.Join(lines, " / "))
	}
	t.Log(log.String())
}

// shapeName names the shape of line widths: 一行, 梯形, 菱形 or "".
func shapeName(w []float64) string {
	switch {
	case len(w) == 1:
		return "一行"
	case !shaped(w):
		return ""
	case w[len(w)-1] >= w[len(w)-2]-shapeTolerance:
		return "梯形"
	}
	return "菱形"
}

// lineWidth is the width of a title line in mm, from its laid-out glyphs.
func lineWidth(tb testing.TB, line string) float64 {
	tb.Helper()
	ls := textLines(must(tb, &Content{Title: line, Body: "正文"}), SizeErhao)
	first, last := ls[0].gs[0], ls[0].gs[len(ls[0].gs)-1]
	return last.X + last.W - first.X
}
