-- 0031_case_period: the cases of a period as the 通报 and the 统计 screen
-- count them (model/report_scan.go), in order of 收集时间: each case's counted
-- fields as one text, joined by US (0x1F), only the first nine for a case
-- still 待研判. A year of a 100,000-case store is then read from this index
-- alone instead of formatting every row of the table (~25 ms instead of
-- ~90 ms). periodCaseText in report_scan.go is this same expression; a test
-- checks that the query is answered from the index. Counting another field
-- is a new migration that drops this index and creates its successor.
CREATE INDEX cases_period ON cases (collected, (CASE WHEN status = '待研判'
	THEN format(replace('%s %s %s %s %s %s %s %s %s', ' ', char(31)),
		id, source, collected, kind, domain, area, risk, sentiment, important)
	ELSE format(replace('%s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s', ' ', char(31)),
		id, source, collected, kind, domain, area, risk, sentiment, important,
		status, due, assigned_at, replied_at, closed_at, original_due, visit_result, visited_at) END));
