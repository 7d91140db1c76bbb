package main

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"bulletin/model"
)

// TestExportImportDemoKeepsStatistics exports the 300-case demo database
// with `bulletin export -cases` and imports the file into a new database with
// `bulletin import`: the statistics are the same (before, every case came
// back 待研判, renumbered in reverse, with no 交办/回复/办结 time), every
// case keeps its 编号, state and times, and a rerun adds nothing.
func TestExportImportDemoKeepsStatistics(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the demo data tool")
	}
	dir := t.TempDir()
	demo, fresh := filepath.Join(dir, "demo.db"), filepath.Join(dir, "new.db")
	if out, err := exec.Command("go", "run", "./ui/internal/demodata", "-db", demo, "-n", "300").CombinedOutput(); err != nil {
		t.Fatalf("demodata: %v\n%s", err, out)
	}
	for _, format := range []string{"xlsx", "csv"} {
		t.Run(format, func(t *testing.T) {
			file := filepath.Join(dir, "案件."+format)
			db := fresh + "." + format
			run := func(args ...string) string {
				t.Helper()
				var stdout, stderr bytes.Buffer
				if err := (&Main{Stdout: &stdout, Stderr: &stderr}).Run(context.Background(), args); err != nil {
					t.Fatalf("Run(%q): %v\n%s%s", args, err, stdout.String(), stderr.String())
				}
				return stdout.String()
			}
			run("export", "-db", demo, "-cases", file)
			out := run("import", "-db", db, "-create-departments", file)
			if !strings.Contains(out, "共 300 行：导入 300 行，未导入 0 行") {
				t.Fatalf("import printed\n%.2000s", out)
			}
			src, dst := openForTest(t, demo), openForTest(t, db)
			now := time.Now()
			a, err := src.FindStats(context.Background(), model.StatsFilter{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			b, err := dst.FindStats(context.Background(), model.StatsFilter{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a, b) {
				t.Errorf("statistics differ after the round trip:\ndemo %+v\nnew  %+v", a, b)
			}
			want, _, _ := src.FindCases(context.Background(), model.CaseFilter{Sort: model.SortNumber})
			got, _, _ := dst.FindCases(context.Background(), model.CaseFilter{Sort: model.SortNumber})
			if len(got) != len(want) {
				t.Fatalf("%d cases, want %d", len(got), len(want))
			}
			same := func(a, b time.Time) bool { return a.Truncate(time.Second).Equal(b.Truncate(time.Second)) } // the file keeps seconds
			for i := range want {
				w, g := want[i], got[i]
				if g.Number != w.Number || g.Status != w.Status || !same(g.AssignedAt, w.AssignedAt) || !same(g.RepliedAt, w.RepliedAt) ||
					!same(g.ClosedAt, w.ClosedAt) || !g.Due.Equal(w.Due) || !g.OriginalDue.Equal(w.OriginalDue) {
					t.Errorf("case %s %s %v %v %v, want %s %s %v %v %v", g.Number, g.Status, g.AssignedAt, g.RepliedAt, g.ClosedAt,
						w.Number, w.Status, w.AssignedAt, w.RepliedAt, w.ClosedAt)
					break
				}
			}
			evs, err := dst.FindCaseEvents(context.Background(), got[len(got)-1].ID)
			if err != nil || len(evs) != 1 || evs[0].Action != model.ImportAction(got[len(got)-1].Status) || evs[0].Note != "从 案件."+format+" 导入" {
				t.Errorf("events of an imported case: %+v, %v; want one 导入（原状态：…）", evs, err)
			}
			out = run("import", "-db", db, "-create-departments", file)
			if !strings.Contains(out, "导入 0 行") || !strings.Contains(out, "（其中重复 300 行）") {
				t.Errorf("rerun printed\n%.1000s", out)
			}
		})
	}
}

func openForTest(t *testing.T, path string) *model.Store {
	t.Helper()
	s, err := model.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestExportCasesUsage: -cases needs a file name.
func TestExportCasesUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := (&Main{Stdout: &stdout, Stderr: &stderr}).Run(context.Background(), []string{"export", "-db", filepath.Join(t.TempDir(), "x.db"), "-cases", ""})
	if err == nil {
		t.Error("export -cases \"\" succeeded")
	}
}
