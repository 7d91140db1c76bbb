package model

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Folder names that a file: URI must escape, or that a naive one would cut
// short (# starts a fragment, ? a query, % an escape).
// Some are not allowed by Windows and are tried elsewhere only.
var awkwardFolders = []struct {
	name, folder string
	unixOnly     bool
}{
	{"space", "我的 文档", false},
	{"hash", "C# 资料", false},
	{"percent", "100%", false},
	{"percent escape", "a%20b%3Fc", false},
	{"ampersand equals", "a&b=c", false},
	{"semicolon plus", "x;y+z", false},
	{"apostrophe", "张三's 数据", false},
	{"chinese", "舆情数据（2026）", false},
	{"question mark", "为什么?", true},
	{"query lookalike", "db?mode=ro", true},
	{"colon", "a:b", true},
	{"backslash", `a\b`, true},
}

func TestOpenAwkwardPaths(t *testing.T) {
	ctx := context.Background()
	for _, tc := range awkwardFolders {
		t.Run(tc.name, func(t *testing.T) {
			if tc.unixOnly && runtime.GOOS == "windows" {
				t.Skipf("%q is not a valid folder name on Windows", tc.folder)
			}
			dir := filepath.Join(t.TempDir(), tc.folder)
			path := filepath.Join(dir, "bulletin.db")
			s, err := Open(path)
			if err != nil {
				t.Fatalf("Open(%q): %v", path, err)
			}
			c := &Case{Title: "路径" + tc.folder}
			if err := s.CreateCase(ctx, c); err != nil {
				s.Close()
				t.Fatalf("CreateCase in %q: %v", path, err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			// The database is exactly at path, and nothing else was created
			// beside the folder (as a cut-short name would).
			if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
				t.Fatalf("database not at %q: %v", path, err)
			}
			if siblings, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), "*")); len(siblings) != 1 {
				t.Errorf("folder %q: files beside it %q, want only the folder", tc.folder, siblings)
			}
			// Backups open the file through their own DSNs.
			backup := filepath.Join(dir, tc.folder+" 备份.db")
			if err := BackupFile(ctx, path, backup); err != nil {
				t.Fatalf("BackupFile(%q, %q): %v", path, backup, err)
			}
			if err := VerifyBackup(ctx, backup); err != nil {
				t.Errorf("VerifyBackup(%q): %v", backup, err)
			}
			s2 := MustOpenStoreAt(t, path)
			got, err := s2.FindCaseByID(ctx, c.ID)
			if err != nil || got.Title != c.Title {
				t.Errorf("reopen %q: %+v, %v; want %q", path, got, err, c.Title)
			}
		})
	}
}

// fileURI is tested on slash paths, so that the Windows forms are checked on
// every system: the URI decodes back to the path (after the leading slash of
// a drive path) and has no raw byte that SQLite would read as a delimiter.
func TestFileURI(t *testing.T) {
	for _, tc := range []struct{ name, path, want string }{
		{"unix", "/home/张三/数据/bulletin.db", "file:///home/%E5%BC%A0%E4%B8%89/%E6%95%B0%E6%8D%AE/bulletin.db"},
		{"windows drive", "C:/Users/张三/数据/bulletin.db", "file:///C:/Users/%E5%BC%A0%E4%B8%89/%E6%95%B0%E6%8D%AE/bulletin.db"},
		{"lower-case drive", "d:/舆情/b.db", "file:///d:/%E8%88%86%E6%83%85/b.db"},
		{"windows unc", "//server/share/舆情/b.db", "file:////server/share/%E8%88%86%E6%83%85/b.db"},
		{"delimiters", "/tmp/a b#c?d%e/b.db", "file:///tmp/a%20b%23c%3Fd%25e/b.db"},
		{"escape lookalike", "/tmp/a%20b/b.db", "file:///tmp/a%2520b/b.db"},
		{"drive with spaces", "C:/Program Files (x86)/数据 #1/b.db", "file:///C:/Program%20Files%20%28x86%29/%E6%95%B0%E6%8D%AE%20%231/b.db"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := fileURI(tc.path)
			if got != tc.want {
				t.Errorf("fileURI(%q) = %q, want %q", tc.path, got, tc.want)
			}
			u, err := url.Parse(got)
			if err != nil {
				t.Fatalf("url.Parse(%q): %v", got, err)
			}
			back := u.Path
			if u.Host == "" && len(back) > 2 && isDrivePath(back[1:]) {
				back = back[1:]
			}
			if back != tc.path || u.RawQuery != "" || u.Fragment != "" {
				t.Errorf("fileURI(%q) = %q decodes to path %q, query %q, fragment %q; want the path alone",
					tc.path, got, back, u.RawQuery, u.Fragment)
			}
		})
	}
}

// The pragmas of the DSN reach the connections: the writer's durability and
// locking, the readers' query_only.
func TestOpenPragmas(t *testing.T) {
	s := MustOpenStoreAt(t, filepath.Join(t.TempDir(), "数据 #1", "b.db"))
	for _, tc := range []struct {
		pool, pragma, want string
	}{
		{"writer", "journal_mode", "wal"},
		{"writer", "synchronous", "2"}, // FULL
		{"writer", "foreign_keys", "1"},
		{"writer", "busy_timeout", "5000"},
		{"reader", "query_only", "1"},
		{"reader", "foreign_keys", "1"},
		{"reader", "busy_timeout", "5000"},
	} {
		db := s.wdb
		if tc.pool == "reader" {
			db = s.rdb
		}
		var got string
		if err := db.QueryRow(`PRAGMA ` + tc.pragma).Scan(&got); err != nil || got != tc.want {
			t.Errorf("%s: PRAGMA %s = %q, %v; want %q", tc.pool, tc.pragma, got, err, tc.want)
		}
	}
}
