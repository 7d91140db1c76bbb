package ui

import (
	"testing"

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
