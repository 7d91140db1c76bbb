-- 0003_instruction_outcome: what recording a 批示 with 交办 did to its linked
-- cases, as the list of 批示 shows it (交办 2 件，增加责任单位 1 件，跳过 1 件（已回复）).
-- Records made before it have '' and say only that the cases were assigned.
ALTER TABLE instructions ADD COLUMN outcome TEXT NOT NULL DEFAULT '';
