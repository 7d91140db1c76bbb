package export

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"bulletin/export/layout"
	"bulletin/model"
)

// longText is n characters of varied Chinese text with punctuation.
func longText(n int) string {
	const s = "网民反映城关镇幸福小区自11月26日起连续停水，物业和供水公司均未给出恢复时间；老人孩子生活困难（尤其是高层住户），希望有关部门尽快解决。"
	rs := []rune(strings.Repeat(s, n/len([]rune(s))+1))
	return string(rs[:n])
}

func names(n int) string {
	var out []string
	for i := range n {
		out = append(out, fmt.Sprintf("%s%s", string([]rune("张王李赵刘陈杨黄吴周")[i%10]), string([]rune("伟芳娜敏静丽强磊军洋")[(i/10+i)%10])+"某"))
	}
	return strings.Join(out, "、")
}

// kindSamples are each kind with short and with very long contents (a
// 5,000-character 原文, 30 attendees), and the texts that must come back
// out of the PDF in this order.
func kindSamples() []struct {
	name   string
	p      Printed
	labels []string
	want   []string
} {
	nc := func(summary string) []NoticeCase {
		return []NoticeCase{{Number: "2026-0042", Title: "城关镇多个小区连续停水两天无人回应", Source: "人民网领导留言板",
			Posted: "2026-11-28 09:30", URL: "https://liuyan.people.com.cn/threads/content?tid=12345678", Summary: summary}}
	}
	notice := []string{"承办单位", "标", "题", "来源平台", "发布时间", "原文链接", "诉求摘要", "领导批示", "办理要求", "办理时限", "交办单位", "及联系人",
		"交办编号", "办理情况", "回复网民", "情况", "负责人", "（签字）", "联系电话", "交办日期", "办理状态", "催办要求"}
	asg := func(summary string) *Assignment {
		return &Assignment{Kind: KindAssignment, Number: "〔2026〕15号", Date: "2026-12-02", Department: "县水务局", Cases: nc(summary),
			Instruction: &InstructionText{Leader: "李书记", Date: "2026-12-01", Text: "请水务局迅速核实，尽快恢复供水。"},
			Due:         "2026-12-09", Unit: "县委网信办", Contact: "王某0311-1234567", Receipt: true}
	}
	min := func(body, present string) *Minutes {
		return &Minutes{Kind: KindMinutes, Number: 3, Unit: "县委网信办", Date: "2026-03-05", Body: body,
			Present: present, Absent: "钱七", Observers: "孙八", CopyTo: "县委办公室", Issuer: "县委网信办", Issued: "2026-03-05"}
	}
	long := longText(5000)
	rem := &Reminder{Kind: KindReminder, Number: "〔2026〕15号", Assigned: "2026-12-02", Date: "2026-12-10", Department: "县水务局",
		Cases: nc("网民反映停水。"), Due: "2026-12-09", Overdue: 1, ReplyBy: "2026-12-12", Unit: "县委网信办", Contact: "王某0311-1234567"}
	ins := func(text string) *InstructionCopy {
		return &InstructionCopy{Kind: KindInstruction, Issue: "《舆情专报》2026年第12期", BulletinTitle: "关于城关镇停水的情况报告",
			Leader: "李某（县委书记）", Date: "2026-12-01", Text: text, Departments: "县水务局、县委网信办"}
	}
	type sample = struct {
		name   string
		p      Printed
		labels []string
		want   []string
	}
	return []sample{
		{"minutes short", min("会议决定：一、核实停水原因。由县水务局牵头，3月20日前完成。", "张三、李四"), []string{"出席：", "请假：", "列席："},
			[]string{"网络舆情工作会议纪要", "第3期", "会议决定：一、核实停水原因。由县水务局牵头，3月20日前完成。", "张三、李四", "钱七", "孙八", "抄送：县委办公室。"}},
		{"minutes long", min(long, names(30)), []string{"出席：", "请假：", "列席："},
			[]string{"网络舆情工作会议纪要", long, names(30), "钱七", "孙八"}},
		{"assignment short", asg("网民反映停水。"), notice,
			[]string{"网络舆情交办单", "县水务局", "城关镇多个小区连续停水两天无人回应", "网民反映停水。", "请水务局迅速核实，尽快恢复供水。", "网络舆情办理情况回执", "〔2026〕15号"}},
		{"assignment long", asg(long), notice,
			[]string{"网络舆情交办单", long, "请水务局迅速核实，尽快恢复供水。", "2026年12月9日", "网络舆情办理情况回执"}},
		{"reminder", rem, notice, []string{"网络舆情催办单", "〔2026〕15号", "已逾期1个工作日", "请于12月12日前反馈办理情况。"}},
		{"instruction short", ins("请水务局迅速核实。"), []string{"专报期号", "专报标题", "批示领导", "批示日期", "批示内容", "责任单位"},
			[]string{"领导批示抄清", "关于城关镇停水的情况报告", "请水务局迅速核实。", "县水务局、县委网信办"}},
		{"instruction long", ins(long), []string{"专报期号", "专报标题", "批示领导", "批示日期", "批示内容", "责任单位"},
			[]string{"领导批示抄清", long, "县水务局、县委网信办"}},
	}
}

// renderPrinted renders p with the embedded fonts.
func renderPrinted(tb testing.TB, p Printed) ([]byte, *Report) {
	tb.Helper()
	var buf bytes.Buffer
	rep, err := RenderPrinted(&buf, p, Options{})
	if err != nil {
		tb.Fatalf("RenderPrinted: %v", err)
	}
	return buf.Bytes(), rep
}

// valueText is the PDF's text (pdftotext) without the table labels and the
// page numbers, squeezed: the values in reading order.
func valueText(tb testing.TB, pdf []byte, labels []string) string {
	tb.Helper()
	drop := map[string]bool{}
	for _, l := range labels {
		drop[l] = true
	}
	var b strings.Builder
	for _, l := range strings.Split(pdfText(tb, pdf), "\n") {
		l = squeeze(l)
		if drop[l] || strings.HasPrefix(l, "—") && strings.HasSuffix(l, "—") || l == layout.Continued {
			continue
		}
		for _, lab := range labels {
			l = strings.TrimPrefix(l, lab) // a label on the line of its value
		}
		b.WriteString(l)
	}
	return b.String()
}

// TestKindsReadBack: every kind, short and very long, comes back out of
// the PDF with every character, in reading order, nothing unprintable.
func TestKindsReadBack(t *testing.T) {
	for _, s := range kindSamples() {
		t.Run(s.name, func(t *testing.T) {
			pdf, rep := renderPrinted(t, s.p)
			if len(rep.Missing) > 0 {
				t.Errorf("unprintable: %s", rep)
			}
			text := valueText(t, pdf, s.labels)
			at := 0
			for _, w := range s.want {
				w = squeeze(w)
				i := strings.Index(text[at:], w)
				if i < 0 {
					t.Fatalf("%q (%d characters) not found after position %d of the PDF text:\n%.600s", firstRunes(w, 40), len([]rune(w)), at, text[at:])
				}
				at += i + len(w)
			}
		})
	}
}

func firstRunes(s string, n int) string {
	rs := []rune(s)
	return string(rs[:min(n, len(rs))])
}

// TestKindsDeterministic: the same document gives the same bytes.
func TestKindsDeterministic(t *testing.T) {
	for _, s := range kindSamples() {
		a, _ := renderPrinted(t, s.p)
		b, _ := renderPrinted(t, s.p)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ", s.name)
		}
	}
}

// TestParsePrinted: the kind field picks the document; unknown fields and
// kinds are errors naming them; no kind is the 专报.
func TestParsePrinted(t *testing.T) {
	for _, c := range []struct {
		in, want string
	}{
		{`{"kind":"minutes","body":"正文"}`, "*export.Minutes"},
		{`{"kind":"assignment","department":"县水务局","cases":[{"title":"标题"}]}`, "*export.Assignment"},
		{`{"kind":"reminder","department":"县水务局","cases":[{"title":"标题"}]}`, "*export.Reminder"},
		{`{"kind":"instruction","leader":"李某","text":"请核实"}`, "*export.InstructionCopy"},
		{`{"title":"标题","body":"正文"}`, "*export.Document"},
		{`{"kind":"bulletin","title":"标题","body":"正文"}`, "*export.Document"},
		{`{"kind":"minutes","body":"正文","attendees":"x"}`, "未知字段 \"attendees\""},
		{`{"kind":"memo"}`, "未知的文档类型 \"memo\""},
		{`{"kind":3}`, "kind"},
		{`{"kind":"assignment","department":"县水务局","cases":[]}`, "至少要有一件"},
		{`{"kind":"minutes","body":"正文","date":"2026/3/5"}`, "日期"},
	} {
		v, err := ParsePrinted(strings.NewReader(c.in))
		got := fmt.Sprintf("%T", v)
		if err != nil {
			got = err.Error()
		}
		if !strings.Contains(got, c.want) {
			t.Errorf("ParsePrinted(%s) = %s, want %s", c.in, got, c.want)
		}
	}
}

// BenchmarkKinds typesets and draws each kind with very long contents.
func BenchmarkKinds(b *testing.B) {
	for _, s := range kindSamples() {
		if !strings.Contains(s.name, "long") && s.name != "reminder" {
			continue
		}
		b.Run(s.name, func(b *testing.B) {
			renderPrinted(b, s.p) // fonts loaded once
			b.ResetTimer()
			for b.Loop() {
				renderPrinted(b, s.p)
			}
		})
	}
}

// TestMinutesGeometryInPDF measures the 纪要 in the PDF (pdftotext -bbox):
// 出席 starts at x = 39.14 mm, its wrapped names at 55.86 mm, and the mark
// is centred on the 版心.
func TestMinutesGeometryInPDF(t *testing.T) {
	m := &Minutes{Kind: KindMinutes, Body: "会议决定。", Present: names(30), Absent: "钱七"}
	pdf, _ := renderPrinted(t, m)
	pages := pdfWords(t, pdf)
	var starts []float64
	for _, w := range pages[0] {
		if strings.Contains(w.text, "某") || strings.HasPrefix(w.text, "出席") {
			starts = append(starts, w.xMin)
		}
	}
	if len(starts) < 3 {
		t.Fatalf("attendance on %d lines: %v", len(starts), pages[0])
	}
	if d := starts[0] - pt(39.142857); d < -0.3 || d > 0.3 {
		t.Errorf("出席 at x=%.2f pt, want %.2f", starts[0], pt(39.142857))
	}
	for i, x := range starts[1:] {
		if d := x - pt(55.857143); d < -0.3 || d > 0.3 {
			t.Errorf("names line %d at x=%.2f pt, want %.2f", i+2, x, pt(55.857143))
		}
	}
	w, ok := find(pages, DefaultMinutesMark)
	if !ok {
		t.Fatal("no mark")
	}
	if c := (w.xMin + w.xMax) / 2; c < pt(106)-1 || c > pt(106)+1 {
		t.Errorf("mark centred at x=%.2f pt, want %.2f", c, pt(106))
	}
}

// TestMinutesBodyDraft: the 导语 from the meeting record, 研究 said once,
// each 议定事项 a heading sentence then its 牵头单位 and 时限.
func TestMinutesBodyDraft(t *testing.T) {
	day := time.Date(2026, 3, 4, 9, 0, 0, 0, time.Local)
	mt := &model.Meeting{Name: "网络舆情工作会议", Time: day, Host: "王主任", Topic: "研究供水问题。",
		Content: "会议认为，须尽快回应。", Decisions: []model.Decision{
			{Text: "核实停水原因", Lead: "县水务局", Due: day.AddDate(0, 0, 16)},
			{Text: "做好引导。", Lead: "县融媒体中心"},
			{Text: "持续监测"}}}
	want := "2026年3月4日，王主任主持召开网络舆情工作会议，研究供水问题。现将会议议定事项纪要如下：\n" +
		"会议认为，须尽快回应。\n一、核实停水原因。由县水务局牵头，3月20日前完成。\n二、做好引导。由县融媒体中心牵头落实。\n三、持续监测。"
	if got := MinutesBody(mt); got != want {
		t.Errorf("MinutesBody:\n got %q\nwant %q", got, want)
	}
}

// TestSettingsDefaultToUnit: the 纪要's unit line, 印发单位 and the
// 交办单位 default to the 专报's 编印单位.
func TestSettingsDefaultToUnit(t *testing.T) {
	kv := map[string]string{model.SettingUnit: "某县委网信办", model.SettingMinutesMarkSize: "26"}
	if m := MinutesSettingsFrom(kv); m.Unit != "某县委网信办" || m.Issuer != "某县委网信办" || m.MarkSize != 26 {
		t.Errorf("minutes settings %+v", m)
	}
	if n := NoticeSettingsFrom(kv); n.Unit != "某县委网信办" || !n.Receipt {
		t.Errorf("notice settings %+v", n)
	}
	kv[model.SettingNoticeUnit], kv[model.SettingNoticeReceipt] = "县委办", "0"
	if n := NoticeSettingsFrom(kv); n.Unit != "县委办" || n.Receipt {
		t.Errorf("notice settings %+v", n)
	}
}

// TestKindsReportUnprintable: a character no font has is drawn as a box and
// reported with its table row, before the PDF is printed.
func TestKindsReportUnprintable(t *testing.T) {
	a := &Assignment{Kind: KindAssignment, Department: "县水务局", Cases: []NoticeCase{{Title: "停水\U0010FFFD"}}}
	_, rep := renderPrinted(t, a)
	if len(rep.Missing) != 1 || !strings.Contains(rep.String(), "交办单第 2 行第 3 字") {
		t.Errorf("report %q, want the emoji in row 2 of the 交办单", rep.String())
	}
}

// memStore is a DocumentStore in memory for PrintNotice.
type memStore struct {
	kv      map[string]string
	notices []*model.Notice
}

func (m *memStore) FindSettings(context.Context) (map[string]string, error) { return m.kv, nil }
func (m *memStore) MinutesNumber(context.Context, int64, int) (int, error)  { return 1, nil }
func (m *memStore) FindMinutesBody(context.Context, int64) (string, error)  { return "", nil }
func (m *memStore) FindNotices(_ context.Context, f model.NoticeFilter) ([]*model.Notice, error) {
	var out []*model.Notice
	for _, n := range m.notices {
		if (f.Department == "" || n.Department == f.Department) && (f.InstructionID == 0 || n.InstructionID == f.InstructionID) &&
			(f.CaseID == 0 || slices.Contains(n.CaseIDs, f.CaseID)) {
			out = append(out, n)
		}
	}
	return out, nil
}
func (m *memStore) CreateNotice(_ context.Context, n *model.Notice, doc func(string) ([]byte, error)) error {
	n.Year, n.Number = n.Date.Year(), len(m.notices)+1
	var err error
	n.Doc, err = doc(n.Label())
	m.notices = append(m.notices, n)
	return err
}

// TestPrintNoticeKeepsNumber: a 批示's notice to a department is reprinted
// with its number even when its cases changed since; a case of it printed
// alone from the case gets the same notice; another department a new one.
func TestPrintNoticeKeepsNumber(t *testing.T) {
	ctx := context.Background()
	s := &memStore{kv: map[string]string{}}
	day := time.Date(2026, 12, 2, 0, 0, 0, 0, time.Local)
	a, b := &model.Case{ID: 1, Title: "停水"}, &model.Case{ID: 2, Title: "占道"}
	in := &model.Instruction{ID: 7, Leader: "张振华", Text: "请核实。", Date: day}
	print := func(req NoticeRequest) (string, []byte) {
		pdf, _, n, err := PrintNotice(ctx, s, req)
		if err != nil {
			t.Fatal(err)
		}
		return n.Label(), pdf
	}
	l1, p1 := print(NoticeRequest{Cases: []*model.Case{a, b}, Department: "县水务局", Date: day, Instruction: in})
	l2, p2 := print(NoticeRequest{Cases: []*model.Case{a}, Department: "县水务局", Date: day, Instruction: in})
	l3, p3 := print(NoticeRequest{Cases: []*model.Case{b}, Department: "县水务局", Date: day})
	l4, _ := print(NoticeRequest{Cases: []*model.Case{b}, Department: "县住建局", Date: day})
	if l1 != "〔2026〕1号" || l2 != l1 || l3 != l1 || l4 != "〔2026〕2号" || !bytes.Equal(p1, p2) || !bytes.Equal(p1, p3) {
		t.Errorf("labels %s %s %s %s, same bytes %v %v", l1, l2, l3, l4, bytes.Equal(p1, p2), bytes.Equal(p1, p3))
	}
}
