package main

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"bulletin/export"
	"bulletin/model"
)

// TestReportEndToEnd runs `bulletin report` on the demo database for the
// year and reads the PDF back with pdftotext: every number of the 附表 is
// there, on the line of its department, equal to the store's figures; the
// .xlsx holds the same rows. Nothing is stored.
func TestReportEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the demo data tool")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if out, err := exec.Command("go", "run", "./ui/internal/demodata", "-db", db, "-n", "300").CombinedOutput(); err != nil {
		t.Fatalf("demodata: %v\n%s", err, out)
	}
	year := fmt.Sprint(time.Now().Year())
	run := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if err := (&Main{Stdout: &stdout, Stderr: &stderr}).Run(context.Background(), args); err != nil {
			t.Fatalf("Run(%q): %v\n%s%s", args, err, stdout.String(), stderr.String())
		}
		return stdout.String()
	}
	s := openForTest(t, db)
	before, err := s.FindSettings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	pdf, xlsx := filepath.Join(dir, "年报.pdf"), filepath.Join(dir, "附表.xlsx")
	out := run("report", "-db", db, "-year", year, "-o", pdf)
	if !strings.Contains(out, "年通报草稿") {
		t.Errorf("report printed %q", out)
	}
	run("report", "-db", db, "-year", year, "-xlsx", xlsx)

	p, _ := model.ParsePeriod(model.PeriodYear, year)
	rep, err := s.PeriodReport(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	rows := export.PeriodicRows(rep.Cur)
	if rep.Cur.Total != 300 || len(rows) < 5 {
		t.Fatalf("%d cases, %d rows", rep.Cur.Total, len(rows))
	}
	text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(text), "\n")
	for _, r := range rows {
		want := strings.Join(r.Cells(), " ")
		found := false
		for _, l := range lines {
			if strings.Join(strings.Fields(l), " ") == strings.TrimSpace(want) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("附表 row %q not in the PDF", want)
		}
	}
	h := rep.Cur.Handling
	for _, w := range []string{fmt.Sprintf("共收集网络舆情和网民诉求%d件", rep.Cur.Total), "按期回复率" + h.OnTimeRate().Text(),
		"回复率" + h.ReplyRate().Text(), "办结率" + h.CloseRate().Text(), "图1", "每月收集案件数"} {
		if !strings.Contains(strings.ReplaceAll(string(text), "\n", ""), w) {
			t.Errorf("PDF lacks %q", w)
		}
	}

	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := f.GetRows("附表")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 3+len(rows) || strings.Join(got[2], " ") != strings.Join(export.PeriodicHeader, " ") {
		t.Fatalf(".xlsx rows %q", got)
	}
	for i, r := range rows {
		if g, w := strings.Join(got[3+i], " "), strings.Join(r.Cells(), " "); strings.TrimSpace(g) != strings.TrimSpace(w) {
			t.Errorf(".xlsx row %d %q, want %q", i+1, g, w)
		}
	}
	after, err := s.FindSettings(context.Background())
	if err != nil || len(after) != len(before) {
		t.Errorf("report changed the settings: %v", err)
	}
}

func TestReportUsage(t *testing.T) {
	for _, args := range [][]string{{"report"}, {"report", "-month", "2026-11", "-year", "2026"}} {
		var stdout, stderr bytes.Buffer
		if err := (&Main{Stdout: &stdout, Stderr: &stderr}).Run(context.Background(), args); err != errUsage {
			t.Errorf("%q: %v, want usage", args, err)
		}
	}
	var stdout, stderr bytes.Buffer
	err := (&Main{Stdout: &stdout, Stderr: &stderr}).Run(context.Background(), []string{"report", "-db", filepath.Join(t.TempDir(), "x.db"), "-week", "2026-48"})
	if model.ErrorCode(err) != model.EINVALID || !strings.Contains(model.ErrorMessage(err), "2026-W48") {
		t.Errorf("bad week: %v", err)
	}
}
