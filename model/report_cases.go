package model

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// highlight is a case of 三、重点舆情 while the period is counted: 重点
// first, then by risk, then by 收集时间 and id.
type highlight struct {
	id        int64
	important bool
	risk      int
	collected time.Time
}

func (a highlight) before(b highlight) bool {
	switch {
	case a.important != b.important:
		return a.important
	case a.risk != b.risk:
		return a.risk < b.risk
	case !a.collected.Equal(b.collected):
		return a.collected.Before(b.collected)
	}
	return a.id < b.id
}

// keepTop adds h to the first MaxHighlights of top, kept in order.
func keepTop(top []highlight, h highlight) []highlight {
	if len(top) == MaxHighlights && !h.before(top[len(top)-1]) {
		return top
	}
	i := sort.Search(len(top), func(i int) bool { return h.before(top[i]) })
	if len(top) < MaxHighlights {
		top = append(top, highlight{})
	}
	copy(top[i+1:], top[i:])
	top[i] = h
	return top
}

// riskRank orders the 风险等级 from the highest: 特别重大 0, 重大 1, 较大 2;
// -1 for the others (not a highlight by risk).
func riskRank(r string) int {
	switch r {
	case "特别重大":
		return 0
	case "重大":
		return 1
	case "较大":
		return 2
	}
	return -1
}

// MaxHighlights is how many cases PeriodFigures reads whole for 三、重点舆情.
const MaxHighlights = 20

// caseMark is what the 附表 needs of one case, as it stood at the end.
type caseMark struct {
	assigned, replied, onTime, overdue, closed bool
}

// periodTable is the FROM of the period's cases: through the index on
// 收集时间 when the period holds a small part of the store, else the table
// read in order (a year of a 100,000-case store: 145 ms instead of 550 ms
// of page reads in the sqlite3 shell, one look-up per case through the index).
func periodTable(ctx context.Context, tx *sql.Tx, p Period) (string, error) {
	var in, all int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE collected >= ? AND collected < ?`,
		dbTime(p.From), dbTime(p.End())).Scan(&in); err != nil {
		return "", err
	}
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM cases`).Scan(&all); err != nil {
		return "", err
	}
	if in > 2000 && in > all/8 {
		return "cases c NOT INDEXED", nil
	}
	return "cases c", nil
}

// periodCases counts the period's cases in one pass and returns each
// case's marks for the 附表.
func periodCases(ctx context.Context, tx *sql.Tx, f *PeriodFigures, cal *Calendar, judged time.Time) (map[int64]caseMark, error) {
	p := f.Period
	table, err := periodTable(ctx, tx, p)
	if err != nil {
		return nil, err
	}
	f.scanned = strings.HasSuffix(table, "NOT INDEXED")
	// One text column per row, the fields joined by US (0x1F) with format
	// (NULL gives ""): the driver's cost is per column read (a year of
	// 100,000 cases: 17 columns 530 ms, joined with || 385 ms, format less).
	rows, err := tx.QueryContext(ctx, `SELECT format(?, c.id, c.status, c.source, c.collected, c.due, c.kind,
		c.domain, c.area, c.risk, c.sentiment, c.assigned_at, c.replied_at, c.closed_at, c.original_due,
		c.visit_result, c.visited_at, c.important) FROM `+table+` WHERE c.collected >= ? AND c.collected < ?`,
		strings.Repeat("%s\x1f", 16)+"%s",
		dbTime(p.From), dbTime(p.End()))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	end := p.End()
	source, kind, domain, area, risk := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	day, month := map[int]int{}, map[int]int{} // by yyyymmdd and yyyymm, not by Format for each case
	marks := map[int64]caseMark{}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, err
		}
		var fs [17]string
		n := 0
		for n < 16 {
			i := strings.IndexByte(line, 0x1f)
			if i < 0 {
				break
			}
			fs[n], line = line[:i], line[i+1:]
			n++
		}
		if n != 16 {
			return nil, fmt.Errorf("case row of %d fields", n+1)
		}
		fs[16] = line
		var c Case
		id, err := strconv.ParseInt(fs[0], 10, 64)
		if err != nil {
			return nil, err
		}
		c.ID, c.Status, c.Source, c.Kind, c.Domain, c.Area = id, CaseStatus(fs[1]), fs[2], fs[5], fs[6], fs[7]
		c.Risk, c.Sentiment, c.VisitResult, c.Important = fs[8], fs[9], fs[14], fs[16] == "1"
		var ts timeScanner
		c.Collected, c.Due, c.OriginalDue = ts.fast(fs[3]), ts.date(ns(fs[4])), ts.date(ns(fs[13]))
		c.AssignedAt, c.RepliedAt, c.ClosedAt, c.VisitedAt = ts.fast(fs[10]), ts.fast(fs[11]), ts.fast(fs[12]), ts.fast(fs[15])
		if ts.err != nil {
			return nil, ts.err
		}
		asOf(&c, end)
		f.Total++
		source[c.Source]++
		kind[c.Kind]++
		domain[c.Domain]++
		area[c.Area]++
		risk[c.Risk]++
		y, m, d := c.Collected.Date()
		day[y*10000+int(m)*100+d]++
		month[y*100+int(m)]++
		rank := riskRank(c.Risk)
		if rank >= 0 {
			f.HighRisk++
		}
		if c.Important || rank >= 0 {
			f.HighlightN++
			if rank < 0 {
				rank = 3
			}
			f.top = keepTop(f.top, highlight{c.ID, c.Important, rank, c.Collected})
		}
		if c.Sentiment == "负面" {
			f.Negative++
		}
		f.Handling.add(&c, cal, judged)
		if c.Status != StatusPending {
			marks[c.ID] = caseMark{assigned: true, replied: c.Replied(), onTime: c.RepliedOnTime(),
				overdue: c.Overdue(judged), closed: c.Status == StatusClosed}
		} else {
			marks[c.ID] = caseMark{}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	most := func(a, b Count) bool { return a.N > b.N || a.N == b.N && a.Label < b.Label }
	f.BySource, f.ByKind = sortedCounts(source, most), sortedCounts(kind, most)
	f.ByDomain, f.ByArea = sortedCounts(domain, most), sortedCounts(area, most)
	for _, r := range RiskLevels {
		f.ByRisk = append(f.ByRisk, Count{r, risk[r]})
		delete(risk, r)
	}
	f.ByRisk = append(f.ByRisk, sortedCounts(risk, most)...)
	for d := Day(p.From); !d.After(p.To); d = d.AddDate(0, 0, 1) {
		f.ByDay = append(f.ByDay, Count{d.Format("2006-01-02"), day[d.Year()*10000+int(d.Month())*100+d.Day()]})
		if d.Day() == 1 || d.Equal(Day(p.From)) {
			f.ByMonth = append(f.ByMonth, Count{d.Format("2006-01"), month[d.Year()*100+int(d.Month())]})
		}
	}
	return marks, nil
}

func ns(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

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
	num := func(s string) int {
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
	y, mo, d, h, mi, se, nano := num(v[0:4]), num(v[5:7]), num(v[8:10]), num(v[11:13]), num(v[14:16]), num(v[17:19]), num(v[20:29])
	if y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60 || nano < 0 {
		return ts.dt(ns(v))
	}
	return time.Date(y, time.Month(mo), d, h, mi, se, nano, time.UTC).Local()
}
