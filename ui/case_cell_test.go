package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

func TestCaseStatusText(t *testing.T) {
	tests := []struct {
		name                 string
		status               model.CaseStatus
		reported, instructed bool
		want, wantList       string
	}{
		{"plain", model.StatusAssigned, false, false, "已交办", "已交办"},
		{"reported", model.StatusClosed, true, false, "已办结 · 已编报", "已办结·已编报"},
		{"instructed", model.StatusAssigned, false, true, "已交办 · 已批示", "已交办·已批示"},
		{"both", model.StatusReplied, true, true, "已回复 · 已编报 · 已批示", "已回复·已批示"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &model.Case{Status: tt.status, Reported: tt.reported, Instructed: tt.instructed}
			if got := caseStatusText(c, " · "); got != tt.want {
				t.Errorf("caseStatusText(%s, 编报 %v, 批示 %v) = %q, want %q", tt.status, tt.reported, tt.instructed, got, tt.want)
			}
			if got := caseListStatus(c); got != tt.wantList {
				t.Errorf("caseListStatus(%s, 编报 %v, 批示 %v) = %q, want %q", tt.status, tt.reported, tt.instructed, got, tt.wantList)
			}
		})
	}
}

// The 状态 column is wide enough for every status with its mark, in the
// embedded font, and the 时限 column for a date with 逾期.
func TestCaseColumnsFitTheirText(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newOfficeTheme())
	for _, st := range statusNames() {
		for _, marks := range [][2]bool{{false, false}, {true, false}, {true, true}} {
			c := &model.Case{Status: model.CaseStatus(st), Reported: marks[0], Instructed: marks[1]}
			text := caseListStatus(c)
			if w := widget.NewLabel(text).MinSize().Width; w > caseColumns[5].width {
				t.Errorf("状态 %q needs %.0f px, the column is %.0f", text, w, caseColumns[5].width)
			}
		}
	}
	if w := widget.NewLabel("2026-11-28 逾期").MinSize().Width; w > caseColumns[6].width {
		t.Errorf("时限 with 逾期 needs %.0f px, the column is %.0f", w, caseColumns[6].width)
	}
}
