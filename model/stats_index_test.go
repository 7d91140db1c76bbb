package model

import (
	"strings"
	"testing"
)

// TestOpenPeriodQueriesUseTheirIndexes: a period open at its end (全部时间,
// 自…起 on the 统计 screen) reads its last month from the index
// cases_period alone, as a closed one does (TestPeriodQueriesUseTheirIndexes),
// and the first and last 收集时间 that bound an open period are each one
// look-up of an index, not a scan of the cases.
func TestOpenPeriodQueriesUseTheirIndexes(t *testing.T) {
	s := MustOpenStore(t)
	plan := queryPlan(t, s, periodCasesFromQuery, "2026-01-01")
	if len(plan) != 1 || !strings.Contains(plan[0], "USING COVERING INDEX cases_period (collected>?)") {
		t.Errorf("cases from a time: plan %q, want one search of cases_period as a covering index", plan)
	}
	plan = queryPlan(t, s, collectedRangeQuery)
	searches := 0
	for _, step := range plan {
		if strings.HasPrefix(step, "SEARCH cases USING COVERING INDEX") {
			searches++
		}
		if strings.HasPrefix(step, "SCAN") && step != "SCAN CONSTANT ROW" {
			t.Errorf("first and last 收集时间: plan %q scans", plan)
		}
	}
	if searches != 2 {
		t.Errorf("first and last 收集时间: plan %q, want a search of an index for each", plan)
	}
}
