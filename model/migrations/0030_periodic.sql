-- 0030_periodic: the 通报 (DOCUMENTS.md §5), stored like a 专报.
--
-- periodic_issues: one 通报 of a period (kind week/month/quarter/year/range,
--   its first and last day). A draft keeps its 刊名, title and body as the
--   staff member edits them; issuing gives the 期号 (per kind and year, from
--   document_counters kind 'periodic-<kind>', never given twice) and freezes
--   it: the document JSON it was typeset from (body, 附表, charts) and the
--   PDF bytes, reprinted as they are. An issued row is never changed.
CREATE TABLE periodic_issues (
	id          INTEGER PRIMARY KEY,
	kind        TEXT NOT NULL CHECK (kind IN ('week', 'month', 'quarter', 'year', 'range')),
	period_from TEXT NOT NULL,
	period_to   TEXT NOT NULL,
	year        INTEGER NOT NULL,
	number      INTEGER CHECK (number IS NULL OR number > 0),
	name        TEXT NOT NULL DEFAULT '',
	title       TEXT NOT NULL DEFAULT '',
	body        TEXT NOT NULL DEFAULT '',
	doc         TEXT,
	pdf         BLOB,
	issued_at   TEXT,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	UNIQUE (kind, year, number)
);
CREATE INDEX periodic_issues_period ON periodic_issues (period_from);

CREATE TRIGGER periodic_issues_frozen BEFORE UPDATE ON periodic_issues
WHEN OLD.issued_at IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'periodic issue is issued');
END;
