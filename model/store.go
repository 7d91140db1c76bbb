package model

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// busyTimeout is how long a statement waits for another writer (a second running
// copy of the program, a backup) before giving up with a "busy" error.
const busyTimeout = 5 * time.Second

// Store keeps all business data in one SQLite file. It is safe for use by
// several goroutines. Every exported method is one transaction.
//
// Writes go through a pool of one connection whose transactions begin
// IMMEDIATE, so two writers never deadlock on a lock upgrade; reads go
// through a separate read-only pool and see a consistent snapshot (WAL).
type Store struct {
	path string
	wdb  *sql.DB // writer: one connection, BEGIN IMMEDIATE
	rdb  *sql.DB // readers: query_only
	lock *dbLock // keeps a second program away from the file
	id   string  // the database's identity (SettingDatabaseID)

	// closed is set by Close, replaced by Restore: a store closed or put
	// out of date by a restored backup answers every call with ErrClosed
	// in a message a user can read, never with the driver's "sql: database
	// is closed" nor, worse, with the data of the file that replaced it.
	closed, replaced atomic.Bool

	// Now is the store's clock: created/updated stamps, timeline events and
	// "today" in the overdue filter. Tests and demos replace it (or SetNow).
	Now func() time.Time
}

// SetNow replaces the store's clock (time.Now), for tests and demos.
func (s *Store) SetNow(now func() time.Time) { s.Now = now }

// Open opens (creating when missing, with its folder) the database file at
// path and brings its schema up to date. A file that is not a database of
// this program, a read-only folder, a schema from a newer program version or
// another running copy of the program holding the file give an *Error with a
// Chinese message; the file is never overwritten.
func Open(path string) (*Store, error) {
	if err := checkDBPath(path); err != nil {
		return nil, err
	}
	// An absolute path: a relative one in a file: URI is easily misread.
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	lock, err := lockDB(path)
	if err != nil {
		return nil, err
	}
	s := &Store{path: path, lock: lock, Now: time.Now}
	if s.wdb, err = sql.Open("sqlite", dsn(path, false)); err != nil {
		lock.unlock()
		return nil, fmt.Errorf("open store: %w", err)
	}
	s.wdb.SetMaxOpenConns(1)
	s.wdb.SetConnMaxIdleTime(0)
	if s.rdb, err = sql.Open("sqlite", dsn(path, true)); err != nil {
		s.Close()
		return nil, fmt.Errorf("open store: %w", err)
	}
	s.rdb.SetMaxOpenConns(4)
	if err := migrate(context.Background(), s.wdb); err != nil {
		s.Close()
		return nil, openError(path, err)
	}
	if s.id, err = ensureID(context.Background(), s.wdb); err != nil {
		s.Close()
		return nil, openError(path, err)
	}
	return s, nil
}

// ErrClosed is the cause of the error every method of a closed store
// returns; test for it with errors.Is.
var ErrClosed = errors.New("store is closed")

// errClosed is what a closed store answers, saying why and what to do.
func (s *Store) errClosed() error {
	msg := "数据库已关闭，请重新启动程序。"
	if s.replaced.Load() {
		msg = "数据库已关闭（已恢复备份），请重新启动程序。"
	}
	return &Error{Code: EINVALID, Message: msg, Err: ErrClosed}
}

// checkOpen returns errClosed once the store is closed.
func (s *Store) checkOpen() error {
	if s.closed.Load() {
		return s.errClosed()
	}
	return nil
}

// dsn builds the modernc DSN of the database at the absolute path, with the
// pragmas every pooled connection needs. Pragmas go in the DSN, not in a
// one-off Exec, which would reach only one connection of the pool.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		// FULL: each commit is on the disk when the save returns, so a
		// power cut loses no save the user saw succeed (NORMAL may lose the
		// last ones). It costs one fsync of the WAL per save: 0.3 to 0.5 ms
		// more per save on the test machine (1.0 → 1.4 ms), a few ms on an
		// office PC's disk; an import is one transaction and one fsync.
		q.Add("_pragma", "synchronous(FULL)")
		q.Set("_txlock", "immediate")
	}
	return fileURI(filepath.ToSlash(path)) + "?" + q.Encode()
}

// fileURI turns an absolute path written with forward slashes into a file:
// URI that SQLite decodes back to exactly that path. Every byte that is not
// plain in a URI path is percent-escaped: a space, a non-ASCII character and
// above all #, ? and %, which would otherwise end the path or be decoded. A
// Windows drive path gets the leading slash of file:///C:/…; a UNC path
// (//server/share/…) keeps its two slashes after an empty authority.
func fileURI(slashPath string) string {
	if isDrivePath(slashPath) {
		slashPath = "/" + slashPath
	}
	u := url.URL{Scheme: "file", Path: slashPath}
	return u.String()
}

// isDrivePath reports whether p starts with a Windows drive letter ("C:").
func isDrivePath(p string) bool {
	return len(p) >= 2 && p[1] == ':' && ('a' <= p[0] && p[0] <= 'z' || 'A' <= p[0] && p[0] <= 'Z')
}

// checkDBPath creates the database's folder when missing and gives clear
// messages for the mistakes SQLite reports vaguely.
func checkDBPath(path string) error {
	if path == "" {
		return Errorf(EINVALID, "未指定数据库文件")
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &Error{Code: EINVALID, Message: fmt.Sprintf("无法创建数据库所在的文件夹 %s（只读或没有权限）", dir), Err: err}
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return Errorf(EINVALID, "%s 是一个文件夹，不是数据库文件", path)
	}
	return nil
}

// Close closes the database. Pending WAL content is checkpointed by SQLite.
// Every later call of a method fails with ErrClosed; closing again does
// nothing.
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	var errs []error
	if s.rdb != nil {
		errs = append(errs, s.rdb.Close())
	}
	if s.wdb != nil {
		errs = append(errs, s.wdb.Close())
	}
	if s.lock != nil {
		errs = append(errs, s.lock.unlock())
		s.lock = nil
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

// Path returns the database file path the store was opened with.
func (s *Store) Path() string { return s.path }

// now returns the store clock's time without its monotonic reading, so that
// what is written reads back equal.
func (s *Store) now() time.Time { return s.Now().Round(0) }

// beginWrite starts a write transaction (BEGIN IMMEDIATE).
func (s *Store) beginWrite(ctx context.Context) (*sql.Tx, error) {
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		if s.closed.Load() { // closed meanwhile
			return nil, s.errClosed()
		}
		return nil, translate(err)
	}
	return tx, nil
}

// beginRead starts a read-only transaction on a snapshot of the database.
func (s *Store) beginRead(ctx context.Context) (*sql.Tx, error) {
	if err := s.checkOpen(); err != nil {
		return nil, err
	}
	tx, err := s.rdb.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		if s.closed.Load() { // closed meanwhile
			return nil, s.errClosed()
		}
		return nil, translate(err)
	}
	return tx, nil
}

// commit commits tx and translates driver errors (disk full, read-only).
func commit(tx *sql.Tx) error {
	if err := tx.Commit(); err != nil {
		return translate(err)
	}
	return nil
}

// DefaultDataDir returns the folder of the default database, creating it when
// missing: a "data" folder next to the executable when it exists (portable use
// from a USB stick), else "bulletin" in the user's config directory.
func DefaultDataDir() (string, error) {
	if exe, err := os.Executable(); err == nil {
		if exe, err = filepath.EvalSymlinks(exe); err == nil {
			dir := filepath.Join(filepath.Dir(exe), "data")
			if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
				return dir, nil
			}
		}
	}
	cfg, err := os.UserConfigDir()
	if err != nil {
		return "", Errorf(ENOTFOUND, "找不到用户配置文件夹，请用 -db 指定数据库文件（%v）", err)
	}
	dir := filepath.Join(cfg, "bulletin")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", Errorf(EINVALID, "无法创建数据文件夹 %s：%v", dir, err)
	}
	return dir, nil
}
