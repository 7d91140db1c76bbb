package main

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"bulletin/model"
)

// TestRunCalendar prints 2026's holidays and its 248 working days, the due
// dates of DEADLINES.md's worked examples, and Chinese errors for bad input.
func TestRunCalendar(t *testing.T) {
	db := filepath.Join(t.TempDir(), "bulletin.db")
	tests := []struct {
		name    string
		args    []string
		out     []string
		errText string
		usage   bool
	}{
		{"year", []string{"calendar", "-db", db, "-year", "2026"}, []string{"2026-10-01 周四  休  国庆节", "2026-02-14 周六  班  春节", "2026年共 248 个工作日"}, "", false},
		{"a year without rows", []string{"calendar", "-db", db, "-year", "2029"}, []string{"2029年的节假日尚未录入"}, "", false},
		{"add", []string{"calendar", "-db", db, "-add", "2026-09-24", "5"}, []string{"2026-10-09\n"}, "", false},
		{"add over 调休", []string{"calendar", "-db", db, "-add", "2026-02-13", "2"}, []string{"2026-02-24\n"}, "", false},
		{"add the same day", []string{"calendar", "-db", db, "-same-day", "-add", "2026-10-01", "1"}, []string{"2026-10-08\n"}, "", false},
		{"bad date", []string{"calendar", "-db", db, "-add", "2026-13-01", "5"}, nil, "日期“2026-13-01”格式应为", false},
		{"bad count", []string{"calendar", "-db", db, "-add", "2026-09-24", "五"}, nil, "工作日数“五”应为", false},
		{"missing count", []string{"calendar", "-db", db, "-add", "2026-09-24"}, nil, "-add 后应写起算日期和工作日数", false},
		{"bad flag", []string{"calendar", "-db", db, "-yaer", "2026"}, nil, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			m := &Main{Stdout: &stdout, Stderr: &stderr}
			err := m.Run(context.Background(), tt.args)
			switch {
			case tt.usage:
				if !errors.Is(err, errUsage) {
					t.Errorf("Run(%q) = %v, want a usage error", tt.args, err)
				}
				return
			case tt.errText == "" && err != nil:
				t.Fatalf("Run(%q): %v", tt.args, err)
			case tt.errText != "" && (err == nil || !strings.Contains(model.ErrorMessage(err), tt.errText)):
				t.Errorf("Run(%q) = %v, want an error with %q", tt.args, err, tt.errText)
			}
			for _, want := range tt.out {
				if !strings.Contains(stdout.String(), want) {
					t.Errorf("Run(%q) printed\n%s\nwant %q", tt.args, stdout.String(), want)
				}
			}
		})
	}
}
