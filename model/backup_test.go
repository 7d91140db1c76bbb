package model

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// countCases counts the cases of a database file, opened read-only.
func countCases(tb testing.TB, path string) int {
	tb.Helper()
	db, err := sql.Open("sqlite", readOnlyDSN(path))
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM cases`).Scan(&n); err != nil {
		tb.Fatalf("count cases in %s: %v", path, err)
	}
	return n
}

func mustCreateCases(tb testing.TB, s *Store, prefix string, n int) {
	tb.Helper()
	for i := 0; i < n; i++ {
		if err := s.CreateCase(context.Background(), &Case{Title: fmt.Sprintf("%s %d", prefix, i)}); err != nil {
			tb.Fatal(err)
		}
	}
}

func fileHash(tb testing.TB, path string) string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

// TestBackupWhileWriting backs up while a second connection keeps writing:
// every backup is complete and consistent, and holds between the counts
// before and after it.
func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "bulletin.db")
	s := MustOpenStoreAt(t, path)
	writer := MustOpenStoreAt(t, path)
	mustCreateCases(t, s, "开始", 50)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	defer func() {
		close(stop)
		wg.Wait()
	}()
	wg.Add(1)
	var written int
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			if err := writer.CreateCase(ctx, &Case{Title: "并发写入", Content: strings.Repeat("内容", 500)}); err != nil {
				t.Errorf("write during backup: %v", err)
				return
			}
			written++
		}
	}()
	for i := 0; i < 5; i++ {
		before := countCases(t, path)
		dst := filepath.Join(dir, fmt.Sprintf("b%d.db", i))
		if err := s.Backup(ctx, dst); err != nil {
			t.Fatalf("Backup: %v", err)
		}
		after := countCases(t, path)
		if err := VerifyBackup(ctx, dst); err != nil {
			t.Errorf("backup %d does not verify: %v", i, err)
		}
		if n := countCases(t, dst); n < before || n > after {
			t.Errorf("backup %d holds %d cases, want between %d and %d", i, n, before, after)
		}
		if _, err := os.Stat(dst + fmt.Sprintf(".tmp-%d", os.Getpid())); !os.IsNotExist(err) {
			t.Errorf("temporary file left behind: %v", err)
		}
	}
	close(stop)
	wg.Wait()
	stop = make(chan struct{})
	if written == 0 {
		t.Error("the writer wrote nothing during the backups")
	}
}

func TestRestore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "bulletin.db")
	s := MustOpenStoreAt(t, path)
	mustCreateCases(t, s, "备份前", 3)
	backup := filepath.Join(dir, "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	mustCreateCases(t, s, "备份后", 2)
	if _, err := Restore(path, backup); ErrorMessage(err) != "数据库仍在使用中：请先关闭它再恢复" {
		t.Errorf("Restore of an open database: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	kept, err := Restore(path, backup)
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if !strings.HasPrefix(filepath.Base(kept), "bulletin.db.replaced-") {
		t.Errorf("kept file is %q", kept)
	}
	if n := countCases(t, kept); n != 5 {
		t.Errorf("kept database has %d cases, want 5", n)
	}
	s2 := MustOpenStoreAt(t, path)
	if _, n, err := s2.FindCases(ctx, CaseFilter{}); err != nil || n != 3 {
		t.Errorf("restored database: %d cases, %v; want 3", n, err)
	}
}

// TestRestoreLiveCopy restores a database file copied, with its -wal file,
// while its program was running: the saves still in the -wal come along.
func TestRestoreLiveCopy(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	other := MustOpenStoreAt(t, filepath.Join(dir, "other.db"))
	mustCreateCases(t, other, "另一台电脑", 30)
	usb := filepath.Join(dir, "usb")
	if err := os.Mkdir(usb, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal"} { // copied while open
		if err := copyFile(filepath.Join(dir, "other.db"+suffix), filepath.Join(usb, "bulletin.db"+suffix)); err != nil {
			t.Fatal(err)
		}
	}
	if fi, err := os.Stat(filepath.Join(usb, "bulletin.db-wal")); err != nil || fi.Size() == 0 {
		t.Fatalf("the copy has no -wal content to bring in (%v)", err)
	}
	path := filepath.Join(dir, "bulletin.db")
	if _, err := Restore(path, filepath.Join(usb, "bulletin.db")); err != nil {
		t.Fatalf("Restore: %v", err)
	}
	s := MustOpenStoreAt(t, path)
	if _, n, err := s.FindCases(ctx, CaseFilter{}); err != nil || n != 30 {
		t.Errorf("restored %d cases, %v; want 30", n, err)
	}
}

// TestRestoreRefuses checks that bad backups are refused and the database
// left exactly as it was, with no file kept.
func TestRestoreRefuses(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	{
		s := MustOpenStoreAt(t, filepath.Join(dir, "src.db"))
		mustCreateCases(t, s, "案件", 200)
		if err := s.Backup(ctx, good); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	newer := filepath.Join(dir, "newer.db")
	if err := copyFile(good, newer); err != nil {
		t.Fatal(err)
	}
	execSQL(t, newer, `INSERT INTO schema_migrations (name, applied_at) VALUES ('migrations/9999_future.sql', 'x')`)
	foreign := filepath.Join(dir, "foreign.db")
	execSQL(t, foreign, `CREATE TABLE t (x)`)
	tests := []struct{ name, src, want string }{
		{"truncated", write("cut.db", data[:len(data)/2]), fmt.Sprintf("cut.db 不完整：应有 %d 字节，只有 %d 字节（复制时可能中断了）", len(data), len(data)/2)},
		{"not SQLite", write("notes.db", []byte("这不是数据库")), "notes.db 不是数据库文件（不是 SQLite 格式）"},
		{"empty", write("empty.db", nil), "empty.db 不是数据库文件（不是 SQLite 格式）"},
		{"newer schema", newer, "备份来自更新版本的程序（migrations/9999_future.sql），本程序无法使用。请先升级程序再恢复。"},
		{"other program", foreign, "bulletin.db.restoring-" + fmt.Sprint(os.Getpid()) + " 不是本程序的数据库（没有版本记录）"},
		{"missing", filepath.Join(dir, "nope.db"), "找不到文件 " + filepath.Join(dir, "nope.db")},
	}
	path := filepath.Join(dir, "bulletin.db")
	s := MustOpenStoreAt(t, path)
	mustCreateCases(t, s, "现有", 1)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, path)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept, err := Restore(path, tt.src)
			if got := ErrorMessage(err); got != tt.want || kept != "" {
				t.Errorf("Restore(%s) = %q, %q; want error %q", tt.name, kept, got, tt.want)
			}
			if fileHash(t, path) != before {
				t.Errorf("the database changed")
			}
		})
	}
	matches, _ := filepath.Glob(path + ".*[^k]") // the .lock file stays by design
	if len(matches) != 0 {
		t.Errorf("files left beside the database: %q", matches)
	}
}

// execSQL runs a statement on a database file, creating it when missing.
func execSQL(tb testing.TB, path, q string) {
	tb.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(q); err != nil {
		tb.Fatal(err)
	}
}

func TestAutoBackup(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := MustOpenStoreAt(t, filepath.Join(dir, "bulletin.db"))
	backups := filepath.Join(dir, "备份")
	day := func(d int) time.Time { return time.Date(2026, 11, d, 9, 0, 0, 0, time.Local) }
	name := func(stamp string) string { return "bulletin-" + stamp + "-" + ShortID(s.ID()) + ".db" }
	steps := []struct {
		now  time.Time
		made bool
		want []string // backups after the call, newest first
	}{
		{day(1), true, []string{name("20261101-090000")}},
		{day(1).Add(5 * time.Hour), false, []string{name("20261101-090000")}},
		{day(2), true, []string{name("20261102-090000"), name("20261101-090000")}},
		{day(3), true, []string{name("20261103-090000"), name("20261102-090000")}},
	}
	for i, st := range steps {
		s.Now = func() time.Time { return st.now }
		path, made, err := s.AutoBackup(ctx, backups, 2)
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		list, _ := FindBackups(backups)
		var names []string
		for _, b := range list {
			names = append(names, filepath.Base(b.Path))
		}
		if made != st.made || filepath.Base(path) != st.want[0] || fmt.Sprint(names) != fmt.Sprint(st.want) {
			t.Errorf("step %d at %v: made %v, path %s, backups %q; want made %v, backups %q",
				i, st.now, made, filepath.Base(path), names, st.made, st.want)
		}
	}
}
