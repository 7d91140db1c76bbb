package export

import (
	"context"
	"fmt"

	"bulletin/model"
)

// NoticePeeker is what the preview of a 交办单 needs from the store: what
// printing needs, and the next 交办编号 without giving it (model.Store).
type NoticePeeker interface {
	DocumentStore
	PeekNoticeNumber(ctx context.Context, year int) (int, error)
}

// NoticePreview is the 交办单 PrintNotice would print for a request, found
// without storing anything.
type NoticePreview struct {
	// Doc is what prints: the stored document of the notice printed before,
	// else a new one with the 交办编号 it will get.
	Doc *Assignment
	// Printed is the notice printed before, nil for a new one.
	Printed *model.Notice
	// Changed reports that the cases or the 设置 have changed since Printed:
	// made now the 交办单 would differ, but a reprint gives the stored one.
	Changed bool
}

// PreviewNotice returns the 交办单 of req as PrintNotice prints it.
func PreviewNotice(ctx context.Context, s NoticePeeker, req NoticeRequest) (*NoticePreview, error) {
	kv, err := s.FindSettings(ctx)
	if err != nil {
		return nil, err
	}
	n, err := findNotice(ctx, s, req)
	if err != nil {
		return nil, err
	}
	fresh := AssignmentFrom(req, NoticeSettingsFrom(kv))
	if n == nil {
		year := model.Day(req.Date).Year()
		next, err := s.PeekNoticeNumber(ctx, year)
		if err != nil {
			return nil, err
		}
		fresh.Number = model.NoticeLabel(year, next)
		return &NoticePreview{Doc: fresh}, nil
	}
	var a Assignment
	if err := decodeStrict(n.Doc, &a); err != nil {
		return nil, fmt.Errorf("stored notice %s: %w", n.Label(), err)
	}
	return &NoticePreview{Doc: &a, Printed: n, Changed: changedSince(&a, fresh)}, nil
}

// changedSince reports whether a 交办单 made now (fresh) differs from the
// stored one in what they share: the cases both list, the 设置, and when
// both are of the same shape (as many cases, with or without a 批示) the
// dates and the 批示. A case's notice found through the 批示 that listed
// several cases lists others than fresh: that is no change.
func changedSince(stored, fresh *Assignment) bool {
	was := map[string]NoticeCase{}
	for _, c := range stored.Cases {
		was[c.Number] = c
	}
	for _, c := range fresh.Cases {
		if old, ok := was[c.Number]; ok && old != c {
			return true
		}
	}
	if stored.Title != fresh.Title || stored.Requirement != fresh.Requirement || stored.Unit != fresh.Unit ||
		stored.Contact != fresh.Contact || stored.Receipt != fresh.Receipt || stored.Black != fresh.Black || stored.Small != fresh.Small {
		return true
	}
	if len(stored.Cases) != len(fresh.Cases) || (stored.Instruction == nil) != (fresh.Instruction == nil) {
		return false
	}
	return stored.Date != fresh.Date || stored.Due != fresh.Due ||
		(stored.Instruction != nil && *stored.Instruction != *fresh.Instruction)
}
