package model

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkBackup backs up the generated database of -benchn cases (100,000
// by default): go test ./model -run XXX -bench Backup -benchtime 3x
func BenchmarkBackup(b *testing.B) {
	src := benchDB(b)
	s, err := Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	fi, err := os.Stat(src)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	b.SetBytes(fi.Size())
	b.ResetTimer()
	start := cpuTime()
	for i := 0; b.Loop(); i++ {
		if err := s.Backup(context.Background(), filepath.Join(dir, fmt.Sprintf("b%d.db", i))); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}
