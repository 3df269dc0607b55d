-- The order in which a document credits its origins: the first is the outlet the text says is reporting
-- (its primary origin), under which its uncredited claims count.
ALTER TABLE evidence_origin ADD COLUMN position integer NOT NULL DEFAULT 0;
