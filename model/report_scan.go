package model

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// A case of the period is read as one text value, its fields joined by US
// (0x1F) with format (NULL gives ""): the driver's cost is per column read
// (a year of 100,000 cases: 17 columns 530 ms, joined with || 385 ms,
// format less). A 待研判 case has only its first nine fields, all that is
// counted of it, and format's cost is per field.
const (
	periodCaseFields = `c.id, c.source, c.collected, c.kind, c.domain, c.area, c.risk, c.sentiment, c.important`
	periodCaseText   = `CASE WHEN c.status = '待研判' THEN format(?1, ` + periodCaseFields + `)
	ELSE format(?2, ` + periodCaseFields + `, c.status, c.due, c.assigned_at, c.replied_at, c.closed_at,
		c.original_due, c.visit_result, c.visited_at) END`
	pendingFieldN = 9
	caseFieldN    = 17
)

var (
	pendingFormat = strings.Repeat("%s\x1f", pendingFieldN-1) + "%s"
	caseFormat    = strings.Repeat("%s\x1f", caseFieldN-1) + "%s"
)

// scanChunk is how many cases one query of a scan reads, joined by RS
// (0x1E) into a single value with group_concat: a row handed over by the
// driver costs more than the bytes of a long one, and a chunk keeps that
// value a megabyte or two however large the store.
const scanChunk = 8192

// eachPeriodCase calls fn with each case collected in p, holding only the
// fields the figures count (see parsePeriodCase); c is reused, fn must not
// keep it. scanned reads the table in rowid order (see periodTable), else
// the cases come through the index on 收集时间.
func eachPeriodCase(ctx context.Context, tx *sql.Tx, p Period, scanned bool, fn func(c *Case)) error {
	from, end := dbTime(p.From), dbTime(p.End())
	var c Case
	var ts timeScanner
	each := func(text string) error {
		if err := parsePeriodCase(text, &c, &ts); err != nil {
			return err
		}
		fn(&c)
		return nil
	}
	if !scanned {
		rows, err := tx.QueryContext(ctx, `SELECT `+periodCaseText+` FROM cases c
			WHERE c.collected >= ?3 AND c.collected < ?4`, pendingFormat, caseFormat, from, end)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var text string
			if err := rows.Scan(&text); err != nil {
				return err
			}
			if err := each(text); err != nil {
				return err
			}
		}
		return rows.Err()
	}
	var lo, last sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT min(id), max(id) FROM cases`).Scan(&lo, &last); err != nil || !lo.Valid {
		return err
	}
	for next := lo.Int64; ; {
		hi := next + scanChunk
		if hi < next { // the last ids of int64
			hi = math.MaxInt64
		}
		var text sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT group_concat(`+periodCaseText+`, char(30)) FROM cases c NOT INDEXED
			WHERE c.id >= ?3 AND c.id < ?4 AND c.collected >= ?5 AND c.collected < ?6`,
			pendingFormat, caseFormat, next, hi, from, end).Scan(&text); err != nil {
			return err
		}
		for s := text.String; s != ""; {
			line := s
			if i := strings.IndexByte(s, 0x1e); i >= 0 {
				line, s = s[:i], s[i+1:]
			} else {
				s = ""
			}
			if err := each(line); err != nil {
				return err
			}
		}
		if hi > last.Int64 || hi == math.MaxInt64 {
			return nil
		}
		next = hi
		if !text.Valid { // past a gap in the ids
			var n sql.NullInt64
			if err := tx.QueryRowContext(ctx, `SELECT min(id) FROM cases WHERE id >= ?`, next).Scan(&n); err != nil || !n.Valid {
				return err
			}
			next = n.Int64
		}
	}
}

// parsePeriodCase decodes one periodCaseText into c, cleared first: ID,
// 来源, 收集时间, 诉求类型, 领域, 地域, 风险等级, 情感倾向, 重点, and for a case
// past 待研判 its status, 时限 (and the first one), 交办, reply, 办结 and
// 回访 with their times.
func parsePeriodCase(text string, c *Case, ts *timeScanner) error {
	var fs [caseFieldN]string
	n := 0
	for n < caseFieldN-1 {
		i := strings.IndexByte(text, 0x1f)
		if i < 0 {
			break
		}
		fs[n], text = text[:i], text[i+1:]
		n++
	}
	fs[n] = text
	n++
	if n != pendingFieldN && n != caseFieldN {
		return fmt.Errorf("case row of %d fields", n)
	}
	id, err := strconv.ParseInt(fs[0], 10, 64)
	if err != nil {
		return err
	}
	*c = Case{ID: id, Source: fs[1], Kind: fs[3], Domain: fs[4], Area: fs[5], Risk: fs[6], Sentiment: fs[7],
		Important: fs[8] == "1", Status: StatusPending}
	c.Collected = ts.fast(fs[2])
	if n == caseFieldN {
		c.Status = CaseStatus(fs[9])
		c.Due, c.OriginalDue = ts.fastDate(fs[10]), ts.fastDate(fs[14])
		c.AssignedAt, c.RepliedAt, c.ClosedAt = ts.fast(fs[11]), ts.fast(fs[12]), ts.fast(fs[13])
		c.VisitResult, c.VisitedAt = fs[15], ts.fast(fs[16])
	}
	return ts.err
}

// digits is the number written by s in decimal digits, or -1.
func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		d := s[i] - '0'
		if d > 9 {
			return -1
		}
		n = n*10 + int(d)
	}
	return n
}

// fast decodes a date-time column written by dbTime (UTC,
// 2006-01-02T15:04:05.000000000Z) without time.Parse, which took a tenth of
// a year's figures; anything else goes through dt.
func (ts *timeScanner) fast(v string) time.Time {
	if v == "" {
		return time.Time{}
	}
	if len(v) != len(dbTimeLayout) || v[4] != '-' || v[7] != '-' || v[10] != 'T' || v[13] != ':' || v[16] != ':' || v[19] != '.' || v[29] != 'Z' {
		return ts.dt(ns(v))
	}
	y, mo, d, h, mi, se, nano := digits(v[0:4]), digits(v[5:7]), digits(v[8:10]), digits(v[11:13]), digits(v[14:16]), digits(v[17:19]), digits(v[20:29])
	if y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60 || nano < 0 {
		return ts.dt(ns(v))
	}
	return time.Date(y, time.Month(mo), d, h, mi, se, nano, time.UTC).Local()
}

// fastDate decodes a date column written by dbDate (2006-01-02, local
// midnight) as date does, without time.ParseInLocation.
func (ts *timeScanner) fastDate(v string) time.Time {
	if v == "" {
		return time.Time{}
	}
	if len(v) != len(DateLayout) || v[4] != '-' || v[7] != '-' {
		return ts.date(ns(v))
	}
	y, m, d := digits(v[0:4]), digits(v[5:7]), digits(v[8:10])
	if y < 0 || m < 1 || m > 12 || d < 1 {
		return ts.date(ns(v))
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.Local)
	if t.Day() != d { // 2026-02-30: the error of date
		return ts.date(ns(v))
	}
	return t
}

func ns(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }
