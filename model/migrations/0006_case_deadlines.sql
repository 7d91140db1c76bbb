-- 0006_case_deadlines: what the deadline work and the reports need on a case.
-- Every column is added with a default, so existing rows keep every value
-- they had; the old free-text 传播情况 (case_texts.spread) stays.
--
-- original_due: the 时限 set when the case was first assigned. A 延期 moves
--   due, never original_due, so that the record shows what was asked first.
--   Cases assigned before this migration get their present due.
-- reply_department: which department replied (登记回复).
-- reminders: how many 催办 the case has had (each is also a timeline event).
-- sentiment: 情感倾向, '' when not judged.
-- views, reposts, comments, likes: 阅读(播放)数, 转发数, 评论数, 点赞数, NULL
--   when not counted; counted_at is when they were counted.
-- visit_result, visited_at: 回访结果 ('' = not recorded) and 回访时间.
-- important: the 重点 flag.
ALTER TABLE cases ADD COLUMN original_due TEXT;
ALTER TABLE cases ADD COLUMN reply_department TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN reminders INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN sentiment TEXT NOT NULL DEFAULT ''
	CHECK (sentiment IN ('', '正面', '中性', '负面'));
ALTER TABLE cases ADD COLUMN views INTEGER CHECK (views >= 0);
ALTER TABLE cases ADD COLUMN reposts INTEGER CHECK (reposts >= 0);
ALTER TABLE cases ADD COLUMN comments INTEGER CHECK (comments >= 0);
ALTER TABLE cases ADD COLUMN likes INTEGER CHECK (likes >= 0);
ALTER TABLE cases ADD COLUMN counted_at TEXT;
ALTER TABLE cases ADD COLUMN visit_result TEXT NOT NULL DEFAULT ''
	CHECK (visit_result IN ('', '满意', '基本满意', '不满意', '未回访'));
ALTER TABLE cases ADD COLUMN visited_at TEXT;
ALTER TABLE cases ADD COLUMN important INTEGER NOT NULL DEFAULT 0;

UPDATE cases SET original_due = due WHERE due IS NOT NULL;

CREATE INDEX cases_sentiment ON cases (sentiment) WHERE sentiment <> '';
CREATE INDEX cases_important ON cases (important) WHERE important = 1;
