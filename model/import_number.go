package model

import "context"

// reserve moves year's counter past seq, a 编号 an import keeps, so that
// the numbers given after it never collide with it.
func (w *caseWriter) reserve(ctx context.Context, year, seq int) error {
	if _, err := w.nextSeq(ctx, year); err != nil { // reads the counter once
		return err
	}
	w.last[year]-- // nextSeq counted one
	if seq > w.last[year] {
		w.last[year] = seq
	}
	return nil
}
