-- Vetting (V30-V39). Subjects and graph nodes are written (kind, id): kind 'unit' and 'person' are the
-- ledger's recipient units and persons, 'org' an outside organisation only vetting knows
-- (vetting_organisation). Every vetting decision, dismissal and requeue is also in audit_log.

CREATE TABLE vetting_organisation (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT        NOT NULL CHECK (btrim(name) <> ''),
    aliases     TEXT[]      NOT NULL DEFAULT '{}',
    note        TEXT        NOT NULL DEFAULT '',
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX vetting_organisation_name ON vetting_organisation (lower(name));

-- One asserted affiliation: who says that FROM is RELATION of TO, and a note.
CREATE TABLE vetting_affiliation (
    id          BIGSERIAL PRIMARY KEY,
    from_kind   TEXT        NOT NULL CHECK (from_kind IN ('unit', 'person', 'org')),
    from_id     BIGINT      NOT NULL,
    relation    TEXT        NOT NULL CHECK (relation IN ('member_of', 'part_of', 'backed_by', 'successor_of')),
    to_kind     TEXT        NOT NULL CHECK (to_kind IN ('unit', 'person', 'org')),
    to_id       BIGINT      NOT NULL,
    source      TEXT        NOT NULL CHECK (btrim(source) <> ''),
    note        TEXT        NOT NULL DEFAULT '',
    recorded_by TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (NOT (from_kind = to_kind AND from_id = to_id)),
    UNIQUE (from_kind, from_id, relation, to_kind, to_id)
);
CREATE INDEX vetting_affiliation_from ON vetting_affiliation (from_kind, from_id);

CREATE TABLE vetting_request (
    id            BIGSERIAL PRIMARY KEY,
    subject_kind  TEXT        NOT NULL CHECK (subject_kind IN ('unit', 'person')),
    subject_id    BIGINT      NOT NULL,
    purpose_kind  TEXT        NOT NULL CHECK (purpose_kind IN ('transfer', 'training', 'other')),
    purpose       TEXT        NOT NULL CHECK (btrim(purpose) <> ''),
    as_of         DATE        NOT NULL,
    requested_by  TEXT        NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    status        TEXT        NOT NULL CHECK (status IN ('pending', 'decided')),
    requeued      BOOLEAN     NOT NULL DEFAULT false,
    note          TEXT        NOT NULL DEFAULT ''
);
CREATE INDEX vetting_request_subject ON vetting_request (subject_kind, subject_id);
CREATE INDEX vetting_request_pending ON vetting_request (status) WHERE status = 'pending';

-- One run of the automated checks for a request.
CREATE TABLE vetting_check (
    id             BIGSERIAL PRIMARY KEY,
    request_id     BIGINT      NOT NULL REFERENCES vetting_request(id),
    checked_at     TIMESTAMPTZ NOT NULL,
    as_of          DATE        NOT NULL,
    names_screened INTEGER     NOT NULL,
    nodes_screened INTEGER     NOT NULL,
    truncated      BOOLEAN     NOT NULL,
    roster         BIGINT[]    NOT NULL,
    list_versions  JSONB       NOT NULL,
    screened       JSONB       NOT NULL
);
CREATE INDEX vetting_check_request ON vetting_check (request_id);

CREATE TABLE vetting_finding (
    check_id      BIGINT           NOT NULL REFERENCES vetting_check(id),
    finding_key   TEXT             NOT NULL,
    node_kind     TEXT             NOT NULL,
    node_id       BIGINT           NOT NULL,
    entity_id     TEXT             NOT NULL,
    entity_name   TEXT             NOT NULL,
    entity_schema TEXT             NOT NULL,
    lists         TEXT[]           NOT NULL,
    score         DOUBLE PRECISION NOT NULL,
    screened_name TEXT             NOT NULL,
    path_text     TEXT             NOT NULL,
    path          JSONB            NOT NULL,
    explanation   JSONB            NOT NULL,
    fingerprint   TEXT             NOT NULL,
    PRIMARY KEY (check_id, finding_key)
);

-- Dismissals are history: the latest for (subject, node, entity) is the one in force, and only while the
-- listed entity's fingerprint is unchanged.
CREATE TABLE vetting_dismissal (
    id            BIGSERIAL PRIMARY KEY,
    subject_kind  TEXT        NOT NULL,
    subject_id    BIGINT      NOT NULL,
    node_kind     TEXT        NOT NULL,
    node_id       BIGINT      NOT NULL,
    entity_id     TEXT        NOT NULL,
    fingerprint   TEXT        NOT NULL,
    reason        TEXT        NOT NULL CHECK (btrim(reason) <> ''),
    reviewer      TEXT        NOT NULL,
    dismissed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX vetting_dismissal_key ON vetting_dismissal (subject_kind, subject_id, node_kind, node_id, entity_id);

CREATE TABLE vetting_decision (
    id           BIGSERIAL PRIMARY KEY,
    request_id   BIGINT      NOT NULL UNIQUE REFERENCES vetting_request(id),
    check_id     BIGINT      NOT NULL REFERENCES vetting_check(id),
    subject_kind TEXT        NOT NULL,
    subject_id   BIGINT      NOT NULL,
    outcome      TEXT        NOT NULL CHECK (outcome IN ('approved', 'denied', 'restricted')),
    conditions   TEXT        NOT NULL DEFAULT '',
    reason       TEXT        NOT NULL CHECK (btrim(reason) <> ''),
    expires      DATE        NOT NULL,
    officer      TEXT        NOT NULL,
    decided_at   TIMESTAMPTZ NOT NULL,
    roster       BIGINT[]    NOT NULL,
    CHECK (outcome <> 'restricted' OR btrim(conditions) <> '')
);
CREATE INDEX vetting_decision_subject ON vetting_decision (subject_kind, subject_id, decided_at DESC);

-- Decisions and dismissals are records: corrections are new rows, never edits.
CREATE FUNCTION vetting_record_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER vetting_decision_no_edit BEFORE UPDATE OR DELETE ON vetting_decision
    FOR EACH ROW EXECUTE FUNCTION vetting_record_is_append_only();
CREATE TRIGGER vetting_dismissal_no_edit BEFORE UPDATE OR DELETE ON vetting_dismissal
    FOR EACH ROW EXECUTE FUNCTION vetting_record_is_append_only();
