-- 0001_init: cases with their timeline and search indexes, meeting notes, the
-- directory (departments, leaders), bulletins with their instructions, settings.
-- Date-times are UTC text 'YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ', dates 'YYYY-MM-DD',
-- NULL when not set.

-- The list columns of a case. Long texts live in case_texts, so that
-- listing, counting and sorting 100,000 cases reads a small table.
CREATE TABLE cases (
	id          INTEGER PRIMARY KEY,
	year        INTEGER NOT NULL,
	seq         INTEGER NOT NULL,
	number      TEXT NOT NULL UNIQUE,
	title       TEXT NOT NULL,
	source      TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	poster      TEXT NOT NULL DEFAULT '',
	posted      TEXT,
	collected   TEXT NOT NULL,
	area        TEXT NOT NULL DEFAULT '',
	domain      TEXT NOT NULL DEFAULT '',
	kind        TEXT NOT NULL DEFAULT '',
	risk        TEXT NOT NULL DEFAULT '',
	assigned_at TEXT,
	due         TEXT,
	replied_at  TEXT,
	closed_at   TEXT,
	status      TEXT NOT NULL CHECK (status IN ('待研判', '已交办', '已回复', '已办结')),
	reported    INTEGER NOT NULL DEFAULT 0,
	instructed  INTEGER NOT NULL DEFAULT 0,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	UNIQUE (year, seq)
);
CREATE INDEX cases_collected ON cases (collected);
CREATE INDEX cases_status_due ON cases (status, due);
CREATE INDEX cases_due ON cases (due);
CREATE INDEX cases_source ON cases (source);

CREATE TABLE case_texts (
	case_id     INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
	spread      TEXT NOT NULL DEFAULT '',
	content     TEXT NOT NULL DEFAULT '',
	summary     TEXT NOT NULL DEFAULT '',
	assessment  TEXT NOT NULL DEFAULT '',
	proposal    TEXT NOT NULL DEFAULT '',
	handling    TEXT NOT NULL DEFAULT '',
	reply       TEXT NOT NULL DEFAULT '',
	remarks     TEXT NOT NULL DEFAULT ''
);

-- The last case number handed out per year: numbers are never reused, even
-- after a deletion, since they appear on paper.
CREATE TABLE case_counters (
	year INTEGER PRIMARY KEY,
	last INTEGER NOT NULL
);

CREATE TABLE case_departments (
	case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	pos     INTEGER NOT NULL,
	name    TEXT NOT NULL,
	PRIMARY KEY (case_id, pos)
);
CREATE INDEX case_departments_name ON case_departments (name, case_id);

-- The timeline. Append-only: rows go only when their case is deleted.
CREATE TABLE case_events (
	id          INTEGER PRIMARY KEY,
	case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	at          TEXT NOT NULL,
	action      TEXT NOT NULL,
	from_status TEXT NOT NULL DEFAULT '',
	to_status   TEXT NOT NULL DEFAULT '',
	note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_events_case ON case_events (case_id, id);
CREATE TRIGGER case_events_append_only BEFORE UPDATE ON case_events
BEGIN
	SELECT RAISE(ABORT, 'case_events is append-only');
END;
-- A delete is allowed only as the cascade of deleting the case itself (the
-- case row is gone by then).
CREATE TRIGGER case_events_keep BEFORE DELETE ON case_events
WHEN EXISTS (SELECT 1 FROM cases WHERE id = old.case_id)
BEGIN
	SELECT RAISE(ABORT, 'case_events is append-only');
END;

-- Substring search, 3 characters and more: a trigram index over the searched
-- texts, written by the store with each save (writeSearchDoc). Contentless:
-- the texts are not stored twice.
CREATE VIRTUAL TABLE cases_tri USING fts5 (
	number, title, content, summary, poster, reply,
	content = '', contentless_delete = 1, tokenize = 'trigram'
);

-- Substring search, 1 and 2 characters: every pair of neighbouring characters
-- (and each run's last character) as a token, written by the store (bigramDoc).
-- Only single tokens and prefixes are looked up, so no positions are kept.
CREATE VIRTUAL TABLE cases_bi USING fts5 (
	doc,
	content = '', contentless_delete = 1, detail = 'none', prefix = '1',
	tokenize = "unicode61 remove_diacritics 0 categories 'L* M* N* P* S* Z* C*' separators ' '"
);

CREATE TABLE departments (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE,
	contact    TEXT NOT NULL DEFAULT '',
	phone      TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);

CREATE TABLE leaders (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	position   TEXT NOT NULL DEFAULT '',
	sort_order INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);

CREATE TABLE meetings (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	type       TEXT NOT NULL DEFAULT '',
	time       TEXT,
	place      TEXT NOT NULL DEFAULT '',
	host       TEXT NOT NULL DEFAULT '',
	present    TEXT NOT NULL DEFAULT '[]', -- JSON arrays of names
	attending  TEXT NOT NULL DEFAULT '[]',
	absent     TEXT NOT NULL DEFAULT '[]',
	recorder   TEXT NOT NULL DEFAULT '',
	topic      TEXT NOT NULL DEFAULT '',
	content    TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX meetings_time ON meetings (time);

CREATE TABLE meeting_decisions (
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	pos        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	lead       TEXT NOT NULL DEFAULT '',
	due        TEXT,
	PRIMARY KEY (meeting_id, pos)
);

CREATE TABLE meeting_cases (
	meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	pos        INTEGER NOT NULL,
	PRIMARY KEY (meeting_id, case_id)
);
CREATE INDEX meeting_cases_case ON meeting_cases (case_id);

CREATE TABLE bulletins (
	id          INTEGER PRIMARY KEY,
	year        INTEGER NOT NULL,
	number      INTEGER NOT NULL CHECK (number > 0),
	serial      INTEGER NOT NULL DEFAULT 0 CHECK (serial >= 0),
	name        TEXT NOT NULL DEFAULT '',
	unit        TEXT NOT NULL DEFAULT '',
	date        TEXT,
	marking     TEXT NOT NULL DEFAULT '',
	title       TEXT NOT NULL,
	editor_note TEXT NOT NULL DEFAULT '',
	body        TEXT NOT NULL DEFAULT '',
	bao         TEXT NOT NULL DEFAULT '',
	song        TEXT NOT NULL DEFAULT '',
	fa          TEXT NOT NULL DEFAULT '',
	copies      INTEGER NOT NULL DEFAULT 0,
	signer      TEXT NOT NULL DEFAULT '',
	editor      TEXT NOT NULL DEFAULT '',
	cover       INTEGER NOT NULL DEFAULT 0,
	status      TEXT NOT NULL CHECK (status IN ('草稿', '已印发', '已批示')),
	issued_at   TEXT,
	pdf         BLOB, -- the exact bytes printed, kept while issued
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL,
	UNIQUE (year, number)
);
CREATE UNIQUE INDEX bulletins_serial ON bulletins (serial) WHERE serial > 0;

CREATE TABLE bulletin_cases (
	bulletin_id INTEGER NOT NULL REFERENCES bulletins (id) ON DELETE CASCADE,
	case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	pos         INTEGER NOT NULL,
	PRIMARY KEY (bulletin_id, case_id)
);
CREATE INDEX bulletin_cases_case ON bulletin_cases (case_id);

CREATE TABLE bulletin_meetings (
	bulletin_id INTEGER NOT NULL REFERENCES bulletins (id) ON DELETE CASCADE,
	meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
	pos         INTEGER NOT NULL,
	PRIMARY KEY (bulletin_id, meeting_id)
);
CREATE INDEX bulletin_meetings_meeting ON bulletin_meetings (meeting_id);

-- What happened to a bulletin: 创建, 印发, 撤回 (with the withdrawn PDF), 批示.
-- Append-only like the case timeline.
CREATE TABLE bulletin_events (
	id          INTEGER PRIMARY KEY,
	bulletin_id INTEGER NOT NULL REFERENCES bulletins (id) ON DELETE CASCADE,
	at          TEXT NOT NULL,
	action      TEXT NOT NULL,
	note        TEXT NOT NULL DEFAULT '',
	pdf         BLOB
);
CREATE INDEX bulletin_events_bulletin ON bulletin_events (bulletin_id, id);
CREATE TRIGGER bulletin_events_append_only BEFORE UPDATE ON bulletin_events
BEGIN
	SELECT RAISE(ABORT, 'bulletin_events is append-only');
END;
CREATE TRIGGER bulletin_events_keep BEFORE DELETE ON bulletin_events
WHEN EXISTS (SELECT 1 FROM bulletins WHERE id = old.bulletin_id)
BEGIN
	SELECT RAISE(ABORT, 'bulletin_events is append-only');
END;

-- 批示. Leader name and position are copied as written on the paper; leader_id
-- links the directory entry while it exists.
CREATE TABLE instructions (
	id          INTEGER PRIMARY KEY,
	bulletin_id INTEGER NOT NULL REFERENCES bulletins (id) ON DELETE RESTRICT,
	leader_id   INTEGER REFERENCES leaders (id) ON DELETE SET NULL,
	leader      TEXT NOT NULL,
	position    TEXT NOT NULL DEFAULT '',
	date        TEXT NOT NULL,
	text        TEXT NOT NULL,
	kind        TEXT NOT NULL CHECK (kind IN ('阅知', '转办', '督办')),
	departments TEXT NOT NULL DEFAULT '[]', -- JSON array of names
	due         TEXT,
	assign      INTEGER NOT NULL DEFAULT 0,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);
CREATE INDEX instructions_bulletin ON instructions (bulletin_id, id);

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
