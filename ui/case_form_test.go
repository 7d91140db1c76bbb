package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bulletin/model"
)

// fullCase stores a case with every field the form edits filled in.
func fullCase(t *testing.T, s *model.Store) *model.Case {
	t.Helper()
	c := &model.Case{Title: "旧案件：城关镇路灯不亮", Area: "城关镇", Domain: model.Domains[0],
		Kind: model.Kinds[1], Risk: model.RiskLevels[2], Remarks: "旧备注",
		Source: model.Sources[0], URL: "https://bbs.example.cn/t/1", Poster: "老网民",
		Posted:    time.Date(2026, 11, 20, 8, 15, 42, 0, time.Local), // seconds, as imported
		Collected: time.Date(2026, 11, 21, 9, 30, 0, 0, time.Local),
		Spread:    "转发 30 次", Content: "路灯坏了一个月。", Summary: "旧摘要", Assessment: "旧研判", Proposal: "旧建议",
		Due: time.Date(2026, 12, 5, 0, 0, 0, 0, time.Local), Handling: "旧办理情况"}
	if err := s.CreateCase(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

// 新建 after a case with every field set: the form is empty (Selects and
// SelectEntries too), leaving it asks nothing, and a case saved with only a
// title is stored with nothing of the case shown before.
func TestNewCaseStartsFromZero(t *testing.T) {
	s := mustOpenStore(t)
	sh, _ := newTestShell(t, s)
	cs := sh.cases
	old := fullCase(t, s)
	cs.ed.open(old.ID)
	if cs.ed.kind.Selected != old.Kind || cs.ed.risk.Selected != old.Risk {
		t.Fatalf("opened case shows 诉求类型 %q 风险等级 %q, want %q %q", cs.ed.kind.Selected, cs.ed.risk.Selected, old.Kind, old.Risk)
	}
	test.Tap(cs.ed.newBtn)
	if cs.ed.lastPrompt != nil {
		t.Fatal("新建 from an unchanged case asked about unsaved edits")
	}
	form := map[string]string{
		"诉求类型": cs.ed.kind.Selected, "风险等级": cs.ed.risk.Selected, "领域": cs.ed.domain.Text,
		"来源平台": cs.ed.source.Text, "标题": cs.ed.title.Text, "涉及地域": cs.ed.area.Text,
		"原文链接": cs.ed.url.Text, "网民昵称": cs.ed.poster.Text, "发布时间": cs.ed.posted.Text(),
		"办理时限": cs.ed.due.Text(), "原文内容": cs.ed.content.text(), "摘要": cs.ed.summary.text(),
		"研判意见": cs.ed.assessment.text(), "处置建议": cs.ed.proposal.text(), "办理情况": cs.ed.handling.text(),
		"备注": cs.ed.remarks.text(), "传播情况": cs.ed.spread.text(),
	}
	for name, v := range form {
		if v != "" {
			t.Errorf("新建 after case %s: %s shows %q, want empty", old.Number, name, v)
		}
	}
	// An untouched new form has nothing unsaved.
	cs.ed.confirmLeave(func() {})
	if cs.ed.lastPrompt != nil {
		t.Fatal("an untouched new form asks about unsaved edits")
	}

	test.Type(cs.ed.title, "新案件只填了标题")
	test.Tap(cs.ed.saveBtn)
	cs.wait()
	got, err := s.FindCaseByID(context.Background(), cs.ed.orig.ID)
	if err != nil || got.ID == old.ID {
		t.Fatalf("saved case %+v (%v), want a new one", got, err)
	}
	if got.Kind != "" || got.Risk != "" || got.Domain != "" || got.Source != "" || got.Content != "" ||
		got.Summary != "" || !got.Posted.IsZero() || !got.Due.IsZero() || got.Handling != "" {
		t.Errorf("new case stored with values of %s: 诉求类型 %q 风险等级 %q 领域 %q 来源 %q 原文 %q 摘要 %q 发布 %v 时限 %v 办理 %q",
			old.Number, got.Kind, got.Risk, got.Domain, got.Source, got.Content, got.Summary, got.Posted, got.Due, got.Handling)
	}
}

// "Unsaved" compares what the form shows with what it showed when loaded:
// to the minute, trimmed as saved.
func TestCaseUnsavedComparesWhatIsShown(t *testing.T) {
	s := mustOpenStore(t)
	sh, _ := newTestShell(t, s)
	cs := sh.cases
	old := fullCase(t, s)
	tests := []struct {
		name  string
		edit  func()
		dirty bool
	}{
		{"nothing", func() {}, false},
		{"spaces around the title", func() { cs.ed.title.SetText("  " + old.Title + " ") }, false},
		{"date typed another way", func() { cs.ed.collected.SetText("2026年11月21日 9:30") }, false},
		{"a choice cleared and set again", func() { cs.ed.kind.ClearSelected(); cs.ed.kind.SetSelected(old.Kind) }, false},
		{"title changed", func() { cs.ed.title.SetText(old.Title + "（续）") }, true},
		{"another minute", func() { cs.ed.posted.SetText("2026-11-20 08:16") }, true},
		{"date not a date", func() { cs.ed.due.SetText("2026-12-32") }, true},
		{"choice changed", func() { cs.ed.risk.SetSelected(model.RiskLevels[0]) }, true},
		{"choice cleared", func() { cs.ed.kind.ClearSelected() }, true},
		{"original text", func() { cs.ed.content.setText(old.Content + "补充") }, true},
	}
	for _, tt := range tests {
		cs.ed.open(old.ID)
		tt.edit()
		if got := cs.ed.dirty(); got != tt.dirty {
			t.Errorf("%s: unsaved = %v, want %v", tt.name, got, tt.dirty)
		}
	}
	// Saving another field keeps the seconds of a time not touched.
	cs.ed.open(old.ID)
	cs.ed.summary.setText("新摘要")
	test.Tap(cs.ed.saveBtn)
	cs.wait()
	got, _ := s.FindCaseByID(context.Background(), old.ID)
	if !got.Posted.Equal(old.Posted) || got.Summary != "新摘要" {
		t.Errorf("after saving 摘要: 发布时间 %v (want %v), 摘要 %q", got.Posted, old.Posted, got.Summary)
	}
}

// 新建 opens on the first tab, whichever tab was open before.
func TestNewCaseOpensOnFirstTab(t *testing.T) {
	s := mustOpenStore(t)
	sh, _ := newTestShell(t, s)
	cs := sh.cases
	cs.ed.open(fullCase(t, s).ID)
	cs.ed.tabs.SelectIndex(4) // 办理记录
	test.Tap(cs.ed.newBtn)
	if got := cs.ed.tabs.SelectedIndex(); got != 0 {
		t.Errorf("新建 opened on tab %q, want %q", cs.ed.tabs.Items[got].Text, cs.ed.tabs.Items[0].Text)
	}
}

// A message that names a field shows that field: its tab, scrolled into
// view, with the cursor in it.
func TestRefusedSaveShowsTheField(t *testing.T) {
	s := mustOpenStore(t)
	sh, w := newTestShell(t, s)
	cs := sh.cases
	tests := []struct {
		name  string
		edit  func()
		tab   int
		field func() fyne.Focusable
	}{
		{"empty title", func() { cs.ed.tabs.SelectIndex(4) }, 0, func() fyne.Focusable { return cs.ed.title }},
		{"bad 发布时间", func() { cs.ed.title.SetText("标题"); cs.ed.posted.SetText("2026-13-01") }, 1,
			func() fyne.Focusable { return cs.ed.posted.entry }},
		{"发布时间 after 收集时间", func() {
			cs.ed.title.SetText("标题")
			cs.ed.posted.SetText("2026-11-28 10:00")
			cs.ed.collected.SetText("2026-11-27 10:00")
		}, 1, func() fyne.Focusable { return cs.ed.posted.entry }},
		{"bad 办理时限", func() { cs.ed.title.SetText("标题"); cs.ed.due.SetText("明天") }, 3,
			func() fyne.Focusable { return cs.ed.due.entry }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			test.Tap(cs.ed.newBtn)
			if cs.ed.lastPrompt != nil {
				test.Tap(cs.ed.lastPrompt.discard)
				cs.ed.lastPrompt = nil
			}
			cs.ed.tabs.SelectIndex(2)
			tt.edit()
			test.Tap(cs.ed.saveBtn)
			if countCases(t, s) != 0 {
				t.Fatal("the case was saved")
			}
			if got := cs.ed.tabs.SelectedIndex(); got != tt.tab {
				t.Errorf("tab %q shown, want %q", cs.ed.tabs.Items[got].Text, cs.ed.tabs.Items[tt.tab].Text)
			}
			if !dialogShowing(w) {
				t.Error("no message shown")
			}
			closeOverlays(w) // as 确定 does
			if got := w.Canvas().Focused(); got != tt.field() {
				t.Errorf("cursor in %T, want the field named", got)
			}
		})
	}
}

// A field out of view in its tab is scrolled into view.
func TestRevealScrollsToField(t *testing.T) {
	s := mustOpenStore(t)
	sh, w := newTestShell(t, s)
	w.Resize(fyne.NewSize(1280, 560)) // a laptop with a taskbar
	cs := sh.cases
	test.Tap(cs.ed.newBtn)
	cs.ed.tabs.SelectIndex(1)
	page := cs.ed.pages[1]
	page.ScrollToBottom()
	if page.Offset.Y == 0 {
		t.Fatalf("the 来源 tab does not scroll (content %v in %v)", page.Content.MinSize(), page.Size())
	}
	cs.ed.tabs.SelectIndex(0)
	cs.ed.revealField("「来源平台」含有无效的字符编码，请重新输入")
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(cs.ed.source).Y - d.AbsolutePositionForObject(page).Y
	if y < 0 || y+cs.ed.source.Size().Height > page.Size().Height {
		t.Errorf("来源平台 is at %.0f..%.0f in a page %.0f high (scrolled %.0f)", y, y+cs.ed.source.Size().Height, page.Size().Height, page.Offset.Y)
	}
}

// closeOverlays hides every dialog of w.
func closeOverlays(w fyne.Window) {
	for o := w.Canvas().Overlays().Top(); o != nil; o = w.Canvas().Overlays().Top() {
		w.Canvas().Overlays().Remove(o)
	}
}

// A date filter that is not a date is marked at once, not used, and the count
// line says so; fixed, it filters again.
func TestCaseFilterBadDate(t *testing.T) {
	s := mustOpenStore(t)
	sh, w := newTestShell(t, s)
	cs := sh.cases
	newCaseThroughForm(t, cs, "十天前的案件", "内容")
	w.Canvas().Focus(cs.from.entry)
	test.Type(cs.from.entry, "2026-13-01")
	cs.reloadList() // as the search pause does
	cs.wait()
	if !cs.from.mark.Visible() {
		t.Error("起始日期 2026-13-01 is not marked")
	}
	if want := "共 1 件（起始日期格式不对，未按日期筛选）"; cs.count.Text != want {
		t.Errorf("count line %q, want %q", cs.count.Text, want)
	}
	cs.from.SetText(time.Now().Format("2006-01-02"))
	cs.reloadList()
	cs.wait()
	if cs.from.mark.Visible() || cs.count.Text != "共 0 件" {
		t.Errorf("after fixing the date: mark %v, count %q; want no mark, 共 0 件", cs.from.mark.Visible(), cs.count.Text)
	}
	cs.to.SetText("明天")
	cs.reloadList()
	cs.wait()
	if want := "共 0 件（截止日期格式不对，未按截止日期筛选）"; cs.count.Text != want {
		t.Errorf("count line %q, want %q", cs.count.Text, want)
	}
}
