package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// pageCount is how render reports the pages it made (the sample's count
// follows the layout rules, so only its form is checked).
var pageCount = regexp.MustCompile(`（[1-9][0-9]* 页）`)

// TestRunRender runs `bulletin render` on the sample and on bad input.
func TestRunRender(t *testing.T) {
	dir := t.TempDir()
	sample, err := os.ReadFile("export/testdata/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(dir, "专报.json")
	os.WriteFile(doc, sample, 0o644)
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"title":"标题","body":"正文","titel":"x"}`), 0o644)
	tests := []struct {
		name    string
		args    []string
		out     string // file that must exist afterwards
		errText string
		usage   bool
	}{
		{"default output", []string{"render", doc}, filepath.Join(dir, "专报.pdf"), "", false},
		{"-o and -cover", []string{"render", "-o", filepath.Join(dir, "x.pdf"), "-cover", doc}, filepath.Join(dir, "x.pdf"), "", false},
		{"flags after the file", []string{"render", doc, "-o", filepath.Join(dir, "y.pdf")}, filepath.Join(dir, "y.pdf"), "", false},
		{"unknown field", []string{"render", bad}, "", `未知字段 "titel"`, false},
		{"missing file", []string{"render", filepath.Join(dir, "none.json")}, "", "打开文档", false},
		{"no argument", []string{"render"}, "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			m := &Main{Stdout: &stdout, Stderr: &stderr}
			err := m.Run(context.Background(), tt.args)
			switch {
			case tt.usage:
				if !errors.Is(err, errUsage) {
					t.Errorf("args %q: error %v, want usage", tt.args, err)
				}
			case tt.errText != "":
				if err == nil || !strings.Contains(err.Error(), tt.errText) {
					t.Errorf("args %q: error %v, want %q", tt.args, err, tt.errText)
				}
			default:
				if err != nil {
					t.Fatalf("args %q: %v (stderr %q)", tt.args, err, stderr.String())
				}
				data, err := os.ReadFile(tt.out)
				if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
					t.Errorf("args %q: %s not a PDF (%v)", tt.args, tt.out, err)
				}
				if !pageCount.MatchString(stdout.String()) {
					t.Errorf("args %q: stdout %q, want the page count", tt.args, stdout.String())
				}
			}
		})
	}
}
