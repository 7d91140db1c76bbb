package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// envRunMain makes the test binary run main() instead of the tests, so that a
// test can start the program as a user does, package initialisation included.
const envRunMain = "BULLETIN_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(envRunMain) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestCommandsWriteNothingToStderr runs the commands in a new process under
// the locales an office PC or a server may have, and checks that stderr stays
// empty: Fyne used to print "Error parsing user locale C" under C.UTF-8 from
// an init that runs before main.
func TestCommandsWriteNothingToStderr(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "bulletin.db")
	sample, err := os.ReadFile("export/testdata/sample.json")
	if err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(dir, "专报.json")
	if err := os.WriteFile(doc, sample, 0o644); err != nil {
		t.Fatal(err)
	}
	commands := [][]string{
		{"version"},
		{"help"},
		{"check", "-db", db},
		{"backup", "-db", db, "-o", filepath.Join(dir, "备份.db")},
		{"render", doc, "-o", filepath.Join(dir, "专报.pdf")},
	}
	locales := []struct {
		name string
		env  []string
	}{
		{"LANG=C", []string{"LANG=C"}},
		{"LANG=C.UTF-8", []string{"LANG=C.UTF-8"}},
		{"LC_ALL=C.UTF-8", []string{"LC_ALL=C.UTF-8", "LANG=zh_CN.UTF-8"}},
		{"LANG=POSIX", []string{"LANG=POSIX"}},
		{"LANGUAGE=C", []string{"LANG=C.UTF-8", "LANGUAGE=C"}},
		{"no locale", nil},
		{"LANG=en_US.UTF-8", []string{"LANG=en_US.UTF-8"}},
		{"LANG=zh_CN.UTF-8", []string{"LANG=zh_CN.UTF-8"}},
	}
	for _, loc := range locales {
		for _, args := range commands {
			t.Run(loc.name+"/"+args[0], func(t *testing.T) {
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
				defer cancel()
				cmd := exec.CommandContext(ctx, os.Args[0], args...)
				cmd.Env = append(withoutLocale(os.Environ()), envRunMain+"=1")
				cmd.Env = append(cmd.Env, loc.env...)
				var stdout, stderr bytes.Buffer
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				if err := cmd.Run(); err != nil {
					t.Fatalf("bulletin %s: %v\nstdout: %s\nstderr: %s", strings.Join(args, " "), err, stdout.String(), stderr.String())
				}
				if stderr.Len() > 0 {
					t.Errorf("bulletin %s wrote to stderr:\n%s", strings.Join(args, " "), stderr.String())
				}
				if stdout.Len() == 0 {
					t.Errorf("bulletin %s printed nothing", strings.Join(args, " "))
				}
			})
		}
	}
}

// withoutLocale drops the locale variables from env.
func withoutLocale(env []string) []string {
	var out []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		if name == "LANG" || name == "LANGUAGE" || strings.HasPrefix(name, "LC_") || name == envRunMain {
			continue
		}
		out = append(out, kv)
	}
	return out
}
