package model

import (
	"context"
	"database/sql"
	"fmt"
)

// BulletinWithLinks is a bulletin with the records it links to, read
// together: what the composer shows and saves back.
type BulletinWithLinks struct {
	Bulletin     *Bulletin
	Cases        []*Case        // in the order of Bulletin.CaseIDs
	Meetings     []*Meeting     // in the order of Bulletin.MeetingIDs
	Instructions []*Instruction // by date
}

// FindBulletinWithLinks reads bulletin id with its linked cases, meeting
// notes and 批示 in one read transaction. A link that cannot be read is an
// error, never a shorter list: an editor saving a shorter list would drop
// the link.
func (s *Store) FindBulletinWithLinks(ctx context.Context, id int64) (*BulletinWithLinks, error) {
	tx, err := s.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("find bulletin with links: %w", err)
	}
	defer tx.Rollback()
	b, err := findBulletinByID(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	out := &BulletinWithLinks{Bulletin: b}
	for _, cid := range b.CaseIDs {
		c, err := findCaseByID(ctx, tx, cid)
		if err != nil {
			return nil, fmt.Errorf("find bulletin with links: case %d: %w", cid, err)
		}
		out.Cases = append(out.Cases, c)
	}
	if out.Meetings, err = findLinkedMeetings(ctx, tx, b.MeetingIDs); err != nil {
		return nil, fmt.Errorf("find bulletin with links: %w", err)
	}
	if out.Instructions, err = findInstructions(ctx, tx, id); err != nil {
		return nil, err
	}
	return out, nil
}

// findLinkedMeetings reads the meeting notes ids, in that order.
func findLinkedMeetings(ctx context.Context, tx *sql.Tx, ids []int64) ([]*Meeting, error) {
	var out []*Meeting
	for _, mid := range ids {
		ms, err := queryMeetings(ctx, tx, `SELECT `+meetingColumns+` FROM meetings m WHERE m.id = ?`, mid)
		if err != nil {
			return nil, fmt.Errorf("meeting %d: %w", mid, err)
		} else if len(ms) == 0 {
			return nil, Errorf(ENOTFOUND, "找不到关联的会议纪要（编号 %d），可能已被删除", mid)
		}
		out = append(out, ms[0])
	}
	return out, nil
}
