package casefile

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bulletin/model"
)

// benchCases returns n cases shaped like real ones (about 300 characters of
// content each, two departments).
func benchCases(n int) []*model.Case {
	towns := []string{"城关镇", "东关镇", "西河乡", "南山镇", "北塬乡"}
	issues := []string{"电梯长期停运", "道路积水严重", "夜间施工噪音扰民", "拖欠农民工工资", "物业乱收费"}
	cs := make([]*model.Case, n)
	for i := range cs {
		town, issue := towns[i%len(towns)], issues[i/len(towns)%len(issues)]
		cs[i] = &model.Case{
			Title: fmt.Sprintf("%s%s（%d）", town, issue, i), Source: model.Sources[i%len(model.Sources)],
			Poster: fmt.Sprintf("网民%d", i), Posted: time.Date(2026, 1, 1, 8, 0, 0, 0, time.Local).Add(time.Duration(i) * time.Minute),
			Area: town, Domain: model.Domains[i%len(model.Domains)], Kind: model.Kinds[i%len(model.Kinds)],
			Risk: model.RiskLevels[i%len(model.RiskLevels)], Content: strings.Repeat(town+issue+"，群众反映多次，希望尽快解决。", 12),
			Departments: []string{"县住建局", "县城管局"}, Due: time.Date(2026, 2, 1, 0, 0, 0, 0, time.Local),
		}
	}
	return cs
}

// benchImport imports a file of 10,000 cases into a new database per round.
func benchImport(b *testing.B, ext string, write func(f *os.File, cs []*model.Case) error) {
	dir := b.TempDir()
	path := filepath.Join(dir, "cases"+ext)
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := write(f, benchCases(10000)); err != nil {
		b.Fatal(err)
	}
	f.Close()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		s, err := model.Open(filepath.Join(dir, fmt.Sprintf("b%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep, err := ImportFile(context.Background(), s, path, "", model.ImportOptions{CreateDepartments: true})
		if err != nil || len(rep.Imported) != 10000 {
			b.Fatalf("import: %v, %d rows rejected", err, len(rep.Rejected()))
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

func BenchmarkImportCSV10k(b *testing.B) {
	benchImport(b, ".csv", func(f *os.File, cs []*model.Case) error { return WriteCSV(f, cs) })
}

func BenchmarkImportXLSX10k(b *testing.B) {
	benchImport(b, ".xlsx", func(f *os.File, cs []*model.Case) error { return WriteXLSX(f, cs) })
}

// BenchmarkReadCSV10k measures reading alone, without the database.
func BenchmarkReadCSV10k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "cases.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := WriteCSV(f, benchCases(10000)); err != nil {
		b.Fatal(err)
	}
	f.Close()
	for b.Loop() {
		if _, err := ReadFile(path, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadXLSX10k measures reading an .xlsx alone, without the database.
func BenchmarkReadXLSX10k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "cases.xlsx")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := WriteXLSX(f, benchCases(10000)); err != nil {
		b.Fatal(err)
	}
	f.Close()
	for b.Loop() {
		if _, err := ReadFile(path, ""); err != nil {
			b.Fatal(err)
		}
	}
}
