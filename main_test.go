package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"reflect"
	"testing"
)

// TestParseFlagsAnywhere checks that flags are read before and after file names.
func TestParseFlagsAnywhere(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		out   string
		cover bool
		files []string
	}{
		{"flags first", []string{"-o", "a.pdf", "-cover", "doc.json"}, "a.pdf", true, []string{"doc.json"}},
		{"flags last", []string{"doc.json", "-o", "a.pdf"}, "a.pdf", false, []string{"doc.json"}},
		{"mixed", []string{"-cover", "doc.json", "-o", "a.pdf", "two.json"}, "a.pdf", true, []string{"doc.json", "two.json"}},
		{"after --", []string{"-o", "a.pdf", "--", "-x.json"}, "a.pdf", false, []string{"-x.json"}},
		{"no files", []string{"-o", "a.pdf"}, "a.pdf", false, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("t", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			out := fs.String("o", "", "")
			cover := fs.Bool("cover", false, "")
			if err := parse(fs, tt.args); err != nil {
				t.Fatalf("parse(%q): %v", tt.args, err)
			}
			if got := fs.Args(); *out != tt.out || *cover != tt.cover || !reflect.DeepEqual(got, tt.files) {
				t.Errorf("parse(%q) = -o %q -cover %v files %q, want %q %v %q", tt.args, *out, *cover, got, tt.out, tt.cover, tt.files)
			}
		})
	}
}

// TestRunUsage checks that unknown subcommands and bad flags exit with usage.
func TestRunUsage(t *testing.T) {
	for _, args := range [][]string{{"frobnicate"}, {"check", "-nope"}, {"-nope"}, {"render", "a.json", "-x"}} {
		var stdout, stderr bytes.Buffer
		m := &Main{Stdout: &stdout, Stderr: &stderr}
		if err := m.Run(context.Background(), args); !errors.Is(err, errUsage) {
			t.Errorf("Run(%q) = %v, want usage error", args, err)
		}
		if !bytes.Contains(stderr.Bytes(), []byte("用法")) {
			t.Errorf("Run(%q) stderr %q, want the usage text", args, stderr.String())
		}
	}
}

// TestRunVersion checks that version prints the stamped fields.
func TestRunVersion(t *testing.T) {
	var stdout bytes.Buffer
	m := &Main{Stdout: &stdout, Stderr: io.Discard}
	if err := m.Run(context.Background(), []string{"version"}); err != nil {
		t.Fatal(err)
	}
	if want := "bulletin " + version + " (commit " + commit; !bytes.HasPrefix(stdout.Bytes(), []byte(want)) {
		t.Errorf("version printed %q, want prefix %q", stdout.String(), want)
	}
}
