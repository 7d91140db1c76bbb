package model

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Environment variables that turn TestCrashChild and TestLockChild into the
// child processes of TestCrash and TestLockRefusesSecondProgram.
const (
	envCrashDB    = "BULLETIN_TEST_CRASH_DB"
	envCrashRound = "BULLETIN_TEST_CRASH_ROUND"
	envLockDB     = "BULLETIN_TEST_LOCK_DB"
)

// batchSize is how many cases each import of TestCrashChild holds.
const batchSize = 20

// TestCrashChild is the child of TestCrash: it saves cases in a loop, every
// fourth save an import of batchSize cases, and prints "committed N" after
// each save returned, until it is killed.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(envCrashDB)
	if path == "" {
		t.Skip("child process of TestCrash only")
	}
	s, err := Open(path)
	if err != nil {
		fmt.Println("open error:", err)
		os.Exit(3)
	}
	round := os.Getenv(envCrashRound)
	for n := 0; n < 1_000_000; n++ {
		if n%4 == 3 { // an import: batchSize cases in one transaction
			var cs []*Case
			for j := 0; j < batchSize; j++ {
				cs = append(cs, &Case{Title: fmt.Sprintf("崩溃导入 %s-%d-%d", round, n, j), Content: strings.Repeat("导入😀", 300)})
			}
			if _, err := s.ImportCases(context.Background(), cs, ImportOptions{CreateDepartments: true}); err != nil {
				fmt.Println("import error:", err)
				os.Exit(4)
			}
			fmt.Printf("committed %d\n", n)
			continue
		}
		c := &Case{Title: fmt.Sprintf("崩溃测试 %s-%d", round, n), Content: strings.Repeat("内容😀", 200+n%300),
			Departments: []string{"县住建局"}}
		if err := s.CreateCase(context.Background(), c); err != nil {
			fmt.Println("save error:", err)
			os.Exit(4)
		}
		fmt.Printf("committed %d\n", n) // unbuffered: the parent sees it at once
	}
}

// startChild runs this test binary as a child running test name with env
// set, and returns it with a channel of its output lines.
func startChild(tb testing.TB, name string, env ...string) (*exec.Cmd, <-chan string) {
	tb.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+name+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	lines := make(chan string, 1024)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	return cmd, lines
}

// TestCrash kills a child process with SIGKILL at random moments while it
// saves cases, several times over, and checks that the database is intact
// and holds every save the child reported as committed.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	path := filepath.Join(t.TempDir(), "bulletin.db")
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	reported := map[string]bool{}
	const rounds = 8
	for round := 0; round < rounds; round++ {
		cmd, lines := startChild(t, "TestCrashChild", envCrashDB+"="+path, envCrashRound+"="+strconv.Itoa(round))
		target := 1 + rng.IntN(60)
		got := 0
		for line := range lines {
			if n, ok := strings.CutPrefix(line, "committed "); ok {
				report(reported, round, n)
				if got++; got == target {
					break
				}
			} else if strings.Contains(line, "error") {
				t.Fatalf("round %d: child: %s", round, line)
			}
		}
		time.Sleep(time.Duration(rng.IntN(20_000)) * time.Microsecond) // land inside a save
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		for line := range lines { // saves reported before the kill
			if n, ok := strings.CutPrefix(line, "committed "); ok {
				report(reported, round, n)
			}
		}
		cmd.Wait() //nolint:errcheck // killed on purpose
		if got < target {
			t.Fatalf("round %d: child ended after %d saves, before being killed", round, got)
		}
		checkAfterCrash(t, path, reported)
	}
	t.Logf("%d rounds, %d saves reported committed, all present", rounds, len(reported))
}

// report notes the titles that save n of a round made.
func report(reported map[string]bool, round int, n string) {
	if i, _ := strconv.Atoi(n); i%4 == 3 {
		for j := 0; j < batchSize; j++ {
			reported[fmt.Sprintf("崩溃导入 %d-%s-%d", round, n, j)] = true
		}
		return
	}
	reported[fmt.Sprintf("崩溃测试 %d-%s", round, n)] = true
}

// checkAfterCrash opens the database as the program would after a crash and
// checks its integrity and that every reported save is there.
func checkAfterCrash(tb testing.TB, path string, reported map[string]bool) {
	tb.Helper()
	s, err := Open(path)
	if err != nil {
		tb.Fatalf("open after crash: %v", err)
	}
	defer s.Close()
	var result string
	if err := s.rdb.QueryRow(`PRAGMA integrity_check`).Scan(&result); err != nil || result != "ok" {
		tb.Fatalf("integrity_check after crash: %q, %v", result, err)
	}
	present := map[string]bool{}
	rows, err := s.rdb.Query(`SELECT title FROM cases`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var title string
		if err := rows.Scan(&title); err != nil {
			tb.Fatal(err)
		}
		present[title] = true
	}
	// An import is one transaction: all of its cases or none.
	batches := map[string]int{}
	for title := range present {
		if rest, ok := strings.CutPrefix(title, "崩溃导入 "); ok {
			batches[rest[:strings.LastIndex(rest, "-")]]++
		}
	}
	for b, n := range batches {
		if n != batchSize {
			tb.Errorf("import %s left %d of its %d cases", b, n, batchSize)
		}
	}
	// A save is one transaction: no case without its timeline or department.
	var partial int
	if err := s.rdb.QueryRow(`SELECT count(*) FROM cases c
		WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id)
		OR (c.title LIKE '崩溃测试%' AND NOT EXISTS (SELECT 1 FROM case_departments d WHERE d.case_id = c.id))
		OR (c.title LIKE '崩溃导入%' AND NOT EXISTS (SELECT 1 FROM case_fingerprints f WHERE f.case_id = c.id))`).Scan(&partial); err != nil || partial != 0 {
		tb.Errorf("%d cases saved in part (%v)", partial, err)
	}
	for title := range reported {
		if !present[title] {
			tb.Errorf("save %q was reported committed but is missing", title)
		}
	}
	if rep, err := s.Check(context.Background()); err != nil || !rep.OK() {
		tb.Errorf("Check after crash: %v\n%s", err, rep.String())
	}
}

// TestLockChild is the child of TestLockRefusesSecondProgram: it opens the
// database (taking its lock), says so and waits to be killed.
func TestLockChild(t *testing.T) {
	path := os.Getenv(envLockDB)
	if path == "" {
		t.Skip("child process of TestLockRefusesSecondProgram only")
	}
	if _, err := Open(path); err != nil {
		fmt.Println("open error:", err)
		os.Exit(3)
	}
	fmt.Println("locked")
	time.Sleep(time.Minute)
}

func TestLockRefusesSecondProgram(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bulletin.db")
	cmd, lines := startChild(t, "TestLockChild", envLockDB+"="+path)
	defer cmd.Process.Kill() //nolint:errcheck
	if line := <-lines; line != "locked" {
		t.Fatalf("child said %q", line)
	}
	_, err := Open(path)
	want := fmt.Sprintf("数据库正被另一个程序使用（进程 %d，", cmd.Process.Pid)
	if msg := ErrorMessage(err); ErrorCode(err) != ECONFLICT || !strings.HasPrefix(msg, want) ||
		!strings.HasSuffix(msg, "）。请关闭另一个窗口后再试。") {
		t.Fatalf("second lock: %q (%s), want it to start with %q", msg, ErrorCode(err), want)
	}
	// `bulletin backup` works while the other program has the database open.
	if err := BackupFile(context.Background(), path, path+".backup"); err != nil {
		t.Errorf("backup while another program has the database open: %v", err)
	} else if err := VerifyBackup(context.Background(), path+".backup"); err != nil {
		t.Errorf("that backup does not verify: %v", err)
	}
	cmd.Process.Kill()     //nolint:errcheck
	cmd.Wait()             //nolint:errcheck
	l, err := lockDB(path) // the lock goes with the process, even killed
	if err != nil {
		t.Fatalf("lock after the holder died: %v", err)
	}
	if err := l.unlock(); err != nil {
		t.Fatal(err)
	}
}
