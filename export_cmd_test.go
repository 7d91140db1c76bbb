package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bulletin/export"
	"bulletin/model"
)

// TestRunExport exports a draft (the same bytes as the GUI's render with the
// stored settings) and an issued bulletin (exactly the stored bytes, even
// after the settings changed), and checks the errors.
func TestRunExport(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "bulletin.db")
	s, err := model.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 11, 28, 0, 0, 0, 0, time.Local)
	newBulletin := func(n int, title string) *model.Bulletin {
		b := &model.Bulletin{Year: 2026, Number: n, Serial: 80 + n, Name: "舆情专报", Unit: "某县委网信办", Date: day,
			Marking: model.DefaultMarking, Title: title, Body: "一、基本情况\n正文第一段。", Copies: 20}
		if err := s.CreateBulletin(ctx, b); err != nil {
			t.Fatal(err)
		}
		return b
	}
	issued := newBulletin(11, "关于停车难问题的专报")
	stored, _, err := export.BulletinPDF(issued, model.SettingDefaults)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.IssueBulletin(ctx, issued.ID, stored); err != nil {
		t.Fatal(err)
	}
	draft := newBulletin(12, "关于供暖问题的专报")
	// Settings changed after the issue: the reprint must not change, the
	// draft must follow them.
	if err := s.SetSettings(ctx, map[string]string{model.SettingLinePitch: "29", model.SettingRed: "#C00000"}); err != nil {
		t.Fatal(err)
	}
	kv, _ := s.FindSettings(ctx)
	guiDraft, _, err := export.BulletinPDF(draft, kv)
	if err != nil {
		t.Fatal(err)
	}
	plainDraft, _, _ := export.BulletinPDF(draft, model.SettingDefaults)
	if bytes.Equal(guiDraft, plainDraft) {
		t.Fatal("the settings do not change the PDF: the test would not notice them being ignored")
	}
	s.Close()

	wd, _ := os.Getwd()
	t.Cleanup(func() { os.Chdir(wd) })
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		file  string
		want  []byte
		err   string
		usage bool
	}{
		{name: "issued: stored bytes, default name", args: []string{"export", "-db", dbPath, "-issue", "2026-11"},
			file: filepath.Join(dir, "舆情专报2026年第11期.pdf"), want: stored},
		{name: "draft: the GUI's bytes", args: []string{"export", "-db", dbPath, "-issue", "2026-12", "-o", filepath.Join(dir, "d.pdf")},
			file: filepath.Join(dir, "d.pdf"), want: guiDraft},
		{name: "unknown issue", args: []string{"export", "-db", dbPath, "-issue", "2026-13"}, err: "没有 2026 年第 13 期专报"},
		{name: "bad issue", args: []string{"export", "-db", dbPath, "-issue", "2026年12期"}, usage: true, err: "格式不对"},
		{name: "no issue", args: []string{"export", "-db", dbPath}, usage: true, err: "-issue"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := (&Main{Stdout: &stdout, Stderr: &stderr}).Run(ctx, tt.args)
			switch {
			case tt.usage:
				if !errors.Is(err, errUsage) || !strings.Contains(stderr.String(), tt.err) {
					t.Errorf("args %q: error %v, stderr %q; want usage mentioning %q", tt.args, err, stderr.String(), tt.err)
				}
			case tt.err != "":
				if err == nil || !strings.Contains(model.ErrorMessage(err), tt.err) {
					t.Errorf("args %q: error %v, want %q", tt.args, err, tt.err)
				}
			default:
				if err != nil {
					t.Fatalf("args %q: %v", tt.args, err)
				}
				got, err := os.ReadFile(tt.file)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, tt.want) {
					t.Errorf("args %q: %s has %d bytes, differing from the %d expected", tt.args, tt.file, len(got), len(tt.want))
				}
			}
		})
	}
}
