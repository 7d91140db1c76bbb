-- 0010_documents: the numbers of the office's printed documents (DOCUMENTS.md §1–2).
--
-- document_counters: the last number given per kind and year ('minutes' for
--   the 纪要's 期号, 'notice' for the 交办编号), so that a number is never
--   given twice, even after its record is deleted.
-- minutes_numbers: the 期号 of a meeting's 纪要, given once, and the body as
--   the staff member last edited it ('' = drafted from the meeting record).
-- notices: a 交办单 as printed: its 编号 (year, number), the department, the
--   date, the 批示 it came from, and the document JSON it was typeset from,
--   so that a reprint gives the same number and the same bytes.
-- notice_cases: the cases a notice lists.
CREATE TABLE document_counters (
	kind TEXT NOT NULL,
	year INTEGER NOT NULL,
	last INTEGER NOT NULL,
	PRIMARY KEY (kind, year)
);

CREATE TABLE minutes_numbers (
	meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
	year       INTEGER NOT NULL,
	number     INTEGER NOT NULL CHECK (number > 0),
	body       TEXT NOT NULL DEFAULT '',
	UNIQUE (year, number)
);

CREATE TABLE notices (
	id             INTEGER PRIMARY KEY,
	year           INTEGER NOT NULL,
	number         INTEGER NOT NULL CHECK (number > 0),
	department     TEXT NOT NULL,
	day            TEXT NOT NULL,
	instruction_id INTEGER REFERENCES instructions (id) ON DELETE SET NULL,
	doc            TEXT NOT NULL,
	created_at     TEXT NOT NULL,
	UNIQUE (year, number)
);

CREATE TABLE notice_cases (
	notice_id INTEGER NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
	case_id   INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	PRIMARY KEY (notice_id, case_id)
);
CREATE INDEX notice_cases_case ON notice_cases (case_id, notice_id);
