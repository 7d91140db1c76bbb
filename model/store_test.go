package model

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// testNow is the fixed clock of test stores: 2026-11-28 09:30 local time.
var testNow = time.Date(2026, 11, 28, 9, 30, 0, 0, time.Local)

// MustOpenStore opens a new store on a file in a temporary directory, with
// its clock fixed at testNow, and closes it when the test ends.
func MustOpenStore(tb testing.TB) *Store {
	tb.Helper()
	return MustOpenStoreAt(tb, filepath.Join(tb.TempDir(), "bulletin.db"))
}

// MustOpenStoreAt opens the store at path, clock fixed at testNow.
func MustOpenStoreAt(tb testing.TB, path string) *Store {
	tb.Helper()
	s, err := Open(path)
	if err != nil {
		tb.Fatalf("Open(%q): %v", path, err)
	}
	s.SetNow(func() time.Time { return testNow })
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return s
}

func TestOpenMigratesOnceAndReopens(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "b.db")
	s := MustOpenStoreAt(t, path)
	rep, err := s.Check(ctx)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	if !rep.OK() || len(rep.Schema) == 0 {
		t.Fatalf("fresh database: report %+v, want OK with migrations", rep)
	}
	c := &Case{Title: "测试"}
	if err := s.CreateCase(ctx, c); err != nil {
		t.Fatalf("CreateCase: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2 := MustOpenStoreAt(t, path)
	rep2, err := s2.Check(ctx)
	if err != nil {
		t.Fatalf("Check after reopen: %v", err)
	}
	if len(rep2.Schema) != len(rep.Schema) {
		t.Errorf("reopen: schema %v, want %v (second open must be a no-op)", rep2.Schema, rep.Schema)
	}
	got, err := s2.FindCaseByID(ctx, c.ID)
	if err != nil || got.Title != "测试" {
		t.Errorf("after reopen: FindCaseByID = %+v, %v; want the case", got, err)
	}
	if fi, err := os.Stat(path + "-wal"); err == nil {
		t.Logf("WAL file present (%d bytes), journal_mode WAL", fi.Size())
	}
}

func TestOpenBadPaths(t *testing.T) {
	dir := t.TempDir()
	corrupt := filepath.Join(dir, "corrupt.db")
	garbage := []byte("这不是数据库文件 this is not a database, just some text that is long enough to have a header............")
	if err := os.WriteFile(corrupt, garbage, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, path, want string
	}{
		{"folder as file", dir, "是一个文件夹"},
		{"corrupt file", corrupt, "数据库文件已损坏或不是本程序的数据库"},
		{"empty path", "", "未指定数据库文件"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Open(tc.path)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q) succeeded, want error %q", tc.path, tc.want)
			}
			if msg := ErrorMessage(err); !strings.Contains(msg, tc.want) {
				t.Errorf("Open(%q): message %q, want it to contain %q", tc.path, msg, tc.want)
			}
		})
	}
	if got, _ := os.ReadFile(corrupt); string(got) != string(garbage) {
		t.Errorf("the corrupt file was changed by Open")
	}
}

func TestOpenCreatesFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "新建", "数据", "bulletin.db")
	MustOpenStoreAt(t, path)
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not created in a new folder: %v", err)
	}
}

func TestOpenRelativePath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	s := MustOpenStoreAt(t, filepath.Join("子目录", "b.db"))
	mustCreateCase(t, s, Case{Title: "相对路径"})
	if want := filepath.Join(dir, "子目录", "b.db"); s.Path() != want {
		t.Errorf("Path() = %q, want %q", s.Path(), want)
	}
	if _, err := os.Stat(filepath.Join(dir, "子目录", "b.db")); err != nil {
		t.Errorf("database not where the relative path points: %v", err)
	}
}

func TestOpenReadOnly(t *testing.T) {
	if os.Geteuid() == 0 { // root ignores permissions (CI runs as root)
		runAsNobody(t)
		return
	}
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	existing := filepath.Join(dir, "old.db")
	s := MustOpenStoreAt(t, existing)
	mustCreateCase(t, s, Case{Title: "已有数据"})
	s.Close()
	before, _ := os.ReadFile(existing)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	for _, path := range []string{filepath.Join(dir, "new.db"), existing} {
		s, err := Open(path)
		if err == nil {
			s.Close()
			t.Errorf("Open(%s) in a read-only folder succeeded", path)
			continue
		}
		if msg := ErrorMessage(err); !strings.Contains(msg, "只读") {
			t.Errorf("Open(%s): message %q, want it to say read-only", path, msg)
		}
	}
	if after, _ := os.ReadFile(existing); string(after) != string(before) {
		t.Error("the existing database was changed")
	}
}

// runAsNobody runs test t again, in a copy of the test binary, as the user
// nobody (setpriv --reuid=65534), and fails when it does not pass there. It
// is for tests of permissions, which root ignores. It skips, saying why, when
// setpriv is missing or cannot switch users here.
func runAsNobody(t *testing.T) {
	t.Helper()
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("root ignores permissions, and setpriv (util-linux) is missing to rerun the test as an ordinary user")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skipf("root ignores permissions, and the test binary is not found to rerun it: %v", err)
	}
	// nobody must reach the binary and make its own temporary folders.
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "model.test")
	if err := copyFile(exe, bin); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups",
		bin, "-test.run=^"+t.Name()+"$", "-test.count=1", "-test.v")
	cmd.Dir, cmd.Env = dir, append(os.Environ(), "TMPDIR="+dir)
	out, err := cmd.CombinedOutput()
	if !strings.Contains(string(out), "=== RUN") { // setpriv failed before the test ran
		t.Skipf("root ignores permissions, and rerunning the test as nobody failed: %v\n%s", err, out)
	}
	if err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("%s as user nobody: %v\n%s", t.Name(), err, out)
	}
	t.Logf("ran as user nobody:\n%s", out)
}

func TestOpenNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.db")
	s := MustOpenStoreAt(t, path)
	if _, err := s.wdb.Exec(`INSERT INTO schema_migrations (name, applied_at) VALUES ('migrations/9999_future.sql', 'x')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(path)
	if err == nil {
		s2.Close()
		t.Fatal("Open of a newer schema succeeded")
	}
	if msg := ErrorMessage(err); !strings.Contains(msg, "更新版本") {
		t.Errorf("message %q, want it to ask for a newer version", msg)
	}
}

// Two copies of the program writing to one file at once: every case gets a
// distinct number and the file stays sound.
func TestTwoStoresOneFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "b.db")
	a, b := MustOpenStoreAt(t, path), MustOpenStoreAt(t, path)
	const each = 40
	errs := make(chan error, 2*each)
	var wg sync.WaitGroup
	for _, s := range []*Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				errs <- s.CreateCase(ctx, &Case{Title: "并发写入"})
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("CreateCase: %v", err)
		}
	}
	cs, n, err := a.FindCases(ctx, CaseFilter{})
	if err != nil || n != 2*each {
		t.Fatalf("FindCases: %d cases, %v; want %d", n, err, 2*each)
	}
	seen := map[string]bool{}
	for _, c := range cs {
		if seen[c.Number] {
			t.Errorf("number %s given twice", c.Number)
		}
		seen[c.Number] = true
	}
	if rep, err := b.Check(ctx); err != nil || !rep.OK() {
		t.Errorf("Check: %v %v", rep.Problems, err)
	}
}

func TestCheckReport(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	caseInStatus(t, s, StatusAssigned)
	mustCreateCase(t, s, Case{Title: "待研判"})
	rep, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := rep.String()
	for _, want := range []string{"完整性检查：通过", "案件", "待研判", "已交办", "逾期"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if rep.Counts[0] != (Count{"案件", 2}) || rep.ByStatus[0] != (Count{"待研判", 1}) {
		t.Errorf("counts %v, by status %v; want 2 cases, 1 待研判", rep.Counts, rep.ByStatus)
	}
}
