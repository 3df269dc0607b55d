-- Where and when a claim is about, and how its article resolved in catalogue terms (for diversion detection).
ALTER TABLE evidence_claim
    ADD COLUMN article_designation text,
    ADD COLUMN article_family      text,
    ADD COLUMN article_category    text,
    ADD COLUMN place_name          text,
    ADD COLUMN place_id            text,
    ADD COLUMN latitude            double precision,
    ADD COLUMN longitude           double precision,
    ADD COLUMN country             text,
    ADD COLUMN claim_date          date,
    ADD COLUMN serials             text[] NOT NULL DEFAULT '{}';
