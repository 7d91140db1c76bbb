package model

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Backup writes a consistent copy of the database to dst while the program
// goes on working (VACUUM INTO reads one snapshot; writers are not blocked).
// The copy is written under a temporary name and renamed when complete, so
// dst is never a half-written file.
func (s *Store) Backup(ctx context.Context, dst string) error {
	if err := s.checkOpen(); err != nil {
		return err // the file at s.path may be another database by now
	}
	return BackupFile(ctx, s.path, dst)
}

// BackupFile is Backup for a database that this process has not opened: it
// works while another copy of the program has the database open, without
// taking its lock.
func BackupFile(ctx context.Context, dbPath, dst string) error {
	if _, err := os.Stat(dbPath); err != nil {
		return Errorf(ENOTFOUND, "找不到数据库文件 %s", dbPath)
	}
	dst, err := filepath.Abs(dst)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if same, _ := sameFile(dbPath, dst); same {
		return Errorf(EINVALID, "备份文件不能是数据库文件本身")
	}
	tmp := fmt.Sprintf("%s.tmp-%d", dst, os.Getpid())
	os.Remove(tmp)
	// A plain connection: VACUUM INTO refuses to run on a read-only one. It
	// only reads the database and writes tmp.
	db, err := sql.Open("sqlite", plainDSN(dbPath))
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		os.Remove(tmp)
		return backupError(dst, err)
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return backupError(dst, err)
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return backupError(dst, err)
	}
	syncDir(filepath.Dir(dst))
	return nil
}

// plainDSN opens a database with only a busy timeout: no pragma that writes.
func plainDSN(path string) string {
	return dsnWith(path, url.Values{"_pragma": {fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds())}})
}

// readOnlyDSN opens a database for reading only, waiting for a busy writer.
func readOnlyDSN(path string) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "query_only(1)")
	q.Set("mode", "ro")
	return dsnWith(path, q)
}

// dsnWith builds the file: URI of path (made absolute) with query q.
func dsnWith(path string, q url.Values) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs // a relative path would read as the URI's authority
	}
	return fileURI(filepath.ToSlash(path)) + "?" + q.Encode()
}

// backupError explains a failed backup: full disk, read-only or missing folder.
func backupError(dst string, err error) error {
	var e *Error
	te := translate(err)
	switch {
	case isDiskFull(err):
		return &Error{Code: EINTERNAL, Err: err, Message: fmt.Sprintf("磁盘空间不足，备份未完成。请清理 %s 所在的磁盘，或换一个备份位置。", filepath.Dir(dst))}
	case os.IsPermission(err) || isReadOnlyFS(err) || strings.Contains(err.Error(), "readonly") || strings.Contains(err.Error(), "unable to open"):
		if _, statErr := os.Stat(filepath.Dir(dst)); statErr != nil {
			return &Error{Code: ENOTFOUND, Err: err, Message: fmt.Sprintf("备份文件夹不存在：%s", filepath.Dir(dst))}
		}
		return &Error{Code: EINVALID, Err: err, Message: fmt.Sprintf("不能写入备份文件夹 %s（只读或没有权限）。请换一个备份位置。", filepath.Dir(dst))}
	case errors.As(te, &e):
		return &Error{Code: e.Code, Err: err, Message: "备份失败：" + e.Message}
	}
	return fmt.Errorf("backup to %s: %w", dst, err)
}

// isDiskFull reports SQLITE_FULL or an operating system "no space" error.
func isDiskFull(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "SQLITE_FULL") || strings.Contains(msg, "database or disk is full") ||
		strings.Contains(msg, "no space left") || strings.Contains(msg, "not enough space")
}

// syncFile flushes a file to the disk, so that a power cut after the rename
// does not leave an empty backup.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir flushes a folder's entries (a rename) where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync() //nolint:errcheck // not possible on every system
		d.Close()
	}
}

// sameFile reports whether two paths name one existing file.
func sameFile(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(fa, fb), nil
}

// BackupInfo describes one backup file.
type BackupInfo struct {
	Path string
	Time time.Time // when it was made, from its name (or its file time)
	Size int64

	// DBName and DBID are the database the backup is a copy of, as its name
	// records them: the database's file name without extension and the
	// short form of its identity (ShortID). Both are "" for a backup made
	// before they were recorded (bulletin-20261130-150405.db).
	DBName string
	DBID   string
}

// Automatic backups are named for their database, the time and the short
// form of the database's identity: bulletin-20261130-150405-1a2b3c4d.db for
// bulletin.db. Versions before 0.2 named them bulletin-20261130-150405.db
// whatever the database.
const (
	backupLayout = "20060102-150405"
	backupExt    = ".db"
)

var (
	backupName = regexp.MustCompile(`^(.+)-(\d{8}-\d{6})-([0-9a-f]{8})\.db$`)
	legacyName = regexp.MustCompile(`^bulletin-(.*)\.db$`)
)

// backupFileName names a backup of the database at dbPath (identity id)
// made at t.
func backupFileName(dbPath, id string, t time.Time) string {
	return dbName(dbPath) + "-" + t.Format(backupLayout) + "-" + ShortID(id) + backupExt
}

// parseBackupName reads what a backup's file name records; ok is false for a
// file that is not named like a backup.
func parseBackupName(name string) (b BackupInfo, stamp string, ok bool) {
	if m := backupName.FindStringSubmatch(name); m != nil {
		return BackupInfo{DBName: m[1], DBID: m[3]}, m[2], true
	}
	if m := legacyName.FindStringSubmatch(name); m != nil {
		return BackupInfo{}, m[1], true
	}
	return BackupInfo{}, "", false
}

// DefaultKeep is how many automatic backups are kept when the setting is unset.
const DefaultKeep = 30

// DefaultBackupDir is the backup folder used when none is set: "backups"
// beside the database.
func DefaultBackupDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "backups")
}

// FindBackups lists the backups in dir (named like the automatic ones) of
// every database, newest first; BackupsOf picks those of one database. A
// missing folder has none.
func FindBackups(dir string) ([]BackupInfo, error) {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	var out []BackupInfo
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		if b, ok := backupInfo(filepath.Join(dir, e.Name()), fi); ok {
			out = append(out, b)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Time.After(out[j].Time) })
	return out, nil
}

// ParseBackup describes the backup file at path; ok is false when there is
// no such file or it is not named like a backup.
func ParseBackup(path string) (b BackupInfo, ok bool) {
	fi, err := os.Stat(path)
	if err != nil || fi.IsDir() {
		return BackupInfo{}, false
	}
	return backupInfo(path, fi)
}

// backupInfo describes the file at path from its name and fi.
func backupInfo(path string, fi os.FileInfo) (BackupInfo, bool) {
	b, stamp, ok := parseBackupName(filepath.Base(path))
	if !ok {
		return BackupInfo{}, false
	}
	b.Path, b.Size = path, fi.Size()
	var err error
	if b.Time, err = time.ParseInLocation(backupLayout, stamp, time.Local); err != nil {
		b.Time = fi.ModTime()
	}
	return b, true
}

// FindBackupsOf lists the backups of the store's database in dir, newest
// first, and, apart, the other backups there: of other databases, or made
// before backups recorded their database.
func (s *Store) FindBackupsOf(dir string) (own, other []BackupInfo, err error) {
	list, err := FindBackups(dir)
	if err != nil {
		return nil, nil, err
	}
	own, other = BackupsOf(list, s.Ref())
	return own, other, nil
}

// AutoBackup makes the day's automatic backup in dir ("" = DefaultBackupDir)
// unless this database already has one from the same day there, then deletes
// all but its newest keep backups (keep <= 0 means DefaultKeep). Backups of
// other databases in the folder count for nothing and are left alone. It
// returns the day's backup and whether it was made now.
func (s *Store) AutoBackup(ctx context.Context, dir string, keep int) (path string, made bool, err error) {
	if err := s.checkOpen(); err != nil {
		return "", false, err
	}
	if dir == "" {
		dir = DefaultBackupDir(s.path)
	}
	own, _, err := s.FindBackupsOf(dir)
	if err != nil {
		return "", false, err
	}
	today := Day(s.now())
	for _, b := range own {
		// A copy of the file under another name has the same identity: it
		// gets its own backup too.
		if b.DBName == dbName(s.path) && Day(b.Time).Equal(today) {
			return b.Path, false, nil
		}
	}
	path, err = s.BackupNow(ctx, dir, keep)
	if err != nil {
		return "", false, err
	}
	return path, true, nil
}

// BackupNow makes a backup named by the database and the time in dir
// ("" = DefaultBackupDir), then deletes all but the newest keep backups of
// this database there (keep <= 0 means DefaultKeep); the backups of other
// databases, and those that do not say whose they are, are not touched. It is
// the 立即备份 of the settings screen.
func (s *Store) BackupNow(ctx context.Context, dir string, keep int) (string, error) {
	if err := s.checkOpen(); err != nil {
		return "", err
	}
	if dir == "" {
		dir = DefaultBackupDir(s.path)
	}
	if keep <= 0 {
		keep = DefaultKeep
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", backupError(filepath.Join(dir, "x"), err)
	}
	path := filepath.Join(dir, backupFileName(s.path, s.id, s.now()))
	if err := s.Backup(ctx, path); err != nil {
		return "", err
	}
	own, _, err := s.FindBackupsOf(dir)
	if err != nil {
		return path, err
	}
	for _, old := range own[min(keep, len(own)):] {
		if err := os.Remove(old.Path); err != nil {
			return path, fmt.Errorf("remove old backup: %w", err)
		}
	}
	removeStaleTemps(dir, s.id, time.Now()) // file times are the real clock's
	return path, nil
}

// staleAfter is the age at which the temporary file of a backup is taken
// to be left over: its program was ended while it wrote (the file grows as
// it is written, so a backup still running has a recent time).
const staleAfter = time.Hour

// removeStaleTemps deletes the temporary files (x.db.tmp-PID and its
// -journal) that backups of the database with identity id left in dir when
// their program was ended midway: each is as large as the database.
func removeStaleTemps(dir, id string, now time.Time) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		name := e.Name()
		i := strings.LastIndex(name, backupExt+".tmp-")
		if i < 0 || e.IsDir() {
			continue
		}
		if b, _, ok := parseBackupName(name[:i+len(backupExt)]); !ok || b.DBID != ShortID(id) {
			continue
		}
		if fi, err := e.Info(); err == nil && now.Sub(fi.ModTime()) > staleAfter {
			os.Remove(filepath.Join(dir, name))
		}
	}
}
