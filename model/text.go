package model

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Length limits, in characters. Long texts take a pasted post of 100,000
// characters and more; the limits only stop accidents such as pasting a file.
const (
	MaxLineLen = 500     // single-line fields: 标题, 网民昵称, names
	MaxTextLen = 1000000 // long texts: 原文内容, 会议内容, 正文
)

// field describes one text field for validation: its Chinese name, its value
// and whether it may hold line breaks.
type field struct {
	name      string
	value     string
	multiline bool
}

// checkFields validates text fields in order and returns the first problem
// as an *Error naming the field.
func checkFields(fields ...field) error {
	for _, f := range fields {
		if err := checkText(f); err != nil {
			return err
		}
	}
	return nil
}

// checkText rejects invalid UTF-8, control characters (line breaks and tabs
// are allowed in long texts) and oversized values. Text is never changed
// here: CleanText does that, visibly, in the UI and the importer.
func checkText(f field) error {
	if !utf8.ValidString(f.value) {
		return Errorf(EINVALID, "「%s」含有无效的字符编码，请重新输入", f.name)
	}
	limit := MaxLineLen
	if f.multiline {
		limit = MaxTextLen
	}
	if n := utf8.RuneCountInString(f.value); n > limit {
		return Errorf(EINVALID, "「%s」过长：%d 字，最多 %d 字", f.name, n, limit)
	}
	for i, r := range []rune(f.value) {
		if isBadControl(r, f.multiline) {
			return Errorf(EINVALID, "「%s」第 %d 个字符是不可见的控制字符（U+%04X），请删除后再保存", f.name, i+1, r)
		}
	}
	return nil
}

// isBadControl reports whether r is a control character not allowed in a
// field. Format characters (zero-width joiner in emoji) are kept.
func isBadControl(r rune, multiline bool) bool {
	if multiline && (r == '\n' || r == '\t') {
		return false
	}
	return unicode.IsControl(r)
}

// CleanText removes control characters from s, returning the cleaned text and
// how many characters were removed. Windows line ends (CRLF, CR) become "\n"
// without being counted. In a single-line field (multiline false) line breaks
// and tabs become one space each and are counted. Invalid UTF-8 bytes are
// removed and counted.
func CleanText(s string, multiline bool) (string, int) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	removed := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		switch {
		case r == utf8.RuneError && size == 1:
			removed++
		case !multiline && (r == '\n' || r == '\t'):
			b.WriteByte(' ')
			removed++
		case isBadControl(r, multiline):
			removed++
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), removed
}

// cleanInto cleans *p in place and, when something was removed, appends a note
// naming the field to notes.
func cleanInto(notes []string, name string, p *string, multiline bool) []string {
	clean, n := CleanText(*p, multiline)
	*p = clean
	if n > 0 {
		notes = append(notes, fmt.Sprintf("已从「%s」中删除 %d 个控制字符或换行", name, n))
	}
	return notes
}

// cleanList cleans each item of a list of names and drops empty ones.
func cleanList(notes []string, name string, list []string) ([]string, []string) {
	out := list[:0:0]
	for _, v := range list {
		notes = cleanInto(notes, name, &v, false)
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out, notes
}

// checkList validates a list of names (departments, attendees).
func checkList(name string, list []string) error {
	for _, v := range list {
		if strings.TrimSpace(v) == "" {
			return Errorf(EINVALID, "「%s」中有空的名称", name)
		}
		if err := checkText(field{name, v, false}); err != nil {
			return err
		}
	}
	return nil
}

// required returns an error "X不能为空" when v is blank.
func required(name, v string) error {
	if strings.TrimSpace(v) == "" {
		return Errorf(EINVALID, "%s不能为空", name)
	}
	return nil
}
