package model

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
)

// Fingerprint identifies a case for import: two cases with the same 标题,
// 发布时间, 网民昵称 and 来源平台 (spaces around them ignored) are the same case.
// A rerun of an import, or a file exported from this program, therefore adds
// nothing that is already there.
func Fingerprint(c *Case) string {
	posted, _ := dbTime(c.Posted).(string)
	return fingerprintOf(c.Title, posted, c.Poster, c.Source)
}

func fingerprintOf(title, posted, poster, source string) string {
	h := sha256.New()
	for _, s := range []string{title, posted, poster, source} {
		h.Write([]byte(strings.TrimSpace(s)))
		h.Write([]byte{0x1f})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// existingFingerprints returns the fingerprints of every case in the database
// and of every case imported before (even if since deleted or edited), each
// with a Chinese description for the duplicate message.
func existingFingerprints(ctx context.Context, tx *sql.Tx) (map[fingerprint]string, error) {
	seen := map[fingerprint]string{}
	rows, err := tx.QueryContext(ctx, `SELECT f.fingerprint, c.number FROM case_fingerprints f
		LEFT JOIN cases c ON c.id = f.case_id`)
	if err != nil {
		return nil, fmt.Errorf("read fingerprints: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var fp string
		var number sql.NullString
		if err := rows.Scan(&fp, &number); err != nil {
			return nil, fmt.Errorf("read fingerprints: %w", err)
		}
		seen[fingerprintKey(fp)] = number.String
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read fingerprints: %w", err)
	}
	rows, err = tx.QueryContext(ctx, `SELECT number, title, coalesce(posted, ''), poster, source FROM cases`)
	if err != nil {
		return nil, fmt.Errorf("read cases: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var number, title, posted, poster, source string
		if err := rows.Scan(&number, &title, &posted, &poster, &source); err != nil {
			return nil, fmt.Errorf("read cases: %w", err)
		}
		seen[fingerprintKey(fingerprintOf(title, posted, poster, source))] = number
	}
	return seen, rows.Err()
}

// fingerprint is a Fingerprint as 16 bytes, the key of the duplicate map: a
// million rows cost 16 bytes each, not a string each.
type fingerprint [16]byte

func fingerprintKey(fp string) fingerprint {
	var k fingerprint
	hex.Decode(k[:], []byte(fp))
	return k
}

// dupOf is what a fingerprint is a duplicate of: a row of the file (line >
// 0, or 0 when unknown), or an existing case (line -1; number "" when the
// case was deleted after being imported).
type dupOf struct {
	line   int32
	number string
}

func (d dupOf) String() string {
	switch {
	case d.line > 0:
		return fmt.Sprintf("与本文件第 %d 行相同", d.line)
	case d.line == 0:
		return "与本文件中前面的一行相同"
	case d.number == "":
		return "以前已导入过（案件已删除）"
	}
	return "与已有案件 " + d.number + " 相同"
}
