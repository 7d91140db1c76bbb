package export

import (
	"context"
	"reflect"
	"testing"
	"time"

	"bulletin/export/layout"
	"bulletin/model"
)

// PeekNoticeNumber is the number memStore's CreateNotice gives next.
func (m *memStore) PeekNoticeNumber(context.Context, int) (int, error) {
	return len(m.notices) + 1, nil
}

// TestPreviewNotice: the preview of a new 交办单 is the document printed
// next, 交办编号 included, and takes no number; once printed, the preview
// is the stored one, marked changed when the case changed since.
func TestPreviewNotice(t *testing.T) {
	ctx := context.Background()
	s := &memStore{kv: map[string]string{}}
	day := time.Date(2026, 12, 2, 0, 0, 0, 0, time.Local)
	c := &model.Case{ID: 1, Title: "城关镇幸福小区停水", Content: "网民反映停水。"}
	req := NoticeRequest{Cases: []*model.Case{c}, Department: "县水务局", Date: day, Due: day.AddDate(0, 0, 7)}
	pages := func(p Printed) []layout.Page {
		t.Helper()
		ps, _, err := LayoutPrinted(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return ps
	}

	before, err := PreviewNotice(ctx, s, req)
	if err != nil {
		t.Fatal(err)
	}
	if before.Printed != nil || before.Doc.Number != "〔2026〕1号" || len(s.notices) != 0 {
		t.Fatalf("new notice previewed as %q (printed %v, %d stored); want 〔2026〕1号 and nothing stored", before.Doc.Number, before.Printed, len(s.notices))
	}
	if _, _, _, err := PrintNotice(ctx, s, req); err != nil {
		t.Fatal(err)
	}
	var printed Assignment
	if err := decodeStrict(s.notices[0].Doc, &printed); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(pages(before.Doc), pages(&printed)) {
		t.Error("the pages previewed differ from those of the 交办单 printed")
	}

	after, err := PreviewNotice(ctx, s, req)
	if err != nil || after.Printed == nil || after.Changed || !reflect.DeepEqual(after.Doc, &printed) {
		t.Fatalf("after printing: %+v, %v; want the stored notice, unchanged", after, err)
	}
	c.Title = "城关镇幸福小区停水三天"
	after, err = PreviewNotice(ctx, s, req)
	if err != nil || !after.Changed || after.Doc.Cases[0].Title != "城关镇幸福小区停水" {
		t.Errorf("the case retitled: changed %v, title %q, %v; want changed and the stored title", after.Changed, after.Doc.Cases[0].Title, err)
	}
}

// TestPreviewNoticeOfInstruction: a case's 交办单 found through the 批示
// that listed it with another case is the stored notice of both, unchanged
// (it lists more cases than the case's own would, and the 批示), until a
// case it lists changes.
func TestPreviewNoticeOfInstruction(t *testing.T) {
	ctx := context.Background()
	s := &memStore{kv: map[string]string{}}
	day := time.Date(2026, 12, 2, 0, 0, 0, 0, time.Local)
	a := &model.Case{ID: 1, Number: "2026-0001", Title: "停水", AssignedAt: day, Due: day.AddDate(0, 0, 5)}
	b := &model.Case{ID: 2, Number: "2026-0002", Title: "占道", AssignedAt: day, Due: day.AddDate(0, 0, 3)}
	in := &model.Instruction{ID: 7, Leader: "张振华", Text: "请核实。", Date: day, Due: day.AddDate(0, 0, 7)}
	if _, _, _, err := PrintNotice(ctx, s, NoticeRequest{Cases: []*model.Case{a, b}, Department: "县水务局", Date: day, Due: in.Due, Instruction: in}); err != nil {
		t.Fatal(err)
	}
	alone := NoticeRequest{Cases: []*model.Case{b}, Department: "县水务局", Date: b.AssignedAt, Due: b.Due}
	np, err := PreviewNotice(ctx, s, alone)
	if err != nil || np.Printed == nil || np.Changed || len(np.Doc.Cases) != 2 {
		t.Fatalf("case 2 alone: %+v, %v; want the 批示's notice of both cases, unchanged", np, err)
	}
	b.Title = "占道经营"
	if np, err = PreviewNotice(ctx, s, alone); err != nil || !np.Changed {
		t.Errorf("case 2 retitled: changed %v, %v; want changed", np.Changed, err)
	}
}
