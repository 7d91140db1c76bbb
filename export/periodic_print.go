package export

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"bulletin/model"
)

// PeriodicStore is what the 通报 needs of the store (model.Store).
type PeriodicStore interface {
	FindSettings(ctx context.Context) (map[string]string, error)
	PeriodReport(ctx context.Context, p model.Period) (*model.PeriodReport, error)
	FindPeriodic(ctx context.Context, id int64) (*model.PeriodicIssue, error)
	IssuePeriodic(ctx context.Context, id int64, typeset func(p *model.PeriodicIssue) (doc, pdf []byte, err error)) (*model.PeriodicIssue, error)
}

// DraftPeriodic is a new draft 通报 of period p: its 刊名 from the settings,
// the title and the body drafted from the figures (not yet stored).
func DraftPeriodic(ctx context.Context, s PeriodicStore, p model.Period) (*model.PeriodicIssue, error) {
	kv, err := s.FindSettings(ctx)
	if err != nil {
		return nil, err
	}
	r, err := s.PeriodReport(ctx, p)
	if err != nil {
		return nil, err
	}
	doc := PeriodicFrom(r, time.Now(), PeriodicSettingsFrom(kv))
	return &model.PeriodicIssue{Period: p, Name: doc.Name, Title: doc.Title, Body: doc.Body}, nil
}

// PeriodicOf is the document of a stored 通报 dated day: its 刊名, title and
// body as edited, with the 附表 and charts regenerated from the data now, and
// 第N期 once it has a number.
func PeriodicOf(ctx context.Context, s PeriodicStore, pi *model.PeriodicIssue, day time.Time) (*Periodic, map[string]string, error) {
	kv, err := s.FindSettings(ctx)
	if err != nil {
		return nil, nil, err
	}
	r, err := s.PeriodReport(ctx, pi.Period)
	if err != nil {
		return nil, nil, err
	}
	st := PeriodicSettingsFrom(kv)
	if strings.TrimSpace(pi.Name) != "" {
		st.Name = pi.Name
	}
	doc := PeriodicFrom(r, day, st)
	doc.Title, doc.Body = pi.Title, pi.Body
	if pi.Number > 0 {
		doc.Issue = fmt.Sprintf("%d年第%d期（%s）", pi.Period.Year(), pi.Number, pi.Period.Kind.Name())
	}
	return doc, kv, nil
}

// PrintPeriodic gives the PDF of a stored 通报: the bytes stored when it was
// issued (a reprint is the same file), or a draft typeset now.
func PrintPeriodic(ctx context.Context, s PeriodicStore, id int64) ([]byte, *Report, error) {
	pi, err := s.FindPeriodic(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if pi.Issued() {
		return pi.PDF, &Report{}, nil
	}
	doc, kv, err := PeriodicOf(ctx, s, pi, time.Now())
	if err != nil {
		return nil, nil, err
	}
	return PrintedPDF(doc, kv)
}

// IssuePeriodicPDF issues draft id: the next 期号 of its kind and year, the
// 附表 and charts from the data as they are now, dated today; the document
// and the PDF are stored with it and never typeset again.
func IssuePeriodicPDF(ctx context.Context, s PeriodicStore, id int64, day time.Time) (*model.PeriodicIssue, error) {
	return s.IssuePeriodic(ctx, id, func(pi *model.PeriodicIssue) ([]byte, []byte, error) {
		doc, kv, err := PeriodicOf(ctx, s, pi, day)
		if err != nil {
			return nil, nil, err
		}
		pdf, _, err := PrintedPDF(doc, kv)
		if err != nil {
			return nil, nil, err
		}
		js, err := json.Marshal(doc)
		if err != nil {
			return nil, nil, err
		}
		return js, pdf, nil
	})
}
