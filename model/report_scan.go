package model

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// periodCaseText is a case of a period as one text value, its fields joined
// by US (0x1F) with format (NULL gives ""), and for a 待研判 case only the
// first nine, all that is counted of it. It is the expression of the index
// cases_period (migration 0031), word for word, so that a
// period's cases are read from that index alone: no row of the table, no
// format per case. The driver's cost is per column and per row read, which
// one value per case and group_concat keep low.
const periodCaseText = `CASE WHEN status = '待研判'
	THEN format(replace('%s %s %s %s %s %s %s %s %s', ' ', char(31)),
		id, source, collected, kind, domain, area, risk, sentiment, important)
	ELSE format(replace('%s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s', ' ', char(31)),
		id, source, collected, kind, domain, area, risk, sentiment, important,
		status, due, assigned_at, replied_at, closed_at, original_due, visit_result, visited_at) END`

// The number of fields of periodCaseText.
const (
	pendingFieldN = 9
	caseFieldN    = 17
)

// periodCasesQuery reads the cases collected in [?1, ?2) as one value,
// joined by RS (0x1E); periodCasesFromQuery those collected at or after ?1.
const (
	periodCasesQuery = `SELECT group_concat(` + periodCaseText + `, char(30)) FROM cases
	WHERE collected >= ?1 AND collected < ?2`
	periodCasesFromQuery = `SELECT group_concat(` + periodCaseText + `, char(30)) FROM cases
	WHERE collected >= ?1`
)

// eachPeriodCase calls fn with each case collected in p, holding only the
// fields the figures count (see parsePeriodCase); c is reused, fn must not
// keep it.
func eachPeriodCase(ctx context.Context, tx *sql.Tx, p Period, fn func(c *Case)) error {
	return eachCollectedCase(ctx, tx, p.From, p.End(), fn)
}

// eachCollectedCase calls fn, as eachPeriodCase does, with each case
// collected at or after from and before to; a zero from or to is open. The
// cases are read a calendar month at a time, one value per query of about
// 170 bytes a case (1.4 MB for a month of 8,000 cases); an open end reads
// from the first case or up to the last, however its time is written.
func eachCollectedCase(ctx context.Context, tx *sql.Tx, from, to time.Time, fn func(c *Case)) error {
	bounds, err := monthBounds(ctx, tx, from, to)
	if err != nil || bounds == nil {
		return err
	}
	var c Case
	var ts timeScanner
	for i := 0; i+1 < len(bounds); i++ {
		var text sql.NullString
		var err error
		if bounds[i+1] == nil {
			err = tx.QueryRowContext(ctx, periodCasesFromQuery, bounds[i]).Scan(&text)
		} else {
			err = tx.QueryRowContext(ctx, periodCasesQuery, bounds[i], bounds[i+1]).Scan(&text)
		}
		if err != nil {
			return err
		}
		for s := text.String; s != ""; {
			line := s
			if i := strings.IndexByte(s, 0x1e); i >= 0 {
				line, s = s[:i], s[i+1:]
			} else {
				s = ""
			}
			if err := parsePeriodCase(line, &c, &ts); err != nil {
				return err
			}
			fn(&c)
		}
	}
	return nil
}

// collectedRangeQuery reads the first and the last 收集时间 of the store,
// each from the end of an index on it.
const collectedRangeQuery = `SELECT (SELECT min(collected) FROM cases), (SELECT max(collected) FROM cases)`

// monthBounds are the 收集时间 that cut [from, to) into calendar months, as
// the database writes them: from first ("" when open), then the first
// instant of each month after it, then to (nil when open). None when the
// store holds no case. An open end starts at the month of the first case or
// stops after that of the last; when their times are not as dbTime writes
// them, the open side is one range.
func monthBounds(ctx context.Context, tx *sql.Tx, from, to time.Time) ([]any, error) {
	lo, hi := from, to
	if from.IsZero() || to.IsZero() {
		var first, last sql.NullString
		if err := tx.QueryRowContext(ctx, collectedRangeQuery).Scan(&first, &last); err != nil {
			return nil, err
		}
		if !first.Valid {
			return nil, nil
		}
		var ts timeScanner
		if from.IsZero() {
			lo = ts.fast(first.String)
		}
		if to.IsZero() {
			hi = ts.fast(last.String)
		}
		if ts.err != nil {
			lo, hi = from, to
		}
	}
	bounds := []any{dbTime(from)}
	if from.IsZero() {
		bounds[0] = ""
	}
	if !lo.IsZero() && !hi.IsZero() {
		for y, m, _ := lo.Date(); ; m++ {
			next := time.Date(y, m+1, 1, 0, 0, 0, 0, time.Local)
			if !next.Before(hi) {
				break
			}
			bounds = append(bounds, dbTime(next))
		}
	}
	return append(bounds, dbTime(to)), nil // nil when open
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
	// time.Date(y, mo, d, h, mi, se, nano, time.UTC).Local(), by the day's
	// number: 4 ns instead of 8, for each of the six times of a case.
	sec := int64(civilDay(y, time.Month(mo), d)-unixDay)*86400 + int64(h*3600+mi*60+se)
	return time.Unix(sec, int64(nano))
}

// unixDay is the civil day number of 1970-01-01.
var unixDay = civilDay(1970, time.January, 1)

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
