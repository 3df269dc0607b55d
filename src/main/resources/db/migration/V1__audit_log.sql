-- Migration numbering: V1-V9 core, V10-V19 lists, V20-V29 ledger and end-use monitoring,
-- V30-V39 vetting, V40-V49 evidence, V50-V59 diversion cases.

-- Every decision Custody records (imports, vetting decisions, dismissals, overrides, case changes) is
-- appended here. Each row carries the SHA-256 of its predecessor's hash and its own content, so any
-- edit or deletion breaks the chain; the triggers below refuse edits and deletions outright.
CREATE TABLE audit_log (
    seq         BIGSERIAL PRIMARY KEY,
    recorded_at TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    detail      TEXT        NOT NULL,
    prev_hash   TEXT        NOT NULL,
    hash        TEXT        NOT NULL UNIQUE
);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
