package model

import (
	"errors"
	"fmt"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Error codes for errors a user may see.
const (
	EINVALID  = "invalid"
	ENOTFOUND = "not_found"
	ECONFLICT = "conflict"
	EINTERNAL = "internal"
)

// Error is an error a user may see. Message is in Chinese and names the field
// or record concerned; it is shown as it is.
type Error struct {
	Code    string
	Message string
	Err     error // the underlying cause, if any (not shown to users)
}

// Error returns the user message.
func (e *Error) Error() string { return e.Message }

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted Chinese message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of an *Error in err's chain, EINTERNAL otherwise
// and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user message of an *Error in err's chain, or a
// generic Chinese message for anything else.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "内部错误：" + err.Error()
}

// translate turns the driver errors a user can act on into *Error with a
// Chinese message (this is the one place that knows SQLite's codes); anything
// else is returned as it is.
func translate(err error) error {
	var se *sqlite.Error
	if err == nil || !errors.As(err, &se) {
		return err
	}
	code := se.Code()
	switch code & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return &Error{Code: ECONFLICT, Message: "数据库正被另一个程序（或另一个窗口）占用，请稍后再试", Err: err}
	case sqlite3.SQLITE_FULL:
		return &Error{Code: EINTERNAL, Message: "磁盘已满，数据未能保存，请清理磁盘空间后再试", Err: err}
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM:
		return &Error{Code: EINVALID, Message: "数据库文件或所在文件夹是只读的，不能保存", Err: err}
	case sqlite3.SQLITE_CANTOPEN:
		return &Error{Code: EINVALID, Message: "无法打开数据库文件（文件夹只读或没有权限）", Err: err}
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return &Error{Code: EINVALID, Message: "数据库文件已损坏或不是本程序的数据库", Err: err}
	case sqlite3.SQLITE_TOOBIG:
		return &Error{Code: EINVALID, Message: "内容太长，超出了数据库的上限", Err: err}
	case sqlite3.SQLITE_CONSTRAINT:
		if code == sqlite3.SQLITE_CONSTRAINT_UNIQUE || code == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY {
			return &Error{Code: ECONFLICT, Message: "记录重复：" + uniqueWhat(se.Error()), Err: err}
		}
		if code == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY {
			return &Error{Code: ECONFLICT, Message: "该记录仍被其他记录引用，或引用的记录不存在", Err: err}
		}
	}
	return err
}

// uniqueWhat names, in Chinese, what a UNIQUE violation was about.
func uniqueWhat(msg string) string {
	for _, k := range uniqueNames {
		if strings.Contains(msg, k.column) {
			return k.name
		}
	}
	return "已存在相同的记录"
}

var uniqueNames = []struct{ column, name string }{
	{"bulletins.serial", "总期号已被其他期次使用"},
	{"bulletins.year, bulletins.number", "该年度的期号已存在"},
	{"departments.name", "已有同名的责任单位"},
	{"cases.number", "案件编号已存在"},
	{"cases.year, cases.seq", "案件编号已存在"},
}

// openError explains why Open failed, naming the file.
func openError(path string, err error) error {
	err = translate(err)
	var e *Error
	if errors.As(err, &e) {
		return &Error{Code: e.Code, Message: e.Message + "：" + path, Err: err}
	}
	return fmt.Errorf("open store %s: %w", path, err)
}
