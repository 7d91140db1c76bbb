package model

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// testdata/release-0003.db was made by the release before the calendar
// (migrations 0001–0003: commit 8507d01) with its demodata tool (-n 30) and a
// small program that added an issued bulletin with a 批示 that assigned cases,
// and a draft bulletin. It is kept as that release left it.
const releaseDB = "testdata/release-0003.db"

// oldTables are the tables of the old release whose rows must survive the
// upgrade unchanged, column by column.
var oldTables = []string{"cases", "case_texts", "case_departments", "case_events", "case_counters",
	"bulletins", "bulletin_cases", "bulletin_meetings", "instructions", "meetings", "meeting_decisions",
	"meeting_cases", "departments", "leaders", "settings", "bulletin_events", "case_fingerprints",
	"cases_tri_data", "cases_bi_data"}

// dumpTables reads every row of tables, every column as the driver returns
// it, in rowid order: table → rows, each row a list of "column=value".
func dumpTables(tb testing.TB, db *sql.DB, tables []string, only map[string][]string) map[string][][]string {
	tb.Helper()
	out := map[string][][]string{}
	for _, table := range tables {
		cols := "*"
		if only != nil {
			cols = strings.Join(only[table], ", ")
		}
		rows, err := db.Query(`SELECT ` + cols + ` FROM ` + table + ` ORDER BY rowid`)
		if err != nil {
			tb.Fatalf("%s: %v", table, err)
		}
		names, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(names))
			ptrs := make([]any, len(names))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				tb.Fatal(err)
			}
			row := make([]string, len(names))
			for i, v := range vals {
				if b, ok := v.([]byte); ok {
					v = string(b)
				}
				row[i] = fmt.Sprintf("%s=%T:%v", names[i], v, v)
			}
			out[table] = append(out[table], row)
		}
		if err := rows.Err(); err != nil {
			tb.Fatal(err)
		}
		rows.Close()
	}
	return out
}

// columnsOf lists the columns of each table.
func columnsOf(tb testing.TB, db *sql.DB, tables []string) map[string][]string {
	tb.Helper()
	out := map[string][]string{}
	for _, table := range tables {
		rows, err := db.Query(`SELECT name FROM pragma_table_info(?)`, table)
		if err != nil {
			tb.Fatal(err)
		}
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				tb.Fatal(err)
			}
			out[table] = append(out[table], n)
		}
		rows.Close()
	}
	return out
}

func TestReleaseDatabaseUpgradesWithoutLoss(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	data, err := os.ReadFile(releaseDB)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	old, err := sql.Open("sqlite", readOnlyDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	cols := columnsOf(t, old, oldTables)
	before := dumpTables(t, old, oldTables, cols)
	old.Close()
	if len(before["cases"]) != 30 || len(before["case_events"]) == 0 || len(before["bulletins"]) != 2 || len(before["instructions"]) != 1 {
		t.Fatalf("testdata: %d cases, %d events, %d bulletins, %d instructions", len(before["cases"]),
			len(before["case_events"]), len(before["bulletins"]), len(before["instructions"]))
	}

	s := MustOpenStoreAt(t, path)
	after := dumpTables(t, s.rdb, oldTables, cols)
	for _, table := range oldTables {
		if !reflect.DeepEqual(before[table], after[table]) {
			t.Errorf("%s changed in the upgrade: %d rows before, %d after", table, len(before[table]), len(after[table]))
			for i := range min(len(before[table]), len(after[table])) {
				if !reflect.DeepEqual(before[table][i], after[table][i]) {
					t.Errorf("first difference, row %d:\n before %v\n after  %v", i, before[table][i], after[table][i])
					break
				}
			}
		}
	}
	// The store reads every case and event, and the new columns start out
	// empty, with the 原定时限 of an assigned case its 时限.
	cs, n, err := s.FindCases(ctx, CaseFilter{})
	if err != nil || n != 30 {
		t.Fatalf("FindCases: %v, %d", err, n)
	}
	for _, c := range cs {
		if !c.OriginalDue.Equal(c.Due) || c.Reminders != 0 || c.Sentiment != "" || c.Engagement.Counted() ||
			c.VisitResult != "" || c.Important || c.ReplyDept != "" {
			t.Errorf("case %s after the upgrade: %+v", c.Number, c)
		}
		if _, err := s.FindCaseEvents(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
	}
	bs, err := s.FindBulletins(ctx, BulletinFilter{})
	if err != nil || len(bs) != 2 {
		t.Fatalf("FindBulletins: %v, %d", err, len(bs))
	}
	// The upgraded database works: a 延期 on a case the old release assigned.
	for _, c := range cs {
		if c.Status != StatusAssigned || c.Due.Before(Day(testNow)) {
			continue
		}
		if _, err := s.TransitionCase(ctx, c.ID, Transition{Action: ActionRemind, Note: "电话催办"}); err != nil {
			t.Errorf("催办 on an upgraded case: %v", err)
		}
		break
	}
}
