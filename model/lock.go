package model

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// errLocked is returned by the platform lock when another process holds it.
var errLocked = errors.New("locked by another process")

// LockPath is the lock file of the database at dbPath: a second copy of the
// program finds it locked and stays away. The file itself is left in place;
// only the operating system lock on it counts, and that goes when the holder
// exits, even when it crashes.
func LockPath(dbPath string) string { return dbPath + ".lock" }

// dbLock is an exclusive lock on a database, shared by the stores of one
// process (tests open one file twice; what must be kept out is another
// program).
type dbLock struct {
	path string
	f    *os.File
	refs int
}

var (
	locksMu sync.Mutex
	locks   = map[string]*dbLock{}
)

// lockDB takes the lock of the database at dbPath. It fails with a Chinese
// *Error (ECONFLICT) when another program holds it.
func lockDB(dbPath string) (*dbLock, error) {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return nil, fmt.Errorf("lock database: %w", err)
	}
	locksMu.Lock()
	defer locksMu.Unlock()
	if l := locks[abs]; l != nil {
		l.refs++
		return l, nil
	}
	path := LockPath(abs)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		if os.IsPermission(err) || isReadOnlyFS(err) {
			return nil, &Error{Code: EINVALID, Err: err, Message: fmt.Sprintf(
				"数据库所在的文件夹是只读的（%s）。请把数据库放到可以写入的文件夹，或检查 U 盘是否开启了写保护。", filepath.Dir(abs))}
		}
		return nil, fmt.Errorf("lock database: %w", err)
	}
	if err := lockFile(f); err != nil {
		holder := readHolder(f)
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, &Error{Code: ECONFLICT, Err: err, Message: fmt.Sprintf(
				"数据库正被另一个程序使用（%s）。请关闭另一个窗口后再试。", holder)}
		}
		return nil, fmt.Errorf("lock database: %w", err)
	}
	host, _ := os.Hostname()
	note := fmt.Sprintf("进程 %d，%s，自 %s 起", os.Getpid(), host, time.Now().Format(TimeLayout))
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(note), 0) //nolint:errcheck // informative only
	}
	l := &dbLock{path: abs, f: f, refs: 1}
	locks[abs] = l
	return l, nil
}

// inUse reports whether this process has the database at dbPath open.
func inUse(dbPath string) bool {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return false
	}
	locksMu.Lock()
	defer locksMu.Unlock()
	return locks[abs] != nil
}

// readHolder returns what the holder wrote into the lock file, or the file's
// name when that cannot be read.
func readHolder(f *os.File) string {
	b := make([]byte, 200)
	n, _ := f.ReadAt(b, 0)
	if s := strings.TrimSpace(string(b[:n])); s != "" {
		return s
	}
	return f.Name()
}

// unlock releases one use of the lock; the last one releases the file.
func (l *dbLock) unlock() error {
	if l == nil {
		return nil
	}
	locksMu.Lock()
	defer locksMu.Unlock()
	if l.refs--; l.refs > 0 {
		return nil
	}
	delete(locks, l.path)
	errU := unlockFile(l.f)
	if err := errors.Join(errU, l.f.Close()); err != nil {
		return fmt.Errorf("unlock database: %w", err)
	}
	return nil
}
