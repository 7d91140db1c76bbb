-- 0002_import: fingerprints of imported cases, so that importing the same
-- spreadsheet again adds nothing (see import.go). A fingerprint is the SHA-256
-- of 标题, 发布时间, 网民昵称 and 来源平台. It outlives its case: a case the user
-- deleted after importing it is not brought back by importing the file again.
CREATE TABLE case_fingerprints (
	fingerprint TEXT PRIMARY KEY,
	case_id     INTEGER REFERENCES cases (id) ON DELETE SET NULL,
	source_file TEXT NOT NULL DEFAULT '',
	imported_at TEXT NOT NULL
);
CREATE INDEX case_fingerprints_case ON case_fingerprints (case_id);
