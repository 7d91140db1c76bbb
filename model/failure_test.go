package model

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiskFull fills the database to a page limit, which SQLite reports as a
// full disk: the save fails with the Chinese message, and an import of many
// cases is saved entirely or not at all.
func TestDiskFull(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	mustCreateCases(t, s, "已有", 3)
	var pages int
	if err := s.wdb.QueryRow(`PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := s.wdb.Exec(`PRAGMA max_page_count = ` + fmt.Sprint(pages+20)); err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("很长的内容", 20000)
	err := s.CreateCase(ctx, &Case{Title: "放不下", Content: big})
	if msg := ErrorMessage(err); !strings.Contains(msg, "磁盘") {
		t.Errorf("CreateCase on a full disk: %q, want a message about the disk", msg)
	}
	var cs []*Case
	for i := 0; i < 50; i++ {
		cs = append(cs, &Case{Title: fmt.Sprint("导入 ", i), Content: strings.Repeat("内容", 2000)})
	}
	_, err = s.ImportCases(ctx, cs, ImportOptions{})
	if msg := ErrorMessage(err); !strings.Contains(msg, "磁盘") {
		t.Errorf("ImportCases on a full disk: %q, want a message about the disk", msg)
	}
	if _, n, _ := s.FindCases(ctx, CaseFilter{}); n != 3 {
		t.Errorf("after the failed saves the store holds %d cases, want the 3 it had", n)
	}
}

// TestOpenDamaged opens a database whose pages were overwritten: Open
// refuses with a message IsDamaged recognises, the file is left untouched,
// and restoring the newest backup keeps the damaged file beside it.
func TestOpenDamaged(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "bulletin.db")
	s := MustOpenStoreAt(t, path)
	mustCreateCases(t, s, "案件", 20)
	if _, err := s.BackupNow(ctx, "", 0); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 100; i < len(data); i++ { // keep the header, ruin the rest
		data[i] = 0xA5
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, path)
	_, err = Open(path)
	if err == nil || !IsDamaged(err) {
		t.Fatalf("Open of a damaged file: %v; want an error IsDamaged recognises", err)
	}
	if fileHash(t, path) != before {
		t.Fatal("Open changed the damaged file")
	}
	list, err := FindBackups(DefaultBackupDir(path))
	if err != nil || len(list) != 1 {
		t.Fatalf("FindBackups: %v, %v", list, err)
	}
	kept, err := Restore(path, list[0].Path)
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if fileHash(t, kept) != before {
		t.Error("the damaged file was not kept as it was")
	}
	s2 := MustOpenStoreAt(t, path)
	if _, n, err := s2.FindCases(ctx, CaseFilter{}); err != nil || n != 20 {
		t.Errorf("restored: %d cases, %v; want 20", n, err)
	}
}
