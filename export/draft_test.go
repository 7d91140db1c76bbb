package export

import (
	"strings"
	"testing"
	"time"

	"bulletin/export/layout"
	"bulletin/model"
)

func draftCase(title, source, poster string, depts []string) *model.Case {
	return &model.Case{
		Title: title, Source: source, Poster: poster,
		Posted:      time.Date(2026, 3, 4, 9, 30, 0, 0, time.Local),
		Content:     "我是城关镇幸福小区的居民，小区车位严重不足。晚上消防通道停满车辆，一旦发生火灾后果不堪设想。多次向物业反映无果。",
		Departments: depts,
		AssignedAt:  time.Date(2026, 3, 5, 10, 0, 0, 0, time.Local),
		Due:         time.Date(2026, 3, 12, 0, 0, 0, 0, time.Local),
		Status:      model.StatusAssigned,
	}
}

func TestDraftBody(t *testing.T) {
	parking := draftCase("幸福小区停车难，消防通道被占用", "人民网领导留言板", "城关老李", []string{"县住房和城乡建设局"})
	parking.Spread = "原帖阅读量约 3200，评论 45 条。"
	parking.Assessment = "诉求具体，属实可能性较大。"
	parking.Proposal = "建议交由责任单位核实处置。"
	light := draftCase("建议在建设大街路口增设红绿灯", "微博", "", []string{"县公安局交警大队", "县交通运输局"})
	light.Summary = "网民反映建设大街路口车流量大，学生过马路危险"
	light.Content = ""
	heat := draftCase("南关街道供暖温度不达标", "", "东湖居民张先生", nil)
	heat.Status = model.StatusPending
	meeting := &model.Meeting{Name: "停车治理协调会", Host: "王淑芬", Time: time.Date(2026, 3, 6, 15, 0, 0, 0, time.Local),
		Topic:     "小区停车难问题",
		Decisions: []model.Decision{{Text: "清理消防通道", Lead: "城关镇人民政府", Due: time.Date(2026, 3, 10, 0, 0, 0, 0, time.Local)}}}

	tests := []struct {
		name     string
		cases    []*model.Case
		meetings []*model.Meeting
		want     []string // must appear, in this order
		notWant  []string
	}{
		{name: "one case, no sub-headings", cases: []*model.Case{parking},
			want: []string{DraftBasics, "3月4日，网民“城关老李”在人民网领导留言板发帖称：“我是城关镇幸福小区的居民",
				DraftSpread, "截至目前，原帖阅读量约 3200，评论 45 条。", DraftHandling,
				"3月5日，我办将该问题交县住房和城乡建设局核实处置，要求于3月12日前办理回复。", "目前该问题正在办理中。",
				DraftAdvice, "诉求具体，属实可能性较大。建议交由责任单位核实处置。"},
			notWant: []string{"（一）"}},
		{name: "three cases and a meeting", cases: []*model.Case{parking, light, heat}, meetings: []*model.Meeting{meeting},
			want: []string{DraftBasics, "网民诉求和网络舆情3件", "（一）幸福小区停车难，消防通道被占用。3月4日",
				"（二）建议在建设大街路口增设红绿灯。3月4日，有网民在微博发帖反映建设大街路口车流量大，学生过马路危险。",
				"（三）南关街道供暖温度不达标。3月4日，网民“东湖居民张先生”在网上发帖",
				DraftSpread, "暂未监测到大范围转发", DraftHandling,
				"交县住房和城乡建设局核实处置", "交县公安局交警大队、县交通运输局核实处置", "拟交相关责任单位核实处置",
				"3月6日，王淑芬主持召开停车治理协调会，专题研究小区停车难问题。会议议定：", "1.清理消防通道，由城关镇人民政府牵头，3月10日前完成。",
				DraftAdvice, "（三）南关街道供暖温度不达标。该问题涉及群众切身利益"}},
		{name: "nothing picked", want: []string{DraftBasics, "（请填写基本情况。）", DraftSpread, DraftHandling, DraftAdvice}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DraftBody(tt.cases, tt.meetings)
			rest := got
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("DraftBody: %q missing or out of order\ngot:\n%s", w, got)
				}
				rest = rest[i+len(w):]
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("DraftBody: unexpected %q\ngot:\n%s", w, got)
				}
			}
			checkDraftStructure(t, got, tt.cases)
		})
	}
}

// checkDraftStructure checks the four level-1 headings in order, and that
// every case is in 三、处置情况 with its departments.
func checkDraftStructure(t *testing.T, body string, cases []*model.Case) {
	t.Helper()
	var heads []string
	sections := map[string]string{}
	cur := ""
	for _, p := range strings.Split(body, "\n") {
		if strings.TrimSpace(p) == "" {
			t.Errorf("empty paragraph in draft:\n%s", body)
		}
		if lv, _ := layout.HeadingLevel(p); lv == layout.Level1 {
			heads = append(heads, p)
			cur = p
			continue
		}
		sections[cur] += p + "\n"
	}
	want := []string{DraftBasics, DraftSpread, DraftHandling, DraftAdvice}
	if strings.Join(heads, "|") != strings.Join(want, "|") {
		t.Errorf("level-1 headings = %q, want %q", heads, want)
	}
	for i, c := range cases {
		for _, sec := range want {
			if len(cases) > 1 && !strings.Contains(sections[sec], subHeading(i)+caseTopic(c)) {
				t.Errorf("%s lacks case %q", sec, c.Title)
			}
		}
		for _, d := range c.Departments {
			if !strings.Contains(sections[DraftHandling], d) {
				t.Errorf("%s lacks department %q of case %q", DraftHandling, d, c.Title)
			}
		}
	}
}

func TestFirstSentences(t *testing.T) {
	long := strings.Repeat("很长", 100)
	tests := []struct{ name, in, want string }{
		{"two short sentences", "第一句。第二句。", "第一句。第二句。"},
		{"stops after enough", strings.Repeat("一二三四五六七八九十", 7) + "。后面不要。", strings.Repeat("一二三四五六七八九十", 7) + "。"},
		{"one very long", long, string([]rune(long)[:excerptLimit]) + "……"},
		{"lines joined", "第一行\n第二行。", "第一行 第二行。"},
		{"empty", "  ", ""},
	}
	for _, tt := range tests {
		if got := firstSentences(tt.in, excerptLimit); got != tt.want {
			t.Errorf("%s: firstSentences(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}
