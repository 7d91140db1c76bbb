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

	"bulletin/model"
)

// TestRenderKinds: bulletin render typesets every kind of the "kind" field
// and names an unknown field.
func TestRenderKinds(t *testing.T) {
	dir := t.TempDir()
	for name, doc := range map[string]string{
		"minutes":     `{"kind":"minutes","number":3,"date":"2026-03-05","body":"会议决定：一、核实停水原因。","present":"张三、李四"}`,
		"assignment":  `{"kind":"assignment","number":"〔2026〕15号","date":"2026-12-02","department":"县水务局","cases":[{"title":"停水"}],"due":"2026-12-09","receipt":true}`,
		"reminder":    `{"kind":"reminder","number":"〔2026〕15号","department":"县水务局","cases":[{"title":"停水"}],"overdue":2}`,
		"instruction": `{"kind":"instruction","leader":"李某","date":"2026-12-01","text":"请核实。"}`,
	} {
		in := filepath.Join(dir, name+".json")
		os.WriteFile(in, []byte(doc), 0o644)
		var stdout, stderr bytes.Buffer
		if err := (&Main{Stdout: &stdout, Stderr: &stderr}).Run(context.Background(), []string{"render", in}); err != nil {
			t.Errorf("render %s: %v (%s)", name, err, stderr.String())
			continue
		}
		if pdf, err := os.ReadFile(filepath.Join(dir, name+".pdf")); err != nil || !bytes.HasPrefix(pdf, []byte("%PDF")) {
			t.Errorf("render %s: no PDF (%v)", name, err)
		}
	}
	in := filepath.Join(dir, "bad.json")
	os.WriteFile(in, []byte(`{"kind":"minutes","body":"正文","attendance":"张三"}`), 0o644)
	err := (&Main{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}}).Run(context.Background(), []string{"render", in})
	if err == nil || !strings.Contains(model.ErrorMessage(err), `"attendance"`) {
		t.Errorf("unknown field: %v", err)
	}
}

// TestExportDocuments: export -meeting prints a meeting's 纪要; export
// -case -department prints the case's 交办单, and again with the same
// number and the same bytes.
func TestExportDocuments(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "bulletin.db")
	s, err := model.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 12, 2, 10, 0, 0, 0, time.Local)
	mt := &model.Meeting{Name: "网络舆情研判会", Time: day, Host: "王主任", Present: []string{"张三", "李四"},
		Decisions: []model.Decision{{Text: "核实停水原因", Lead: "县水务局", Due: day.AddDate(0, 0, 7)}}}
	if err := s.CreateMeeting(ctx, mt); err != nil {
		t.Fatal(err)
	}
	c := &model.Case{Title: "城关镇停水", Content: "网民反映停水。"}
	if err := s.CreateCase(ctx, c); err != nil {
		t.Fatal(err)
	}
	s.Close()
	run := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if err := (&Main{Stdout: &stdout, Stderr: &stderr}).Run(ctx, append([]string{"export", "-db", dbPath}, args...)); err != nil {
			t.Fatalf("export %q: %v (%s)", args, err, stderr.String())
		}
		return stdout.String()
	}
	m := filepath.Join(dir, "m.pdf")
	run("-meeting", "1", "-o", m)
	if text := pdfText(t, m); !strings.Contains(text, "网络舆情工作会议纪要") || !strings.Contains(text, "由县水务局牵头") {
		t.Errorf("纪要 text: %q", text)
	}
	a, b := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.pdf")
	out1 := run("-case", c.Number, "-department", "县水务局", "-o", a)
	out2 := run("-case", c.Number, "-department", "县水务局", "-o", b)
	pa, _ := os.ReadFile(a)
	pb, _ := os.ReadFile(b)
	if !strings.Contains(out1, "〔2026〕1号") || out1[strings.Index(out1, "〔"):strings.Index(out1, "号")] != out2[strings.Index(out2, "〔"):strings.Index(out2, "号")] || !bytes.Equal(pa, pb) {
		t.Errorf("reprint: %q then %q, same bytes %v", out1, out2, bytes.Equal(pa, pb))
	}
	if text := pdfText(t, a); !strings.Contains(text, "网络舆情交办单") || !strings.Contains(text, "城关镇停水") {
		t.Errorf("交办单 text: %q", text)
	}
}

// pdfText returns the text of a PDF file (pdftotext), skipping the test
// when poppler is not installed.
func pdfText(tb testing.TB, path string) string {
	tb.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		tb.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}
