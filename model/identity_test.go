package model

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Every database has an identity of its own, kept across opens, and its
// backups carry it, inside and (short) in their names.
func TestDatabaseIdentity(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a := MustOpenStoreAt(t, filepath.Join(dir, "bulletin.db"))
	b := MustOpenStoreAt(t, filepath.Join(dir, "第二个.db"))
	if len(a.ID()) != 32 || len(b.ID()) != 32 || a.ID() == b.ID() {
		t.Fatalf("identities %q and %q; want two different 32-digit ids", a.ID(), b.ID())
	}
	id := a.ID()
	a.Close()
	a = MustOpenStoreAt(t, filepath.Join(dir, "bulletin.db"))
	if a.ID() != id {
		t.Errorf("identity after reopening %q, want %q", a.ID(), id)
	}
	path, err := a.BackupNow(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := "bulletin-" + testNow.Format("20060102-150405") + "-" + id[:8] + ".db"; filepath.Base(path) != want {
		t.Errorf("backup named %s, want %s", filepath.Base(path), want)
	}
	if got, err := ReadDatabaseID(ctx, path); err != nil || got != id {
		t.Errorf("identity inside the backup %q (%v), want %q", got, err, id)
	}

	// A database of an earlier version, which had no identity, gets one
	// when opened, once.
	old := filepath.Join(dir, "旧版.db")
	s := MustOpenStoreAt(t, old)
	s.Close()
	execSQL(t, old, `DELETE FROM settings WHERE key = 'database.id'`)
	if got, err := ReadDatabaseID(ctx, old); err != nil || got != "" {
		t.Fatalf("identity of the earlier version's file %q, %v; want none", got, err)
	}
	s = MustOpenStoreAt(t, old)
	if s.ID() == "" {
		t.Error("a database without an identity got none when opened")
	}
	first := s.ID()
	s.Close()
	if s = MustOpenStoreAt(t, old); s.ID() != first {
		t.Errorf("identity changed on the second open: %q, then %q", first, s.ID())
	}
}

// Two databases in one folder: each gets its own daily backup, lists only
// its own, and keeping n backups deletes only its own. Before identities,
// the second database found the first one's backup of the day and made none.
func TestAutoBackupPerDatabase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a := MustOpenStoreAt(t, filepath.Join(dir, "bulletin.db"))
	b := MustOpenStoreAt(t, filepath.Join(dir, "试用.db"))
	mustCreateCases(t, a, "甲库", 2)
	mustCreateCases(t, b, "乙库", 5)
	backups := DefaultBackupDir(a.Path())
	legacy := filepath.Join(backups, "bulletin-20261001-080000.db") // made by an earlier version
	if err := os.MkdirAll(backups, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := a.Backup(ctx, legacy); err != nil {
		t.Fatal(err)
	}
	day := func(d int) func() time.Time {
		return func() time.Time { return time.Date(2026, 11, d, 9, 0, 0, 0, time.Local) }
	}
	for d := 1; d <= 3; d++ {
		for _, s := range []*Store{a, b} {
			s.SetNow(day(d))
			path, made, err := s.AutoBackup(ctx, "", 2)
			if err != nil || !made {
				t.Fatalf("day %d, %s: backup %s made %v, %v; want a backup of its own", d, filepath.Base(s.Path()), path, made, err)
			}
			if n := countCases(t, path); n != countCasesOf(t, s) {
				t.Errorf("day %d: backup %s of %s holds %d cases, want %d", d, filepath.Base(path), filepath.Base(s.Path()), n, countCasesOf(t, s))
			}
		}
	}
	for _, s := range []*Store{a, b} {
		own, other, err := s.FindBackupsOf(backups)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, bk := range own {
			names = append(names, filepath.Base(bk.Path))
			if got, _ := ReadDatabaseID(ctx, bk.Path); got != s.ID() {
				t.Errorf("%s listed as a backup of %s, but it holds identity %q", bk.Path, s.Path(), got)
			}
		}
		stem := strings.TrimSuffix(filepath.Base(s.Path()), ".db")
		want := []string{stem + "-20261103-090000-" + ShortID(s.ID()) + ".db", stem + "-20261102-090000-" + ShortID(s.ID()) + ".db"}
		if fmt.Sprint(names) != fmt.Sprint(want) {
			t.Errorf("backups of %s: %q; want its newest 2, %q", filepath.Base(s.Path()), names, want)
		}
		if len(other) != 3 {
			t.Errorf("%s: %d other backups, want the other database's 2 and the earlier version's one", filepath.Base(s.Path()), len(other))
		}
	}
	if _, err := os.Stat(legacy); err != nil {
		t.Errorf("a backup that does not say whose it is was deleted: %v", err)
	}
}

// A copy of a database file under another name shares its identity; it still
// gets a daily backup of its own.
func TestAutoBackupCopiedFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a := MustOpenStoreAt(t, filepath.Join(dir, "bulletin.db"))
	a.Close()
	if err := copyFile(filepath.Join(dir, "bulletin.db"), filepath.Join(dir, "副本.db")); err != nil {
		t.Fatal(err)
	}
	a = MustOpenStoreAt(t, filepath.Join(dir, "bulletin.db"))
	c := MustOpenStoreAt(t, filepath.Join(dir, "副本.db"))
	if _, made, err := a.AutoBackup(ctx, "", 0); err != nil || !made {
		t.Fatalf("first backup: made %v, %v", made, err)
	}
	if path, made, err := c.AutoBackup(ctx, "", 0); err != nil || !made {
		t.Errorf("the copy: %s, made %v, %v; want a backup of its own", path, made, err)
	}
}

// Which backups belong to a database: by identity where both are known,
// else by the database name the backup records; one from before names and
// identities were recorded belongs to none.
func TestBackupOf(t *testing.T) {
	const id = "1a2b3c4d5e6f70819a2b3c4d5e6f7081"
	db := func(id, path string) DatabaseRef { return DatabaseRef{ID: id, Path: path} }
	tests := []struct {
		name   string
		backup string
		db     DatabaseRef
		want   bool
	}{
		{"same identity", "bulletin-20261130-150405-1a2b3c4d.db", db(id, "/数据/bulletin.db"), true},
		{"same identity, database renamed", "旧名-20261130-150405-1a2b3c4d.db", db(id, "/数据/bulletin.db"), true},
		{"same name, other identity", "bulletin-20261130-150405-99999999.db", db(id, "/数据/bulletin.db"), false},
		{"identity unknown, same name", "bulletin-20261130-150405-99999999.db", db("", "/数据/bulletin.db"), true},
		{"identity unknown, other name", "试用-20261130-150405-1a2b3c4d.db", db("", "/数据/bulletin.db"), false},
		{"name with dashes", "a-b-20261130-150405-1a2b3c4d.db", db("", "/数据/a-b.db"), true},
		{"earlier version's backup", "bulletin-20261130-150405.db", db(id, "/数据/bulletin.db"), false},
		{"earlier version's backup, identity unknown", "bulletin-20261130-150405.db", db("", "/数据/bulletin.db"), false},
	}
	dir := t.TempDir()
	files := map[string]bool{}
	for _, tt := range tests {
		files[tt.backup] = true
		if err := os.WriteFile(filepath.Join(dir, tt.backup), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	list, err := FindBackups(dir)
	if err != nil || len(list) != len(files) {
		t.Fatalf("FindBackups: %d backups, %v; want %d", len(list), err, len(files))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, b := range list {
				if filepath.Base(b.Path) == tt.backup {
					if got := b.Of(tt.db); got != tt.want {
						t.Errorf("%s (recorded %q, %q) Of(%+v) = %v, want %v", tt.backup, b.DBName, b.DBID, tt.db, got, tt.want)
					}
					return
				}
			}
			t.Errorf("%s not listed", tt.backup)
		})
	}
}

// A closed store, and above all one whose file a restored backup replaced,
// answers every call with a message saying what happened and what to do,
// not with "sql: database is closed", and never reads or backs up the file
// that took its place.
func TestClosedStore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := MustOpenStoreAt(t, filepath.Join(dir, "bulletin.db"))
	mustCreateCases(t, s, "备份前", 1)
	backup, err := s.BackupNow(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	mustCreateCases(t, s, "备份后", 1)
	if _, err := s.Restore(backup); err != nil {
		t.Fatalf("Restore: %v", err)
	}
	calls := map[string]func() error{
		"FindDepartments": func() error { _, err := s.FindDepartments(ctx); return err },
		"FindCases":       func() error { _, _, err := s.FindCases(ctx, CaseFilter{}); return err },
		"CreateCase":      func() error { return s.CreateCase(ctx, &Case{Title: "恢复之后录入"}) },
		"SetSetting":      func() error { return s.SetSetting(ctx, SettingUnit, "县委网信办") },
		"Backup":          func() error { return s.Backup(ctx, filepath.Join(dir, "x.db")) },
		"BackupNow":       func() error { _, err := s.BackupNow(ctx, "", 0); return err },
		"AutoBackup":      func() error { _, _, err := s.AutoBackup(ctx, "", 0); return err },
		"Check":           func() error { _, err := s.Check(ctx); return err },
	}
	for name, call := range calls {
		err := call()
		if !errors.Is(err, ErrClosed) || ErrorMessage(err) != "数据库已关闭（已恢复备份），请重新启动程序。" || ErrorCode(err) == EINTERNAL {
			t.Errorf("%s after restore: %v (code %s); want the closed store's message", name, err, ErrorCode(err))
		}
	}
	if n := countCases(t, s.Path()); n != 1 {
		t.Errorf("the restored database holds %d cases, want the backup's 1", n)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.db")); err == nil {
		t.Error("the replaced store backed up the restored file")
	}

	plain := MustOpenStoreAt(t, filepath.Join(dir, "other.db"))
	plain.Close()
	if _, err := plain.FindDepartments(ctx); ErrorMessage(err) != "数据库已关闭，请重新启动程序。" {
		t.Errorf("closed store: %v", err)
	}
	if err := plain.Close(); err != nil {
		t.Errorf("closing twice: %v", err)
	}
}

// countCasesOf counts the cases of an open store.
func countCasesOf(tb testing.TB, s *Store) int {
	tb.Helper()
	_, n, err := s.FindCases(context.Background(), CaseFilter{Limit: 1})
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// A backup cut off when its program was ended leaves a temporary file as
// large as the database; the next backup of that database removes it once
// it is clearly left over, and leaves a running one, and other databases'
// files, alone.
func TestBackupRemovesLeftoverTemps(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := MustOpenStoreAt(t, filepath.Join(dir, "bulletin.db"))
	backups := DefaultBackupDir(s.Path())
	if err := os.MkdirAll(backups, 0o755); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-2 * time.Hour)
	files := map[string]bool{ // name: removed
		"bulletin-20261101-090000-" + ShortID(s.ID()) + ".db.tmp-4242":         true,
		"bulletin-20261101-090000-" + ShortID(s.ID()) + ".db.tmp-4242-journal": true,
		"bulletin-20261102-090000-" + ShortID(s.ID()) + ".db.tmp-77":           false, // still being written
		"试用-20261101-090000-99999999.db.tmp-4242":                              false, // another database's
	}
	for name, stale := range files {
		p := filepath.Join(backups, name)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if stale || strings.HasPrefix(name, "试用") {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := s.BackupNow(ctx, "", 0); err != nil {
		t.Fatal(err)
	}
	for name, removed := range files {
		_, err := os.Stat(filepath.Join(backups, name))
		if gone := errors.Is(err, os.ErrNotExist); gone != removed {
			t.Errorf("%s: removed %v, want %v", name, gone, removed)
		}
	}
}
