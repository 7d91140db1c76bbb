package model

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// sqliteMagic starts every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// VerifyBackup checks that path is a complete, undamaged database of this
// program, not newer than it. It returns a Chinese *Error saying what is
// wrong. The file is only read.
func VerifyBackup(ctx context.Context, path string) error {
	if err := checkHeader(path); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", readOnlyDSN(path))
	if err != nil {
		return fmt.Errorf("verify backup: %w", err)
	}
	defer db.Close()
	var result string
	if err := db.QueryRowContext(ctx, `PRAGMA integrity_check(1)`).Scan(&result); err != nil {
		return &Error{Code: EINVALID, Err: err, Message: fmt.Sprintf("备份文件已损坏，无法读取（%s）", filepath.Base(path))}
	}
	if result != "ok" {
		return &Error{Code: EINVALID, Message: fmt.Sprintf("备份文件已损坏，完整性检查未通过：%s", result)}
	}
	var names []string
	rows, err := db.QueryContext(ctx, `SELECT name FROM schema_migrations`)
	if err != nil {
		return Errorf(EINVALID, "%s 不是本程序的数据库（没有版本记录）", filepath.Base(path))
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return fmt.Errorf("verify backup: %w", err)
		}
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("verify backup: %w", err)
	}
	known, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("verify backup: %w", err)
	}
	if len(names) == 0 {
		return Errorf(EINVALID, "%s 不是本程序的数据库（版本记录为空）", filepath.Base(path))
	}
	for _, n := range names {
		if !containsName(known, n) {
			return Errorf(EINVALID, "备份来自更新版本的程序（%s），本程序无法使用。请先升级程序再恢复。", n)
		}
	}
	return nil
}

func containsName(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkHeader reads a file's SQLite header: the magic string, and the page
// size and page count, which tell a file cut short (a copy interrupted when
// the USB stick was pulled).
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return Errorf(ENOTFOUND, "找不到文件 %s", path)
		}
		return fmt.Errorf("read backup: %w", err)
	}
	defer f.Close()
	var h [100]byte
	n, err := io.ReadFull(f, h[:])
	if n < len(sqliteMagic) || string(h[:len(sqliteMagic)]) != sqliteMagic {
		return Errorf(EINVALID, "%s 不是数据库文件（不是 SQLite 格式）", filepath.Base(path))
	}
	if err != nil {
		return Errorf(EINVALID, "%s 不完整：文件被截断了", filepath.Base(path))
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("read backup: %w", err)
	}
	if pages > 0 && fi.Size() < pageSize*pages {
		return Errorf(EINVALID, "%s 不完整：应有 %d 字节，只有 %d 字节（复制时可能中断了）", filepath.Base(path), pageSize*pages, fi.Size())
	}
	return nil
}

// Restore replaces the database at dbPath with the backup src after checking
// it (VerifyBackup). The replaced database is kept beside it, renamed to
// “bulletin.db.replaced-20261130-150405” together with its -wal file, and its
// name is returned ("" when there was none). The database must not be open:
// the caller closes its store first; another program holding it is refused.
func Restore(dbPath, src string) (keptOld string, err error) {
	ctx := context.Background()
	if err := checkHeader(src); err != nil {
		return "", err
	}
	if same, _ := sameFile(dbPath, src); same {
		return "", Errorf(EINVALID, "不能用数据库文件本身来恢复")
	}
	if inUse(dbPath) {
		return "", Errorf(ECONFLICT, "数据库仍在使用中：请先关闭它再恢复")
	}
	lock, err := lockDB(dbPath)
	if err != nil {
		return "", err
	}
	defer lock.unlock()
	// Copy first and check the copy: what is checked is what goes in, and
	// the source (a USB stick) may go away.
	tmp := fmt.Sprintf("%s.restoring-%d", dbPath, os.Getpid())
	if err := copyFile(src, tmp); err != nil {
		os.Remove(tmp)
		return "", backupError(tmp, err)
	}
	defer removeDB(tmp)
	if err := takeWAL(ctx, src, tmp); err != nil {
		return "", err
	}
	if err := VerifyBackup(ctx, tmp); err != nil {
		return "", err
	}
	if _, err := os.Stat(dbPath); err == nil {
		keptOld = dbPath + ".replaced-" + time.Now().Format(backupLayout)
		if err := os.Rename(dbPath, keptOld); err != nil {
			return "", fmt.Errorf("keep replaced database: %w", err)
		}
		// The -wal file may hold the last saves: it goes with the kept file,
		// so that the kept copy opens complete.
		if err := os.Rename(dbPath+"-wal", keptOld+"-wal"); err != nil && !errors.Is(err, os.ErrNotExist) {
			return keptOld, fmt.Errorf("keep replaced wal: %w", err)
		}
	}
	os.Remove(dbPath + "-wal")
	os.Remove(dbPath + "-shm")
	if err := os.Rename(tmp, dbPath); err != nil {
		return keptOld, fmt.Errorf("restore: %w", err)
	}
	syncDir(filepath.Dir(dbPath))
	return keptOld, nil
}

// Restore closes the store and puts the backup src in place of its
// database (the package function Restore). The store is never used again,
// whether or not the restore succeeded: every later call fails with ErrClosed
// and a message saying that a backup was restored and the program must be
// started again.
func (s *Store) Restore(src string) (keptOld string, err error) {
	s.replaced.Store(true)
	closeErr := s.Close() // Restore itself refuses a database still held open
	kept, err := Restore(s.path, src)
	if err != nil && closeErr != nil {
		err = fmt.Errorf("%w (close store: %v)", err, closeErr)
	}
	return kept, err
}

// takeWAL brings in the last saves of a database file copied while its
// program ran (bulletin.db with its bulletin.db-wal beside it): the -wal file
// is copied too and merged into tmp, so that nothing of it is lost.
func takeWAL(ctx context.Context, src, tmp string) error {
	fi, err := os.Stat(src + "-wal")
	if err != nil || fi.Size() == 0 {
		return nil
	}
	if err := copyFile(src+"-wal", tmp+"-wal"); err != nil {
		return backupError(tmp, err)
	}
	db, err := sql.Open("sqlite", plainDSN(tmp))
	if err != nil {
		return fmt.Errorf("merge wal: %w", err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return &Error{Code: EINVALID, Err: err, Message: fmt.Sprintf("%s 旁边的 -wal 文件已损坏，无法读取", filepath.Base(src))}
	}
	return nil
}

// removeDB removes a database file with its -wal and -shm files.
func removeDB(path string) {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
}

// copyFile copies src to dst and flushes dst to the disk.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// IsDamaged reports whether err from Open means the database file is
// damaged or not a database: the UI then offers to restore the newest backup.
func IsDamaged(err error) bool {
	var e *Error
	return errors.As(err, &e) && (strings.Contains(e.Message, "损坏") || strings.Contains(e.Message, "不是本程序的数据库"))
}
